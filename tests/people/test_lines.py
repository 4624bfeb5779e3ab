"""Reporting lines (people.lines): who a manager, an HR admin or anyone else may see."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from people.lines import reporting_line_ids, sees_everyone, visible_people
from people.models import User
from people.roles import HR_ADMINS, MANAGERS
from tests.factories import UserFactory


@pytest.fixture
def line(bruno, amira):
    """bruno > amira > dana > finn (three levels), and maya > chen, another team."""
    dana = UserFactory(username="dana", manager=amira)
    finn = UserFactory(username="finn", manager=dana)
    maya = UserFactory(username="maya", groups=[MANAGERS])
    chen = UserFactory(username="chen-line", manager=maya)
    return {"bruno": bruno, "amira": amira, "dana": dana, "finn": finn, "maya": maya, "chen": chen}


def ids(*users):
    return {user.pk for user in users}


def test_reporting_line_holds_direct_and_indirect_reports(line):
    assert reporting_line_ids(line["bruno"]) == ids(line["amira"], line["dana"], line["finn"])
    assert reporting_line_ids(line["dana"]) == ids(line["finn"])


def test_manager_cannot_see_other_team(line):
    assert line["chen"].pk not in reporting_line_ids(line["bruno"])
    assert line["chen"] not in visible_people(line["bruno"])
    assert line["maya"] not in visible_people(line["bruno"])


def test_person_without_reports_has_an_empty_line(line):
    assert reporting_line_ids(line["finn"]) == set()


def test_one_query_per_level(line, django_assert_num_queries):
    # Three levels below bruno, plus the query that finds nobody below finn.
    with django_assert_num_queries(4):
        reporting_line_ids(line["bruno"])


def test_a_loop_in_the_data_ends_and_leaves_the_manager_out(line):
    # bruno reports to finn, who is in bruno's own line: a loop.
    User.objects.filter(pk=line["bruno"].pk).update(manager=line["finn"])
    assert reporting_line_ids(line["bruno"]) == ids(line["amira"], line["dana"], line["finn"])
    assert set(visible_people(line["bruno"])) == {line["amira"], line["dana"], line["finn"]}
    assert reporting_line_ids(line["dana"]) == ids(line["finn"], line["bruno"], line["amira"])


def test_visible_people_matches_the_reporting_line_in_one_query(line):
    with CaptureQueriesContext(connection) as queries:
        people = set(visible_people(line["bruno"]).values_list("pk", flat=True))
    assert people == reporting_line_ids(line["bruno"])
    # The group check, then the people themselves, however deep the line.
    assert len(queries) == 2


def test_hr_admin_and_superuser_see_everyone(line, superuser):
    hannah = UserFactory(username="hannah", groups=[HR_ADMINS])
    for user in (hannah, superuser):
        assert sees_everyone(user)
        assert visible_people(user).count() == User.objects.count()


def test_staff_member_without_a_line_sees_nobody(line, chen):
    assert not sees_everyone(chen)
    assert not visible_people(chen).exists()


def test_deactivated_manager_sees_nobody(line):
    line["bruno"].is_active = False
    assert not visible_people(line["bruno"]).exists()
