"""Completions and quiz results as xAPI 1.0.3 statements, for a learning record store (LRS).

What a statement says, and nothing more (never answers, choices or reflections):

- a course completion: ``completed`` the course activity, with the course score;
- a revoked completion: a ``voided`` statement pointing at the completion's statement,
  which is how xAPI withdraws a statement (an LRS then treats the original as void);
- a submitted quiz: ``passed`` or ``failed`` the module's assessment, with its score,
  inside the course activity.

The actor is an account on this platform named by a pseudonym (``pseudonym``): a keyed hash
of the person's internal id, per API client or per installation (``XAPI_ACTOR_SCOPE``),
never the employee ID, an email or a name, so an LRS holds no identifier HR could join on
without this platform's key. It is stable: the same person has the same actor on every
statement, voided ones included, whatever changes in the roster. Statement IDs are UUIDs derived from the record
(``completion:<id>`` ...), so reading the feed twice gives the same statements and an LRS
stores each once.

Order and ``since``: a statement's place in the feed is when it became available here, not
its ``timestamp`` (when it happened):

- completed: the completion's ``created_at``. Not ``completed_at``, which an import or a
  backfill may set in the past, behind a client that has already read further; and not
  ``updated_at``, which moves again when the certificate lapses, so the statement would be
  sent again, and an LRS answers a resent statement whose content has since changed (a
  corrected record, a later version of this module) with 409 Conflict;
- voided: the completion's ``updated_at`` (the sync clock's stamp of the revocation);
- passed/failed: the attempt's ``submitted_at``, the only time an attempt has.

Only ``updated_at`` is stamped in commit order (``records.models.sync``); the other two are
taken before their transaction commits, so a row could appear behind a reader that has just
read past its time. The feed therefore stops ``XAPI_SETTLE_SECONDS`` (default 30) before now,
far longer than those transactions take, and says where in the ``X-Experience-API-Consistent-
Through`` header: xAPI's own answer to this. A client resumes with ``since`` set to that
header's value from its previous run, and then misses nothing and reads nothing twice.

Paging: statements are ordered by (time, kind, id); the cursor in ``more`` carries the last
statement's position and the run's horizon, so every page of one run ends at the same time.
Each kind is read with its own keyset query, at most ``limit + 1`` rows each, and the three
are merged: a page costs the same few queries wherever it starts and whatever its size."""

import base64
import binascii
import hashlib
import hmac
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from rest_framework.exceptions import ValidationError

from quizzes.models import Attempt
from records.models import CourseCompletion

from . import records

VERSION = "1.0.3"
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
DEFAULT_SETTLE_SECONDS = 30

ADL_VERBS = "http://adlnet.gov/expapi/verbs/"
COMPLETED = ADL_VERBS + "completed"
PASSED = ADL_VERBS + "passed"
FAILED = ADL_VERBS + "failed"
VOIDED = ADL_VERBS + "voided"
VERB_IRIS = [COMPLETED, PASSED, FAILED, VOIDED]
COURSE_TYPE = "http://adlnet.gov/expapi/activities/course"
ASSESSMENT_TYPE = "http://adlnet.gov/expapi/activities/assessment"
# RFC 5646 "undetermined": the module an attempt was taken on may since have been deleted.
UNDETERMINED_LANGUAGE = "und"


def base_url():
    """The IRI prefix of the actor's home page, the activities and the statement IDs.
    ``XAPI_BASE_URL`` keeps them stable if the site ever moves to another address."""
    return (getattr(settings, "XAPI_BASE_URL", None) or settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def settle_time():
    return timedelta(seconds=getattr(settings, "XAPI_SETTLE_SECONDS", DEFAULT_SETTLE_SECONDS))


def now():
    return timezone.now()


def timestamp(value):
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def statement_id(name):
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, f"{base_url()}/xapi/statements")
    return str(uuid.uuid5(namespace, name))


def _number(value):
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _score(percentage):
    """A 0–100 percentage as an xAPI score; ``None`` (a course without quizzes) gives none."""
    if percentage is None:
        return None
    return {"scaled": _number(Decimal(percentage) / 100), "raw": _number(percentage), "min": 0, "max": 100}


def _compact(value):
    # xAPI forbids null, "" and {} anywhere in a statement: absent is the only way to say "none".
    if isinstance(value, dict):
        value = {key: _compact(item) for key, item in value.items()}
        return {key: item for key, item in value.items() if item not in (None, "", {})}
    if isinstance(value, list):
        return [_compact(item) for item in value]
    return value


def verb(iri):
    return {"id": iri, "display": {"en-US": iri.rsplit("/", 1)[1]}}


PER_CLIENT = "client"
PER_INSTALLATION = "installation"
ACTOR_SCOPES = (PER_CLIENT, PER_INSTALLATION)
PSEUDONYM_BYTES = 20  # 160 bits, 32 characters of base32


def actor_scope():
    scope = getattr(settings, "XAPI_ACTOR_SCOPE", PER_CLIENT) or PER_CLIENT
    if scope not in ACTOR_SCOPES:
        raise ImproperlyConfigured(
            f"XAPI_ACTOR_SCOPE must be one of {', '.join(ACTOR_SCOPES)}, got {scope!r}"
        )
    return scope


def pseudonym_key():
    """``XAPI_PSEUDONYM_KEY``, or else a key derived from ``SECRET_KEY`` for this use alone.
    Changing it changes every actor: an LRS would see everyone as new people."""
    key = getattr(settings, "XAPI_PSEUDONYM_KEY", "")
    if key:
        return key.encode()
    return hmac.new(settings.SECRET_KEY.encode(), b"api.xapi.pseudonym-key", hashlib.sha256).digest()


def pseudonym(user_id, client=None, key=None, scope=None):
    """The actor's account name for a person: HMAC-SHA256 of their internal id (and, per
    client, of the API client's id), its first 160 bits in lower-case base32. Stable across
    roster changes (employee ID, email, name), different for each client when so configured,
    and impossible to link to a person without the key."""
    scope = scope or actor_scope()
    message = f"user:{user_id}" if scope == PER_INSTALLATION else f"client:{client.pk}|user:{user_id}"
    digest = hmac.new(key or pseudonym_key(), message.encode(), hashlib.sha256).digest()
    return base64.b32encode(digest[:PSEUDONYM_BYTES]).decode().lower()


def actor(user_id, client=None):
    return {"objectType": "Agent", "account": {"homePage": base_url(), "name": pseudonym(user_id, client)}}


class Actors:
    """The actors of one page for one client: the key and scope read once, each person's
    pseudonym computed once."""

    def __init__(self, client):
        self.client = client
        self.key, self.scope, self.home = pseudonym_key(), actor_scope(), base_url()
        self.names = {}

    def __call__(self, user_id):
        if user_id not in self.names:
            self.names[user_id] = pseudonym(user_id, self.client, key=self.key, scope=self.scope)
        return {"objectType": "Agent", "account": {"homePage": self.home, "name": self.names[user_id]}}


def course_activity(course_code, title=None, language=None):
    name = {language or settings.LANGUAGE_CODE: title} if title else None
    return {
        "objectType": "Activity",
        "id": f"{base_url()}/xapi/activities/course/{quote(course_code, safe='')}",
        "definition": {"type": COURSE_TYPE, "name": name},
    }


def module_activity(module_key, title, language):
    return {
        "objectType": "Activity",
        "id": f"{base_url()}/xapi/activities/module/{module_key}",
        "definition": {"type": ASSESSMENT_TYPE, "name": {language or UNDETERMINED_LANGUAGE: title}},
    }


def _platform():
    return getattr(settings, "WAGTAIL_SITE_NAME", None)


def completed_statement(row, actors):
    return _compact(
        {
            "id": statement_id(f"completion:{row['pk']}"),
            "actor": actors(row["user_id"]),
            "verb": verb(COMPLETED),
            "object": course_activity(row["course_code"], row["course_title"], row["course_language"]),
            "result": {"score": _score(row["score"]), "success": True, "completion": True},
            "context": {"platform": _platform(), "language": row["course_language"]},
            "timestamp": timestamp(row["completed_at"]),
            "version": VERSION,
        }
    )


def voided_statement(row, actors):
    """The person stays the actor, so an LRS's query for one person's statements finds the
    revocation too; who revoked it (an HR admin) is not shared."""
    return _compact(
        {
            "id": statement_id(f"void:{row['pk']}"),
            "actor": actors(row["user_id"]),
            "verb": verb(VOIDED),
            "object": {"objectType": "StatementRef", "id": statement_id(f"completion:{row['pk']}")},
            "timestamp": timestamp(row["revoked_at"]),
            "version": VERSION,
        }
    )


def attempt_statement(row, actors):
    language = row["module__locale__language_code"]
    return _compact(
        {
            "id": statement_id(f"attempt:{row['pk']}"),
            "actor": actors(row["user_id"]),
            "verb": verb(PASSED if row["passed"] else FAILED),
            "object": module_activity(row["module_key"], row["module_title"], language),
            "result": {
                "score": _score(row["percentage"]),
                "success": bool(row["passed"]),
                "completion": True,
            },
            "context": {
                "contextActivities": {"parent": [course_activity(row["course_code"])]},
                "platform": _platform(),
                "language": language,
            },
            "timestamp": timestamp(row["submitted_at"]),
            "version": VERSION,
        }
    )


_COMPLETION_FIELDS = (
    "pk",
    "created_at",
    "updated_at",
    "completed_at",
    "revoked_at",
    "score",
    "course_code",
    "course_title",
    "course_language",
    "user_id",
)
# The allowlist of what is read from an attempt: its questions and answers never leave the database.
_ATTEMPT_FIELDS = (
    "pk",
    "submitted_at",
    "percentage",
    "passed",
    "module_key",
    "module_title",
    "course_code",
    "user_id",
    "module__locale__language_code",
)


def _completions():
    return CourseCompletion.objects.all()


def _revoked_completions():
    return CourseCompletion.objects.revoked()


def _submitted_attempts():
    return Attempt.objects.filter(submitted_at__isnull=False, passed__isnull=False)


@dataclass(frozen=True)
class Source:
    """One kind of statement: the rows it is built from, in (``time_field``, id) order."""

    rank: int
    time_field: str
    queryset: Callable
    fields: tuple
    build: Callable

    def rows(self, people, position, horizon, count):
        field = self.time_field
        queryset = self.queryset().filter(people, **{f"{field}__lte": horizon})
        if position is not None:
            queryset = queryset.filter(self._after(position))
        return list(queryset.order_by(field, "pk").values(*self.fields)[:count])

    def _after(self, position):
        time, rank, pk = position
        field = self.time_field
        if self.rank > rank:
            return Q(**{f"{field}__gte": time})
        if self.rank < rank:
            return Q(**{f"{field}__gt": time})
        # The redundant >= lets the database start its index scan at ``time``.
        return (Q(**{f"{field}__gt": time}) | Q(**{field: time, "pk__gt": pk})) & Q(**{f"{field}__gte": time})


# The rank orders statements of the same time: a completion before the voiding of it.
SOURCES = [
    Source(0, "created_at", _completions, _COMPLETION_FIELDS, completed_statement),
    Source(1, "updated_at", _revoked_completions, _COMPLETION_FIELDS, voided_statement),
    Source(2, "submitted_at", _submitted_attempts, _ATTEMPT_FIELDS, attempt_statement),
]
AFTER_ALL_RANKS = len(SOURCES)


@dataclass(frozen=True)
class Query:
    limit: int
    horizon: datetime
    position: tuple | None  # (time, rank, pk): statements strictly after it; None: from the start


@dataclass(frozen=True)
class Page:
    statements: list
    horizon: datetime
    next_cursor: str | None


def encode_cursor(horizon, position):
    time, rank, pk = position
    raw = f"{horizon.isoformat()}|{time.isoformat()}|{rank}|{pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor):
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        horizon, time, rank, pk = raw.split("|")
        horizon, time, rank, pk = (
            datetime.fromisoformat(horizon),
            datetime.fromisoformat(time),
            int(rank),
            int(pk),
        )
        if (
            horizon.tzinfo is None
            or time.tzinfo is None
            or not 0 <= rank < len(SOURCES)
            or not 0 <= pk < 2**63
        ):
            raise ValueError
        # In UTC now, so a time at the edge of the calendar fails here and not in the database.
        return horizon.astimezone(UTC), (time.astimezone(UTC), rank, pk)
    except (ValueError, OverflowError, binascii.Error, UnicodeDecodeError) as error:
        raise ValidationError(
            {"cursor": [_("This cursor is not valid: follow the “more” link of the previous page.")]}
        ) from error


def parse_since(value):
    # An unencoded "+01:00" in a query string arrives as " 01:00".
    for candidate in dict.fromkeys([value, value.replace(" ", "+")]):
        try:
            parsed = parse_datetime(candidate.strip())
            if parsed is None:
                continue
            # xAPI reads a timestamp without a time zone as UTC. Converting here makes a time
            # at the edge of the calendar (0001-01-01T00:00+01:00) fail as a 400, not in the database.
            return (parsed if timezone.is_aware(parsed) else parsed.replace(tzinfo=UTC)).astimezone(UTC)
        except (ValueError, OverflowError):
            continue
    raise ValidationError({"since": [_("Give a date and time in ISO 8601, such as 2026-01-31T09:00:00Z.")]})


def parse_limit(value):
    if value is None:
        return DEFAULT_LIMIT
    try:
        limit = int(value)
    except ValueError:
        limit = -1
    if limit == 0:
        return MAX_LIMIT  # xAPI: 0 asks for as many as the server allows
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError(
            {"limit": [_("Give a whole number from 1 to %(max)d (0 for %(max)d).") % {"max": MAX_LIMIT}]}
        )
    return limit


def parse_query(params):
    """The page asked for: ``limit``, and where to start: the ``cursor`` of a ``more`` link,
    or else ``since``. Every invalid parameter is reported at once."""
    errors = {}
    values = {}
    for name, parse, raw in (
        ("limit", parse_limit, params.get("limit")),
        ("since", parse_since, params.get("since")),
        ("cursor", decode_cursor, params.get("cursor")),
    ):
        if name != "limit" and not raw:
            values[name] = None
            continue
        try:
            values[name] = parse(raw)
        except ValidationError as error:
            errors.update(error.detail)
    if errors:
        raise ValidationError(errors)
    if values["cursor"] is not None:
        horizon, position = values["cursor"]
    else:
        horizon = now() - settle_time()
        position = (values["since"], AFTER_ALL_RANKS, 0) if values["since"] else None
    return Query(limit=values["limit"], horizon=horizon, position=position)


def statement_page(client, query):
    """One page of statements for ``client``, in three queries."""
    people = records.visible_people_filter(client)
    entries = []
    for source in SOURCES:
        for row in source.rows(people, query.position, query.horizon, query.limit + 1):
            entries.append(((row[source.time_field], source.rank, row["pk"]), source, row))
    entries.sort(key=lambda entry: entry[0])
    # Each source gave up to limit + 1 rows: more than ``limit`` entries in all means at least
    # one statement is left over, and none is left over otherwise.
    has_more = len(entries) > query.limit
    entries = entries[: query.limit]
    actors = Actors(client)
    statements = [source.build(row, actors) for _position, source, row in entries]
    cursor = encode_cursor(query.horizon, entries[-1][0]) if has_more else None
    return Page(statements=statements, horizon=query.horizon, next_cursor=cursor)
