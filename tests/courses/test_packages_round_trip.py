"""Course packages between installations: the demo's INF-101 and STO-101 (with Arabic)
exported, their pages, images and documents deleted so the database is as bare as another
installation's, and imported: every page, block, translation, question, choice and file is
as it was. Importing again updates in place; a local edit since is a conflict, and kept."""

import io

from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

import pytest

from courses.models import (
    CourseCatalogue,
    CoursePackageImport,
    CoursePage,
    ModulePage,
    QuizChoice,
    QuizQuestion,
)
from courses.packages.importer import CONFLICT, CREATE, UNCHANGED, UPDATE, import_package
from demo.management.commands.seed_demo import seed_content
from demo.report import SeedReport
from tests.courses.packages_helpers import course_state, export_bytes
from tests.factories import make_document, make_image

CODES = ("INF-101", "STO-101")


@pytest.fixture
def demo(db, django_db_blocker):
    seed_content(SeedReport())
    # The demo has cover images only: a module gains an image, a download and a document link.
    image, document = make_image("Panel discussion", colour="navy"), make_document("Consent form")
    module = (
        ModulePage.objects.filter(locale__language_code="en")
        .descendant_of(CoursePage.objects.get(course_code="STO-101", locale__language_code="en"))
        .first()
    )
    body = list(module.body.raw_data)
    body += [
        {"type": "image", "value": {"image": image.pk, "alt_text": "A panel", "caption": "", "credit": ""}},
        {"type": "download", "value": {"document": document.pk, "title": "Consent form", "description": ""}},
        {"type": "paragraph", "value": f'<p>Use the <a linktype="document" id="{document.pk}">form</a>.</p>'},
    ]
    module.body = body
    module.save_revision().publish()
    return module


def wipe():
    """What another installation has: the site structure, no course, no image, no document."""
    for course in CoursePage.objects.filter(course_code__in=CODES):
        Page.objects.get(pk=course.pk).delete()
    get_image_model().objects.all().delete()
    get_document_model().objects.all().delete()


def test_round_trip(demo):
    packages = {code: export_bytes(code) for code in CODES}
    before = {code: course_state(code) for code in CODES}
    assert any(language == "ar" for language, _key in before["STO-101"])
    questions, choices = QuizQuestion.objects.count(), QuizChoice.objects.count()
    assert questions and choices
    wipe()
    assert not CoursePage.objects.filter(course_code__in=CODES).exists()

    for code in CODES:
        report = import_package(io.BytesIO(packages[code]))
        assert report.count(CREATE) == len(before[code]) and not report.conflicts

    for code in CODES:
        assert course_state(code, latest=True) == before[code]
    imported = CoursePage.objects.filter(course_code__in=CODES)
    assert imported.count() == sum(
        1 for s in before.values() for (_l, _k), state in s.items() if "prerequisites" in state
    )
    assert not imported.filter(live=True).exists()
    assert all(page.latest_revision_id for page in imported)
    assert QuizQuestion.objects.count() == questions and QuizChoice.objects.count() == choices
    assert get_image_model().objects.count() == 3  # two covers and the module's image
    assert get_document_model().objects.count() == 1
    assert CoursePackageImport.objects.count() == 2


def test_import_again_updates_in_place_and_keeps_a_local_edit(demo):
    package = export_bytes("STO-101")
    wipe()
    import_package(io.BytesIO(package))
    pages, images = Page.objects.count(), get_image_model().objects.count()

    again = import_package(io.BytesIO(package))
    assert again.count(UNCHANGED) == len(again.pages) and not again.conflicts
    assert Page.objects.count() == pages and get_image_model().objects.count() == images

    course = CoursePage.objects.get(course_code="STO-101", locale__language_code="ar")
    draft = course.get_latest_revision_as_object()
    draft.summary = "ملخص عدّله محرر محلي."
    draft.save_revision()
    module = ModulePage.objects.child_of(course).first()
    dry = import_package(io.BytesIO(package), dry_run=True)
    assert [(p.action, p.page_id) for p in dry.conflicts] == [(CONFLICT, course.pk)]

    # The package's copy of one module changed since: that module is updated, the edit kept.
    third = import_package(io.BytesIO(package))
    assert [p.page_id for p in third.conflicts] == [course.pk]
    assert CoursePage.objects.get(pk=course.pk).get_latest_revision_as_object().summary == draft.summary
    assert module.pk not in [p.page_id for p in third.conflicts]
    assert Page.objects.count() == pages
    # Still a conflict next time: the edit is not mistaken for the import's own draft.
    assert [p.page_id for p in import_package(io.BytesIO(package), dry_run=True).conflicts] == [course.pk]


def test_updated_package_updates_the_imported_draft(demo):
    first = export_bytes("INF-101")
    module = (
        ModulePage.objects.descendant_of(
            CoursePage.objects.get(course_code="INF-101", locale__language_code="en")
        )
        .filter(locale__language_code="en")
        .first()
    )
    module.title = "A new title for the module"
    module.save_revision().publish()
    second = export_bytes("INF-101")
    wipe()
    import_package(io.BytesIO(first))
    report = import_package(io.BytesIO(second))
    assert [p.title for p in report.pages if p.action == UPDATE] == ["A new title for the module"]
    assert report.count(UNCHANGED) == len(report.pages) - 1


def test_the_commands(demo, tmp_path):
    path = tmp_path / "sto.zip"
    out = io.StringIO()
    call_command("export_course", "STO-101", str(path), stdout=out)
    assert "STO-101" in out.getvalue() and "(en, ar)" in out.getvalue()
    wipe()
    out = io.StringIO()
    call_command("import_course", str(path), "--dry-run", stdout=out)
    assert "Dry run" in out.getvalue() and not CoursePage.objects.filter(course_code="STO-101").exists()
    call_command("import_course", str(path), stdout=io.StringIO())
    assert CoursePage.objects.filter(course_code="STO-101").count() == 2
    (tmp_path / "bad.zip").write_bytes(b"not a zip")
    with pytest.raises(CommandError, match="not a ZIP archive"):
        call_command("import_course", str(tmp_path / "bad.zip"))


def test_a_course_here_that_was_not_imported_is_left_alone(demo):
    """Importing into the installation it came from: every page exists and is not the
    import's, so all are conflicts and nothing is written."""
    package = export_bytes("STO-101")
    pages = Page.objects.count()
    report = import_package(io.BytesIO(package))
    assert len(report.conflicts) == len(report.pages) and report.count(CREATE) == 0
    assert Page.objects.count() == pages


def test_an_unpublished_course_is_not_exported(demo, tmp_path):
    course = CoursePage.objects.get(course_code="INF-101", locale__language_code="en")
    course.unpublish()
    with pytest.raises(CommandError, match="not published"):
        call_command("export_course", "INF-101", str(tmp_path / "inf.zip"))
    assert not (tmp_path / "inf.zip").exists()


def test_a_language_without_locale_or_catalogue_here(demo):
    """Arabic is offered (WAGTAIL_CONTENT_LANGUAGES) but this installation has no Arabic
    yet: the locale is created, and the catalogue as Wagtail translates it, a draft."""
    package = export_bytes("STO-101")
    before = course_state("STO-101")
    wipe()
    for page in Page.objects.filter(locale__language_code="ar", depth=2):
        page.delete()
    Locale.objects.filter(language_code="ar").delete()
    report = import_package(io.BytesIO(package))
    assert report.locales_created == ["ar"] and not report.conflicts
    course = CoursePage.objects.get(course_code="STO-101", locale__language_code="ar")
    catalogue = course.get_parent().specific
    assert isinstance(catalogue, CourseCatalogue) and catalogue.locale.language_code == "ar"
    assert course_state("STO-101", latest=True) == before
