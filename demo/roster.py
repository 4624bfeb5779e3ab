"""HR's latest roster export, imported once through the real roster import (as
``manage.py import_staff`` would), so the HR dashboard's *Roster last imported* panel and the
security log show an import on a fresh demo: a new joiner in Research and an office move."""

import csv
import io
from datetime import timedelta

from django.utils import timezone

from demo.organisation import EMAIL_DOMAIN, RESEARCH
from people.models import RosterImport
from people.roster import COLUMNS
from people.roster_imports import run

FILE_NAME = "hr-export-demo.csv"
# The joiner started ten days before the demo is loaded, so the rules' due dates for new
# joiners fall in the coming weeks.
JOINER_STARTED_DAYS_AGO = 10


def demo_roster_rows(today):
    return [
        {
            "employee_id": "E1043",
            "email": f"amani.juma@{EMAIL_DOMAIN}",
            "full_name": "Amani Juma",
            "department": RESEARCH,
            "country": "Kenya (Nairobi)",
            "manager_employee_id": "E1005",
            "preferred_language": "en",
            "start_date": (today - timedelta(days=JOINER_STARTED_DAYS_AGO)).isoformat(),
            "active": "true",
        },
        {
            "employee_id": "E1074",
            "email": f"arthit.phromma@{EMAIL_DOMAIN}",
            "full_name": "Arthit Phromma",
            "department": "Regional Office: East and Southeast Asia",
            "country": "Indonesia (Jakarta)",
            "manager_employee_id": "E1012",
            "preferred_language": "en",
            "start_date": "2023-08-14",
            "active": "true",
        },
    ]


def demo_roster_csv(today):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(demo_roster_rows(today))
    return out.getvalue()


def ensure_demo_roster_import(report):
    """Once: later runs find the import recorded and leave the directory as HR left it."""
    if RosterImport.objects.filter(file_name=FILE_NAME, status=RosterImport.Status.APPLIED).exists():
        report.record(f"roster import {FILE_NAME}", False)
        return
    result, _stored = run(demo_roster_csv(timezone.localdate()), file_name=FILE_NAME)
    if result.errors:
        raise RuntimeError(f"The demo roster did not import: {result.errors}")
    report.record(f"roster import {FILE_NAME}", True)
