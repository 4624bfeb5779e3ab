"""The HR admin's dashboard panel (records.panels.OrganisationPanel): the organisation's
completion by department and by country, the 12-month trend and the people overdue."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from people.models import Department
from records.models import Enrolment
from records.reports import figures
from tests.conftest import _client_for
from tests.factories import CourseCompletionFactory, EnrolmentFactory, UserFactory
from tests.records.test_team_panel import build_line

HOME = "/admin/"


def today():
    # Read at test time: a constant taken at collection goes stale when a run crosses midnight.
    return timezone.localdate()


Status = Enrolment.Status


@pytest.fixture
def organisation(amira, chen):
    """amira (Communications, Jordan): INF-101 completed, STORY-201 overdue; chen
    (Research, no country): INF-101 overdue with a revoked completion; a leaver overdue
    in Research."""
    amira.country = "Jordan"
    amira.save()
    EnrolmentFactory(user=amira, status=Status.COMPLETED)
    CourseCompletionFactory(user=amira, days_ago=3)
    EnrolmentFactory(user=amira, course_code="STORY-201", due_date=today() - timedelta(days=2))
    EnrolmentFactory(user=chen, due_date=today() - timedelta(days=2))
    CourseCompletionFactory(user=chen, days_ago=3, revoked=True)
    leaver = UserFactory(username="gone", is_active=False, department=chen.department, country="Chile")
    EnrolmentFactory(user=leaver, due_date=today() - timedelta(days=2))


def test_organisation_figures_by_department_and_country(hana, organisation):
    people = figures.active_people(hana)
    departments = {row["group"]: row for row in figures.per_group(people, "department__name")}
    assert {
        name: (r["enrolled"], r["completed"], r["rate"], r["overdue"]) for name, r in departments.items()
    } == {
        "Communications": (2, 1, 50.0, 1),
        "Research": (1, 0, 0.0, 1),
    }
    countries = {
        row["group"]: (row["enrolled"], row["overdue"]) for row in figures.per_group(people, "country")
    }
    assert countries == {"": (1, 1), "Jordan": (2, 1)}
    headline = figures.headline(people)
    assert (headline["people"], headline["people_overdue"], headline["enrolled"], headline["overdue"]) == (
        2,
        2,
        3,
        2,
    )
    assert sum(n for _month, n in figures.monthly_completions(people)) == 1


def test_hr_lands_on_the_organisation_panel(hana_client, organisation):
    content = hana_client.get(HOME).content.decode()
    assert 'id="organisation-training' in content and 'id="team-training' not in content
    assert "<strong>2</strong> overdue (2 people)" in content
    assert 'href="/admin/reports/team-completion/?overdue=on"' in content
    assert "See the 2 people overdue" in content
    assert '<th scope="row">Communications</th>' in content
    assert '<th scope="row">Not recorded</th>' in content  # chen has no country
    assert "Chile" not in content  # the leaver's
    assert (
        '<svg role="img" aria-labelledby="organisation-completions-title organisation-completions-desc"'
        in content
    )


def test_managers_editors_and_superusers(bruno_client, eve_client, superuser_client, organisation):
    assert 'id="organisation-training' not in bruno_client.get(HOME).content.decode()
    assert 'id="organisation-training' not in eve_client.get(HOME).content.decode()
    assert 'id="organisation-training' in superuser_client.get(HOME).content.decode()


def test_panel_queries_do_not_grow_with_the_organisation(hana, django_assert_max_num_queries):
    build_line(UserFactory(username="boss-a"), 5, "s")
    client = _client_for(hana)
    client.get(HOME)
    with CaptureQueriesContext(connection) as queries:
        client.get(HOME)
    bound = len(queries)
    build_line(UserFactory(username="boss-b"), 400, "l")
    for n in range(6):
        Department.objects.create(name=f"Extra {n}")
    client.get(HOME)
    with django_assert_max_num_queries(bound):
        content = client.get(HOME).content.decode()
    assert "<strong>405</strong> people assigned" in content
