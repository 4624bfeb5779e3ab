"""A person's rights over their data: the export (export.py) of everything the platform holds
about one person."""
