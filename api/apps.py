from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("HR API")

    def ready(self):
        # Connects the webhook receivers to the learning records' events (records.signals).
        from .webhooks import events  # noqa: F401
