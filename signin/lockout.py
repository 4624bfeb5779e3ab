"""Lockouts after repeated failed sign-ins, built on django-axes.

Both sign-in forms (``/accounts/login/`` and Wagtail's ``/admin/login/``) sign in through
Django's ``authenticate()``, so axes sees every attempt: its backend refuses a locked-out
sign-in before any password is checked, and its signal handler records each failure (account
tried, address, browser) in the database, shared by every web process.

``AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]`` makes axes count failures two ways:
all failures for one account from any address, and all failures from one address whatever the
accounts. Axes compares both counts with one limit; here each has its own
(``LOCKOUT_ACCOUNT_FAILURES``, ``LOCKOUT_ADDRESS_FAILURES``, both env-driven), because a field
office behind one address must not be locked out as soon as one account would be.

The address is ``elearning.client_ip.client_ip`` (``AXES_CLIENT_IP_CALLABLE``): only as many
X-Forwarded-For hops as ``TRUSTED_PROXY_COUNT`` says proxies of ours added. The account is the
canonical username of whoever the typed name signs in as (username or work email, any case),
so "Amira", "amira" and her email share one count; a name that matches nobody counts under
itself, lower-cased, and locks the same way, so a lockout never tells whether an account exists.
"""

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Sum
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt

from security.log import Action, record

ACCOUNT = "account"
ADDRESS = "address"
# axes' lockout parameter -> the kind of lockout it makes.
KINDS = {"username": ACCOUNT, "ip_address": ADDRESS}


def failure_limits():
    return {ACCOUNT: settings.LOCKOUT_ACCOUNT_FAILURES, ADDRESS: settings.LOCKOUT_ADDRESS_FAILURES}


def account_failure_limit(request=None, credentials=None):
    """``AXES_FAILURE_LIMIT``: the handler states every count on the account limit's scale."""
    return settings.LOCKOUT_ACCOUNT_FAILURES


def cool_off(request=None):
    """``AXES_COOLOFF_TIME``: read at each use, so a changed setting applies at once."""
    return timedelta(minutes=settings.LOCKOUT_COOLOFF_MINUTES)


def account_key(request, credentials=None):
    """``AXES_USERNAME_CALLABLE``: the account an attempt counts against (see the module doc)."""
    tried = credentials.get("username") if credentials else getattr(request, "POST", {}).get("username")
    tried = str(tried or "").strip()
    if not tried:
        return None
    memo = request.__dict__.setdefault("_signin_account_keys", {}) if request is not None else {}
    if tried not in memo:
        memo[tried] = canonical_account(tried)
    return memo[tried]


def canonical_account(name):
    """The username ``name`` signs in as, or ``name`` lower-cased when it matches nobody."""
    User = get_user_model()
    try:
        key = User.objects.get_by_natural_key(name).get_username()
    except User.DoesNotExist:
        key = name.lower()
    return key[:255]


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler with a separate limit per lockout parameter.

    Axes locks when ``get_failures() >= AXES_FAILURE_LIMIT`` (the account limit, A). Each
    parameter's count c, with its own limit L, is stated as ``c * A // L``: for whole numbers
    ``c * A // L >= A`` exactly when ``c >= L``, so the largest of them reaches A exactly when
    some parameter has reached its own limit. The account count is stated as it is."""

    def failure_counts(self, request, credentials=None):
        """Failures within the cool-off, per kind: ``{"account": n, "address": m}``."""
        attempts_list = self.get_user_attempts(request, credentials)
        return {
            KINDS[parameter]: attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for parameter, attempts in zip(settings.AXES_LOCKOUT_PARAMETERS, attempts_list, strict=True)
        }

    def get_failures(self, request, credentials=None):
        limits = failure_limits()
        scale = settings.LOCKOUT_ACCOUNT_FAILURES
        counts = self.failure_counts(request, credentials)
        return max((count * scale // limits[kind] for kind, count in counts.items()), default=0)

    def locked_kinds(self, request, credentials=None):
        limits = failure_limits()
        counts = self.failure_counts(request, credentials)
        return [kind for kind, count in counts.items() if count >= limits[kind]], counts


def lockout_response(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: the page a refused sign-in gets, in the look of the form it
    came from. It says the same whether the account exists or not, and whether the account
    or the address is locked."""
    wait = cool_off(request)
    minutes = max(1, math.ceil(wait.total_seconds() / 60))
    admin = request.path.startswith(reverse("wagtailadmin_home"))
    template = "signin/admin_locked_out.html" if admin else "signin/locked_out.html"
    response = render(
        request,
        template,
        {"minutes": minutes, "service_desk": settings.SERVICE_DESK_CONTACT},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    response["Retry-After"] = str(int(wait.total_seconds()))
    return response


@dataclass
class Lockout:
    kind: str
    value: str
    failures: int
    limit: int
    last_failure: datetime
    until: datetime
    user: object = None

    @property
    def is_account(self):
        return self.kind == ACCOUNT


def current_lockouts(now=None):
    """Accounts and addresses locked out now, most recent failure first. A lockout lasts
    until enough of its failures are older than the cool-off to drop below the limit."""
    now = now or timezone.now()
    wait = cool_off()
    limits = failure_limits()
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=now - wait)
        .order_by("attempt_time")
        .values_list("username", "ip_address", "failures_since_start", "attempt_time")
    )
    groups = {ACCOUNT: defaultdict(list), ADDRESS: defaultdict(list)}
    for username, ip_address, failures, attempt_time in rows:
        if username:
            groups[ACCOUNT][username].append((attempt_time, failures))
        if ip_address:
            groups[ADDRESS][ip_address].append((attempt_time, failures))
    lockouts = []
    for kind, by_value in groups.items():
        limit = limits[kind]
        for value, entries in by_value.items():
            total = sum(failures for _, failures in entries)
            if total < limit:
                continue
            remaining = total
            for attempt_time, failures in entries:
                remaining -= failures
                if remaining < limit:
                    until = attempt_time + wait
                    break
            lockouts.append(Lockout(kind, value, total, limit, entries[-1][0], until))
    accounts = [lockout.value for lockout in lockouts if lockout.is_account]
    users = {user.get_username(): user for user in get_user_model().objects.filter(username__in=accounts)}
    for lockout in lockouts:
        if lockout.is_account:
            lockout.user = users.get(lockout.value)
    lockouts.sort(key=lambda lockout: lockout.last_failure, reverse=True)
    return lockouts


def unlock(kind, value, *, request=None, actor=None, via="admin"):
    """Forget the failures behind a lockout and log who unlocked what. Returns how many
    failure records were removed (0: nothing was locked, or it had expired)."""
    if kind == ACCOUNT:
        removed = AxesProxyHandler.reset_attempts(username=value)
        subject = get_user_model().objects.filter(username=value).first()
    elif kind == ADDRESS:
        removed = AxesProxyHandler.reset_attempts(ip_address=value)
        subject = None
    else:
        raise ValueError(f"unknown lockout kind {kind!r}")
    record(
        Action.UNLOCKED,
        request=request,
        actor=actor,
        subject=subject,
        kind=kind,
        value=value,
        failure_records_removed=removed,
        via=via,
    )
    return removed
