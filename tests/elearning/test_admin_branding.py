"""The admin is the platform's own: its name and mark (no Wagtail bird on the sign-in page, the
sidebar, the admin's 404, the favicon or the editors' toolbar), Wagtail's editing help only for
people who edit pages, and links between the dashboard and the learning site both ways."""

from django.test import Client, RequestFactory

from wagtail.admin.wagtail_hooks import help_menu

import pytest

from tests.htmlutils import elements, soup

BIRD = "icon-wagtail"  # the class of every drawing of Wagtail's bird (wagtailadmin/logo.html)
LOGO = "learning-hub-logo"


def assert_platform_branding(html):
    assert BIRD not in html
    assert "wagtailadmin/images/favicon.ico" not in html
    page = soup(html)
    assert page.title.get_text().strip().endswith("- Learning Hub")
    [icon] = elements(page, "link", rel="icon")
    assert icon["href"].endswith("img/favicon.svg")


def test_sign_in_page_names_the_platform(client):
    html = client.get("/admin/login/").content.decode()
    assert_platform_branding(html)
    assert soup(html).h1.get_text(strip=True) == "Sign in to Learning Hub"
    [logo] = elements(html, "svg", class_=LOGO)
    assert logo["role"] == "img" and logo["aria-label"] == "Learning Hub"


@pytest.mark.parametrize("who", ["eve_client", "bruno_client", "hana_client", "superuser_client"])
def test_dashboard_has_the_platform_s_mark_and_a_way_to_the_learning_site(request, who):
    html = request.getfixturevalue(who).get("/admin/").content.decode()
    assert_platform_branding(html)
    [sidebar_logo] = [
        t for t in elements(html, "template") if t.has_attr("data-wagtail-sidebar-branding-logo")
    ]
    assert LOGO in str(sidebar_logo)
    [link] = [a for a in elements(html, "a") if a.get_text(strip=True) == "Go to the learning site"]
    assert link["href"] == "/"


def test_admin_404_has_no_bird_and_does_not_name_wagtail(hana_client):
    response = hana_client.get("/admin/no-such-screen/")
    assert response.status_code == 404
    html = response.content.decode()
    page = soup(html)
    page.noscript.decompose()  # Wagtail's "JavaScript is required" note, on every admin page
    assert BIRD not in html and "Wagtail" not in page.get_text()
    assert elements(html, "svg", class_=LOGO)


def test_editors_toolbar_on_the_learning_site_has_no_bird(eve_client, module):
    html = eve_client.get(module.url).content.decode()
    assert 'id="wagtail-userbar-template"' in html
    assert BIRD not in html and LOGO in html


def test_learning_site_links_to_the_admin_only_for_people_who_may_use_it(amira_client, eve_client, module):
    def admin_links(client):
        return [a for a in elements(client.get(module.url), "a") if a.get("href") == "/admin/"]

    assert admin_links(amira_client) == []
    [link] = admin_links(eve_client)
    assert link.get_text(strip=True) == "Admin"


def help_items(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return {
        item.name.rsplit("-", 1)[0] if item.name.startswith("whats-new") else item.name
        for item in help_menu.menu_items_for_request(request)
    }


def test_wagtail_s_editing_help_is_for_page_editors_only(eve, rita, bruno, hana, superuser):
    for editor in (eve, rita, superuser):
        assert help_items(editor) == {"whats-new-in-wagtail", "editor-guide", "keyboard-shortcuts-trigger"}
    for other in (bruno, hana):
        assert help_items(other) == {"keyboard-shortcuts-trigger"}


@pytest.mark.parametrize(
    ("who", "guide"), [("bruno_client", False), ("hana_client", False), ("eve_client", True)]
)
def test_the_dashboard_links_to_wagtail_s_guide_only_for_page_editors(request, who, guide):
    html = request.getfixturevalue(who).get("/admin/").content.decode()
    assert ("guide.wagtail.org" in html) is guide


def test_anonymous_admin_404_goes_to_sign_in():
    assert Client().get("/admin/no-such-screen/").status_code == 302
