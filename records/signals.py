"""Events other apps may act on (the HR API's webhooks), sent by records.services inside
the transaction that records them, so a receiver can write its own rows atomically with
the event and defer anything slow with ``transaction.on_commit``.

- ``completion_created(sender=CourseCompletion, completion=...)``: a course was completed.
- ``completion_revoked(sender=CourseCompletion, completion=...)``: HR revoked a completion.
- ``enrolments_overdue(sender=Enrolment, enrolments=<queryset>)``: the daily status update
  made these enrolments overdue (a queryset, so receivers read only what they need).
- ``person_erased(sender=User, user=..., enrolment_ids=[...], completion_ids=[...],
  department_id=...)``: a person's personal data was erased (records.privacy); ``user`` is
  already pseudonymised, the ids are their records that stay (scores and dates), and
  ``department_id`` their department at the time.
- ``updates_required(sender=Enrolment, enrolments=<queryset>)``: a material change to a
  module re-opened it for the people of these enrolments (recertification)."""

from django.dispatch import Signal

completion_created = Signal()
completion_revoked = Signal()
enrolments_overdue = Signal()
person_erased = Signal()
updates_required = Signal()
