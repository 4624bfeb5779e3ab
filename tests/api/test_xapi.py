"""GET /api/v1/xapi/statements/: completions, revocations and quiz results as xAPI 1.0.3
statements, checked against an independent implementation (the statement models of ralph,
a learning record store), paged with ``since`` and ``more``."""

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement
from ralph.models.xapi.concepts.activity_types.scorm_profile import CourseActivity
from ralph.models.xapi.concepts.verbs.scorm_profile import CompletedVerb

from api import scopes, xapi
from api.models import ApiClient
from quizzes.models import Attempt, SelectedChoice
from records.models import CourseCompletion
from records.services import progress
from tests.factories import (
    CourseCompletionFactory,
    UserFactory,
    take_quiz,
)

URL = "/api/v1/xapi/statements/"
ADL = "http://adlnet.gov/expapi/verbs/"
BASE = "http://testserver"
CONSISTENT_THROUGH = "X-Experience-API-Consistent-Through"


@pytest.fixture(autouse=True)
def _no_settle_time(settings):
    """Statements show at once; the one test of the settle time sets it back."""
    settings.XAPI_SETTLE_SECONDS = 0


def actor_name(api, person):
    """The pseudonym the feed gives ``person`` for the client of ``api`` (a KeyedClient)."""
    return xapi.pseudonym(person.pk, ApiClient.objects.get(pk=api.key.partition(".")[0]))


def empty_values(value):
    if isinstance(value, dict):
        return [item for item in value.values() if item in (None, "", {}, [])] + [
            empty for item in value.values() for empty in empty_values(item)
        ]
    if isinstance(value, list):
        return [empty for item in value for empty in empty_values(item)]
    return []


def validate(statement):
    """ralph's model of an xAPI statement accepts it. ralph does not look for the nulls xAPI
    forbids inside lists (a context activity's definition), so that is checked here."""
    assert empty_values(statement) == []
    model = BaseXapiStatement.model_validate(statement)
    assert str(model.id) == statement["id"]
    assert model.version == "1.0.3"
    return model


def read_all(api, **params):
    """Follow ``more`` to the end, as an LRS client would; returns (statements, responses)."""
    statements, responses = [], []
    response = api.get(URL, params)
    while True:
        assert response.status_code == 200, response.content
        responses.append(response)
        body = response.json()
        assert set(body) == {"statements", "more"}
        statements.extend(body["statements"])
        if body["more"] == "":
            return statements, responses
        response = api.get(body["more"])


def verbs(statements):
    return [statement["verb"]["id"].removeprefix(ADL) for statement in statements]


def walk_keys(value, path=""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield f"{path}.{key}"
            yield from walk_keys(item, f"{path}.{key}")
    elif isinstance(value, list):
        for item in value:
            yield from walk_keys(item, path)


@pytest.fixture
def story(amira, course, quiz_module, bruno):
    """amira fails the quiz, passes it (completing the course), and HR revokes the completion."""
    failed = take_quiz(amira, quiz_module, course, passing=False)
    passed = take_quiz(amira, quiz_module, course)
    record = CourseCompletion.objects.get(user=amira)
    progress.revoke_completion(record, bruno, "Completed on a shared account.")
    return failed, passed, record


def test_every_kind_of_statement_validates_against_ralph(hr_api, amira, course, quiz_module, story):
    failed, passed, record = story
    response = hr_api.get(URL)
    assert response.status_code == 200
    assert response["X-Experience-API-Version"] == "1.0.3"
    statements = response.json()["statements"]
    assert verbs(statements) == ["failed", "passed", "completed", "voided"]
    for statement in statements:
        validate(statement)
        assert statement["actor"] == {
            "objectType": "Agent",
            "account": {"homePage": BASE, "name": actor_name(hr_api, amira)},
        }
    failure, success, completed, voided = statements

    course_iri = f"{BASE}/xapi/activities/course/INF-101"
    assert CompletedVerb.model_validate(completed["verb"])
    assert CourseActivity.model_validate(completed["object"])
    assert completed["object"] == {
        "objectType": "Activity",
        "id": course_iri,
        "definition": {
            "type": "http://adlnet.gov/expapi/activities/course",
            "name": {"en": "Working with influencers"},
        },
    }
    assert completed["result"] == {
        "score": {"scaled": 1, "raw": 100, "min": 0, "max": 100},
        "success": True,
        "completion": True,
    }
    assert datetime.fromisoformat(completed["timestamp"]) == record.completed_at

    module_iri = f"{BASE}/xapi/activities/module/{quiz_module.translation_key}"
    for statement, attempt in ((failure, failed), (success, passed)):
        assert statement["object"] == {
            "objectType": "Activity",
            "id": module_iri,
            "definition": {
                "type": "http://adlnet.gov/expapi/activities/assessment",
                "name": {"en": "Why authentic voices matter"},
            },
        }
        assert statement["context"]["contextActivities"]["parent"] == [
            {"objectType": "Activity", "id": course_iri, "definition": {"type": xapi.COURSE_TYPE}}
        ]
        assert datetime.fromisoformat(statement["timestamp"]) == attempt.submitted_at
    assert failure["result"] == {
        "score": {"scaled": 0, "raw": 0, "min": 0, "max": 100},
        "success": False,
        "completion": True,
    }
    assert success["result"]["success"] is True and success["result"]["score"]["raw"] == 100

    # The revocation voids the completion's statement, the way an LRS understands.
    assert voided["object"] == {"objectType": "StatementRef", "id": completed["id"]}
    assert "result" not in voided and "context" not in voided
    assert datetime.fromisoformat(voided["timestamp"]) == CourseCompletion.objects.get().revoked_at


def test_partial_scores_scale(hr_api, amira):
    CourseCompletionFactory(user=amira, score=Decimal("87.50"))
    [statement] = hr_api.get(URL).json()["statements"]
    validate(statement)
    assert statement["result"]["score"] == {"scaled": 0.875, "raw": 87.5, "min": 0, "max": 100}


def test_statement_ids_are_stable_and_unique(hr_api, story):
    first = [statement["id"] for statement in hr_api.get(URL).json()["statements"]]
    again = [statement["id"] for statement in hr_api.get(URL).json()["statements"]]
    assert first == again
    assert len(set(first)) == 4


def test_a_course_without_quizzes_has_no_score(hr_api, amira):
    CourseCompletionFactory(user=amira, score=None, course_language="ar", course_title="العمل مع المؤثرين")
    [statement] = hr_api.get(URL).json()["statements"]
    validate(statement)
    assert statement["result"] == {"success": True, "completion": True}
    assert statement["object"]["definition"]["name"] == {"ar": "العمل مع المؤثرين"}
    assert statement["context"]["language"] == "ar"


def test_a_quiz_on_a_deleted_module_still_validates(hr_api, amira, course, quiz_module):
    take_quiz(amira, quiz_module, course)
    Attempt.objects.update(module=None)
    CourseCompletion.objects.all().delete()
    [statement] = hr_api.get(URL).json()["statements"]
    validate(statement)
    assert statement["object"]["definition"]["name"] == {"und": "Why authentic voices matter"}
    assert "language" not in statement["context"]


def test_the_actor_is_a_pseudonym_with_no_employee_id_email_or_name(hr_api, story, amira):
    body = hr_api.get(URL).content.decode()
    assert f'"{amira.employee_id}"' not in body
    assert amira.email.lower() not in body.lower()
    assert "mailto:" not in body and "mbox" not in body
    assert amira.full_name not in body
    for statement in json.loads(body)["statements"]:
        assert set(statement["actor"]) == {"objectType", "account"}


def test_no_answers_choices_or_reflections(hr_api, amira, course, quiz_module, story):
    progress.mark_module_read(amira, quiz_module, course)
    body = hr_api.get(URL).content.decode()
    served = [question for attempt in Attempt.objects.all() for question in attempt.questions]
    assert served
    for question in served:
        assert question["prompt"] not in body
        for choice in question["choices"]:
            assert choice["text"] not in body, choice["text"]
    for text in SelectedChoice.objects.values_list("text", flat=True):
        assert text not in body
    allowed = {
        ".id",
        ".actor",
        ".actor.objectType",
        ".actor.account",
        ".actor.account.homePage",
        ".actor.account.name",
        ".verb",
        ".verb.id",
        ".verb.display",
        ".verb.display.en-US",
        ".object",
        ".object.objectType",
        ".object.id",
        ".object.definition",
        ".object.definition.type",
        ".object.definition.name",
        ".object.definition.name.en",
        ".result",
        ".result.score",
        ".result.score.scaled",
        ".result.score.raw",
        ".result.score.min",
        ".result.score.max",
        ".result.success",
        ".result.completion",
        ".context",
        ".context.platform",
        ".context.language",
        ".context.contextActivities",
        ".context.contextActivities.parent",
        ".context.contextActivities.parent.objectType",
        ".context.contextActivities.parent.id",
        ".context.contextActivities.parent.definition",
        ".context.contextActivities.parent.definition.type",
        ".timestamp",
        ".version",
    }
    for statement in json.loads(body)["statements"]:
        assert set(walk_keys(statement)) <= allowed


def test_people_without_an_employee_id_have_statements_too(hr_api, amira, chen):
    """The actor no longer needs the employee ID (a pseudonym of the internal id)."""
    CourseCompletionFactory(user=amira)
    CourseCompletionFactory(user=chen)
    chen.employee_id = None
    chen.save()
    statements = hr_api.get(URL).json()["statements"]
    assert [statement["actor"]["account"]["name"] for statement in statements] == [
        actor_name(hr_api, amira),
        actor_name(hr_api, chen),
    ]


def test_the_xapi_scope_is_required(make_api_client, amira):
    CourseCompletionFactory(user=amira)
    _client, api = make_api_client([scopes.COMPLETIONS])
    response = api.get(URL)
    assert response.status_code == 403
    assert response.json()["error"]["status"] == 403
    assert "xapi:read" in response.json()["error"]["message"]
    _client, api = make_api_client([scopes.XAPI])
    assert api.get(URL).status_code == 200


def test_a_key_is_required_and_the_feed_is_read_only(client, hr_api):
    assert client.get(URL).status_code == 401
    assert hr_api.post(URL, {}).status_code == 405


def test_a_client_limited_to_departments_sees_only_their_people(
    make_api_client, amira, chen, communications, course, quiz_module
):
    CourseCompletionFactory(user=amira)
    CourseCompletionFactory(user=chen)
    take_quiz(chen, quiz_module, course, passing=False)
    _client, api = make_api_client([scopes.XAPI], departments=[communications])
    statements, _responses = read_all(api, limit=1)
    assert {statement["actor"]["account"]["name"] for statement in statements} == {actor_name(api, amira)}
    assert len(statements) == 1


def make_history(people, course, quiz_module):
    """Completions (some revoked) and quiz results, interleaved; returns how many statements."""
    for number, person in enumerate(people):
        record = CourseCompletionFactory(user=person, course_code=f"C-{number % 3}", days_ago=number)
        take_quiz(person, quiz_module, course, passing=number % 2 == 0)
        if number % 3 == 0:
            progress.revoke_completion(record, None, "Recorded for the wrong person.")
    completions = CourseCompletion.objects.count()
    voided = CourseCompletion.objects.filter(revoked_at__isnull=False).count()
    return completions, voided, Attempt.objects.count()


def test_paging_with_more_misses_nothing_and_repeats_nothing(hr_api, course, quiz_module):
    total = sum(make_history(UserFactory.create_batch(7), course, quiz_module))
    everything = hr_api.get(URL, {"limit": 1000}).json()
    assert everything["more"] == ""
    expected = [statement["id"] for statement in everything["statements"]]
    assert len(expected) == total == len(set(expected))
    for limit in (1, 2, 3, total - 1, total):
        statements, responses = read_all(hr_api, limit=limit)
        assert [statement["id"] for statement in statements] == expected
        # Exact: no empty last page when the total is a multiple of the limit.
        assert len(responses) == -(-total // limit)
        assert all(len(response.json()["statements"]) <= limit for response in responses)
    for statement in everything["statements"]:
        validate(statement)


def test_more_is_a_relative_link_keeping_the_parameters(hr_api, amira, chen):
    CourseCompletionFactory(user=amira)
    CourseCompletionFactory(user=chen)
    since = (timezone.now() - timedelta(days=1)).isoformat()
    body = hr_api.get(URL, {"limit": 1, "since": since}).json()
    more = urlsplit(body["more"])
    assert not more.scheme and not more.netloc and more.path == URL
    query = parse_qs(more.query)
    assert query["limit"] == ["1"] and query["since"] == [since] and query["cursor"]
    last = hr_api.get(body["more"]).json()
    assert len(last["statements"]) == 1 and last["more"] == ""


def test_ties_on_time_page_exactly(hr_api, course, quiz_module):
    completions, voided, attempts = make_history(UserFactory.create_batch(5), course, quiz_module)
    moment = timezone.now() - timedelta(minutes=5)
    CourseCompletion.objects.update(created_at=moment, updated_at=moment)
    Attempt.objects.update(submitted_at=moment)
    expected = [s["id"] for s in hr_api.get(URL, {"limit": 1000}).json()["statements"]]
    assert len(expected) == completions + voided + attempts
    for limit in (1, 2, 5):
        statements, _responses = read_all(hr_api, limit=limit)
        assert [statement["id"] for statement in statements] == expected
    # Within one moment every completion comes before every voiding, so before its own.
    kinds = verbs(hr_api.get(URL).json()["statements"])
    assert kinds[: completions + voided] == ["completed"] * completions + ["voided"] * voided


def test_incremental_runs_from_the_consistent_through_header(hr_api, amira, chen, bruno, course, quiz_module):
    first = CourseCompletionFactory(user=amira)
    statements, responses = read_all(hr_api, limit=1)
    assert verbs(statements) == ["completed"]
    mark = responses[0][CONSISTENT_THROUGH]
    assert all(response[CONSISTENT_THROUGH] == mark for response in responses)
    assert read_all(hr_api, since=mark)[0] == []

    # The revocation arrives as a voiding statement; the completion is not sent again.
    progress.revoke_completion(first, bruno, "Wrong person.")
    second = CourseCompletionFactory(user=chen)
    take_quiz(chen, quiz_module, course)
    statements, responses = read_all(hr_api, since=mark, limit=1)
    assert verbs(statements) == ["voided", "completed", "passed"]
    assert statements[0]["object"]["id"] == xapi.statement_id(f"completion:{first.pk}")
    assert statements[1]["id"] == xapi.statement_id(f"completion:{second.pk}")
    assert read_all(hr_api, since=responses[0][CONSISTENT_THROUGH])[0] == []


def test_writes_during_a_run_wait_for_the_next_run(hr_api, amira, chen, bruno, course, quiz_module):
    """A run ends where its first page said it would, whatever is written meanwhile; the next
    run, from that point, reads the new statements once each."""
    first = CourseCompletionFactory(user=amira)
    CourseCompletionFactory(user=bruno)
    page = hr_api.get(URL, {"limit": 1})
    mark = page[CONSISTENT_THROUGH]
    progress.revoke_completion(first, None, "Wrong person.")
    CourseCompletionFactory(user=chen)
    take_quiz(chen, quiz_module, course)
    rest = []
    response = hr_api.get(page.json()["more"])
    while True:
        assert response[CONSISTENT_THROUGH] == mark
        rest.extend(response.json()["statements"])
        if not response.json()["more"]:
            break
        response = hr_api.get(response.json()["more"])
    assert verbs(page.json()["statements"] + rest) == ["completed", "completed"]
    assert verbs(read_all(hr_api, since=mark)[0]) == ["voided", "completed", "passed"]


def test_a_backdated_completion_is_still_delivered(hr_api, amira, chen):
    """``since`` counts from when a record arrived here, not from when it says it happened."""
    CourseCompletionFactory(user=amira)
    mark = hr_api.get(URL)[CONSISTENT_THROUGH]
    CourseCompletionFactory(user=chen, days_ago=400)
    [statement] = read_all(hr_api, since=mark)[0]
    assert statement["actor"]["account"]["name"] == actor_name(hr_api, chen)
    assert datetime.fromisoformat(statement["timestamp"]) < datetime.fromisoformat(mark)


def test_since_is_exclusive_and_accepts_usual_spellings(hr_api, amira, chen):
    CourseCompletionFactory(user=amira)
    created = CourseCompletion.objects.get().created_at
    CourseCompletionFactory(user=chen)
    utc = created.astimezone(UTC)
    for since in (
        utc.isoformat(),
        utc.isoformat().replace("+00:00", "Z"),
        utc.replace(tzinfo=None).isoformat(),  # xAPI reads it as UTC
        utc.isoformat().replace("+", " "),  # a "+" not encoded in the query string
        created.astimezone(timezone.get_fixed_timezone(120)).isoformat(),
    ):
        statements = hr_api.get(URL, {"since": since}).json()["statements"]
        assert [s["actor"]["account"]["name"] for s in statements] == [actor_name(hr_api, chen)], since


def test_the_settle_time_holds_back_the_newest_statements(
    hr_api, amira, course, quiz_module, settings, monkeypatch
):
    settings.XAPI_SETTLE_SECONDS = 60
    CourseCompletionFactory(user=amira)
    response = hr_api.get(URL)
    assert response.json()["statements"] == []
    through = datetime.fromisoformat(response[CONSISTENT_THROUGH])
    assert timezone.now() - timedelta(seconds=62) < through < timezone.now() - timedelta(seconds=59)
    # A quiz submitted before that read but committed after it (its time is taken before
    # its transaction commits) is still ahead of the horizon, so the next run has it.
    take_quiz(amira, quiz_module, course, passing=False)
    Attempt.objects.update(submitted_at=timezone.now() - timedelta(seconds=10))
    later = timezone.now() + timedelta(seconds=61)
    monkeypatch.setattr(xapi, "now", lambda: later)
    statements = hr_api.get(URL, {"since": through.isoformat()}).json()["statements"]
    assert verbs(statements) == ["failed", "completed"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": "abc"}, "limit"),
        ({"limit": "-1"}, "limit"),
        ({"limit": "1001"}, "limit"),
        ({"since": "yesterday"}, "since"),
        ({"since": "2026-13-01T00:00:00Z"}, "since"),
        ({"since": "2026-01-01T25:00:00Z"}, "since"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"since": "0001-01-01T00:00:00+01:00"}, "since"),
        ({"since": "9999-12-31T23:59:59-01:00"}, "since"),
        ({"cursor": "MjAyNnwxfDJ8Mw"}, "cursor"),
        ({"cursor": xapi.encode_cursor(timezone.now(), (timezone.now(), 0, 10**30))}, "cursor"),
    ],
)
def test_bad_parameters_are_field_errors(hr_api, params, field):
    response = hr_api.get(URL, params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert list(error["fields"]) == [field]


def test_every_bad_parameter_is_reported_at_once(hr_api):
    fields = hr_api.get(URL, {"limit": "0.5", "since": "soon"}).json()["error"]["fields"]
    assert set(fields) == {"limit", "since"}


def test_limit_bounds(hr_api, amira, chen):
    CourseCompletionFactory(user=amira)
    CourseCompletionFactory(user=chen)
    assert len(hr_api.get(URL, {"limit": 1}).json()["statements"]) == 1
    assert len(hr_api.get(URL, {"limit": 1000}).json()["statements"]) == 2
    # xAPI's limit=0: as many as the server allows.
    assert len(hr_api.get(URL, {"limit": 0}).json()["statements"]) == 2


def test_queries_per_page_are_constant(hr_api, course, quiz_module, django_assert_max_num_queries):
    make_history(UserFactory.create_batch(12), course, quiz_module)
    hr_api.get(URL)  # the key's first use is recorded once, not on every request

    def count(*args):
        with CaptureQueriesContext(connection) as queries:
            response = hr_api.get(*args)
        assert response.status_code == 200
        return len(queries), response.json()

    small, body = count(URL, {"limit": 2})
    large, _body = count(URL, {"limit": 1000})
    deep, _body = count(body["more"])
    assert small == large == deep
    # The key, the client's departments, one query per kind of statement.
    with django_assert_max_num_queries(5):
        hr_api.get(URL, {"limit": 1000})


def test_the_schema_describes_every_field(hr_api, story):
    schema = hr_api.get("/api/v1/schema/", {"format": "json"}).json()
    components = schema["components"]["schemas"]
    operation = schema["paths"][URL]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"since", "limit", "cursor"}
    assert CONSISTENT_THROUGH in operation["responses"]["200"]["headers"]

    def check(value, spec):
        while "$ref" in spec or "allOf" in spec:
            spec = components[spec["$ref"].rsplit("/", 1)[1]] if "$ref" in spec else spec["allOf"][0]
        if isinstance(value, dict) and spec.get("type") == "object" and "properties" in spec:
            assert set(value) <= set(spec["properties"]), (set(value), spec)
            assert set(spec.get("required", [])) <= set(value)
            for key, item in value.items():
                assert spec["properties"][key].get("description") or "$ref" in spec["properties"][key], key
                check(item, spec["properties"][key])
        elif isinstance(value, list):
            for item in value:
                check(item, spec["items"])

    body = hr_api.get(URL).json()
    check(body, operation["responses"]["200"]["content"]["application/json"]["schema"])


def test_times_at_the_edges_of_the_calendar(hr_api, amira):
    CourseCompletionFactory(user=amira)
    assert len(hr_api.get(URL, {"since": "0001-01-01T00:00:00Z"}).json()["statements"]) == 1
    assert hr_api.get(URL, {"since": "9999-12-31T23:59:59Z"}).json()["statements"] == []
