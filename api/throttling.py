"""Per-client rate limits, keyed by the client's key prefix: never by an address, which a
caller could forge with ``X-Forwarded-For``. (A request without a valid key is refused
before it is counted; keys have 190 random bits, so guessing one is not a concern.)"""

from rest_framework.throttling import SimpleRateThrottle

from .models import ApiClient


class ClientRateThrottle(SimpleRateThrottle):
    scope = "api_client"

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiClient):
            return self.cache_format % {"scope": self.scope, "ident": request.auth.prefix}
        return None
