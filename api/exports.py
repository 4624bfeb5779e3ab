"""Streamed CSV exports of the feeds: rows are read from the database in chunks and
written out as they come, so memory stays flat however many rows there are."""

import csv
import json
from datetime import UTC, date, datetime
from typing import NamedTuple

from django.http import StreamingHttpResponse
from django.utils import timezone

from records.models.sync import EPOCH
from security.exports import EXPORT_CHUNK_SIZE, neutralise_formula

from .pagination import after, position


class _Echo:
    def write(self, value):
        return value


def csv_response(rows, headings, filename):
    """``rows`` yields dicts with the ``headings`` as keys; text that a spreadsheet would
    run as a formula is neutralised."""
    writer = csv.writer(_Echo())

    def stream():
        yield writer.writerow(headings)
        for row in rows:
            yield writer.writerow([_cell(row[heading]) for heading in headings])

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.csv"'
    return response


class FlatField(NamedTuple):
    """A feed's nested field written as columns of its own: ``columns`` are (heading, function
    of the nested value, which is never None)."""

    name: str
    columns: tuple

    def headings(self, headings):
        at = headings.index(self.name)
        return [*headings[:at], *(heading for heading, _value in self.columns), *headings[at + 1 :]]

    def row(self, row):
        row = dict(row)
        nested = row.pop(self.name)
        for heading, value in self.columns:
            row[heading] = None if nested is None else value(nested)
        return row


UPDATE_REQUIRED_COLUMNS = FlatField(
    "update_required",
    (
        ("update_required_version", lambda update: update["version"]),
        # "Title (v3); Other title (v2)": one cell a person can read.
        (
            "update_required_modules",
            lambda update: "; ".join(f"{m['title']} (v{m['version']})" for m in update["modules"]),
        ),
        ("update_required_due_date", lambda update: update["due_date"]),
    ),
)


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return neutralise_formula(json.dumps(value, sort_keys=True, separators=(",", ":")))
    if isinstance(value, bool):
        return "true" if value else "false"  # as in the JSON, whatever the reader's language
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")  # as in the JSON
    if isinstance(value, date):
        return value.isoformat()
    return neutralise_formula(value)


def chunked(queryset, read_rows, chunk_size=EXPORT_CHUNK_SIZE):
    """The rows of a queryset in (updated_at, id) order, read by keyset in chunks (each one
    indexed query), so neither the database nor Python ever holds the whole result.
    ``read_rows`` turns one chunk's queryset into row dicts."""
    last = (EPOCH, 0)
    while True:
        batch = read_rows(after(queryset, *last).order_by("updated_at", "id")[:chunk_size])
        if not batch:
            return
        yield from batch
        last = position(batch[-1])
        if len(batch) < chunk_size:
            return
