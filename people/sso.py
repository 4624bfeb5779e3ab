"""Single sign-on through the organisation's OpenID Provider (Microsoft Entra ID, Google
Workspace, Keycloak...), configured by environment variables (README, *Security*).

mozilla-django-oidc runs the protocol: state, nonce and PKCE kept in the session, the code
exchanged with the provider over the back channel, the ID token's signature checked against
the provider's keys. This module finds the provider's endpoints (discovery), adds the issuer
and audience checks, and decides who the person is: one staff record matched by a claim
(OIDC_MATCH_CLAIM: the email, in any case, or the employee ID), leavers refused, unknown
people refused unless OIDC_CREATE_USERS. Every outcome goes to the security log.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.generic import View

import jwt
import requests
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from people.session_user import KeptUserLookupMixin
from people.signin import home_url, remember_language
from security.log import Action, record

logger = logging.getLogger(__name__)

DISCOVERY_CACHE_SECONDS = 3600
# Explicit endpoint settings win over the issuer's discovery document.
ENDPOINTS = {
    "authorization_endpoint": "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "token_endpoint": "OIDC_OP_TOKEN_ENDPOINT",
    "userinfo_endpoint": "OIDC_OP_USER_ENDPOINT",
    "jwks_uri": "OIDC_OP_JWKS_ENDPOINT",
}

REFUSALS = {
    # reason: (HTTP status, what the person reads)
    "unavailable": (
        503,
        _("Your organisation’s sign-in service could not be reached. Try again in a few minutes."),
    ),
    "provider_error": (403, _("The sign-in was cancelled or refused at your organisation account.")),
    "session": (
        400,
        _(
            "This sign-in has expired, was already used or was started in another browser. "
            "Start again from the sign-in page."
        ),
    ),
    "token": (403, _("Your organisation’s answer could not be verified, so you are not signed in.")),
    "claim_missing": (
        403,
        _("Your organisation account did not send the detail this site identifies staff by (%(claim)s)."),
    ),
    "email_unverified": (403, _("Your organisation account’s email address is not verified.")),
    "unknown": (
        403,
        _(
            "No one in the staff directory matches your organisation account (%(value)s). "
            "Ask HR to add you, then sign in again."
        ),
    ),
    "inactive": (
        403,
        _("Your staff record is closed. If you have rejoined the organisation, ask HR to reopen it."),
    ),
    "conflict": (
        403,
        _(
            "Your organisation account’s details belong to another staff record, so no account "
            "could be made for you. Ask HR to check your email address and employee ID."
        ),
    ),
}


class SignInRefused(Exception):
    def __init__(self, reason, *, user=None, **detail):
        super().__init__(reason)
        self.reason = reason
        self.user = user
        self.detail = detail


def sso_enabled():
    return bool(
        settings.OIDC_RP_CLIENT_ID and (settings.OIDC_ISSUER or settings.OIDC_OP_AUTHORIZATION_ENDPOINT)
    )


def provider_endpoints():
    """The provider's endpoints and issuer: those set explicitly, the rest from the issuer's
    discovery document (kept an hour)."""
    issuer = settings.OIDC_ISSUER
    found = {"issuer": issuer}
    if issuer and not all(getattr(settings, name) for name in ENDPOINTS.values()):
        key = f"sso:discovery:{issuer}"
        document = cache.get(key)
        if document is None:
            url = issuer.rstrip("/") + "/.well-known/openid-configuration"
            try:
                response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
                response.raise_for_status()
                document = response.json()
            except (requests.RequestException, ValueError) as exc:
                raise SignInRefused("unavailable", error=f"discovery: {exc}"[:300]) from exc
            if str(document.get("issuer", "")).rstrip("/") != issuer.rstrip("/"):
                raise SignInRefused("unavailable", error=f"discovery names issuer {document.get('issuer')!r}")
            cache.set(key, document, DISCOVERY_CACHE_SECONDS)
        found.update({field: document.get(field, "") for field in ENDPOINTS})
        found["issuer"] = document["issuer"]
    found.update(
        {field: getattr(settings, name) for field, name in ENDPOINTS.items() if getattr(settings, name)}
    )
    if not (found.get("authorization_endpoint") and found.get("token_endpoint") and found.get("jwks_uri")):
        raise SignInRefused("unavailable", error="authorization, token or JWKS endpoint unknown")
    return found


def _is_false(value):
    return value is False or str(value).lower() == "false"


class OrganisationAccountBackend(OIDCAuthenticationBackend):
    """Signs in the staff member the provider vouches for. Raises SignInRefused (with the
    reason) instead of returning None, so the callback can tell the person what went wrong."""

    def __init__(self, *args, **kwargs):
        # Endpoints are looked up when someone comes back from the provider, not whenever
        # Django lists its backends: password sign-in never waits on the provider.
        self.UserModel = get_user_model()

    def authenticate(self, request, nonce=None, code_verifier=None, **credentials):
        if request is None or credentials or nonce is None or not sso_enabled():
            return None  # a password sign-in, or SSO is off
        self.provider = provider_endpoints()
        self.OIDC_OP_TOKEN_ENDPOINT = self.provider["token_endpoint"]
        self.OIDC_OP_USER_ENDPOINT = self.provider.get("userinfo_endpoint")
        self.OIDC_OP_JWKS_ENDPOINT = self.provider["jwks_uri"]
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        self.OIDC_RP_IDP_SIGN_KEY = None
        try:
            return super().authenticate(request, nonce=nonce, code_verifier=code_verifier)
        except requests.HTTPError as exc:
            # The provider answered but refused (a used code, a wrong PKCE verifier, bad secret).
            status = exc.response.status_code if exc.response is not None else 0
            reason = "unavailable" if status >= 500 else "token"
            raise SignInRefused(reason, error=str(exc)[:300]) from exc
        except requests.RequestException as exc:
            raise SignInRefused("unavailable", error=str(exc)[:300]) from exc
        except (SuspiciousOperation, jwt.InvalidTokenError) as exc:
            raise SignInRefused("token", error=str(exc)[:300]) from exc

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        if "nonce" in kwargs:  # the ID token (a signed userinfo answer has no nonce)
            issuer = self.provider.get("issuer")
            if issuer and payload.get("iss") != issuer:
                raise SuspiciousOperation("The ID token comes from another issuer.")
            audience = payload.get("aud")
            audiences = [audience] if isinstance(audience, str) else list(audience or [])
            if self.OIDC_RP_CLIENT_ID not in audiences or (
                len(audiences) > 1 and payload.get("azp") != self.OIDC_RP_CLIENT_ID
            ):
                raise SuspiciousOperation("The ID token was issued to another client.")
        return payload

    def get_or_create_user(self, access_token, id_token, payload):
        # Claims from the ID token (Entra ID puts the employee ID there) and from userinfo.
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT:
            userinfo = self.get_userinfo(access_token, id_token, payload)
            if userinfo.get("sub") != payload.get("sub"):
                raise SuspiciousOperation("userinfo describes someone else than the ID token.")
            claims.update(userinfo)
        self.request.sso_claims = claims
        return self.match(claims)

    def match(self, claims):
        email = str(claims.get(settings.OIDC_EMAIL_CLAIM) or "").strip()
        employee_id = str(claims.get(settings.OIDC_EMPLOYEE_ID_CLAIM) or "").strip()
        if settings.OIDC_MATCH_CLAIM == "employee_id":
            claim, value, lookup = settings.OIDC_EMPLOYEE_ID_CLAIM, employee_id, {"employee_id": employee_id}
        else:
            claim, value, lookup = settings.OIDC_EMAIL_CLAIM, email, {"email__iexact": email}
        if not value:
            raise SignInRefused("claim_missing", claim=claim)
        if claim == settings.OIDC_EMAIL_CLAIM and _is_false(claims.get("email_verified")):
            raise SignInRefused("email_unverified", claim=claim, value=value)
        # Email and employee ID are each unique in the directory: at most one match.
        user = self.UserModel.objects.filter(**lookup).first()
        if user is None:
            if not settings.OIDC_CREATE_USERS:
                raise SignInRefused("unknown", claim=claim, value=value)
            return self.create_from_claims(claims, email, employee_id)
        if not user.is_active:
            raise SignInRefused("inactive", user=user, claim=claim, value=value)
        return user

    def create_from_claims(self, claims, email, employee_id):
        """A new staff record from the provider's claims (OIDC_CREATE_USERS), with no password."""
        if not email:
            raise SignInRefused("claim_missing", claim=settings.OIDC_EMAIL_CLAIM)
        if _is_false(claims.get("email_verified")):
            raise SignInRefused("email_unverified", claim=settings.OIDC_EMAIL_CLAIM, value=email)
        users = self.UserModel.objects
        if users.filter(email__iexact=email).exists() or (
            employee_id and users.filter(employee_id=employee_id).exists()
        ):
            raise SignInRefused("conflict", email=email, employee_id=employee_id)
        base = (employee_id or email.split("@")[0]).lower()[:140]
        username, number = base, 1
        while users.filter(username__iexact=username).exists():
            number += 1
            username = f"{base}-{number}"
        try:
            with transaction.atomic():
                user = users.create_user(
                    username,
                    email=email,
                    full_name=str(claims.get("name") or "")[:200],
                    employee_id=employee_id[:64] or None,
                )
        except IntegrityError as exc:  # someone else's first sign-in took the same details
            raise SignInRefused("conflict", email=email, employee_id=employee_id) from exc
        record(Action.USER_CREATED, request=self.request, subject=user, via="single sign-on")
        return user

    def get_user(self, user_id):
        # Unlike mozilla-django-oidc's, checks is_active: a leaver's open session ends.
        return KeptUserLookupMixin.get_user(self, user_id)


def refused(request, refusal):
    status, message = REFUSALS[refusal.reason]
    record(Action.SSO_REFUSED, request=request, subject=refusal.user, reason=refusal.reason, **refusal.detail)
    logger.info("single sign-on refused: %s %s", refusal.reason, refusal.detail)
    context = {"message": message % {"claim": "", "value": "", **refusal.detail}, "reason": refusal.reason}
    return render(request, "registration/sso_refused.html", context, status=status)


class SignInView(OIDCAuthenticationRequestView):
    """/oidc/authenticate/?next=...: off to the provider, with a fresh state, nonce and PKCE
    challenge kept in the session."""

    def __init__(self, **kwargs):
        View.__init__(self, **kwargs)  # the endpoints are looked up per request, in get()

    def get(self, request):
        if not sso_enabled():
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = provider_endpoints()["authorization_endpoint"]
        except SignInRefused as refusal:
            return refused(request, refusal)
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        return super().get(request)


class CallbackView(OIDCAuthenticationCallbackView):
    """/oidc/callback/: the provider sends the person back here with a code and the state."""

    def get(self, request):
        if not sso_enabled():
            raise Http404
        try:
            answered, expected = request.GET.get("iss"), provider_endpoints()["issuer"]
            if answered and expected and answered != expected:  # RFC 9207: which provider answered
                raise SignInRefused("token", error=f"answer from issuer {answered!r}"[:300])
            return super().get(request)
        except SuspiciousOperation:  # mozilla-django-oidc: a state this session never started
            return refused(request, SignInRefused("session"))
        except SignInRefused as refusal:
            return refused(request, refusal)

    def login_failure(self):
        error = self.request.GET.get("error")
        if error:
            description = self.request.GET.get("error_description", "")
            return refused(
                self.request,
                SignInRefused("provider_error", error=error[:100], description=description[:300]),
            )
        return refused(self.request, SignInRefused("session"))

    def login_success(self):
        self.next_url = self.request.session.pop("oidc_login_next", None)
        response = super().login_success()  # auth.login: Django's user_logged_in fires
        claims = getattr(self.request, "sso_claims", {})
        match_claim = (
            settings.OIDC_EMPLOYEE_ID_CLAIM
            if settings.OIDC_MATCH_CLAIM == "employee_id"
            else settings.OIDC_EMAIL_CLAIM
        )
        record(
            Action.SSO_SIGNED_IN,
            request=self.request,
            actor=self.user,
            subject=self.user,
            issuer=claims.get("iss", ""),
            sub=claims.get("sub", ""),
            claim=match_claim,
            value=str(claims.get(match_claim, "")),
        )
        return remember_language(response, self.user)

    @property
    def success_url(self):
        return self.next_url or home_url(self.user)


sign_in = login_not_required(SignInView.as_view())
callback = login_not_required(CallbackView.as_view())
