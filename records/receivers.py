"""What learning records do when the quiz engine reports (``quizzes.signals``); connected
in ``RecordsConfig.ready``."""

from records.services import progress


def on_attempt_submitted(sender, attempt, repeated=False, **kwargs):
    """A passed quiz completes its module, and the course once every required module is.
    Runs inside the submission's transaction and commits nothing of its own: a failure here
    undoes the submission, which the person can then submit again. A repeated submission
    finishes what is still owed in the attempt's own cycle of the course (progress recorded
    before submission was one transaction could stop half-way) and nothing after it."""
    if not attempt.passed or attempt.module is None:
        return
    if repeated and not progress.pass_still_unrecorded(attempt):
        return
    progress.module_quiz_passed(attempt.user, attempt.module, attempt.submitted_at)
