"""What every sign-in shares, whichever way the person came in: where they land, the language
cookie, and who may still use a local password (LOCAL_PASSWORD_LOGIN)."""

from django import forms
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.forms import PasswordResetForm
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from people.focal_points import focal_organisation
from people.session_user import KeptUserLookupMixin

PASSWORDS_OFF = _(
    "Staff sign in with their organisation account: use the “Sign in with your organisation "
    "account” button. Password sign-in is kept for administrators’ emergency access."
)


def home_url(user):
    """Where the person lands: the learner site's home page in their preferred language; a
    partner organisation's focal point, their organisation's report (people.focal_points)."""
    language = getattr(user, "preferred_language", None) or settings.LANGUAGE_CODE
    with override(language):
        if focal_organisation(user) is not None:
            return reverse("partner_report")
        return reverse("wagtail_serve", args=[""])


def remember_language(response, user):
    """Keeps the person's preferred language for the pages that follow."""
    language = getattr(user, "preferred_language", None)
    if language in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
        )
    return response


def passwords_for_everyone():
    return settings.LOCAL_PASSWORD_LOGIN == "everyone"  # noqa: S105 (a policy name)


def password_login_allowed(user):
    """With LOCAL_PASSWORD_LOGIN = "superusers", only superusers keep a password sign-in
    (break-glass for when the organisation's provider is down); everyone else uses SSO.
    Partner learners have no account with the organisation's provider: they keep theirs."""
    return passwords_for_everyone() or user.is_superuser or user.is_partner


class LocalPasswordBackend(KeptUserLookupMixin, ModelBackend):
    """Django's username/password check, for the people the policy still allows. A refusal
    of a correct password is marked on the request so the form can say why."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None and not password_login_allowed(user):
            if request is not None:
                request.password_login_refused = True
            return None
        return user


class PasswordPolicyMixin:
    """For sign-in forms: a correct password the policy refuses gets a message pointing to
    single sign-on instead of "wrong password"."""

    def get_invalid_login_error(self):
        if getattr(self.request, "password_login_refused", False):
            return forms.ValidationError(PASSWORDS_OFF, code="password_login_off")
        return super().get_invalid_login_error()


class AdminLoginForm(PasswordPolicyMixin, WagtailLoginForm):
    """The Wagtail admin's sign-in form (WAGTAILADMIN_USER_LOGIN_FORM)."""


class PolicyPasswordResetMixin:
    """Password reset emails go only to people allowed a password; the page says the same
    thing whoever asks, so it reveals nothing about who has an account."""

    def get_users(self, email):
        return (user for user in super().get_users(email) if password_login_allowed(user))


class StaffPasswordResetForm(PolicyPasswordResetMixin, PasswordResetForm):
    pass


class AdminPasswordResetForm(PolicyPasswordResetMixin, WagtailPasswordResetForm):
    """The Wagtail admin's password reset form (WAGTAILADMIN_USER_PASSWORD_RESET_FORM)."""
