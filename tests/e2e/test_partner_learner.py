"""Journey: sharing with the sector. A person at a partner organisation (Digital Rights
Network, partners.example.org in the demo) registers with their work address, confirms it
from the email (the live server runs in this process: the email is in Django's outbox),
lands on their learning, sees only the courses shared with partners or everyone, completes
one (modules and quiz), downloads the certificate, and its check page names the
organisation. And a signed-out visitor reads a course open to everyone, with a sign-in
prompt where the quiz would be. axe-core on each kind of page."""

import re
from urllib.parse import urlsplit

from django.core import mail

from tests.e2e.browser import DESKTOP, E2E, PHONE, check_axe, check_layout, shot

pytestmark = E2E

PASSWORD = "a long walk by the river 42"
SELECTORS = ("header.site-header", "main", "footer", ".card", ".panel", ".question")


def _check(page, label):
    shot(page, f"partner-{label}")
    assert page.locator("main h1").count() == 1, page.url
    check_layout(page, SELECTORS)
    check_axe(page, f"partner learner: {label}")


def _shared_course():
    """A short course shared with partner organisations: two modules, the second with a quiz."""
    from courses.models import CourseCatalogue, CoursePage
    from tests.factories import add_quiz, make_course, make_module, paragraph

    catalogue = CourseCatalogue.objects.get(locale__language_code="en")
    course = make_course(
        catalogue,
        title="Safety online for partner activists",
        course_code="PAR-201",
        open_to=CoursePage.OpenTo.PARTNERS,
        publish_revision=True,
    )
    make_module(course, title="Know your risks", body=[paragraph("<p>Who might target you, and how.</p>")])
    quiz = make_module(
        course, title="Protect your accounts", body=[paragraph("<p>Two-step sign-in first.</p>")]
    )
    add_quiz(quiz, pass_mark=50)
    return course


def test_a_partner_learner_registers_and_completes_a_shared_course(browsing, demo, tmp_path, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    course = _shared_course()
    page = browsing.page(viewport=PHONE)

    # Register with the organisation address.
    page.goto("/register/")
    _check(page, "register")
    page.fill("#id_full_name", "Amani Njeri")
    page.fill("#id_email", "someone@gmail.example")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    # An address at no partner domain: the error sits beside the field.
    assert page.locator("#id_email_error").is_visible()
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    _check(page, "register-error")
    page.fill("#id_email", "amani@partners.example.org")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert urlsplit(page.url).path == "/register/check-your-inbox/"
    _check(page, "check-inbox")

    # The link from the email: a confirmation page, then the account.
    (message,) = mail.outbox
    link = re.search(r"https?://\S+/verify/[^/\s]+/", message.body).group(0)
    page.goto(urlsplit(link).path)
    _check(page, "verify")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert urlsplit(page.url).path == "/my-learning/"
    _check(page, "dashboard")

    # The catalogue: the shared courses only.
    page.goto("/courses/")
    _check(page, "catalogue")
    titles = page.locator(".card__title").all_inner_texts()
    assert any("Safety online for partner activists" in title for title in titles)
    assert any("storytelling" in title.lower() for title in titles), titles  # STO-101, shared in the demo
    assert not any("influencer" in title.lower() for title in titles), titles  # INF-101: staff only
    from courses.models import CoursePage

    staff_only = CoursePage.objects.get(course_code="INF-101", locale__language_code="en")
    assert page.goto(staff_only.url).status == 404

    # Take the shared course.
    page.goto(course.url)
    _check(page, "course")
    with page.expect_navigation():
        page.click("form[action$='/enrol/'] button[type=submit]")
    assert page.locator("body.page-module").count() == 1
    _check(page, "module")
    with page.expect_navigation():
        page.click("form[action$='/complete/'] button[type=submit]")
    with page.expect_navigation():
        page.click("a[rel=next]")
    with page.expect_navigation():
        page.click("form[action$='/quiz/'] button[type=submit]")
    from quizzes.models import Attempt

    attempt = Attempt.objects.get(pk=int(re.search(r"/attempts/(\d+)/", page.url).group(1)))
    _check(page, "quiz")
    for question in attempt.questions:
        for choice in question["choices"]:
            if choice["is_correct"]:
                page.locator(f"#q{question['id']}-{choice['id']}").check()
    with page.expect_navigation():
        page.click("form.quiz-form button[type=submit]")
    assert page.locator(".outcome--pass").count() == 1
    assert page.locator(".course-done a[href$='certificate.pdf']").count() == 1
    _check(page, "quiz-result")

    # The certificate, and its check page with the organisation.
    with page.expect_download() as download:
        page.locator(".course-done a[href$='certificate.pdf']").first.click()
    pdf = tmp_path / "certificate.pdf"
    download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF-")
    code = re.search(r"/certificates/([^/]+)/certificate\.pdf", download.value.url).group(1)
    page.goto(f"/certificates/{code}/")
    _check(page, "certificate-check")
    assert "Digital Rights Network" in page.locator(".certificate-organisation").inner_text()
    from people.models import User

    assert (
        User.objects.get(email="amani@partners.example.org").partner_organisation.name
        == "Digital Rights Network"
    )


def test_a_signed_out_visitor_reads_a_public_course(browsing, demo):
    from courses.models import CoursePage, ModulePage

    CoursePage.objects.filter(course_code="STO-101").update(open_to=CoursePage.OpenTo.PUBLIC)
    from courses.models import TreeVersion

    TreeVersion.objects.bump()
    course = CoursePage.objects.get(course_code="STO-101", locale__language_code="en")
    module = ModulePage.objects.child_of(course).live().order_by("path").first()
    page = browsing.page(viewport=DESKTOP)
    page.goto(course.url)
    assert urlsplit(page.url).path == urlsplit(course.url).path, "not sent to sign in"
    _check(page, "public-course")
    page.goto(module.url)
    _check(page, "public-module")
    assert page.locator(".module__body").inner_text().strip()
    quizzed = ModulePage.objects.child_of(course).live().filter(quiz_questions__isnull=False).first()
    page.goto(quizzed.url)
    prompt = page.locator(".sign-in-prompt")
    assert "Sign in or register to take the quiz" in prompt.inner_text()
    assert page.locator("form[action$='/quiz/']").count() == 0
    assert not [cookie for cookie in page.context.cookies() if cookie["name"] == "sessionid"]
    # A staff-only course: the sign-in page.
    staff_only = CoursePage.objects.get(course_code="INF-101", locale__language_code="en")
    page.goto(staff_only.url)
    assert urlsplit(page.url).path == "/accounts/login/"
