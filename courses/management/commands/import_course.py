"""``manage.py import_course FILE.zip [--dry-run]``: a course package exported by
``export_course`` (here or in another installation) imported as drafts
(``courses.packages.importer``). A refused package is a non-zero exit naming the member
and the reason, with nothing written."""

from django.core.management.base import BaseCommand, CommandError

from courses.packages.errors import PackageError
from courses.packages.importer import import_package


class Command(BaseCommand):
    help = (
        "Import a course package: the course and its translations as drafts under the catalogue "
        "of each language, with their quizzes, images and documents. Pages edited here since the "
        "last import are reported as conflicts and left as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument("package", help="The course package (ZIP) to import.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the package and report what would change; save nothing.",
        )

    def handle(self, *args, package, dry_run=False, **options):
        try:
            with open(package, "rb") as fileobj:
                report = import_package(fileobj, dry_run=dry_run)
        except OSError as error:
            raise CommandError(f"Cannot read {package}: {error.strerror or error}.") from None
        except PackageError as error:
            raise CommandError(f"{package} refused, nothing imported: {error}") from None
        for page in report.pages:
            line = f"  {page.action:<9} {page.kind} ({page.locale}) {page.title}"
            self.stdout.write(f"{line}: {page.reason}" if page.reason else line)
        for language in report.locales_created:
            self.stdout.write(f"  locale    {language} created")
        for warning in report.warnings:
            self.stdout.write(f"  warning   {warning}")
        prefix = "Dry run, nothing saved. " if dry_run else ""
        self.stdout.write(prefix + report.summary())
