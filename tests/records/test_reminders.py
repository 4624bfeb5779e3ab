"""Reminder emails: each one once, in the person's language, and managers' digests
limited to their own reporting line."""

from datetime import date, timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.db import connection

import pytest

from records.models import Enrolment, ReminderLog
from records.services.reminders import queue_reminders
from tests.factories import AssignmentRuleFactory, CourseCompletionFactory, EnrolmentFactory, UserFactory
from tests.threads import race

DUE = date(2026, 3, 31)
Kind = ReminderLog.Kind


def run(day):
    call_command("send_reminders", "--date", day.isoformat(), stdout=StringIO())


def sent_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_due_soon_due_today_and_overdue_each_go_once(course, chen):
    EnrolmentFactory(user=chen, course=course, due_date=DUE)
    for day in (DUE - timedelta(days=7), DUE - timedelta(days=7), DUE - timedelta(days=6)):
        run(day)
    assert [m.subject for m in mail.outbox] == [f"Reminder: “{course.title}” is due soon"]
    run(DUE)
    run(DUE)
    assert mail.outbox[-1].subject == f"“{course.title}” is due today"
    run(DUE + timedelta(days=1))
    run(DUE + timedelta(days=1))
    assert mail.outbox[-1].subject == f"Overdue: “{course.title}”"
    assert len(mail.outbox) == 3
    assert ReminderLog.objects.filter(sent_at__isnull=False).count() == 3


def test_overdue_reminders_are_weekly_and_stop_after_four(course, chen):
    EnrolmentFactory(user=chen, course=course, due_date=DUE)
    for offset in range(1, 60):
        run(DUE + timedelta(days=offset))
    overdue = ReminderLog.objects.filter(kind=Kind.OVERDUE).order_by("created_at")
    assert list(overdue.values_list("key", flat=True)) == [f"{DUE}:w{week}" for week in (1, 2, 3, 4)]


def test_completed_and_leavers_get_no_reminders(course, chen):
    EnrolmentFactory(user=chen, course=course, due_date=DUE, status=Enrolment.Status.COMPLETED)
    leaver = UserFactory(username="leaver", is_active=False)
    EnrolmentFactory(user=leaver, course=course, due_date=DUE)
    run(DUE)
    run(DUE + timedelta(days=1))
    assert mail.outbox == []


def test_expired_one_off_assignment_gets_no_overdue_reminders(course, amira, bruno):
    EnrolmentFactory(user=amira, course=course, status=Enrolment.Status.EXPIRED, due_date=DUE)
    run(DUE + timedelta(days=1))
    assert mail.outbox == []


def test_certificate_expiry_reminder_a_month_before(course, chen):
    CourseCompletionFactory(
        user=chen, course=course, completed_on=date(2025, 6, 1), valid_until=date(2026, 6, 1)
    )
    run(date(2026, 4, 30))
    assert mail.outbox == []
    run(date(2026, 5, 2))
    run(date(2026, 5, 20))
    assert [m.subject for m in mail.outbox] == [f"Your certificate for “{course.title}” expires soon"]
    assert "2026" in mail.outbox[0].body


def test_reminder_is_rendered_in_the_persons_language(course, db):
    lucia = UserFactory(username="lucia", email="lucia@example.org", preferred_language="es")
    EnrolmentFactory(user=lucia, course=course, due_date=DUE)
    run(DUE)
    (message,) = sent_to("lucia@example.org")
    assert message.subject == f"«{course.title}» vence hoy"
    assert "/es/my-learning/" in message.body
    assert "Hola, Lucia:" in message.body


def test_manager_digest_lists_only_their_own_line(course, amira, bruno, chen):
    director = UserFactory(username="director", email="director@example.org")
    bruno.manager = director
    bruno.save()
    dana = UserFactory(username="dana", email="dana@example.org")
    chen.manager = dana
    chen.save()
    EnrolmentFactory(user=amira, course=course, due_date=DUE)
    EnrolmentFactory(user=chen, course=course, due_date=DUE)
    run(DUE + timedelta(days=1))
    run(DUE + timedelta(days=2))  # same ISO week: no second digest
    (bruno_digest,) = [m for m in sent_to("bruno@example.org") if "team" in m.subject]
    assert "Amira Haddad" in bruno_digest.body and "Chen Wei" not in bruno_digest.body
    (dana_digest,) = [m for m in sent_to("dana@example.org") if "team" in m.subject]
    assert "Chen Wei" in dana_digest.body and "Amira Haddad" not in dana_digest.body
    (director_digest,) = [m for m in sent_to("director@example.org") if "team" in m.subject]
    assert "Amira Haddad" in director_digest.body and "Chen Wei" not in director_digest.body
    run(DUE + timedelta(days=8))
    assert len([m for m in sent_to("bruno@example.org") if "team" in m.subject]) == 2


def test_daily_learning_command_applies_updates_and_reminds(course, chen):
    AssignmentRuleFactory(course=course, due_days=0)
    call_command("daily_learning", "--date", DUE.isoformat(), stdout=StringIO())
    assert Enrolment.objects.get(user=chen).due_date == DUE
    assert [m.subject for m in sent_to("chen@example.org")] == [f"“{course.title}” is due today"]
    call_command("daily_learning", "--date", (DUE + timedelta(days=1)).isoformat(), stdout=StringIO())
    assert Enrolment.objects.get(user=chen).status == Enrolment.Status.OVERDUE


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent writers")
def test_concurrent_runs_send_each_reminder_once(course, chen, amira):
    EnrolmentFactory(user=chen, course=course, due_date=DUE)
    EnrolmentFactory(user=amira, course=course, due_date=DUE)
    _results, errors = race(lambda: queue_reminders(DUE), threads=6)
    assert not errors
    assert sorted(m.to[0] for m in mail.outbox) == sorted([chen.email, amira.email])
