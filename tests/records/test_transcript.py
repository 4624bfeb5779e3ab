"""A staff member's transcript (/admin/reports/transcript/<id>/): enrolments, a quiz
attempt summary per module and completions; never the answers. Managers only for people
in their line (404 otherwise), HR admins for everyone."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from people.roles import HR_ADMINS, MANAGERS
from records.models import Enrolment
from tests.conftest import _client_for
from tests.factories import (
    CourseCompletionFactory,
    EnrolmentFactory,
    ReflectionAnswerFactory,
    UserFactory,
    add_question,
    take_quiz,
)
from tests.responses import body_of, csv_rows


def url(user, suffix=""):
    return f"/admin/reports/transcript/{user.pk}/{suffix}"


@pytest.fixture
def amira_record(amira, module, course):
    """amira took the module's quiz twice (wrong, then right) and completed the course."""
    question, choices = add_question(
        module,
        "Whose voice makes a campaign feel authentic?",
        [("The people affected by it", True), ("The press office of headquarters", False)],
    )
    take_quiz(amira, module, course, {question: [choices["The press office of headquarters"]]})
    take_quiz(amira, module, course, {question: [choices["The people affected by it"]]})
    Enrolment.objects.update_or_create(
        user=amira,
        course_code="INF-101",
        defaults={"course_title": "Working with influencers", "status": Enrolment.Status.COMPLETED},
    )
    CourseCompletionFactory(user=amira, score=Decimal("50.00"), days_ago=5, revoked=True)
    return question


def test_manager_sees_transcript_of_someone_in_their_line(bruno_client, amira, amira_record):
    response = bruno_client.get(url(amira))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Amira Haddad" in content
    assert "Working with influencers" in content
    assert "Why authentic voices matter" in content
    modules = response.context["modules"]
    assert [(row["attempts"], Decimal(row["score"])) for row in modules] == [(2, Decimal("100"))]
    assert [row["status"] for row in response.context["completions"]] == ["Valid", "Revoked"]


def test_indirect_report_is_reachable(bruno_client, amira):
    finn = UserFactory(username="finn", manager=UserFactory(username="dana", manager=amira))
    assert bruno_client.get(url(finn)).status_code == 200


@pytest.mark.parametrize("suffix", ["", "results/", "?export=csv", "?export=xlsx"])
def test_someone_outside_the_line_is_not_found(bruno_client, chen, suffix):
    EnrolmentFactory(user=chen)
    response = bruno_client.get(url(chen, suffix))
    assert response.status_code == 404
    assert "Content-Disposition" not in response


def test_manager_cannot_open_their_own_manager_or_themselves(bruno_client, bruno):
    boss = UserFactory(username="boss", groups=[MANAGERS])
    bruno.manager = boss
    bruno.save()
    assert bruno_client.get(url(boss)).status_code == 404
    assert bruno_client.get(url(bruno)).status_code == 404


def test_unknown_person_is_not_found(bruno_client, bruno):
    assert bruno_client.get("/admin/reports/transcript/999999/").status_code == 404


def test_hr_admin_sees_anyone(chen):
    EnrolmentFactory(user=chen, course_code="STORY-201")
    hannah = UserFactory(username="hannah", groups=[HR_ADMINS])
    response = _client_for(hannah).get(url(chen))
    assert response.status_code == 200
    assert "STORY-201" in response.content.decode()


def test_staff_without_a_role_is_refused(amira_client, chen):
    response = amira_client.get(url(chen))
    assert response.status_code in (302, 403, 404)
    assert "Content-Disposition" not in response


def test_transcript_never_shows_answers_or_reflections(bruno_client, amira, amira_record, module, course):
    ReflectionAnswerFactory(
        user=amira,
        module=module,
        block_id="reflect-voice",
        prompt="Whose voice told the story?",
        answer="My private thought about the campaign",
    )
    for suffix in ("", "results/", "?export=csv"):
        response = bruno_client.get(url(amira, suffix))
        content = body_of(response).decode()
        assert "The people affected by it" not in content
        assert "The press office of headquarters" not in content
        assert "Whose voice makes a campaign feel authentic?" not in content
        assert "My private thought" not in content


def test_csv_export(bruno_client, amira, amira_record):
    response = bruno_client.get(url(amira), {"export": "csv"})
    assert response.status_code == 200
    assert f'filename="transcript-{amira.employee_id.lower()}-' in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0][:4] == ["Record", "Course code", "Title", "Status"]
    assert [row[0] for row in rows[1:]] == ["Course", "Module quiz", "Completion", "Completion"]


def test_csv_export_neutralises_formulas(bruno, bruno_client):
    mallory = UserFactory(username="mallory", manager=bruno)
    EnrolmentFactory(user=mallory, course_title="=cmd|' /C calc'!A0")
    rows = csv_rows(bruno_client.get(url(mallory), {"export": "csv"}))
    assert rows[1][2] == "'=cmd|' /C calc'!A0"


def test_query_count_does_not_grow_with_records(bruno_client, amira, django_assert_max_num_queries):
    EnrolmentFactory(user=amira, course_code="A-1")
    bruno_client.get(url(amira))
    with CaptureQueriesContext(connection) as small:
        bruno_client.get(url(amira))
    for n in range(30):
        EnrolmentFactory(user=amira, course_code=f"B-{n}")
        CourseCompletionFactory(user=amira, course_code=f"B-{n}")
    with django_assert_max_num_queries(len(small)):
        bruno_client.get(url(amira))
