"""Per-address limits on the joining pages, counted in the cache like the password reset's
(signin/password_reset.py): shared between processes when the cache is (REDIS_URL)."""

import hashlib

from django.conf import settings
from django.core.cache import cache

from elearning.client_ip import client_ip


def _count(kind, value, window):
    digest = hashlib.sha256(str(value).encode()).hexdigest()
    key = f"partners:join:{kind}:{digest}"
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1


def allowed(request, kind):
    """Count this request from its client address against ``kind`` (register, join, verify);
    False once the address is over ``PARTNER_JOIN_LIMIT_PER_ADDRESS`` in the window."""
    window = settings.PARTNER_JOIN_WINDOW_MINUTES * 60
    return _count(kind, client_ip(request), window) <= settings.PARTNER_JOIN_LIMIT_PER_ADDRESS
