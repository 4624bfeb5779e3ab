"""Writing to the security log. Every part of the platform records through ``record``."""

import logging

from elearning.client_ip import client_ip

from .models import SecurityEvent

logger = logging.getLogger("security")
Action = SecurityEvent.Action


def _label(user):
    if user is None or not getattr(user, "pk", None):
        return ""
    return f"{user.get_username()} ({user.pk})"


def record(action, *, request=None, actor=None, subject=None, obj=None, **detail):
    """Log ``action``. ``actor`` defaults to the signed-in user of ``request``; ``subject`` is
    the account the event concerns; ``obj`` any other object (an API client, an endpoint);
    ``detail`` holds JSON-ready facts (before/after, filters, row counts, a username tried)."""
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        actor = user if getattr(user, "is_authenticated", False) else None
    event = SecurityEvent.objects.create(
        action=action,
        actor=actor,
        actor_label=_label(actor),
        subject=subject,
        subject_label=_label(subject),
        object_label=str(obj)[:200] if obj is not None else "",
        ip_address=client_ip(request) if request is not None else None,
        user_agent=(request.META.get("HTTP_USER_AGENT", "")[:300] if request is not None else ""),
        detail=detail,
    )
    # Also to the process log, so a SIEM that tails logs sees the same events.
    logger.info(
        "security %s actor=%s subject=%s object=%s ip=%s",
        action,
        event.actor_label or "-",
        event.subject_label or "-",
        event.object_label or "-",
        event.ip_address or "-",
    )
    return event
