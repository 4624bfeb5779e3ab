"""The webhook sender as a background task (Django's task framework): run by
``manage.py db_worker`` in production; inline, after commit, under the immediate backend."""

import logging

from django_tasks import task

from . import delivery

logger = logging.getLogger(__name__)


@task
def send_webhooks(endpoint_id):
    """Send the due deliveries of one endpoint; retries are enqueued with ``run_after``."""
    try:
        return delivery.send_due(endpoint_id)
    except Exception:
        # Under the immediate backend this runs in the request that recorded the event; the
        # deliveries stay pending for the next run or ``manage.py retry_webhooks``.
        logger.exception("Sending the webhooks of endpoint %s failed", endpoint_id)
        return 0
