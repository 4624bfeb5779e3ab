"""Password reset requests, throttled per address and per email.

Both reset forms (the site's ``/accounts/password_reset/`` and Wagtail's
``/admin/password_reset/``) answer every request the same way ("if the address belongs to an
account, we sent a link"), so nobody learns which addresses exist. Behind that answer, at most
``PASSWORD_RESET_LIMIT_PER_ADDRESS`` requests from one client address and
``PASSWORD_RESET_LIMIT_PER_EMAIL`` requests for one email are acted on per
``PASSWORD_RESET_WINDOW_MINUTES``; past that no email is sent, so nobody can flood a
colleague's inbox or probe the form at speed. Every request is in the security log, the
throttled ones marked."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.views import PasswordResetView

from elearning.client_ip import client_ip
from elearning.window_counts import count_in_window
from people.signin import AdminPasswordResetForm, StaffPasswordResetForm
from security.log import Action, record


def _count(kind, value, window):
    return count_in_window("signin:password-reset", kind, value, window)


def reset_request_allowed(request, email):
    """Count this request against its address and its email; False once either is over."""
    window = settings.PASSWORD_RESET_WINDOW_MINUTES * 60
    by_address = _count("address", client_ip(request) if request is not None else None, window)
    by_email = _count("email", email.strip().lower(), window)
    return (
        by_address <= settings.PASSWORD_RESET_LIMIT_PER_ADDRESS
        and by_email <= settings.PASSWORD_RESET_LIMIT_PER_EMAIL
    )


class ThrottledResetMixin:
    form_label = "site"

    def save(self, *args, request=None, **kwargs):
        email = self.cleaned_data["email"]
        allowed = reset_request_allowed(request, email)
        User = get_user_model()
        subject = User.objects.filter(email__iexact=email).first()
        record(
            Action.PASSWORD_RESET_REQUESTED,
            request=request,
            subject=subject,
            email=email[:254],
            form=self.form_label,
            throttled=not allowed,
        )
        if allowed:
            return super().save(*args, request=request, **kwargs)
        return None


class ThrottledPasswordResetForm(ThrottledResetMixin, StaffPasswordResetForm):
    pass


class ThrottledAdminPasswordResetForm(ThrottledResetMixin, AdminPasswordResetForm):
    """``WAGTAILADMIN_USER_PASSWORD_RESET_FORM``."""

    form_label = "admin"


class ThrottledPasswordResetView(PasswordResetView):
    form_class = ThrottledPasswordResetForm
