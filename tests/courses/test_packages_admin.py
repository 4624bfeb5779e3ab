"""Course packages in the admin: *Export package* on a course, and the upload that previews
an import before *Import now* (Reviewers); refusals are shown by the field, nothing saved.
The export's queries do not grow with the course's blocks, modules or questions."""

import io
import zipfile

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from wagtail.models import Page

import pytest

from courses.models import CoursePackageImport, CoursePage
from courses.packages.export import write_package
from tests.courses.packages_helpers import export_bytes
from tests.factories import (
    add_quiz,
    heading,
    make_course,
    make_document,
    make_image,
    make_module,
    paragraph,
)

EXPORT = "/admin/course-packages/export/{}/"
IMPORT = "/admin/course-packages/import/"
CONFIRM = "/admin/course-packages/import/confirm/"


@pytest.fixture
def rita_client(rita):
    client = Client()
    client.force_login(rita)
    return client


@pytest.fixture
def package(quiz_module, course):
    data = export_bytes(course.course_code)
    Page.objects.get(pk=course.pk).delete()
    return data


def upload(client, data, name="course.zip"):
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, data, content_type="application/zip")})


def test_preview_then_import_now(rita_client, rita, package):
    response = upload(rita_client, package)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Preview: nothing is saved yet" in html and html.count("creates it as a draft") == 2
    assert not CoursePage.objects.filter(course_code="INF-101").exists()
    token = response.context["token"]
    # Waiting in the uploads' storage, which every app server reads, not on one server's disk.
    waiting = f"course-packages/pending/{token}.zip"
    with default_storage.open(waiting, "rb") as file:
        assert file.read() == package

    response = rita_client.post(CONFIRM, {"token": token})
    assert not default_storage.exists(waiting)
    course = CoursePage.objects.get(course_code="INF-101")
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{course.pk}/"
    assert not course.live and course.get_children().count() == 1
    assert CoursePackageImport.objects.get().imported_by == rita
    # The same preview cannot be imported twice.
    rita_client.post(CONFIRM, {"token": token})
    assert CoursePackageImport.objects.count() == 1


def test_a_refused_package_is_reported_by_the_field(rita_client, package):
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
        target.writestr("../../etc/cron.d/evil", b"* * * * * root true")
    response = upload(rita_client, broken.getvalue())
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert errors and "../../etc/cron.d/evil" in errors[0]
    assert "Import now" not in response.content.decode()
    assert not CoursePage.objects.filter(course_code="INF-101").exists()


def test_a_token_from_another_session_imports_nothing(rita_client, rita, package):
    token = upload(rita_client, package).context["token"]
    other = Client()
    other.force_login(rita)
    response = other.post(CONFIRM, {"token": token})
    assert response.status_code == 302 and not CoursePage.objects.filter(course_code="INF-101").exists()


def test_export_download_and_the_buttons(eve_client, course, catalogue, rita_client):
    response = eve_client.get(EXPORT.format(course.pk))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert 'filename="INF-101-package.zip"' in response["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert {"manifest.json", "content.json"} <= set(archive.namelist())
    assert EXPORT.format(course.pk) in eve_client.get(f"/admin/pages/{course.pk}/").content.decode()
    # Editors do not import; Reviewers see the button on the catalogue.
    assert IMPORT not in eve_client.get(f"/admin/pages/{catalogue.pk}/").content.decode()
    assert IMPORT in rita_client.get(f"/admin/pages/{catalogue.pk}/").content.decode()


def test_export_of_a_page_that_is_not_a_course(eve_client, module):
    assert eve_client.get(EXPORT.format(module.pk)).status_code == 404


def _grow(course, modules, blocks):
    for number in range(modules):
        body = []
        for block in range(blocks):
            body += [heading(f"Part {block}"), paragraph(f"<p>Text {block}.</p>")]
            body.append(
                {
                    "type": "download",
                    "value": {
                        "document": make_document(f"Doc {number} {block}").pk,
                        "title": "",
                        "description": "",
                    },
                }
            )
            body.append(
                {
                    "type": "image",
                    "value": {
                        "image": make_image(f"Img {number} {block}").pk,
                        "alt_text": "x",
                        "caption": "",
                        "credit": "",
                    },
                }
            )
        add_quiz(make_module(course, body=body, title=f"Module {number}"))


def test_export_queries_do_not_grow_with_the_course(catalogue, django_assert_max_num_queries):
    small = make_course(catalogue, course_code="SML-101", publish_revision=True)
    _grow(small, modules=1, blocks=1)
    large = make_course(catalogue, course_code="LRG-101", publish_revision=True)
    _grow(large, modules=4, blocks=5)
    # The course's translations, prerequisites, modules, questions, choices, images,
    # documents, and the given course's locale.
    budget = 8
    for course in (small, large):
        with django_assert_max_num_queries(budget):
            write_package(course, io.BytesIO())


def test_the_preview_shows_a_conflict(rita_client, package):
    upload_token = upload(rita_client, package).context["token"]
    rita_client.post(CONFIRM, {"token": upload_token})
    course = CoursePage.objects.get(course_code="INF-101")
    draft = course.get_latest_revision_as_object()
    draft.summary = "Edited here."
    draft.save_revision()
    html = upload(rita_client, package).content.decode()
    assert "Conflict: left as it is." in html and "edited here since it was last imported" in html
