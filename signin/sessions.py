"""Shorter sessions for admin roles.

Members of the role groups (Editors, Reviewers, Managers, HR admins) and superusers are
signed out after ``ADMIN_SESSION_IDLE_MINUTES`` without a request and
``ADMIN_SESSION_MAX_HOURS`` after signing in, whatever they do; learners keep Django's
session. The session remembers when it started, when it was last seen and whether its
person holds an admin role; the last two are refreshed at most once a minute, so an ordinary
request costs no query or session write (the idle limit is therefore kept to the minute)."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.translation import ngettext

from people.roles import ROLE_GROUPS
from security.log import Action, record

STARTED = "signin.started"
LAST_SEEN = "signin.seen"
ADMIN_ROLE = "signin.admin_role"
REFRESH_SECONDS = 60


def is_admin_role(user):
    return user.is_superuser or user.groups.filter(name__in=ROLE_GROUPS).exists()


def stamp_session(session, user, now=None):
    now = int(now if now is not None else time.time())
    session[STARTED] = now
    session[LAST_SEEN] = now
    session[ADMIN_ROLE] = is_admin_role(user)


def expiry_reason(session, now):
    """ "idle", "lifetime" or None for an admin-role session."""
    if not session.get(ADMIN_ROLE):
        return None
    if now - session.get(LAST_SEEN, now) > settings.ADMIN_SESSION_IDLE_MINUTES * 60:
        return "idle"
    if now - session.get(STARTED, now) > settings.ADMIN_SESSION_MAX_HOURS * 3600:
        return "lifetime"
    return None


class AdminSessionLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            session = request.session
            now = int(time.time())
            if STARTED not in session:
                # A session from before these limits (or from a script): it starts now.
                stamp_session(session, user, now)
            else:
                reason = expiry_reason(session, now)
                if reason:
                    return self.expire(request, user, reason)
                if now - session.get(LAST_SEEN, 0) >= REFRESH_SECONDS:
                    session[LAST_SEEN] = now
                    # Roles granted or removed during a session count from the next minute.
                    session[ADMIN_ROLE] = is_admin_role(user)
        return self.get_response(request)

    def expire(self, request, user, reason):
        record(
            Action.SESSION_EXPIRED,
            request=request,
            actor=user,
            subject=user,
            reason=reason,
            idle_minutes=settings.ADMIN_SESSION_IDLE_MINUTES,
            max_hours=settings.ADMIN_SESSION_MAX_HOURS,
            path=request.path[:200],
        )
        logout(request)
        if reason == "idle":
            minutes = settings.ADMIN_SESSION_IDLE_MINUTES
            message = ngettext(
                "You were signed out after %(minutes)d minute without activity. Sign in again to continue.",
                "You were signed out after %(minutes)d minutes without activity. Sign in again to continue.",
                minutes,
            ) % {"minutes": minutes}
        else:
            hours = settings.ADMIN_SESSION_MAX_HOURS
            message = ngettext(
                "For security, sessions with admin access end %(hours)d hour after signing in. "
                "Sign in again to continue.",
                "For security, sessions with admin access end %(hours)d hours after signing in. "
                "Sign in again to continue.",
                hours,
            ) % {"hours": hours}
        messages.info(request, message)
        admin = request.path.startswith(reverse("wagtailadmin_home"))
        login_url = reverse("wagtailadmin_login") if admin else settings.LOGIN_URL
        next_url = request.get_full_path() if request.method == "GET" else request.path
        return redirect_to_login(next_url, login_url)
