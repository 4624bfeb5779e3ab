"""What the quiz engine tells the apps above it, which it never imports.

- ``attempt_submitted(sender=Attempt, attempt=...)``: an attempt was scored (once per
  attempt, never for a repeated submission). ``records.receivers`` completes the module,
  and the course, when it was passed. Sent inside the submission's transaction: a receiver
  writes in it (no commit of its own), so the attempt and all that follows from it commit
  together or not at all; anything sent outside waits for ``transaction.on_commit``."""

from django.dispatch import Signal

attempt_submitted = Signal()
