"""django-otp-webauthn's passkey endpoints, with the security log and our enrolment rules.

Mounted under the library's own namespace (``otp_webauthn``) so its JavaScript (served from our
static files) finds them. Passkeys are a second factor only: passwordless sign-in is off."""

import json

from django.contrib import messages
from django.urls import path
from django.utils.translation import gettext as _
from django.views.i18n import JavaScriptCatalog

from django_otp_webauthn import views as upstream
from django_otp_webauthn.models import WebAuthnCredential

from security.log import Action, record

from .views import after_enrolment, mark_verified


def _device_from(response):
    if response.status_code != 200:
        return None
    device_id = json.loads(response.content).get("id")
    return WebAuthnCredential.objects.filter(pk=device_id).first()


class BeginRegistration(upstream.BeginCredentialRegistrationView):
    pass


class CompleteRegistration(upstream.CompleteCredentialRegistrationView):
    def post(self, *args, **kwargs):
        was_verified = self.request.user.is_verified()
        response = super().post(*args, **kwargs)
        device = _device_from(response)
        if device is not None:
            if not device.name:
                # Authenticators the library does not recognise leave the name empty.
                device.name = "Passkey"
                device.save(update_fields=["name"])
            if not was_verified:
                # The library marked the session verified; do it our way (new session id, log).
                self.request.session.cycle_key()
            after_enrolment(self.request, device, "passkey")
            messages.success(self.request, _("Your passkey is set up."))
        return response


class BeginAuthentication(upstream.BeginCredentialAuthenticationView):
    pass


class CompleteAuthentication(upstream.CompleteCredentialAuthenticationView):
    def complete_auth(self, device):
        # Only ever the second factor of a signed-in person (passwordless sign-in is off).
        mark_verified(self.request, device, "passkey")

    def handle_exception(self, exc):
        user = self.request.user
        if user.is_authenticated:
            record(
                Action.MFA_FAILED,
                request=self.request,
                subject=user,
                method="passkey",
                reason=getattr(exc, "code", exc.__class__.__name__),
            )
        return super().handle_exception(exc)


app_name = "otp_webauthn"

urlpatterns = [
    path("registration/begin/", BeginRegistration.as_view(), name="credential-registration-begin"),
    path("registration/complete/", CompleteRegistration.as_view(), name="credential-registration-complete"),
    path("authentication/begin/", BeginAuthentication.as_view(), name="credential-authentication-begin"),
    path(
        "authentication/complete/",
        CompleteAuthentication.as_view(),
        name="credential-authentication-complete",
    ),
    path(
        "jsi18n/",
        JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
        name="js-i18n-catalog",
    ),
]
