"""CSV exports of the feeds: same filters, streamed in keyset chunks, formula-safe."""

from decimal import Decimal

from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext

import pytest

from api import exports
from records.services import progress
from tests.factories import CourseCompletionFactory, EnrolmentFactory, UserFactory
from tests.responses import csv_dicts


def read_csv(response):
    assert isinstance(response, StreamingHttpResponse)
    return csv_dicts(response)


def test_completions_export_has_the_feed_columns_and_filters(hr_api, amira, chen):
    CourseCompletionFactory(user=amira)
    CourseCompletionFactory(user=chen, course_code="STO-101")
    response = hr_api.get("/api/v1/completions/export/", {"course_code": "STO-101"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="completions-')
    rows = read_csv(response)
    assert [row["employee_id"] for row in rows] == [chen.employee_id]
    assert rows[0]["status"] == "valid"
    feed = hr_api.get("/api/v1/completions/").json()["results"][0]
    assert list(rows[0]) == list(feed)


def test_enrolments_export_includes_progress(hr_api, amira):
    EnrolmentFactory(user=amira)
    rows = read_csv(hr_api.get("/api/v1/enrolments/export/"))
    assert rows[0]["progress"] == "0"
    assert rows[0]["email"] == amira.email


def test_spreadsheet_formulas_are_neutralised(hr_api):
    person = UserFactory(full_name='=HYPERLINK("http://evil.example","click")')
    CourseCompletionFactory(user=person)
    [row] = read_csv(hr_api.get("/api/v1/completions/export/"))
    assert row["name"] == '\'=HYPERLINK("http://evil.example","click")'


def test_export_asks_for_csv_whatever_accept_says(hr_api, amira):
    CourseCompletionFactory(user=amira)
    response = hr_api.get("/api/v1/completions/export/", HTTP_ACCEPT="text/csv")
    assert response.status_code == 200


def test_export_needs_the_scope(make_api_client, amira):
    CourseCompletionFactory(user=amira)
    _client, api = make_api_client(["enrolments:read"])
    response = api.get("/api/v1/completions/export/")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"


def test_export_reads_in_chunks_by_keyset(hr_api, monkeypatch):
    """Each chunk is its own bounded query, so neither the database nor Python ever holds
    the whole export: 7 rows in chunks of 3 take 3 row queries."""
    for person in UserFactory.create_batch(7):
        CourseCompletionFactory(user=person)
    monkeypatch.setattr(exports, "EXPORT_CHUNK_SIZE", 3)
    monkeypatch.setattr(exports.chunked, "__defaults__", (3,))
    response = hr_api.get("/api/v1/completions/export/")
    with CaptureQueriesContext(connection) as queries:
        rows = read_csv(response)
    assert len(rows) == 7
    selects = [q["sql"] for q in queries.captured_queries if "quizzes_coursecompletion" in q["sql"]]
    assert len(selects) == 3
    assert all("LIMIT 3" in sql for sql in selects)
    assert len({row["id"] for row in rows}) == 7


@pytest.mark.parametrize("url", ["/api/v1/completions/export/", "/api/v1/enrolments/export/"])
def test_export_of_nothing_is_just_the_headings(hr_api, url):
    response = hr_api.get(url)
    assert response.status_code == 200
    assert read_csv(response) == []


def test_a_revoked_completion_reads_as_revoked_in_the_csv_as_in_the_json(hr_api, amira, chen, hana):
    """``passed`` is written ``true``/``false`` as in the JSON (it was Python's ``True``/``False``),
    and a revoked completion says ``revoked`` beside its score of 100."""
    CourseCompletionFactory(user=chen, score=Decimal("90.00"))
    revoked = CourseCompletionFactory(user=amira, score=Decimal("100.00"))
    progress.revoke_completion(revoked, hana, "Shared account")
    rows = {row["employee_id"]: row for row in read_csv(hr_api.get("/api/v1/completions/export/"))}
    feed = {row["employee_id"]: row for row in hr_api.get("/api/v1/completions/").json()["results"]}
    assert rows[chen.employee_id]["passed"] == "true" and feed[chen.employee_id]["passed"] is True
    row, json_row = rows[amira.employee_id], feed[amira.employee_id]
    assert (row["status"], row["passed"], row["score"]) == ("revoked", "false", "100.00")
    assert (json_row["status"], json_row["passed"]) == ("revoked", False)
    assert row["revoked_reason"] == json_row["revoked_reason"] == "Shared account"
    assert row["revoked_at"] == json_row["revoked_at"] != ""
