"""Writing tombstones (api.models.tombstones) when records leave a client's view, inside
the transaction that makes them leave:

- ``records.signals.person_erased``: an ``erased`` tombstone for each of the person's
  completions and enrolments, the person's data scrubbed from stored webhook deliveries,
  and a ``person.erased`` webhook (api.webhooks.events);
- ``people.signals.departments_changed``: a ``left_scope`` tombstone for each record of
  everyone who moved, and their records re-stamped, so a client that sees them after the
  move (newly, or again) reads them on its next incremental sync, with their new department.

Both are safe to repeat: an erasure sent twice writes no second tombstone."""

import json
import re

from django.db import transaction
from django.db.models import Q
from django.dispatch import receiver

from people.signals import departments_changed
from records import signals
from records.models import CourseCompletion, Enrolment
from records.models.sync import one_stamp, stamp_all, stamped_update

from . import scopes
from .models import Tombstone, WebhookAttempt, WebhookDelivery
from .models.webhooks import EVENT_SCOPES
from .webhooks import events

BATCH_SIZE = 500
KINDS = (
    (Tombstone.RecordType.COMPLETION, CourseCompletion),
    (Tombstone.RecordType.ENROLMENT, Enrolment),
)
# What a stored delivery's ``data`` says about the person (api.serializers.PersonFields).
PERSON_FIELDS = ("employee_id", "email", "name")


def write(tombstones):
    """Store tombstones with one sync stamp for all of them (one query for the stamp, and
    the bulk inserts); returns them with their ids."""
    if not tombstones:
        return []
    stamp_all(tombstones)
    return Tombstone.objects.bulk_create(tombstones, batch_size=BATCH_SIZE)


@receiver(signals.person_erased, dispatch_uid="api.tombstones.person_erased")
def person_erased(sender, user, enrolment_ids=(), completion_ids=(), department_id=None, **kwargs):
    if user.is_partner:
        return  # a partner learner was never in HR's feeds: nothing there to delete
    ids = {
        Tombstone.RecordType.COMPLETION: set(completion_ids),
        Tombstone.RecordType.ENROLMENT: set(enrolment_ids),
    }
    with transaction.atomic():
        already = Tombstone.objects.filter(
            reason=Tombstone.Reason.ERASED,
            record_type__in=list(ids),
            record_id__in=[*ids[Tombstone.RecordType.COMPLETION], *ids[Tombstone.RecordType.ENROLMENT]],
        ).values_list("record_type", "record_id")
        for kind, record_id in already:
            ids[kind].discard(record_id)
        written = write(
            [
                Tombstone(
                    record_type=kind,
                    record_id=record_id,
                    reason=Tombstone.Reason.ERASED,
                    department_id=department_id,
                )
                for kind in ids
                for record_id in sorted(ids[kind])
            ]
        )
        scrub_deliveries(completion_ids, enrolment_ids)
        events.person_erased(sender=sender, user=user, tombstones=written)


def _event_types(scope):
    """The events about one kind of record: those whose only scope is that record's."""
    return [event.value for event, needed in EVENT_SCOPES.items() if needed == scope]


def _keys_pattern(event_types, ids):
    """A regex for the event keys of these events about these records: every key is
    ``<event>:<record id>`` or ``<event>:<record id>:<more>`` (api.webhooks.events)."""
    names = "|".join(re.escape(event) for event in event_types)
    numbers = "|".join(str(int(pk)) for pk in sorted(ids))
    return rf"^({names}):({numbers})(:.*)?$"


def scrub_deliveries(completion_ids, enrolment_ids):
    """Stored webhook deliveries about the person's records keep no personal data: the
    person's fields in their bodies become null, a delivery still waiting is cancelled
    rather than sent, and what receivers answered is dropped. A few queries whatever the
    number of records."""
    condition = Q()
    for scope, ids in ((scopes.COMPLETIONS, completion_ids), (scopes.ENROLMENTS, enrolment_ids)):
        event_types = _event_types(scope)
        if ids and event_types:
            condition |= Q(event_key__regex=_keys_pattern(event_types, ids))
    if not condition:
        return 0
    deliveries = list(WebhookDelivery.objects.filter(condition).only("pk", "body", "state"))
    for delivery in deliveries:
        delivery.body = _redacted(delivery.body)
    WebhookDelivery.objects.bulk_update(deliveries, ["body"], batch_size=BATCH_SIZE)
    pks = [delivery.pk for delivery in deliveries]
    WebhookDelivery.objects.filter(pk__in=pks, state=WebhookDelivery.State.PENDING).update(
        state=WebhookDelivery.State.FAILED,
        next_attempt_at=None,
        last_outcome="Cancelled: the person's personal data was erased",
    )
    WebhookAttempt.objects.filter(delivery__in=pks).exclude(response_body="").update(response_body="")
    return len(deliveries)


def _redacted(body):
    try:
        payload = json.loads(body)
    except ValueError:
        return ""
    data = payload.get("data")
    if isinstance(data, dict):
        for name in PERSON_FIELDS:
            if name in data:
                data[name] = None
    return json.dumps(payload, separators=(",", ":"))


@receiver(departments_changed, dispatch_uid="api.tombstones.departments_changed")
def people_moved(sender, changes, **kwargs):
    """``left_scope`` tombstones for the records of people who moved from one department to
    another (none for those who had no department: no client was limited to it), and
    their records re-stamped. A constant number of queries however many moved."""
    moves = {user_id: (old, new) for user_id, old, new in changes if old != new}
    if not moves:
        return
    with transaction.atomic(), one_stamp():
        tombstones = []
        for kind, model in KINDS:
            rows = model.objects.filter(user_id__in=list(moves)).order_by("pk").values_list("pk", "user_id")
            tombstones.extend(
                Tombstone(
                    record_type=kind,
                    record_id=pk,
                    reason=Tombstone.Reason.LEFT_SCOPE,
                    department_id=moves[user_id][0],
                    to_department_id=moves[user_id][1],
                )
                for pk, user_id in rows
                if moves[user_id][0] is not None
            )
            stamped_update(model.objects.filter(user_id__in=list(moves)))
        write(tombstones)
