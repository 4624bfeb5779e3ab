"""/healthz reads real tables: an empty or missing SQLite database (the file is created
empty on connect) is a 503 with a JSON body, not a 200 while every page fails.

Run in a subprocess against a fresh SQLite file, so it behaves the same whichever database
the suite itself uses."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, django
django.setup()
from django.test import Client
response = Client().get("/healthz")
print(json.dumps({"status": response.status_code, "type": response["Content-Type"],
                  "body": response.json()}))
"""


def probe(database_url):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "elearning.settings.test", "DATABASE_URL": database_url}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("create_file", [True, False], ids=["empty file", "missing file"])
def test_an_unmigrated_sqlite_database_is_503(tmp_path, create_file):
    path = tmp_path / "db.sqlite3"
    if create_file:
        path.touch()
    answer = probe(f"sqlite:///{path}")
    assert answer["status"] == 503
    assert answer["type"] == "application/json"
    assert answer["body"] == {"status": "error", "database": "ok", "schema": "missing"}


def test_a_migrated_database_is_200(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "schema": "ok"}
