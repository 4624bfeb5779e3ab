"""Helpers for the two-step sign-in tests: real codes computed from a device's key."""

import re
import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from security.models import SecurityEvent
from tests.htmlutils import texts


def code_for(device, steps_ahead=0):
    """The 6-digit code an authenticator app shows for ``device`` now (or ``steps_ahead`` 30-second
    steps later: a code is accepted once, so a second sign-in in the same test uses the next)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def next_code_for(device):
    """The code for the time step after the last one the device accepted: valid now, whenever
    the 30-second boundary falls during the test."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = device.t0 + (device.last_t + 1) * device.step
    return f"{totp.token():0{device.digits}d}"


def wrong_code_for(device):
    """A 6-digit code that none of the accepted time steps produces."""
    accepted = {code_for(device, steps) for steps in (-1, 0, 1, 2)}
    return next(code for code in (f"{n:06d}" for n in range(1, 999_999, 7919)) if code not in accepted)


def admin_login(client, username, password):
    return client.post("/admin/login/", {"username": username, "password": password})


def learner_login(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password})


def enrol_authenticator(client, user):
    """Set up an authenticator app through the pages, as the person would; returns the device."""
    client.get("/accounts/security/authenticator/")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post("/accounts/security/authenticator/", {"code": code_for(device)})
    assert response.status_code == 302, response.content.decode()[:2000]
    device.refresh_from_db()
    assert device.confirmed
    return device


def shown_recovery_codes(client):
    codes = texts(client.get("/accounts/security/recovery-codes/"), "code")
    return [code for code in codes if re.fullmatch(r"[a-z2-7]{4}-[a-z2-7]{4}", code)]


def events(action, user):
    return SecurityEvent.objects.filter(action=action, subject=user)


def unthrottle(device):
    """Move the last failure into the past, as if the person had waited out the delay."""
    type(device).objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
