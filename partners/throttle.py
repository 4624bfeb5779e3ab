"""Per-address limits on the joining pages, counted in the cache like the password reset's
(signin/password_reset.py): shared between processes when the cache is (REDIS_URL)."""

from django.conf import settings

from elearning.client_ip import client_ip
from elearning.window_counts import count_in_window


def _count(kind, value, window):
    return count_in_window("partners:join", kind, value, window)


def allowed(request, kind):
    """Count this request from its client address against ``kind`` (register, join, verify);
    False once the address is over ``PARTNER_JOIN_LIMIT_PER_ADDRESS`` in the window."""
    window = settings.PARTNER_JOIN_WINDOW_MINUTES * 60
    return _count(kind, client_ip(request), window) <= settings.PARTNER_JOIN_LIMIT_PER_ADDRESS
