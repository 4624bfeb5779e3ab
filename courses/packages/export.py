"""Writing a course package: the course's published pages in every language (the course,
its modules, their quizzes and prerequisites), the images and documents they refer to,
``content.json`` and the manifest. A fixed number of queries whatever the size of the
course (the files are read from storage, not the database)."""

import json
import os
import zipfile
from functools import reduce
from operator import or_

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from courses.models import CoursePage, ModulePage
from courses.packages.content import DOCUMENT, IMAGE, PAGE, page_state, page_type
from courses.packages.manifest import CONTENT, MANIFEST, build_manifest

IMAGE_FIELDS = (
    "title",
    "description",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
)
DOCUMENT_FIELDS = ("title",)


def _dump(data):
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1, sort_keys=True).encode(
        "utf-8"
    )


class _References:
    """Local ids -> package keys, noted as the pages are serialised; the files follow."""

    def __init__(self, pages_by_id):
        self.keys = {IMAGE: {}, DOCUMENT: {}}
        self.pages_by_id = pages_by_id

    def __call__(self, kind, value, where):
        if kind == PAGE:
            page = self.pages_by_id.get(str(value))
            if page is not None:
                return f"page:{page.translation_key}"
            # A page outside the package: kept as a link to its address here.
            target = Page.objects.filter(pk=value).first() if str(value).isdigit() else None
            url = target.full_url if target is not None else None
            return {"href": url} if url else {"href": "#"}
        keys = self.keys[kind]
        local = int(value)
        keys.setdefault(local, f"{kind}-{len(keys) + 1}")
        return keys[local]


def course_pages(course):
    """The course's published translations, the source language first, and their
    published modules in tree order."""
    courses = list(
        CoursePage.objects.filter(translation_key=course.translation_key)
        .live()
        .select_related("locale")
        .prefetch_related("prerequisite_links__prerequisite")
        .order_by("path")
    )
    courses.sort(key=lambda page: page.pk != course.pk)
    modules = list(
        ModulePage.objects.filter(
            reduce(or_, [Q(path__startswith=c.path, depth=c.depth + 1) for c in courses])
        )
        .live()
        .select_related("locale")
        .prefetch_related("quiz_questions__choices")
        .order_by("path")
    )
    return courses, modules


def write_package(course, fileobj):
    courses, modules = course_pages(course)
    course_by_path = {c.path: c for c in courses}
    refs = _References({str(page.pk): page for page in [*courses, *modules]})
    pages = []
    for page in [*courses, *modules]:
        label = f"{page.locale.language_code}/{page.slug}"
        parent = course_by_path.get(page.path[: -page.steplen]) if isinstance(page, ModulePage) else None
        pages.append(
            {
                "key": str(page.translation_key),
                "type": page_type(page),
                "locale": page.locale.language_code,
                "parent": str(parent.translation_key) if parent else None,
                **page_state(page, refs, label),
            }
        )
    files, images, documents = {}, [], []
    for image in get_image_model().objects.filter(pk__in=refs.keys[IMAGE]):
        key = refs.keys[IMAGE][image.pk]
        name = f"images/{key}/{_file_name(image.file.name)}"
        files[name] = _read(image.file)
        images.append({"key": key, "file": name, **_metadata(image, IMAGE_FIELDS)})
    for document in get_document_model().objects.filter(pk__in=refs.keys[DOCUMENT]):
        key = refs.keys[DOCUMENT][document.pk]
        name = f"documents/{key}/{_file_name(document.file.name)}"
        files[name] = _read(document.file)
        documents.append({"key": key, "file": name, **_metadata(document, DOCUMENT_FIELDS)})
    content = {
        "course_code": course.course_code,
        "source_locale": course.locale.language_code,
        "pages": pages,
        "images": sorted(images, key=lambda item: item["key"]),
        "documents": sorted(documents, key=lambda item: item["key"]),
    }
    members = {CONTENT: _dump(content), **dict(sorted(files.items()))}
    manifest = build_manifest(course.course_code, members)
    with zipfile.ZipFile(fileobj, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, _dump(manifest))
        for name, data in members.items():
            archive.writestr(name, data)
    return (
        f"{course.course_code}: {len(courses)} course page(s) ({', '.join(c.locale.language_code for c in courses)}), "
        f"{len(modules)} module page(s), {len(images)} image(s), {len(documents)} document(s)."
    )


def _file_name(path):
    base, ext = os.path.splitext(os.path.basename(path))
    return f"{slugify(base) or 'file'}{ext.lower()}"


def _read(field_file):
    field_file.open("rb")
    try:
        return field_file.read()
    finally:
        field_file.close()


def _metadata(obj, names):
    return {name: getattr(obj, name) for name in names if hasattr(obj, name)}
