from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("HR API")

    def ready(self):
        # Connects the tombstone and webhook receivers to records.signals and people.signals.
        from . import tombstones  # noqa: F401
        from .webhooks import events  # noqa: F401
