from .clients import ApiClient, validate_scopes
from .tombstones import Tombstone
from .webhooks import Event, WebhookAttempt, WebhookDelivery, WebhookEndpoint

__all__ = [
    "ApiClient",
    "Event",
    "Tombstone",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
    "validate_scopes",
]
