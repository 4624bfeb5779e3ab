"""The dashboard's "Search all pages" box is for people who may explore pages; for managers
and HR admins it only led back to an empty dashboard, so they do not get it."""

import pytest

from people.roles import EDITORS, HR_ADMINS, MANAGERS
from tests.conftest import _client_for
from tests.factories import UserFactory
from tests.htmlutils import elements


def page_search_forms(client):
    html = client.get("/admin/").content.decode()
    return [
        form for form in elements(html, "form", role="search") if "/admin/pages/" in form.get("action", "")
    ]


@pytest.mark.parametrize("group", [MANAGERS, HR_ADMINS])
def test_roles_without_pages_get_no_page_search(site_tree, group):
    assert page_search_forms(_client_for(UserFactory(groups=[group]))) == []


def test_editors_keep_the_page_search_and_it_answers(site_tree):
    client = _client_for(UserFactory(groups=[EDITORS]))
    [form] = page_search_forms(client)
    response = client.get(form["action"], {"q": "Courses"})
    assert response.status_code == 200
