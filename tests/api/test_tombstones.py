"""Tombstones: records that leave a client's view, because the person's data was erased
(``erased``) or they moved out of a department-limited client's departments
(``left_scope``). The feed at /api/v1/tombstones/ pages like the other feeds; erasure also
sends a signed ``person.erased`` webhook and scrubs stored deliveries.

Erasure itself is records.privacy's (another part of the platform): here a person is
pseudonymised by hand and ``records.signals.person_erased`` sent as it sends it, inside the
erasure's transaction."""

import csv
import io
import json
from urllib.parse import parse_qs, urlsplit

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from standardwebhooks.webhooks import Webhook

from api import scopes
from api.models import Event, Tombstone, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from api.webhooks import events
from people.models import User
from people.roster import import_roster
from records import signals
from records.models import CourseCompletion, Enrolment
from tests.factories import CourseCompletionFactory, DepartmentFactory, EnrolmentFactory

URL = "/api/v1/tombstones/"
COMPLETIONS = "/api/v1/completions/"
ENROLMENTS = "/api/v1/enrolments/"
ROSTER_HEADER = (
    "employee_id,email,full_name,department,country,manager_employee_id,preferred_language,start_date,active"
)


def erase(person, **pseudonym):
    """Pseudonymise ``person`` as records.privacy does, and send ``person_erased`` in the
    same transaction. ``pseudonym`` overrides the replaced fields (``{}``: only erased_at)."""
    enrolment_ids = sorted(Enrolment.objects.filter(user=person).values_list("pk", flat=True))
    completion_ids = sorted(CourseCompletion.objects.filter(user=person).values_list("pk", flat=True))
    values = {
        "full_name": "",
        "email": f"erased-{person.pk}@erased.invalid",
        "employee_id": f"ERASED-{person.pk}",
        "username": f"erased-{person.pk}",
    }
    values.update(pseudonym)
    with transaction.atomic():
        User.objects.filter(pk=person.pk).update(erased_at=timezone.now(), **values)
        person.refresh_from_db()
        signals.person_erased.send(
            sender=User,
            user=person,
            enrolment_ids=enrolment_ids,
            completion_ids=completion_ids,
            department_id=person.department_id,
        )
    return completion_ids, enrolment_ids


def read_all(api, url=URL, **params):
    """Every row of a feed, following ``next``."""
    rows, response = [], api.get(url, params)
    while True:
        assert response.status_code == 200, response.content
        body = response.json()
        rows.extend(body["results"])
        if not body["next"]:
            return rows
        response = api.get(body["next"])


def tombstones(api, **params):
    return [(row["record_type"], row["record_id"], row["reason"]) for row in read_all(api, **params)]


def ids(api, url, **params):
    return sorted(row["id"] for row in read_all(api, url, **params))


@pytest.fixture
def records_of(amira, chen):
    """amira (Communications) and chen (Research): a completion and an enrolment each."""
    return {
        person.username: (CourseCompletionFactory(user=person).pk, EnrolmentFactory(user=person).pk)
        for person in (amira, chen)
    }


# --- erased ------------------------------------------------------------------------------


def test_an_erased_persons_records_become_tombstones_and_leave_every_feed(hr_api, amira, chen, records_of):
    completion, enrolment = records_of[amira.username]
    employee_id = amira.employee_id
    assert hr_api.get(f"/api/v1/learners/{employee_id}/transcript/").status_code == 200

    erase(amira)

    assert tombstones(hr_api) == [("completion", completion, "erased"), ("enrolment", enrolment, "erased")]
    assert ids(hr_api, COMPLETIONS) == [records_of[chen.username][0]]
    assert ids(hr_api, ENROLMENTS) == [records_of[chen.username][1]]
    assert hr_api.get(f"/api/v1/learners/{amira.employee_id}/transcript/").status_code == 404
    assert (
        b"".join(hr_api.get("/api/v1/completions/export/").streaming_content).count(b"\n") == 2
    )  # heading, chen
    row = read_all(hr_api)[0]
    assert set(row) == {"id", "record_type", "record_id", "reason", "updated_at"}


def test_being_erased_alone_hides_a_person_everywhere(hr_api, amira, records_of, settings):
    """The rule is the erasure mark, not the blanked fields: with the employee ID kept, the
    transcript and the feeds still hide the person."""
    settings.XAPI_SETTLE_SECONDS = 0
    assert len(hr_api.get("/api/v1/xapi/statements/").json()["statements"]) == 2  # amira's, chen's
    erase(amira, employee_id=amira.employee_id, email=amira.email, full_name=amira.full_name)

    assert hr_api.get(f"/api/v1/learners/{amira.employee_id}/transcript/").status_code == 404
    assert amira.employee_id not in hr_api.get(COMPLETIONS).content.decode()
    assert amira.employee_id not in hr_api.get(ENROLMENTS).content.decode()
    assert len(hr_api.get("/api/v1/xapi/statements/").json()["statements"]) == 1


def test_tombstones_follow_the_clients_scopes(make_api_client, amira, records_of):
    completion, enrolment = records_of[amira.username]
    erase(amira)
    _client, completions_only = make_api_client([scopes.COMPLETIONS])
    _client, enrolments_only = make_api_client([scopes.ENROLMENTS])
    _client, courses_only = make_api_client([scopes.COURSES])

    assert tombstones(completions_only) == [("completion", completion, "erased")]
    assert tombstones(enrolments_only) == [("enrolment", enrolment, "erased")]
    response = courses_only.get(URL)
    assert response.status_code == 403
    assert "completions:read" in response.json()["error"]["message"]
    assert courses_only.get(f"{URL}export/").status_code == 403


def test_a_scope_change_holds_from_the_next_request(make_api_client, amira, records_of):
    """A page's SQL is kept per client (api/statements.py); the scopes are part of its key."""
    completion, enrolment = records_of[amira.username]
    erase(amira)
    client, api = make_api_client([scopes.COMPLETIONS])
    assert tombstones(api) == [("completion", completion, "erased")]
    client.scopes = [scopes.ENROLMENTS]
    client.save()
    assert tombstones(api) == [("enrolment", enrolment, "erased")]


def test_erased_tombstones_reach_the_clients_that_saw_the_person(
    make_api_client, amira, chen, communications, records_of
):
    erase(amira)
    _client, theirs = make_api_client(departments=[communications])
    _client, others = make_api_client(departments=[chen.department])

    assert [row[2] for row in tombstones(theirs)] == ["erased", "erased"]
    assert tombstones(others) == []


def test_erasing_twice_writes_nothing_more(hr_api, amira, records_of):
    erase(amira)
    erase(amira)

    assert len(tombstones(hr_api)) == 2
    assert Tombstone.objects.count() == 2


def test_the_feed_pages_filters_and_exports_like_the_others(hr_api, amira, chen, bruno):
    for person in (amira, chen, bruno):
        for number in range(3):
            CourseCompletionFactory(user=person, course_code=f"C-{number}")
    erase(amira)
    middle = Tombstone.objects.order_by("updated_at", "id").last().updated_at
    erase(chen)
    erase(bruno)

    first = hr_api.get(URL, {"page_size": 2})
    assert len(first.json()["results"]) == 2
    assert parse_qs(urlsplit(first.json()["next"]).query)["page_size"] == ["2"]
    rows = read_all(hr_api, page_size=2)
    assert len(rows) == len({row["id"] for row in rows}) == 9
    assert [(row["updated_at"], row["id"]) for row in rows] == sorted(
        (row["updated_at"], row["id"]) for row in rows
    )

    later = read_all(hr_api, updated_since=middle.isoformat())
    assert {row["record_id"] for row in later} == set(
        CourseCompletion.objects.filter(user__in=[chen, bruno]).values_list("pk", flat=True)
    )
    assert read_all(hr_api, record_type="enrolment") == []
    assert len(read_all(hr_api, reason="erased")) == 9
    assert hr_api.get(URL, {"reason": "gone"}).status_code == 400
    assert hr_api.get(URL, {"cursor": "nonsense"}).status_code == 400

    export = hr_api.get(f"{URL}export/")
    assert export.status_code == 200
    assert export["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert table[0] == ["id", "record_type", "record_id", "reason", "updated_at"]
    assert [int(line[0]) for line in table[1:]] == [row["id"] for row in rows]


def test_a_page_costs_the_same_queries_whatever_its_size(
    hr_api, amira, chen, bruno, django_assert_max_num_queries
):
    for person in (amira, chen, bruno):
        CourseCompletionFactory.create_batch(4, user=person)
        erase(person)
    hr_api.get(URL)  # the key's first use is recorded once

    def count(params):
        with CaptureQueriesContext(connection) as queries:
            assert hr_api.get(URL, params).status_code == 200
        return len(queries)

    assert count({"page_size": 1}) == count({"page_size": 100}) == count({"page_size": 5, "reason": "erased"})
    # The key, and the page (its scope read inside the query).
    with django_assert_max_num_queries(2):
        hr_api.get(URL, {"page_size": 100})


def test_the_feed_is_in_the_schema(hr_api):
    schema = hr_api.get("/api/v1/schema/?format=json").json()
    assert set(schema["paths"]) >= {"/api/v1/tombstones/", "/api/v1/tombstones/export/"}
    names = {parameter["name"] for parameter in schema["paths"]["/api/v1/tombstones/"]["get"]["parameters"]}
    assert names >= {"updated_since", "record_type", "reason", "cursor", "page_size"}


# --- person.erased webhooks ----------------------------------------------------------------


@pytest.fixture
def endpoint_for(make_api_client, receiver, local_receivers):
    def make(name, scope_list=None, departments=(), event_list=(Event.PERSON_ERASED,)):
        client, _api = make_api_client(scope_list, departments=departments, name=name)
        return WebhookEndpoint.objects.create(
            client=client, url=f"{receiver.url}/{name}", events=list(event_list)
        )

    return make


def test_erasure_sends_a_signed_person_erased_webhook_to_the_right_endpoints(
    endpoint_for, receiver, amira, chen, communications, records_of, django_capture_on_commit_callbacks
):
    completion, enrolment = records_of[amira.username]
    personal = (amira.employee_id, amira.email, amira.full_name, amira.username)
    everything = endpoint_for("everything")
    completions_only = endpoint_for("completions", [scopes.COMPLETIONS])
    theirs = endpoint_for("theirs", [scopes.ENROLMENTS], departments=[communications])
    others = endpoint_for("others", departments=[chen.department])
    endpoint_for("not-subscribed", event_list=[Event.COMPLETION_CREATED])
    endpoint_for("no-record-scope", [scopes.COURSES, scopes.XAPI])

    with django_capture_on_commit_callbacks(execute=True):
        erase(amira)

    bodies = {}
    for request in receiver.requests:
        endpoint = WebhookEndpoint.objects.get(client__name=request.path.rsplit("/", 1)[1])
        event = Webhook(endpoint.secret).verify(request.body, request.headers)  # the reference library
        bodies[endpoint.client.name] = event
    assert set(bodies) == {"everything", "completions", "theirs"}
    assert bodies["everything"]["type"] == "person.erased"
    assert bodies["everything"]["data"] == {"completion_ids": [completion], "enrolment_ids": [enrolment]}
    assert bodies["completions"]["data"] == {"completion_ids": [completion], "enrolment_ids": []}
    assert bodies["theirs"]["data"] == {"completion_ids": [], "enrolment_ids": [enrolment]}
    for request in receiver.requests:
        text = request.body.decode()
        for value in personal:
            assert value not in text
    assert not WebhookDelivery.objects.filter(endpoint=others).exists()
    assert set(WebhookDelivery.objects.values_list("state", flat=True)) == {WebhookDelivery.State.DELIVERED}
    assert {everything.pk, completions_only.pk, theirs.pk} == set(
        WebhookDelivery.objects.values_list("endpoint", flat=True)
    )

    erase(amira)  # a repeated erasure: no second message
    assert WebhookDelivery.objects.count() == 3


def test_erasure_scrubs_stored_deliveries_of_the_persons_records(
    endpoint_for, amira, chen, records_of, django_capture_on_commit_callbacks
):
    endpoint = endpoint_for("hr", event_list=[Event.COMPLETION_CREATED, Event.ENROLMENT_OVERDUE])
    with transaction.atomic():
        for person in (amira, chen):
            events.record(
                Event.COMPLETION_CREATED,
                CourseCompletion.objects.filter(user=person),
                events.serialise_completions,
                lambda row: f"{Event.COMPLETION_CREATED.value}:{row.pk}",
                endpoints=[endpoint],
            )
        events.record(
            Event.ENROLMENT_OVERDUE,
            Enrolment.objects.filter(user=amira),
            events.serialise_enrolments,
            events.overdue_key,
            endpoints=[endpoint],
        )
    delivered = WebhookDelivery.objects.get(event_type=Event.COMPLETION_CREATED, body__contains=amira.email)
    WebhookDelivery.objects.filter(pk=delivered.pk).update(state=WebhookDelivery.State.DELIVERED)
    WebhookAttempt.objects.create(
        delivery=delivered, attempted_at=timezone.now(), duration_ms=3, response_body=f"thanks {amira.email}"
    )
    before = {delivery.pk: delivery.body for delivery in WebhookDelivery.objects.all()}
    completion = records_of[amira.username][0]
    personal = (amira.email, amira.full_name, amira.employee_id)

    erase(amira)

    theirs = WebhookDelivery.objects.filter(body__contains=f'"id":{completion},') | (
        WebhookDelivery.objects.filter(event_type=Event.ENROLMENT_OVERDUE)
    )
    assert theirs.count() == 2
    for delivery in theirs:
        data = json.loads(delivery.body)["data"]
        assert data["employee_id"] is data["email"] is data["name"] is None
        assert data["course_code"]  # the rest stays
    assert WebhookDelivery.objects.get(pk=delivered.pk).state == WebhookDelivery.State.DELIVERED
    overdue = WebhookDelivery.objects.get(event_type=Event.ENROLMENT_OVERDUE)
    assert overdue.state == WebhookDelivery.State.FAILED  # was pending: never sent now
    assert "erased" in overdue.last_outcome
    assert WebhookAttempt.objects.get().response_body == ""
    chens = WebhookDelivery.objects.get(body__contains=chen.email)
    assert chens.body == before[chens.pk] and chens.state == WebhookDelivery.State.PENDING
    for delivery in WebhookDelivery.objects.exclude(pk=chens.pk):
        for value in personal:
            assert value not in delivery.body


# --- left_scope ----------------------------------------------------------------------------


@pytest.fixture
def regional(make_api_client, communications, chen):
    """Clients limited to Communications, to Research, to both, and one for everyone."""
    research = chen.department
    return {
        "communications": make_api_client(departments=[communications])[1],
        "research": make_api_client(departments=[research])[1],
        "both": make_api_client(departments=[communications, research])[1],
        "everyone": make_api_client()[1],
    }


def move_in_the_admin(hana_client, person, department):
    from tests.adminforms import form_data

    url = f"/admin/users/edit/{person.pk}/"
    data = form_data(hana_client.get(url), url)
    data.update(department=[str(department.pk)])
    response = hana_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def move_by_roster(person, department):
    line = f"{person.employee_id},{person.email},{person.full_name},{department.name},,,en,,true"
    result = import_roster(f"{ROSTER_HEADER}\n{line}\n")
    assert result.written and not result.errors, result.errors


@pytest.mark.parametrize("how", ["admin", "roster"])
def test_moving_out_of_a_clients_departments_leaves_tombstones(
    how, hana_client, regional, amira, chen, records_of
):
    completion, enrolment = records_of[amira.username]
    before = {
        name: read_all(api, COMPLETIONS)[-1]["updated_at"]
        for name, api in regional.items()
        if name != "research"
    }
    research_since = read_all(regional["research"], COMPLETIONS)[-1]["updated_at"]

    if how == "admin":
        move_in_the_admin(hana_client, amira, chen.department)
    else:
        move_by_roster(amira, chen.department)

    assert User.objects.get(pk=amira.pk).department == chen.department
    left = [("completion", completion, "left_scope"), ("enrolment", enrolment, "left_scope")]
    assert tombstones(regional["communications"]) == left
    assert completion not in ids(regional["communications"], COMPLETIONS)
    assert enrolment not in ids(regional["communications"], ENROLMENTS)
    for name in ("research", "both", "everyone"):
        assert tombstones(regional[name]) == [], name
    # Those who see her now read her records in their next incremental sync, newly placed.
    moved = read_all(regional["research"], COMPLETIONS, updated_since=research_since)
    assert [(row["id"], row["department"]) for row in moved] == [(completion, "Research")]
    for name in ("both", "everyone"):
        moved = read_all(regional[name], COMPLETIONS, updated_since=before[name])
        assert [(row["id"], row["department"]) for row in moved] == [(completion, "Research")]
        assert enrolment in ids(regional[name], ENROLMENTS, updated_since=before[name])


def test_moving_back_brings_the_records_back_after_the_tombstone(
    regional, amira, chen, communications, records_of
):
    completion, enrolment = records_of[amira.username]
    amira.department = chen.department
    amira.save()
    [left, _enrolment] = read_all(regional["communications"])
    amira.department = communications
    amira.save()

    [record] = read_all(regional["communications"], COMPLETIONS, updated_since=left["updated_at"])
    assert record["id"] == completion
    assert record["updated_at"] > left["updated_at"]  # so a client keeps it (docs/hr-integration.md)
    assert enrolment in ids(regional["communications"], ENROLMENTS, updated_since=left["updated_at"])
    assert tombstones(regional["communications"]) == [
        ("completion", completion, "left_scope"),
        ("enrolment", enrolment, "left_scope"),
    ]
    # Research saw her while she was there; it is told she left.
    assert [row[2] for row in tombstones(regional["research"])] == ["left_scope", "left_scope"]


def test_moving_to_no_department_or_from_none(regional, amira, chen, records_of):
    completion, _enrolment = records_of[chen.username]
    chen.department = None
    chen.save()
    assert [row[1] for row in tombstones(regional["research"])] == [completion, records_of[chen.username][1]]
    assert Tombstone.objects.count() == 2
    chen.department = amira.department
    chen.save()  # from no department: no client was limited to it
    assert Tombstone.objects.count() == 2
    assert completion in ids(regional["communications"], COMPLETIONS)


def test_saves_that_do_not_move_anyone_write_nothing(regional, amira, records_of):
    amira.full_name = "Amira K. Haddad"
    amira.save()
    fresh = User.objects.get(pk=amira.pk)
    fresh.save(update_fields=["last_login"])
    fresh.country = "Lebanon"
    fresh.save()
    with CaptureQueriesContext(connection) as queries:
        fresh.save()
    # The loaded department is compared: the user is not read again.
    assert not [query for query in queries if '"people_user"."department_id" FROM' in query["sql"]]
    assert Tombstone.objects.count() == 0


def test_a_roster_import_moving_many_costs_the_same_queries(regional, communications):
    from tests.factories import UserFactory

    research = DepartmentFactory(name="Research")

    def import_moving(count, department):
        people = UserFactory.create_batch(count, department=communications)
        for person in people:
            CourseCompletionFactory(user=person)
            EnrolmentFactory(user=person)
        lines = [f"{p.employee_id},{p.email},{p.full_name},{department.name},,,en,,true" for p in people]
        with CaptureQueriesContext(connection) as queries:
            result = import_roster("\n".join([ROSTER_HEADER, *lines]) + "\n")
        assert result.written
        return len(queries), people

    few, _people = import_moving(2, research)
    many, people = import_moving(9, research)
    assert many <= few + 2  # bulk writes may batch differently; never a query per person
    assert Tombstone.objects.filter(reason=Tombstone.Reason.LEFT_SCOPE).count() == 2 * (2 + 9)
    assert len(tombstones(regional["communications"])) == 22


def test_a_move_is_told_once_whatever_the_instance_knew(regional, amira, chen, communications, records_of):
    stale = User.objects.get(pk=amira.pk)
    partial = User.objects.only("pk", "full_name").get(pk=amira.pk)  # loaded without its department
    move_by_roster(amira, chen.department)
    assert Tombstone.objects.count() == 2

    stale.refresh_from_db()
    stale.save()  # what it holds is what the database holds: no move
    assert Tombstone.objects.count() == 2

    partial.department = communications
    partial.save()  # compared with the database: a move back
    assert Tombstone.objects.filter(department=chen.department, to_department=communications).count() == 2


# --- through the real erasure (records.privacy) -------------------------------------------


def test_the_real_erasure_of_a_leaver_tombstones_their_records_and_tells_the_webhooks(
    hr_api, endpoint_for, receiver, amira, chen, records_of, django_capture_on_commit_callbacks
):
    from records.privacy.erasure import erase_person

    completion, enrolment = records_of[amira.username]
    personal = (amira.employee_id, amira.email, amira.full_name)
    endpoint_for("everything")
    User.objects.filter(pk=amira.pk).update(is_active=False)
    amira.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        erase_person(amira)

    assert tombstones(hr_api) == [("completion", completion, "erased"), ("enrolment", enrolment, "erased")]
    assert ids(hr_api, COMPLETIONS) == [records_of[chen.username][0]]
    [request] = receiver.requests
    event = Webhook(WebhookEndpoint.objects.get().secret).verify(request.body, request.headers)
    assert event["type"] == "person.erased"
    assert event["data"] == {"completion_ids": [completion], "enrolment_ids": [enrolment]}
    assert not any(value in request.body.decode() for value in personal)
