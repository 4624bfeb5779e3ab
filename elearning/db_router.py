"""Reads from the read replica where a lagging copy is harmless: the admin reports and the HR
API's GET requests. Everything else reads and writes the primary (``default``).

DATABASE_REPLICA_URL gives DATABASES a ``replica`` entry and installs ``ReplicaRouter``
(settings/base.py); without it there is no router and nothing here has any effect.

- Writes and migrations go to ``default``, always.
- Reads go to ``default``, except inside ``replica_reads()``: ``ReplicaReadsMixin`` opens it
  around a GET or HEAD request of a view that asks for it (the admin reports, the HR API's
  feeds, catalogue and transcripts), including the template rendered and the CSV streamed
  after the view returns. Learner pages, quiz submissions, sign-in, admin edits and any
  request with another method never open it.
- Even inside it, two kinds of read stay on the primary:
  - the models in DATABASE_REPLICA_EXCLUDED_MODELS (permissions, groups, API clients): who may
    read is decided on the primary, so a removed role or a revoked key stops at once
    whatever the replica's lag;
  - any read inside a transaction on ``default``: it must see that transaction's own writes
    (the sync clock reads back the stamp it has just written, for one).
- The HR API's sync feeds stay exact on a replica: it replays commits in commit order, and the
  sync clock (records/models/sync.py) stamps rows in that order, so a replica, however far
  behind, holds every row up to some stamp and none after it. The xAPI feed is not given the
  scope: its horizon is a wall-clock time ("everything before it is in this run") that a
  replica lagging more than XAPI_SETTLE_SECONDS would break.
- Read-your-writes: a replica is a little behind the primary (usually well under a second,
  more under load). After a successful POST, PUT, PATCH or DELETE, ``StickyPrimaryMiddleware``
  gives the browser a cookie that keeps its requests on the primary for
  DATABASE_REPLICA_STICKY_SECONDS, so a manager who changes something and goes back to a
  report sees the change. The HR API has no writes, so its clients never need one.
"""

import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, router
from django.template.response import SimpleTemplateResponse

REPLICA = "replica"
SAFE_METHODS = ("GET", "HEAD")
STICKY_COOKIE = "primary_reads_until"

# True while the current request (or thread, or task) may read from the replica. A ContextVar,
# so it cannot leak from one request into another served by the same thread.
_replica_reads = ContextVar("replica_reads", default=False)


class ReplicaRouter:
    def __init__(self):
        self.excluded = {label.lower() for label in getattr(settings, "DATABASE_REPLICA_EXCLUDED_MODELS", ())}

    def db_for_read(self, model, **hints):
        if (
            _replica_reads.get()
            and model._meta.label_lower not in self.excluded
            and not connections[DEFAULT_DB_ALIAS].in_atomic_block
        ):
            return REPLICA
        # Named, not None: Django would otherwise read an object's relations from the
        # database the object came from, which for an object read in a report is the replica.
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # The same rows on both: an object read from the replica may be linked to one from the
        # primary (and is saved to the primary).
        if {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, REPLICA}:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica copies the primary's schema; it is never migrated itself.
        return db == DEFAULT_DB_ALIAS


def replica_in_use():
    return any(isinstance(each, ReplicaRouter) for each in router.routers)


@contextmanager
def replica_reads():
    """Reads inside the block may go to the replica (subject to the rules above)."""
    token = _replica_reads.set(True)
    try:
        yield
    finally:
        _replica_reads.reset(token)


def may_read_replica(request):
    """A GET or HEAD request from anyone who has not just written."""
    return request.method in SAFE_METHODS and not _sticky(request)


def _sticky(request):
    try:
        until = int(request.COOKIES.get(STICKY_COOKIE, ""))
    except ValueError:
        return False
    now = time.time()
    # A value further ahead than the window is not one this site set: ignored.
    return now < until <= now + settings.DATABASE_REPLICA_STICKY_SECONDS + 1


class ReplicaReadsMixin:
    """For a class-based view (Django, Wagtail or DRF) whose GET and HEAD requests may read
    from the replica. Put it first among the bases, so the whole of ``dispatch`` (the view's
    own permission checks included, which stay on the primary by the rules above) runs
    inside the scope."""

    def dispatch(self, request, *args, **kwargs):
        # Who is asking is settled on the primary, before the scope opens (the session and
        # the user are otherwise read lazily, at the first use inside the view).
        user = getattr(request, "user", None)
        if user is not None:
            user.is_authenticated  # noqa: B018 (evaluates the lazy user)
        if not may_read_replica(request):
            return super().dispatch(request, *args, **kwargs)
        with replica_reads():
            response = super().dispatch(request, *args, **kwargs)
            # A template (a report's table) renders after the view returns, and a streamed
            # export reads its rows while it is sent: both still belong to this request.
            if isinstance(response, SimpleTemplateResponse):
                response.render()
        if response.streaming:
            response.streaming_content = _each_step_reading_replica(response.streaming_content)
        return response


def _each_step_reading_replica(chunks):
    chunks = iter(chunks)
    while True:
        with replica_reads():
            try:
                chunk = next(chunks)
            except StopIteration:
                return
        yield chunk


class StickyPrimaryMiddleware:
    """After a successful write (any method but GET, HEAD, OPTIONS and TRACE, answered below
    400), the browser's requests read from the primary for DATABASE_REPLICA_STICKY_SECONDS.
    Does nothing unless the replica router is installed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in (*SAFE_METHODS, "OPTIONS", "TRACE") and response.status_code < 400:
            seconds = settings.DATABASE_REPLICA_STICKY_SECONDS
            if seconds and replica_in_use():
                response.set_cookie(
                    STICKY_COOKIE,
                    str(int(time.time()) + seconds),
                    max_age=seconds,
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite="Lax",
                )
        return response
