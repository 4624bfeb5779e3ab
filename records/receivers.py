"""What learning records do when the quiz engine reports (``quizzes.signals``); connected
in ``RecordsConfig.ready``."""

from records.services import progress


def on_attempt_submitted(sender, attempt, **kwargs):
    """A passed quiz completes its module, and the course once every required module is."""
    if attempt.passed and attempt.module is not None:
        progress.module_quiz_passed(attempt.user, attempt.module, attempt.submitted_at)
