from django.apps import AppConfig


class ElearningConfig(AppConfig):
    """The project package as an app for its management commands (run_scheduler), its admin
    hooks (wagtail_hooks.py) and the admin's yes/no display (yes_no.py)."""

    name = "elearning"
    verbose_name = "Learning Hub"

    def ready(self):
        from elearning import yes_no

        yes_no.register()
