"""Building course packages in tests: the demo courses, the state of a course as a package
should carry it (images and documents by their bytes' hash), and hand-crafted archives."""

import hashlib
import io
import json
import zipfile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from courses.models import CoursePage
from courses.packages.content import DOCUMENT, IMAGE, PAGE, page_state
from courses.packages.export import course_pages, write_package
from courses.packages.manifest import sha256


def file_hash(model, pk):
    obj = model.objects.get(pk=pk)
    with obj.file.open("rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def by_content(kind, value, where):
    """References by what they point at, whatever the installation's ids."""
    if kind == IMAGE:
        return f"image:{file_hash(get_image_model(), value)}"
    if kind == DOCUMENT:
        return f"document:{file_hash(get_document_model(), value)}"
    if kind == PAGE:
        page = Page.objects.filter(pk=value).first()
        return f"page:{page.translation_key}" if page else {"href": "#"}
    return value


def course_state(code, latest=False):
    """{(language, translation key): page state} of a course's pages (their latest revisions
    with ``latest``, else the pages' published content)."""
    course = CoursePage.objects.get(course_code=code, locale__language_code="en")
    if latest:
        pages = [
            page.get_latest_revision_as_object()
            for page in CoursePage.objects.get(pk=course.pk).get_descendants(inclusive=True).specific()
        ]
        pages += [
            page.get_latest_revision_as_object()
            for translation in CoursePage.objects.filter(translation_key=course.translation_key).exclude(
                pk=course.pk
            )
            for page in translation.get_descendants(inclusive=True).specific()
        ]
    else:
        courses, modules = course_pages(course)
        pages = [*courses, *modules]
    return {
        (page.locale.language_code, str(page.translation_key)): page_state(page, by_content, page.title)
        for page in pages
    }


def export_bytes(code):
    course = CoursePage.objects.get(course_code=code, locale__language_code="en")
    buffer = io.BytesIO()
    write_package(course, buffer)
    return buffer.getvalue()


def members_of(package):
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def build(members, manifest=None, infos=None, tweak=None):
    """An archive of ``members`` ({name: bytes}) with a manifest declaring them all (or
    ``manifest`` as given); ``tweak(manifest)`` edits the generated one; ``infos``:
    {name: ZipInfo} to write some members with."""
    if manifest is None:
        manifest = {
            "format": "elearning-course-package",
            "format_version": 1,
            "exported_at": "2026-01-01T00:00:00+00:00",
            "source_installation": "https://elsewhere.example.org",
            "course_code": "INF-101",
            "members": [{"name": n, "sha256": sha256(d), "size": len(d)} for n, d in members.items()],
        }
        if tweak:
            tweak(manifest)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        for name, data in members.items():
            archive.writestr((infos or {}).get(name, name), data)
    return buffer.getvalue()
