"""Security-log entries for lockouts, and the session stamps the admin session limits read."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from axes.handlers.proxy import AxesProxyHandler
from axes.signals import user_locked_out

from security.log import Action, record

from .sessions import stamp_session


@receiver(user_locked_out, dispatch_uid="signin.locked_out")
def locked_out(sender, request, username, ip_address, **kwargs):
    """Every refused sign-in while a lockout holds, and the failure that starts one."""
    credentials = getattr(request, "axes_credentials", None)
    locked, counts = AxesProxyHandler.get_implementation().locked_kinds(request, credentials)
    subject = get_user_model().objects.filter(username=username).first() if username else None
    record(
        Action.LOCKED_OUT,
        request=request,
        subject=subject,
        username=str(username or "")[:150],
        locked=locked,
        account_failures=counts.get("account", 0),
        address_failures=counts.get("address", 0),
        path=request.path[:200],
    )


@receiver(user_logged_in, dispatch_uid="signin.session_stamp")
def session_stamp(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        stamp_session(request.session, user)
