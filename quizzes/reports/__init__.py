"""Admin reports on what staff did, one module per report. Exports go through
``SafeSpreadsheetExportMixin`` so nobody's text runs as a formula in a spreadsheet."""

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

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise_formula(value)
        return value
