"""A partner learner with enrolments and completions is in none of the staff's places: the
team completion report and its CSV, the organisation overview, assignment rules, reminders,
managers' digests, the HR API's feeds, transcript, xAPI and webhooks, the dashboard panels.
Each test puts a staff member in the same state beside them, so it can tell "left out"
from "nobody shown"."""

from datetime import timedelta

from django.utils import timezone

import pytest

from api import scopes, xapi
from api.models import ApiClient, Event, WebhookDelivery, WebhookEndpoint
from people.models import User
from records.models import CourseCompletion, Enrolment, ReminderLog
from records.reports import figures
from records.services import progress
from records.services.assignments import apply_rule
from records.services.reminders import due_reminders
from tests.api.conftest import KeyedClient
from tests.factories import AssignmentRuleFactory, CourseCompletionFactory, EnrolmentFactory
from tests.partners.organisations import make_organisation, make_partner
from tests.responses import csv_dicts

Kind = ReminderLog.Kind


@pytest.fixture
def partner(db, bruno):
    # Reporting to a manager and with an employee ID, as bad data might have it: the rule
    # must still leave them out.
    return make_partner(make_organisation(), "zanele", manager=bruno, employee_id="P-0001")


@pytest.fixture
def both(partner, amira):
    return {"partner": partner, "staff": amira}


def overdue_enrolments(people, course):
    today = timezone.localdate()
    for person in people.values():
        EnrolmentFactory(user=person, course=course, due_date=today - timedelta(days=3), status="overdue")


def test_the_rule_itself(both):
    assert set(User.objects.staff()) >= {both["staff"]}
    assert both["partner"] not in User.objects.staff()
    assert both["partner"] not in User.objects.learners()
    assert list(User.objects.partner_learners()) == [both["partner"]]


def test_not_in_the_team_completion_report_or_its_csv(both, course, hana_client):
    overdue_enrolments(both, course)
    response = hana_client.get("/admin/reports/team-completion/")
    people = {row.user_id for row in response.context["object_list"]}
    assert people == {both["staff"].pk}
    names = {
        row["Person"]
        for row in csv_dicts(hana_client.get("/admin/reports/team-completion/", {"export": "csv"}))
    }
    assert names == {both["staff"].full_name}


def test_not_in_the_organisation_overview(both, course, hana_client):
    overdue_enrolments(both, course)
    rows = csv_dicts(hana_client.get("/admin/reports/organisation/", {"export": "csv"}))
    assert sum(int(row["Enrolled"]) for row in rows) == 1


def test_not_in_the_dashboard_panels(both, course, hana):
    overdue_enrolments(both, course)
    counts = figures.headline(figures.active_people(hana))
    assert counts["people"] == 1 and counts["overdue"] == 1


def test_not_enrolled_by_an_assignment_rule_for_everyone(both, course):
    rule = AssignmentRuleFactory(course=course)
    apply_rule(rule)
    enrolled = set(Enrolment.objects.values_list("user_id", flat=True))
    assert both["staff"].pk in enrolled and both["partner"].pk not in enrolled


def test_no_reminders_and_no_manager_digest(both, course):
    overdue_enrolments(both, course)
    today = timezone.localdate()
    for person in both.values():
        EnrolmentFactory(user=person, course_code="DUE-1", course_title="Due today", due_date=today)
        CourseCompletionFactory(user=person, course_code="EXP-1", valid_until=today + timedelta(days=5))
    reminders = list(due_reminders(today))
    recipients = {recipient for _kind, recipient, *_rest in reminders}
    assert both["partner"].pk not in recipients
    assert {kind for kind, *_ in reminders} >= {
        Kind.OVERDUE,
        Kind.DUE_TODAY,
        Kind.EXPIRING,
        Kind.MANAGER_DIGEST,
    }


def test_the_manager_digest_holds_no_partner(partner, course, bruno):
    overdue_enrolments({"partner": partner}, course)
    assert [kind for kind, *_ in due_reminders(timezone.localdate())] == []


def test_not_in_the_hr_api(both, course, module, settings):
    settings.XAPI_SETTLE_SECONDS = 0
    client, key = ApiClient.objects.create_key(name="HRIS", scopes=list(scopes.ALL))
    hr_api = KeyedClient(key)
    made = {}
    for key, person in both.items():
        progress.mark_module_read(person, module, course)
        made[key] = CourseCompletion.objects.get(user=person)
    enrolments = hr_api.get("/api/v1/enrolments/").json()["results"]
    assert {row["employee_id"] for row in enrolments} == {both["staff"].employee_id}
    listed = hr_api.get("/api/v1/completions/").json()["results"]
    assert {row["id"] for row in listed} == {made["staff"].pk}
    assert hr_api.get(f"/api/v1/learners/{both['partner'].employee_id}/transcript/").status_code == 404
    assert hr_api.get(f"/api/v1/learners/{both['staff'].employee_id}/transcript/").status_code == 200
    for export in ("/api/v1/enrolments/export/", "/api/v1/completions/export/"):
        body = b"".join(hr_api.get(export).streaming_content).decode()
        assert "zanele" not in body.lower() and "P-0001" not in body
    statements = hr_api.get("/api/v1/xapi/statements/").json()["statements"]
    actors = {statement["actor"]["account"]["name"] for statement in statements}
    assert actors == {xapi.pseudonym(both["staff"].pk, client)}


def test_no_webhook_about_a_partner(partner, amira, course, module, django_capture_on_commit_callbacks):
    client, _key = ApiClient.objects.create_key(name="HRIS", scopes=list(scopes.ALL))
    WebhookEndpoint.objects.create(
        client=client, url="https://hris.example.org/hook", events=list(Event.values)
    )
    with django_capture_on_commit_callbacks(execute=False):
        progress.mark_module_read(partner, module, course)
    assert CourseCompletion.objects.filter(user=partner).exists()
    assert not WebhookDelivery.objects.exists()
    with django_capture_on_commit_callbacks(execute=False):
        progress.mark_module_read(amira, module, course)
    assert WebhookDelivery.objects.filter(event_type="completion.created").count() == 1
