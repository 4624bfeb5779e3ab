from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo loader (``manage.py seed_demo``). No models: it only fills the other apps'.
    The top layer: it may import any app, and no app imports it."""

    name = "demo"
    verbose_name = _("Demo content")
