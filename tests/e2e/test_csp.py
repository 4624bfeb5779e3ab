"""Content-Security-Policy in the browser: every browser test fails on a violation
(conftest.py's ``browsing`` fixture); here the check itself is shown to catch them, and the
pages no journey opens (the API docs) are shown to work under their policy."""

from playwright.sync_api import expect

from tests.e2e.browser import E2E

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
