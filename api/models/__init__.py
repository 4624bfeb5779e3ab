from .clients import ApiClient, validate_scopes
from .webhooks import Event, WebhookAttempt, WebhookDelivery, WebhookEndpoint

__all__ = ["ApiClient", "Event", "WebhookAttempt", "WebhookDelivery", "WebhookEndpoint", "validate_scopes"]
