"""The HR API on recertification: an enrolment's ``update_required`` (status and object),
a completion's module versions and supersession, the CSV columns, the schema, and the
``enrolment.update_required`` webhook (per-client visibility, one event per version)."""

import json
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from api import scopes
from api.models import Event, WebhookDelivery, WebhookEndpoint
from api.serializers import EnrolmentSerializer
from records import signals
from records.models import CourseCompletion, Enrolment, ModuleUpdate
from records.services.statuses import update_statuses
from tests.api.fuzzing import SCHEMA_URL
from tests.api.test_schema import assert_conforms, resolve, response_schema
from tests.factories import CourseCompletionFactory, DepartmentFactory, EnrolmentFactory, UserFactory
from tests.records.update_state import require_update
from tests.responses import csv_dicts

ENROLMENTS = "/api/v1/enrolments/"
COMPLETIONS = "/api/v1/completions/"


def today():
    # Read at test time: a constant taken at collection goes stale when a run crosses midnight.
    return timezone.localdate()


DUE = today() + timedelta(days=20)


@pytest.fixture
def make_endpoint(make_api_client):
    def make(url, scope_list=(scopes.ENROLMENTS,), departments=(), events=tuple(Event.values)):
        client, _keyed = make_api_client(list(scope_list), departments=departments)
        return WebhookEndpoint.objects.create(client=client, url=url, events=list(events))

    return make


def by_email(rows):
    return {row["email"]: row for row in rows}


def feed(api, url, **params):
    return by_email(api.get(url, params).json()["results"])


def test_enrolment_feed_says_update_required_with_version_modules_and_due_date(hr_api, amira, chen):
    require_update(amira, modules=[("Safe spaces", 3), ("Fair hiring", 2)], due_date=DUE)
    EnrolmentFactory(user=chen, status=Enrolment.Status.COMPLETED)
    rows = feed(hr_api, ENROLMENTS)
    mine = rows[amira.email]
    assert mine["status"] == "update_required"
    keys = dict(ModuleUpdate.objects.values_list("module_title", "module_key"))
    assert mine["update_required"] == {
        "version": 2,
        "modules": [
            {"module_key": str(keys["Fair hiring"]), "title": "Fair hiring", "version": 2},
            {"module_key": str(keys["Safe spaces"]), "title": "Safe spaces", "version": 3},
        ],
        "due_date": DUE.isoformat(),
    }
    assert rows[chen.email]["update_required"] is None


def test_an_overdue_update_keeps_its_update_required_object(hr_api, amira):
    require_update(amira, due_date=today() - timedelta(days=1))
    update_statuses()
    [row] = hr_api.get(ENROLMENTS).json()["results"]
    assert row["status"] == "overdue"
    assert row["update_required"]["version"] == 2


def test_the_feed_filters_by_the_update_required_status(hr_api, amira, chen):
    require_update(amira)
    EnrolmentFactory(user=chen)
    assert list(feed(hr_api, ENROLMENTS, status="update_required")) == [amira.email]


def test_the_transcript_and_the_feed_say_the_same(hr_api, amira):
    require_update(amira, due_date=DUE)
    [row] = hr_api.get(ENROLMENTS).json()["results"]
    transcript = hr_api.get(f"/api/v1/learners/{amira.employee_id}/transcript/").json()
    assert transcript["enrolments"] == [row]


def test_feed_queries_stay_bounded_with_updates(hr_api, course, django_assert_max_num_queries):
    for person in UserFactory.create_batch(12):
        require_update(person, course, modules=[("Fair hiring", 2), ("Safe spaces", 3)])
    # The feed's seven (tests/api/test_enrolments_feed.py) and one for the updates.
    with django_assert_max_num_queries(8):
        small = hr_api.get(ENROLMENTS, {"page_size": 2})
    with django_assert_max_num_queries(8):
        hr_api.get(ENROLMENTS, {"page_size": 12})
    with django_assert_max_num_queries(8):
        rows = hr_api.get(small.json()["next"]).json()["results"]
    assert all(len(row["update_required"]["modules"]) == 2 for row in rows)


def test_a_page_without_updates_costs_no_more_query(hr_api, amira, course):
    EnrolmentFactory(user=amira)
    hr_api.get(ENROLMENTS)
    with CaptureQueriesContext(connection) as without:
        hr_api.get(ENROLMENTS)
    require_update(UserFactory(), course)
    with CaptureQueriesContext(connection) as with_update:
        hr_api.get(ENROLMENTS)
    assert len(with_update) == len(without) + 1


def test_completion_feed_has_module_versions_and_supersession(hr_api, amira):
    old = CourseCompletionFactory(user=amira, days_ago=90, module_versions={"k1": 1, "k2": 1})
    new = CourseCompletionFactory(user=amira, days_ago=1, module_versions={"k1": 2, "k2": 1})
    CourseCompletion.objects.filter(pk=old.pk).update(superseded_at=timezone.now(), superseded_by=new)
    rows = {row["id"]: row for row in hr_api.get(COMPLETIONS).json()["results"]}
    assert rows[old.pk]["module_versions"] == {"k1": 1, "k2": 1}
    assert rows[old.pk]["superseded_by"] == new.pk
    assert rows[old.pk]["superseded_at"] is not None
    assert rows[old.pk]["status"] == "valid"  # superseded, not revoked
    assert rows[new.pk]["superseded_by"] is None and rows[new.pk]["superseded_at"] is None


def test_csv_exports_have_the_new_columns(hr_api, amira, chen):
    require_update(amira, modules=[("Fair hiring", 2), ("Safe spaces", 3)], due_date=DUE)
    EnrolmentFactory(user=chen)
    rows = by_email(csv_dicts(hr_api.get(f"{ENROLMENTS}export/")))
    assert "update_required" not in rows[amira.email]
    assert rows[amira.email]["update_required_version"] == "2"
    assert rows[amira.email]["update_required_modules"] == "Fair hiring (v2); Safe spaces (v3)"
    assert rows[amira.email]["update_required_due_date"] == DUE.isoformat()
    assert rows[chen.email]["update_required_version"] == ""
    headings = list(rows[amira.email])
    assert headings[-3:] == ["update_required_version", "update_required_modules", "update_required_due_date"]
    [completion] = csv_dicts(hr_api.get(f"{COMPLETIONS}export/", {"employee_id": amira.employee_id}))
    module_versions = amira.completions.get().module_versions
    assert json.loads(completion["module_versions"]) == module_versions
    assert completion["superseded_by"] == ""


def test_the_schema_documents_the_new_fields_and_the_responses_conform(client, hr_api, amira):
    openapi = json.loads(client.get(SCHEMA_URL).content)
    components = openapi["components"]["schemas"]
    enrolment = components["Enrolment"]["properties"]
    assert "update_required" in enrolment["status"]["description"]
    status = enrolment["status"]
    assert "update_required" in resolve(openapi, status.get("allOf", [status])[0])["enum"]
    assert enrolment["update_required"]["allOf"] == [{"$ref": "#/components/schemas/UpdateRequired"}]
    assert enrolment["update_required"]["nullable"] is True
    assert set(components["UpdateRequired"]["properties"]) == {"version", "modules", "due_date"}
    assert set(components["UpdatedModule"]["properties"]) == {"module_key", "title", "version"}
    completion = components["Completion"]["properties"]
    assert {"module_versions", "superseded_at", "superseded_by"} <= set(completion)
    require_update(amira)
    for path in ("/api/v1/enrolments/", "/api/v1/completions/"):
        body = hr_api.get(path).json()
        assert_conforms(openapi, response_schema(openapi, path), body, path)
    assert body["results"][0]["module_versions"] == {}


# --- The webhook ---------------------------------------------------------------------------------


def signal(enrolments):
    signals.updates_required.send(sender=Enrolment, enrolments=enrolments)


def test_the_event_carries_the_enrolment_with_its_update(amira, make_endpoint):
    endpoint = make_endpoint("https://hr.example.org/all")
    enrolment = require_update(amira, due_date=DUE)
    signal(Enrolment.objects.filter(pk=enrolment.pk))
    [delivery] = WebhookDelivery.objects.filter(endpoint=endpoint)
    assert delivery.event_type == Event.ENROLMENT_UPDATE_REQUIRED
    payload = json.loads(delivery.body)
    assert payload["type"] == "enrolment.update_required"
    assert set(payload["data"]) == set(EnrolmentSerializer().fields)
    assert payload["data"]["status"] == "update_required"
    assert payload["data"]["update_required"]["version"] == 2
    assert payload["data"]["update_required"]["due_date"] == DUE.isoformat()
    assert payload["data"]["update_required"]["modules"][0]["title"] == "Fair hiring"


def test_only_clients_that_may_read_the_person_and_take_the_event_get_it(amira, chen, make_endpoint):
    everyone = make_endpoint("https://hr.example.org/all")
    comms = make_endpoint("https://hr.example.org/comms", departments=[amira.department])
    research = make_endpoint("https://hr.example.org/research", departments=[DepartmentFactory(name="Legal")])
    completions_only = make_endpoint("https://hr.example.org/c", scope_list=[scopes.COMPLETIONS])
    overdue_only = make_endpoint("https://hr.example.org/o", events=[Event.ENROLMENT_OVERDUE])
    require_update(amira)
    require_update(chen)
    signal(Enrolment.objects.all())
    assert WebhookDelivery.objects.filter(endpoint=everyone).count() == 2
    assert WebhookDelivery.objects.filter(endpoint=comms).count() == 1
    assert not WebhookDelivery.objects.filter(
        endpoint__in=[research, completions_only, overdue_only]
    ).exists()


def test_the_same_update_is_one_event_and_a_new_version_another(amira, chen, make_endpoint):
    endpoint = make_endpoint("https://hr.example.org/all")
    enrolment = require_update(amira)
    EnrolmentFactory(user=chen)  # nothing pending: no event
    signal(Enrolment.objects.all())
    signal(Enrolment.objects.all())
    assert WebhookDelivery.objects.filter(endpoint=endpoint).count() == 1
    # A second material change of the same module before the first was done.
    ModuleUpdate.objects.filter(user=amira).update(version=3)
    signal(Enrolment.objects.filter(pk=enrolment.pk))
    keys = sorted(WebhookDelivery.objects.values_list("event_key", flat=True))
    assert len(keys) == 2
    assert all(key.startswith(f"enrolment.update_required:{enrolment.pk}:v") for key in keys)
    assert {key.split(":")[2] for key in keys} == {"v2", "v3"}


def test_a_finished_update_is_no_news(amira, make_endpoint):
    endpoint = make_endpoint("https://hr.example.org/all")
    require_update(amira)
    ModuleUpdate.objects.update(completed_at=timezone.now())
    signal(Enrolment.objects.all())
    assert not WebhookDelivery.objects.filter(endpoint=endpoint).exists()


def test_events_are_recorded_in_constant_queries(course, communications, make_endpoint):
    make_endpoint("https://hr.example.org/all")
    make_endpoint("https://hr.example.org/comms", departments=[communications])
    research = DepartmentFactory(name="Research")
    few = [require_update(UserFactory(department=d), course) for d in (communications, research)]
    many = [require_update(UserFactory(department=d), course) for d in (communications, research) * 20]
    with CaptureQueriesContext(connection) as queries:
        signal(Enrolment.objects.filter(pk__in=[e.pk for e in few]))
    bound = len(queries)
    with CaptureQueriesContext(connection) as queries:
        signal(Enrolment.objects.filter(pk__in=[e.pk for e in many]))
    assert len(queries) == bound
    assert WebhookDelivery.objects.count() == 2 + 1 + 40 + 20


def test_the_event_can_be_chosen_in_the_admin_with_the_enrolments_scope():
    from api.models.webhooks import EVENT_SCOPES

    assert EVENT_SCOPES[Event.ENROLMENT_UPDATE_REQUIRED] == scopes.ENROLMENTS
    assert "enrolment.update_required" in Event.values
