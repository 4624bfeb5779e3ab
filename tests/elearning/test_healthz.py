"""/healthz: what the load balancer probes."""

from unittest import mock

from django.db import OperationalError, connections

import pytest


def test_healthz_answers_ok_with_json(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"


def test_healthz_is_never_cached(client, db):
    response = client.get("/healthz")
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_healthz_answers_head(client, db):
    assert client.head("/healthz").status_code == 200


def test_healthz_answers_anonymously_without_a_session(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert "sessionid" not in response.cookies


def test_healthz_is_503_when_the_database_fails(client, db):
    with mock.patch.object(
        connections["default"], "cursor", side_effect=OperationalError("database is down")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] != "ok"


def test_healthz_is_503_when_the_query_fails(client, db):
    cursor = mock.MagicMock()
    cursor.__enter__.return_value.execute.side_effect = OperationalError("server closed the connection")
    with mock.patch.object(connections["default"], "cursor", return_value=cursor):
        response = client.get("/healthz")
    assert response.status_code == 503


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_healthz_refuses_other_methods(client, db, method):
    assert getattr(client, method)("/healthz").status_code == 405


def test_healthz_is_not_redirected_to_https_in_production(client, db, settings, monkeypatch):
    """Production redirects HTTP to HTTPS, except for the load balancer's probe."""
    monkeypatch.setenv("SECRET_KEY", "x" * 60)
    from elearning.settings import production

    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = production.SECURE_REDIRECT_EXEMPT
    assert client.get("/healthz").status_code == 200
    response = client.get("/accounts/login/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
