"""Two-step sign-in pages: enrol (authenticator app or passkey), recovery codes, verify after
signing in, remove a method. The same pages serve staff and admin roles."""

import math
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from security.log import Action, record

from . import policy
from .forms import AuthenticatorCodeForm, ConfirmPasswordForm, RecoveryCodeForm
from .services import authenticator_secret, check_authenticator_code, check_recovery_code, qr_code_svg

AUTHENTICATOR_NAME = "Authenticator app"


def _next_url(request, default=None):
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("mfa:overview") if default is None else default


def _with_next(url, next_url):
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def _needs_verification(request):
    """People who have enrolled change nothing here until they have verified in this session."""
    if policy.has_primary_device(request.user) and not request.user.is_verified():
        return redirect(_with_next(reverse("mfa:verify"), request.get_full_path()))
    return None


def _wait_message(locked_until):
    seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
    return ngettext(
        "Too many wrong codes. Wait %(seconds)d second, then try again.",
        "Too many wrong codes. Wait %(seconds)d seconds, then try again.",
        seconds,
    ) % {"seconds": seconds}


def mark_verified(request, device, method):
    """The session has presented its second factor."""
    otp_login(request, device)
    request.session.cycle_key()  # a new session id for the more trusted session
    request.session.pop(policy.FAILURES_KEY, None)
    policy.remember_required(request, True)
    record(Action.MFA_VERIFIED, request=request, subject=request.user, obj=device, method=method)


def after_enrolment(request, device, method):
    """Log the new method, verify the session with it and make recovery codes if there are
    none. Returns True when new codes are waiting to be shown."""
    user = request.user
    if not user.is_verified():
        otp_login(request, device)
        request.session.cycle_key()
    policy.remember_required(request, True)
    record(Action.MFA_ENROLLED, request=request, subject=user, obj=device, method=method)
    if policy.recovery_codes_left(user) == 0:
        _new_recovery_codes(request, reason="first_method")
        return True
    return False


def _new_recovery_codes(request, reason):
    codes = policy.generate_recovery_codes(request.user)
    request.session[policy.NEW_CODES_KEY] = codes
    record(
        Action.RECOVERY_CODES_GENERATED,
        request=request,
        subject=request.user,
        count=len(codes),
        reason=reason,
    )


@never_cache
def overview(request):
    if response := _needs_verification(request):
        return response
    user = request.user
    apps, keys = policy.authenticators(user), policy.passkeys(user)
    enrolled = bool(apps or keys)
    return render(
        request,
        "mfa/overview.html",
        {
            "authenticators": apps,
            "passkeys": keys,
            "enrolled": enrolled,
            "codes_left": policy.recovery_codes_left(user) if enrolled else 0,
            "must_enrol": policy.must_enrol(user),
            "next": _next_url(request, default=""),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    user = request.user
    next_url = _next_url(request, default=settings.LOGIN_REDIRECT_URL)
    if user.is_verified():
        return redirect(next_url)
    apps, keys = policy.authenticators(user), policy.passkeys(user)
    if not (apps or keys):
        return redirect(_with_next(reverse("mfa:overview"), next_url))

    code_form, recovery_form = AuthenticatorCodeForm(), RecoveryCodeForm()
    if request.method == "POST":
        method = request.POST.get("method")
        if method == "totp" and apps:
            form = code_form = AuthenticatorCodeForm(request.POST)
            field, check = "code", check_authenticator_code
        elif method == "recovery":
            form = recovery_form = RecoveryCodeForm(request.POST)
            field, check = "recovery_code", check_recovery_code
        else:
            form = None
        if form is not None and form.is_valid():
            device, locked_until = check(user, form.cleaned_data[field])
            if device is not None:
                mark_verified(request, device, method)
                if method == "recovery":
                    _warn_codes_running_out(request)
                return redirect(next_url)
            if locked_until is not None:
                record(Action.MFA_FAILED, request=request, subject=user, method=method, throttled=True)
                form.add_error(field, _wait_message(locked_until))
            else:
                failures = request.session.get(policy.FAILURES_KEY, 0) + 1
                request.session[policy.FAILURES_KEY] = failures
                record(Action.MFA_FAILED, request=request, subject=user, method=method, failures=failures)
                if failures >= settings.MFA_MAX_FAILURES:
                    return _sign_out_after_failures(request, next_url)
                left = settings.MFA_MAX_FAILURES - failures
                form.add_error(
                    field,
                    (
                        _(
                            "That code is not right. Check you are reading the code for Learning Hub and try again."
                        )
                        if method == "totp"
                        else _("That recovery code is not right, or it has been used already.")
                    )
                    + " "
                    + ngettext(
                        "After %(count)d more wrong code you will be signed out.",
                        "After %(count)d more wrong codes you will be signed out.",
                        left,
                    )
                    % {"count": left},
                )

    return render(
        request,
        "mfa/verify.html",
        {
            "code_form": code_form,
            "recovery_form": recovery_form,
            "has_authenticator": bool(apps),
            "has_passkey": bool(keys),
            "next": next_url,
            "show_recovery": request.method == "POST" and request.POST.get("method") == "recovery",
        },
    )


def _warn_codes_running_out(request):
    left = policy.recovery_codes_left(request.user)
    if left <= 3:
        messages.warning(
            request,
            ngettext(
                "You have %(count)d recovery code left. Make a new set on the Two-step sign-in page.",
                "You have %(count)d recovery codes left. Make a new set on the Two-step sign-in page.",
                left,
            )
            % {"count": left},
        )


def _sign_out_after_failures(request, next_url):
    logout(request)
    messages.error(
        request,
        _("Too many wrong codes: you have been signed out. Sign in again to try once more."),
    )
    login_url = reverse("wagtailadmin_login") if next_url.startswith("/admin/") else reverse("login")
    return redirect(_with_next(login_url, next_url))


def _setup_device(request):
    user = request.user
    device = TOTPDevice.objects.filter(
        pk=request.session.get(policy.TOTP_SETUP_KEY), user=user, confirmed=False
    ).first()
    if device is None:
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
        request.session[policy.TOTP_SETUP_KEY] = device.pk
    return device


@never_cache
@require_http_methods(["GET", "POST"])
def authenticator_setup(request):
    if response := _needs_verification(request):
        return response
    next_url = _next_url(request, default="")
    device = _setup_device(request)
    form = AuthenticatorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, data = device.verify_is_allowed()
        if not allowed:
            form.add_error("code", _wait_message(data["locked_until"]))
        elif device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            request.session.pop(policy.TOTP_SETUP_KEY, None)
            if after_enrolment(request, device, "totp"):
                return redirect(_with_next(reverse("mfa:recovery_codes"), next_url))
            messages.success(request, _("Your authenticator app is set up."))
            return redirect(next_url or reverse("mfa:overview"))
        else:
            form.add_error(
                "code",
                _(
                    "That code does not match. Make sure the phone's clock is set automatically, "
                    "then enter the code the app shows now."
                ),
            )
    return render(
        request,
        "mfa/authenticator_setup.html",
        {
            "form": form,
            "qr_svg": qr_code_svg(device, title=_("QR code for your authenticator app")),
            "secret": authenticator_secret(device),
            "next": next_url,
        },
    )


@never_cache
def passkey_setup(request):
    if response := _needs_verification(request):
        return response
    next_url = _next_url(request, default="")
    return render(
        request,
        "mfa/passkey_setup.html",
        {
            "next": next_url,
            "done_url": _with_next(reverse("mfa:recovery_codes"), next_url),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def recovery_codes(request):
    """GET shows newly made codes once; POST replaces the codes with a new set."""
    if response := _needs_verification(request):
        return response
    next_url = _next_url(request, default="")
    if request.method == "POST":
        if not policy.has_primary_device(request.user):
            messages.error(request, _("Set up an authenticator app or a passkey first."))
            return redirect("mfa:overview")
        _new_recovery_codes(request, reason="regenerated")
        return redirect(_with_next(reverse("mfa:recovery_codes"), next_url))
    codes = request.session.pop(policy.NEW_CODES_KEY, None)
    if not codes:
        return redirect(next_url or reverse("mfa:overview"))
    return render(
        request,
        "mfa/recovery_codes.html",
        {"codes": [f"{code[:4]}-{code[4:]}" for code in codes], "next": next_url},
    )


DEVICE_KINDS = {"authenticator": TOTPDevice, "passkey": WebAuthnCredential}


@never_cache
@require_http_methods(["GET", "POST"])
def remove(request, kind, pk):
    if response := _needs_verification(request):
        return response
    model = DEVICE_KINDS.get(kind)
    if model is None:
        raise Http404
    user = request.user
    device = model.objects.filter(user=user, confirmed=True, pk=pk).first()
    if device is None:
        raise Http404
    remaining = [d for d in policy.primary_devices(user) if not (isinstance(d, model) and d.pk == device.pk)]
    if not remaining and policy.must_enrol(user):
        messages.error(
            request,
            _(
                "Your role needs two-step sign-in. Add another authenticator app or passkey before removing this one."
            ),
        )
        return redirect("mfa:overview")

    form = ConfirmPasswordForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        was_session_device = (
            user.otp_device is not None and user.otp_device.persistent_id == device.persistent_id
        )
        label = str(device)
        device.delete()
        record(Action.MFA_REMOVED, request=request, subject=user, obj=label, method=kind)
        if remaining:
            if was_session_device:
                # Still the same person who verified this session a moment ago.
                otp_login(request, remaining[0])
            messages.success(request, _("Removed."))
        else:
            StaticDevice.objects.filter(user=user).delete()
            policy.remember_required(request, False)
            messages.success(request, _("Two-step sign-in is off: your password alone signs you in."))
        return redirect("mfa:overview")
    return render(
        request,
        "mfa/remove.html",
        {"form": form, "device": device, "kind": kind, "last": not remaining},
    )
