"""Content-Security-Policy in the browser: every browser test fails on a violation
(conftest.py's ``browsing`` fixture); here the check itself is shown to catch them, and the
pages no journey opens (the API docs) are shown to work under their policy."""

from playwright.sync_api import expect

from tests.e2e.browser import E2E, admin_login, learner_login

pytestmark = E2E

PROBE = "/csp-probe/"
PROBE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'"
PROBE_HTML = '<!DOCTYPE html><title>probe</title><p style="color: red">inline style</p>'


def test_the_check_catches_violations_with_javascript_on_and_off(browsing, live_server):
    page = browsing.page()
    page.goto("/accounts/login/")
    # What an injected script or style attribute would do on a real page.
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.append(script);
            document.body.insertAdjacentHTML("beforeend", '<p style="color: red">x</p>');
        }"""
    )
    page.wait_for_function("() => document.readyState === 'complete'")
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.injected") is None, "the login page ran an inline script"
    directives = {v.get("directive") for v in browsing.csp_violations if "directive" in v}
    assert {"script-src-elem", "style-src-attr"} <= directives, browsing.csp_violations
    assert any("console" in v for v in browsing.csp_violations), browsing.csp_violations
    browsing.csp_violations.clear()

    # With JavaScript off no listener runs; the browser's console message still counts.
    offline = browsing.page(javascript=False)
    offline.route(
        f"**{PROBE}",
        lambda route: route.fulfill(
            body=PROBE_HTML, content_type="text/html", headers={"Content-Security-Policy": PROBE_POLICY}
        ),
    )
    offline.goto(PROBE)
    offline.wait_for_timeout(200)
    assert [v for v in browsing.csp_violations if "style-src" in v.get("console", "")], (
        browsing.csp_violations
    )
    browsing.csp_violations.clear()


def test_api_docs_work_under_their_policy(browsing):
    page = browsing.page()
    page.goto("/api/v1/docs/")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Learning Hub HR API")
    operation = page.locator(".opblock-summary").first
    operation.click()
    expect(page.locator(".opblock-body").first).to_be_visible()
    page.get_by_role("button", name="Authorize").click()
    expect(page.locator(".modal-ux")).to_be_visible()
    page.wait_for_load_state("networkidle")


# Full admin pages reachable without an ID (results fragments, choosers, and views that act
# on GET such as sign-out are left out: they are parts of the pages visited here).
ADMIN_PAGES = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/search/?q=consent",
    "/admin/collections/",
    "/admin/collections/add/",
    "/admin/workflows/list/",
    "/admin/workflows/add/",
    "/admin/workflows/tasks/index/",
    "/admin/reports/locked/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/site-history/",
    "/admin/reports/aging-pages/",
    "/admin/reports/page-types-usage/",
    "/admin/reports/quiz-items/",
    "/admin/reports/team-completion/",
    "/admin/reports/organisation/",
    "/admin/team/assign/",
    "/admin/settings/records/teamsettings/",
    "/admin/account/",
    "/admin/security-log/",
    "/admin/staff/import/",
    "/admin/forms/",
    "/admin/redirects/",
    "/admin/redirects/add/",
    "/admin/redirects/import/",
    "/admin/snippets/",
    "/admin/snippets/people/department/",
    "/admin/snippets/people/department/add/",
    "/admin/snippets/records/coursecompletion/",
    "/admin/snippets/records/assignmentrule/",
    "/admin/snippets/records/assignmentrule/add/",
    "/admin/snippets/api/apiclient/",
    "/admin/snippets/api/apiclient/add/",
    "/admin/snippets/api/webhookendpoint/",
    "/admin/snippets/api/webhookendpoint/add/",
    "/admin/snippets/api/webhookdelivery/",
    "/admin/documents/",
    "/admin/documents/multiple/add/",
    "/admin/images/",
    "/admin/images/multiple/add/",
    "/admin/locales/",
    "/admin/locales/new/",
    "/admin/sites/",
    "/admin/sites/new/",
    "/admin/users/",
    "/admin/users/new/",
    "/admin/groups/",
    "/admin/groups/new/",
]


def test_the_admin_works_under_its_policy(browsing, demo, tmp_path):
    """Every admin screen a superuser has, the editing screens of each kind of thing, an
    image upload and a chooser: no violation (checked when the test ends)."""
    from courses.models import CoursePage, ModulePage
    from people.models import User
    from records.models import AssignmentRule
    from tests.factories import make_document, make_image, png_bytes

    module = ModulePage.objects.filter(quiz_questions__isnull=False).first()
    course = CoursePage.objects.get(course_code="STO-101", locale__language_code="en")
    image, document = make_image(), make_document()
    rule = AssignmentRule.objects.first()
    staff = User.objects.get(username="staff")
    pages = ADMIN_PAGES + [
        f"/admin/pages/{course.pk}/",
        f"/admin/pages/{course.pk}/edit/",
        f"/admin/pages/{module.pk}/edit/",
        f"/admin/pages/{module.pk}/history/",
        f"/admin/images/{image.pk}/",
        f"/admin/documents/edit/{document.pk}/",
        f"/admin/users/edit/{staff.pk}/",
        f"/admin/reports/transcript/{staff.pk}/",
    ]
    if rule is not None:
        pages.append(f"/admin/snippets/records/assignmentrule/edit/{rule.pk}/")

    page = browsing.page()
    admin_login(page, "admin")
    for path in pages:
        response = page.goto(path)
        assert response.status == 200, (path, response.status)
        page.wait_for_load_state("networkidle")

    # An image upload (previews as blob: URLs) ...
    upload = tmp_path / "march.png"
    upload.write_bytes(png_bytes())
    page.goto("/admin/images/multiple/add/")
    page.set_input_files("input[type=file]", str(upload))
    expect(page.locator(".upload-list .status-msg.success").first).to_be_visible()
    # ... and a chooser modal (an assignment rule's course).
    page.goto("/admin/snippets/records/assignmentrule/add/")
    page.locator("[data-chooser-action-choose]").first.click()
    expect(page.locator(".modal-dialog")).to_be_visible()
    page.wait_for_load_state("networkidle")


def test_editors_userbar_and_its_checks_work_on_the_learner_site(browsing, demo):
    """Admin roles see Wagtail's userbar on learner pages, under the learner policy."""
    from courses.models import ModulePage

    module = ModulePage.objects.live().filter(locale__language_code="en").first()
    page = browsing.page()
    learner_login(page, "editor")
    page.goto(module.url)
    page.locator("#wagtail-userbar-trigger").click()
    expect(page.locator("#wagtail-userbar-items")).to_be_visible()
    page.locator("#checker-trigger").click()
    expect(page.locator("#checker-results")).to_be_visible()
    page.wait_for_load_state("networkidle")
