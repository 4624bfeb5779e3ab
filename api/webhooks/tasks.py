"""The webhook sender as a background task (Django's task framework): run by
``manage.py db_worker`` in production; inline, after commit, under the immediate backend.

Everything that queues a run is here, next to the task it queues; ``delivery`` only sends."""

import logging
from functools import partial

from django.db import transaction
from django.db.models import Min, Q
from django.utils import timezone

from django_tasks import task

from ..models import WebhookDelivery, WebhookEndpoint
from . import delivery

logger = logging.getLogger(__name__)


@task
def send_webhooks(endpoint_id):
    """Send the due deliveries of one endpoint; retries are enqueued with ``run_after``."""
    try:
        return send(endpoint_id)
    except Exception:
        # Under the immediate backend this runs in the request that recorded the event; the
        # deliveries stay pending for the next run or ``manage.py retry_webhooks``.
        logger.exception("Sending the webhooks of endpoint %s failed", endpoint_id)
        return 0


def send(endpoint_id, now=None):
    """Send the endpoint's due deliveries, then plan the run for its next retry. ``now`` is
    for tests. Returns the number delivered."""
    delivered = delivery.send_due(endpoint_id, now)
    schedule_next_run(endpoint_id, now)
    return delivered


def schedule_next_run(endpoint_id, now=None):
    """Enqueue one run for when the active endpoint's next delivery is due, unless one is
    already planned by then. Backends without ``run_after`` (the immediate backend of
    development and tests) leave retries to ``manage.py retry_webhooks``."""
    if not send_webhooks.get_backend().supports_defer:
        return None
    now = now or timezone.now()
    next_due = (
        WebhookDelivery.objects.filter(endpoint_id=endpoint_id, state=WebhookDelivery.State.PENDING)
        .aggregate(next_due=Min("next_attempt_at"))
        .get("next_due")
    )
    if next_due is None or next_due <= now:
        return None
    # One planned run per endpoint, however many tasks ran before it: whoever moves the
    # planned time enqueues the task. An inactive endpoint's deliveries wait for it.
    planned = WebhookEndpoint.objects.filter(pk=endpoint_id, active=True).filter(
        Q(next_run_at__isnull=True) | Q(next_run_at__lte=now) | Q(next_run_at__gt=next_due)
    )
    if not planned.update(next_run_at=next_due):
        return None
    try:
        send_webhooks.using(run_after=next_due).enqueue(endpoint_id)
    except Exception:
        logger.exception("Could not schedule the next webhooks of endpoint %s", endpoint_id)
        WebhookEndpoint.objects.filter(pk=endpoint_id, next_run_at=next_due).update(next_run_at=None)
        return None
    return next_due


def enqueue_sending(endpoint_ids):
    """Hand the sending to the task worker. Runs after commit, in the staff member's request
    when the event came from one: nothing here may raise into it."""
    for endpoint_id in endpoint_ids:
        try:
            send_webhooks.enqueue(endpoint_id)
        except Exception:
            # The deliveries are stored; ``manage.py retry_webhooks`` sends them later.
            logger.exception("Could not enqueue the webhooks of endpoint %s", endpoint_id)


def reactivated(endpoint):
    """An HR admin switched a disabled endpoint back on: its waiting deliveries go now."""
    delivery.release_waiting(endpoint)
    transaction.on_commit(partial(enqueue_sending, [endpoint.pk]), robust=True)
