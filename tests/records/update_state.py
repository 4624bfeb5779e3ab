"""The state a material change leaves behind, made directly (the recertification service
makes it in production): a valid completion, an "update required" enrolment with a due
date, and the open module updates."""

import uuid
from datetime import timedelta

from django.utils import timezone

from records.models import CourseCompletion, Enrolment, ModuleUpdate
from tests.factories import CourseCompletionFactory, EnrolmentFactory

Status = Enrolment.Status


def require_update(
    user,
    course=None,
    *,
    course_code=None,
    modules=(("Fair hiring", 2),),
    due_date=None,
    summary="The hiring policy now covers interns.",
    enrolment=None,
):
    """A valid completion of the course by ``user`` and ``modules`` ((title, version)
    pairs) re-opened, due ``due_date`` (in 30 days by default). Returns the enrolment."""
    due_date = due_date or timezone.localdate() + timedelta(days=30)
    code = course.course_code if course else (course_code or "INF-101")
    completion = CourseCompletion.objects.filter(
        user=user, course_code=code, revoked_at__isnull=True
    ).first() or CourseCompletionFactory(user=user, course=course, course_code=code, days_ago=60)
    if enrolment is None:
        enrolment = Enrolment.objects.filter(user=user, course_code=code).first() or EnrolmentFactory(
            user=user, course=course, course_code=code
        )
    enrolment.status = Status.UPDATE_REQUIRED
    enrolment.due_date = due_date
    enrolment.completed_at = completion.completed_at
    enrolment.save()
    for title, version in modules:
        ModuleUpdate.objects.create(
            user=user,
            course_code=code,
            completion=completion,
            module_key=uuid.uuid5(uuid.NAMESPACE_URL, f"{code}/{title}"),
            module_title=title,
            version=version,
            summary=summary,
            due_date=due_date,
        )
    return enrolment
