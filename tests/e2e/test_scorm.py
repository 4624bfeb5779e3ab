"""The SCORM 1.2 export in a browser, under a real SCORM 1.2 runtime: scorm-again's
Scorm12API (tests/scorm, npm ci --prefix tests/scorm) on an LMS stand-in page that opens a
module's SCO in a frame, served with the extracted package from a local server that also
takes the runtime's commits. The learner reads a module to its end, or takes its quiz, and
the LMS holds the status and score the SCO reported, committed; no request leaves the
local server."""

import io
import json
import os
import shutil
import threading
import zipfile
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from courses.scorm.export import write_scorm12
from tests.e2e.browser import E2E, check_axe, shot
from tests.factories import (
    add_quiz,
    every_block_body,
    heading,
    make_course,
    make_document,
    make_image,
    make_module,
    make_site_tree,
    paragraph,
)

pytestmark = E2E

SCORM_AGAIN = (
    Path(__file__).resolve().parents[1] / "scorm" / "node_modules" / "scorm-again" / "dist" / "scorm12.js"
)

LMS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>LMS stand-in</title>
<script src="scorm12.js"></script>
<script>
  window.finished = false;
  window.API = new Scorm12API({lmsCommitUrl: "/commit", autocommit: false, logLevel: 5});
  window.API.on("LMSFinish", function () { window.finished = true; });
</script></head>
<body><h1>LMS stand-in</h1>
<iframe id="sco" title="Module" style="width: 100%; height: 500px"></iframe>
<script>document.getElementById("sco").src = location.hash.slice(1);</script>
</body></html>
"""


class _Handler(SimpleHTTPRequestHandler):
    commits = None

    def do_POST(self):  # scorm-again's commits: recorded, and accepted as an LMS would
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.commits.append(json.loads(body or b"{}"))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"result": true, "errorCode": 0}')

    def log_message(self, *args):
        pass


@pytest.fixture
def lms(tmp_path):
    """The LMS stand-in's origin, its commits and a course's package extracted beside it:
    module 1 has the quiz (pass mark 75), module 2 every block type and no quiz, module 3
    draws 2 of the 3 questions and shuffles them."""
    if not SCORM_AGAIN.exists():
        missing = "tests/scorm/node_modules is missing: run npm ci --prefix tests/scorm"
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    _home, catalogue = make_site_tree()
    course = make_course(catalogue, title="Working with influencers", course_code="INF-101")
    add_quiz(make_module(course, title="Why voices matter"), pass_mark=75)
    long_read = [heading(f"Part {n}") for n in range(1)] + [
        paragraph(f"<p>Paragraph {n} of a long read about authentic voices.</p>") for n in range(40)
    ]
    make_module(
        course,
        title="Every block",
        body=every_block_body(make_image(), make_document()) + long_read,
    )
    add_quiz(
        make_module(course, title="A drawn quiz"),
        pass_mark=75,
        draw_count=2,
        shuffle_questions=True,
        shuffle_choices=True,
    )
    buffer = io.BytesIO()
    write_scorm12(course, buffer)
    zipfile.ZipFile(buffer).extractall(tmp_path / "package")
    shutil.copy(SCORM_AGAIN, tmp_path / "scorm12.js")
    (tmp_path / "lms.html").write_text(LMS_PAGE)
    (tmp_path / "left.html").write_text("<!DOCTYPE html><title>Elsewhere</title><p>Elsewhere</p>")
    commits = []
    handler = type("Handler", (_Handler,), {"commits": commits})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    yield origin, commits
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(chromium, lms):
    origin, _commits = lms
    context = chromium.new_context()
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()
    outside = [url for url in page.requests if not url.startswith(origin + "/")]
    assert not outside, f"requests outside the package's server: {outside}"


def open_sco(page, origin, number):
    page.goto(f"{origin}/lms.html#package/modules/module-{number:02d}.html")
    page.wait_for_function("window.API.cmi.core.lesson_status === 'incomplete'")
    return page.frame_locator("#sco")


def cmi(page, element):
    return page.evaluate(f"window.API.cmi.core.{element}")


def leave(page, origin):
    """The learner leaves the SCO: it finishes the session."""
    page.evaluate(f"document.getElementById('sco').src = '{origin}/left.html'")
    page.wait_for_function("window.finished === true")


def last_commit(commits):
    return commits[-1]["cmi"]["core"]


def test_answering_correctly_passes_with_full_marks(page, lms):
    origin, commits = lms
    sco = open_sco(page, origin, 1)
    assert last_commit(commits)["lesson_status"] == "incomplete"

    for choice in ("q1c1", "q2c1", "q2c2", "q3c2"):
        sco.locator(f"#{choice}").check()
    sco.get_by_role("button", name="Submit my answers").click()

    page.wait_for_function("window.API.cmi.core.lesson_status === 'passed'")
    assert cmi(page, "score.raw") == "100"
    assert (cmi(page, "score.min"), cmi(page, "score.max")) == ("0", "100")
    assert "You passed with 100%." in sco.locator("#scorm-quiz-result").inner_text()
    assert last_commit(commits)["lesson_status"] == "passed"
    assert last_commit(commits)["score"]["raw"] == "100"
    shot(page, "scorm-quiz-passed")

    leave(page, origin)
    assert last_commit(commits)["lesson_status"] == "passed"
    assert last_commit(commits)["session_time"].count(":") == 2


def test_answering_wrongly_fails_with_the_score(page, lms):
    origin, commits = lms
    sco = open_sco(page, origin, 1)

    # Only the first question right: 1 point of 4.
    for choice in ("q1c1", "q2c1", "q3c1"):
        sco.locator(f"#{choice}").check()
    sco.get_by_role("button", name="Submit my answers").click()

    page.wait_for_function("window.API.cmi.core.lesson_status === 'failed'")
    assert cmi(page, "score.raw") == "25"
    result = sco.locator("#scorm-quiz-result").inner_text()
    assert "You scored 25%: the pass mark is 75%." in result
    # Feedback after each attempt: the wrong question says so, with its explanation.
    assert "Not correct." in sco.locator("[data-feedback-for=q3]").inner_text()
    assert last_commit(commits)["lesson_status"] == "failed"
    assert last_commit(commits)["score"]["raw"] == "25"
    leave(page, origin)


CORRECT = {"q1": ("q1c1",), "q2": ("q2c1", "q2c2"), "q3": ("q3c2",)}


def test_a_drawn_quiz_shows_and_scores_only_the_questions_drawn(page, lms):
    origin, commits = lms
    sco = open_sco(page, origin, 3)

    questions = sco.locator("fieldset.quiz__question")
    assert questions.count() == 2
    assert [questions.nth(n).locator(".quiz__number").inner_text() for n in range(2)] == [
        "Question 1",
        "Question 2",
    ]
    for name in questions.evaluate_all("fieldsets => fieldsets.map(fieldset => fieldset.id)"):
        for choice in CORRECT[name]:
            sco.locator(f"#{choice}").check()
    sco.get_by_role("button", name="Submit my answers").click()

    page.wait_for_function("window.API.cmi.core.lesson_status === 'passed'")
    assert cmi(page, "score.raw") == "100"
    assert last_commit(commits)["score"]["raw"] == "100"


def test_reading_a_module_to_its_end_completes_it(page, lms):
    origin, commits = lms
    sco = open_sco(page, origin, 2)
    assert sco.locator("h1").inner_text() == "Every block"
    assert sco.locator("img").first.evaluate("image => image.naturalWidth") > 0
    page.wait_for_timeout(300)
    assert cmi(page, "lesson_status") == "incomplete"  # the end is below the fold

    sco.locator("#scorm-mark-read").scroll_into_view_if_needed()

    page.wait_for_function("window.API.cmi.core.lesson_status === 'completed'")
    assert last_commit(commits)["lesson_status"] == "completed"
    assert sco.locator("#scorm-read-status").inner_text() == "Marked as read."
    leave(page, origin)
    assert last_commit(commits)["lesson_status"] == "completed"


def test_the_mark_as_read_button_completes_a_module(page, lms):
    origin, _commits = lms
    sco = open_sco(page, origin, 2)
    sco.get_by_role("button", name="Mark as read").click()
    page.wait_for_function("window.API.cmi.core.lesson_status === 'completed'")


def test_the_module_reads_without_javascript_and_outside_an_lms(chromium, lms):
    origin, _commits = lms
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{origin}/package/modules/module-01.html")
    assert page.locator("h1").inner_text() == "Why voices matter"
    notice = page.locator("section.quiz noscript .notice")  # Playwright's text search skips noscript
    assert notice.is_visible()
    assert notice.inner_text().startswith("The quiz is scored by JavaScript")
    context.close()
    # With JavaScript but no LMS, the page says progress is not recorded.
    context = chromium.new_context()
    page = context.new_page()
    page.goto(f"{origin}/package/modules/module-02.html")
    assert page.locator("#scorm-offline").is_visible()
    check_axe(page, "SCORM package: a module with every block")
    page.goto(f"{origin}/package/modules/module-01.html")
    check_axe(page, "SCORM package: a module with its quiz")
    shot(page, "scorm-module-quiz")
    context.close()
