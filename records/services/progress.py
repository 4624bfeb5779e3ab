"""Module progress, enrolment status and course completion, decided on the server from
what it recorded.

A module is complete when it was read (the "mark as complete" step, for a module without
a quiz) or when its quiz was passed. A course is complete when every required module of
the course is complete; modules count across translations (by their translation key), so
a module read in Arabic counts for the course in any language. Only modules completed
after the person's previous completion of the course count towards a new one. A completion
records the version of each required module it covers; completing a module re-opened by a
material change brings a valid completion up to date instead (records.services.recertification)."""

import calendar
import uuid
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page

from courses.models import CoursePage
from elearning.compiled import CompiledQuery
from quizzes.models import Attempt
from quizzes.services import attempts
from records import signals
from records.models import CourseCompletion, Enrolment, ModuleProgress, ModuleUpdate
from records.models.sync import one_stamp, stamped_update
from records.services import recertification


class PrerequisitesIncomplete(Exception):
    def __init__(self, missing):
        self.missing = missing
        super().__init__(_("Complete the prerequisite courses first."))


def add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


_LATEST_COMPLETION = CompiledQuery(
    lambda user_id, course_code: (
        CourseCompletion.objects.not_revoked()
        .filter(user=user_id, course_code=course_code)
        .newest_first()[:1]
    ),
    int,
    str,
)


def latest_completion(user, course_code):
    """The person's latest completion of the course that stands (valid or expired)."""
    return _LATEST_COMPLETION.first(user.pk, course_code)


def current_completion(user, course_code):
    """The person's completion of the course that is still valid, if any."""
    completion = latest_completion(user, course_code)
    return completion if completion and not completion.is_expired else None


def missing_prerequisites(user, course, prerequisites=None):
    """``prerequisites``: ``course.prerequisites()``, when the caller has them already."""
    if prerequisites is None:
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
    """The person's cycle of the course (``current_cycle_expression``), in one query."""
    return enrolment_and_cycle(user, course_code)[1]


def _enrolment_and_cycle(user_id, course_code):
    enrolments = Enrolment.objects.filter(user=user_id, course_code=course_code)
    people = get_user_model().objects.filter(pk=user_id)
    return people.annotate(
        enrolled=Exists(enrolments), cycle=current_cycle_expression(user_id, course_code)
    ).values_list("enrolled", "cycle")


_ENROLMENT_AND_CYCLE = CompiledQuery(_enrolment_and_cycle, int, str)


def enrolment_and_cycle(user, course_code):
    """(whether the person is enrolled on the course, their cycle of it), in one query."""
    return _ENROLMENT_AND_CYCLE(user.pk, course_code)[0]


def current_cycle_expression(user, course_code):
    """The person's (or their id's) cycle of the course: their enrolment's, or 1 before any
    (or with none recorded), as an expression to filter by inside another query."""
    cycle = Enrolment.objects.filter(user=user, course_code=course_code).values("cycle")[:1]
    return Coalesce(NullIf(Subquery(cycle), Value(0)), Value(1))


def start_quiz(user, module, course, now=None, cycle=None):
    """Resume the person's open attempt at the module's quiz, or start one, in their current
    cycle of the course (``cycle``, when the caller has read it); their progress on the
    module starts."""
    if cycle is None:
        cycle = current_cycle(user, course.course_code)
    attempt = attempts.start_attempt(user, module, course, cycle, now)
    record_activity(user, module, course)
    return attempt


def _progress(user_id, module_key):
    # ``update_id``: the pending update (recertification) that re-opened the module, if any,
    # read with the progress so the module page knows without a query of its own.
    updates = ModuleUpdate.objects.awaiting().filter(user=OuterRef("user"), module_key=OuterRef("module_key"))
    return ModuleProgress.objects.filter(user=user_id, module_key=module_key).annotate(
        update_id=Subquery(updates.values("pk")[:1])
    )


_PROGRESS = CompiledQuery(_progress, int, uuid.UUID)


def record_activity(user, module, course, now=None):
    """The person opened a module or started its quiz: progress starts, and their
    enrolment, if any, is in progress. (Only records what happened; enrolling and
    completing always take an explicit POST.)"""
    now = now or timezone.now()
    progress = _PROGRESS.first(user.pk, module.translation_key)
    if progress is not None:
        return progress
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
    """The "mark as complete" step, with what follows from it, in one transaction."""
    now = now or timezone.now()
    with transaction.atomic():
        progress = record_activity(user, module, course, now)
        if progress.read_at is None:
            progress.read_at = now
        newly_completed = progress.completed_at is None and not module.quiz_questions.exists()
        if newly_completed:
            progress.completed_at = now
        progress.save(update_fields=["read_at", "completed_at"])
        # The course completion this step earned, if it was the last module needed.
        progress.course_completion = refresh_course_completion(
            user, course, now, progress_changed=newly_completed
        )
    return progress


# A module's course is the page at its parent's path (Wagtail's ``parent_of``).
_COURSE_AT = CompiledQuery(lambda path: CoursePage.objects.select_related("locale").filter(path=path), str)


def module_quiz_passed(user, module, now=None):
    """The module's quiz was passed: the module is complete, and the course if that was the
    last module it needed. Runs inside the submission's transaction (quizzes sends
    ``attempt_submitted`` in it), so all of it commits with the attempt or not at all."""
    now = now or timezone.now()
    course = _COURSE_AT.first(Page._get_parent_path_from_path(module.path))
    if course is None:
        return None
    newly_completed = _complete_module(user, module, course, now)
    return refresh_course_completion(user, course, now, progress_changed=newly_completed)


def pass_still_unrecorded(attempt):
    """Whether a passed attempt may still owe its module or course completion: the course
    is not complete in the attempt's cycle (a later cycle starts afresh, and an old pass
    must not count in it). One query."""
    return Enrolment.objects.filter(
        user_id=attempt.user_id,
        course_code=attempt.course_code,
        cycle=attempt.cycle,
        completed_at__isnull=True,
    ).exists()


def _complete_module(user, module, course, now):
    """Whether the module is newly complete. One UPDATE when its progress was recorded
    (starting the attempt records it), as it normally was."""
    incomplete = ModuleProgress.objects.filter(
        user=user, module_key=module.translation_key, completed_at__isnull=True
    )
    if incomplete.update(completed_at=now):
        return True
    progress = record_activity(user, module, course, now)
    if progress.completed_at is not None:
        return False
    progress.completed_at = now
    progress.save(update_fields=["completed_at"])
    return True


def best_scores_of_counting_modules(user, keys, since=None):
    """{module key: best passing percentage} of the modules (of ``keys``) whose completion
    counts towards the person's next completion of their course
    (``ModuleProgress.objects.counting()``), each with the best passing percentage of its
    quiz since ``since`` (their previous completion); None for a module without a passed
    quiz. One query."""
    if since is None:
        return dict(_BEST_SCORES(user.pk, keys))
    return dict(_BEST_SCORES_SINCE(user.pk, keys, since))


def _best_scores(user_id, keys, since=None):
    passed = Attempt.objects.filter(user=user_id, module_key=OuterRef("module_key"), passed=True)
    if since is not None:
        passed = passed.filter(submitted_at__gt=since)
    best = passed.order_by("-percentage").values("percentage")[:1]
    counting = ModuleProgress.objects.counting().filter(user=user_id, module_key__in=keys)
    return counting.annotate(best=Subquery(best)).values_list("module_key", "best")


_BEST_SCORES = CompiledQuery(_best_scores, int, [uuid.UUID])
_BEST_SCORES_SINCE = CompiledQuery(_best_scores, int, [uuid.UUID], datetime)


def _earned_completion(user, course, modules, now):
    """The completion the person has earned now (unsaved), or None. Earned when every
    required module was completed since their previous completion, unless that one is
    still valid. Its score is the average of the best passing percentage of each required
    module's quiz."""
    previous = latest_completion(user, course.course_code)
    if previous is not None and not previous.is_expired:
        return None
    keys = {module.translation_key for module in modules}
    best = best_scores_of_counting_modules(user, keys, since=previous.completed_at if previous else None)
    if best.keys() != keys:
        return None
    scores = [score for score in best.values() if score is not None]
    canonical = course.canonical()
    return CourseCompletion(
        user=user,
        course=canonical,
        course_code=course.course_code,
        course_title=course.title,
        course_language=course.locale.language_code,
        completed_at=now,
        score=sum(scores) / len(scores) if scores else None,
        valid_until=add_months(timezone.localdate(now), canonical.validity_months)
        if canonical.validity_months
        else None,
        module_versions=recertification.current_versions(modules),
    )


_LOCKED_ENROLMENT = CompiledQuery(
    lambda user_id, course_code: Enrolment.objects.select_for_update().filter(
        user=user_id, course_code=course_code
    ),
    int,
    str,
)


def refresh_course_completion(user, course, now=None, progress_changed=False):
    """Record the course completion once every required module is complete.
    ``progress_changed``: a module was just completed, so the enrolment's ``updated_at``
    moves (HR systems syncing enrolments fetch it again) even if the course is not done."""
    now = now or timezone.now()
    modules = course.required_modules()
    if not modules:
        if progress_changed:
            _progress_changed(user, course.course_code)
        return None
    with transaction.atomic(savepoint=False):
        # One enrolment row per person and course: locking it serialises completions.
        enrolment, created = _LOCKED_ENROLMENT.first(user.pk, course.course_code), False
        if enrolment is None:
            enrolment, created = Enrolment.objects.select_for_update().get_or_create(
                user=user,
                course_code=course.course_code,
                defaults={"course": course, "course_title": course.title},
            )
        completion = _earned_completion(user, course, modules, now)
        if completion is None and not created and enrolment.status in recertification.UPDATING:
            # A module re-opened by a material change may have been the one completed.
            brought = recertification.bring_up_to_date(user, course, modules, enrolment, now)
            if brought is not None:
                return brought
        if completion is None and (created or not progress_changed):
            return None  # nothing to record (a new enrolment has a fresh stamp already)
        # The completion and the enrolment share one sync stamp: the clock is taken once.
        with one_stamp():
            if completion is not None:
                completion.save()
                enrolment.set_status(Enrolment.Status.COMPLETED, now)
                enrolment.completed_at = now
            enrolment.save()
        if completion is not None:
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
        with one_stamp():
            completion.save()
            reset_course_progress(completion.user, completion.course_code, now)
        signals.completion_revoked.send(sender=CourseCompletion, completion=completion)
    return completion
