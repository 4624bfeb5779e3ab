"""Who needs a second factor, and what a user has enrolled.

A session needs a second factor when its user has enrolled one (anyone may) or when the user
holds an admin role (a group in ``people.roles.ROLE_GROUPS`` or superuser) and
``MFA_REQUIRED_FOR_ADMIN_ROLES`` is on. "Enrolled" means a confirmed authenticator app or passkey;
recovery codes back those up and never count on their own."""

from django.conf import settings

from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from people.roles import ROLE_GROUPS

# Session keys.
REQUIRED_KEY = "mfa_required"  # cached answer of second_factor_required() for this session
FAILURES_KEY = "mfa_failures"  # wrong codes entered in this session
NEW_CODES_KEY = "mfa_new_recovery_codes"  # recovery codes to show once, then forget
TOTP_SETUP_KEY = "mfa_totp_setup_device"  # the authenticator being set up

RECOVERY_DEVICE_NAME = "Recovery codes"


def is_admin_role(user):
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=ROLE_GROUPS).exists()


def must_enrol(user):
    """True when this user's role requires two-step sign-in."""
    return bool(settings.MFA_REQUIRED_FOR_ADMIN_ROLES) and is_admin_role(user)


def authenticators(user):
    return list(TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk"))


def passkeys(user):
    return list(WebAuthnCredential.objects.devices_for_user(user, confirmed=True).order_by("pk"))


def primary_devices(user):
    return authenticators(user) + passkeys(user)


def has_primary_device(user):
    return (
        TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()
        or WebAuthnCredential.objects.devices_for_user(user, confirmed=True).exists()
    )


def second_factor_required(user):
    return has_primary_device(user) or must_enrol(user)


def recovery_device(user):
    return StaticDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def generate_recovery_codes(user):
    """Replace the user's recovery codes with a new set; returns the codes (shown once)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(settings.MFA_RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def forget_session_state(request):
    for key in (REQUIRED_KEY, FAILURES_KEY, TOTP_SETUP_KEY):
        request.session.pop(key, None)


def remember_required(request, required):
    request.session[REQUIRED_KEY] = bool(required)
