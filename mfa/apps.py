from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MfaConfig(AppConfig):
    default = True
    name = "mfa"
    verbose_name = _("Two-step sign-in")

    def ready(self):
        from . import signals  # noqa: F401
