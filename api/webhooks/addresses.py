"""Where webhooks may be sent: never into the platform's own network.

A webhook URL is chosen by whoever manages an API client, and the platform POSTs to it
from inside its network: without a check, ``https://169.254.169.254/`` (the cloud's
metadata service) or ``http://127.0.0.1:5432/`` (the database) would be reachable. So
loopback, private, link-local, multicast, reserved, unspecified and otherwise
non-global addresses are refused:

- when an endpoint is saved, for an address written in the URL (in any spelling: the
  decimal, hexadecimal and octal forms of IPv4, IPv4-mapped IPv6, ``localhost``), and in
  the admin also for every address its name resolves to;
- before each delivery, for every address the name resolves to then; the connection is
  made to one of those checked addresses (see ``delivery.post``), so a second DNS answer
  (DNS rebinding) cannot change where the request goes.

Receivers inside the organisation's own network are allowed by listing their networks in
the ``WEBHOOK_ALLOWED_NETWORKS`` setting (CIDRs, e.g. ``10.20.0.0/16``)."""

import ipaddress
import re
import socket
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}
NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_PART = re.compile(r"^(0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*)$")


class AddressNotAllowed(Exception):
    """The host is, or resolves to, an address webhooks may not reach."""


class UnresolvableHost(Exception):
    """The host's name does not resolve (now)."""


def _ipv4_number(part):
    if not _IPV4_PART.match(part):
        raise ValueError(part)
    if part[:2].lower() == "0x":
        return int(part[2:] or "0", 16)
    if len(part) > 1 and part.startswith("0"):
        return int(part, 8)
    return int(part)


def parse_ipv4(host):
    """IPv4 as browsers and C's ``inet_aton`` read it (the WHATWG URL parser): one to four
    parts, each decimal, 0x-hexadecimal or 0-octal, the last filling the remaining bytes:
    ``127.1``, ``2130706433``, ``0x7f000001`` and ``0177.0.0.1`` are all 127.0.0.1."""
    parts = host.split(".")
    if parts and parts[-1] == "":
        parts.pop()
    if not 1 <= len(parts) <= 4:
        return None
    try:
        numbers = [_ipv4_number(part) for part in parts]
    except ValueError:
        return None
    if any(number > 255 for number in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        return None
    value = numbers[-1]
    for index, number in enumerate(numbers[:-1]):
        value += number << (8 * (3 - index))
    return ipaddress.IPv4Address(value)


def literal_address(host):
    """The IP address a URL's host names literally, or None for a name."""
    host = (host or "").strip("[]")
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return parse_ipv4(host)


def is_local_name(host):
    name = (host or "").rstrip(".").lower()
    return name in LOCAL_NAMES or name.endswith(".localhost")


@lru_cache(maxsize=8)
def _networks(values):
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"WEBHOOK_ALLOWED_NETWORKS: {value!r} is not a network (e.g. 10.20.0.0/16)."
            ) from error
    return tuple(networks)


def allowed_networks():
    return _networks(tuple(getattr(settings, "WEBHOOK_ALLOWED_NETWORKS", ()) or ()))


def _embedded_ipv4(address):
    """The IPv4 address an IPv6 one carries to the IPv4 internet, if any."""
    if address.version != 6:
        return None
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if address.sixtofour:
        return address.sixtofour
    if address in NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def refusal(address):
    """Why webhooks may not go to ``address`` (a translated phrase), or None if they may."""
    address = ipaddress.ip_address(address)
    embedded = _embedded_ipv4(address)
    candidates = [address] if embedded is None else [address, embedded]
    networks = allowed_networks()
    if any(candidate in network for candidate in candidates for network in networks):
        return None
    # The IPv4 address decides for IPv4-mapped, 6to4 and NAT64 addresses.
    checked = embedded or address
    if checked.is_unspecified:
        return _("unspecified")
    if checked.is_loopback:
        return _("loopback")
    if checked.is_link_local:
        return _("link-local")
    if checked.is_multicast:
        return _("multicast")
    if checked.version == 6 and checked.is_site_local:
        return _("site-local")
    if checked.is_private:
        return _("private")
    if checked.is_reserved:
        return _("reserved")
    if not checked.is_global:
        return _("not publicly routable")
    return None


def refusal_message(host, address, reason):
    if str(address) == host.strip("[]"):
        lead = _("%(address)s is a %(reason)s address") % {"address": address, "reason": reason}
    else:
        lead = _("%(host)s is a %(reason)s address (%(address)s)") % {
            "host": host,
            "address": address,
            "reason": reason,
        }
    return lead + _(
        ": webhooks are not sent into the platform's own network. A receiver inside the "
        "organisation's network needs its network in the WEBHOOK_ALLOWED_NETWORKS setting."
    )


def check_literal_host(host):
    """Refuse a URL host that is a disallowed address by itself, without asking DNS."""
    if is_local_name(host):
        address = ipaddress.ip_address("127.0.0.1")
        reason = refusal(address)
        if reason:
            raise AddressNotAllowed(refusal_message(host, address, reason))
        return
    address = literal_address(host)
    if address is not None:
        reason = refusal(address)
        if reason:
            raise AddressNotAllowed(refusal_message(host, address, reason))


def resolve(host, port):
    """Every address ``host`` resolves to now, in the resolver's order, without repeats."""
    literal = literal_address(host)
    if literal is not None:
        return [literal]
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise UnresolvableHost(
            _("%(host)s does not resolve: %(error)s") % {"host": host, "error": error}
        ) from error
    addresses = []
    for _family, _type, _proto, _canonname, sockaddr in answers:
        address = ipaddress.ip_address(sockaddr[0].split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise UnresolvableHost(_("%(host)s does not resolve.") % {"host": host})
    return addresses


def checked_addresses(host, port):
    """Resolve ``host`` and check EVERY address: one disallowed address refuses them all,
    since a resolver may hand out any of them next time."""
    check_literal_host(host)
    addresses = resolve(host, port)
    for address in addresses:
        reason = refusal(address)
        if reason:
            raise AddressNotAllowed(refusal_message(host, address, reason))
    return addresses
