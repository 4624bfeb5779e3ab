"""The joining pages, for people without an account (so outside the site's sign-in wall):
an invitation's landing page, registering with an organisation's address, "check your inbox",
and confirming the address, which creates the account and signs the person in.

Every page is throttled per client address (``throttle``) and every outcome is in the
security log. A GET changes nothing: the verification link opens a page whose button POSTs."""

from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from partners import joining, throttle
from partners.forms import JoinForm, RegisterForm
from partners.models import Invitation
from security.log import Action, record

# The account is made here with the password the person chose: no other backend applies.
SIGN_IN_BACKEND = "people.signin.LocalPasswordBackend"


def _throttled(request, kind):
    record(Action.PARTNER_REGISTRATION_REFUSED, request=request, reason="throttled", route=kind)
    response = TemplateResponse(request, "partners/throttled.html", {}, status=429)
    response["Retry-After"] = "600"
    return response


def _refused(request, reason, status, **detail):
    record(Action.PARTNER_REGISTRATION_REFUSED, request=request, reason=reason, **detail)
    return TemplateResponse(request, "partners/refused.html", {"reason": reason}, status=status)


def _signed_in_elsewhere(request):
    return redirect("dashboard") if request.user.is_authenticated else None


@login_not_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def register(request):
    """Registering with an address at an active partner organisation's email domain."""
    if signed_in := _signed_in_elsewhere(request):
        return signed_in
    if request.method != "POST":
        return TemplateResponse(request, "partners/register.html", {"form": RegisterForm()})
    if not throttle.allowed(request, "register"):
        return _throttled(request, "register")
    form = RegisterForm(request.POST)
    if not form.is_valid():
        if form.has_error("email", "domain_not_allowed"):
            record(
                Action.PARTNER_REGISTRATION_REFUSED,
                request=request,
                reason="domain_not_allowed",
                route="domain",
                domain=joining.email_domain(request.POST.get("email", ""))[:100],
            )
        return TemplateResponse(request, "partners/register.html", {"form": form}, status=400)
    _request_account(request, form, form.organisation)
    return redirect("partners:check_inbox")


@login_not_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def join(request, token):
    """An invitation's landing page: who invites, and the registration form."""
    if signed_in := _signed_in_elsewhere(request):
        return signed_in
    if not throttle.allowed(request, "join"):
        return _throttled(request, "join")
    invitation = Invitation.objects.for_token(token)
    if invitation is None:
        return _refused(request, "unknown_invitation", 404, route="invitation")
    if not invitation.is_usable():
        reason = (
            "invitation_revoked"
            if invitation.is_revoked
            else "invitation_used_up"
            if invitation.used_count >= invitation.max_uses
            else "invitation_expired"
        )
        return _refused(request, reason, 410, route="invitation", invitation=invitation.pk)
    form = JoinForm(request.POST if request.method == "POST" else None)
    context = {"form": form, "organisation": invitation.organisation}
    if request.method != "POST":
        return TemplateResponse(request, "partners/join.html", context)
    if not form.is_valid():
        return TemplateResponse(request, "partners/join.html", context, status=400)
    _request_account(request, form, invitation.organisation, invitation)
    return redirect("partners:check_inbox")


def _request_account(request, form, organisation, invitation=None):
    joining.request_account(
        request,
        email=form.cleaned_data["email"],
        full_name=form.cleaned_data["full_name"],
        language=form.cleaned_data["language"],
        password_hash=form.password_hash(),
        organisation=organisation,
        invitation=invitation,
    )


@login_not_required
@require_safe
def check_inbox(request):
    return TemplateResponse(request, "partners/check_inbox.html", {})


@login_not_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def verify(request, token):
    """GET: the confirmation page (mail scanners that follow links change nothing); POST:
    the account is created, the person signed in and taken to their learning, in their
    language."""
    if not throttle.allowed(request, "verify"):
        return _throttled(request, "verify")
    if request.method != "POST":
        try:
            registration = joining.pending_registration(token)
        except joining.VerificationFailed as failure:
            return _refused(
                request, failure.reason, 404 if failure.reason == "unknown" else 410, route="verify"
            )
        return TemplateResponse(request, "partners/verify.html", {"registration": registration})
    try:
        user = joining.verify(request, token)
    except joining.VerificationFailed as failure:
        status = 404 if failure.reason == "unknown_or_expired" else 410
        return TemplateResponse(request, "partners/refused.html", {"reason": failure.reason}, status=status)
    login(request, user, backend=SIGN_IN_BACKEND)
    with translation.override(user.preferred_language):
        return redirect(reverse("dashboard"))
