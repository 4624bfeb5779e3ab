"""The focal point's report: a focal point lands on their own organisation's figures when
they sign in, sees its people and nobody else's, and downloads them as CSV and XLSX; HR
admins and Partnerships see every organisation's, with an organisation filter. Statuses
are the records' own rules (overdue by its due date, the latest completion's score)."""

import io
from datetime import timedelta

from django.utils import timezone

import pytest
from openpyxl import load_workbook

from people.roles import PARTNERSHIPS
from tests.conftest import _client_for
from tests.factories import CourseCompletionFactory, EnrolmentFactory, UserFactory
from tests.partners.organisations import make_organisation, make_partner
from tests.responses import csv_dicts, streamed

REPORT = "/my-learning/organisation/"
ADMIN_REPORT = "/admin/reports/partner-completion/"


@pytest.fixture
def world(db, course, amira):
    voices = make_organisation("Voices Collective", ["voices.example"])
    other = make_organisation("Other Org", ["other.example"])
    focal = make_partner(voices, "wanjiru", full_name="Wanjiru Kamau")
    voices.focal_points.add(focal)
    member = make_partner(voices, "otieno", full_name="Otieno Odhiambo")
    outsider = make_partner(other, "kofi", full_name="Kofi Mensah")
    today = timezone.localdate()
    EnrolmentFactory(user=member, course=course, due_date=today - timedelta(days=2), status="overdue")
    EnrolmentFactory(user=focal, course=course, status="completed", completed_at=timezone.now())
    CourseCompletionFactory(user=focal, course=course)
    EnrolmentFactory(user=outsider, course=course)
    EnrolmentFactory(user=amira, course=course)
    return {"voices": voices, "other": other, "focal": focal, "member": member, "outsider": outsider}


def test_a_focal_point_lands_on_their_organisations_figures(client, world, password):
    response = client.post("/accounts/login/", {"username": "wanjiru", "password": password})
    assert response.status_code == 302 and response["Location"] == REPORT
    page = client.get(REPORT)
    assert page.status_code == 200
    figures = page.context["figures"]
    assert figures["people"] == 2 and figures["enrolled"] == 2
    assert figures["completed"] == 1 and figures["overdue"] == 1
    html = page.content.decode()
    assert "Voices Collective" in html and "Otieno Odhiambo" in html
    assert "Kofi Mensah" not in html and "Amira" not in html


def test_other_members_still_land_on_the_home_page(client, world, password):
    response = client.post("/accounts/login/", {"username": "otieno", "password": password})
    assert response["Location"] == "/"


def test_the_csv_and_xlsx_hold_their_organisation_only(world):
    client = _client_for(world["focal"])
    rows = csv_dicts(client.get(REPORT, {"export": "csv"}))
    assert {row["Person"] for row in rows} == {"Wanjiru Kamau", "Otieno Odhiambo"}
    assert {row["Organisation"] for row in rows} == {"Voices Collective"}
    status = {row["Person"]: row["Status"] for row in rows}
    assert status == {"Otieno Odhiambo": "Overdue", "Wanjiru Kamau": "Completed"}
    assert "Employee ID" not in rows[0]
    content = streamed(client.get(REPORT, {"export": "xlsx"}))
    names = {row[0] for row in load_workbook(io.BytesIO(content)).active.values}
    assert names == {"Person", "Wanjiru Kamau", "Otieno Odhiambo"}


def test_the_organisation_comes_from_who_asks_never_the_url(world):
    client = _client_for(world["focal"])
    rows = csv_dicts(client.get(REPORT, {"export": "csv", "organisation": world["other"].pk}))
    assert "Kofi Mensah" not in {row["Person"] for row in rows}


@pytest.mark.parametrize("who", ["member", "outsider", "staff", "manager", "hr"])
def test_nobody_else_gets_the_focal_report(world, who, amira, bruno, hana):
    person = {
        "member": world["member"],
        "outsider": world["outsider"],
        "staff": amira,
        "manager": bruno,
        "hr": hana,
    }[who]
    client = _client_for(person)
    assert client.get(REPORT).status_code == 403
    assert client.get(REPORT, {"export": "csv"}).status_code == 403


def test_a_focal_point_who_left_the_organisation_sees_nothing(world):
    focal = world["focal"]
    focal.partner_organisation = world["other"]
    focal.save()
    assert _client_for(focal).get(REPORT).status_code == 403


def test_anonymous_is_sent_to_sign_in(client, world):
    response = client.get(REPORT)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_focal_point_has_no_admin(world):
    response = _client_for(world["focal"]).get(ADMIN_REPORT)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_hr_and_partnerships_see_every_organisation_with_a_filter(world, hana):
    pat = UserFactory(username="pat", groups=[PARTNERSHIPS])
    for person in (hana, pat):
        client = _client_for(person)
        everyone = {row["Person"] for row in csv_dicts(client.get(ADMIN_REPORT, {"export": "csv"}))}
        assert everyone == {"Wanjiru Kamau", "Otieno Odhiambo", "Kofi Mensah"}  # never staff
        one = csv_dicts(client.get(ADMIN_REPORT, {"export": "csv", "organisation": world["other"].pk}))
        assert {row["Person"] for row in one} == {"Kofi Mensah"}
        xlsx = streamed(client.get(ADMIN_REPORT, {"export": "xlsx"}))
        assert len(list(load_workbook(io.BytesIO(xlsx)).active.values)) == 4


def test_managers_and_staff_do_not_get_the_partner_report(world, bruno, amira):
    for person in (bruno, amira):
        response = _client_for(person).get(ADMIN_REPORT)
        assert response.status_code == 302 and response["Location"] in (
            "/admin/",
            "/admin/login/?next=" + ADMIN_REPORT,
        )


def grow(organisation, course, n, start):
    for i in range(n):
        person = make_partner(organisation, f"grown{start + i}")
        EnrolmentFactory(user=person, course=course, due_date=timezone.localdate() - timedelta(days=1))
        CourseCompletionFactory(user=person, course=course)


def test_the_focal_report_costs_the_same_for_3_or_30_people(world, course, django_assert_max_num_queries):
    client = _client_for(world["focal"])
    grow(world["voices"], course, 1, 0)
    with django_assert_max_num_queries(40) as small:
        client.get(REPORT)
    grow(world["voices"], course, 27, 100)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(REPORT)
    assert len(response.context["rows"]) == 30


def test_the_admin_partner_report_costs_the_same_for_3_or_30_people(
    world, course, hana, django_assert_max_num_queries
):
    client = _client_for(hana)
    with django_assert_max_num_queries(60) as small:
        client.get(ADMIN_REPORT)
    grow(world["other"], course, 27, 200)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(ADMIN_REPORT)


def test_the_site_menu_links_a_focal_point_to_their_report_and_nobody_else():
    organisation = make_organisation()
    focal = make_partner(organisation, "focal")
    organisation.focal_points.add(focal)
    member = make_partner(organisation, "member")
    for person, shown in ((focal, True), (member, False), (UserFactory(), False)):
        html = _client_for(person).get("/my-learning/").content.decode()
        assert ('href="/my-learning/organisation/"' in html) is shown, person
