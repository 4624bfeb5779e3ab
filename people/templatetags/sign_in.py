from django import template
from django.conf import settings
from django.utils.translation import gettext as _

from people.signin import passwords_for_everyone
from people.sso import sso_enabled

register = template.Library()


@register.simple_tag
def sign_in_options():
    """What the sign-in pages offer: the organisation account button (when SSO is set up),
    and whether everyone may still use a password."""
    return {
        "sso": sso_enabled(),
        "label": settings.OIDC_BUTTON_LABEL or _("Sign in with your organisation account"),
        "passwords_for_everyone": passwords_for_everyone(),
    }
