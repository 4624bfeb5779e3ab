"""The HR API through the read replica (elearning/db_router.py; the test replica is a second
connection to the test database, tests/replica.py). GET requests read their rows from it, end
to end: the kept page statements, the cursor pagination, the driver's own cursor, the CSV
export's stream, the catalogue and transcripts. The key is checked on the primary. A statement
compiled for one database is never run on the other. A write (refused: the API is read-only)
and the xAPI feed, whose horizon promises that nothing committed before it is missing, stay on
the primary."""

import time

import pytest

from api import driver, statements
from api import records as api_records
from api.models import ApiClient
from elearning.db_router import REPLICA, STICKY_COOKIE, replica_reads
from records.models import CourseCompletion, Enrolment
from tests.factories import CourseCompletionFactory, EnrolmentFactory
from tests.replica import uses_replica

pytestmark = uses_replica

COMPLETIONS = CourseCompletion._meta.db_table
ENROLMENTS = Enrolment._meta.db_table
KEYS = ApiClient._meta.db_table


@pytest.fixture
def data(amira, chen, course, module):
    for index in range(3):
        CourseCompletionFactory(user=amira if index % 2 else chen, course_code=f"C-{index}", days_ago=index)
        EnrolmentFactory(user=amira if index % 2 else chen, course_code=f"C-{index}")
    EnrolmentFactory(user=amira, course=course)


def _every_page(api, url, **params):
    """Every page of a sync, following ``next``; (pages, rows)."""
    response = api.get(url, params)
    pages, rows = 0, []
    while True:
        assert response.status_code == 200, response.content
        pages += 1
        rows += response.json()["results"]
        if not response.json()["next"]:
            return pages, rows
        response = api.get(response.json()["next"])


def _rows_in(response):
    if response.streaming:  # a CSV export: its lines after the headings
        return b"".join(response.streaming_content).count(b"\n") - 1
    data = response.json()
    if isinstance(data, list):  # the catalogue
        return len(data)
    return len(data.get("results", [])) or len(data.get("enrolments", [])) + len(data.get("completions", []))


def _read_from_the_replica(queries, table):
    """The request's rows came from the replica; the primary only checked the key."""
    assert queries.reading(REPLICA, table)
    assert queries.tables_read("default") <= {KEYS}, queries.tables_read("default")
    assert queries.reading("default", KEYS)  # the key, on the primary
    assert not queries.reading(REPLICA, KEYS)


def test_a_sync_reads_every_page_from_the_replica_through_its_kept_statement(replica, data, hr_api):
    replica.clear()
    pages, rows = _every_page(hr_api, "/api/v1/completions/", page_size=1)
    assert (pages, len(rows)) == (3, 3)
    _read_from_the_replica(replica, COMPLETIONS)
    assert len(replica.reading(REPLICA, COMPLETIONS)) == 3  # one query per page

    replica.clear()
    pages, rows = _every_page(hr_api, "/api/v1/enrolments/", page_size=2)
    assert (pages, len(rows)) == (2, 4)
    assert any(row["progress"] == 0 for row in rows)  # the required modules, read for progress
    _read_from_the_replica(replica, ENROLMENTS)

    kept = {key: _statement(value) for key, value in statements._statements.items() if value is not None}
    assert kept
    for key, statement in kept.items():
        assert statement.alias in key, key  # the key names the database the statement runs on
        assert statement.alias == ("default" if key[0] == "API client by prefix" else REPLICA), key


def _statement(kept):
    """The driver statement inside what api/statements.py keeps."""
    if isinstance(kept, statements.PageStatement):
        return kept.statement
    if isinstance(kept, driver.Statement):
        return kept
    return kept[0]  # a lookup's (statement, slots)


def test_filtered_pages_exports_the_catalogue_and_transcripts_read_from_the_replica(
    replica, data, hr_api, amira, communications
):
    for url, params, table in [
        ("/api/v1/completions/", {"course_code": "C-1"}, COMPLETIONS),
        ("/api/v1/enrolments/", {"department": communications.name}, ENROLMENTS),
        ("/api/v1/completions/export/", {}, COMPLETIONS),
        ("/api/v1/enrolments/export/", {"status": "not_started"}, ENROLMENTS),
        ("/api/v1/courses/", {}, "wagtailcore_page"),
        (f"/api/v1/learners/{amira.employee_id}/transcript/", {}, ENROLMENTS),
    ]:
        replica.clear()
        response = hr_api.get(url, params)
        assert response.status_code == 200, (url, response.content)
        assert _rows_in(response) > 0, url
        _read_from_the_replica(replica, table)


def test_a_client_limited_to_departments_is_scoped_on_the_replica_too(
    replica, data, make_api_client, communications, amira
):
    _client, api = make_api_client(departments=[communications])
    replica.clear()
    _pages, rows = _every_page(api, "/api/v1/completions/")
    assert rows and {row["employee_id"] for row in rows} == {amira.employee_id}
    # The client's departments are read inside the page's query, on the replica.
    assert replica.reading(REPLICA, ApiClient.departments.through._meta.db_table)
    _read_from_the_replica(replica, COMPLETIONS)


def test_a_statement_compiled_for_the_replica_is_not_run_on_the_primary(replica, data, hr_api):
    """The same feed, client and page size in one process: read from the replica, then (a
    request that must read the primary) from the primary, each with its own statement."""
    replica.clear()
    assert hr_api.get("/api/v1/completions/", {"page_size": 2}).status_code == 200
    assert replica.reading(REPLICA, COMPLETIONS)

    hr_api.cookies[STICKY_COOKIE] = str(int(time.time()) + 3)  # as if this browser had just written
    replica.clear()
    response = hr_api.get("/api/v1/completions/", {"page_size": 2})
    assert response.status_code == 200
    assert replica.replica == []
    assert replica.reading("default", COMPLETIONS)
    pages = [key for key in statements._statements if key[0] == "CompletionViewSet"]
    assert sorted(key[1] for key in pages) == ["default", REPLICA]
    assert {statements._statements[key].statement.alias for key in pages} == {"default", REPLICA}

    # The required modules (kept whole) likewise: one statement per database.
    replica.clear()
    with replica_reads():
        on_replica = api_records.required_module_keys()
    assert api_records.required_module_keys() == on_replica
    assert replica.reading(REPLICA, "wagtailcore_page") and replica.reading("default", "wagtailcore_page")


def test_an_api_write_and_the_xapi_feed_read_the_primary(replica, data, hr_api):
    replica.clear()
    assert hr_api.post("/api/v1/completions/").status_code == 405
    assert hr_api.delete("/api/v1/enrolments/").status_code == 405
    assert hr_api.get("/api/v1/xapi/statements/").status_code == 200
    assert replica.replica == []
    assert replica.reading("default", KEYS)
