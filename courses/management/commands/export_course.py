"""``manage.py export_course COURSE_CODE FILE.zip [--format package|scorm12]``: a course as a
package another installation imports (``courses.packages``), or as a SCORM 1.2 package
another LMS imports (``courses.scorm``)."""

import os

from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Locale

from courses.models import CoursePage

PACKAGE = "package"
SCORM12 = "scorm12"


def _writer(format_name):
    # Imported when asked for, so each format's module stays on its own.
    if format_name == PACKAGE:
        from courses.packages.export import write_package

        return write_package
    from courses.scorm.export import write_scorm12

    return write_scorm12


class Command(BaseCommand):
    help = (
        "Export a course: as a course package (pages in every language, quizzes, images and "
        "documents, with a manifest of content hashes) for import_course in another "
        "installation, or as a SCORM 1.2 package for another LMS."
    )

    def add_arguments(self, parser):
        parser.add_argument("course_code", help="The course's code, such as INF-101.")
        parser.add_argument("output", help="The ZIP archive to write.")
        parser.add_argument("--format", choices=[PACKAGE, SCORM12], default=PACKAGE, dest="format_name")
        parser.add_argument(
            "--force", action="store_true", help="Replace the output file if it exists (refused otherwise)."
        )

    def handle(self, *args, course_code, output, format_name=PACKAGE, force=False, **options):
        # The course in the source language (the default locale), else any translation.
        course = (
            CoursePage.objects.filter(
                course_code__iexact=course_code.strip(), locale=Locale.get_default()
            ).first()
            or CoursePage.objects.filter(course_code__iexact=course_code.strip()).order_by("pk").first()
        )
        if course is None:
            raise CommandError(f"No course has the code {course_code!r}.")
        if format_name == PACKAGE and not course.live:
            raise CommandError(
                f"{course.course_code} is not published: a package holds published pages only."
            )
        if os.path.isdir(output):
            raise CommandError(f"{output} is a directory: give a file name.")
        try:
            fileobj = open(output, "wb" if force else "xb")  # noqa: SIM115 (removed if the export fails)
        except FileExistsError:
            raise CommandError(f"{output} already exists: choose another name, or add --force.") from None
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror or error}.") from None
        try:
            with fileobj:
                summary = _writer(format_name)(course, fileobj)
        except BaseException:
            # No half-written package left behind to be imported by mistake.
            os.remove(output)
            raise
        self.stdout.write(f"Wrote {output}: {summary}")
