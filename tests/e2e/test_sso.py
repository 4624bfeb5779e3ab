"""Single sign-on in a browser: a member of staff opens "My learning", presses "Sign in with
your organisation account", signs in on the organisation's provider (a real oidc-provider on
127.0.0.1, tests/oidc/provider.js) and lands on their dashboard. Someone the staff directory
does not know is refused with a page that says why. The pages pass axe-core, and nothing but
the site and the local provider is requested."""

import pytest

from tests.e2e.browser import E2E, PHONE, check_axe, check_layout, shot
from tests.factories import UserFactory
from tests.oidc_provider import ACCOUNTS, OpenIDProvider

pytestmark = E2E


@pytest.fixture(scope="session")
def provider(live_server):
    started = OpenIDProvider([f"{live_server.url}/oidc/callback/"])
    yield started
    started.stop()


@pytest.fixture
def sso(settings, provider, browsing):
    for name, value in provider.settings().items():
        setattr(settings, name, value)
    browsing.allow(provider.issuer)
    return provider


def sign_in_at_provider(page, provider, login):
    page.wait_for_url(f"{provider.issuer}/interaction/**")
    page.get_by_label("Login").fill(login)
    page.get_by_label("Password").fill(ACCOUNTS[login]["password"])
    page.get_by_role("button", name="Sign in").click()


def test_staff_sign_in_with_their_organisation_account(browsing, sso, demo):
    amira = UserFactory(username="amira", email="amira.haddad@example.org", full_name="Amira Haddad")
    page = browsing.page(viewport=PHONE)
    page.goto("/my-learning/")
    assert "/accounts/login/" in page.url
    button = page.get_by_role("button", name="Sign in with your organisation account")
    check_axe(page, "sign-in page with the organisation account")
    check_layout(page)
    shot(page, "sso-01-sign-in")
    button.click()
    sign_in_at_provider(page, sso, "amira")
    page.wait_for_url("**/my-learning/")
    assert page.get_by_role("heading", level=1).inner_text() == "My learning"
    assert amira.full_name in page.locator(".account-name").inner_text()
    shot(page, "sso-02-dashboard")


def test_someone_the_directory_does_not_know_is_told_why(browsing, sso, demo):
    page = browsing.page()
    page.goto("/accounts/login/")
    page.get_by_role("button", name="Sign in with your organisation account").click()
    sign_in_at_provider(page, sso, "nadia")
    page.wait_for_url("**/oidc/callback/**")
    assert page.get_by_role("heading", level=1).inner_text() == "You are not signed in"
    assert "No one in the staff directory matches" in page.get_by_role("alert").inner_text()
    check_axe(page, "single sign-on refused")
    shot(page, "sso-03-refused")
    page.get_by_role("link", name="Back to the sign-in page").click()
    page.wait_for_url("**/accounts/login/")


def test_editor_signs_in_to_the_admin_while_passwords_are_for_superusers_only(browsing, sso, demo, settings):
    settings.LOCAL_PASSWORD_LOGIN = "superusers"
    UserFactory(username="eve", email="eve@example.org", full_name="Eve Martin", groups=["Editors"])
    page = browsing.page()
    page.goto("/admin/pages/")
    assert "/admin/login/" in page.url
    assert page.get_by_text("Passwords work only for administrators").is_visible()
    assert page.get_by_role("link", name="Forgotten password?").count() == 0
    shot(page, "sso-04-admin-sign-in")
    page.get_by_role("button", name="Sign in with your organisation account").click()
    sign_in_at_provider(page, sso, "eve")
    page.wait_for_url("**/admin/pages/")
    assert page.get_by_role("heading", level=1).count() == 1
