"""Search: live courses and modules, in the reader's language."""

import pytest

from tests.factories import make_course, make_module, make_translation, paragraph
from tests.htmlutils import main_html


@pytest.fixture
def flamingo_module(course):
    return make_module(
        course,
        title="Finding the right voice",
        slug="finding-the-right-voice",
        body=[paragraph("<p>Like a flamingo in a flock, a creator stands out by colour.</p>")],
    )


def _result_ids(response):
    results = response.context["results"]
    return [] if results is None else [page.pk for page in results]


def test_search_finds_a_module_by_a_word_in_its_body(amira_client, flamingo_module):
    response = amira_client.get("/search/", {"q": "flamingo"})
    assert response.status_code == 200
    assert _result_ids(response) == [flamingo_module.pk]
    assert flamingo_module.title in response.content.decode()
    assert flamingo_module.url in response.content.decode()


def test_search_finds_a_course_by_its_summary(amira_client, course):
    response = amira_client.get("/search/", {"q": "creators"})
    assert course.pk in _result_ids(response)


def test_search_finds_a_course_by_its_code(amira_client, course, flamingo_module):
    response = amira_client.get("/search/", {"q": "INF-101"})
    assert course.pk in _result_ids(response)


def test_search_does_not_find_a_draft_module(amira_client, course, flamingo_module):
    draft = make_module(
        course,
        live=False,
        title="Unpublished thoughts",
        body=[paragraph("<p>A pelican carries the draft in its beak.</p>")],
    )
    response = amira_client.get("/search/", {"q": "pelican"})
    assert response.status_code == 200
    assert draft.pk not in _result_ids(response)
    assert "Unpublished thoughts" not in response.content.decode()


def test_search_does_not_find_an_unpublished_module(amira_client, flamingo_module):
    flamingo_module.unpublish()
    response = amira_client.get("/search/", {"q": "flamingo"})
    assert _result_ids(response) == []


@pytest.mark.parametrize("query", ["", "   "])
def test_empty_query_shows_no_results(amira_client, flamingo_module, query):
    response = amira_client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert response.context["results"] is None
    assert flamingo_module.title not in main_html(response)


def test_search_without_query_parameter_shows_the_form(amira_client, site_tree):
    response = amira_client.get("/search/")
    assert response.status_code == 200
    assert response.context["results"] is None


def test_search_for_a_word_nobody_wrote_finds_nothing(amira_client, flamingo_module):
    response = amira_client.get("/search/", {"q": "zzyzx"})
    assert response.status_code == 200
    assert _result_ids(response) == []


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        'say "hello',
        "AND OR NOT",
        "flamingo*",
        "x" * 500,
        "<script>alert(1)</script>",
        "%",
        "(",
        "a:b",
        "-",
        "NEAR(a b)",
    ],
)
def test_search_does_not_crash_on_odd_input(amira_client, flamingo_module, query):
    response = amira_client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_search_paginates_with_a_bad_page_number(amira_client, flamingo_module):
    response = amira_client.get("/search/", {"q": "flamingo", "page": "nope"})
    assert response.status_code == 200
    assert _result_ids(response) == [flamingo_module.pk]


def test_spanish_search_does_not_return_english_pages(amira_client, flamingo_module):
    response = amira_client.get("/es/search/", {"q": "flamingo"})
    assert response.status_code == 200
    assert _result_ids(response) == []


def test_spanish_search_returns_spanish_pages_only(amira_client, flamingo_module):
    spanish = make_translation(flamingo_module, "es")
    english_ids = _result_ids(amira_client.get("/search/", {"q": "flamingo"}))
    spanish_ids = _result_ids(amira_client.get("/es/search/", {"q": "flamingo"}))
    assert english_ids == [flamingo_module.pk]
    assert spanish_ids == [spanish.pk]


def test_search_does_not_return_the_home_or_catalogue_pages(amira_client, home, catalogue):
    make_course(catalogue, title="Learning Hub courses", summary="Courses on the Learning Hub.")
    ids = _result_ids(amira_client.get("/search/", {"q": "Learning Hub"}))
    assert home.pk not in ids and catalogue.pk not in ids
