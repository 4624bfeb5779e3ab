"""Retention (records.privacy.retention): the setting, the day each leaver is due, the daily
job that erases them (dates frozen by passing ``today``), the "Due for erasure" report and
the backfill of existing leavers' leaving day."""

import importlib
from datetime import date, timedelta

from django.apps import apps as django_apps
from django.core.management import call_command
from django.urls import reverse

import pytest

from people.models import User
from records.models import RetentionSettings
from records.privacy.retention import due_for_erasure, erase_due, erasure_date, months_before
from security.log import Action
from security.models import SecurityEvent
from tests.conftest import _client_for
from tests.factories import EnrolmentFactory, UserFactory

TODAY = date(2027, 3, 15)


def leaver(username, left_on, **fields):
    person = UserFactory(username=username, full_name=username.title(), is_active=False, **fields)
    User.objects.filter(pk=person.pk).update(left_on=left_on)
    person.refresh_from_db()
    return person


def set_months(months):
    settings = RetentionSettings.load()
    settings.months_after_leaving = months
    settings.save()


# --- the dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left_on", "months", "due"),
    [
        (date(2025, 3, 15), 24, date(2027, 3, 15)),
        (date(2024, 2, 29), 12, date(2025, 3, 1)),  # no 29 February in 2025
        (date(2026, 8, 31), 6, date(2027, 3, 1)),  # 31 August + 6 months: 1 March
        (date(2026, 1, 31), 1, date(2026, 3, 1)),
        (date(2026, 12, 10), 1, date(2027, 1, 10)),
    ],
)
def test_the_erasure_date_is_the_first_day_the_job_erases(left_on, months, due):
    assert erasure_date(left_on, months) == due
    # The job's rule agrees: due that day, not the day before.
    assert left_on <= months_before(due, months)
    assert not left_on <= months_before(due - timedelta(days=1), months)


def test_the_setting_defaults_to_24_months(db):
    assert RetentionSettings.load().months_after_leaving == 24


# --- the daily job --------------------------------------------------------------------------


@pytest.fixture
def people(db):
    return {
        "due": leaver("olga", date(2025, 3, 15)),  # exactly 24 months ago
        "long_gone": leaver("pavel", date(2020, 1, 1)),
        "not_yet": leaver("quinn", date(2025, 3, 16)),
        "active": UserFactory(username="rosa"),
        "superuser": leaver("root", date(2019, 1, 1), is_superuser=True),
        "no_day": leaver("sam", None),
    }


def test_the_daily_job_erases_leavers_past_the_retention_period(people):
    reports = erase_due(TODAY)
    erased = set(User.objects.filter(erased_at__isnull=False).values_list("pk", flat=True))
    assert erased == {people["due"].pk, people["long_gone"].pk}
    assert len(reports) == 2
    events = SecurityEvent.objects.filter(action=Action.RETENTION_ERASURE)
    assert sorted(events.values_list("subject_id", flat=True)) == sorted(erased)
    for event in events:
        assert event.actor is None and event.detail["via"] == "retention"
        assert "olga" not in event.subject_label.lower() and "pavel" not in event.subject_label.lower()
    # The next day's run finds nobody new: safe to run again.
    assert erase_due(TODAY) == []
    assert erase_due(TODAY + timedelta(days=1))[0].person_pk == people["not_yet"].pk


def test_active_staff_and_superusers_are_never_erased_by_the_job(people):
    erase_due(date(2099, 1, 1))
    assert User.objects.get(pk=people["active"].pk).erased_at is None
    assert User.objects.get(pk=people["superuser"].pk).erased_at is None
    assert User.objects.get(pk=people["no_day"].pk).erased_at is None


@pytest.mark.parametrize("months", [0, None])
def test_a_blank_or_zero_setting_keeps_everyone(people, months):
    set_months(months)
    assert erase_due(date(2099, 1, 1)) == []
    assert not User.objects.filter(erased_at__isnull=False).exists()


def test_a_shorter_setting_brings_the_date_forward(people):
    set_months(12)
    assert people["not_yet"] in due_for_erasure(TODAY)


def test_daily_learning_runs_the_retention_erasure(people, capsys):
    call_command("daily_learning", "--date", TODAY.isoformat(), "--no-reminders")
    assert "Leavers' personal data erased (retention): 2" in capsys.readouterr().out
    call_command("daily_learning", "--date", TODAY.isoformat(), "--no-reminders", "--no-retention")
    assert "retention" not in capsys.readouterr().out


# --- the report -----------------------------------------------------------------------------

REPORT = "staff_reports:due_for_erasure"


@pytest.fixture
def upcoming(db, communications, monkeypatch):
    """Today is TODAY: olga is due today, quinn tomorrow, tia in 31 days, uma in 32."""
    monkeypatch.setattr("records.reports.retention.timezone.localdate", lambda: TODAY)
    return {
        "olga": leaver("olga", date(2025, 3, 15), employee_id="E-1", department=communications),
        "quinn": leaver("quinn", date(2025, 3, 16), employee_id="E-2"),
        "tia": leaver("tia", date(2025, 4, 15), employee_id="E-3"),
        "uma": leaver("uma", date(2025, 4, 16), employee_id="E-4"),
    }


def test_the_report_lists_who_the_job_erases_within_a_month(upcoming, hana):
    page = _client_for(hana).get(reverse(REPORT)).content.decode()
    for name in ("Olga", "Quinn", "Tia"):
        assert name in page
    assert "Uma" not in page
    assert "Communications" in page and "E-1" in page
    assert 'datetime="2027-04-15"' in page  # tia's erasure date


def test_the_report_exports_csv(upcoming, hana):
    response = _client_for(hana).get(reverse(REPORT) + "?export=csv")
    rows = b"".join(response.streaming_content).decode().splitlines()
    assert rows[0] == "Name,Employee ID,Department,Partner organisation,Left on,Erasure date"
    assert rows[1] == "Olga,E-1,Communications,,2025-03-15,2027-03-15"
    assert len(rows) == 4


def test_the_report_says_when_nobody_is_erased(upcoming, hana):
    set_months(0)
    page = _client_for(hana).get(reverse(REPORT)).content.decode()
    assert "kept for ever" in page and "Olga" not in page


def test_the_report_is_for_hr_admins_only(upcoming, bruno, chen):
    for person in (bruno, chen):
        response = _client_for(person).get(reverse(REPORT))
        assert response.status_code == 302


def test_the_report_queries_do_not_grow_with_people(upcoming, hana, django_assert_max_num_queries):
    client = _client_for(hana)
    client.get(reverse(REPORT))  # warm the caches (settings, site)
    with django_assert_max_num_queries(20) as queries:
        client.get(reverse(REPORT))
    bound = len(queries)
    for n in range(15):
        person = leaver(f"extra{n}", date(2025, 3, 10), department=upcoming["olga"].department)
        EnrolmentFactory(user=person)
    with django_assert_max_num_queries(bound):
        page = client.get(reverse(REPORT)).content.decode()
    assert "Extra14" in page


# --- the backfill ---------------------------------------------------------------------------


def test_the_backfill_starts_existing_leavers_clocks_today(db):
    person = leaver("vera", None)
    returner = UserFactory(username="walt")
    migration = importlib.import_module("people.migrations.0006_left_on_backfill")
    migration.backfill(django_apps, None)
    from django.utils import timezone

    assert User.objects.get(pk=person.pk).left_on == timezone.localdate()
    assert User.objects.get(pk=returner.pk).left_on is None
