"""Journey 1 and 5: a member of staff takes the storytelling course (STO-101) from sign-in to
certificate, in four ways:

- ``keyboard``: a laptop, keyboard only (Tab, arrow keys, Space, Enter), the focus visible
  at every stop;
- ``phone``: 360 x 740, touch;
- ``no-javascript``: 360 x 740 with JavaScript off;
- ``arabic``: the same person reading in Arabic, 360 x 740 and at laptop width: right to left,
  nothing overlapping. Only two of the course's six modules are translated; the other four
  are read in English, as the course page offers them.

Each: log in, find the course from "My learning" and from search, read a module, write a
reflection, submit the quiz with a question unanswered (errors linked to their question),
fail it, pass it, pass the content notes and quizzes of the other modules, finish the course,
download the certificate (a PDF), open its verification page (also signed out) and the
catalogue. Every page: one h1, lang and dir, no positive tabindex, nothing overlapping, no
sideways scrolling; axe-core on each kind of page (not with JavaScript off: axe is JavaScript)."""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

from tests.e2e.browser import (
    DESKTOP,
    E2E,
    PASSWORD,
    PHONE,
    check_axe,
    check_layout,
    check_legends_inside,
    learner_login,
    shot,
    tab_to,
)

pytestmark = E2E

COURSE_PATH = "courses/human-rights-storytelling/"
COURSE_CODE = "STO-101"


@dataclass(frozen=True)
class Variant:
    name: str
    viewport: dict
    javascript: bool = True
    keyboard: bool = False
    language: str = "en"
    touch: bool = False
    search: str = "storytelling"

    @property
    def prefix(self):
        return "" if self.language == "en" else f"/{self.language}"


VARIANTS = [
    Variant("keyboard", DESKTOP, keyboard=True),
    Variant("phone", PHONE, touch=True),
    Variant("no-javascript", PHONE, javascript=False),
    Variant("arabic", PHONE, language="ar", touch=True, search="قصص"),
]


class Learner:
    """One person's browser, with the checks every page gets."""

    def __init__(self, page, variant):
        self.page = page
        self.variant = variant
        self.step = 0
        self.axe_done = set()

    # --- Doing things: keyboard only in the keyboard variant, pointer otherwise ----------

    def activate(self, locator, navigates=True):
        locator = locator.first
        if self.variant.keyboard:
            tab_to(self.page, locator, limit=250)
            if navigates:
                with self.page.expect_navigation():
                    self.page.keyboard.press("Enter")
            else:
                self.page.keyboard.press("Enter")
        elif navigates:
            with self.page.expect_navigation():
                self._press(locator)
        else:
            self._press(locator)

    def _press(self, locator):
        if self.variant.touch:
            locator.scroll_into_view_if_needed()
            locator.tap()
        else:
            locator.click()

    def type_into(self, locator, text):
        if self.variant.keyboard:
            tab_to(self.page, locator, limit=250)
            self.page.keyboard.type(text)
        else:
            locator.fill(text)

    # --- What every page gets ------------------------------------------------------------

    def check(self, label):
        page = self.page
        self.step += 1
        shot(page, f"learner-{self.variant.name}-{self.step:02d}-{label}")
        assert page.locator("main h1").count() == 1, f"{page.url}: no page heading"
        arabic = urlsplit(page.url).path.startswith("/ar/")
        html = page.locator("html")
        assert html.get_attribute("lang") == ("ar" if arabic else "en"), page.url
        assert html.get_attribute("dir") == ("rtl" if arabic else "ltr"), page.url
        # Focus follows the page's order: no positive tabindex anywhere.
        assert page.locator("[tabindex]:not([tabindex='0']):not([tabindex='-1'])").count() == 0
        check_layout(page, SELECTORS)
        if self.variant.language != "en":
            # Right to left at a laptop's width too.
            page.set_viewport_size(DESKTOP)
            check_layout(page, SELECTORS)
            page.set_viewport_size(self.variant.viewport)
        if self.variant.javascript and label not in self.axe_done:
            check_axe(page, f"{label} ({self.variant.name})")
            self.axe_done.add(label)

    def on(self, body_class):
        return self.page.locator(f"body.{body_class}").count() == 1


SELECTORS = (
    "header.site-header",
    "main",
    "footer",
    ".site-name",
    ".site-nav",
    ".site-tools",
    ".card",
    ".panel",
    ".question",
    ".pager li",
    ".reflection",
    ".content-note",
)


@pytest.mark.parametrize("variant", VARIANTS, ids=[variant.name for variant in VARIANTS])
def test_staff_takes_a_course_to_its_certificate(browsing, demo, variant, tmp_path):
    from people.models import User

    staff = User.objects.get(username="staff")
    if variant.language != "en":
        staff.preferred_language = variant.language
        staff.save(update_fields=["preferred_language"])
    page = browsing.page(
        viewport=variant.viewport,
        javascript=variant.javascript,
        has_touch=variant.touch,
        is_mobile=variant.touch,
    )
    me = Learner(page, variant)
    prefix = variant.prefix

    # Log in (the username field has the focus when the page opens).
    page.goto(f"{prefix}/accounts/login/")
    me.check("login")
    if variant.keyboard:
        # Submitted empty: each field says what is wrong, and is marked and described by it.
        tab_to(page, "#id_username")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        for name in ("username", "password"):
            field = page.locator(f"#id_{name}")
            assert field.get_attribute("aria-invalid") == "true"
            assert f"id_{name}_error" in field.get_attribute("aria-describedby").split()
            assert page.locator(f"#id_{name}_error").inner_text().strip()
        assert page.locator(".error-summary a[href='#id_username']").count() == 1
        me.check("login-errors")
        tab_to(page, "#id_username")
        page.keyboard.type("staff")
        tab_to(page, "#id_password")
        page.keyboard.type(PASSWORD)
        with page.expect_navigation():
            page.keyboard.press("Enter")
    else:
        page.fill("#id_username", "staff")
        page.fill("#id_password", PASSWORD)
        me.activate(page.locator("main form button[type=submit]"))
    assert urlsplit(page.url).path == f"{prefix}/", "signed in to the home page in my language"
    me.check("home")
    # The home page lists my courses, each with where to go on.
    card = page.locator(
        ".home-courses .card", has=page.locator(f".card__title a[href='{prefix}/{COURSE_PATH}']")
    )
    assert card.count() == 1 and card.locator("a.button").count() == 1
    if variant.keyboard:
        # The first Tab stop is the skip link, and it goes to the main content.
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('skip-link')")
        assert page.locator(".skip-link").is_visible()
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main-content"

    # From "My learning" to the course.
    me.activate(page.locator(f".site-nav a[href='{prefix}/my-learning/']"))
    me.check("dashboard")
    me.activate(page.locator(f".card__title a[href='{prefix}/{COURSE_PATH}']"))
    assert urlsplit(page.url).path == f"{prefix}/{COURSE_PATH}"
    assert me.on("page-course")

    # And from search.
    me.activate(page.locator(f".site-nav a[href='{prefix}/search/']"))
    me.check("search")
    me.type_into(page.locator("#search-query"), variant.search)
    me.activate(page.locator(".search-form button[type=submit]"))
    me.check("search-results")
    me.activate(page.locator(f".result__title a[href='{prefix}/{COURSE_PATH}']"))
    me.check("course")
    assert page.locator("#course-progress").get_attribute("value") == "0"

    # Start, then go module by module until the course is complete.
    me.activate(page.locator(".panel a.button"))
    quizzes = reflections = content_notes = 0
    course_done_on_result = False
    for _ in range(12):
        assert me.on("page-module"), page.url
        me.check("module" if quizzes == 0 else f"module-{quizzes + 1}")
        content_notes += pass_content_notes(me)
        if not reflections and page.locator(".reflection__form").count():
            write_reflection(me)
            reflections += 1
        take_quiz(me, first=quizzes == 0)
        quizzes += 1
        if page.locator(".course-done").count():
            # The pass that completed the course says so, with the certificate.
            assert page.locator(".course-done a[href$='certificate.pdf']").count() == 1
            me.check("quiz-result-course-complete")
            course_done_on_result = True
        # "Next module" or "Back to the course", under "What next".
        me.activate(page.locator("main h2 + p > a.button"))
        if me.on("page-course"):
            if page.locator(".panel .badge--ok").count():
                break
            me.activate(page.locator(".panel a.button"))  # "Continue"
    else:
        pytest.fail("the course never completed")
    assert (quizzes, reflections) == (6, 1)
    assert course_done_on_result
    assert content_notes >= 1
    me.check("course-complete")
    if not urlsplit(page.url).path.startswith(f"{prefix}/"):
        # The last modules were in English; the language switcher leads back to the course
        # in the reader's language.
        page.select_option("#language-select", variant.language)
        me.activate(page.locator(".language-form button[type=submit]"))
        assert urlsplit(page.url).path == f"{prefix}/{COURSE_PATH}"
        assert page.locator(".panel .badge--ok").count() == 1
        me.check("course-complete-translated")

    # The certificate: a PDF download, and a verification page anyone can open.
    with page.expect_download() as download:
        me.activate(page.locator("a[href$='certificate.pdf']"), navigates=False)
    pdf = tmp_path / "certificate.pdf"
    download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF-") and pdf.stat().st_size > 1000
    assert staff.completions.filter(course_code=COURSE_CODE, revoked_at__isnull=True).count() == 1

    me.activate(page.locator(f".site-nav a[href='{prefix}/my-learning/']"))
    me.check("dashboard-complete")
    # The check page (the PDF and the Open Badge links beside it are downloads).
    me.activate(
        page.locator(
            f"a[href^='{prefix}/certificates/']:not([href$='.pdf']):not([href$='.json']):not([href$='.jwt'])"
        )
    )
    me.check("certificate-verify")
    assert COURSE_CODE in page.locator("main").inner_text()
    stranger = browsing.page(viewport=variant.viewport, javascript=variant.javascript)
    stranger.goto(page.url)
    assert stranger.url == page.url and COURSE_CODE in stranger.locator("main").inner_text()
    assert stranger.locator("a[href$='certificate.pdf']").count() == 0

    me.activate(page.locator(f".site-nav a[href='{prefix}/courses/']"))
    me.check("catalogue")


def pass_content_notes(me):
    """A content note hides what follows until the learner chooses to go on."""
    page = me.page
    notes = page.locator("details.content-note")
    for index in range(notes.count()):
        note = notes.nth(index)
        body = note.locator(".content-note__body")
        assert note.get_attribute("open") is None and not body.is_visible()
        me.activate(note.locator("summary"), navigates=False)
        body.wait_for(state="visible")
        assert note.get_attribute("open") is not None
    if notes.count():
        shot(page, f"learner-{me.variant.name}-{me.step:02d}-content-note-open")
    return notes.count()


def write_reflection(me):
    page = me.page
    text = "Ours came from the families themselves; next time I will ask them first."
    me.type_into(page.locator(".reflection__form textarea"), text)
    me.activate(page.locator(".reflection__form button[type=submit]"))
    saved = page.locator(".reflection__saved")
    assert text in saved.inner_text()
    me.check("module-reflection-saved")


def take_quiz(me, first):
    """Start the module's quiz and pass it. The first one: submit it with the last question
    unanswered, then fail it, then pass it."""
    page = me.page
    me.activate(page.locator("form[action$='/quiz/'] button[type=submit]"))
    questions = served_questions(page)
    if first:
        me.check("quiz")
        check_quiz_form(page, questions)
        wrong = {q["id"]: wrong_choices(q) for q in questions}
        answer(me, questions[:-1], wrong)
        submit_quiz(me)
        check_error_linked_to(me, questions[-1], answered=questions[:-1], picks=wrong)
        answer(me, questions[-1:], wrong)
        submit_quiz(me)
        assert me.on("page-quiz-result")
        assert page.locator(".outcome--fail").count() == 1
        me.check("quiz-result-not-passed")
        me.activate(page.locator("form[action$='/quiz/'] button[type=submit]"))  # "Try again"
        questions = served_questions(page)
    answer(me, questions, {q["id"]: right_choices(q) for q in questions})
    submit_quiz(me)
    assert page.locator(".outcome--pass").count() == 1, page.locator("main h1").inner_text()
    if first:
        me.check("quiz-result-passed")


def served_questions(page):
    """The questions as the server served them (choices shuffled), from the attempt."""
    from quizzes.models import Attempt

    attempt_id = int(re.search(r"/attempts/(\d+)/", page.url).group(1))
    return Attempt.objects.get(pk=attempt_id).questions


def right_choices(question):
    return [choice["id"] for choice in question["choices"] if choice["is_correct"]]


def wrong_choices(question):
    return [next(choice["id"] for choice in question["choices"] if not choice["is_correct"])]


def check_quiz_form(page, questions):
    """Each question is a fieldset with a legend, drawn inside its box; every choice has its
    label."""
    fieldsets = page.locator("form.quiz-form fieldset.question")
    assert fieldsets.count() == len(questions)
    check_legends_inside(page, "form.quiz-form fieldset.question")
    for question in questions:
        fieldset = page.locator(f"fieldset#question-{question['id']}")
        assert question["prompt"].split("\n")[0][:30] in fieldset.locator("> legend").inner_text()
        kind = "checkbox" if question["kind"] == "multiple" else "radio"
        for choice in question["choices"]:
            field = fieldset.locator(f"input#q{question['id']}-{choice['id']}")
            assert field.get_attribute("type") == kind
            assert page.locator(f"label[for='q{question['id']}-{choice['id']}']").inner_text().strip()


def answer(me, questions, picks):
    """Choose ``picks[question id]`` in each question: arrow keys in a radio group and
    Space on a checkbox for the keyboard variant, a tap or a click otherwise."""
    page = me.page
    for question in questions:
        ids = [choice["id"] for choice in question["choices"]]
        wanted = picks[question["id"]]
        field = f"#q{question['id']}-{{}}"
        if not me.variant.keyboard:
            for choice_id in wanted:
                page.locator(field.format(choice_id)).check()
        elif question["kind"] == "multiple":
            for choice_id in ids:
                box = page.locator(field.format(choice_id))
                tab_to(page, box)
                if box.is_checked() != (choice_id in wanted):
                    page.keyboard.press("Space")
        else:
            tab_to(page, f"#question-{question['id']} input")
            current = int(page.evaluate("document.activeElement.value"))
            moves = (ids.index(wanted[0]) - ids.index(current)) % len(ids)
            for _ in range(moves):
                page.keyboard.press("ArrowDown")
            if not moves:
                page.keyboard.press("Space")
        for choice_id in ids:
            assert page.locator(field.format(choice_id)).is_checked() == (choice_id in wanted)


def submit_quiz(me):
    me.activate(me.page.locator("form.quiz-form button[type=submit]"))


def check_error_linked_to(me, question, answered, picks):
    """The unanswered question is marked and described by its error; the summary links to
    its first choice; the answers already given are kept."""
    page = me.page
    assert me.on("page-quiz")
    summary = page.locator(".error-summary[role='alert']")
    assert summary.is_visible()
    fieldset = page.locator(f"fieldset#question-{question['id']}")
    error_id = f"q{question['id']}-error"
    assert error_id in fieldset.get_attribute("aria-describedby").split()
    assert page.locator(f"#{error_id}").inner_text().strip()
    first_choice = f"q{question['id']}-{question['choices'][0]['id']}"
    for field in fieldset.locator("input").all():
        assert field.get_attribute("aria-invalid") == "true"
    link = summary.locator(f"a[href='#{first_choice}']")
    assert link.count() == 1
    for other in answered:
        for choice_id in picks[other["id"]]:
            assert page.locator(f"#q{other['id']}-{choice_id}").is_checked()
    me.check("quiz-errors")
    # Following the summary's link puts the focus on the question.
    me.activate(link, navigates=False)
    assert page.evaluate("document.activeElement.id") == first_choice


TIMED_QUIZ_MODULE = "/courses/working-with-influencers/disclosure/"  # INF-101: 10 minutes


def test_a_timed_quiz_counts_down_with_javascript_and_states_its_deadline_without(browsing, demo):
    """The deadline, in the site's time zone and named, is in the page; with JavaScript a
    clock counts down beside it, and only a few polite announcements are made."""
    page = browsing.page(viewport=PHONE)
    learner_login(page, "staff")
    page.goto(TIMED_QUIZ_MODULE)
    with page.expect_navigation():
        page.click("form[action$='/quiz/'] button[type=submit]")
    assert page.locator("body.page-quiz").count() == 1
    deadline = page.locator(".time-limit").inner_text()
    assert "(UTC, the site's time zone)" in deadline
    countdown = page.locator(".countdown")
    assert countdown.is_visible()
    clock = countdown.locator(".countdown__clock")
    first = clock.inner_text()
    assert re.fullmatch(r"(9|10):\d\d", first), first
    page.wait_for_function(
        "(first) => document.querySelector('.countdown__clock').textContent !== first", arg=first
    )
    status = countdown.locator(".countdown__status")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text() == ""  # nothing said at the start: the deadline is written above
    # The device's clock is the site's (UTC here): no second statement of the same time.
    assert not page.locator(".countdown__local").is_visible()
    check_legends_inside(page, "fieldset.question")
    check_layout(page, ("main", ".question", ".time-limit"))
    shot(page, "learner-timed-quiz-countdown")
    check_axe(page, "timed quiz with countdown")

    # The same attempt with JavaScript off: the deadline sentence, no clock.
    still = browsing.page(viewport=PHONE, javascript=False)
    learner_login(still, "staff")
    still.goto(TIMED_QUIZ_MODULE)
    with still.expect_navigation():
        still.click("form[action$='/quiz/'] button[type=submit]")  # "Resume the quiz"
    assert still.url == page.url
    assert "(UTC, the site's time zone)" in still.locator(".time-limit").inner_text()
    assert not still.locator(".countdown").is_visible()
    check_legends_inside(still, "fieldset.question")
    shot(still, "learner-timed-quiz-no-javascript")

    # A learner in Nairobi (UTC+3) also reads the deadline as their own clock shows it.
    away = browsing.page(viewport=PHONE, timezone_id="Africa/Nairobi", locale="en-GB")
    learner_login(away, "staff")
    away.goto(TIMED_QUIZ_MODULE)
    with away.expect_navigation():
        away.click("form[action$='/quiz/'] button[type=submit]")
    assert away.url == page.url
    local = away.locator(".countdown__local")
    assert local.is_visible()
    utc = re.search(r"by (\d\d):(\d\d)", away.locator(".time-limit").inner_text())
    nairobi = f"{(int(utc[1]) + 3) % 24:02d}:{utc[2]}"
    assert nairobi in local.inner_text() and "where you are" in local.inner_text(), local.inner_text()
    shot(away, "learner-timed-quiz-device-time-zone")
    check_axe(away, "timed quiz, deadline in the device's time zone")


def test_marking_the_last_module_complete_shows_the_course_complete_page(browsing, demo):
    """The path without a quiz: the last required module marked complete leads to a page
    that says the course is complete, with the certificate."""
    from courses.models import CourseCatalogue
    from tests.factories import make_course, make_module, paragraph

    catalogue = CourseCatalogue.objects.get(locale__language_code="en")
    course = make_course(catalogue, title="Reading only", publish_revision=True)
    module = make_module(course, title="Read and finish", body=[paragraph("<p>All there is to read.</p>")])
    page = browsing.page(viewport=PHONE)
    learner_login(page, "staff")
    page.goto(module.url)
    with page.expect_navigation():
        page.click("form[action$='/complete/'] button[type=submit]")
    assert page.locator("body.page-course-complete").count() == 1
    done = page.locator(".course-done")
    assert done.is_visible() and "Reading only" in done.inner_text()
    assert done.locator("a[href$='certificate.pdf']").count() == 1
    check_layout(page, ("header.site-header", "main", "footer", ".panel"))
    shot(page, "learner-course-complete-page")
    check_axe(page, "course-complete page")
