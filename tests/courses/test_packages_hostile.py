"""Hostile or broken course packages are refused with a message naming the member (or
page) and the reason, and nothing is written: no page, image, document, locale or import
record, and no file left in storage."""

import io
import json
import os
import stat
import zipfile

from django.conf import settings

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

import pytest

from courses.models import CoursePackageImport
from courses.packages import safety
from courses.packages.errors import PackageError
from courses.packages.importer import import_package
from courses.packages.manifest import sha256
from tests.courses.packages_helpers import build, export_bytes, members_of
from tests.factories import make_image


@pytest.fixture
def members(quiz_module, course):
    """The members of a real package (its manifest left out: ``build`` writes one), the
    course and its images deleted since, as in another installation."""
    course.cover_image = make_image("Cover", colour="red")
    course.cover_image_alt = "A red cover"
    course.save_revision().publish()
    body = list(quiz_module.body.raw_data)
    body.append(
        {
            "type": "image",
            "value": {"image": make_image("Inside").pk, "alt_text": "x", "caption": "", "credit": ""},
        }
    )
    quiz_module.body = body
    quiz_module.save_revision().publish()
    found = members_of(export_bytes(course.course_code))
    Page.objects.get(pk=course.pk).delete()
    get_image_model().objects.all().delete()
    found.pop("manifest.json")
    return found


def files_in_media():
    return sorted(
        os.path.join(path, name) for path, _dirs, names in os.walk(settings.MEDIA_ROOT) for name in names
    )


def snapshot():
    return (
        Page.objects.count(),
        get_image_model().objects.count(),
        get_document_model().objects.count(),
        Locale.objects.count(),
        CoursePackageImport.objects.count(),
        files_in_media(),
    )


def refused(package, *phrases):
    before = snapshot()
    with pytest.raises(PackageError) as refusal:
        import_package(io.BytesIO(package))
    assert snapshot() == before, "a refused package wrote something"
    for phrase in phrases:
        assert phrase in str(refusal.value), str(refusal.value)
    return str(refusal.value)


def content(members):
    return json.loads(members["content.json"])


def with_content(members, change):
    data = content(members)
    change(data)
    return {**members, "content.json": json.dumps(data).encode()}


def module_of(data):
    return next(page for page in data["pages"] if page["type"] == "courses.modulepage")


def test_the_untouched_package_imports(members):
    report = import_package(io.BytesIO(build(members)))
    assert report.count("create") == 2 and report.files["images"] == [2, 0]


def test_path_traversal(members):
    refused(build({**members, "../evil.txt": b"x"}), "../evil.txt", "leaves the package")


def test_absolute_path(members):
    refused(build({**members, "/etc/evil": b"x"}), "/etc/evil", "absolute")


def test_symlink(members):
    link = zipfile.ZipInfo("images/link")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    refused(
        build({**members, "images/link": b"/etc/passwd"}, infos={"images/link": link}),
        "images/link",
        "symbolic",
    )


def test_directory_entries(members):
    refused(build({**members, "images/": b""}), "images/")
    folder = zipfile.ZipInfo("images/sub")
    folder.external_attr = (stat.S_IFDIR | 0o755) << 16
    refused(
        build({**members, "images/sub": b""}, infos={"images/sub": folder}), "images/sub", "regular files"
    )


def test_oversized_member(members, monkeypatch):
    monkeypatch.setattr(safety, "MAX_MEMBER_BYTES", 1000)
    refused(build(members), "larger than")


def test_oversized_total(members, monkeypatch):
    monkeypatch.setattr(safety, "MAX_TOTAL_BYTES", len(members["content.json"]))
    refused(build(members), "unpacks to more than")


def test_too_many_members(members, monkeypatch):
    monkeypatch.setattr(safety, "MAX_MEMBERS", 3)
    refused(build(members), "more than 3 members")


def test_zip_bomb(members):
    refused(build({**members, "bomb.bin": b"\0" * (2 * 1024 * 1024)}), "bomb.bin", "compressed more than")


def test_a_member_holding_more_than_it_declares(members):
    package = bytearray(build({**members, "extra.txt": b"A" * 5000}))
    # The central directory's uncompressed size of extra.txt, lowered: the reader stops at it.
    with zipfile.ZipFile(io.BytesIO(bytes(package))) as archive:
        info = archive.getinfo("extra.txt")
    directory = package.rfind(b"PK\x01\x02", 0, package.rfind(b"extra.txt"))
    package[directory + 24 : directory + 28] = (info.file_size - 100).to_bytes(4, "little")
    refused(bytes(package), "extra.txt")


def test_duplicate_member_names(members):
    buffer = io.BytesIO(build(members))
    with pytest.warns(UserWarning), zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("content.json", b"{}")
    refused(buffer.getvalue(), "content.json", "more than once")


def test_not_a_zip():
    refused(b"PK but not really", "not a ZIP archive")


def test_wrong_format(members):
    refused(build(members, tweak=lambda m: m.update(format="something-else")), "manifest.json", "format")


def test_wrong_version(members):
    refused(build(members, tweak=lambda m: m.update(format_version=2)), "manifest.json", "version 2")


def test_hash_mismatch(members):
    def tamper(manifest):
        manifest["members"][0]["sha256"] = sha256(b"something else")

    refused(build(members, tweak=tamper), "content.json", "SHA-256")


def test_missing_member(members):
    def declare_more(manifest):
        manifest["members"].append({"name": "documents/document-9/a.pdf", "sha256": sha256(b""), "size": 0})

    refused(build(members, tweak=declare_more), "documents/document-9/a.pdf", "missing")


def test_undeclared_file(members):
    def forget(manifest):
        manifest["members"] = [m for m in manifest["members"] if m["name"] != "notes.txt"]

    refused(build({**members, "notes.txt": b"hello"}, tweak=forget), "notes.txt", "not declared")


def test_image_pillow_cannot_open(members):
    name = next(name for name in members if name.startswith("images/"))
    refused(build({**members, name: b"\x89PNG not really"}), name, "Pillow")


def test_unknown_block_type(members):
    def add_carousel(data):
        module_of(data)["fields"]["body"].append({"type": "carousel", "value": {}, "id": "x"})

    refused(build(with_content(members, add_carousel)), "unknown block type carousel")


def test_unknown_field_in_a_block(members):
    def add_field(data):
        module_of(data)["fields"]["body"][0]["value"]["colour"] = "red"

    refused(build(with_content(members, add_field)), "unknown field colour")


def test_invalid_block_value(members):
    def blank_heading(data):
        module_of(data)["fields"]["body"] = [
            {"type": "heading", "value": {"text": "", "level": "h9"}, "id": "h"}
        ]

    refused(build(with_content(members, blank_heading)), "body")


def test_unknown_page_field(members):
    def add_field(data):
        data["pages"][0]["fields"]["owner"] = 1

    refused(build(with_content(members, add_field)), "unknown page field owner")


def test_unknown_page_type(members):
    def retype(data):
        data["pages"][0]["type"] = "wagtailcore.page"

    refused(build(with_content(members, retype)), "unknown type")


def test_reference_to_an_image_not_in_the_package(members):
    def point_elsewhere(data):
        body = module_of(data)["fields"]["body"]
        next(block for block in body if block["type"] == "image")["value"]["image"] = "image-99"

    refused(build(with_content(members, point_elsewhere)), "image-99")


def test_language_not_offered(members):
    def to_klingon(data):
        for page in data["pages"]:
            page["locale"] = "tlh"

    refused(build(with_content(members, to_klingon)), "tlh", "does not offer")


def test_a_missing_locale_in_the_offered_languages_is_created(members):
    Locale.objects.filter(language_code="fr").delete()

    def to_french(data):
        for page in data["pages"]:
            page["locale"] = "fr"

    report = import_package(io.BytesIO(build(with_content(members, to_french))))
    assert report.locales_created == ["fr"] and report.count("create") == 2


def test_rich_text_is_cleaned_to_what_an_editor_could_write(members):
    def inject(data):
        module_of(data)["fields"]["body"].append(
            {
                "type": "paragraph",
                "value": '<p onclick="steal()">Hi<script>steal()</script> <a href="javascript:steal()">x</a></p>',
                "id": "evil",
            }
        )

    import_package(io.BytesIO(build(with_content(members, inject))))
    from courses.models import ModulePage

    module = ModulePage.objects.get(slug=module_of(content(members))["fields"]["slug"])
    stored = module.get_latest_revision_as_object().body.raw_data[-1]["value"]
    assert "script" not in stored and "onclick" not in stored and "javascript" not in stored
    assert stored.startswith("<p>Hi")


def test_deeply_nested_json(members):
    refused(build({**members, "content.json": b"[" * 60000}), "content.json", "not valid JSON")


def test_a_dry_run_writes_nothing(members):
    before = snapshot()
    report = import_package(io.BytesIO(build(members)), dry_run=True)
    assert report.count("create") == 2 and report.files["images"] == [2, 0]
    assert snapshot() == before
