"""Two-step sign-in in a real browser: an editor, whose role needs it, signs in to the admin,
is sent to set it up, adds a passkey (Chromium's virtual authenticator, through the DevTools
protocol's WebAuthn domain, stands in for a phone or security key), saves the recovery codes,
reaches the dashboard; signs out, signs in again and is asked for the passkey before the
dashboard. Then an authenticator app set up with the code computed from the QR code's key.
The pages pass axe-core."""

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from security.models import SecurityEvent
from tests.e2e.browser import E2E, check_axe, shot
from tests.factories import PASSWORD, UserFactory
from tests.people.mfa_helpers import code_for

pytestmark = E2E

Action = SecurityEvent.Action


@pytest.fixture
def two_step_required(settings, live_server):
    settings.MFA_REQUIRED_FOR_ADMIN_ROLES = True
    # Passkeys belong to a host name: the live server is http://localhost:<port>.
    assert live_server.url.startswith("http://localhost:")
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]


def _sign_in_to_admin(page, username):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("form button[type=submit]")


def _virtual_authenticator(page):
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    answer = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    return cdp, answer["authenticatorId"]


def test_editor_adds_a_passkey_and_signs_in_with_it(browsing, two_step_required):
    eve = UserFactory(username="eve", full_name="Eve Martin", groups=["Editors"])
    page = browsing.page()
    cdp, authenticator_id = _virtual_authenticator(page)

    _sign_in_to_admin(page, "eve")
    assert "/accounts/security/" in page.url, page.url
    page.wait_for_selector("text=needs two-step sign-in")
    check_axe(page, "two-step: set up")
    shot(page, "two-step-setup")

    page.click("text=Add a passkey")
    page.wait_for_url(re.compile(r"/accounts/security/passkey/"))
    check_axe(page, "two-step: add a passkey")
    with page.expect_navigation(url=re.compile(r"/accounts/security/recovery-codes/")):
        page.click("#passkey-register-button")
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    check_axe(page, "two-step: recovery codes")
    shot(page, "two-step-recovery-codes")
    with page.expect_navigation():
        page.click("text=I have saved my codes")
    assert page.url.endswith("/admin/"), page.url
    assert WebAuthnCredential.objects.filter(user=eve, confirmed=True).count() == 1
    assert len(cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator_id})["credentials"]) == 1

    # Next sign-in: the dashboard waits for the passkey.
    page.context.clear_cookies()  # a new browser session
    _sign_in_to_admin(page, "eve")
    assert "/accounts/security/verify/" in page.url, page.url
    page.wait_for_selector("#passkey-verification-button")
    check_axe(page, "two-step: verify")
    shot(page, "two-step-verify")
    with page.expect_navigation(url=re.compile(r"/admin/$")):
        page.click("#passkey-verification-button")
    assert page.locator("h1").first.is_visible()
    verified = SecurityEvent.objects.filter(action=Action.MFA_VERIFIED, subject=eve).get()
    assert verified.detail["method"] == "passkey"
    assert (
        SecurityEvent.objects.filter(action=Action.MFA_ENROLLED, subject=eve).get().detail["method"]
        == "passkey"
    )


def test_learner_sets_up_an_authenticator_app_from_the_qr_page(browsing, two_step_required):
    amira = UserFactory(username="amira", full_name="Amira Haddad")
    page = browsing.page()
    page.goto("/accounts/login/")
    page.fill("#id_username", "amira")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    page.goto("/my-learning/")
    page.click("header >> text=Two-step sign-in")
    page.click("text=Set up an authenticator app")
    assert page.locator("svg.qr-code").is_visible()
    check_axe(page, "two-step: authenticator app")
    shot(page, "two-step-authenticator")
    secret = page.locator(".mfa-secret").inner_text().replace(" ", "")
    device = TOTPDevice.objects.get(user=amira, confirmed=False)
    assert secret in device.config_url
    page.fill("#id_code", "000000" if code_for(device) != "000000" else "111111")
    page.click("main form button[type=submit]")
    page.wait_for_selector("#id_code_error")
    assert page.locator("#id_code").get_attribute("aria-invalid") == "true"
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    page.fill("#id_code", code_for(device))
    with page.expect_navigation(url=re.compile(r"/accounts/security/recovery-codes/")):
        page.click("main form button[type=submit]")
    assert page.locator(".recovery-codes code").count() == 10
