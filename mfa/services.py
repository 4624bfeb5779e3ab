"""Checking codes. Each check runs in a transaction with the devices locked, so two requests
cannot both use one recovery code or both slip past the throttle."""

from base64 import b32encode

from django.db import transaction

import segno
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice


def check_authenticator_code(user, code):
    """Returns (device, locked_until): the device that accepted ``code``, or None and, when every
    authenticator is throttled after earlier wrong codes, the time the next try is allowed."""
    locked, checked = [], False
    with transaction.atomic():
        for device in TOTPDevice.objects.devices_for_user(user, confirmed=True).select_for_update():
            allowed, data = device.verify_is_allowed()
            if not allowed:
                locked.append(data["locked_until"])
                continue
            checked = True
            if device.verify_token(code):  # a wrong code counts against the device itself
                return device, None
    return None, (min(locked) if locked and not checked else None)


def check_recovery_code(user, code):
    """Returns (device, locked_until) like check_authenticator_code; a code that matches is
    deleted, so it works once."""
    with transaction.atomic():
        device = (
            StaticDevice.objects.devices_for_user(user, confirmed=True)
            .select_for_update()
            .order_by("pk")
            .first()
        )
        if device is None:
            return None, None
        allowed, data = device.verify_is_allowed()
        if not allowed:
            return None, data["locked_until"]
        token = device.token_set.filter(token=code).first()
        if token is not None and StaticToken.objects.filter(pk=token.pk).delete()[0] == 1:
            device.throttle_reset(commit=False)
            device.set_last_used_timestamp(commit=False)
            device.save()
            return device, None
        device.throttle_increment()
        return None, None


def authenticator_secret(device):
    """The key as the base32 text authenticator apps accept, in groups of four."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device, title):
    """The otpauth:// address as an inline SVG QR code (no image request, no inline style)."""
    qr = segno.make(device.config_url, error="m")
    return qr.svg_inline(scale=5, border=4, dark="#000", light="#fff", title=title, svgclass="qr-code")
