"""Per-client rate limits, keyed by the client's key prefix: never by an address, which a
caller could forge with ``X-Forwarded-For``. (A request without a valid key is refused
before it is counted; keys have 190 random bits, so guessing one is not a concern.)

The counts live in the default cache, so with several app processes that cache must be
shared (``REDIS_URL``); a per-process cache would multiply each client's budget."""

from django.core.exceptions import ImproperlyConfigured

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from .models import ApiClient


class ClientRateThrottle(SimpleRateThrottle):
    scope = "api_client"

    def get_rate(self):
        # SimpleRateThrottle.THROTTLE_RATES is read once, when DRF is imported; reading the
        # setting here lets a changed REST_FRAMEWORK setting take effect.
        try:
            return api_settings.DEFAULT_THROTTLE_RATES[self.scope]
        except KeyError as error:
            raise ImproperlyConfigured(f"No DEFAULT_THROTTLE_RATES entry for {self.scope!r}.") from error

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiClient):
            return self.cache_format % {"scope": self.scope, "ident": request.auth.prefix}
        return None
