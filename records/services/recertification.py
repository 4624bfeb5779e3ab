"""Recertification after a material change to a module (courses.versions).

Re-opening (``reopen_module``, one transaction with the new version, in a fixed number of
queries whatever the number of people):

- Each person whose latest completion of the course is valid, not superseded, and covers
  an older version of the module, and who is still on staff
  (``CourseCompletion.objects.recertifiable``), gets a ``ModuleUpdate`` (one per
  completion and module: a second change before the first was done moves its version on,
  re-opens it from now and appends the summary), their progress on the module no longer
  counts (it must be completed again), their enrolment is "update required", due
  ``RECERTIFICATION_DUE_DAYS`` days later, or the assignment rule's "due after (days)" when
  the enrolment came from a rule, in a new cycle of the course (so the module's quiz has
  its attempts afresh), and ``records.signals.updates_required`` is sent.
- A person part-way through the course (no valid completion) who had already completed
  the module must complete it again: their progress on it no longer counts. They get no
  update: their completion, when it comes, covers the new version.
- Leavers, and expired, revoked or superseded completions: nothing.

A completion that does not list a module (recorded before versions were kept) covers
version 1 of it.

Bringing up to date (``bring_up_to_date``, from completing a module in
records.services.progress, in its transaction): an update is done once its module is
completed after it was re-opened; when all of a completion's updates are, a new
completion replaces it: a new certificate, completed now, with the same ``valid_until``
(a policy update does not extend validity) and the same score (the course's quizzes were
passed; the updated modules' quizzes check the change was read), covering the current
version of every required module. The old one is superseded, not revoked: it was valid,
and its certificate says it was replaced by the new one."""

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone

from courses.models import ModuleVersion
from records import signals
from records.models import CourseCompletion, Enrolment, ModuleProgress, ModuleUpdate
from records.models.sync import one_stamp, stamped_update

Status = Enrolment.Status
# The statuses of an enrolment with open updates: "update required", "overdue" once due.
UPDATING = (Status.UPDATE_REQUIRED, Status.OVERDUE)


def covered_version(module_versions, key):
    """The version of the module (its translation key) a completion covers."""
    return int(module_versions.get(str(key), 1))


def current_versions(modules):
    """{module key (text): current version} of ``modules``: what a completion made now
    covers (``CourseCompletion.module_versions``). One query."""
    numbers = ModuleVersion.objects.current_numbers(module.translation_key for module in modules)
    return {str(key): number for key, number in numbers.items()}


def on_module_changed_materially(sender, version, **kwargs):
    reopen_module(version)


def reopen_module(version, now=None):
    """Re-open the module of ``version`` (a ``ModuleVersion``) for the people whose
    completion covers an older version; returns how many. Safe to repeat."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    key, number, code = version.module_key, version.number, version.course_code
    with transaction.atomic():
        holders = CourseCompletion.objects.recertifiable(today).filter(course_code=code)
        stale = {
            pk: user_id
            for pk, user_id, versions in holders.values_list("pk", "user_id", "module_versions")
            if covered_version(versions, key) < number
        }
        existing = {
            update.completion_id: update
            for update in ModuleUpdate.objects.filter(completion_id__in=list(stale), module_key=key)
        }
        # An update already at this version (the same change, recorded again) stays as it is.
        stale = {
            pk: user for pk, user in stale.items() if pk not in existing or existing[pk].version < number
        }
        _reset_mid_course(key, code, today)
        if not stale:
            return 0
        due = _due_dates(set(stale.values()), code, today)
        title = version.module.title if version.module_id else ""
        created, moved = [], []
        for pk, user_id in stale.items():
            update = existing.get(pk)
            if update is None:
                update = ModuleUpdate(user_id=user_id, course_code=code, completion_id=pk, module_key=key)
                created.append(update)
            else:
                moved.append(update)
            update.module_title = title or update.module_title
            update.version = number
            update.summary = "\n\n".join(part for part in (update.summary, version.summary) if part)
            update.opened_at = now
            update.completed_at = None
            update.due_date = due[user_id]
        ModuleUpdate.objects.bulk_create(created)
        ModuleUpdate.objects.bulk_update(
            moved, ["module_title", "version", "summary", "opened_at", "completed_at", "due_date"]
        )
        users = list(set(stale.values()))
        ModuleProgress.objects.filter(user_id__in=users, module_key=key).update(
            completed_at=None, read_at=None
        )
        enrolments = Enrolment.objects.filter(user_id__in=users, course_code=code)
        by_due = defaultdict(list)
        for user_id in users:
            by_due[due[user_id]].append(user_id)
        with one_stamp():
            for due_date, ids in by_due.items():
                stamped_update(
                    enrolments.filter(user_id__in=ids),
                    status=Status.UPDATE_REQUIRED,
                    status_changed_at=now,
                    due_date=due_date,
                    cycle=F("cycle") + 1,
                )
        signals.updates_required.send(sender=Enrolment, enrolments=enrolments)
    return len(stale)


def _due_dates(user_ids, course_code, today):
    """{person: due date of their update}: the assignment rule's days after today when
    their enrolment came from a rule, else ``RECERTIFICATION_DUE_DAYS``."""
    default = getattr(settings, "RECERTIFICATION_DUE_DAYS", 30)
    rule_days = dict(
        Enrolment.objects.filter(user_id__in=list(user_ids), course_code=course_code)
        .exclude(assignment_rule__isnull=True)
        .values_list("user_id", "assignment_rule__due_days")
    )
    return {user_id: today + timedelta(days=rule_days.get(user_id) or default) for user_id in user_ids}


def _reset_mid_course(key, course_code, today):
    """People part-way through the course (no valid completion) who completed the module:
    it must be completed again. Leavers keep their progress."""
    valid = CourseCompletion.objects.valid_on(today).filter(user=OuterRef("user"), course_code=course_code)
    (
        ModuleProgress.objects.counting()
        .of_active_staff()
        .filter(module_key=key)
        .exclude(user__left_on__lte=today)
        .filter(~Exists(valid))
        .update(completed_at=None, read_at=None)
    )


def pending_updates(user, course_code=None):
    """The person's pending updates (``ModuleUpdateQuerySet.pending``), of one course or
    all, oldest first. One query."""
    updates = ModuleUpdate.objects.pending().filter(user=user)
    return list(updates.filter(course_code=course_code) if course_code else updates)


def bring_up_to_date(user, course, modules, enrolment, now):
    """Close the person's open updates of the course whose module they completed since it
    re-opened; when none of their completion's is left open, the new completion (saved and
    announced) replaces it and is returned, else None. ``modules``: the course's required
    modules; ``enrolment``: theirs, locked by the caller, inside whose transaction this runs."""
    updates = list(
        ModuleUpdate.objects.open()
        .filter(user=user, course_code=course.course_code)
        .select_related("completion")
    )
    if not updates:
        return None
    done_at = dict(
        ModuleProgress.objects.filter(
            user=user, module_key__in=[update.module_key for update in updates], completed_at__isnull=False
        ).values_list("module_key", "completed_at")
    )
    finished = [u for u in updates if done_at.get(u.module_key) and done_at[u.module_key] >= u.opened_at]
    if not finished:
        return None
    for update in finished:
        update.completed_at = now
    ModuleUpdate.objects.bulk_update(finished, ["completed_at"])
    still_open = {update.completion_id for update in updates if update.completed_at is None}
    done = {
        update.completion_id: update.completion
        for update in finished
        if update.completion_id not in still_open
    }
    # Only a completion that still stands is brought up to date (one per person and course).
    standing = [old for old in done.values() if not (old.superseded_at or old.is_revoked or old.is_expired)]
    if not standing:
        return None
    old = standing[0]
    completion = CourseCompletion(
        user=user,
        course_id=old.course_id,
        course_code=old.course_code,
        course_title=course.title,
        course_language=course.locale.language_code,
        completed_at=now,
        score=old.score,
        valid_until=old.valid_until,
        module_versions={**old.module_versions, **current_versions(modules)},
    )
    with one_stamp():
        completion.save()
        old.superseded_at = now
        old.superseded_by = completion
        old.save(update_fields=["superseded_at", "superseded_by", "updated_at"])
        enrolment.set_status(Status.COMPLETED, now)
        enrolment.completed_at = now
        enrolment.save()
    signals.completion_created.send(sender=CourseCompletion, completion=completion)
    return completion
