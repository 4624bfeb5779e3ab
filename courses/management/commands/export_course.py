"""``manage.py export_course COURSE_CODE FILE.zip [--format package|scorm12] [--language ar]``: a course as a
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


def _scorm12(writer, course, language):
    """The SCORM writer in ``language``, its refusals as the command's errors (a missing
    translation found before any file is created)."""
    from courses.scorm.export import NotExportable, course_in

    def write(course, fileobj):
        try:
            return writer(course, fileobj, language=language)
        except NotExportable as error:
            raise CommandError(str(error)) from None

    try:
        course_in(course, language)
    except NotExportable as error:
        raise CommandError(str(error)) from None
    return write


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
        parser.add_argument(
            "--language",
            help="scorm12 only: the language to export, such as ar (default: the course's source language).",
        )

    def handle(self, *args, course_code, output, format_name=PACKAGE, force=False, language=None, **options):
        # The course in the source language (the default locale), else any translation.
        course = (
            CoursePage.objects.filter(
                course_code__iexact=course_code.strip(), locale=Locale.get_default()
            ).first()
            or CoursePage.objects.filter(course_code__iexact=course_code.strip()).order_by("pk").first()
        )
        if course is None:
            raise CommandError(f"No course has the code {course_code!r}.")
        if language and format_name != SCORM12:
            raise CommandError("--language is for --format scorm12: a course package holds every language.")
        writer = _writer(format_name)
        if format_name == SCORM12:
            writer = _scorm12(writer, course, language)
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
                summary = writer(course, fileobj)
        except BaseException:
            # No half-written package left behind to be imported by mistake.
            os.remove(output)
            raise
        self.stdout.write(f"Wrote {output}: {summary}")
