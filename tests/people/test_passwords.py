"""Password rules (at least 12 characters, not a common password) and the password reset
throttle per address and per email."""

from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError

import pytest

from demo.organisation import DEFAULT_PASSWORD
from people.models import User
from security.models import SecurityEvent
from tests.factories import PASSWORD

RESET = "/accounts/password_reset/"
ADMIN_RESET = "/admin/password_reset/"


# --- The rules -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("candidate", "problem"),
    [
        ("short-pass1", "at least 12 characters"),  # 11 characters
        ("manchesterunited", "too common"),
        ("837261940571", "entirely numeric"),
    ],
)
def test_weak_passwords_are_refused(db, candidate, problem):
    with pytest.raises(ValidationError) as error:
        validate_password(candidate)
    assert any(problem in message for message in error.value.messages)


@pytest.mark.parametrize("candidate", ["twelve-chars", DEFAULT_PASSWORD, PASSWORD])
def test_long_uncommon_passwords_pass(db, candidate):
    assert len(candidate) >= 12
    validate_password(candidate)


def test_minimum_length_is_a_setting(db, settings):
    settings.AUTH_PASSWORD_VALIDATORS = [
        {
            "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
            "OPTIONS": {"min_length": 16},
        }
    ]
    with pytest.raises(ValidationError):
        validate_password("fifteen-chars-x")


def _new_user_data(password, password2=None):
    return {
        "username": "new.person",
        "email": "new.person@example.org",
        "full_name": "New Person",
        "preferred_language": "en",
        "password1": password,
        "password2": password if password2 is None else password2,
    }


def test_admin_user_form_refuses_an_eleven_character_password(superuser_client):
    response = superuser_client.post("/admin/users/new/", _new_user_data("eleven-char"))
    assert response.status_code == 200
    assert "at least 12 characters" in response.content.decode()
    assert not User.objects.filter(username="new.person").exists()


def test_admin_user_form_refuses_a_common_password(superuser_client):
    response = superuser_client.post("/admin/users/new/", _new_user_data("manchesterunited"))
    assert "too common" in response.content.decode()
    assert not User.objects.filter(username="new.person").exists()


def test_admin_user_form_accepts_a_twelve_character_password(superuser_client):
    response = superuser_client.post("/admin/users/new/", _new_user_data("plum-kite-42"))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.get(username="new.person").check_password("plum-kite-42")


def test_admin_user_edit_refuses_a_short_new_password(superuser_client, chen):
    page = superuser_client.get(f"/admin/users/edit/{chen.pk}/")
    assert page.status_code == 200
    data = {
        "username": chen.username,
        "email": chen.email,
        "full_name": chen.full_name,
        "preferred_language": "en",
        "is_active": "on",
        "password1": "eleven-char",
        "password2": "eleven-char",
    }
    response = superuser_client.post(f"/admin/users/edit/{chen.pk}/", data)
    assert "at least 12 characters" in response.content.decode()
    chen.refresh_from_db()
    assert chen.check_password(PASSWORD)


def test_password_change_form_enforces_the_rules(amira_client, amira):
    response = amira_client.post(
        "/accounts/password_change/",
        {"old_password": PASSWORD, "new_password1": "eleven-char", "new_password2": "eleven-char"},
    )
    assert response.status_code == 200
    assert "at least 12 characters" in response.content.decode()
    amira.refresh_from_db()
    assert amira.check_password(PASSWORD)


# --- The password reset throttle -----------------------------------------------------------


def _reset(client, email, path=RESET, address="192.0.2.20"):
    return client.post(path, {"email": email}, REMOTE_ADDR=address)


def _reset_events():
    return SecurityEvent.objects.filter(action=SecurityEvent.Action.PASSWORD_RESET_REQUESTED).order_by("pk")


def test_reset_stops_sending_after_the_per_email_limit(client, amira, settings, site_tree):
    limit = settings.PASSWORD_RESET_LIMIT_PER_EMAIL
    for n in range(limit):
        response = _reset(client, "amira.haddad@example.org", address=f"198.51.100.{n + 1}")
        assert response["Location"] == "/accounts/password_reset/done/"
    assert len(mail.outbox) == limit
    # Same answer, from a fresh address and in another case, but nothing more is sent.
    response = _reset(client, "AMIRA.HADDAD@example.org", address="198.51.100.200")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password_reset/done/"
    assert len(mail.outbox) == limit

    events = list(_reset_events())
    assert len(events) == limit + 1
    assert [event.detail["throttled"] for event in events] == [False] * limit + [True]
    assert all(event.subject == amira for event in events)
    assert events[-1].ip_address == "198.51.100.200"


def test_reset_stops_sending_after_the_per_address_limit(client, amira, settings, site_tree):
    for n in range(settings.PASSWORD_RESET_LIMIT_PER_ADDRESS):
        _reset(client, f"nobody{n}@example.org", address="203.0.113.30")
    assert len(mail.outbox) == 0
    response = _reset(client, amira.email, address="203.0.113.30")
    assert response["Location"] == "/accounts/password_reset/done/"
    assert len(mail.outbox) == 0
    assert _reset_events().last().detail["throttled"] is True
    # Someone at another address is not held up by it.
    _reset(client, amira.email, address="203.0.113.31")
    assert len(mail.outbox) == 1


def test_reset_for_an_unknown_email_is_logged_without_a_subject(client, db):
    _reset(client, "nobody@example.org")
    event = _reset_events().get()
    assert event.subject is None
    assert event.detail == {"email": "nobody@example.org", "form": "site", "throttled": False}


def test_throttle_reads_the_client_address_through_trusted_proxies_only(client, amira, settings, site_tree):
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(settings.PASSWORD_RESET_LIMIT_PER_ADDRESS):
        client.post(
            RESET,
            {"email": f"x{n}@example.org"},
            REMOTE_ADDR="203.0.113.40",
            HTTP_X_FORWARDED_FOR=f"10.1.{n}.1",
        )
    client.post(RESET, {"email": amira.email}, REMOTE_ADDR="203.0.113.40", HTTP_X_FORWARDED_FOR="10.2.0.1")
    assert len(mail.outbox) == 0


def test_admin_password_reset_is_throttled_too(client, eve, settings):
    limit = settings.PASSWORD_RESET_LIMIT_PER_EMAIL
    for _ in range(limit + 2):
        response = _reset(client, eve.email, path=ADMIN_RESET)
        assert response.status_code == 302
    assert len(mail.outbox) == limit
    events = _reset_events()
    assert {event.detail["form"] for event in events} == {"admin"}
    assert events.filter(detail__throttled=True).count() == 2


def test_site_and_admin_reset_share_the_limit(client, eve, settings, site_tree):
    limit = settings.PASSWORD_RESET_LIMIT_PER_EMAIL
    for _ in range(limit):
        _reset(client, eve.email, path=ADMIN_RESET)
    _reset(client, eve.email, path=RESET)
    assert len(mail.outbox) == limit
