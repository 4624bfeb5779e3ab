"""On SQLite (``make run``), twenty staff starting a quiz at the same moment all get their
attempt: transactions take the write lock when they begin (IMMEDIATE) and wait for it,
instead of deadlocking on the upgrade from read to write and failing with "database is
locked" (3 of 20 did before).

The suite's own SQLite database is in memory, shared by its connections in one process; the
race needs a real file. So the migrated test database is copied to a file and the quiz
starts run in a subprocess with the project's settings pointed at it."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from django.db import connection

import pytest

from elearning.settings import base

ROOT = Path(__file__).resolve().parents[2]
STARTS = 20

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's locking only")

RACE = """
import json, sys, threading, django
django.setup()
from django.db import connections
from quizzes.services import attempts
from records.services import progress
from quizzes.models import Attempt
from tests.factories import UserFactory, add_quiz, make_course, make_module, make_site_tree

_home, catalogue = make_site_tree()
course = make_course(catalogue)
module = add_quiz(make_module(course))
users = [UserFactory() for _ in range(int(sys.argv[1]))]
connections.close_all()

barrier = threading.Barrier(len(users))
errors = []

def start(user):
    try:
        barrier.wait()
        progress.start_quiz(user, module, course)
    except Exception as error:
        errors.append(f"{type(error).__name__}: {error}")
    finally:
        connections.close_all()

threads = [threading.Thread(target=start, args=(user,)) for user in users]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(json.dumps({"errors": errors, "attempts": Attempt.objects.count(),
                  "options": connections["default"].settings_dict["OPTIONS"]}))
"""


@pytest.fixture
def migrated_file(tmp_path, django_db_setup, django_db_blocker):
    """The migrated (empty) test database, copied to a file."""
    path = tmp_path / "db.sqlite3"
    with django_db_blocker.unblock():
        connection.ensure_connection()
        # A second connection to the shared in-memory database (pytest-django holds the
        # first one in a transaction), reading past that transaction's table locks.
        source = sqlite3.connect(connection.settings_dict["NAME"], uri=True)
        try:
            source.execute("PRAGMA read_uncommitted = 1")
            source.execute("VACUUM INTO ?", [str(path)])
        finally:
            source.close()
    return path


def test_the_project_configures_sqlite_for_concurrent_writers():
    options = base.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 10
    assert "journal_mode=WAL" in options["init_command"]


def test_twenty_concurrent_quiz_starts_all_succeed(migrated_file):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "elearning.settings.test",
        "DATABASE_URL": f"sqlite:///{migrated_file}",
    }
    result = subprocess.run(
        [sys.executable, "-c", RACE, str(STARTS)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["errors"] == []
    assert outcome["attempts"] == STARTS
