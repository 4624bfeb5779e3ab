"""Keyset ("cursor") pagination on (updated_at, id).

DRF's ``CursorPagination`` keeps one ordering field and skips ties by an offset; rows
stamped together (a bulk update) would then shift under a client when one of them
changes, and a row could be skipped. Here the cursor is the last row's exact
(updated_at, id), so each page costs the same index range scan wherever it starts, and a
row that changes during a sync moves past the cursor and is read again, never lost."""

import base64
import binascii
from collections import OrderedDict
from datetime import datetime

from django.db import connections
from django.db.models import F
from django.db.models.fields.tuple_lookups import TupleGreaterThan
from django.utils.translation import gettext_lazy as _

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from records.models.sync import EPOCH

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 5000  # larger pages made a full sync no faster (bench/README.md, docs/hr-integration.md)


def encode_cursor(updated_at, pk):
    raw = f"{updated_at.isoformat()}|{pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor):
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        stamp, pk = raw.split("|")
        updated_at = datetime.fromisoformat(stamp)
        if updated_at.tzinfo is None:
            raise ValueError
        return updated_at, int(pk)
    except (ValueError, binascii.Error, UnicodeDecodeError) as error:
        raise ValidationError(
            {"cursor": [_("This cursor is not valid: take it from a page's “next” link.")]}
        ) from error


def after(queryset, updated_at, pk):
    """Rows after (updated_at, id) in sync order. PostgreSQL compares the row value
    ``(updated_at, id) > (T, id)``: one index condition whose row estimate is right (with
    the OR form below it under-counted the rows left and, past ~95% of a million rows,
    sorted them all instead of walking the index). SQLite spells the same lookup as an OR,
    so it gets the redundant ``updated_at >= T`` to seek to T."""
    condition = TupleGreaterThan((F("updated_at"), F("id")), (updated_at, pk))
    if connections[queryset.db].features.supports_tuple_lookups:
        return queryset.filter(condition)
    return queryset.filter(condition, updated_at__gte=updated_at)


def position(row):
    """(updated_at, id) of a row read as a model instance or as a dict of values."""
    if isinstance(row, dict):
        return row["updated_at"], row["id"]
    return row.updated_at, row.pk


class SyncCursorPagination(BasePagination):
    cursor_query_param = "cursor"
    page_size_query_param = "page_size"
    ordering = ("updated_at", "id")

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
            return DEFAULT_PAGE_SIZE
        try:
            size = int(value)
        except ValueError:
            size = 0
        if not 1 <= size <= MAX_PAGE_SIZE:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        _("Give a whole number from 1 to %(max)d.") % {"max": MAX_PAGE_SIZE}
                    ]
                }
            )
        return size

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        page_size = self.get_page_size(request)
        cursor = request.query_params.get(self.cursor_query_param)
        # Even the first page starts "after" the epoch: with statistics, SQLite otherwise plans
        # a small first page as a scan and sort of every row (1.4 s on a million, bench/).
        position = decode_cursor(cursor) if cursor else (EPOCH, 0)

        def build(at):
            return after(queryset, *at).order_by(*self.ordering)[: page_size + 1]

        if hasattr(view, "read_page"):
            rows = view.read_page(build, position, page_size)
        else:
            rows = list(build(position))
        self.has_next = len(rows) > page_size
        self.page = rows[:page_size]
        return self.page

    def get_next_link(self):
        if not self.has_next:
            return None
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.cursor_query_param, encode_cursor(*position(self.page[-1])))

    def get_paginated_response(self, data):
        return Response(OrderedDict([("next", self.get_next_link()), ("results", data)]))

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["next", "results"],
            "properties": {
                "next": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "description": "The next page, or null on the last page. Follow it until it is null.",
                },
                "results": {**schema, "description": "This page's rows, in (updated_at, id) order."},
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Where the page starts; take it from the previous page's `next` link. "
                "Any other value is answered 400 with the error's `fields.cursor`.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Rows per page, 1 to {MAX_PAGE_SIZE} (default {DEFAULT_PAGE_SIZE}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            },
        ]
