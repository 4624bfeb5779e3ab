"""Two-step sign-in: admin roles must enrol and verify when MFA_REQUIRED_FOR_ADMIN_ROLES is on;
staff may enrol and are then asked too; codes are real TOTP codes from the device's key."""

from django.test import Client

import pytest
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from security.models import SecurityEvent
from tests.people.mfa_helpers import (
    admin_login,
    code_for,
    enrol_authenticator,
    events,
    learner_login,
    next_code_for,
    shown_recovery_codes,
    unthrottle,
    wrong_code_for,
)

Action = SecurityEvent.Action


@pytest.fixture
def mfa_required(settings):
    settings.MFA_REQUIRED_FOR_ADMIN_ROLES = True


def _signed_in(client):
    return "_auth_user_id" in client.session


# --- The setting off: nothing changes for admins -------------------------------------------


def test_with_the_setting_off_an_editor_reaches_the_admin_with_a_password(client, eve, password, settings):
    settings.MFA_REQUIRED_FOR_ADMIN_ROLES = False
    admin_login(client, "eve", password)
    assert client.get("/admin/").status_code == 200


def test_production_requires_mfa_for_admin_roles(monkeypatch):
    import importlib
    import secrets

    monkeypatch.setenv("SECRET_KEY", secrets.token_urlsafe(64))
    monkeypatch.delenv("MFA_REQUIRED_FOR_ADMIN_ROLES", raising=False)
    from elearning.settings import base, production

    importlib.reload(production)
    assert production.MFA_REQUIRED_FOR_ADMIN_ROLES is True
    assert base.MFA_REQUIRED_FOR_ADMIN_ROLES is False


# --- Admin roles must enrol -----------------------------------------------------------------


@pytest.mark.usefixtures("mfa_required")
@pytest.mark.parametrize(
    "path", ["/admin/", "/admin/pages/", "/admin/reports/security-log/", "/admin/users/"]
)
def test_an_editor_without_a_second_factor_cannot_reach_the_admin(client, eve, password, path):
    response = admin_login(client, "eve", password)
    assert response.status_code == 302 and _signed_in(client)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/security/?next=")


@pytest.mark.usefixtures("mfa_required")
def test_every_admin_role_and_superusers_are_held(client, rita, bruno, superuser, password, amira):
    for person in (rita, bruno, superuser):
        c = Client()
        c.force_login(person)
        assert c.get("/admin/").status_code == 302, person
    learner = Client()
    learner.force_login(amira)
    assert learner.get("/my-learning/").status_code == 200


@pytest.mark.usefixtures("mfa_required")
def test_the_hold_applies_whichever_form_signed_in(client, eve, password, site_tree):
    learner_login(client, "eve", password)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/security/?next=%2F"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Your role in the Learning Hub admin needs two-step sign-in" in page.content.decode()


@pytest.mark.usefixtures("mfa_required")
def test_a_role_given_during_the_session_counts_at_once_for_the_admin(client, amira, password):
    from django.contrib.auth.models import Group

    learner_login(client, "amira", password)
    client.get("/accounts/security/")
    amira.groups.add(Group.objects.get(name="Editors"))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/security/")


@pytest.mark.usefixtures("mfa_required")
def test_a_held_session_can_still_sign_out_and_change_language(client, eve, password):
    admin_login(client, "eve", password)
    assert client.post("/i18n/setlang/", {"language": "fr", "next": "/accounts/security/"}).status_code == 302
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert not _signed_in(client)


# --- The whole journey with an authenticator app --------------------------------------------


@pytest.mark.usefixtures("mfa_required")
def test_editor_enrols_an_authenticator_gets_recovery_codes_and_verifies_next_time(
    client, eve, password, site_tree
):
    admin_login(client, "eve", password)
    assert client.get("/admin/")["Location"] == "/accounts/security/?next=%2Fadmin%2F"

    # The set-up page: a QR code drawn inline and the key as text for typing in.
    page = client.get("/accounts/security/authenticator/?next=/admin/")
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=eve, confirmed=False)
    assert "<svg" in html and 'class="qr-code"' in html and "<title>" in html
    assert 'style="' not in html
    secret = page.context["secret"]
    assert secret.replace(" ", "") in device.config_url
    assert 'autocomplete="one-time-code"' in html and 'inputmode="numeric"' in html

    # A wrong code is refused next to the field; the device stays unconfirmed.
    response = client.post(
        "/accounts/security/authenticator/", {"code": wrong_code_for(device), "next": "/admin/"}
    )
    assert response.status_code == 200
    assert "That code does not match" in response.content.decode()
    assert response.context["form"].errors["code"]
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/admin/").status_code == 302
    unthrottle(device)

    # The real code from the key: enrolled, verified for this session, recovery codes shown once.
    enrolment_code = code_for(device)
    response = client.post("/accounts/security/authenticator/", {"code": enrolment_code, "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/security/recovery-codes/?next=%2Fadmin%2F"
    codes = shown_recovery_codes(client)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert shown_recovery_codes(client) == []  # shown once only
    assert client.get("/admin/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    assert events(Action.MFA_ENROLLED, eve).get().detail["method"] == "totp"
    assert events(Action.RECOVERY_CODES_GENERATED, eve).count() == 1

    # Sign out, sign in again: the second factor is asked for again.
    client.post("/admin/logout/")
    admin_login(client, "eve", password)
    response = client.get("/admin/")
    assert response["Location"] == "/accounts/security/verify/?next=%2Fadmin%2F"
    verify_page = client.get(response["Location"])
    html = verify_page.content.decode()
    assert 'autocomplete="one-time-code"' in html and 'inputmode="numeric"' in html
    assert '<label class="field__label" for="id_code">' in html

    # A wrong code: refused with a message next to the field, logged.
    response = client.post(
        "/accounts/security/verify/", {"method": "totp", "code": wrong_code_for(device), "next": "/admin/"}
    )
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert 'id="id_code_error"' in response.content.decode()
    assert client.get("/admin/").status_code == 302
    assert events(Action.MFA_FAILED, eve).count() == 1
    unthrottle(device)

    # The code used at enrolment cannot be replayed; the app's next code works.
    response = client.post(
        "/accounts/security/verify/", {"method": "totp", "code": enrolment_code, "next": "/admin/"}
    )
    assert response.status_code == 200
    unthrottle(device)
    response = client.post(
        "/accounts/security/verify/", {"method": "totp", "code": next_code_for(device), "next": "/admin/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert events(Action.MFA_VERIFIED, eve).get().detail["method"] == "totp"


@pytest.mark.usefixtures("mfa_required")
def test_malformed_code_is_explained_and_not_counted(client, eve, password):
    admin_login(client, "eve", password)
    enrol_authenticator(client, eve)
    client.post("/admin/logout/")
    admin_login(client, "eve", password)
    response = client.post("/accounts/security/verify/", {"method": "totp", "code": "12ab"})
    assert response.status_code == 200
    assert "numbers only" in response.content.decode()
    assert client.session.get("mfa_failures") is None
    response = client.post("/accounts/security/verify/", {"method": "totp", "code": ""})
    assert "Enter the 6-digit code" in response.content.decode()


# --- Recovery codes -------------------------------------------------------------------------


def _enrolled_and_signed_in_again(client, user, password):
    learner_login(client, user.username, password)
    device = enrol_authenticator(client, user)
    codes = shown_recovery_codes(client)
    client.post("/accounts/logout/")
    learner_login(client, user.username, password)
    return device, codes


@pytest.mark.usefixtures("mfa_required")
def test_a_recovery_code_works_once_only(client, eve, password):
    device, codes = _enrolled_and_signed_in_again(client, eve, password)
    response = client.post(
        "/accounts/security/verify/", {"method": "recovery", "recovery_code": codes[0].upper()}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert StaticToken.objects.filter(device__user=eve).count() == 9
    assert events(Action.MFA_VERIFIED, eve).get().detail["method"] == "recovery"

    client.post("/accounts/logout/")
    learner_login(client, "eve", password)
    response = client.post("/accounts/security/verify/", {"method": "recovery", "recovery_code": codes[0]})
    assert response.status_code == 200
    assert "has been used already" in response.content.decode()
    assert client.get("/admin/").status_code == 302
    unthrottle(StaticDevice.objects.get(user=eve))
    response = client.post("/accounts/security/verify/", {"method": "recovery", "recovery_code": codes[1]})
    assert response.status_code == 302


@pytest.mark.usefixtures("mfa_required")
def test_new_recovery_codes_cancel_the_old_ones(client, eve, password):
    learner_login(client, "eve", password)
    enrol_authenticator(client, eve)
    old = shown_recovery_codes(client)
    response = client.post("/accounts/security/recovery-codes/")
    assert response.status_code == 302
    new = shown_recovery_codes(client)
    assert len(new) == 10 and not set(old) & set(new)
    assert events(Action.RECOVERY_CODES_GENERATED, eve).count() == 2
    client.post("/accounts/logout/")
    learner_login(client, "eve", password)
    assert (
        client.post("/accounts/security/verify/", {"method": "recovery", "recovery_code": old[0]}).status_code
        == 200
    )
    unthrottle(StaticDevice.objects.get(user=eve))
    assert (
        client.post("/accounts/security/verify/", {"method": "recovery", "recovery_code": new[0]}).status_code
        == 302
    )


# --- Throttling and signing out -------------------------------------------------------------


@pytest.mark.usefixtures("mfa_required")
def test_after_a_wrong_code_even_the_right_one_must_wait(client, eve, password):
    device, codes = _enrolled_and_signed_in_again(client, eve, password)
    client.post("/accounts/security/verify/", {"method": "totp", "code": wrong_code_for(device)})
    # The device now wants a pause (1 s, then 2 s, 4 s...) before it checks any code.
    response = client.post("/accounts/security/verify/", {"method": "totp", "code": next_code_for(device)})
    assert response.status_code == 200
    assert "Wait" in response.content.decode()
    assert client.get("/admin/").status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # the refused try was not checked
    unthrottle(device)
    response = client.post("/accounts/security/verify/", {"method": "totp", "code": next_code_for(device)})
    assert response.status_code == 302


@pytest.mark.usefixtures("mfa_required")
def test_recovery_codes_are_throttled_too(client, eve, password):
    device, codes = _enrolled_and_signed_in_again(client, eve, password)
    client.post("/accounts/security/verify/", {"method": "recovery", "recovery_code": "aaaa-aaaa"})
    response = client.post("/accounts/security/verify/", {"method": "recovery", "recovery_code": codes[0]})
    assert response.status_code == 200
    assert "Wait" in response.content.decode()
    assert StaticToken.objects.filter(device__user=eve).count() == 10  # not used up by the refused try


@pytest.mark.usefixtures("mfa_required")
def test_five_wrong_codes_sign_the_session_out(client, eve, password):
    device, _codes = _enrolled_and_signed_in_again(client, eve, password)
    for attempt in range(1, 5):
        response = client.post(
            "/accounts/security/verify/", {"method": "totp", "code": wrong_code_for(device)}
        )
        assert response.status_code == 200, attempt
        unthrottle(device)
    assert "After 1 more wrong code you will be signed out" in response.content.decode()
    response = client.post(
        "/accounts/security/verify/", {"method": "totp", "code": wrong_code_for(device), "next": "/admin/"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert not _signed_in(client)
    assert events(Action.MFA_FAILED, eve).count() == 5


# --- Staff enrol voluntarily ----------------------------------------------------------------


def test_staff_are_not_asked_without_enrolling(client, amira, password, site_tree, settings):
    settings.MFA_REQUIRED_FOR_ADMIN_ROLES = True
    learner_login(client, "amira", password)
    assert client.get("/").status_code == 200


def test_a_learner_enrols_voluntarily_and_is_asked_after_signing_in(client, amira, password, site_tree):
    learner_login(client, "amira", password)
    home = client.get("/").content.decode()
    assert 'href="/accounts/security/"' in home  # linked from the header
    page = client.get("/accounts/security/")
    assert page.status_code == 200
    assert "Set up an authenticator app" in page.content.decode()
    device = enrol_authenticator(client, amira)
    assert len(shown_recovery_codes(client)) == 10
    assert client.get("/").status_code == 200

    client.post("/accounts/logout/")
    learner_login(client, "amira", password)
    response = client.get("/my-learning/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/security/verify/?next=%2Fmy-learning%2F"
    response = client.post(
        "/accounts/security/verify/",
        {"method": "totp", "code": next_code_for(device), "next": "/my-learning/"},
    )
    assert response["Location"] == "/my-learning/"
    assert client.get("/my-learning/").status_code == 200


def test_a_held_session_sees_no_site_navigation(client, amira, password, site_tree):
    learner_login(client, "amira", password)
    enrol_authenticator(client, amira)
    client.post("/accounts/logout/")
    learner_login(client, "amira", password)
    html = client.get("/accounts/security/verify/").content.decode()
    assert "My learning" not in html
    assert "Log out" in html


def test_external_next_is_ignored_after_verifying(client, amira, password, site_tree):
    learner_login(client, "amira", password)
    device = enrol_authenticator(client, amira)
    client.post("/accounts/logout/")
    learner_login(client, "amira", password)
    response = client.post(
        "/accounts/security/verify/",
        {"method": "totp", "code": next_code_for(device), "next": "https://evil.example/"},
    )
    assert response["Location"] == "/"


# --- Seeing and removing methods ------------------------------------------------------------


def test_removing_a_method_needs_the_password(client, amira, password, site_tree):
    learner_login(client, "amira", password)
    device = enrol_authenticator(client, amira)
    url = f"/accounts/security/remove/authenticator/{device.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"password": "not-my-password"})
    assert response.status_code == 200
    assert "That is not your password" in response.content.decode()
    assert TOTPDevice.objects.filter(pk=device.pk).exists()

    response = client.post(url, {"password": password})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=amira).exists()
    assert not StaticDevice.objects.filter(user=amira).exists()  # recovery codes go with the last method
    assert events(Action.MFA_REMOVED, amira).count() == 1
    # Two-step sign-in is off again: the next sign-in asks only for the password.
    client.post("/accounts/logout/")
    learner_login(client, "amira", password)
    assert client.get("/").status_code == 200


def test_nobody_removes_another_persons_method(client, amira, chen, password):
    learner_login(client, "amira", password)
    device = enrol_authenticator(client, amira)
    other = Client()
    learner_login(other, "chen", password)
    assert (
        other.post(
            f"/accounts/security/remove/authenticator/{device.pk}/", {"password": password}
        ).status_code
        == 404
    )
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


@pytest.mark.usefixtures("mfa_required")
def test_an_admin_role_keeps_at_least_one_method(client, eve, password):
    learner_login(client, "eve", password)
    device = enrol_authenticator(client, eve)
    response = client.post(f"/accounts/security/remove/authenticator/{device.pk}/", {"password": password})
    assert response.status_code == 302
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


def test_an_unverified_session_cannot_add_or_remove_methods(client, amira, password):
    learner_login(client, "amira", password)
    device = enrol_authenticator(client, amira)
    client.post("/accounts/logout/")
    learner_login(client, "amira", password)
    for url in (
        "/accounts/security/",
        "/accounts/security/authenticator/",
        "/accounts/security/passkey/",
        f"/accounts/security/remove/authenticator/{device.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/security/verify/"), url
    assert client.post("/accounts/security/recovery-codes/").status_code == 302
    assert StaticToken.objects.filter(device__user=amira).count() == 10
