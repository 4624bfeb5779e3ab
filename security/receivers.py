"""Sign-ins, sign-outs and failed sign-ins, from Django's own signals, so every login form
(the learner site, the Wagtail admin) is logged the same way. A single sign-on is recorded once,
as SSO_SIGNED_IN by people/sso.py, with the provider's claims."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .log import Action, record

SSO_BACKEND = "people.sso.OrganisationAccountBackend"


@receiver(user_logged_in, dispatch_uid="security.signed_in")
def signed_in(sender, request, user, **kwargs):
    if request is None or "REMOTE_ADDR" not in request.META:
        # Client.force_login and scripts build a bare request (no REMOTE_ADDR): no HTTP sign-in.
        return
    backend = getattr(user, "backend", "") or ""
    if backend == SSO_BACKEND:
        return  # people/sso.py records SSO_SIGNED_IN instead, with the provider's claims
    record(Action.SIGNED_IN, request=request, actor=user, subject=user, backend=backend.rsplit(".", 1)[-1])


@receiver(user_logged_out, dispatch_uid="security.signed_out")
def signed_out(sender, request, user, **kwargs):
    if user is not None:
        record(Action.SIGNED_OUT, request=request, actor=user, subject=user)


@receiver(user_login_failed, dispatch_uid="security.sign_in_failed")
def sign_in_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password in ``credentials``; keep only the name tried.
    tried = str(credentials.get("username") or credentials.get("email") or "")[:150]
    subject = None
    if tried:
        try:
            subject = get_user_model().objects.get_by_natural_key(tried)
        except get_user_model().DoesNotExist:
            subject = None
    record(Action.SIGN_IN_FAILED, request=request, subject=subject, username=tried)
