"""Export safety for every spreadsheet the platform hands out: nobody's text runs as a
formula, large exports stream in chunks, and every admin export is in the security log.
Admin reports declare their columns once (``ReportColumn``), for the table and the export.

Values read the same in every admin export: dates and times as ISO 8601 in the CSV, with the
offset (``2026-03-02T14:05:00+00:00``, ``2026-03-02``); in XLSX as real date cells, the times
in the organisation's time zone (``TIME_ZONE``: Excel has no time zones); true/false as Yes/No.
The XLSX sheet is named after the report and its columns are as wide as their contents."""

import csv
import datetime
import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain, islice

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.encoding import force_str

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.mixins import Echo, ExcelDateFormatter

from elearning.yes_no import yes_no
from security.log import Action, record

# Rows fetched at a time when streaming a CSV export.
EXPORT_CHUNK_SIZE = 2000

# Rows read to size the XLSX columns (a write-only sheet takes its widths before any row).
WIDTH_SAMPLE_ROWS = 200
MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH = 8, 60
DATE_WIDTH, DATETIME_WIDTH = 12, 18
# Excel refuses these in a sheet's name, and names longer than 31 characters.
SHEET_NAME_FORBIDDEN = re.compile(r"[\\/*?:\[\]]")

# Cells starting with one of these are read as a formula by Excel, LibreOffice and Google
# Sheets when a CSV file is opened (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Text that a spreadsheet would run as a formula, with a leading apostrophe so it is
    shown as text. Anything that is not text (numbers, dates, None) is left alone."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class SafeSpreadsheetExportMixin:
    """For views with Wagtail's ``SpreadsheetExportMixin`` (reports, snippet listings).

    CSV: text cells that would start a formula get a leading apostrophe. XLSX: Wagtail
    already stores such text as a string cell, never as a formula, so the text is kept
    exactly as it was written."""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        filters = {
            key: values if len(values) > 1 else values[0]
            for key, values in self.request.GET.lists()
            if key != "export" and any(values)
        }
        rows = queryset.count() if isinstance(queryset, QuerySet) else len(queryset)
        record(
            Action.REPORT_EXPORTED,
            request=self.request,
            obj=self.page_title if hasattr(self, "page_title") else type(self).__name__,
            report=self.request.resolver_match.view_name if self.request.resolver_match else "",
            format=spreadsheet_format,
            filters=filters,
            rows=rows,
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)

    # The time zone of the XLSX's times (None: the organisation's, TIME_ZONE).
    export_time_zone = None

    def preprocess_field_value(self, field, value, export_format):
        if isinstance(value, bool):
            value = yes_no(value)
        elif isinstance(value, datetime.datetime):
            return self.export_datetime(value, export_format)
        elif isinstance(value, datetime.date):
            return value.isoformat() if export_format == self.FORMAT_CSV else value
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise_formula(value)
        return value

    def export_datetime(self, value, export_format):
        if timezone.is_aware(value):
            value = timezone.localtime(value, self.export_time_zone or timezone.get_default_timezone())
        if export_format == self.FORMAT_CSV:
            return value.isoformat(timespec="seconds")
        return value.replace(tzinfo=None)  # already in the chosen zone; openpyxl takes no other

    def get_sheet_title(self):
        title = self.get_page_title() if hasattr(self, "get_page_title") else getattr(self, "page_title", "")
        title = force_str(title or self.get_filename())
        return SHEET_NAME_FORBIDDEN.sub(" ", title).strip()[:31] or "Export"

    def write_xlsx(self, queryset, output):
        """Wagtail's XLSX, with the sheet named after the report, the heading row kept in
        view and each column as wide as its heading and its first rows."""
        from openpyxl import Workbook
        from openpyxl.utils import get_column_letter

        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title=self.get_sheet_title())
        headings = [self.get_heading(queryset, field) for field in self.list_export]
        items = iter(
            queryset.iterator(chunk_size=EXPORT_CHUNK_SIZE) if isinstance(queryset, QuerySet) else queryset
        )
        sample = [self.to_row_dict(item) for item in islice(items, WIDTH_SAMPLE_ROWS)]
        for index, width in enumerate(self.column_widths(headings, sample), start=1):
            worksheet.column_dimensions[get_column_letter(index)].width = width
        worksheet.freeze_panes = "A2"
        worksheet.append(headings)
        date_format = ExcelDateFormatter().get()
        for row in chain(sample, (self.to_row_dict(item) for item in items)):
            worksheet.append(self.generate_xlsx_row(worksheet, row, date_format=date_format))
        workbook.save(output)

    def column_widths(self, headings, rows):
        widths = []
        for index, heading in enumerate(headings):
            width = len(heading)
            for row in rows:
                value = list(row.values())[index]
                if isinstance(value, datetime.datetime):
                    width = max(width, DATETIME_WIDTH)
                elif isinstance(value, datetime.date):
                    width = max(width, DATE_WIDTH)
                elif value is not None:
                    width = max(
                        width, len(force_str(self.preprocess_field_value("", value, self.FORMAT_XLSX)))
                    )
            widths.append(min(max(width + 2, MIN_COLUMN_WIDTH), MAX_COLUMN_WIDTH))
        return widths

    def stream_csv(self, queryset):
        """Wagtail's CSV stream, reading the rows in chunks: iterating the queryset itself
        would hold every row (tens of thousands for HR) in memory before the first byte."""
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export)
        yield writer.writerow({field: self.get_heading(queryset, field) for field in self.list_export})
        rows = queryset.iterator(chunk_size=EXPORT_CHUNK_SIZE) if isinstance(queryset, QuerySet) else queryset
        for item in rows:
            yield self.write_csv_row(writer, self.to_row_dict(item))


@dataclass(frozen=True)
class ReportColumn:
    """One column of a report: the admin table shows ``column``, and the CSV/XLSX export
    writes the same value under ``heading`` (the column's label unless a spreadsheet, read
    without the page around it, needs a longer one). ``value`` gives the export a value of
    its own where the table's cell would not do in a spreadsheet (the cell shows local
    time, say, and the file UTC)."""

    column: Column
    heading: str | None = None
    value: Callable | None = None
    in_table: bool = True

    @property
    def name(self):
        return self.column.name

    @property
    def export_heading(self):
        return self.heading or self.column.label

    def export_value(self, item):
        return self.value(item) if self.value else self.column.get_value(item)


def export_only(name, heading, value=None):
    """A column that only the export has (``value``: a dotted path or a callable, the
    row's ``name`` by default)."""
    return ReportColumn(Column(name, label=heading, accessor=value), in_table=False)


class ReportColumnsMixin(SafeSpreadsheetExportMixin):
    """For a ``ReportView`` that lists its ``report_columns`` (``ReportColumn``s) once: the
    table's ``columns`` and the export's ``list_export``, ``export_headings`` and row values
    all come from that list, so the page and the file never disagree."""

    report_columns = ()

    @property
    def columns(self):
        return [spec.column for spec in self.report_columns if spec.in_table]

    @property
    def list_export(self):
        return [spec.name for spec in self.report_columns]

    @property
    def export_headings(self):
        return {spec.name: spec.export_heading for spec in self.report_columns}

    def to_row_dict(self, item):
        return OrderedDict((spec.name, spec.export_value(item)) for spec in self.report_columns)
