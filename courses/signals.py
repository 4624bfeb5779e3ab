"""Events of the page tree other apps act on (courses imports no app above it).

- ``module_changed_materially(sender=ModuleVersion, version=...)``: a module was published
  with a material change (``courses.versions``); ``version`` is its new ``ModuleVersion``.
  Sent inside the transaction that records the version, so a receiver's rows commit with it
  (records re-opens the module for the people it concerns)."""

from django.dispatch import Signal

module_changed_materially = Signal()
