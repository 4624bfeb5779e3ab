"""A new sign-in (any form, or single sign-on) decides afresh whether the session needs a second
factor, and remembers the answer in the session so ordinary pages cost no extra query."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .policy import forget_session_state, remember_required, second_factor_required


@receiver(user_logged_in, dispatch_uid="mfa.session_state")
def signed_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        forget_session_state(request)
        remember_required(request, second_factor_required(user))
