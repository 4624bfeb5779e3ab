"""Who may read what, on every endpoint: a key (401), the endpoint's scope (403), the
client's departments (404), read-only methods (405), one JSON error shape, last use, and
per-client throttling that a forged X-Forwarded-For does not reset."""

from datetime import timedelta

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from api import scopes
from api.models import ApiClient
from tests.api.conftest import KeyedClient
from tests.factories import CourseCompletionFactory, EnrolmentFactory
from tests.responses import streamed

COMPLETIONS = "/api/v1/completions/"
COURSES = "/api/v1/courses/"

# Every endpoint that needs a key, with the scope it needs. The transcript's employee ID is
# filled in per test.
ENDPOINTS = [
    ("/api/v1/completions/", scopes.COMPLETIONS),
    ("/api/v1/completions/export/", scopes.COMPLETIONS),
    ("/api/v1/enrolments/", scopes.ENROLMENTS),
    ("/api/v1/enrolments/export/", scopes.ENROLMENTS),
    ("/api/v1/courses/", scopes.COURSES),
    ("/api/v1/learners/{employee_id}/transcript/", scopes.LEARNERS),
]
endpoints = pytest.mark.parametrize(("path", "scope"), ENDPOINTS, ids=[path for path, _ in ENDPOINTS])


@pytest.fixture
def records(amira, chen):
    """A completion and an enrolment each for amira (Communications) and chen (Research)."""
    for person in (amira, chen):
        CourseCompletionFactory(user=person)
        EnrolmentFactory(user=person)


@pytest.fixture
def url_for(amira):
    return lambda path: path.format(employee_id=amira.employee_id)


def assert_error(response, status, code=None):
    """The one error shape: exactly {"error": {"status", "code", "message"}}."""
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert list(body) == ["error"]
    error = body["error"]
    assert set(error) == {"status", "code", "message"}
    assert error["status"] == status
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"]
    if code:
        assert error["code"] == code
    return error


def assert_unauthorised(response, code="authentication_failed"):
    error = assert_error(response, 401, code)
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    return error


# --- 200 with the right key -----------------------------------------------------------------------


@endpoints
def test_a_key_with_the_scope_reads(make_api_client, records, url_for, path, scope):
    _client, api = make_api_client([scope])
    response = api.get(url_for(path))
    assert response.status_code == 200
    assert response.has_header("Content-Type")


# --- 401: no key, a wrong key, a malformed header, a revoked or expired key -----------------------


@endpoints
def test_no_key_is_401_with_a_challenge(records, url_for, path, scope):
    error = assert_unauthorised(Client().get(url_for(path)), code="not_authenticated")
    assert error["message"] == "Authentication credentials were not provided."


@endpoints
@pytest.mark.parametrize(
    "header",
    [
        "Bearer",
        "Bearer ",
        "Bearer one two",
        "Token {key}",
        "Basic dXNlcjpwYXNz",
        "{key}",
        "Bearer {prefix}.wrongsecretwrongsecretwrongsecre",
        "Bearer zzzzzzzz.{secret}",
        "Bearer {key}x",
        "Bearer {prefix}",
        "Bearer {secret}",
        "Bearer {prefix}.{secret}.{secret}",
        "Bearer ../../etc/passwd",
        "Bearer \x00{key}",
        "Bearer ünïcödé.kéy",
    ],
)
def test_wrong_key_or_malformed_header_is_401(make_api_client, records, url_for, path, scope, header):
    client, api = make_api_client()
    prefix, _, secret = api.key.partition(".")
    value = header.format(key=api.key, prefix=prefix, secret=secret)
    response = Client().get(url_for(path), HTTP_AUTHORIZATION=value.encode().decode("latin-1"))
    assert_unauthorised(response)
    client.refresh_from_db()
    assert client.last_used_at is None


def test_the_scheme_is_case_insensitive(make_api_client):
    _client, api = make_api_client([scopes.COURSES])
    assert Client().get(COURSES, HTTP_AUTHORIZATION=f"bearer {api.key}").status_code == 200
    assert Client().get(COURSES, HTTP_AUTHORIZATION=f"BEARER  {api.key}").status_code == 200


def test_a_key_in_the_query_string_is_not_read(make_api_client):
    _client, api = make_api_client([scopes.COURSES])
    assert_unauthorised(Client().get(COURSES, {"key": api.key, "api_key": api.key}), "not_authenticated")


@endpoints
def test_revoked_key_is_401(make_api_client, records, url_for, path, scope):
    client, api = make_api_client()
    assert api.get(url_for(path)).status_code == 200
    client.revoked = True
    client.save()
    error = assert_unauthorised(api.get(url_for(path)))
    assert "revoked" in error["message"]


@endpoints
def test_expired_key_is_401(make_api_client, records, url_for, path, scope):
    client, api = make_api_client(expiry_date=timezone.now() + timedelta(hours=1))
    assert api.get(url_for(path)).status_code == 200
    ApiClient.objects.filter(pk=client.pk).update(
        expiry_date=timezone.now() - timedelta(seconds=1), last_used_at=None
    )
    error = assert_unauthorised(api.get(url_for(path)))
    assert error["message"] == "The API key has expired."
    client.refresh_from_db()
    assert client.last_used_at is None


def test_a_signed_in_session_is_not_a_key(superuser_client, records):
    """An admin's session cookie reaches nothing in the API."""
    for path, _scope in ENDPOINTS:
        assert_unauthorised(superuser_client.get(path.format(employee_id="x")), "not_authenticated")


# --- 403: a valid key without the endpoint's scope -------------------------------------------------


@endpoints
def test_missing_scope_is_403(make_api_client, records, url_for, path, scope):
    _client, api = make_api_client([other for other in scopes.ALL if other != scope])
    error = assert_error(api.get(url_for(path)), 403, "permission_denied")
    assert scope in error["message"]
    assert not api.get(url_for(path)).has_header("WWW-Authenticate")


def test_scope_comes_before_the_lookup(make_api_client):
    """A client without learners:read learns nothing, not even whether an ID exists."""
    _client, api = make_api_client([scopes.COMPLETIONS])
    assert_error(api.get("/api/v1/learners/NOBODY/transcript/"), 403)


# --- 404: nobody by that ID, or somebody outside the client's departments ------------------------


def test_unknown_employee_id_is_404(hr_api, records):
    assert_error(hr_api.get("/api/v1/learners/NOBODY-999/transcript/"), 404, "not_found")


def test_person_outside_the_clients_departments_is_404(make_api_client, records, amira, chen, communications):
    _client, regional = make_api_client([scopes.LEARNERS], departments=[communications])
    assert regional.get(f"/api/v1/learners/{amira.employee_id}/transcript/").status_code == 200
    error = assert_error(regional.get(f"/api/v1/learners/{chen.employee_id}/transcript/"), 404, "not_found")
    # The same answer as for nobody at all: a regional client cannot probe for other IDs.
    unknown = regional.get("/api/v1/learners/NOBODY-999/transcript/").json()["error"]
    assert error == unknown


def test_departments_limit_the_feeds_too(make_api_client, records, amira, communications):
    _client, regional = make_api_client(departments=[communications])
    for path in ("/api/v1/completions/", "/api/v1/enrolments/"):
        rows = regional.get(path).json()["results"]
        assert {row["employee_id"] for row in rows} == {amira.employee_id}
    for path in ("/api/v1/completions/export/", "/api/v1/enrolments/export/"):
        body = streamed(regional.get(path)).decode()
        assert amira.employee_id in body
        assert "Chen" not in body


# --- 405: the API is read-only ---------------------------------------------------------------------


@endpoints
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_write_methods_are_405(hr_api, records, url_for, path, scope, method):
    response = getattr(hr_api, method)(url_for(path), data="{}", content_type="application/json")
    assert_error(response, 405, "method_not_allowed")
    assert "POST" not in response["Allow"]
    assert "GET" in response["Allow"]


@pytest.mark.parametrize("method", ["post", "delete"])
def test_write_methods_without_a_key_are_401(records, method):
    assert_unauthorised(getattr(Client(), method)(COMPLETIONS), "not_authenticated")


# --- 404 for addresses that are not endpoints ------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/nope/",
        "/api/v1/completions/1/",
        "/api/v1/completions",
        "/api/v1/learners/",
        "/api/v1/learners/E1/",
        "/api/v1/learners/a/b/transcript/",
        "/api/v1/",
        "/api/",
    ],
)
def test_unknown_address_is_a_json_404(hr_api, path):
    assert_error(hr_api.get(path), 404, "not_found")
    assert_error(Client().get(path), 404, "not_found")
    assert_error(hr_api.post(path), 404, "not_found")


# --- The schema and the docs are public --------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/v1/schema/", "/api/v1/docs/"])
def test_schema_and_docs_need_no_key(path):
    assert Client().get(path).status_code == 200
    # A wrong key does not shut the docs.
    assert Client().get(path, HTTP_AUTHORIZATION="Bearer wrong.key").status_code == 200


# --- Last use ---------------------------------------------------------------------------------------


def apiclient_updates(queries):
    return [
        query for query in queries if query["sql"].startswith("UPDATE") and "api_apiclient" in query["sql"]
    ]


def test_last_use_is_recorded_at_most_once_a_minute(make_api_client):
    client, api = make_api_client([scopes.COURSES])
    assert client.last_used_at is None

    before = timezone.now()
    with CaptureQueriesContext(connection) as first:
        assert api.get(COURSES).status_code == 200
    client.refresh_from_db()
    assert before <= client.last_used_at <= timezone.now()
    assert len(apiclient_updates(first)) == 1
    recorded = client.last_used_at

    with CaptureQueriesContext(connection) as again:
        assert api.get(COURSES).status_code == 200
    assert apiclient_updates(again) == []
    assert len(again) == len(first) - 1
    client.refresh_from_db()
    assert client.last_used_at == recorded

    # A minute on, the next request records the new time.
    earlier = recorded - timedelta(minutes=2)
    ApiClient.objects.filter(pk=client.pk).update(last_used_at=earlier)
    with CaptureQueriesContext(connection) as later:
        api.get(COURSES)
    assert len(apiclient_updates(later)) == 1
    client.refresh_from_db()
    assert client.last_used_at >= recorded


def test_a_refused_scope_still_counts_as_use(make_api_client):
    """The key was right; HR sees the integration is alive (and misconfigured)."""
    client, api = make_api_client([scopes.COURSES])
    api.get(COMPLETIONS)
    client.refresh_from_db()
    assert client.last_used_at is not None


# --- Throttling, per client --------------------------------------------------------------------------


@pytest.fixture
def tiny_rate(settings):
    """Three requests a minute per client; DRF re-reads REST_FRAMEWORK when it changes."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"api_client": "3/minute"},
    }
    return 3


def test_the_request_over_the_limit_is_429_with_retry_after(make_api_client, tiny_rate):
    _client, api = make_api_client([scopes.COURSES])
    for _number in range(tiny_rate):
        assert api.get(COURSES).status_code == 200
    response = api.get(COURSES)
    error = assert_error(response, 429, "throttled")
    assert 0 < int(response["Retry-After"]) <= 60
    assert "seconds" in error["message"]


def test_a_forged_forwarded_for_does_not_reset_the_limit(make_api_client, tiny_rate):
    _client, api = make_api_client([scopes.COURSES])
    for number in range(tiny_rate):
        response = api.get(
            COURSES, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}", REMOTE_ADDR=f"10.0.0.{number}"
        )
        assert response.status_code == 200
    for number in range(tiny_rate, tiny_rate + 3):
        response = api.get(
            COURSES, HTTP_X_FORWARDED_FOR=f"198.51.100.{number}", REMOTE_ADDR=f"10.0.1.{number}"
        )
        assert_error(response, 429, "throttled")


def test_each_client_has_its_own_budget(make_api_client, tiny_rate):
    _first, first = make_api_client([scopes.COURSES], name="Workday")
    _second, second = make_api_client([scopes.COURSES], name="Personio")
    for _number in range(tiny_rate):
        assert first.get(COURSES).status_code == 200
    assert first.get(COURSES).status_code == 429
    for _number in range(tiny_rate):
        assert second.get(COURSES).status_code == 200
    assert second.get(COURSES).status_code == 429


def test_the_budget_is_shared_across_endpoints(make_api_client, tiny_rate):
    _client, api = make_api_client()
    assert api.get(COURSES).status_code == 200
    assert api.get(COMPLETIONS).status_code == 200
    assert api.get("/api/v1/enrolments/").status_code == 200
    assert_error(api.get(COMPLETIONS), 429, "throttled")


def test_requests_without_a_valid_key_do_not_spend_a_clients_budget(make_api_client, tiny_rate):
    _client, api = make_api_client([scopes.COURSES])
    prefix = api.key.partition(".")[0]
    for _number in range(tiny_rate + 2):
        wrong = KeyedClient(f"{prefix}.wrongsecretwrongsecretwrongsecre")
        assert_unauthorised(wrong.get(COURSES))
    assert api.get(COURSES).status_code == 200


def test_the_default_rate_is_generous(hr_api):
    """Without the override, a sync's burst of pages is not throttled."""
    for _number in range(20):
        assert hr_api.get(COURSES).status_code == 200


def test_an_address_under_api_outside_v1_is_a_json_404(client):
    response = client.get("/api/v2/completions/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
