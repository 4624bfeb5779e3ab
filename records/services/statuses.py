"""The daily enrolment status update, in a few bulk UPDATE queries whatever the number
of enrolments; running it twice on the same day changes nothing the second time.

- not started / in progress / update required,
  due date passed                                 -> overdue (also an expired enrolment
  of a recurring rule once its new due date passes)
- overdue, due date moved to today or later/none  -> back to update required when a
  module update is pending (``EnrolmentQuerySet.update_required_q``), else not started /
  in progress
- completed (or update required), latest valid
  completion has expired                          -> expired; if the enrolment came
  from a recurring rule, the course is due again ``rule.due_days`` after the expiry
  (the "expiring" reminder goes a month before); otherwise it stays "expired" until the
  person retakes the course.

Completing the course still makes the enrolment "completed" and a retake makes it
"in progress" (records.services.progress); an expired or overdue enrolment whose
person starts again keeps its status until they complete, or, for overdue, until the
due date moves. Limitation: an expired enrolment whose recurring rule was inactive when
the certificate lapsed keeps its old due date, so reactivating the rule makes it overdue."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, F, OuterRef, Subquery
from django.utils import timezone

from records import signals
from records.models import CourseCompletion, Enrolment, ModuleProgress
from records.models.sync import stamp_all, stamped_update, sync_stamp

Status = Enrolment.Status


def update_statuses(today=None):
    today = today or timezone.localdate()
    now = timezone.now()
    changed = {"overdue": _mark_overdue(today, now), "reopened": _reopen_not_overdue(today, now)}
    changed["expired"] = _mark_expired(today, now)
    changed["lapsed_completions"] = _touch_lapsed_completions(today)
    return changed


def _mark_overdue(today, now):
    with transaction.atomic():
        # The stamp is unique to this UPDATE, so it finds exactly the rows it made overdue.
        stamp = sync_stamp()
        count = (
            Enrolment.objects.overdue(today)
            .exclude(status=Status.OVERDUE)
            .update(status=Status.OVERDUE, status_changed_at=now, updated_at=stamp)
        )
        if count:
            signals.enrolments_overdue.send(
                sender=Enrolment, enrolments=Enrolment.objects.filter(updated_at=stamp, status=Status.OVERDUE)
            )
    return count


def _reopen_not_overdue(today, now):
    not_overdue = Enrolment.objects.filter(status=Status.OVERDUE).exclude(Enrolment.objects.overdue_q(today))
    # An overdue update is still an update: its modules were started long ago, so "started"
    # below would call it in progress.
    update = Enrolment.objects.update_required_q()
    count = stamped_update(not_overdue.filter(update), status=Status.UPDATE_REQUIRED, status_changed_at=now)
    not_overdue = not_overdue.exclude(update)
    started = Exists(
        ModuleProgress.objects.filter(user=OuterRef("user"), course_code=OuterRef("course_code"))
    )
    count += stamped_update(not_overdue.filter(started), status=Status.IN_PROGRESS, status_changed_at=now)
    count += stamped_update(not_overdue.filter(~started), status=Status.NOT_STARTED, status_changed_at=now)
    return count


def _mark_expired(today, now):
    completions = CourseCompletion.objects.filter(user=OuterRef("user"), course_code=OuterRef("course_code"))
    still_valid = completions.valid_on(today)
    lapsed = completions.expired_on(today).order_by("-valid_until")
    # An update still to do when the completion lapses is moot: the whole course is due.
    expiring = Enrolment.objects.filter(
        Exists(lapsed), ~Exists(still_valid), status__in=[Status.COMPLETED, Status.UPDATE_REQUIRED]
    )
    recurring = list(
        expiring.filter(assignment_rule__recurring=True, assignment_rule__active=True)
        .annotate(lapsed_on=Subquery(lapsed.values("valid_until")[:1]))
        .select_related("assignment_rule")
        .only("pk", "assignment_rule__due_days")
    )
    with transaction.atomic():
        count = stamped_update(expiring, status=Status.EXPIRED, status_changed_at=now)
        for enrolment in recurring:
            enrolment.due_date = enrolment.lapsed_on + timedelta(days=enrolment.assignment_rule.due_days)
        stamp_all(recurring)
        Enrolment.objects.bulk_update(recurring, ["due_date", "updated_at"])
    return count


def _touch_lapsed_completions(today):
    """A completion's status turns "expired" the day after its ``valid_until`` without the
    row changing; stamping it once then lets HR systems syncing by ``updated_at`` see it."""
    return stamped_update(
        CourseCompletion.objects.expired_on(today).filter(updated_at__date__lte=F("valid_until"))
    )
