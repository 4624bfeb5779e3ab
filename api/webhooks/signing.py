"""Standard Webhooks signatures (https://www.standardwebhooks.com/): HMAC-SHA256 of
``{message id}.{unix timestamp}.{body}`` keyed with the secret's base64-decoded bytes."""

import base64
import hashlib
import hmac

from api.models.webhooks import SECRET_PREFIX


def secret_key(secret):
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX))


def signature(secret, message_id, timestamp, body):
    signed = f"{message_id}.{timestamp}.{body}".encode()
    digest = hmac.new(secret_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def headers(secret, message_id, timestamp, body):
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature(secret, message_id, timestamp, body),
    }
