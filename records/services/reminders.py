"""Reminder emails: which are due today, and sending one.

- due_soon: the due date is within the next 7 days (once per due date)
- due_today: the due date is today (once per due date)
- overdue: weekly once the due date has passed, at most ``OVERDUE_REMINDERS`` times
  (once per due date and overdue week)
- expiring: the person's latest certificate expires within the next 30 days (once per
  completion and expiry date)
- manager_digest: weekly, each manager's reporting line's overdue training (once per
  manager and ISO week)

An enrolment whose modules a material change re-opened ("update required",
``EnrolmentQuerySet.update_required_q``) gets the same due soon, due today and overdue
reminders, saying which modules changed, what changed and by when; their key carries the
update's version (``2026-03-31:v3``), so reminders already sent for the same due date before
the update (or for an earlier version) do not hold back those about this one.

``queue_reminders(today)`` inserts a ``ReminderLog`` row for each reminder before anything
is sent; a row that already exists (unique constraints) means the reminder was already
queued by an earlier run or by a concurrent one, and it is skipped. Each new row is then
sent by the ``send_reminder_email`` background task (Django's task framework, django-tasks:
run by ``manage.py db_worker`` in production, inline under the immediate backend in
development and tests)."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from django_tasks import task

from people.lines import reporting_line_ids
from people.models import User
from records.models import CourseCompletion, Enrolment, ModuleUpdate, ReminderLog

Kind = ReminderLog.Kind
OVERDUE_REMINDERS = 4
EXPIRING_DAYS = 30


def _enrolments():
    # Leavers get no reminders, nor do partner learners: these are staff reminders.
    return Enrolment.objects.of_active_staff()


def _due(enrolments):
    """(id, user id, due date, key) of ``enrolments``: the key is the due date, with the
    pending update's version if there is one (the same query)."""
    rows = enrolments.with_update_required().values_list("pk", "user_id", "due_date", "update_version")
    for pk, user_id, due, version in rows:
        yield pk, user_id, due, due.isoformat() if version is None else f"{due.isoformat()}:v{version}"


def due_reminders(today):
    """(kind, recipient id, enrolment id, completion id, key) of every reminder due today."""
    for pk, user_id, _due_date, key in _due(_enrolments().due_soon(today)):
        yield Kind.DUE_SOON, user_id, pk, None, key
    for pk, user_id, _due_date, key in _due(_enrolments().open().filter(due_date=today)):
        yield Kind.DUE_TODAY, user_id, pk, None, key
    overdue_since = today - timedelta(days=7 * OVERDUE_REMINDERS)
    for pk, user_id, due, key in _due(overdue_enrolments(today).filter(due_date__gt=overdue_since)):
        week = (today - due).days // 7 + 1
        yield Kind.OVERDUE, user_id, pk, None, f"{key}:w{week}"
    yield from _expiring(today)
    yield from _digests(today)


def _expiring(today):
    expiring = CourseCompletion.objects.of_active_staff().expiring_within(EXPIRING_DAYS, today)
    for pk, user_id, until in expiring.values_list("pk", "user_id", "valid_until"):
        yield Kind.EXPIRING, user_id, None, pk, until.isoformat()


def overdue_enrolments(today):
    return _enrolments().overdue(today)


def managers_of_overdue(today):
    """{manager id: [ids of people in their line with overdue training]}, walking up the
    manager chain in memory from one query of (person, manager) pairs."""
    overdue_people = set(overdue_enrolments(today).values_list("user_id", flat=True))
    if not overdue_people:
        return {}
    manager_of = dict(User.objects.filter(manager__isnull=False).values_list("pk", "manager_id"))
    active_managers = set(
        User.objects.staff().filter(is_active=True, reports__isnull=False).values_list("pk", flat=True)
    )
    lines = {}
    for person in overdue_people:
        seen, boss = {person}, manager_of.get(person)
        while boss is not None and boss not in seen:
            if boss in active_managers:
                lines.setdefault(boss, []).append(person)
            seen.add(boss)
            boss = manager_of.get(boss)
    return lines


def _digests(today):
    year, week, _day = today.isocalendar()
    for manager_id in managers_of_overdue(today):
        yield Kind.MANAGER_DIGEST, manager_id, None, None, f"{year}-W{week:02d}"


def queue_reminders(today=None):
    """Insert the log row of each reminder due today and enqueue its email. Returns the
    ids of the rows this run inserted (and so sends)."""
    today = today or timezone.localdate()
    queued = []
    for kind, recipient_id, enrolment_id, completion_id, key in list(due_reminders(today)):
        try:
            with transaction.atomic():
                log = ReminderLog.objects.create(
                    kind=kind,
                    recipient_id=recipient_id,
                    enrolment_id=enrolment_id,
                    completion_id=completion_id,
                    key=key,
                )
        except IntegrityError:
            continue  # already queued by an earlier or a concurrent run
        queued.append(log.pk)
        send_reminder_email.enqueue(log.pk)
    return queued


def _context(log, today):
    context = {
        "recipient": log.recipient,
        "log": log,
        "dashboard_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("dashboard"),
    }
    if log.enrolment_id:
        context["enrolment"] = log.enrolment
        context["weeks_overdue"] = log.key.rsplit(":w", 1)[-1] if log.kind == Kind.OVERDUE else None
        # The modules a material change re-opened, with what changed ("update required").
        context["updates"] = ModuleUpdate.objects.for_enrolments(
            [(log.enrolment.user_id, log.enrolment.course_code)]
        ).get((log.enrolment.user_id, log.enrolment.course_code), [])
    if log.completion_id:
        context["completion"] = log.completion
    if log.kind == Kind.MANAGER_DIGEST:
        people = reporting_line_ids(log.recipient_id)
        context["overdue"] = (
            overdue_enrolments(today)
            .filter(user_id__in=people)
            .select_related("user")
            .order_by("due_date", "user__full_name")
        )
    return context


def send_reminder(log_id, today=None):
    """Send one logged reminder, in the recipient's language. The conditional update
    claims the row, so a task run twice sends once."""
    today = today or timezone.localdate()
    claimed = ReminderLog.objects.filter(pk=log_id, sent_at__isnull=True).update(sent_at=timezone.now())
    if not claimed:
        return False
    log = ReminderLog.objects.select_related("recipient", "enrolment", "completion").get(pk=log_id)
    recipient = log.recipient
    if not recipient.is_active or not recipient.email:
        return False
    try:
        with translation.override(recipient.preferred_language or settings.LANGUAGE_CODE):
            context = _context(log, today)
            subject = render_to_string(f"records/email/{log.kind}_subject.txt", context)
            body = render_to_string(f"records/email/{log.kind}.txt", context)
        send_mail(" ".join(subject.split()), body, None, [recipient.email])
    except Exception:
        # Not sent: release the claim so the worker's retry (or a re-enqueue) can send it.
        ReminderLog.objects.filter(pk=log_id).update(sent_at=None)
        raise
    return True


@task
def send_reminder_email(log_id):
    """Send the reminder logged as ``ReminderLog`` ``log_id``, in the background."""
    return send_reminder(log_id)


# A manager may remind a person of a course once in this long (records.views.team).
MANUAL_REMINDER_INTERVAL = timedelta(hours=24)


def remind_from_manager(sender, enrolments, now=None):
    """Log and send a reminder from ``sender`` for each of ``enrolments`` (already limited
    to the sender's line) unless one was sent for it in the last 24 hours. Returns
    (ids of the enrolments reminded, ids skipped as reminded recently).

    The day in the key makes a second request on the same day fail the unique constraint,
    so two clicks (or two managers of the same line) at once still send one reminder."""
    now = now or timezone.now()
    wanted = set(enrolments.values_list("pk", flat=True))
    recent = set(
        ReminderLog.objects.filter(
            kind=Kind.FROM_MANAGER, enrolment_id__in=wanted, created_at__gt=now - MANUAL_REMINDER_INTERVAL
        ).values_list("enrolment_id", flat=True)
    )
    key = timezone.localdate(now).isoformat()
    due = sorted(wanted - recent)
    user_of = dict(Enrolment.objects.filter(pk__in=due).values_list("pk", "user_id"))
    ReminderLog.objects.bulk_create(
        [
            ReminderLog(
                kind=Kind.FROM_MANAGER,
                recipient_id=user_of[pk],
                enrolment_id=pk,
                key=key,
                requested_by=sender,
            )
            for pk in due
        ],
        ignore_conflicts=True,
    )
    # The rows this request inserted (a concurrent one's are sent by it: ``send_reminder``
    # claims a row before sending, so a row enqueued twice is sent once).
    logs = ReminderLog.objects.filter(
        kind=Kind.FROM_MANAGER, enrolment_id__in=due, key=key, requested_by=sender, sent_at__isnull=True
    ).values_list("pk", "enrolment_id")
    sent = set()
    for log_id, enrolment_id in logs:
        sent.add(enrolment_id)
        send_reminder_email.enqueue(log_id)
    return sent, wanted - sent
