"""Admin reports on what staff did, one module per report; exports go through
``security.exports.SafeSpreadsheetExportMixin``."""
