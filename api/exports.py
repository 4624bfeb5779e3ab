"""Streamed CSV exports of the feeds: rows are read from the database in chunks and
written out as they come, so memory stays flat however many rows there are."""

import csv

from django.http import StreamingHttpResponse
from django.utils import timezone

from quizzes.reports import EXPORT_CHUNK_SIZE, neutralise_formula

from .pagination import after


class _Echo:
    def write(self, value):
        return value


def csv_response(rows, headings, filename):
    """``rows`` yields lists of cell values; text that a spreadsheet would run as a formula
    is neutralised."""
    writer = csv.writer(_Echo())

    def stream():
        yield writer.writerow(headings)
        for row in rows:
            yield writer.writerow([_cell(value) for value in row])

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.csv"'
    return response


def _cell(value):
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return neutralise_formula(value)


def chunked(queryset, serialise, chunk_size=EXPORT_CHUNK_SIZE):
    """Rows of an ordered (updated_at, id) queryset, read by keyset in chunks: each chunk
    is one indexed query, and neither the database nor Python holds the whole result."""
    last = None
    while True:
        page = queryset
        if last is not None:
            page = after(page, *last)
        batch = list(page.order_by("updated_at", "id")[:chunk_size])
        if not batch:
            return
        yield from serialise(batch)
        last = (batch[-1].updated_at, batch[-1].pk)
        if len(batch) < chunk_size:
            return
