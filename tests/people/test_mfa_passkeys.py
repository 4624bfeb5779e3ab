"""Passkeys at the view level: the ceremony endpoints answer for the signed-in person, never
for someone who has not presented the factor they already have. (The full ceremony with a
browser authenticator is in tests/e2e/test_passkeys.py.)"""

import json

from django.test import Client

import pytest

from tests.people.mfa_helpers import enrol_authenticator, learner_login


def _post(client, url):
    return client.post(url, content_type="application/json", data="{}")


@pytest.mark.parametrize("mfa_on", [False, True])
def test_registration_options_for_a_signed_in_person(client, eve, password, settings, mfa_on):
    settings.MFA_REQUIRED_FOR_ADMIN_ROLES = mfa_on
    learner_login(client, "eve", password)
    page = client.get("/accounts/security/passkey/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="otp_webauthn_config"' in html and 'type="application/json"' in html
    assert "/static/django_otp_webauthn/otp_webauthn_register.js" in html
    assert "/static/js/mfa.js" in html
    assert "<script>" not in html  # data blocks and files only

    response = _post(client, "/mfa/webauthn/registration/begin/")
    assert response.status_code == 200
    options = json.loads(response.content)
    assert options["rp"] == {"id": settings.OTP_WEBAUTHN_RP_ID, "name": "Learning Hub"}
    assert options["user"]["name"] == "eve"
    assert options["challenge"]
    assert "otp_webauthn_register_state" in client.session


def test_authentication_options_for_a_signed_in_person(client, amira, password):
    learner_login(client, "amira", password)
    response = _post(client, "/mfa/webauthn/authentication/begin/")
    assert response.status_code == 200
    assert json.loads(response.content)["challenge"]


def test_no_passkey_can_be_added_before_verifying_the_existing_factor(client, amira, password):
    learner_login(client, "amira", password)
    enrol_authenticator(client, amira)
    client.post("/accounts/logout/")
    learner_login(client, "amira", password)
    response = _post(client, "/mfa/webauthn/registration/begin/")
    assert response.status_code == 403
    assert json.loads(response.content)["code"] == "user_not_verified"


def test_no_passwordless_sign_in(amira):
    anonymous = Client()
    response = _post(anonymous, "/mfa/webauthn/authentication/begin/")
    assert response.status_code in (302, 403)
    assert "otp_webauthn_authentication_state" not in anonymous.session


def test_a_failed_passkey_is_logged(client, amira, password):
    from security.models import SecurityEvent

    learner_login(client, "amira", password)
    response = client.post(
        "/mfa/webauthn/authentication/complete/",
        content_type="application/json",
        data=json.dumps({"id": "x"}),
    )
    assert response.status_code >= 400
    event = SecurityEvent.objects.get(action=SecurityEvent.Action.MFA_FAILED, subject=amira)
    assert event.detail["method"] == "passkey"


def test_verify_page_offers_passkeys_only_to_people_who_have_one(client, amira, password):
    learner_login(client, "amira", password)
    enrol_authenticator(client, amira)
    client.post("/accounts/logout/")
    learner_login(client, "amira", password)
    html = client.get("/accounts/security/verify/").content.decode()
    assert "otp_webauthn_auth.js" not in html
