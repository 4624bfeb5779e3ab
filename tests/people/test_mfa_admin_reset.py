"""A superuser resets another person's two-step sign-in (lost phone), by POST, logged."""

from django.test import Client

import pytest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from security.models import SecurityEvent
from tests.factories import UserFactory
from tests.people.mfa_helpers import admin_login, enrol_authenticator, learner_login

Action = SecurityEvent.Action


@pytest.fixture
def eve_enrolled(eve, password):
    client = Client()
    learner_login(client, "eve", password)
    enrol_authenticator(client, eve)
    return eve


def _assert_refused(response):
    # Wagtail turns PermissionDenied in an admin view into "Sorry, you do not have permission".
    assert (response.status_code, response.get("Location")) in ((403, None), (302, "/admin/"))


def _reset_url(user):
    return f"/admin/two-step-sign-in/reset/{user.pk}/"


def test_superuser_resets_a_lost_phone(superuser_client, superuser, eve_enrolled, password, settings):
    eve = eve_enrolled
    page = superuser_client.get(_reset_url(eve))
    assert page.status_code == 200
    assert "Authenticator app" in page.content.decode()
    # The listing offers the reset in the person's "More" menu.
    assert _reset_url(eve) in superuser_client.get("/admin/users/").content.decode()

    response = superuser_client.post(_reset_url(eve))
    assert response.status_code == 302
    assert response["Location"] == f"/admin/users/edit/{eve.pk}/"
    assert not TOTPDevice.objects.filter(user=eve).exists()
    assert not StaticDevice.objects.filter(user=eve).exists()
    event = SecurityEvent.objects.get(action=Action.MFA_REMOVED, subject=eve)
    assert event.actor == superuser
    assert event.detail["reset_by_superuser"] is True
    assert event.detail["removed"] == ["Authenticator app (Eve Martin)"]

    # Eve signs in with her password and, her role needing it, sets up a new method.
    settings.MFA_REQUIRED_FOR_ADMIN_ROLES = True
    client = Client()
    admin_login(client, "eve", password)
    assert client.get("/admin/")["Location"].startswith("/accounts/security/?next=")


def test_a_get_changes_nothing(superuser_client, eve_enrolled):
    superuser_client.get(_reset_url(eve_enrolled))
    assert TOTPDevice.objects.filter(user=eve_enrolled, confirmed=True).exists()


def test_only_superusers_reset(eve_enrolled, rita, password):
    hr = UserFactory(username="hr-admin", groups=["HR admins"])
    for person in (rita, hr):
        client = Client()
        client.force_login(person)
        _assert_refused(client.post(_reset_url(eve_enrolled)))
        assert _reset_url(eve_enrolled) not in client.get("/admin/users/").content.decode()
    assert TOTPDevice.objects.filter(user=eve_enrolled, confirmed=True).exists()
    assert not SecurityEvent.objects.filter(action=Action.MFA_REMOVED).exists()


def test_a_superuser_removes_their_own_methods_on_their_own_page(superuser_client, superuser):
    _assert_refused(superuser_client.post(_reset_url(superuser)))


def test_admin_account_page_links_to_two_step_sign_in(superuser_client):
    assert "/accounts/security/" in superuser_client.get("/admin/account/").content.decode()
