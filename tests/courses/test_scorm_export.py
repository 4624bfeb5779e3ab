"""The SCORM 1.2 export (courses.scorm): the package's files and manifest, pages that point
nowhere outside the package, the quiz's answer key, the module's language, bounded queries,
the command's refusals and the admin's download."""

import io
import os
import re
import zipfile

from django.core.management import call_command, load_command_class
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from courses.scorm.export import write_scorm12
from people.roles import EDITORS, MANAGERS, REVIEWERS
from tests.courses.scorm_checks import check_manifest, external_addresses, open_package, quiz_key
from tests.factories import (
    UserFactory,
    add_quiz,
    every_block_body,
    make_course,
    make_document,
    make_image,
    make_module,
    make_translation,
    paragraph,
)


def export(course, **options):
    buffer = io.BytesIO()
    summary = write_scorm12(course, buffer, **options)
    return open_package(buffer.getvalue()), summary


@pytest.fixture
def image():
    return make_image(title="Filming a Story")


@pytest.fixture
def document():
    return make_document(title="Briefing template")


@pytest.fixture
def full_course(course, quiz_module, image, document):
    """``course``: a module with a quiz (pass mark 75), then one with every block type."""
    make_module(course, title="Every block", body=every_block_body(image, document))
    return course


def test_the_package_holds_a_page_per_module_the_files_they_use_and_the_manifest(
    full_course, image, document
):
    archive, summary = export(full_course)

    names = sorted(archive.namelist())
    assert names == [
        "assets/scorm.css",
        "assets/scorm12.js",
        f"documents/{document.pk}-{os.path.basename(document.file.name)}",
        names[3],
        "imsmanifest.xml",
        "modules/module-01.html",
        "modules/module-02.html",
    ]
    assert re.match(rf"images/{image.pk}-filming-a-story[\w-]*\.max-1200x1200\.png$", names[3])
    assert summary == "SCORM 1.2 package of INF-101 (en): 2 modules, 1 quizzes, 7 files"
    scos = check_manifest(archive)
    assert scos == [
        ("Why authentic voices matter", "modules/module-01.html", "75"),
        ("Every block", "modules/module-02.html", None),
    ]
    manifest = archive.read("imsmanifest.xml").decode()
    assert "<title>Working with influencers</title>" in manifest
    # The second SCO lists its own image and document; the first needs neither.
    assert manifest.count('<file href="images/') == 1
    assert manifest.count('<file href="documents/') == 1


def test_every_block_is_rendered_as_static_html(full_course, image):
    archive, _summary = export(full_course)
    page = archive.read("modules/module-02.html").decode()

    for text in (
        '<h2 id="why-people-trust-influencers">Why people trust influencers</h2>',
        "<b>official institutional voice</b>",
        'alt="Two activists filming an Instagram Story"',
        "Filming on a phone at a march",
        "I started posting about rights because my followers asked me to.",
        "The video is not part of this package: it is published on YouTube.",
        "When they shared our story, people in my town finally listened.",
        "A campaign needed to reach people aged 16 to 34.",
        "Send a script to read word for word",
        "Captions are added",
        "Authentic voices reach further than official statements",
        "This section quotes abusive messages sent to an activist.",
        "The messages arrived within an hour of the post.",
        "Whose voice told the story in your last campaign?",
        '<a href="../documents/',
        "Ask the influencer which format their audience prefers.",
    ):
        assert text in page, text
    # Neither the editors' consent note nor the site's forms travel with the package.
    assert "CN-4471" not in page
    assert "<form" not in page and "csrf" not in page
    assert archive.read(re.search(r'src="\.\./(images/[^"]+)"', page).group(1)).startswith(b"\x89PNG")


def test_nothing_in_the_package_points_outside_it(course, full_course, document):
    other_course = make_course(course.get_parent().specific, title="Elsewhere")
    elsewhere = make_module(other_course, title="Another course's module")
    linked = make_module(
        course,
        title="Links",
        body=[
            paragraph(
                '<p><a href="https://example.org/report">the report</a>, '
                f'<a linktype="document" id="{document.pk}">the template</a>, '
                f'<a linktype="page" id="{course.get_children().first().pk}">the first module</a>, '
                f'<a linktype="page" id="{elsewhere.pk}">another course</a>, '
                '<a href="mailto:learning@example.org">write to us</a>, '
                '<a href="//cdn.example.org/x.js">protocol-relative</a>.</p>'
            )
        ],
    )
    assert linked.live
    archive, _summary = export(course)

    assert external_addresses(archive) == {}
    page = archive.read("modules/module-03.html").decode()
    assert "<p>the report, " in page
    assert (
        f'<a href="../documents/{document.pk}-{os.path.basename(document.file.name)}">the template</a>'
        in page
    )
    assert '<a href="module-01.html">the first module</a>' in page
    assert ", another course, " in page and "protocol-relative." in page
    assert '<a href="mailto:learning@example.org">write to us</a>' in page
    assert "/media/" not in page and "/documents/" + str(document.pk) + "/" not in page


def test_the_address_check_finds_an_outside_address():
    """The check above can fail: a page loading a font from a CDN is caught."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "modules/a.html", '<link href="https://fonts.example.com/x.css"><img src="/media/a.png">'
        )
    found = external_addresses(open_package(buffer.getvalue()))
    assert found == {
        "modules/a.html": [
            "https://fonts.example.com/x.css",
            "https://fonts.example.com/x.css",
            "/media/a.png",
        ]
    }


def test_the_quiz_is_a_form_with_its_answer_key_and_pass_mark(course, quiz_module):
    archive, _summary = export(course)
    page = archive.read("modules/module-01.html").decode()
    key = quiz_key(page)

    assert key["passMark"] == 75
    assert key["feedback"] == "after_each"
    assert (key["draw"], key["shuffleQuestions"], key["shuffleChoices"]) == (None, False, False)
    assert [(q["name"], q["points"], q["correct"]) for q in key["questions"]] == [
        ("q1", 1, ["q1c1"]),
        ("q2", 2, ["q2c1", "q2c2"]),
        ("q3", 1, ["q3c2"]),
    ]
    assert key["questions"][0]["explanation"] == "Why: Which voice do audiences trust most?"
    assert '<input type="checkbox" name="q2" id="q2c3" value="q2c3">' in page
    assert '<input type="radio" name="q3" id="q3c1" value="q3c1">' in page
    assert '<label for="q3c2">False</label>' in page
    assert '<script src="../assets/scorm12.js" defer></script>' in page
    assert 'id="scorm-mark-read"' not in page


def test_the_quiz_key_carries_how_questions_are_drawn_and_shuffled(course, module):
    add_quiz(module, draw_count=2, shuffle_questions=True, shuffle_choices=True, feedback_policy="after_pass")
    archive, _summary = export(course)
    key = quiz_key(archive.read("modules/module-01.html").decode())
    assert (key["draw"], key["shuffleQuestions"], key["shuffleChoices"], key["feedback"]) == (
        2,
        True,
        True,
        "after_pass",
    )
    assert len(key["questions"]) == 3


def test_a_module_without_quiz_is_completed_by_reading(course, module):
    archive, summary = export(course)
    page = archive.read("modules/module-01.html").decode()

    assert quiz_key(page) is None
    assert 'id="scorm-mark-read"' in page and "<form" not in page
    assert check_manifest(archive) == [("Why authentic voices matter", "modules/module-01.html", None)]
    assert "adlcp:masteryscore" not in archive.read("imsmanifest.xml").decode()
    assert "0 quizzes" in summary


def test_an_arabic_export_is_right_to_left_and_keeps_untranslated_modules(course, quiz_module):
    second = make_module(course, title="Second module")
    arabic_course = make_translation(course, "ar")
    arabic_module = make_translation(quiz_module, "ar", publish_revision=False)
    arabic_module.title = "لماذا تهم الأصوات الأصيلة"
    arabic_module.save_revision().publish()

    archive, summary = export(course, language="ar")

    assert summary.startswith(f"SCORM 1.2 package of {arabic_course.course_code} (ar): 2 modules, 1 quizzes")
    first = archive.read("modules/module-01.html").decode()
    assert '<html lang="ar" dir="rtl">' in first
    assert "<h1>لماذا تهم الأصوات الأصيلة</h1>" in first
    assert quiz_key(first)["passMark"] == 75
    # Not translated yet: read in English, as learners of the Arabic course read it.
    assert '<html lang="en" dir="ltr">' in archive.read("modules/module-02.html").decode()
    assert check_manifest(archive)[1] == (second.title, "modules/module-02.html", None)
    assert 'identifier="MANIFEST-INF-101-ar"' in archive.read("imsmanifest.xml").decode()


def test_the_course_s_own_language_by_default(course, module):
    make_translation(course, "ar")
    archive, summary = export(course)
    assert "(en)" in summary
    assert '<html lang="en" dir="ltr">' in archive.read("modules/module-01.html").decode()


def test_an_image_missing_from_storage_is_left_out_with_its_alt_text(course, image, document):
    make_module(course, title="Every block", body=every_block_body(image, document))
    image.file.storage.delete(image.file.name)

    archive, summary = export(course)

    assert not [name for name in archive.namelist() if name.startswith("images/")]
    assert (
        '<p class="figure__missing">Two activists filming an Instagram Story</p>'
        in archive.read("modules/module-01.html").decode()
    )
    assert summary.endswith("1 image or document files were missing from storage and left out")
    check_manifest(archive)


def _module_with(course, blocks, image, document):
    body = []
    for number in range(blocks):
        body.append(
            paragraph(f'<p>Part {number}, <a linktype="document" id="{document.pk}">template</a>.</p>')
        )
        body.append({"type": "image", "value": {"image": image.pk, "alt_text": f"Picture {number}"}})
        body.append({"type": "download", "value": {"document": document.pk}})
    return make_module(course, body=body)


def test_the_export_s_queries_do_not_grow_with_the_blocks(catalogue, django_assert_max_num_queries):
    counts = []
    for blocks in (1, 15):
        course = make_course(catalogue)
        images = [make_image(title=f"Picture {n}") for n in range(2)]
        document = make_document()
        for image in images:
            module = _module_with(course, blocks, image, document)
            add_quiz(module)
        export(course)  # renditions made once, as any first export does
        with CaptureQueriesContext(connection) as queries:
            export(course)
        counts.append(len(queries))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(16):
        export(course)


# --- The command ------------------------------------------------------------------------


def test_the_command_writes_the_package(course, quiz_module, tmp_path):
    output = tmp_path / "inf.zip"
    stdout = io.StringIO()
    call_command("export_course", "inf-101", str(output), "--format", "scorm12", stdout=stdout)
    assert (
        stdout.getvalue()
        == f"Wrote {output}: SCORM 1.2 package of INF-101 (en): 1 modules, 1 quizzes, 4 files\n"
    )
    check_manifest(zipfile.ZipFile(output))


def test_the_command_exports_a_language(course, module, tmp_path):
    make_translation(course, "ar")
    make_translation(module, "ar")
    output = tmp_path / "inf-ar.zip"
    call_command(
        "export_course",
        "INF-101",
        str(output),
        "--format",
        "scorm12",
        "--language",
        "ar",
        stdout=io.StringIO(),
    )
    assert '<html lang="ar" dir="rtl">' in zipfile.ZipFile(output).read("modules/module-01.html").decode()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["NOPE-1", "{out}"], "No course has the code 'NOPE-1'."),
        (["INF-101", "{existing}"], "already exists: choose another name, or add --force."),
        (["INF-101", "{out}", "--language", "fr"], "The course INF-101 has no published fr translation."),
        (["EMPTY-1", "{out}"], "The course EMPTY-1 has no published module."),
    ],
)
def test_the_command_refuses_with_a_message_and_a_non_zero_exit(
    catalogue, course, module, tmp_path, capsys, arguments, message
):
    make_module(make_course(catalogue, course_code="EMPTY-1"), title="Draft only", live=False)
    existing = tmp_path / "existing.zip"
    existing.write_bytes(b"keep me")
    out = tmp_path / "new.zip"
    argv = [argument.format(out=out, existing=existing) for argument in arguments]
    with pytest.raises(SystemExit) as exit_:
        # As manage.py runs it (without setting Django up again, which would reconfigure logging).
        load_command_class("courses", "export_course").run_from_argv(
            ["manage.py", "export_course", *argv, "--format", "scorm12"]
        )
    assert exit_.value.code == 1
    assert message in capsys.readouterr().err
    assert not out.exists()
    assert existing.read_bytes() == b"keep me"


def test_language_is_for_scorm_only(course, tmp_path):
    with pytest.raises(CommandError, match="--language is for --format scorm12"):
        call_command("export_course", "INF-101", str(tmp_path / "x.zip"), "--language", "ar")


# --- The admin's download ---------------------------------------------------------------


def test_an_editor_downloads_the_package_from_the_course_page(client, course, quiz_module):
    client.force_login(UserFactory(groups=[EDITORS]))
    explorer = client.get(reverse("wagtailadmin_explore", args=[course.pk])).content.decode()
    url = reverse("courses_scorm_export", args=[course.pk])
    assert f'href="{url}"' in explorer
    assert "Download SCORM 1.2 package" in explorer

    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="INF-101-en-scorm12.zip"'
    archive = open_package(b"".join(response.streaming_content))
    assert check_manifest(archive)[0][2] == "75"


def test_the_button_is_on_courses_only(client, course, module):
    client.force_login(UserFactory(groups=[REVIEWERS]))
    listing = client.get(reverse("wagtailadmin_explore", args=[course.get_parent().pk])).content.decode()
    assert reverse("courses_scorm_export", args=[course.pk]) in listing
    module_page = client.get(reverse("wagtailadmin_explore", args=[module.pk])).content.decode()
    assert "scorm12" not in module_page
    assert client.get(reverse("courses_scorm_export", args=[module.pk])).status_code == 404


def test_a_course_without_published_modules_is_refused_with_a_message(client, catalogue):
    empty = make_course(catalogue, course_code="EMPTY-1")
    client.force_login(UserFactory(groups=[EDITORS]))
    response = client.get(reverse("courses_scorm_export", args=[empty.pk]), follow=True)
    assert response.redirect_chain == [(reverse("wagtailadmin_explore", args=[empty.pk]), 302)]
    assert "The course EMPTY-1 has no published module." in response.content.decode()


def test_people_who_cannot_edit_the_course_cannot_download_it(client, course, module):
    client.force_login(UserFactory(groups=[MANAGERS]))
    response = client.get(reverse("courses_scorm_export", args=[course.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    client.force_login(UserFactory(groups=[EDITORS]))
    assert client.post(reverse("courses_scorm_export", args=[course.pk])).status_code == 405
