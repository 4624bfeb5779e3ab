"""``manage.py erase_person EMPLOYEE_ID|--email EMAIL|--username NAME [--dry-run] [--force]``: erase a person's personal
data (records.privacy.erasure) and print what was removed, replaced and kept."""

from django.core.management.base import BaseCommand, CommandError

from records.management.commands._person import add_person_arguments, find_person
from records.privacy.erasure import ErasureRefused, Via, erase_person


class Command(BaseCommand):
    help = (
        "Erase a person's personal data (name, email, employee ID, sign-in details, free text); "
        "their scores, dates and counts stay. Refused for active staff without --force."
    )

    def add_arguments(self, parser):
        add_person_arguments(parser)
        parser.add_argument("--dry-run", action="store_true", help="Show what would happen; change nothing.")
        parser.add_argument(
            "--force", action="store_true", help="Also erase an active staff member (and deactivate them)."
        )

    def handle(
        self, *args, employee_id=None, email=None, username=None, dry_run=False, force=False, **options
    ):
        person = find_person(employee_id, email, username, nobody="No staff member or partner learner")
        try:
            report = erase_person(person, force=force, dry_run=dry_run, reason=Via.COMMAND)
        except ErasureRefused as refusal:
            raise CommandError(str(refusal)) from refusal
        self.stdout.write(report.as_text())
