"""What the quiz engine tells the apps above it, which it never imports.

- ``attempt_submitted(sender=Attempt, attempt=...)``: an attempt was scored (once per
  attempt, never for a repeated submission). ``records.receivers`` completes the module,
  and the course, when it was passed."""

from django.dispatch import Signal

attempt_submitted = Signal()
