"""Import now: applies exactly the previewed file, once, for the HR admin who uploaded it, while
the preview is fresh and still true; every import is recorded (people.roster_imports)."""

from datetime import timedelta
from io import StringIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from people.models import RosterImport, User
from people.roles import HR_ADMINS
from security.models import SecurityEvent
from tests.factories import UserFactory
from tests.htmlutils import texts

HEADER = (
    "employee_id,email,full_name,department,country,manager_employee_id,preferred_language,start_date,active"
)
FILE = "\n".join(
    [
        HEADER,
        "P1,ana@example.org,Ana Lima Soto,Research,Quito,,es,,true",
        "N1,nadia@example.org,Nadia New,Research,Paris,P1,fr,2026-01-05,true",
    ]
)


@pytest.fixture
def ana(db):
    return UserFactory(username="ana", employee_id="P1", email="ana@example.org", full_name="Ana Lima")


def preview(client, text=FILE, **options):
    upload = SimpleUploadedFile("roster.csv", text.encode(), content_type="text/csv")
    response = client.post(reverse("people_roster_upload"), {"file": upload, "dry_run": "on", **options})
    return response.context["import_now"]


def import_now(client, stored):
    return client.post(reverse("people_roster_apply", args=[stored.pk]), follow=True)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_import_now_applies_the_previewed_rows(ana, hana, hana_client):
    stored = preview(hana_client)

    response = import_now(hana_client, stored)

    assert messages_of(response) == [
        "The roster was imported: 1 created, 1 changed, 0 deactivated, 0 unchanged."
    ]
    nadia = User.objects.get(employee_id="N1")
    assert (nadia.full_name, nadia.department.name, nadia.manager, nadia.preferred_language) == (
        "Nadia New",
        "Research",
        ana,
        "fr",
    )
    ana.refresh_from_db()
    assert (ana.full_name, ana.country) == ("Ana Lima Soto", "Quito")
    stored.refresh_from_db()
    assert stored.status == RosterImport.Status.APPLIED
    assert (stored.applied_by, stored.created_count, stored.changed_count, stored.unchanged_count) == (
        hana,
        1,
        1,
        0,
    )
    assert stored.uploaded_by == hana
    assert len(stored.sha256) == 64 and stored.csv_text == FILE


def test_the_preview_stores_the_file_and_its_options(ana, hana, hana_client):
    stored = preview(hana_client, deactivate_missing="on")

    assert (stored.status, stored.deactivate_missing, stored.skip_invalid, stored.file_name) == (
        RosterImport.Status.PREVIEWED,
        True,
        False,
        "roster.csv",
    )
    assert not User.objects.filter(employee_id="N1").exists()


def test_import_now_keeps_the_deactivate_option_of_the_preview(ana, hana, hana_client):
    gone = UserFactory(username="gone", employee_id="GONE")
    hana_line = f"{hana.employee_id},{hana.email},{hana.full_name},,,,,,"
    stored = preview(hana_client, text=FILE + "\n" + hana_line, deactivate_missing="on")

    import_now(hana_client, stored)

    gone.refresh_from_db()
    assert not gone.is_active
    assert RosterImport.objects.get(pk=stored.pk).deactivated_count == 1


def test_import_now_twice_imports_once(ana, hana_client):
    stored = preview(hana_client)
    import_now(hana_client, stored)
    User.objects.filter(employee_id="N1").update(country="Lyon")  # changed by hand since

    response = import_now(hana_client, stored)

    assert messages_of(response) == ["This file was already imported; nothing was imported again."]
    assert User.objects.get(employee_id="N1").country == "Lyon"
    assert SecurityEvent.objects.filter(action=SecurityEvent.Action.ROSTER_IMPORTED).count() == 1


def test_a_stale_preview_is_refused_and_nothing_is_written(ana, hana_client):
    stored = preview(hana_client)
    User.objects.filter(employee_id="P1").update(country="Quito", full_name="Ana Lima Soto")

    response = import_now(hana_client, stored)

    assert messages_of(response)[0].startswith("The staff directory changed since this preview")
    assert not User.objects.filter(employee_id="N1").exists()
    assert RosterImport.objects.get(pk=stored.pk).status == RosterImport.Status.PREVIEWED


def test_an_old_preview_is_refused(ana, hana_client):
    stored = preview(hana_client)
    RosterImport.objects.filter(pk=stored.pk).update(uploaded_at=timezone.now() - timedelta(minutes=61))

    response = import_now(hana_client, stored)

    assert messages_of(response) == [
        "This preview is more than an hour old. Upload the file again to check it."
    ]
    assert not User.objects.filter(employee_id="N1").exists()


def test_another_hr_admins_preview_is_refused(ana, hana_client):
    stored = preview(hana_client)
    other = Client()
    other.force_login(UserFactory(username="hugo", groups=[HR_ADMINS]))

    response = import_now(other, stored)

    assert messages_of(response) == [
        "This preview is not yours to import. Upload the file and check it yourself."
    ]
    assert not User.objects.filter(employee_id="N1").exists()


@pytest.mark.parametrize("who", ["bruno", "amira", "eve"])
def test_import_now_is_for_hr_admins_only(request, ana, hana_client, who):
    stored = preview(hana_client)
    client = Client()
    client.force_login(request.getfixturevalue(who))

    response = client.post(reverse("people_roster_apply", args=[stored.pk]))

    assert response.status_code in (302, 403)
    assert not User.objects.filter(employee_id="N1").exists()


def test_import_now_needs_post_and_csrf(ana, hana, hana_client):
    stored = preview(hana_client)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(hana)

    assert hana_client.get(reverse("people_roster_apply", args=[stored.pk])).status_code == 405
    assert strict.post(reverse("people_roster_apply", args=[stored.pk])).status_code == 403
    assert not User.objects.filter(employee_id="N1").exists()


def test_import_now_is_logged_in_the_security_log(ana, hana, hana_client):
    stored = preview(hana_client)

    import_now(hana_client, stored)

    event = SecurityEvent.objects.get(action=SecurityEvent.Action.ROSTER_IMPORTED)
    assert event.actor == hana
    assert event.detail["roster_import"] == stored.pk
    assert (event.detail["created"], event.detail["updated"], event.detail["source"]) == (1, 1, "admin")
    assert event.detail["sha256"] == stored.sha256


def test_one_step_upload_still_imports_and_is_recorded(ana, hana, hana_client):
    upload = SimpleUploadedFile("roster.csv", FILE.encode(), content_type="text/csv")

    response = hana_client.post(reverse("people_roster_upload"), {"file": upload, "dry_run": ""})

    assert "The roster was imported" in response.content.decode()
    assert "Import now" not in texts(response, "button")
    stored = RosterImport.objects.get()
    assert (stored.status, stored.applied_by, stored.created_count) == (RosterImport.Status.APPLIED, hana, 1)
    assert SecurityEvent.objects.filter(action=SecurityEvent.Action.ROSTER_IMPORTED, actor=hana).exists()


def test_the_command_records_its_import_without_a_person(ana, tmp_path):
    path = tmp_path / "staff.csv"
    path.write_text(FILE, encoding="utf-8")

    call_command("import_staff", str(path), stdout=StringIO(), stderr=StringIO())

    stored = RosterImport.objects.get()
    assert (stored.source, stored.uploaded_by, stored.applied_by, stored.file_name) == (
        RosterImport.Source.COMMAND,
        None,
        None,
        "staff.csv",
    )
    assert (stored.created_count, stored.changed_count, stored.deactivated_count) == (1, 1, 0)
    event = SecurityEvent.objects.get(action=SecurityEvent.Action.ROSTER_IMPORTED)
    assert (event.actor, event.detail["source"]) == (None, "command")


def test_a_command_dry_run_records_nothing(ana, tmp_path):
    path = tmp_path / "staff.csv"
    path.write_text(FILE, encoding="utf-8")

    call_command("import_staff", str(path), "--dry-run", stdout=StringIO(), stderr=StringIO())

    assert not RosterImport.objects.exists()


def test_expired_previews_are_dropped_at_the_next_preview(ana, hana_client):
    old = preview(hana_client)
    RosterImport.objects.filter(pk=old.pk).update(uploaded_at=timezone.now() - timedelta(hours=2))
    applied_long_ago = preview(hana_client)
    import_now(hana_client, applied_long_ago)
    RosterImport.objects.filter(pk=applied_long_ago.pk).update(
        uploaded_at=timezone.now() - timedelta(hours=2)
    )

    fresh = preview(hana_client, text=FILE.replace("Quito", "Cuenca"))

    assert set(RosterImport.objects.values_list("pk", flat=True)) == {applied_long_ago.pk, fresh.pk}


def test_a_file_that_is_not_utf8_offers_no_import_now(hana_client):
    upload = SimpleUploadedFile("roster.csv", HEADER.encode() + b"\nE1,a@example.org,\xff\xfe,,,,,,\n")

    response = hana_client.post(reverse("people_roster_upload"), {"file": upload, "dry_run": "on"})

    assert response.context.get("import_now") is None
    assert "not UTF-8" in response.content.decode()
    assert not RosterImport.objects.exists()
