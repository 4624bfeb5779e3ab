from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "records"
    verbose_name = _("Learning records")

    def ready(self):
        from courses.signals import module_changed_materially
        from people.signals import roster_imported
        from quizzes.signals import attempt_submitted
        from records import checks  # noqa: F401 - registers the system checks
        from records.receivers import on_attempt_submitted
        from records.services.assignments import on_roster_imported
        from records.services.recertification import on_module_changed_materially

        # New joiners and movers from a roster import get their assigned courses at once.
        roster_imported.connect(on_roster_imported, dispatch_uid="records_apply_rules_on_roster_import")
        # A passed quiz completes its module (and maybe the course), in the submission's transaction.
        attempt_submitted.connect(on_attempt_submitted, dispatch_uid="records_progress_on_attempt_submitted")
        # A material change to a module re-opens it for the people trained on an older version.
        module_changed_materially.connect(
            on_module_changed_materially, dispatch_uid="records_reopen_on_material_change"
        )
