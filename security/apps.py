from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "security"
    verbose_name = _("Security log")

    def ready(self):
        from . import account_changes, receivers  # noqa: F401  (receivers: the sign-in signals)

        account_changes.connect()
