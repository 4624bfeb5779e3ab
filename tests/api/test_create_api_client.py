"""manage.py create_api_client: prints the key once, alone on its last line (for
``tail -1``); stores only its hash; refuses what it cannot honour, saying why."""

from datetime import timedelta
from io import StringIO

from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

import pytest

from api import scopes
from api.models import ApiClient
from tests.api.conftest import KeyedClient
from tests.factories import DepartmentFactory

COMPLETIONS = "/api/v1/completions/"


def run(*args):
    out = StringIO()
    call_command("create_api_client", *args, stdout=out)
    lines = out.getvalue().splitlines()
    return lines, lines[-1]


def test_prints_the_key_alone_on_the_last_line(db):
    lines, key = run("Workday", "--scope", scopes.COMPLETIONS)
    client = ApiClient.objects.get()
    assert key == key.strip()
    assert " " not in key
    assert key.startswith(f"{client.prefix}.")
    assert client.is_valid(key)
    # Shown once: nowhere else in the output.
    assert sum(key in line for line in lines) == 1
    assert "Workday" in lines[0]
    assert scopes.COMPLETIONS in lines[0]


def test_the_key_works_against_the_api(db):
    _lines, key = run("Workday", "--scope", scopes.COMPLETIONS)
    response = KeyedClient(key).get(COMPLETIONS)
    assert response.status_code == 200
    assert response.json()["results"] == []
    # Only the scopes asked for.
    assert KeyedClient(key).get("/api/v1/enrolments/").status_code == 403


def test_only_the_hash_is_stored(db):
    _lines, key = run("Workday", "--scope", scopes.COMPLETIONS)
    secret = key.partition(".")[2]
    row = ApiClient.objects.values().get()
    assert not any(key in str(value) or secret in str(value) for value in row.values())
    # Nor in any other column of the table, read as the database holds it.
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM api_apiclient")
        raw = cursor.fetchall()
    assert secret not in repr(raw)


def test_several_scopes_and_departments(amira, chen, communications):
    lines, key = run(
        "Regional HR",
        "--scope",
        scopes.COMPLETIONS,
        "--scope",
        scopes.LEARNERS,
        "--scope",
        scopes.COMPLETIONS,
        "--department",
        "Communications",
    )
    client = ApiClient.objects.get()
    assert client.scopes == [scopes.COMPLETIONS, scopes.LEARNERS]
    assert list(client.departments.all()) == [communications]
    assert client.created_by is None
    assert client.expiry_date is None
    assert "Limited to: Communications." in lines
    api = KeyedClient(key)
    assert api.get(f"/api/v1/learners/{amira.employee_id}/transcript/").status_code == 200
    assert api.get(f"/api/v1/learners/{chen.employee_id}/transcript/").status_code == 404


def test_expires_in_days(db):
    before = timezone.now()
    lines, key = run("Trial", "--scope", scopes.COURSES, "--expires-in-days", "30")
    client = ApiClient.objects.get()
    assert before + timedelta(days=30) <= client.expiry_date <= timezone.now() + timedelta(days=30)
    assert any(line.startswith("Expires: ") for line in lines)
    assert KeyedClient(key).get("/api/v1/courses/").status_code == 200
    ApiClient.objects.update(expiry_date=timezone.now() - timedelta(seconds=1))
    assert KeyedClient(key).get("/api/v1/courses/").status_code == 401


@pytest.mark.parametrize("days", ["0", "-5"])
def test_expires_in_days_must_be_positive(db, days):
    with pytest.raises(CommandError, match="--expires-in-days"):
        run("Trial", "--scope", scopes.COURSES, "--expires-in-days", days)
    assert not ApiClient.objects.exists()


def test_unknown_scope_is_named(db):
    with pytest.raises(CommandError, match="grades:write") as error:
        run("Workday", "--scope", scopes.COMPLETIONS, "--scope", "grades:write")
    # The message lists what would have been accepted.
    assert scopes.COMPLETIONS in str(error.value)
    assert not ApiClient.objects.exists()


def test_missing_scope_is_refused(db):
    with pytest.raises(CommandError, match="at least one scope"):
        run("Workday")
    assert not ApiClient.objects.exists()


def test_unknown_department_is_named(db):
    DepartmentFactory(name="Research")
    with pytest.raises(CommandError, match="Fundraising") as error:
        run(
            "Workday",
            "--scope",
            scopes.COMPLETIONS,
            "--department",
            "Research",
            "--department",
            "Fundraising",
        )
    assert "Research" not in str(error.value)
    assert not ApiClient.objects.exists()


@pytest.mark.parametrize("name", ["", "   ", "x" * 51])
def test_name_must_be_1_to_50_characters(db, name):
    with pytest.raises(CommandError, match="name"):
        run(name, "--scope", scopes.COMPLETIONS)
    assert not ApiClient.objects.exists()


def test_each_run_makes_a_new_key(db):
    _lines, first = run("Workday", "--scope", scopes.COMPLETIONS)
    _lines, second = run("Workday", "--scope", scopes.COMPLETIONS)
    assert first != second
    assert ApiClient.objects.count() == 2
    assert KeyedClient(first).get(COMPLETIONS).status_code == 200
    assert KeyedClient(second).get(COMPLETIONS).status_code == 200
