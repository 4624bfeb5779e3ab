"""A superuser resets another person's two-step sign-in (lost phone): every authenticator app,
passkey and recovery code of theirs is deleted, and they enrol again at their next sign-in."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from security.log import Action, record

from . import policy


class ResetSecondFactorView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "mfa/admin/reset.html"
    page_title = gettext_lazy("Reset two-step sign-in")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if not (request.user.is_active and request.user.is_superuser):
            raise PermissionDenied
        self.person = get_object_or_404(get_user_model(), pk=kwargs["user_id"])
        if self.person.pk == request.user.pk:
            # Your own methods are removed from your Two-step sign-in page, with your password.
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.person)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            person=self.person,
            authenticators=policy.authenticators(self.person),
            passkeys=policy.passkeys(self.person),
            codes_left=policy.recovery_codes_left(self.person),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        person = self.person
        removed = [str(d) for d in policy.primary_devices(person)]
        for model in (TOTPDevice, WebAuthnCredential, StaticDevice):
            model.objects.filter(user=person).delete()
        record(
            Action.MFA_REMOVED,
            request=request,
            subject=person,
            reset_by_superuser=True,
            removed=removed,
        )
        messages.success(
            request,
            _("Two-step sign-in of %(person)s was reset. They set it up again at their next sign-in.")
            % {"person": person},
        )
        return redirect(reverse("wagtailusers_users:edit", args=[person.pk]))
