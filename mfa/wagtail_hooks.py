from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button

from .admin_views import ResetSecondFactorView


@hooks.register("register_admin_urls")
def register_reset_url():
    return [
        path(
            "two-step-sign-in/reset/<int:user_id>/", ResetSecondFactorView.as_view(), name="mfa_admin_reset"
        ),
    ]


@hooks.register("register_user_listing_buttons")
def reset_button(user, request_user):
    if request_user.is_superuser and user.pk != request_user.pk:
        yield Button(
            _("Reset two-step sign-in"),
            reverse("mfa_admin_reset", args=[user.pk]),
            icon_name="key",
            priority=60,
        )


@hooks.register("register_account_menu_item")
def own_two_step_sign_in(request):
    return {
        "url": reverse("mfa:overview"),
        "label": _("Two-step sign-in"),
        "help_text": _("Your authenticator app, passkeys and recovery codes."),
    }
