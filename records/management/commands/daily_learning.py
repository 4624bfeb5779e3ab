"""The daily job for cron: apply the assignment rules (new joiners and movers), update
enrolment statuses (overdue, expired), queue the reminder emails, then erase the personal
data of leavers past the retention period (records.privacy.retention). Safe to run
more than once a day, and on several machines at once."""

import argparse
from datetime import date as Date

from django.core.management.base import BaseCommand
from django.utils import timezone

from records.privacy.retention import erase_due
from records.services.assignments import apply_all_rules
from records.services.reminders import queue_reminders
from records.services.statuses import update_statuses


def parse_date(value):
    try:
        return Date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from error


class Command(BaseCommand):
    help = (
        "Apply assignment rules, update enrolment statuses, queue reminder emails and erase "
        "leavers' personal data after the retention period."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", type=parse_date, help="As of this day (YYYY-MM-DD); default today.")
        parser.add_argument("--no-reminders", action="store_true", help="Skip the reminder emails.")
        parser.add_argument(
            "--no-retention", action="store_true", help="Skip erasing leavers past the retention period."
        )

    def handle(self, *args, date=None, no_reminders=False, no_retention=False, **options):
        today = date or timezone.localdate()
        created = apply_all_rules(today)
        changed = update_statuses(today)
        self.stdout.write(f"Enrolments created: {created}")
        self.stdout.write(
            "Statuses changed: {overdue} overdue, {expired} expired, {reopened} no longer overdue".format(
                **changed
            )
        )
        if not no_reminders:
            self.stdout.write(f"Reminders queued: {len(queue_reminders(today))}")
        if not no_retention:
            erased = erase_due(today)
            self.stdout.write(f"Leavers' personal data erased (retention): {len(erased)}")
