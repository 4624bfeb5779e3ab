"""Module progress, enrolment status and course completion, decided on the server from
what it recorded.

A module is complete when it was read (the "mark as complete" step, for a module without
a quiz) or when its quiz was passed. A course is complete when every required module of
the course is complete; modules count across translations (by their translation key), so
a module read in Arabic counts for the course in any language. Only modules completed
after the person's previous completion of the course count towards a new one."""

import calendar
from datetime import date

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import CoursePage
from quizzes.models import Attempt
from quizzes.services import attempts
from records import signals
from records.models import CourseCompletion, Enrolment, ModuleProgress
from records.models.sync import stamped_update


class PrerequisitesIncomplete(Exception):
    def __init__(self, missing):
        self.missing = missing
        super().__init__(_("Complete the prerequisite courses first."))


def add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def latest_completion(user, course_code):
    """The person's latest completion of the course that stands (valid or expired)."""
    return (
        CourseCompletion.objects.not_revoked()
        .filter(user=user, course_code=course_code)
        .newest_first()
        .first()
    )


def current_completion(user, course_code):
    """The person's completion of the course that is still valid, if any."""
    completion = latest_completion(user, course_code)
    return completion if completion and not completion.is_expired else None


def missing_prerequisites(user, course):
    prerequisites = course.prerequisites()
    if not prerequisites:
        return []
    done = set(
        CourseCompletion.objects.valid_on(timezone.localdate())
        .filter(user=user, course_code__in=[p.course_code for p in prerequisites])
        .values_list("course_code", flat=True)
    )
    return [p for p in prerequisites if p.course_code not in done]


def enrol(user, course, source=Enrolment.Source.SELF):
    missing = missing_prerequisites(user, course)
    if missing:
        raise PrerequisitesIncomplete(missing)
    started = ModuleProgress.objects.filter(user=user, course_code=course.course_code).exists()
    enrolment, _created = Enrolment.objects.get_or_create(
        user=user,
        course_code=course.course_code,
        defaults={
            "course": course,
            "course_title": course.title,
            "source": source,
            "status": Enrolment.Status.IN_PROGRESS if started else Enrolment.Status.NOT_STARTED,
        },
    )
    return enrolment


def current_cycle(user, course_code):
    cycle = (
        Enrolment.objects.filter(user=user, course_code=course_code).values_list("cycle", flat=True).first()
    )
    return cycle or 1


def start_quiz(user, module, course, now=None):
    """Resume the person's open attempt at the module's quiz, or start one, in their current
    cycle of the course; their progress on the module starts."""
    attempt = attempts.start_attempt(user, module, course, current_cycle(user, course.course_code), now)
    record_activity(user, module, course)
    return attempt


def record_activity(user, module, course, now=None):
    """The person opened a module or started its quiz: progress starts, and their
    enrolment, if any, is in progress. (Only records what happened; enrolling and
    completing always take an explicit POST.)"""
    now = now or timezone.now()
    progress, _created = ModuleProgress.objects.get_or_create(
        user=user,
        module_key=module.translation_key,
        defaults={
            "module": module,
            "module_title": module.title,
            "course_code": course.course_code,
            "started_at": now,
        },
    )
    if _created:
        stamped_update(
            Enrolment.objects.filter(
                user=user, course_code=course.course_code, status=Enrolment.Status.NOT_STARTED
            ),
            status=Enrolment.Status.IN_PROGRESS,
            status_changed_at=now,
        )
    return progress


def _progress_changed(user, course_code):
    """A module was completed: the enrolment's progress moved, so HR systems syncing
    enrolments by ``updated_at`` fetch it again."""
    stamped_update(Enrolment.objects.filter(user=user, course_code=course_code))


def mark_module_read(user, module, course, now=None):
    now = now or timezone.now()
    progress = record_activity(user, module, course, now)
    if progress.read_at is None:
        progress.read_at = now
    newly_completed = progress.completed_at is None and not module.quiz_questions.exists()
    if newly_completed:
        progress.completed_at = now
    progress.save(update_fields=["read_at", "completed_at"])
    if newly_completed:
        _progress_changed(user, course.course_code)
    refresh_course_completion(user, course, now)
    return progress


def module_quiz_passed(user, module, now=None):
    now = now or timezone.now()
    course = CoursePage.objects.parent_of(module).first()
    if course is None:
        return
    progress = record_activity(user, module, course, now)
    if progress.completed_at is None:
        progress.completed_at = now
        progress.save(update_fields=["completed_at"])
        _progress_changed(user, course.course_code)
    refresh_course_completion(user, course, now)


def completed_module_keys(user, keys):
    """Modules completed since the person's previous completion of their course."""
    return set(
        ModuleProgress.objects.counting()
        .filter(user=user, module_key__in=keys)
        .values_list("module_key", flat=True)
    )


def course_score(user, modules, since=None):
    """The average of the best passing percentage of each required module's quiz."""
    keys = [module.translation_key for module in modules]
    attempts = Attempt.objects.filter(user=user, module_key__in=keys, passed=True)
    if since is not None:
        attempts = attempts.filter(submitted_at__gt=since)
    best = attempts.values("module_key").annotate(best=Max("percentage")).values_list("best", flat=True)
    best = list(best)
    if not best:
        return None
    return sum(best) / len(best)


def refresh_course_completion(user, course, now=None):
    """Record the course completion once every required module is complete."""
    now = now or timezone.now()
    modules = course.required_modules()
    if not modules:
        return None
    keys = {module.translation_key for module in modules}
    with transaction.atomic():
        # One enrolment row per person and course: locking it serialises completions.
        enrolment, _created = Enrolment.objects.select_for_update().get_or_create(
            user=user,
            course_code=course.course_code,
            defaults={"course": course, "course_title": course.title},
        )
        if current_completion(user, course.course_code):
            return None
        previous = latest_completion(user, course.course_code)
        if completed_module_keys(user, keys) != keys:
            return None
        canonical = course.canonical()
        completion = CourseCompletion.objects.create(
            user=user,
            course=canonical,
            course_code=course.course_code,
            course_title=course.title,
            course_language=course.locale.language_code,
            completed_at=now,
            score=course_score(user, modules, since=previous.completed_at if previous else None),
            valid_until=add_months(timezone.localdate(now), canonical.validity_months)
            if canonical.validity_months
            else None,
        )
        enrolment.set_status(Enrolment.Status.COMPLETED, now)
        enrolment.completed_at = now
        enrolment.save()
        signals.completion_created.send(sender=CourseCompletion, completion=completion)
    return completion


def reset_course_progress(user, course_code, now=None):
    """Start the course afresh: module progress of its modules no longer counts."""
    now = now or timezone.now()
    ModuleProgress.objects.filter(user=user, course_code=course_code).update(completed_at=None, read_at=None)
    stamped_update(
        Enrolment.objects.filter(user=user, course_code=course_code),
        status=Enrolment.Status.IN_PROGRESS,
        status_changed_at=now,
        completed_at=None,
        cycle=F("cycle") + 1,
    )


def retake(user, course):
    """After a completion expires, the person takes the course again for a new one."""
    if current_completion(user, course.course_code):
        raise ValueError("The course completion is still valid.")
    reset_course_progress(user, course.course_code)


def revoke_completion(completion, by, reason, now=None):
    """An HR correction: the completion stays, marked revoked with the reason, and the
    person must complete the course again."""
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("A revocation needs a reason.")
    now = now or timezone.now()
    with transaction.atomic():
        completion = CourseCompletion.objects.select_for_update().get(pk=completion.pk)
        if completion.is_revoked:
            return completion
        completion.revoked_at = now
        completion.revoked_by = by
        completion.revoked_reason = reason
        completion.save()
        reset_course_progress(completion.user, completion.course_code, now)
        signals.completion_revoked.send(sender=CourseCompletion, completion=completion)
    return completion
