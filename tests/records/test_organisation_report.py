"""The organisation overview (/admin/reports/organisation/), for HR admins only:
completion rate and overdue counts per course by department or by country."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from people.models import Department
from people.roles import HR_ADMINS
from records.models import Enrolment
from tests.conftest import _client_for
from tests.factories import EnrolmentFactory, UserFactory
from tests.htmlutils import elements
from tests.responses import assert_refused, csv_rows

URL = "/admin/reports/organisation/"
PAST = timezone.localdate() - timedelta(days=2)


@pytest.fixture
def hannah(db):
    return UserFactory(username="hannah", full_name="Hannah Ito", groups=[HR_ADMINS])


@pytest.fixture
def hr_client(hannah):
    return _client_for(hannah)


@pytest.fixture
def organisation(amira, chen, communications):
    """Communications (Jordan): amira done, zoe overdue, yara not due yet. Research
    (Kenya): chen overdue. A leaver in Communications is not counted."""
    zoe = UserFactory(username="zoe", department=communications, country="Jordan")
    yara = UserFactory(username="yara", department=communications, country="Jordan")
    leaver = UserFactory(username="leaver", department=communications, is_active=False)
    amira.country = "Jordan"
    amira.save()
    chen.country = "Kenya"
    chen.save()
    EnrolmentFactory(user=amira, status=Enrolment.Status.COMPLETED, due_date=PAST)
    EnrolmentFactory(user=zoe, status=Enrolment.Status.IN_PROGRESS, due_date=PAST)
    EnrolmentFactory(user=yara)
    EnrolmentFactory(user=chen, due_date=PAST)
    EnrolmentFactory(user=leaver, due_date=PAST)
    EnrolmentFactory(user=chen, course_code="STORY-201", status=Enrolment.Status.COMPLETED)


def rows(response):
    return {
        (row["course_code"], row["group_label"]): (
            row["enrolled"],
            row["completed"],
            row["completion_rate"],
            row["overdue"],
        )
        for row in response.context["object_list"]
    }


def test_completion_by_department(hr_client, organisation):
    response = hr_client.get(URL)
    assert response.status_code == 200
    assert rows(response) == {
        ("INF-101", "Communications"): (3, 1, 33.3, 1),
        ("INF-101", "Research"): (1, 0, 0, 1),
        ("STORY-201", "Research"): (1, 1, 100.0, 0),
    }


def test_superusers_are_not_counted(hr_client, organisation, communications):
    root = UserFactory(username="root", is_superuser=True, department=communications, country="Jordan")
    EnrolmentFactory(user=root, due_date=PAST)
    assert rows(hr_client.get(URL))[("INF-101", "Communications")] == (3, 1, 33.3, 1)


def test_completion_by_country(hr_client, organisation):
    assert rows(hr_client.get(URL, {"by": "country"})) == {
        ("INF-101", "Jordan"): (3, 1, 33.3, 1),
        ("INF-101", "Kenya"): (1, 0, 0, 1),
        ("STORY-201", "Kenya"): (1, 1, 100.0, 0),
    }


def test_expired_one_off_enrolment_is_not_counted_overdue(hr_client, organisation, chen):
    """Expired with an old due date (a one-off assignment whose completion lapsed): the
    person sees "Expired", not overdue, and so does the overview."""
    EnrolmentFactory(
        user__department=chen.department,
        course_code="STORY-201",
        status=Enrolment.Status.EXPIRED,
        due_date=PAST,
    )
    assert rows(hr_client.get(URL))[("STORY-201", "Research")] == (2, 1, 50.0, 0)


def test_people_without_a_department_are_grouped_as_not_recorded(hr_client, organisation):
    EnrolmentFactory(user=UserFactory(username="nodept"))
    assert ("INF-101", "Not recorded") in rows(hr_client.get(URL))


def test_course_filter(hr_client, organisation, course):
    assert {key[0] for key in rows(hr_client.get(URL, {"course": "INF-101"}))} == {"INF-101"}


def test_page_has_a_table_and_a_plain_html_chart(hr_client, organisation):
    response = hr_client.get(URL)
    content = response.content.decode()
    assert elements(response, "table")
    [chart] = elements(response, "div", class_="organisation-chart")
    assert chart["aria-hidden"] == "true"
    fills = elements(chart, "rect", class_="organisation-chart__fill")
    assert ("0", "0", "1", "33.3") in [
        (fill["x"], fill["y"], fill["height"], fill["width"]) for fill in fills
    ]
    assert not [element for element in [chart, *chart.find_all_next()] if element.has_attr("style")]
    assert '<script src="http' not in content


def test_csv_export(hr_client, organisation):
    response = hr_client.get(URL, {"export": "csv", "by": "country"})
    assert 'filename="organisation-overview-by-country-' in response["Content-Disposition"]
    exported = csv_rows(response)
    assert exported[0] == [
        "Course code",
        "Course title",
        "Department or country",
        "Enrolled",
        "Completed",
        "Completion rate (%)",
        "Overdue",
        "Update required",
    ]
    assert ["INF-101", "Course INF-101", "Jordan", "3", "1", "33.3", "1", "0"] in exported


def test_csv_export_neutralises_formulas(hr_client, db):
    EnrolmentFactory(user=UserFactory(username="mallory", country="=1+2"))
    exported = csv_rows(hr_client.get(URL, {"export": "csv", "by": "country"}))
    assert exported[1][2] == "'=1+2"


def test_superuser_sees_the_report(superuser_client, organisation):
    assert superuser_client.get(URL).status_code == 200


@pytest.mark.parametrize("params", [{}, {"export": "csv"}, {"export": "xlsx"}])
def test_managers_and_staff_are_refused(bruno, amira_client, eve, organisation, params):
    for client in (_client_for(bruno), amira_client, _client_for(eve)):
        assert_refused(client.get(URL, params), URL)


def test_reports_menu_shows_the_overview_only_to_hr(hannah, bruno):
    assert "/admin/reports/organisation/" in _client_for(hannah).get("/admin/").content.decode()
    assert "/admin/reports/organisation/" not in _client_for(bruno).get("/admin/").content.decode()


def test_query_count_does_not_grow_with_staff(hr_client, organisation, django_assert_max_num_queries):
    hr_client.get(URL)
    with CaptureQueriesContext(connection) as small:
        hr_client.get(URL)
    for n in range(20):
        department = Department.objects.create(name=f"Dept {n}")
        for m in range(3):
            EnrolmentFactory(
                user=UserFactory(username=f"s{n}-{m}", department=department), course_code=f"C-{m}"
            )
    with django_assert_max_num_queries(len(small)):
        hr_client.get(URL)
