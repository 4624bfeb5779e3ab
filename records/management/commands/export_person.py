"""``manage.py export_person EMPLOYEE_ID|--email EMAIL|--username NAME [--output FILE.zip] [--force]``: one person's data
as a ZIP archive (records.privacy.export), for HR answering a data request."""

import os

from django.core.management.base import BaseCommand, CommandError

from records.management.commands._person import add_person_arguments, find_person
from records.privacy.export import BY_COMMAND, archive_name, export_person


class Command(BaseCommand):
    help = (
        "Write one person's data (profile, enrolments, progress, quiz attempts, reflections, "
        "certificates, reminders, security log) to a ZIP archive with a README, JSON and CSV. "
        "The export is recorded in the security log."
    )

    def add_arguments(self, parser):
        add_person_arguments(parser)
        parser.add_argument(
            "--output",
            help="The archive to write; default personal-data-EMPLOYEE_ID-DATE.zip in the current directory.",
        )
        parser.add_argument(
            "--force", action="store_true", help="Replace the output file if it exists (refused otherwise)."
        )

    def handle(self, *args, employee_id=None, email=None, username=None, output=None, force=False, **options):
        person = find_person(employee_id, email, username)
        path = output or archive_name(person)
        if os.path.isdir(path):
            raise CommandError(f"{path} is a directory: give a file name with --output.")
        # A personal data archive is never overwritten by accident: an older one may be the
        # one HR was asked to keep.
        mode = "wb" if force else "xb"
        try:
            fileobj = open(path, mode)  # noqa: SIM115 (closed below, removed if the export fails)
        except FileExistsError:
            raise CommandError(
                f"{path} already exists: choose another --output, or add --force to replace it."
            ) from None
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error.strerror or error}.") from None
        try:
            with fileobj:
                counts = export_person(person, fileobj, channel=BY_COMMAND)
        except BaseException:
            # No half-written archive left behind to be mistaken for a complete one.
            os.remove(path)
            raise
        summary = ", ".join(f"{name} {count}" for name, count in counts.items())
        self.stdout.write(f"Wrote {path} for {person.employee_id or person.username} ({summary}).")
