"""Reminders of an "update required": the due soon, due today and overdue emails say which
modules changed, what changed and by when, in the person's language, each once; the
version in their key keeps earlier reminders for the same due date from holding them back."""

from datetime import date, timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from records.models import ModuleUpdate, ReminderLog
from records.services.reminders import queue_reminders
from tests.factories import EnrolmentFactory, UserFactory
from tests.records.update_state import require_update

DUE = date(2026, 3, 31)
Kind = ReminderLog.Kind
SUMMARY = "Interns are now covered by the hiring policy."


def run(day):
    call_command("send_reminders", "--date", day.isoformat(), stdout=StringIO())


def sent_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_due_soon_today_and_overdue_say_what_changed_each_once(course, chen):
    require_update(chen, course, modules=[("Fair hiring", 3)], due_date=DUE, summary=SUMMARY)
    for day in (DUE - timedelta(days=7), DUE - timedelta(days=6), DUE, DUE, DUE + timedelta(days=1)):
        run(day)
    messages = sent_to(chen.email)
    assert [m.subject for m in messages] == [
        f"Reminder: “{course.title}” is due soon",
        f"“{course.title}” is due today",
        f"Overdue: “{course.title}”",
    ]
    soon, today, overdue = (m.body for m in messages)
    assert f"An update to the course “{course.title}” is due on March 31, 2026." in soon
    assert "Fair hiring (version 3)" in soon
    assert f"What changed: {SUMMARY}" in soon
    assert f"An update to the course “{course.title}” is due today." in today
    assert f"An update to the course “{course.title}” was due on March 31, 2026" in overdue
    assert f"What changed: {SUMMARY}" in overdue
    assert list(ReminderLog.objects.order_by("pk").values_list("key", flat=True)) == [
        f"{DUE}:v3",
        f"{DUE}:v3",
        f"{DUE}:v3:w1",
    ]


def test_a_course_reminder_without_an_update_says_nothing_of_one(course, chen):
    EnrolmentFactory(user=chen, course=course, due_date=DUE)
    run(DUE)
    [message] = sent_to(chen.email)
    assert "What changed" not in message.body
    assert "An update" not in message.body


def test_reminders_sent_before_the_update_for_the_same_due_date_do_not_hold_it_back(course, chen):
    enrolment = EnrolmentFactory(user=chen, course=course, due_date=DUE)
    run(DUE)  # "due today" for the course itself
    require_update(chen, course, due_date=DUE, enrolment=enrolment, summary=SUMMARY)
    run(DUE)
    assert len(sent_to(chen.email)) == 2
    assert SUMMARY in sent_to(chen.email)[-1].body
    # A second material change (a new version), same due date: reminded again, once.
    ModuleUpdate.objects.update(version=4)
    run(DUE)
    run(DUE)
    assert len(sent_to(chen.email)) == 3
    assert "(version 4)" in sent_to(chen.email)[-1].body


def test_overdue_update_reminders_are_weekly_and_stop_after_four(course, chen):
    require_update(chen, course, due_date=DUE)
    for offset in range(1, 40):
        queue_reminders(DUE + timedelta(days=offset))
    overdue = ReminderLog.objects.filter(kind=Kind.OVERDUE).order_by("created_at")
    assert list(overdue.values_list("key", flat=True)) == [f"{DUE}:v2:w{week}" for week in (1, 2, 3, 4)]


def test_update_reminder_in_the_persons_language(course, db):
    lucia = UserFactory(username="lucia", email="lucia@example.org", preferred_language="es")
    require_update(lucia, course, due_date=DUE, summary="La política cubre a las personas en prácticas.")
    run(DUE)
    (message,) = sent_to("lucia@example.org")
    assert message.subject == f"«{course.title}» vence hoy"
    assert "Hola, Lucia:" in message.body
    assert "La política cubre a las personas en prácticas." in message.body


def test_a_finished_update_is_not_reminded(course, chen):
    require_update(chen, course, due_date=DUE)
    ModuleUpdate.objects.update(completed_at=timezone.now())
    chen.enrolments.update(status="completed")
    run(DUE)
    assert sent_to(chen.email) == []


def test_a_leaver_gets_no_update_reminder(course, db):
    leaver = UserFactory(username="leaver", is_active=False)
    require_update(leaver, course, due_date=DUE)
    run(DUE)
    assert mail.outbox == []


def test_a_manager_reminder_of_an_update_says_what_changed(course, amira, bruno):
    from records.models import Enrolment
    from records.services.reminders import remind_from_manager

    require_update(amira, course, due_date=DUE, summary=SUMMARY)
    sent, _skipped = remind_from_manager(bruno, Enrolment.objects.filter(user=amira))
    assert sent
    [message] = sent_to(amira.email)
    assert SUMMARY in message.body
