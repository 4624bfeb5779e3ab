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


def test_a_module_result_names_its_course_and_shows_a_snippet_of_its_text(amira_client, course):
    from tests.factories import heading
    from tests.htmlutils import elements, text_of

    long_text = "Flamingos &amp; creators &lt;b&gt;stand&lt;/b&gt; out. " + "More words. " * 40
    make_module(
        course,
        title="Colours",
        body=[heading("Why colour"), paragraph(f"<p><b>{long_text}</b></p>")],
    )
    response = amira_client.get("/search/", {"q": "flamingos"})
    [result] = elements(main_html(response), "li", class_="result")
    assert text_of(result.find(class_="result__course")) == f"In the course “{course.title}”"
    snippet = result.find(class_="result__snippet")
    # The body's text, not its markup; what was written as text stays text (escaped again).
    assert text_of(snippet).startswith("Why colour Flamingos & creators <b>stand</b> out.")
    assert snippet.find("b") is None
    assert len(text_of(snippet)) <= 200 and text_of(snippet).endswith("…")


def test_a_search_description_is_the_snippet_when_given(amira_client, course):
    from tests.htmlutils import elements, text_of

    make_module(
        course,
        title="Described",
        search_description="What this module is about, in a line.",
        body=[paragraph("<p>Pelicans in the body.</p>")],
    )
    response = amira_client.get("/search/", {"q": "pelicans"})
    [result] = elements(main_html(response), "li", class_="result")
    assert text_of(result.find(class_="result__snippet")) == "What this module is about, in a line."


def test_search_results_read_their_courses_in_one_query(
    amira_client, catalogue, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def modules_in(count, word):
        for _ in range(count):
            make_module(make_course(catalogue), body=[paragraph(f"<p>{word} here.</p>")])

    modules_in(1, "ibis")
    modules_in(8, "heron")
    amira_client.get("/search/", {"q": "ibis"})
    with CaptureQueriesContext(connection) as one:
        amira_client.get("/search/", {"q": "ibis"})
    bound = len(one.captured_queries)
    with django_assert_max_num_queries(bound):
        response = amira_client.get("/search/", {"q": "heron"})
    assert len(response.context["results"]) == 8
