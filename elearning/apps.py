from django.apps import AppConfig


class ElearningConfig(AppConfig):
    """The project package as an app only for its management commands (run_scheduler)."""

    name = "elearning"
    verbose_name = "Learning Hub"
