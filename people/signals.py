"""Signals the staff directory sends.

``roster_imported`` is sent after a roster import has written its changes (never on a dry
run), with ``created`` and ``updated`` (lists of users: new joiners and movers) and
``deactivated`` (users deactivated because they were missing from the file). Assignment
rules connect to it to enrol new joiners and movers."""

from django.dispatch import Signal

roster_imported = Signal()
