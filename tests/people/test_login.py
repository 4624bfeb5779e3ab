"""Signing in with a username or work email, signing out, and resetting a password."""

import re

from django.core import mail
from django.db import IntegrityError, transaction

import pytest

from tests.factories import UserFactory

NEW_PASSWORD = "a-new-long-passphrase-4-amira"  # noqa: S105


def _signed_in_as(client):
    return client.session.get("_auth_user_id")


def test_login_with_username(client, amira, password):
    response = client.post("/accounts/login/", {"username": "amira", "password": password})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert _signed_in_as(client) == str(amira.pk)


@pytest.mark.parametrize(
    "identifier", ["Amira.Haddad@example.org", "amira.haddad@example.org", "AMIRA.HADDAD@EXAMPLE.ORG"]
)
def test_login_with_email_in_any_case(client, amira, password, identifier):
    response = client.post("/accounts/login/", {"username": identifier, "password": password})
    assert response.status_code == 302
    assert _signed_in_as(client) == str(amira.pk)


def test_login_with_username_in_another_case(client, amira, password):
    client.post("/accounts/login/", {"username": "AMIRA", "password": password})
    assert _signed_in_as(client) == str(amira.pk)


def test_login_follows_next(client, amira, password, module):
    response = client.post(
        f"/accounts/login/?next={module.url}", {"username": "amira", "password": password, "next": module.url}
    )
    assert response["Location"] == module.url


def test_login_refuses_an_external_next(client, amira, password):
    response = client.post(
        "/accounts/login/", {"username": "amira", "password": password, "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_wrong_password_is_refused_with_the_form_shown_again(client, amira):
    response = client.post("/accounts/login/", {"username": "amira", "password": "wrong"})
    assert response.status_code == 200
    assert _signed_in_as(client) is None
    assert response.context["form"].errors


def test_inactive_user_cannot_log_in(client, amira, password):
    amira.is_active = False
    amira.save()
    response = client.post("/accounts/login/", {"username": "amira", "password": password})
    assert response.status_code == 200
    assert _signed_in_as(client) is None


def test_usernames_are_unique_whatever_their_case(amira):
    """Sign-in looks usernames up case-insensitively, so "amira" and "Amira" cannot both exist."""
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(username=amira.username.capitalize(), email="amira.other@example.org")


def test_login_with_an_email_that_is_another_users_username_does_not_crash(client, amira, password):
    UserFactory(username="amira.haddad@example.org", email="someone.else@example.org")
    response = client.post("/accounts/login/", {"username": "amira.haddad@example.org", "password": password})
    assert response.status_code in (200, 302)


def test_signed_in_user_visiting_login_goes_home(amira_client):
    response = amira_client.get("/accounts/login/")
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_logout_is_post_only(amira_client, amira):
    response = amira_client.get("/accounts/logout/")
    assert response.status_code == 405
    assert _signed_in_as(amira_client) == str(amira.pk)


def test_logout_by_post_signs_out(amira_client):
    response = amira_client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert _signed_in_as(amira_client) is None
    assert amira_client.get("/").status_code == 302


def test_password_reset_sends_an_email_with_a_working_link(client, amira, site_tree):
    response = client.post("/accounts/password_reset/", {"email": "amira.haddad@EXAMPLE.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["Amira.Haddad@example.org"]
    link = re.search(r"https?://[^/\s]+(/\S*/reset/\S+/\S+/)", message.body)
    assert link, message.body

    response = client.get(link.group(1))
    assert response.status_code == 302  # to the same link with the token moved into the session
    set_password_url = response["Location"]
    response = client.get(set_password_url)
    assert response.status_code == 200
    response = client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302

    amira.refresh_from_db()
    assert amira.check_password(NEW_PASSWORD)
    client.post("/accounts/login/", {"username": "amira", "password": NEW_PASSWORD})
    assert _signed_in_as(client) == str(amira.pk)


def test_password_reset_for_an_unknown_email_sends_nothing_and_reveals_nothing(client, amira, site_tree):
    response = client.post("/accounts/password_reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password_reset/done/"
    assert mail.outbox == []


def test_password_reset_for_an_inactive_user_sends_nothing(client, amira, site_tree):
    amira.is_active = False
    amira.save()
    client.post("/accounts/password_reset/", {"email": amira.email})
    assert mail.outbox == []


def test_password_reset_link_works_only_once(client, amira, site_tree):
    client.post("/accounts/password_reset/", {"email": amira.email})
    path = re.search(r"https?://[^/\s]+(/\S*/reset/\S+/\S+/)", mail.outbox[0].body).group(1)
    set_password_url = client.get(path)["Location"]
    client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    other = type(client)()
    response = other.get(path)
    assert response.status_code == 200
    assert response.context["validlink"] is False


def test_login_opens_the_site_in_the_preferred_language(client, amira, password):
    amira.preferred_language = "ar"
    amira.save()
    response = client.post("/accounts/login/", {"username": amira.username, "password": password})
    assert response["Location"] == "/ar/"
    assert response.cookies["django_language"].value == "ar"


def test_login_keeps_the_page_the_person_was_going_to(client, amira, password):
    amira.preferred_language = "fr"
    amira.save()
    response = client.post(
        "/accounts/login/?next=/courses/", {"username": amira.username, "password": password}
    )
    assert response["Location"] == "/courses/"


def test_wrong_password_message_does_not_claim_case_sensitivity(client, amira):
    response = client.post("/accounts/login/", {"username": amira.username, "password": "wrong"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "case-sensitive" not in html
    assert "do not match" in html
