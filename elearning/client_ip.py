"""The client's address, as far as the proxies we run vouch for it.

``TRUSTED_PROXY_COUNT`` (env ``NUM_PROXIES``) is how many proxies of ours stand in front of
the app. With 0 (the default) the connection's own address is used and any
``X-Forwarded-For`` a client sends is ignored; with N, the Nth address from the right of
``X-Forwarded-For`` is the one our outermost proxy saw."""

import ipaddress

from django.conf import settings


def _valid(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request):
    remote = _valid(request.META.get("REMOTE_ADDR", "") or "")
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:
        return remote
    return _valid(forwarded[-count]) or remote
