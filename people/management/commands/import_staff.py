import os

from django.core.management.base import BaseCommand, CommandError

from people import roster_imports
from people.roster import COLUMNS, new_person

HELP = f"""Imports the staff roster from HR: a CSV file (UTF-8, with or without a BOM) with a
header row naming the columns, in any order and any case: {", ".join(COLUMNS)}.
Only employee_id and email are required. start_date is YYYY-MM-DD; active is
true/false, yes/no or 1/0 (blank means true); preferred_language is en, es, fr or ar.
People are matched by employee ID and created or updated; new people get the employee ID,
lower-cased, as their username and an unusable password (they set one with password
reset). Leavers (active false) are deactivated, never deleted. Every invalid row is
reported with its line number (the header is line 1) and nothing is written unless the
whole file is valid. Departments that do not exist yet are created and a manager that is
neither in the file nor in the database is left out: both are printed as warnings. The
command exits non-zero whenever any row is invalid, even when --skip-invalid wrote the
valid rows. --dry-run lists each new, changed (before -> after) and deactivated person.
An import that writes is recorded for the HR dashboard and the security log.
A sample file: samples/roster.csv."""


class ProgressBar:
    """A plain progress bar on the command's stderr, drawn only when it is a terminal."""

    def __init__(self, stream, width=30):
        self.stream = stream
        self.width = width
        self.enabled = stream.isatty()

    def __call__(self, done, total):
        if not self.enabled or not total:
            return
        filled = self.width * done // total
        ending = "\n" if done >= total else ""
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total}", ending=ending)
        self.stream.flush()


class Command(BaseCommand):
    help = HELP

    def add_arguments(self, parser):
        parser.add_argument("file", help="the roster CSV file (see samples/roster.csv)")
        parser.add_argument(
            "--dry-run", action="store_true", help="validate and report what would change; write nothing"
        )
        parser.add_argument(
            "--deactivate-missing",
            action="store_true",
            help="deactivate active people who are not in the file (never deleted); superusers and "
            "accounts without an employee ID are never deactivated",
        )
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="write the valid rows even when some rows are invalid (a row whose manager is on an "
            "invalid row is invalid too); the command still exits non-zero",
        )

    def handle(self, *args, **options):
        try:
            with open(options["file"], "rb") as roster:
                data = roster.read()
        except OSError as exc:
            raise CommandError(f"cannot read {options['file']}: {exc.strerror}") from exc
        result, _stored = roster_imports.run(
            data,
            file_name=os.path.basename(options["file"]),
            dry_run=options["dry_run"],
            deactivate_missing=options["deactivate_missing"],
            skip_invalid=options["skip_invalid"],
            progress=ProgressBar(self.stderr),
        )
        for error in result.errors:
            self.stderr.write(f"{options['file']}: {error}")
        for warning in result.warnings:
            self.stdout.write(f"{options['file']}: warning: {warning}")
        if result.dry_run:
            self.preview(result)
        self.stdout.write(self.summary(result))
        if result.errors:
            lines = len(result.invalid_lines)
            outcome = "the valid rows were written" if result.written else "nothing was written"
            raise CommandError(f"{lines} invalid row(s), {len(result.errors)} error(s): {outcome}.")

    def preview(self, result):
        for user in result.created:
            values = new_person(user, result)
            extra = ", ".join(f"{name} {values[name]}" for name in ("department", "manager") if values[name])
            self.stdout.write(
                f"new: {user.employee_id} {user.full_name} <{user.email}>{'; ' + extra if extra else ''}"
            )
        for user in result.updated:
            changes = "; ".join(
                f"{name}: {before or '(blank)'} -> {after or '(blank)'}"
                for name, (before, after) in result.changes.get(user.employee_id, {}).items()
            )
            self.stdout.write(f"changed: {user.employee_id} {user.full_name}: {changes}")
        for user in result.deactivated:
            self.stdout.write(f"deactivated: {user.employee_id} {user.full_name} <{user.email}>")

    def summary(self, result):
        counts = result.summary()
        if result.dry_run:
            prefix = "Dry run, nothing written. Would have: "
        elif result.written:
            prefix = "Imported: "
        else:
            prefix = "Nothing written. Valid rows would have: "
        return prefix + (
            f"created {counts['created']}, updated {counts['updated']}, unchanged {counts['unchanged']}, "
            f"deactivated {counts['deactivated']}; errors {counts['errors']} "
            f"(in {counts['invalid_rows']} of {counts['rows']} rows)."
        )
