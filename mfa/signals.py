"""A new sign-in (any form, or single sign-on) decides afresh whether it needs a second factor."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .policy import forget_session_state


@receiver(user_logged_in, dispatch_uid="mfa.forget_session_state")
def signed_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        forget_session_state(request)
