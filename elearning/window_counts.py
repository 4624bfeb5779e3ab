"""Counting requests in a time window, in the cache: shared between processes when the cache
is (REDIS_URL). The password reset's and the partner joining pages' limits count here."""

import hashlib

from django.core.cache import cache


def count_in_window(namespace, kind, value, window):
    """One more ``kind`` request for ``value`` (hashed: no address or email is kept in the
    cache's keys), and how many there have been in the last ``window`` seconds."""
    digest = hashlib.sha256(str(value).encode()).hexdigest()
    key = f"{namespace}:{kind}:{digest}"
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1
