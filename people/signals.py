"""Signals the staff directory sends.

``roster_imported`` is sent after a roster import has written its changes (never on a dry
run), with ``created`` and ``updated`` (lists of users: new joiners and movers) and
``deactivated`` (users deactivated because they were missing from the file). Assignment
rules connect to it to enrol new joiners and movers.

``departments_changed`` is sent whenever people move between departments, with
``changes``: a list of (user id, old department id, new department id), inside the
transaction that writes the move, from every place that moves people: ``User.save`` (the
admin's edit, sign-in) and the roster import (whose bulk update bypasses ``save``). The HR
API connects to it (a person leaving a department-limited client's scope, api.tombstones)."""

from django.dispatch import Signal

roster_imported = Signal()
departments_changed = Signal()
