"""What happened, turned into deliveries: one ``WebhookDelivery`` per endpoint and event,
written in bulk in the transaction that records the event (so an event is never lost
between commit and send), then sent by a background task once that transaction commits.

The payload's ``data`` is exactly what the API's serializers give that client, so a
webhook never carries more than the API would (no quiz answers, no reflections)."""

import json
import logging
from datetime import UTC
from functools import partial, wraps

from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from rest_framework import serializers
from rest_framework.utils.encoders import JSONEncoder

from records import signals
from records.models import CourseCompletion, Enrolment

from .. import records
from ..models import Event, Tombstone, WebhookDelivery, WebhookEndpoint
from ..serializers import CompletionSerializer, EnrolmentSerializer
from .tasks import enqueue_sending

logger = logging.getLogger(__name__)

BULK_BATCH_SIZE = 500


def render_body(event, data, when):
    payload = {
        "type": str(event),
        "timestamp": serializers.DateTimeField().to_representation(when),
        "data": data,
    }
    # ASCII-only JSON: the signed bytes are the same whatever encoding a receiver assumes.
    return json.dumps(payload, cls=JSONEncoder, separators=(",", ":"))


def endpoints_for(event):
    """Active endpoints taking ``event`` whose client may read it: one query. ``events`` is
    checked here rather than in SQL because SQLite cannot filter inside a JSON list, and an
    organisation has a handful of endpoints."""
    endpoints = WebhookEndpoint.objects.filter(active=True).select_related("client").order_by("pk")
    return [endpoint for endpoint in endpoints if endpoint.wants(event)]


def record(event, queryset, serialise, event_key, now=None, endpoints=None):
    """Store a delivery of each row of ``queryset`` for every endpoint that takes ``event``
    and whose client may see the row's person. Queries: one for the endpoints (unless
    given), then, only if there are any, one for the rows, the serializer's own, two per
    API client limited to departments, and the bulk inserts. Returns the number of
    deliveries offered."""
    if endpoints is None:
        endpoints = endpoints_for(event)
    if not endpoints:
        return 0
    now = now or timezone.now()
    rows = list(queryset.select_related("user", "user__department").order_by("pk"))
    if not rows:
        return 0
    bodies = {item["id"]: render_body(event, item, now) for item in serialise(rows)}
    visible_by_client = {}
    deliveries = []
    for endpoint in endpoints:
        client = endpoint.client
        if client.pk not in visible_by_client:
            # The same rule as the API's querysets, so a webhook never tells a client
            # about someone it could not read through the API.
            people = records.visible_people_filter(client)
            visible_by_client[client.pk] = set(queryset.filter(people).values_list("pk", flat=True))
        visible = visible_by_client[client.pk]
        deliveries.extend(
            WebhookDelivery(
                endpoint=endpoint,
                event_type=event,
                event_key=event_key(row),
                body=bodies[row.pk],
                next_attempt_at=now,
            )
            for row in rows
            if row.pk in visible
        )
    return store(deliveries)


def store(deliveries):
    """Write the deliveries, and send them once the transaction commits."""
    # A repeated event finds its deliveries already stored: the unique (endpoint, event_key)
    # makes it a no-op, so no endpoint ever gets a second message id for one event.
    WebhookDelivery.objects.bulk_create(deliveries, batch_size=BULK_BATCH_SIZE, ignore_conflicts=True)
    endpoint_ids = sorted({delivery.endpoint_id for delivery in deliveries})
    if endpoint_ids:
        transaction.on_commit(partial(enqueue_sending, endpoint_ids), robust=True)
    return len(deliveries)


def serialise_completions(rows):
    return CompletionSerializer(rows, many=True).data


def serialise_enrolments(rows):
    context = {
        "progress": records.progress_by_enrolment(rows),
        "update_required": records.update_required_by_enrolment(rows),
    }
    return EnrolmentSerializer(rows, many=True, context=context).data


def overdue_key(enrolment):
    # An enrolment can become overdue again (a new due date, a new cycle): each time is an event.
    changed = enrolment.status_changed_at.astimezone(UTC)
    return f"{Event.ENROLMENT_OVERDUE.value}:{enrolment.pk}:{changed:%Y-%m-%dT%H:%M:%S.%fZ}"


def update_required_key(enrolment, update):
    """One event per enrolment and set of pending module versions: the same update signalled
    twice is one event; a second material change (a new version), or another module of the
    course changing, is a new one."""
    versions = "+".join(
        sorted(f"{module['module_key'][:8]}.{module['version']}" for module in update["modules"])
    )
    key = f"{Event.ENROLMENT_UPDATE_REQUIRED.value}:{enrolment.pk}:v{update['version']}:{versions}"
    return key[:120]  # WebhookDelivery.event_key; a course has a handful of modules


def contained(event):
    """A webhook problem must never fail or undo the event itself (a course completion, the
    daily status update): the deliveries are written in a savepoint, and an error is logged.
    The endpoints are read first: when none takes the event (the usual case) the handler
    costs that one read, and no savepoint."""

    def decorate(handler):
        @wraps(handler)
        def wrapper(sender, **kwargs):
            try:
                endpoints = endpoints_for(event)
                if endpoints:
                    with transaction.atomic():
                        handler(endpoints=endpoints, **kwargs)
            except Exception:
                logger.exception("Could not record webhook deliveries (%s)", handler.__name__)

        return wrapper

    return decorate


@receiver(signals.completion_created, dispatch_uid="api.webhooks.completion_created")
@contained(Event.COMPLETION_CREATED)
def completion_created(completion, endpoints, **kwargs):
    record(
        Event.COMPLETION_CREATED,
        CourseCompletion.objects.filter(pk=completion.pk),
        serialise_completions,
        lambda row: f"{Event.COMPLETION_CREATED.value}:{row.pk}",
        endpoints=endpoints,
    )


@receiver(signals.completion_revoked, dispatch_uid="api.webhooks.completion_revoked")
@contained(Event.COMPLETION_REVOKED)
def completion_revoked(completion, endpoints, **kwargs):
    record(
        Event.COMPLETION_REVOKED,
        CourseCompletion.objects.filter(pk=completion.pk),
        serialise_completions,
        lambda row: f"{Event.COMPLETION_REVOKED.value}:{row.pk}",
        endpoints=endpoints,
    )


@receiver(signals.enrolments_overdue, dispatch_uid="api.webhooks.enrolments_overdue")
@contained(Event.ENROLMENT_OVERDUE)
def enrolments_overdue(enrolments, endpoints, **kwargs):
    record(Event.ENROLMENT_OVERDUE, enrolments, serialise_enrolments, overdue_key, endpoints=endpoints)


def record_person_erased(user, tombstones, endpoints, now=None):
    """One ``person.erased`` delivery per endpoint whose client is told about any of these
    tombstones (the tombstone feed's own rule, ``records.visible_tombstones_filter``), its
    ``data`` the ids of the records to delete, only those the client may read: no personal
    data. Queries: one per API client, and the bulk insert."""
    now = now or timezone.now()
    pks = [tombstone.pk for tombstone in tombstones]
    data_by_client = {}
    deliveries = []
    for endpoint in endpoints:
        client = endpoint.client
        if client.pk not in data_by_client:
            found = {"completion_ids": [], "enrolment_ids": []}
            if pks:
                visible = (
                    Tombstone.objects.filter(records.visible_tombstones_filter(client), pk__in=pks)
                    .order_by("record_id")
                    .values_list("record_type", "record_id")
                )
                for kind, record_id in visible:
                    found[f"{kind}_ids"].append(record_id)
            data_by_client[client.pk] = found if any(found.values()) else None
        data = data_by_client[client.pk]
        if data is not None:
            deliveries.append(
                WebhookDelivery(
                    endpoint=endpoint,
                    event_type=Event.PERSON_ERASED,
                    event_key=f"{Event.PERSON_ERASED.value}:{user.pk}",
                    body=render_body(Event.PERSON_ERASED, data, now),
                    next_attempt_at=now,
                )
            )
    return store(deliveries)


# Called by api.tombstones once it has written the tombstones, in the erasure's transaction.
@contained(Event.PERSON_ERASED)
def person_erased(user, tombstones, endpoints, **kwargs):
    record_person_erased(user, tombstones, endpoints)


@receiver(signals.updates_required, dispatch_uid="api.webhooks.updates_required")
@contained(Event.ENROLMENT_UPDATE_REQUIRED)
def updates_required(enrolments, endpoints, **kwargs):
    """Only the enrolments with an update still pending: one finished meanwhile is no news."""
    pending = enrolments.filter(Enrolment.objects.update_required_q())
    updates = {}

    def serialise(rows):
        found = records.update_required_by_enrolment(rows)
        updates.update(found)  # for the event keys, without reading them again
        context = {"progress": records.progress_by_enrolment(rows), "update_required": found}
        return EnrolmentSerializer(rows, many=True, context=context).data

    record(
        Event.ENROLMENT_UPDATE_REQUIRED,
        pending,
        serialise,
        lambda row: update_required_key(row, updates[row.pk]),
        endpoints=endpoints,
    )
