"""The schema and the API agree on the edges schemathesis found: an empty query value
(``updated_since=``, ``since=``, ``page_size=``) is the parameter left out, as the schema
says; a cursor the server did not make is a 400 naming ``cursor``, as the schema says; and
in negative mode (requests the schema forbids) every value the schema rules out is refused
with a documented 400, never accepted or answered with a 5xx."""

import pytest
from schemathesis.generation import GenerationMode

from tests.api.fuzzing import SCHEMA_URL, check_cases, every_operation
from tests.factories import CourseCompletionFactory, EnrolmentFactory

FEEDS = ["/api/v1/completions/", "/api/v1/enrolments/"]
STATEMENTS = "/api/v1/xapi/statements/"


@pytest.fixture
def data(amira, chen, course, module):
    CourseCompletionFactory(user=amira)
    EnrolmentFactory(user=chen)


@pytest.mark.parametrize("url", FEEDS)
def test_empty_values_are_the_parameters_left_out(hr_api, data, url):
    plain = hr_api.get(url)
    assert plain.status_code == 200
    for empty in ("updated_since=", "cursor=", "page_size=", "completed_after=&status=&course_code="):
        response = hr_api.get(f"{url}?{empty}")
        assert response.status_code == 200, (empty, response.content)
        assert response.json()["results"] == plain.json()["results"]


def test_empty_since_limit_and_cursor_are_left_out_of_the_statement_feed(hr_api, data):
    plain = hr_api.get(STATEMENTS).json()
    response = hr_api.get(f"{STATEMENTS}?since=&limit=&cursor=")
    assert response.status_code == 200
    assert response.json()["statements"] == plain["statements"]


@pytest.mark.parametrize("url", [*FEEDS, STATEMENTS])
@pytest.mark.parametrize("cursor", ["nonsense", "bm90IGEgY3Vyc29y", "MjAyNi0wMS0wMXwx%00", "!!!"])
def test_a_cursor_the_server_did_not_make_is_a_400_naming_it(hr_api, data, url, cursor):
    response = hr_api.get(f"{url}?cursor={cursor}")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400 and error["code"] == "invalid"
    assert list(error["fields"]) == ["cursor"]


def test_the_schema_documents_empty_values_and_cursor_errors(client):
    schema = client.get(SCHEMA_URL).json()
    for path in (*FEEDS, STATEMENTS):
        operation = schema["paths"][path]["get"]
        parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
        since = parameters["since" if path == STATEMENTS else "updated_since"]
        assert {"type": "string", "maxLength": 0} in since["schema"]["anyOf"]
        assert "empty value is the same as leaving the parameter out" in since["description"]
        assert (
            "400" in parameters["cursor"]["description"]
            and "fields.cursor" in parameters["cursor"]["description"]
        )
        assert "cursor" in operation["responses"]["400"]["description"]


def _documented_params_only(operation):
    names = {parameter.name for parameter in operation.query}

    def keep(case):
        # Unknown parameters are ignored, as by most APIs; the values of known ones are the point.
        return set(case.query or {}) <= names

    return keep


@every_operation
def test_values_the_schema_forbids_are_refused(operation, api_key):
    """Negative mode: schemathesis sends values outside the schema (a time that is not a
    time, a number out of range, a choice not offered); each must be a documented 4xx."""
    if not list(operation.query):
        pytest.skip("no query parameters")
    negative = operation.as_strategy(generation_mode=GenerationMode.NEGATIVE)
    check_cases(negative.filter(_documented_params_only(operation)), api_key)
