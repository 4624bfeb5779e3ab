"""Where editors and reviewers see translation lag: the *Translations behind their source*
report and its export (courses/reports.py), and their dashboard panels (courses/dashboard.py)."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from courses.models import ModulePage
from tests.factories import make_course, make_module, make_translation, paragraph
from tests.htmlutils import soup
from tests.responses import csv_dicts


@pytest.fixture
def rita_client(rita):
    client = Client()
    client.force_login(rita)
    return client


REPORT = reverse("courses_reports:translation_lag")
DASHBOARD = reverse("wagtailadmin_home")


def translated_modules(catalogue, count, language_code="es"):
    """``count`` modules of a course translated into ``language_code``, as (source, translation)."""
    course = make_course(catalogue, publish_revision=True)
    make_translation(course, language_code)
    pairs = []
    for number in range(count):
        source = make_module(
            course,
            title=f"Module {number}",
            publish_revision=True,
            body=[{**paragraph(f"<p>Part {number}.</p>"), "id": f"p{number}"}],
        )
        pairs.append((source, make_translation(source, language_code)))
    return pairs


def change_body(page, text):
    page = ModulePage.objects.get(pk=page.pk)
    page.body = [{"type": "paragraph", "value": f"<p>{text}</p>", "id": page.body[0].id}]
    page.save_revision().publish()


def retitle(page, title):
    page = ModulePage.objects.get(pk=page.pk)
    page.title = title
    page.save_revision().publish()


@pytest.fixture
def lagging(catalogue):
    """Two translated modules: the first's source body changed, the second's title only;
    a third is up to date."""
    (first, first_es), (second, second_es), (_third, third_es) = translated_modules(catalogue, 3)
    change_body(first, "Part one, rewritten.")
    retitle(second, "Module two, renamed")
    return first_es, second_es, third_es


# --- The report ----------------------------------------------------------------------------


def test_the_report_lists_each_lagging_translation_with_what_changed(eve_client, lagging):
    first_es, second_es, third_es = lagging
    response = eve_client.get(REPORT)
    assert response.status_code == 200
    rows = soup(response).select("tbody tr")
    text = [row.get_text(" ", strip=True) for row in rows]
    assert len(rows) == 2
    assert any("Module 0" in row and "Text 1" in row and "Yes" in row for row in text)
    assert any("Module two, renamed" in row and "title" in row and "No" in row for row in text)
    edit_links = {a["href"] for row in rows for a in row.find_all("a")}
    assert reverse("wagtailadmin_pages:edit", args=[first_es.pk]) in edit_links
    assert reverse("wagtailadmin_pages:edit", args=[third_es.pk]) not in edit_links


def test_the_report_exports_csv(rita_client, lagging):
    first_es, _second_es, _third_es = lagging
    response = rita_client.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    rows = csv_dicts(response)
    assert len(rows) == 2
    row = next(row for row in rows if row["Translation"] == first_es.title)
    assert row["Language code"] == "es"
    assert row["Source"] == "Module 0"
    assert row["Blocks changed"].startswith("changed: Text 1 (Part one, rewritten.)")
    assert row["Material change (learners told)"] == "Yes"
    assert row["Changed since"]


def test_the_report_is_refused_to_managers_and_hr(bruno_client, hana_client, lagging):
    for client in (bruno_client, hana_client):
        response = client.get(REPORT)
        assert response.status_code == 302


def test_the_report_queries_do_not_grow_with_the_number_of_translations(
    eve_client, catalogue, django_assert_max_num_queries
):
    for source, _translation in translated_modules(catalogue, 2):
        change_body(source, "Changed.")
    eve_client.get(REPORT)
    with CaptureQueriesContext(connection) as few:
        eve_client.get(REPORT)
    bound = len(few.captured_queries)  # read now: the connection keeps only the latest queries
    for source, _translation in translated_modules(catalogue, 8, "fr"):
        change_body(source, "Changed.")
    eve_client.get(REPORT)  # a new locale's names and content types are cached once
    with django_assert_max_num_queries(bound):
        response = eve_client.get(REPORT)
    assert len(soup(response).select("tbody tr")) == 10


# --- The dashboard -------------------------------------------------------------------------


def panel(response, panel_id):
    return soup(response).select_one(f"#{panel_id}-section")


@pytest.mark.parametrize("who", ["eve", "rita", "superuser"])
def test_people_who_write_pages_see_the_editor_panels(who, request, lagging):
    client = request.getfixturevalue(f"{who}_client")
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    behind = panel(response, "translations-behind")
    assert behind is not None
    text = behind.get_text(" ", strip=True)
    assert "2 translations were not brought up to date" in text
    assert lagging[0].title in text
    assert behind.find("a", href=REPORT)
    assert panel(response, "your-drafts") is not None
    assert panel(response, "recently-published") is not None
    assert panel(response, "recent-edits") is None  # Wagtail's, replaced by the two above


def test_managers_hr_and_learners_do_not_see_the_editor_panels(
    bruno_client, hana_client, amira_client, lagging
):
    for client in (bruno_client, hana_client):
        response = client.get(DASHBOARD)
        assert response.status_code == 200
        for panel_id in ("translations-behind", "your-drafts", "recently-published"):
            assert panel(response, panel_id) is None
    assert amira_client.get(DASHBOARD).status_code == 302


def test_your_drafts_lists_the_editors_own_unpublished_changes(eve, eve_client, rita, catalogue):
    course = make_course(catalogue, publish_revision=True)
    mine = make_module(course, title="My draft module", publish_revision=True)
    theirs = make_module(course, title="Someone else's draft", publish_revision=True)
    mine.title = "My draft module, edited"
    mine.save_revision(user=eve)
    theirs.title = "Someone else's draft, edited"
    theirs.save_revision(user=rita)
    drafts = panel(eve_client.get(DASHBOARD), "your-drafts").get_text(" ", strip=True)
    assert "My draft module, edited" in drafts
    assert "Someone else" not in drafts


def test_the_panel_says_when_every_translation_is_up_to_date(eve_client, catalogue):
    translated_modules(catalogue, 1)
    behind = panel(eve_client.get(DASHBOARD), "translations-behind")
    assert "Every translation is up to date" in behind.get_text(" ", strip=True)


def test_dashboard_queries_do_not_grow_with_lagging_translations(
    eve_client, catalogue, django_assert_max_num_queries
):
    for source, _translation in translated_modules(catalogue, 2):
        change_body(source, "Changed.")
    eve_client.get(DASHBOARD)
    with CaptureQueriesContext(connection) as few:
        eve_client.get(DASHBOARD)
    bound = len(few.captured_queries)  # read now: the connection keeps only the latest queries
    for source, _translation in translated_modules(catalogue, 8, "fr"):
        change_body(source, "Changed.")
    eve_client.get(DASHBOARD)  # a new locale's names and content types are cached once
    with django_assert_max_num_queries(bound):
        response = eve_client.get(DASHBOARD)
    assert "10 translations were not brought up to date" in panel(response, "translations-behind").get_text(
        " ", strip=True
    )
