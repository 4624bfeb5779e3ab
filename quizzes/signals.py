"""What the quiz engine tells the apps above it, which it never imports.

- ``attempt_submitted(sender=Attempt, attempt=..., repeated=False)``: an attempt was
  scored. ``records.receivers`` completes the module, and the course, when it was passed.
  A repeated submission of a passed attempt sends it again with ``repeated=True``, so a
  receiver can finish what an earlier failure left undone (it must be safe to repeat). Sent inside the submission's transaction: a receiver
  writes in it (no commit of its own), so the attempt and all that follows from it commit
  together or not at all; anything sent outside waits for ``transaction.on_commit``."""

from django.dispatch import Signal

attempt_submitted = Signal()
