"""The HR dashboard's "Roster last imported" panel: who, when, how many; only for those who
may import the roster (people.homepage_panels)."""

from datetime import UTC, datetime, timedelta

from django.test import Client
from django.urls import reverse

import pytest

from people.models import RosterImport
from tests.factories import UserFactory
from tests.htmlutils import elements, text_of, texts

WHEN = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)


def panel(response):
    found = elements(response.content.decode(), id="roster-last-imported-section")
    found = found or elements(response.content.decode(), id="roster-last-imported")
    return text_of(found[0]) if found else None


def counts(response):
    (dl,) = elements(response.content.decode(), "dl", class_="roster-panel-counts")
    return dict(zip(texts(dl, "dt"), texts(dl, "dd"), strict=True))


def applied(by=None, when=WHEN, **counts):
    return RosterImport.objects.create(
        source=RosterImport.Source.ADMIN if by else RosterImport.Source.COMMAND,
        status=RosterImport.Status.APPLIED,
        csv_text="employee_id,email\n",
        sha256="0" * 64,
        preview_digest="0" * 64,
        uploaded_by=by,
        applied_by=by,
        applied_at=when,
        **counts,
    )


def test_hr_sees_the_last_import_with_who_and_how_many(hana, hana_client):
    applied(by=None, when=WHEN - timedelta(days=3), created_count=99)
    applied(by=hana, created_count=2, changed_count=5, deactivated_count=1, unchanged_count=40)
    RosterImport.objects.create(csv_text="x", sha256="1" * 64, preview_digest="1" * 64, uploaded_by=hana)

    response = hana_client.get(reverse("wagtailadmin_home"))

    text = panel(response)
    assert "Roster last imported" in text
    assert "Nov. 30, 2026, 9:15 a.m. by Hana Sato" in text
    assert counts(response) == {"Created": "2", "Changed": "5", "Deactivated": "1"}
    assert "Import a new roster" in text


def test_an_import_from_the_command_line_says_so(hana_client):
    applied(by=None, created_count=15)

    response = hana_client.get(reverse("wagtailadmin_home"))

    assert "Nov. 30, 2026, 9:15 a.m. from the command line" in panel(response)
    assert counts(response)["Created"] == "15"


def test_empty_state_links_to_the_import(hana_client):
    response = hana_client.get(reverse("wagtailadmin_home"))

    assert "No staff roster has been imported yet." in panel(response)
    assert reverse("people_roster_upload") in response.content.decode()


def test_the_panel_follows_the_organisation_panel(hana_client):
    from people.homepage_panels import RosterLastImportedPanel

    assert RosterLastImportedPanel.order == 200


def test_superusers_see_it(superuser_client):
    assert panel(superuser_client.get(reverse("wagtailadmin_home"))) is not None


@pytest.mark.parametrize("who", ["bruno", "eve", "rita"])
def test_managers_editors_and_reviewers_do_not_see_it(request, who):
    applied(by=None, created_count=3)
    client = Client()
    client.force_login(request.getfixturevalue(who))

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert panel(response) is None


def test_staff_without_admin_access_never_reach_the_dashboard(amira):
    client = Client()
    client.force_login(amira)

    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_the_panel_costs_one_query_however_many_imports(hana, hana_client, django_assert_max_num_queries):
    hana_client.get(reverse("wagtailadmin_home"))  # warm caches
    applied(by=hana)
    with django_assert_max_num_queries(60) as few:
        hana_client.get(reverse("wagtailadmin_home"))
    for number in range(20):
        applied(by=UserFactory(username=f"hr{number}"), when=WHEN - timedelta(days=number + 1))
    with django_assert_max_num_queries(len(few)):
        hana_client.get(reverse("wagtailadmin_home"))
