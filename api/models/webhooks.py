"""Webhooks: an HR system (an API client) registers endpoints that are told, with a signed
POST (Standard Webhooks), when a course is completed, a completion revoked, an
enrolment becomes overdue or a material change requires an update (recertification).

Each event makes one ``WebhookDelivery`` per endpoint, written in the transaction that
records the event; the HTTP calls happen later, in background tasks (api.webhooks), and
every call is kept as a ``WebhookAttempt``."""

import base64
import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import scopes
from ..webhooks.addresses import AddressNotAllowed, check_literal_host
from .clients import ApiClient

SECRET_PREFIX = "whsec_"  # noqa: S105 - the Standard Webhooks prefix, not a secret
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


class Event(models.TextChoices):
    COMPLETION_CREATED = "completion.created", _("Course completed (completion.created)")
    COMPLETION_REVOKED = "completion.revoked", _("Completion revoked (completion.revoked)")
    ENROLMENT_OVERDUE = "enrolment.overdue", _("Enrolment overdue (enrolment.overdue)")
    PERSON_ERASED = "person.erased", _("Person's data erased (person.erased)")
    ENROLMENT_UPDATE_REQUIRED = (
        "enrolment.update_required",
        _("Update required after a material change (enrolment.update_required)"),
    )


# The scope a client needs to be told about each event: the same as to read it from the API.
EVENT_SCOPES = {
    Event.COMPLETION_CREATED: scopes.COMPLETIONS,
    Event.COMPLETION_REVOKED: scopes.COMPLETIONS,
    Event.ENROLMENT_OVERDUE: scopes.ENROLMENTS,
    # Either scope: the event names the completions and enrolments to delete, each list
    # holding only what the client may read.
    Event.PERSON_ERASED: (scopes.COMPLETIONS, scopes.ENROLMENTS),
    Event.ENROLMENT_UPDATE_REQUIRED: scopes.ENROLMENTS,
}


def event_scopes(event):
    """The scopes of which a client needs one to be told about ``event``."""
    needed = EVENT_SCOPES[event]
    return needed if isinstance(needed, tuple) else (needed,)


def generate_secret():
    """A Standard Webhooks secret: ``whsec_`` and 32 random bytes in base64."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def new_message_id():
    return "msg_" + secrets.token_urlsafe(18)


def local_http_allowed():
    # A receiver on the developer's own machine (``make run``, tests) has no certificate.
    return getattr(settings, "WEBHOOKS_ALLOW_LOCAL_HTTP", settings.DEBUG)


def validate_webhook_url(value):
    """https (http only to this machine in development), and never an address inside the
    platform's own network written in the URL (api.webhooks.addresses; names are resolved
    and checked when the admin saves the endpoint and before every delivery)."""
    parts = urlsplit(value)
    try:
        if parts.port == 0:
            raise ValueError
    except ValueError:
        raise ValidationError(_("The port is not valid.")) from None
    local = parts.scheme == "http" and parts.hostname in LOCAL_HOSTS
    if local and not local_http_allowed():
        raise ValidationError(_("Use https:// (http:// is allowed only for localhost in development)."))
    if not local and not (parts.scheme == "https" and parts.hostname):
        raise ValidationError(_("Use an https:// address: deliveries carry personal data."))
    try:
        check_literal_host(parts.hostname)
    except AddressNotAllowed as error:
        raise ValidationError(str(error)) from None


def validate_events(value):
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Choose at least one event."))
    unknown = sorted(set(value) - set(Event.values))
    if unknown:
        raise ValidationError(_("Unknown events: %(events)s."), params={"events": ", ".join(unknown)})


class WebhookEndpoint(models.Model):
    client = models.ForeignKey(
        ApiClient,
        on_delete=models.CASCADE,
        related_name="webhook_endpoints",
        verbose_name=_("API client"),
        help_text=_(
            "Deliveries carry what this client may read: its scopes and departments decide which "
            "events are sent and about whom."
        ),
    )
    url = models.URLField(
        _("URL"),
        max_length=500,
        validators=[validate_webhook_url],
        help_text=_("The receiver's address, https://… . Events are POSTed to it as signed JSON."),
    )
    events = models.JSONField(_("events"), default=list, validators=[validate_events])
    secret = models.CharField(
        _("signing secret"),
        max_length=100,
        default=generate_secret,
        editable=False,
        help_text=_("Give it to whoever configures the receiver: it verifies each delivery's signature."),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_(
            "Inactive endpoints receive nothing. Deliveries still waiting are sent when the endpoint is "
            "active again."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Set by the first failed attempt since the last success; a day of that disables the endpoint.
    failing_since = models.DateTimeField(_("failing since"), null=True, blank=True, editable=False)
    disabled_at = models.DateTimeField(_("disabled at"), null=True, blank=True, editable=False)
    disabled_reason = models.CharField(_("why it was disabled"), max_length=300, blank=True, editable=False)
    # When a sending task is already planned (run_after), so retries do not pile up tasks.
    next_run_at = models.DateTimeField(_("next run at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["client__name", "url"]

    def __str__(self):
        return f"{self.client} – {self.url}"

    def wants(self, event):
        return (
            self.active
            and event in self.events
            and self.client.is_usable
            and any(self.client.has_scope(scope) for scope in event_scopes(event))
        )

    def get_events_display(self):
        labels = dict(Event.choices)
        return ", ".join(str(labels.get(event, event)) for event in self.events)


class WebhookDelivery(models.Model):
    """One event for one endpoint: stored once (``event_key`` is unique per endpoint), with
    the body as signed, so every retry sends the same message under the same ``message_id``."""

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("endpoint")
    )
    event_type = models.CharField(_("event"), max_length=40, choices=Event.choices)
    event_key = models.CharField(_("event key"), max_length=120)
    message_id = models.CharField(_("message ID"), max_length=40, unique=True, default=new_message_id)
    body = models.TextField(_("body"))
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.PENDING)
    attempt_count = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    last_attempt_at = models.DateTimeField(_("last attempt at"), null=True, blank=True)
    last_outcome = models.CharField(_("last outcome"), max_length=200, blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["endpoint", "event_key"], name="api_webhookdelivery_once_per_event"
            )
        ]
        # The sender's question: which deliveries of this endpoint are due?
        indexes = [models.Index(fields=["endpoint", "state", "next_attempt_at"], name="api_webhook_due")]

    def __str__(self):
        return f"{self.event_type} → {self.endpoint.url} ({self.message_id})"


class WebhookAttempt(models.Model):
    delivery = models.ForeignKey(
        WebhookDelivery, on_delete=models.CASCADE, related_name="attempts", verbose_name=_("delivery")
    )
    attempted_at = models.DateTimeField(_("attempted at"))
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    duration_ms = models.PositiveIntegerField(_("response time (ms)"))
    response_body = models.TextField(_("response body (start)"), blank=True)
    succeeded = models.BooleanField(_("succeeded"), default=False)

    class Meta:
        verbose_name = _("webhook attempt")
        verbose_name_plural = _("webhook attempts")
        ordering = ["attempted_at", "pk"]

    def __str__(self):
        return f"{self.delivery.message_id} at {self.attempted_at:%Y-%m-%d %H:%M:%S}"

    @property
    def outcome(self):
        if self.status_code is not None:
            return f"HTTP {self.status_code}"
        return self.error
