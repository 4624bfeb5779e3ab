"""The admin as the platform's own, in the browser: the sign-in page and the dashboard carry
the Learning Hub's name and mark (no Wagtail bird, drawn by the sidebar's script otherwise),
and the dashboard and the learning site link to each other. axe-core on both admin pages."""

from playwright.sync_api import expect

from tests.e2e.browser import E2E, PHONE, admin_login, check_axe, check_layout, shot

pytestmark = E2E


def test_hr_signs_in_to_the_learning_hub_and_goes_to_the_learning_site_and_back(browsing, demo):
    page = browsing.page()
    page.goto("/admin/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to Learning Hub")
    expect(page.get_by_role("img", name="Learning Hub")).to_be_visible()
    assert page.locator(".icon-wagtail").count() == 0
    check_axe(page, "admin: sign-in with the platform's name")
    shot(page, "admin-sign-in")

    admin_login(page, "hr")
    sidebar_home = page.locator("#wagtail-sidebar a[aria-label='Dashboard']").first
    expect(sidebar_home.locator("svg.learning-hub-logo")).to_be_visible()
    assert sidebar_home.locator("svg").bounding_box()["width"] >= 40
    assert page.locator(".icon-wagtail, .sidebar-wagtail-branding").count() == 0
    assert page.title().endswith("- Learning Hub")
    check_axe(page, "admin: dashboard with the platform's name")
    shot(page, "admin-dashboard-branding")

    with page.expect_navigation():
        page.get_by_role("link", name="Go to the learning site").click()
    assert page.url == browsing.base_url.rstrip("/") + "/"
    shot(page, "learning-site-with-admin-link")
    with page.expect_navigation():
        page.get_by_role("link", name="Admin", exact=True).click()
    assert page.url.endswith("/admin/")


def test_the_admin_link_fits_the_learning_site_s_header_on_a_phone(browsing, demo):
    page = browsing.page(viewport=PHONE)
    admin_login(page, "editor")
    page.goto("/")
    expect(page.get_by_role("link", name="Admin", exact=True)).to_be_visible()
    check_layout(page)
    shot(page, "learning-site-admin-link-phone")
