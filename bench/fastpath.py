"""Prototypes of the change proposed for the HR API's completion feed, measured by
``bench.api`` beside the real API (which they do not change): the same URLs, filters,
scoping, cursor, fields and CSV, but no model instances and no DRF serializer.

- A (``ValuesUrls``): rows read with ``values_list``, shaped by one plain function,
  rendered with orjson.
- B (``CursorUrls``): as A, but the ``values_list`` queryset's own SQL is run through a
  cursor, skipping Django's per-value converters (parse and make aware each datetime,
  quantize each decimal); orjson writes the database's naive UTC datetimes (SQLite) with
  a ``Z`` as DRF does. Its cursor condition is ``after_row_value`` below.
- ``after_row_value``: the proposed ``api.pagination.after``. ``bench.api`` also runs the
  real API with it patched in ("API, row-value cursor").

``bench.api`` serves each with ``override_settings(ROOT_URLCONF=...)`` at the API's own
paths, so their ``next`` links and output can be compared byte for byte with the API's."""

import datetime
from decimal import Decimal

from django.db import connections
from django.db.models import F
from django.db.models.fields.tuple_lookups import TupleGreaterThan
from django.urls import path
from django.utils import timezone
from django.utils.functional import Promise

import orjson
from rest_framework.renderers import JSONRenderer

from api.exports import csv_response
from api.pagination import SyncCursorPagination, after, decode_cursor
from api.views import CompletionViewSet
from quizzes.reports import EXPORT_CHUNK_SIZE

# The API's fields (CompletionSerializer.Meta.fields) and where each comes from.
COLUMNS = [
    ("id", "id"),
    ("employee_id", "user__employee_id"),
    ("email", "user__email"),
    ("name", "user__full_name"),
    ("department", "user__department__name"),
    ("course_code", "course_code"),
    ("course_title", "course_title"),
    ("course_language", "course_language"),
    ("completed_at", "completed_at"),
    ("score", "score"),
    ("passed", None),  # not revoked
    ("certificate_id", "certificate_id"),
    ("valid_until", "valid_until"),
    ("status", None),  # valid, expired or revoked
    ("revoked_at", "revoked_at"),
    ("revoked_reason", "revoked_reason"),
    ("created_at", "created_at"),
    ("updated_at", "updated_at"),
]
FIELDS = [name for name, _source in COLUMNS]
SOURCES = [source for _name, source in COLUMNS if source]
UPDATED_AT, ID = SOURCES.index("updated_at"), SOURCES.index("id")


def completion_values(row, today):
    """The API's values for one ``values_list(*SOURCES)`` row, in ``FIELDS`` order."""
    (pk, employee_id, email, name, department, code, title, language, completed_at, score,
     certificate, valid_until, revoked_at, reason, created_at, updated_at) = row  # fmt: skip
    if revoked_at is not None:
        status = "revoked"
    elif valid_until is not None and valid_until < today:
        status = "expired"
    else:
        status = "valid"
    return (pk, employee_id, email, name, department, code, title, language, completed_at, score,
            revoked_at is None, certificate, valid_until, status, revoked_at, reason, created_at,
            updated_at)  # fmt: skip


def after_row_value(queryset, updated_at, pk):
    """Rows after (updated_at, id). PostgreSQL gets ``(updated_at, id) > (T, id)`` alone:
    one index condition on (updated_at, id) whose row estimate is right. The redundant
    ``updated_at >= T`` of the current ``after`` makes PostgreSQL multiply two estimates of
    the same range, under-count the rows left by ~10x, and pick a bitmap scan + hash join +
    sort of every row after the cursor. SQLite has no row-value lookups in Django (the same
    lookup expands to the OR form) and keeps the ``>=``, which it needs to seek to T."""
    condition = TupleGreaterThan((F("updated_at"), F("id")), (updated_at, pk))
    if connections[queryset.db].features.supports_tuple_lookups:
        return queryset.filter(condition)
    return queryset.filter(condition, updated_at__gte=updated_at)


def _default(value):
    if isinstance(value, Decimal):
        return float(value)  # as DRF's encoder does for coerce_to_string=False
    if isinstance(value, Promise):
        return str(value)
    raise TypeError(type(value).__name__)


class OrjsonRenderer(JSONRenderer):
    """DRF's JSON, written by orjson: UTC datetimes end in ``Z`` as DRF writes them."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        return orjson.dumps(data, default=_default, option=orjson.OPT_UTC_Z | orjson.OPT_NAIVE_UTC)


class TupleCursorPagination(SyncCursorPagination):
    """The same keyset cursor, for ``values_list`` rows."""

    def get_next_link(self):
        if not self.has_next:
            return None
        self.page = [_Position(self.page[-1])]
        return super().get_next_link()


class _Position:
    def __init__(self, row):
        self.updated_at, self.pk = position(row)


def position(row):
    """(updated_at, id) of a row, aware (a cursor's SQLite datetimes are naive UTC)."""
    stamp = row[UPDATED_AT]
    return (stamp if stamp.tzinfo else stamp.replace(tzinfo=datetime.UTC)), row[ID]


def fetch_tuples(queryset):
    """The queryset's SQL through a cursor: the database's values, no converters."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class CursorTuplePagination(TupleCursorPagination):
    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        page_size = self.get_page_size(request)
        cursor = request.query_params.get(self.cursor_query_param)
        if cursor:
            queryset = after_row_value(queryset, *decode_cursor(cursor))
        rows = fetch_tuples(queryset.order_by(*self.ordering)[: page_size + 1])
        self.has_next = len(rows) > page_size
        self.page = rows[:page_size]
        return self.page


SCORE = FIELDS.index("score")


def csv_values(row, today):
    """The CSV cells as the API's serializer writes them; csv_response does the rest."""
    values = list(completion_values(row, today))
    for i, value in enumerate(values):
        if isinstance(value, datetime.datetime):
            if value.tzinfo is None:
                value = value.replace(tzinfo=datetime.UTC)
            value = value.astimezone(datetime.UTC).isoformat()
            values[i] = value[:-6] + "Z" if value.endswith("+00:00") else value
    if values[SCORE] is not None:
        values[SCORE] = f"{values[SCORE]:.2f}"  # a cursor gives SQLite's decimals as floats
    return values


def chunked_tuples(queryset, fetch=list, keyset=after, chunk_size=EXPORT_CHUNK_SIZE):
    last = None
    while True:
        page = queryset if last is None else keyset(queryset, *last)
        batch = fetch(page.order_by("updated_at", "id")[:chunk_size])
        if not batch:
            return
        yield from batch
        last = position(batch[-1])
        if len(batch) < chunk_size:
            return


class ValuesCompletionViewSet(CompletionViewSet):
    """Prototype A."""

    renderer_classes = [OrjsonRenderer]
    pagination_class = TupleCursorPagination
    fetch = staticmethod(list)
    keyset = staticmethod(after)

    def rows(self):
        return self.filter_queryset(self.get_queryset()).values_list(*SOURCES)

    def list(self, request, *args, **kwargs):
        rows = self.paginate_queryset(self.rows())
        today = timezone.localdate()
        data = [dict(zip(FIELDS, completion_values(row, today), strict=True)) for row in rows]
        return self.get_paginated_response(data)

    def export(self, request, *args, **kwargs):
        today = timezone.localdate()
        rows = chunked_tuples(self.rows(), self.fetch, self.keyset)
        return csv_response((csv_values(row, today) for row in rows), FIELDS, self.export_name)


class CursorCompletionViewSet(ValuesCompletionViewSet):
    """Prototype B."""

    pagination_class = CursorTuplePagination
    fetch = staticmethod(fetch_tuples)
    keyset = staticmethod(after_row_value)


def _urls(viewset):
    return [
        path("api/v1/completions/", viewset.as_view({"get": "list"})),
        path("api/v1/completions/export/", viewset.as_view({"get": "export"})),
    ]


class ValuesUrls:
    """A URLconf (Django takes any object with ``urlpatterns``) for prototype A."""

    urlpatterns = _urls(ValuesCompletionViewSet)


class CursorUrls:
    urlpatterns = _urls(CursorCompletionViewSet)
