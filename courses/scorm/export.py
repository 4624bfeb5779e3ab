"""``write_scorm12``: a course as a SCORM 1.2 package (``manage.py export_course CODE FILE.zip
--format scorm12``, and the admin's download, courses.scorm.admin)."""

import zipfile
from pathlib import Path

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from courses.models import CoursePage
from courses.models.pages import followed_modules
from courses.models.quiz import QuizChoice, QuizQuestion
from courses.scorm.files import MODULES_DIR, PackageFiles
from courses.scorm.manifest import Sco, build_manifest
from courses.scorm.rendering import render_module

ASSETS = Path(__file__).parent / "assets"
SHARED_FILES = {"assets/scorm.css": ASSETS / "scorm.css", "assets/scorm12.js": ASSETS / "scorm12.js"}


class NotExportable(ValueError):
    """Nothing an LMS could import: no live translation in the language asked for, or no
    published module."""


def course_in(course, language):
    """The course in ``language`` (a live translation), or the course itself when None."""
    if not language or course.locale.language_code == language:
        return course
    translation = (
        CoursePage.objects.live()
        .filter(translation_key=course.translation_key, locale__language_code=language)
        .select_related("locale")
        .first()
    )
    if translation is None:
        raise NotExportable(
            _("The course %(code)s has no published %(language)s translation.")
            % {
                "code": course.course_code,
                "language": language,
            }
        )
    return translation


def package_modules(course):
    """The modules in the package, as learners follow the course in its language
    (``followed_modules``): a translation that lacks a module carries the original's."""
    own = list(course.modules())
    original = course.canonical()
    if original.pk == course.pk:
        return own
    return followed_modules(own, list(original.modules()))


def _questions(modules):
    """Every module's questions with their choices, in three queries for the course."""
    questions = QuizQuestion.objects.filter(module__in=[module.pk for module in modules]).prefetch_related(
        Prefetch("choices", queryset=QuizChoice.objects.order_by("sort_order"))
    )
    by_module = {}
    for question in questions.order_by("sort_order"):
        by_module.setdefault(question.module_id, []).append(question)
    return by_module


def module_path(number):
    # ASCII names: a slug may be Arabic, and some LMSs mangle non-ASCII names in a ZIP.
    return f"{MODULES_DIR}/module-{number:02d}.html"


def write_scorm12(course, fileobj, language=None):
    """Write the package of ``course`` (in ``language`` when given) to ``fileobj``; returns
    a one-line summary. Raises ``NotExportable`` before writing anything."""
    course = course_in(course, language)
    modules = package_modules(course)
    if not modules:
        # A manifest without items is refused by LMSs; say so here instead.
        raise NotExportable(_("The course %(code)s has no published module.") % {"code": course.course_code})
    files = PackageFiles(modules)
    files.module_pages = {
        module.pk: module_path(number).rsplit("/", 1)[1] for number, module in enumerate(modules, 1)
    }
    questions = _questions(modules)
    scos = []
    quizzes = 0
    with zipfile.ZipFile(fileobj, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for number, module in enumerate(modules, start=1):
            used = files.start_module()
            module_questions = questions.get(module.pk, [])
            html = render_module(course, module, module_questions, files, number, len(modules))
            path = module_path(number)
            archive.writestr(path, html)
            quizzes += bool(module_questions)
            scos.append(
                Sco(
                    title=module.title,
                    href=path,
                    files=sorted(used),
                    mastery_score=module.quiz_pass_mark if module_questions else None,
                )
            )
        for path, content in sorted(files.contents.items()):
            archive.writestr(path, content)
        for path, source in SHARED_FILES.items():
            archive.write(source, path)
        archive.writestr(
            "imsmanifest.xml",
            build_manifest(
                course.course_code, course.locale.language_code, course.title, scos, list(SHARED_FILES)
            ),
        )
        count = len(archive.namelist())
    summary = (
        f"SCORM 1.2 package of {course.course_code} ({course.locale.language_code}): "
        f"{len(modules)} modules, {quizzes} quizzes, {count} files"
    )
    if files.missing:
        summary += f"; {files.missing} image or document files were missing from storage and left out"
    return summary
