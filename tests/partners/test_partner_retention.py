"""Partner learners' personal data has its own retention: ``partner_months_after_leaving``
months after their account was deactivated (``left_on``), apart from the staff's setting;
the daily job and the Due for erasure report follow it; erasure and data export find a
partner learner by email or username (they have no employee ID)."""

import io
import zipfile
from datetime import date

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from api.models import Tombstone
from people.models import User
from records.models import RetentionSettings
from records.privacy.retention import due_for_erasure, erase_due
from tests.factories import EnrolmentFactory, UserFactory
from tests.partners.organisations import make_organisation, make_partner
from tests.responses import csv_dicts

TODAY = date(2027, 3, 15)


def left(person, left_on):
    User.objects.filter(pk=person.pk).update(is_active=False, left_on=left_on)
    person.refresh_from_db()
    return person


def set_months(staff, partners):
    settings = RetentionSettings.load()
    settings.months_after_leaving = staff
    settings.partner_months_after_leaving = partners
    settings.save()


@pytest.fixture
def people(db):
    voices = make_organisation()
    return {
        # Both left 7 months ago.
        "staff": left(UserFactory(username="sam", full_name="Sam Staff"), date(2026, 8, 15)),
        "partner": left(make_partner(voices, "zanele", full_name="Zanele Partner"), date(2026, 8, 15)),
        "active_partner": make_partner(voices, "thabo"),
    }


def test_the_partner_setting_defaults_to_24_months(db):
    assert RetentionSettings.load().partner_months_after_leaving == 24


@pytest.mark.parametrize(
    ("staff", "partners", "due"),
    [
        (6, 24, {"staff"}),
        (24, 6, {"partner"}),
        (6, 6, {"staff", "partner"}),
        (0, 6, {"partner"}),
        (6, 0, {"staff"}),
        (None, None, set()),
    ],
)
def test_each_goes_by_its_own_setting(people, staff, partners, due):
    set_months(staff, partners)
    names = {key for key, person in people.items() if person in due_for_erasure(TODAY)}
    assert names == due


def test_the_daily_job_erases_partners_by_their_setting(people):
    set_months(24, 6)
    call_command("daily_learning", "--date", TODAY.isoformat(), "--no-reminders", stdout=io.StringIO())
    for person in people.values():
        person.refresh_from_db()
    assert people["partner"].erased_at is not None and people["partner"].full_name == ""
    assert people["staff"].erased_at is None
    assert people["active_partner"].erased_at is None


def test_erasing_a_partner_tells_the_hr_feeds_nothing(people):
    EnrolmentFactory(user=people["partner"], course_code="P-1", course_title="Partner course")
    set_months(24, 6)
    erase_due(TODAY)
    assert not Tombstone.objects.exists()


def test_the_due_for_erasure_report_lists_partners_with_their_date(people, hana_client, monkeypatch):
    monkeypatch.setattr("records.reports.retention.timezone.localdate", lambda: date(2027, 2, 20))
    set_months(24, 6)
    response = hana_client.get("/admin/reports/due-for-erasure/", {"export": "csv"})
    rows = csv_dicts(response)
    assert [(row["Name"], row["Partner organisation"], row["Erasure date"]) for row in rows] == [
        ("Zanele Partner", "Voices Collective", "2027-02-15")
    ]
    page = hana_client.get("/admin/reports/due-for-erasure/").content.decode()
    assert "erased 6 months after their account was deactivated" in page


def test_erase_person_finds_a_partner_by_email(people):
    out = io.StringIO()
    call_command("erase_person", "--email", "ZANELE@voices.example", stdout=out)
    people["partner"].refresh_from_db()
    assert people["partner"].erased_at is not None


def test_erase_person_still_takes_an_employee_id(people):
    call_command("erase_person", people["staff"].employee_id, "--dry-run", stdout=io.StringIO())
    with pytest.raises(CommandError, match="one of"):
        call_command("erase_person", people["staff"].employee_id, "--email", "x@y.example")
    with pytest.raises(CommandError, match="No staff member or partner learner has the email"):
        call_command("erase_person", "--email", "nobody@voices.example")


def test_export_person_by_username_for_a_partner(people, tmp_path):
    target = tmp_path / "zanele.zip"
    call_command("export_person", "--username", "zanele", "--output", str(target), stdout=io.StringIO())
    with zipfile.ZipFile(target) as archive:
        assert any("zanele" in archive.read(name).decode(errors="ignore") for name in archive.namelist())
