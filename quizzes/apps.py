from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Learning records")

    def ready(self):
        from people.signals import roster_imported
        from quizzes.services.assignments import on_roster_imported

        # New joiners and movers from a roster import get their assigned courses at once.
        roster_imported.connect(on_roster_imported, dispatch_uid="quizzes_apply_rules_on_roster_import")
