"""Yes/No, never Python's True/False, on the admin's screens: every screen of the permission
matrix that a superuser may open is walked with true and false values in the data (a revoked
API client, an inactive person, a rule that is not recurring, a revoked completion), and the
listings' filters are used, so their chips show too."""

import re

from django.utils import translation

import pytest

from api.models import ApiClient
from elearning.yes_no import yes_no
from records.services import progress
from tests.elearning.test_permission_matrix import ADMIN, objects, url_for  # noqa: F401
from tests.factories import AssignmentRuleFactory, UserFactory
from tests.htmlutils import soup

PYTHON_BOOLEAN = re.compile(r"\b(True|False)\b")

FILTERED = [
    "/admin/snippets/records/assignmentrule/?recurring=true&active=false",
    "/admin/snippets/records/assignmentrule/?recurring=false",
    "/admin/snippets/api/apiclient/?revoked=true",
    "/admin/snippets/api/webhookendpoint/?active=true",
    "/admin/snippets/records/coursecompletion/?revoked=true",
    "/admin/snippets/records/coursecompletion/?revoked=false",
    "/admin/reports/team-completion/?overdue=on",
]


@pytest.fixture
def screens(objects):  # noqa: F811
    """The matrix's objects, with a false beside each true."""
    AssignmentRuleFactory(course=objects.course, recurring=True, active=False)
    revoked, _key = ApiClient.objects.create_key(name="Old HRIS", scopes=[])
    revoked.revoked = True
    revoked.save()
    UserFactory(username="leaver", is_active=False)
    progress.revoke_completion(objects.completion, objects.users["hr"], "Shared account")
    objects.endpoint.active = False
    objects.endpoint.save()
    return objects


def visible_text(response):
    page = soup(response)
    for hidden in page(["script", "template", "noscript", "style"]):
        hidden.decompose()
    return " ".join(page.get_text(" ").split()), page


def superuser_screens(found_objects):
    keys = [key for key, row in ADMIN.items() if row.split()[-1] == "200" and "export=" not in key]
    return [url_for(key, found_objects) for key in keys] + FILTERED


def test_no_screen_shows_true_or_false(client, screens):
    client.force_login(screens.users["superuser"])
    found = []
    for url in superuser_screens(screens):
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        text, page = visible_text(response)
        found += [f"{url}: …{text[max(0, m.start() - 40) : m.end()]}" for m in PYTHON_BOOLEAN.finditer(text)]
        found += [f"{url}: title={e['title']}" for e in page.find_all(title=PYTHON_BOOLEAN)]
    assert not found, "\n".join(found)


def cells(client, url, column):
    page = soup(client.get(url))
    headings = [th.get_text(" ", strip=True) for th in page.select("table.listing thead th")]
    index = headings.index(column)
    return [
        row.select("td")[index].get_text(" ", strip=True) for row in page.select("table.listing tbody tr")
    ]


def test_listings_say_yes_and_no(client, screens):
    client.force_login(screens.users["superuser"])
    rules = "/admin/snippets/records/assignmentrule/"
    assert sorted(cells(client, rules, "Recurring")) == ["No", "Yes"]
    assert sorted(cells(client, rules, "Active")) == ["No", "Yes"]
    assert set(cells(client, "/admin/users/", "Active")) == {"Yes", "No"}


@pytest.mark.parametrize(
    ("url", "chip"),
    [
        ("/admin/snippets/records/assignmentrule/?recurring=true&active=false", "Recurring: Yes"),
        ("/admin/snippets/records/assignmentrule/?recurring=true&active=false", "Active: No"),
        ("/admin/snippets/api/apiclient/?revoked=true", "Revoked: Yes"),
        ("/admin/snippets/records/coursecompletion/?revoked=false", "Revoked: No"),
        ("/admin/reports/team-completion/?overdue=on", "Overdue only: Yes"),
    ],
)
def test_filter_chips_say_yes_and_no(client, screens, url, chip):
    client.force_login(screens.users["superuser"])
    text, _page = visible_text(client.get(url))
    assert chip in text


def test_inspect_page_says_no(client, screens):
    client.force_login(screens.users["superuser"])
    page = soup(client.get(f"/admin/snippets/api/webhookendpoint/inspect/{screens.endpoint.pk}/"))
    fields = {dt.get_text(strip=True): dt.find_next("dd").get_text(strip=True) for dt in page.select("dt")}
    assert fields["Active"] == "No"


def test_yes_and_no_are_translated():
    with translation.override("fr"):
        assert (yes_no(True), yes_no(False), yes_no(None)) == ("Oui", "Non", "")
