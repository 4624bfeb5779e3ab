"""The rule: a session that needs a second factor reaches nothing but the two-step pages,
sign-out and the language switch until the second factor is presented.

It works on the session, not on a login form: whichever way the person signed in (the
learner form, the Wagtail admin's, single sign-on), ``request.user.is_verified()`` (set by
django_otp's OTPMiddleware) stays false until a code, recovery code or passkey is accepted."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from . import policy

# Views a session waiting for its second factor may use.
ALLOWED_NAMESPACES = {"mfa", "otp_webauthn"}
ALLOWED_URL_NAMES = {"logout", "wagtailadmin_logout", "set_language"}
# Not session-authenticated (API keys) or not personal (health checks, static files).
ALLOWED_PREFIXES = ("/api/", "/healthz", "/static/")
ADMIN_PREFIX = "/admin/"


def _allowed(request):
    if request.path_info.startswith(ALLOWED_PREFIXES):
        return True
    match = request.resolver_match
    if match is None:
        return False
    return match.url_name in ALLOWED_URL_NAMES or bool(ALLOWED_NAMESPACES & set(match.namespaces))


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified() or _allowed(request):
            return None

        required = request.session.get(policy.REQUIRED_KEY)
        if required is None or (
            # A role given during this session counts at once for the admin.
            not required
            and settings.MFA_REQUIRED_FOR_ADMIN_ROLES
            and request.path_info.startswith(ADMIN_PREFIX)
        ):
            required = policy.second_factor_required(user)
            policy.remember_required(request, required)
        if not required:
            return None

        if policy.has_primary_device(user):
            target = "mfa:verify"
        elif policy.must_enrol(user):
            target = "mfa:overview"
        else:
            # Enrolment was removed (by the person elsewhere, or reset by a superuser).
            policy.remember_required(request, False)
            return None
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
