"""Admin roles are signed out after idle time and after an absolute lifetime; learners keep
their session. The language cookie's flags."""

import importlib
import time

from django.test import Client

import pytest

from people.roles import EDITORS
from security.models import SecurityEvent
from signin.sessions import ADMIN_ROLE, LAST_SEEN, STARTED

MINUTE = 60
HOUR = 3600


def _signed_in(client):
    return client.session.get("_auth_user_id")


def _age(client, *, idle=0, since_start=0):
    """Pretend the last request was ``idle`` seconds ago and sign-in ``since_start`` ago."""
    session = client.session
    now = int(time.time())
    session[LAST_SEEN] = now - idle
    session[STARTED] = now - max(since_start, idle)
    session.save()


def _expired_events():
    return SecurityEvent.objects.filter(action=SecurityEvent.Action.SESSION_EXPIRED)


def test_signing_in_stamps_the_session(client, eve, password):
    client.post("/admin/login/", {"username": "eve", "password": password})
    session = client.session
    assert session[ADMIN_ROLE] is True
    assert abs(session[STARTED] - time.time()) < 5
    assert session[LAST_SEEN] == session[STARTED]


def test_editor_is_signed_out_after_the_idle_limit(eve_client, eve, settings):
    assert eve_client.get("/admin/").status_code == 200
    _age(eve_client, idle=settings.ADMIN_SESSION_IDLE_MINUTES * MINUTE + 5)
    response = eve_client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/pages/"
    assert _signed_in(eve_client) is None
    page = eve_client.get(response["Location"])
    assert (
        f"signed out after {settings.ADMIN_SESSION_IDLE_MINUTES} minutes without activity"
        in page.content.decode()
    )

    event = _expired_events().get()
    assert event.subject == eve
    assert event.actor == eve
    assert event.detail["reason"] == "idle"


def test_editor_within_the_idle_limit_stays_signed_in(eve_client, eve, settings):
    _age(eve_client, idle=settings.ADMIN_SESSION_IDLE_MINUTES * MINUTE - MINUTE)
    assert eve_client.get("/admin/").status_code == 200
    assert _signed_in(eve_client) == str(eve.pk)
    # The request counts as activity.
    assert time.time() - eve_client.session[LAST_SEEN] < 5
    assert not _expired_events().exists()


def test_editor_is_signed_out_at_the_absolute_lifetime_however_active(eve_client, eve, settings):
    _age(eve_client, idle=0, since_start=settings.ADMIN_SESSION_MAX_HOURS * HOUR + 5)
    response = eve_client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert _signed_in(eve_client) is None
    page = eve_client.get(response["Location"])
    assert f"end {settings.ADMIN_SESSION_MAX_HOURS} hours after signing in" in page.content.decode()
    assert _expired_events().get().detail["reason"] == "lifetime"


def test_limits_are_settings(eve_client, settings):
    settings.ADMIN_SESSION_IDLE_MINUTES = 5
    _age(eve_client, idle=6 * MINUTE)
    assert eve_client.get("/admin/").status_code == 302
    assert _signed_in(eve_client) is None


def test_limits_apply_to_admin_roles_on_the_learner_site_too(eve_client, settings, site_tree):
    _age(eve_client, idle=settings.ADMIN_SESSION_IDLE_MINUTES * MINUTE + 5)
    response = eve_client.get("/my-learning/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/my-learning/"
    page = eve_client.get(response["Location"])
    assert "without activity" in page.content.decode()


@pytest.mark.parametrize("role", ["rita", "bruno", "superuser"])
def test_every_admin_role_has_the_limits(request, role, settings):
    client = Client()
    client.force_login(request.getfixturevalue(role))
    _age(client, idle=settings.ADMIN_SESSION_IDLE_MINUTES * MINUTE + 5)
    client.get("/admin/")
    assert _signed_in(client) is None


def test_learner_keeps_a_long_session(amira_client, amira, settings, site_tree):
    _age(amira_client, idle=3 * 24 * HOUR, since_start=5 * 24 * HOUR)
    assert amira_client.get("/my-learning/").status_code == 200
    assert _signed_in(amira_client) == str(amira.pk)
    assert not _expired_events().exists()


def test_a_learner_given_an_admin_role_gets_the_limits_within_a_minute(amira_client, amira, site_tree):
    from django.contrib.auth.models import Group

    _age(amira_client, idle=2 * HOUR, since_start=20 * HOUR)
    amira.groups.add(Group.objects.get(name=EDITORS))
    # This request notices the new role (the last check was over a minute ago) ...
    assert amira_client.get("/my-learning/").status_code == 200
    assert amira_client.session[ADMIN_ROLE] is True
    # ... and the session, older than the admin lifetime, ends on the next one.
    assert amira_client.get("/my-learning/").status_code == 302
    assert _signed_in(amira_client) is None


def test_a_session_from_before_the_limits_starts_counting_now(eve_client, eve):
    session = eve_client.session
    for key in (STARTED, LAST_SEEN, ADMIN_ROLE):
        session.pop(key, None)
    session.save()
    assert eve_client.get("/admin/").status_code == 200
    assert eve_client.session[ADMIN_ROLE] is True
    assert _signed_in(eve_client) == str(eve.pk)


# --- The language cookie -------------------------------------------------------------------


def test_language_cookie_is_http_only_and_lax(client, amira, password, site_tree):
    client.post("/accounts/login/", {"username": "amira", "password": password})
    cookie = client.cookies["django_language"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_language_cookie_is_secure_when_the_setting_says_so(client, amira, password, settings, site_tree):
    settings.LANGUAGE_COOKIE_SECURE = True
    client.post("/accounts/login/", {"username": "amira", "password": password})
    assert client.cookies["django_language"]["secure"] is True
    client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    assert client.cookies["django_language"]["secure"] is True


def test_production_settings_make_the_language_cookie_secure(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "only-for-this-import")
    production = importlib.import_module("elearning.settings.production")
    production = importlib.reload(production)
    assert production.LANGUAGE_COOKIE_SECURE is True
    assert production.LANGUAGE_COOKIE_HTTPONLY is True
    assert production.SESSION_COOKIE_SECURE is True
