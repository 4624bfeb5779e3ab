"""Sending deliveries: signed POSTs, every attempt logged, retries with exponential backoff,
and an endpoint disabled (HR admins told by email) after a day of failures.

Runs in background tasks (``tasks``, which also queues the runs), never in a staff
member's request under a real task backend. Several senders may run at once (two tasks, the
``retry_webhooks`` command): a delivery is claimed with a conditional UPDATE before it
is sent, so each attempt is made by one sender only."""

import logging
import os
import time
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

import certifi
import urllib3
from urllib3.exceptions import (
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)
from urllib3.exceptions import TimeoutError as Urllib3Timeout

from elearning.roles_table import HR_ADMINS

from .. import audit
from ..models import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from ..models.webhooks import validate_webhook_url
from . import addresses, signing

logger = logging.getLogger(__name__)

# After the first attempt fails, the next ones follow these delays; with the last one the
# endpoint has been failing for more than a day, which disables it (DISABLE_AFTER).
RETRY_DELAYS = [
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=6),
    timedelta(hours=8),
    timedelta(hours=10),
]
DISABLE_AFTER = timedelta(days=1)
TIMEOUT_SECONDS = 10
# A claimed delivery is hidden from other senders this long: longer than one attempt can take.
CLAIM = timedelta(minutes=2)
RESPONSE_BODY_LIMIT = 1000
BATCH_SIZE = 100
USER_AGENT = "elearning-webhooks/1.0"

State = WebhookDelivery.State


@dataclass
class Outcome:
    status_code: int | None = None
    error: str = ""
    duration_ms: int = 0
    response_body: str = ""

    @property
    def ok(self):
        return self.status_code is not None and 200 <= self.status_code < 300

    @property
    def receiver_unavailable(self):
        """The receiver, not this message, is the problem: other messages would fail too."""
        return self.status_code is None or self.status_code >= 500 or self.status_code in (408, 429)

    @property
    def gone(self):
        # Standard Webhooks: 410 Gone means "stop sending to this endpoint".
        return self.status_code == 410

    @property
    def summary(self):
        return f"HTTP {self.status_code}" if self.status_code is not None else self.error[:200]


def ca_bundle():
    """Certificates trusted for receivers: certifi's, or an organisation's own bundle
    (REQUESTS_CA_BUNDLE, as before the sender pinned its connections)."""
    return os.environ.get("REQUESTS_CA_BUNDLE") or certifi.where()


def _pool(parts, address):
    """A connection pool to ``address``, the IP already checked, speaking to the URL's host:
    TLS sends the host name (SNI) and verifies the certificate against it."""
    scheme_port = 443 if parts.scheme == "https" else 80
    timeout = urllib3.Timeout(connect=TIMEOUT_SECONDS, read=TIMEOUT_SECONDS)
    if parts.scheme == "https":
        return urllib3.HTTPSConnectionPool(
            str(address),
            parts.port or scheme_port,
            timeout=timeout,
            retries=False,
            maxsize=1,
            cert_reqs="CERT_REQUIRED",
            ca_certs=ca_bundle(),
            server_hostname=parts.hostname,
            assert_hostname=parts.hostname,
        )
    return urllib3.HTTPConnectionPool(
        str(address), parts.port or scheme_port, timeout=timeout, retries=False, maxsize=1
    )


def _send_pinned(parts, checked, body, headers, outcome):
    """POST to the first of the ``checked`` addresses that accepts a connection; the name is
    never resolved again, so the connection goes where the check said it may."""
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = {**headers, "Host": parts.netloc.rpartition("@")[2]}
    if parts.username is not None:
        credentials = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        headers.update(urllib3.util.make_headers(basic_auth=credentials))
    for index, address in enumerate(checked):
        pool = _pool(parts, address)
        try:
            response = pool.urlopen(
                "POST",
                path,
                body=body,
                headers=headers,
                # A redirect would re-send personal data to an address nobody registered.
                redirect=False,
                retries=False,
                preload_content=False,
                assert_same_host=False,
            )
        except NewConnectionError:
            pool.close()
            if index == len(checked) - 1:
                raise
            continue
        try:
            outcome.status_code = response.status
            # Only the start is kept, and only the start is read: a receiver cannot fill the log.
            start = response.read(RESPONSE_BODY_LIMIT, decode_content=True) or b""
            outcome.response_body = start.decode("utf-8", errors="replace")
        finally:
            response.release_conn()
            pool.close()
        return


def post(endpoint, delivery):
    """One signed POST of ``delivery`` to ``endpoint``; never raises.

    The host is resolved once and every address checked (api.webhooks.addresses); the
    connection goes to a checked address, with the URL's host in the Host header and in
    TLS (SNI and certificate verification)."""
    # The signature's timestamp is the real time: receivers reject messages older than ~5 min.
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        **signing.headers(endpoint.secret, delivery.message_id, timestamp, delivery.body),
    }
    started = time.monotonic()
    outcome = Outcome()
    try:
        # Checked again here: the rules (https, allowed networks) may have changed since the
        # URL was saved, and the name may resolve elsewhere now.
        validate_webhook_url(endpoint.url)
        parts = urlsplit(endpoint.url)
        default_port = 443 if parts.scheme == "https" else 80
        checked = addresses.checked_addresses(parts.hostname, parts.port or default_port)
        _send_pinned(parts, checked, delivery.body.encode(), headers, outcome)
    except ValidationError as error:
        outcome.error = f"URL not allowed: {' '.join(error.messages)} No request was sent."
    except addresses.AddressNotAllowed as error:
        outcome.error = f"Address not allowed: {error} No request was sent."
    except addresses.UnresolvableHost as error:
        outcome.error = f"Connection failed: {error}"
    except NewConnectionError as error:
        # (urllib3's NewConnectionError is a kind of ConnectTimeoutError: caught first.)
        outcome.error = f"Connection failed: {error}"
    except (ReadTimeoutError, Urllib3Timeout):
        outcome.error = f"Timed out after {TIMEOUT_SECONDS} s"
    except SSLError as error:
        outcome.error = f"TLS failed: {error}"
    except (ProtocolError, OSError) as error:
        outcome.error = f"Connection failed: {error}"
    except Exception as error:
        outcome.error = f"{type(error).__name__}: {error}"
    outcome.error = outcome.error[:300]
    outcome.duration_ms = round((time.monotonic() - started) * 1000)
    return outcome


def retry_delay(attempt_count):
    """The wait after the ``attempt_count``-th failed attempt, or None when none is left."""
    if attempt_count > len(RETRY_DELAYS):
        return None
    return RETRY_DELAYS[attempt_count - 1]


def due_deliveries(endpoint, now):
    return WebhookDelivery.objects.filter(endpoint=endpoint, state=State.PENDING, next_attempt_at__lte=now)


def claim(delivery, now):
    return bool(
        WebhookDelivery.objects.filter(pk=delivery.pk, state=State.PENDING, next_attempt_at__lte=now).update(
            next_attempt_at=now + CLAIM
        )
    )


def send_due(endpoint_id, now=None):
    """Send the endpoint's due deliveries, oldest first, until one finds the receiver
    unavailable (``tasks.send`` then plans the next run). ``now`` is for tests: it stands
    for the time of every step. Returns the number delivered."""
    endpoint = WebhookEndpoint.objects.select_related("client").filter(pk=endpoint_id).first()
    if endpoint is None or not endpoint.active:
        # An inactive endpoint's deliveries wait for it to be active again.
        return 0
    delivered = 0
    unavailable = False
    while not unavailable:
        clock = now or timezone.now()
        batch = list(due_deliveries(endpoint, clock).order_by("pk")[:BATCH_SIZE])
        if not batch:
            break
        for delivery in batch:
            clock = now or timezone.now()
            if not endpoint.wants(delivery.event_type):
                cancel(delivery)
                continue
            if not claim(delivery, clock):
                continue
            outcome = post(endpoint, delivery)
            clock = now or timezone.now()
            log_attempt(delivery, outcome, clock)
            if outcome.ok:
                delivered += 1
                recovered(endpoint)
                continue
            failed(endpoint, delivery, outcome, clock)
            if not endpoint.active:
                return delivered
            if outcome.receiver_unavailable:
                # The others would only wait for the same timeout: they wait for this one's retry.
                backoff_others(endpoint, delivery)
                unavailable = True
                break
    return delivered


def cancel(delivery):
    """The endpoint no longer takes this event, or its client may no longer read it."""
    WebhookDelivery.objects.filter(pk=delivery.pk, state=State.PENDING).update(
        state=State.FAILED,
        next_attempt_at=None,
        last_outcome="Cancelled: the endpoint or its API client no longer takes this event",
    )


def log_attempt(delivery, outcome, now):
    WebhookAttempt.objects.create(
        delivery=delivery,
        attempted_at=now,
        status_code=outcome.status_code,
        error=outcome.error,
        duration_ms=outcome.duration_ms,
        response_body=outcome.response_body,
        succeeded=outcome.ok,
    )
    delivery.attempt_count += 1
    delivery.last_attempt_at = now
    delivery.last_outcome = outcome.summary
    fields = ["attempt_count", "last_attempt_at", "last_outcome", "state", "next_attempt_at"]
    if outcome.ok:
        delivery.state = State.DELIVERED
        delivery.delivered_at = now
        delivery.next_attempt_at = None
        fields.append("delivered_at")
    else:
        delay = retry_delay(delivery.attempt_count)
        delivery.state = State.PENDING if delay else State.FAILED
        delivery.next_attempt_at = now + delay if delay else None
    delivery.save(update_fields=fields)


def recovered(endpoint):
    if endpoint.failing_since is not None:
        WebhookEndpoint.objects.filter(pk=endpoint.pk).update(failing_since=None)
        endpoint.failing_since = None


def failed(endpoint, delivery, outcome, now):
    if endpoint.failing_since is None:
        WebhookEndpoint.objects.filter(pk=endpoint.pk, failing_since__isnull=True).update(failing_since=now)
        endpoint.refresh_from_db(fields=["failing_since"])
    if outcome.gone:
        disable(endpoint, _("The receiver answered 410 Gone: it asks for no more deliveries."), now)
    elif now - endpoint.failing_since >= DISABLE_AFTER:
        disable(
            endpoint,
            _("Every delivery failed for more than a day (last: %(outcome)s).")
            % {"outcome": outcome.summary},
            now,
        )


def backoff_others(endpoint, delivery):
    retry_at = delivery.next_attempt_at or delivery.last_attempt_at + RETRY_DELAYS[-1]
    due_deliveries(endpoint, retry_at).exclude(pk=delivery.pk).filter(next_attempt_at__lt=retry_at).update(
        next_attempt_at=retry_at
    )


def disable(endpoint, reason, now):
    # Conditional, so two senders failing at once disable it, and tell HR, once.
    if not WebhookEndpoint.objects.filter(pk=endpoint.pk, active=True).update(
        active=False, disabled_at=now, disabled_reason=reason[:300]
    ):
        endpoint.active = False
        return
    endpoint.active, endpoint.disabled_at, endpoint.disabled_reason = False, now, reason[:300]
    logger.warning("Webhook endpoint %s disabled: %s", endpoint.pk, reason)
    try:
        audit.endpoint_changed(
            endpoint, {**audit.endpoint_state(endpoint), "active": True}, reason=reason[:300], by="the sender"
        )
    except Exception:
        logger.exception(
            "Could not record in the security log that webhook endpoint %s was disabled", endpoint.pk
        )
    try:
        notify_hr_admins(endpoint)
    except Exception:
        logger.exception("Could not tell HR admins that webhook endpoint %s was disabled", endpoint.pk)


def hr_admin_emails():
    return sorted(
        set(
            get_user_model()
            .objects.filter(is_active=True, groups__name=HR_ADMINS)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )


def endpoint_admin_url(endpoint):
    path = reverse("wagtailsnippets_api_webhookendpoint:inspect", args=(endpoint.pk,))
    return f"{getattr(settings, 'WAGTAILADMIN_BASE_URL', '').rstrip('/')}{path}"


def notify_hr_admins(endpoint):
    recipients = hr_admin_emails()
    if not recipients:
        return 0
    pending = WebhookDelivery.objects.filter(endpoint=endpoint, state=State.PENDING).count()
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "endpoint": endpoint,
            "client": endpoint.client,
            "pending": pending,
            "admin_url": endpoint_admin_url(endpoint),
        }
        subject = _("Webhook endpoint disabled: %(client)s") % {"client": endpoint.client}
        message = render_to_string("api/email/webhook_endpoint_disabled.txt", context)
    return send_mail(subject, message, None, recipients)


def release_waiting(endpoint):
    """An endpoint switched back on starts afresh: no failure record, and its waiting
    deliveries are due now (``tasks.reactivated`` sends them)."""
    now = timezone.now()
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
        failing_since=None, disabled_at=None, disabled_reason="", next_run_at=None
    )
    WebhookDelivery.objects.filter(endpoint=endpoint, state=State.PENDING).update(next_attempt_at=now)


def endpoints_with_due_deliveries(now=None):
    now = now or timezone.now()
    return list(
        WebhookEndpoint.objects.filter(
            active=True, deliveries__state=State.PENDING, deliveries__next_attempt_at__lte=now
        )
        .distinct()
        .order_by("pk")
        .values_list("pk", flat=True)
    )
