"""The roster dry run's per-person preview: new, changed (before -> after), deactivated, the
unchanged count, and warnings for new departments and unknown managers (people.roster)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from people.models import Department, User
from people.roster import digest, import_roster
from tests.factories import DepartmentFactory, UserFactory
from tests.htmlutils import elements, text_of, texts

HEADER = (
    "employee_id,email,full_name,department,country,manager_employee_id,preferred_language,start_date,active"
)


def roster(*lines):
    return "\n".join([HEADER, *lines]) + "\n"


@pytest.fixture
def directory(db):
    """Research exists; Ana reports to Boss; Pia is already as the file says."""
    research = DepartmentFactory(name="Research")
    boss = UserFactory(username="boss", employee_id="B1", email="boss@example.org", full_name="Bea Boss")
    UserFactory(
        username="ana",
        employee_id="P1",
        email="ana@example.org",
        full_name="Ana Lima",
        department=research,
        country="Lima",
        manager=boss,
        preferred_language="es",
    )
    UserFactory(
        username="pia",
        employee_id="P2",
        email="pia@example.org",
        full_name="Pia Unchanged",
        department=research,
        country="Oslo",
        manager=boss,
        preferred_language="en",
    )
    return research


FILE = roster(
    "P1,ana@example.org,Ana Lima Soto,Campaigns,Quito,P2,es,,true",  # line 2: changed
    "P2,pia@example.org,Pia Unchanged,Research,Oslo,B1,en,,true",  # 3: unchanged
    "N1,nadia@example.org,Nadia New,Research,Paris,ZZ9,fr,2026-01-05,true",  # 4: new, unknown manager
    "B1,boss@example.org,Bea Boss,,,,,,",  # 5: unchanged
)


def test_changes_are_listed_field_by_field_before_and_after(directory):
    result = import_roster(FILE, dry_run=True)

    assert result.errors == []
    assert result.changes == {
        "P1": {
            "full_name": ("Ana Lima", "Ana Lima Soto"),
            "department": ("Research", "Campaigns"),
            "country": ("Lima", "Quito"),
            "manager": ("B1", "P2"),
        }
    }
    assert [user.employee_id for user in result.created] == ["N1"]
    assert sorted(user.employee_id for user in result.unchanged) == ["B1", "P2"]
    assert not Department.objects.filter(name="Campaigns").exists()


def test_new_departments_and_unknown_managers_are_warnings_not_errors(directory):
    result = import_roster(FILE, dry_run=True)

    assert [(w.line, w.employee_id, w.message) for w in result.warnings] == [
        (2, "P1", 'department "Campaigns" does not exist yet: it will be created'),
        (4, "N1", 'unknown manager "ZZ9": not in the file or the database; no manager is set'),
    ]
    assert result.summary()["warnings"] == 2


def test_an_unknown_manager_keeps_an_existing_persons_manager(directory):
    result = import_roster(roster("P1,ana@example.org,Ana Lima,Research,Lima,NOPE,es,,true"))

    assert result.written
    assert result.warnings[0].message.endswith("the current manager is kept")
    assert User.objects.get(employee_id="P1").manager.employee_id == "B1"


def test_import_with_warnings_creates_the_department_and_leaves_out_the_manager(directory):
    result = import_roster(FILE)

    assert result.written
    nadia = User.objects.get(employee_id="N1")
    assert nadia.manager is None
    ana = User.objects.get(employee_id="P1")
    assert (ana.department.name, ana.manager.employee_id, ana.full_name) == (
        "Campaigns",
        "P2",
        "Ana Lima Soto",
    )


def test_linking_an_account_by_email_shows_the_new_employee_id(db):
    UserFactory(username="kim", employee_id=None, email="kim@example.org", full_name="Kim Park")

    result = import_roster(roster("K1,kim@example.org,Kim Park,,,,,,"), dry_run=True)

    assert result.changes == {"K1": {"employee_id": ("", "K1")}}


def test_deactivated_people_are_listed(db):
    UserFactory(username="gone", employee_id="GONE", email="gone@example.org", full_name="Gus Gone")

    result = import_roster(roster("N1,n@example.org,Nia,,,,,,"), dry_run=True, deactivate_missing=True)

    assert [user.employee_id for user in result.deactivated] == ["GONE"]
    assert User.objects.get(employee_id="GONE").is_active


def test_the_digest_follows_the_outcome_not_the_moment(directory):
    first = digest(import_roster(FILE, dry_run=True))
    assert digest(import_roster(FILE, dry_run=True)) == first

    User.objects.filter(employee_id="P2").update(country="Bergen")  # P2 now changes too

    assert digest(import_roster(FILE, dry_run=True)) != first


# --- the admin screen ------------------------------------------------------------------------


def upload(text):
    return SimpleUploadedFile("roster.csv", text.encode(), content_type="text/csv")


def test_admin_dry_run_shows_the_preview_person_by_person(directory, hana_client):
    response = hana_client.post(reverse("people_roster_upload"), {"file": upload(FILE), "dry_run": "on"})

    html = response.content.decode()
    assert "Dry run: nothing was saved" in html
    assert texts(html, "tr", class_="roster-new") == ["N1 Nadia New nadia@example.org Research Paris — Yes"]
    (changed,) = elements(html, "tr", class_="roster-changed")
    assert texts(changed, "li", class_="roster-change") == [
        "Full name: Ana Lima → becomes Ana Lima Soto",
        "Department: Research → becomes Campaigns",
        "Country or office: Lima → becomes Quito",
        "Manager: B1 → becomes P2",
    ]
    assert text_of(changed).startswith("P1 Ana Lima")
    assert texts(html, "tr", class_="roster-warning") == [
        '2 P1 department "Campaigns" does not exist yet: it will be created',
        '4 N1 unknown manager "ZZ9": not in the file or the database; no manager is set',
    ]
    summary = dict(zip(texts(html, "dt"), texts(html, "dd"), strict=False))
    assert summary["Unchanged"] == "2"
    assert summary["Would be created"] == "1"
    assert summary["Would be updated"] == "1"
    assert "Import now" in texts(html, "button")
    assert not User.objects.filter(employee_id="N1").exists()


def test_admin_dry_run_lists_the_deactivated(db, hana_client, hana):
    UserFactory(username="gone", employee_id="GONE", email="gone@example.org", full_name="Gus Gone")
    hana_line = f"{hana.employee_id},{hana.email},{hana.full_name},,,,,,"

    response = hana_client.post(
        reverse("people_roster_upload"),
        {"file": upload(roster(hana_line)), "dry_run": "on", "deactivate_missing": "on"},
    )

    assert texts(response.content.decode(), "tr", class_="roster-deactivated") == [
        "GONE Gus Gone gone@example.org"
    ]


def test_no_import_now_when_errors_stop_the_file(directory, hana_client):
    response = hana_client.post(
        reverse("people_roster_upload"),
        {
            "file": upload(roster("N1,not-an-email,Nadia,,,,,,", "N2,n2@example.org,Noor,,,,,,")),
            "dry_run": "on",
        },
    )

    html = response.content.decode()
    assert texts(html, "tr", class_="roster-error") == ['2 N1 invalid email "not-an-email"']
    assert "Import now" not in texts(html, "button")


def test_no_import_now_when_nothing_would_change(directory, hana_client):
    response = hana_client.post(
        reverse("people_roster_upload"),
        {
            "file": upload(roster("P2,pia@example.org,Pia Unchanged,Research,Oslo,B1,en,,true")),
            "dry_run": "on",
        },
    )

    assert "Import now" not in texts(response, "button")


def test_the_preview_escapes_what_the_file_says(db, hana_client):
    response = hana_client.post(
        reverse("people_roster_upload"),
        {"file": upload(roster("N1,n@example.org,<b>Bold</b>,<i>Dept</i>,,,,,")), "dry_run": "on"},
    )

    html = response.content.decode()
    assert "<b>Bold</b>" not in html and "&lt;b&gt;Bold&lt;/b&gt;" in html
    assert "<i>Dept</i>" not in html


# --- the command ------------------------------------------------------------------------------


def test_command_dry_run_prints_the_preview(directory, tmp_path):
    from io import StringIO

    from django.core.management import call_command

    path = tmp_path / "roster.csv"
    path.write_text(FILE, encoding="utf-8")
    out = StringIO()

    call_command("import_staff", str(path), "--dry-run", stdout=out, stderr=StringIO())

    lines = out.getvalue().splitlines()
    assert (
        f'{path}: warning: line 2 (P1): department "Campaigns" does not exist yet: it will be created'
        in lines
    )
    assert "new: N1 Nadia New <nadia@example.org>; department Research" in lines
    assert (
        "changed: P1 Ana Lima Soto: full_name: Ana Lima -> Ana Lima Soto; department: Research -> Campaigns; "
        "country: Lima -> Quito; manager: B1 -> P2"
    ) in lines
    assert lines[-1].startswith("Dry run, nothing written. Would have: created 1, updated 1, unchanged 2")


def test_the_preview_arrow_points_from_before_to_after_in_arabic(directory, hana, hana_client):
    """Right to left, "before" stands on the right: the arrow turns to point at "after"."""
    from wagtail.users.models import UserProfile

    UserProfile.get_for_user(hana).__class__.objects.filter(user=hana).update(preferred_language="ar")
    response = hana_client.post(reverse("people_roster_upload"), {"file": upload(FILE), "dry_run": "on"})

    (changed,) = elements(response.content.decode(), "tr", class_="roster-changed")
    arrows = [li.find("span", attrs={"aria-hidden": "true"}).get_text() for li in changed.find_all("li")]
    assert arrows and set(arrows) == {"←"}
