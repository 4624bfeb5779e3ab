"""The home page: the signed-in person's open courses, with due dates and where to continue."""

from datetime import date

from records.services import progress
from tests.factories import make_course, make_module
from tests.htmlutils import elements, main_html, text_of


def _cards(response):
    return {
        text_of(card.find(class_="card__title")): card
        for card in elements(main_html(response), "li", class_="card")
    }


def test_home_page_shows_my_courses_with_due_date_and_continue(amira, amira_client, home, catalogue):
    started = make_course(catalogue, title="Begun")
    modules = [make_module(started) for _ in range(3)]
    progress.enrol(amira, started)
    progress.mark_module_read(amira, modules[0], started)
    waiting = make_course(catalogue, title="Waiting")
    first = make_module(waiting)
    progress.enrol(amira, waiting)
    amira.enrolments.filter(course_code=waiting.course_code).update(due_date=date(2031, 3, 4))

    cards = _cards(amira_client.get(home.url))
    assert set(cards) == {"Begun", "Waiting"}
    [go_on] = elements(cards["Begun"], "a", class_="button")
    assert text_of(go_on).startswith("Continue") and go_on["href"] == modules[1].url
    [start] = elements(cards["Waiting"], "a", class_="button")
    assert text_of(start).startswith("Start") and start["href"] == first.url
    assert "4 March 2031" in text_of(cards["Waiting"]) or "March 4, 2031" in text_of(cards["Waiting"])


def test_home_page_leaves_out_completed_courses_and_other_peoples(amira, chen, amira_client, home, catalogue):
    done = make_course(catalogue, title="Done already")
    module = make_module(done)
    progress.enrol(amira, done)
    progress.mark_module_read(amira, module, done)  # the only module: the course is complete
    theirs = make_course(catalogue, title="Chen's course")
    make_module(theirs)
    progress.enrol(chen, theirs)
    assert _cards(amira_client.get(home.url)) == {}


def test_home_page_queries_do_not_grow_with_courses(
    amira, amira_client, home, catalogue, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def enrol_in(count):
        for _ in range(count):
            course = make_course(catalogue)
            modules = [make_module(course) for _ in range(3)]
            progress.enrol(amira, course)
            progress.mark_module_read(amira, modules[0], course)

    enrol_in(2)
    amira_client.get(home.url)  # caches warm
    with CaptureQueriesContext(connection) as small:
        assert amira_client.get(home.url).status_code == 200
    bound = len(small.captured_queries)
    enrol_in(10)
    amira_client.get(home.url)
    with django_assert_max_num_queries(bound):
        response = amira_client.get(home.url)
    assert len(_cards(response)) == 12


def test_arabic_home_page_links_translated_courses_and_marks_the_others_english(
    amira, amira_client, home, catalogue
):
    from tests.factories import make_translation

    translated, english = (
        make_course(catalogue, title="Translated"),
        make_course(catalogue, title="English only"),
    )
    first = make_module(translated)
    make_module(english)
    for course in (translated, english):
        progress.enrol(amira, course)
    arabic = make_translation(translated, "ar")
    arabic_first = make_translation(first, "ar")
    arabic_home = type(home).objects.get(locale__language_code="ar")
    cards = _cards(amira_client.get(arabic_home.url))
    arabic_card = cards[arabic.title]
    link = arabic_card.find(class_="card__title").a
    assert link["href"] == arabic.url and not link.has_attr("lang")
    assert elements(arabic_card, "a", class_="button")[0]["href"] == arabic_first.url
    link = cards["English only"].find(class_="card__title").a
    assert link["lang"] == "en" and link["dir"] == "ltr"
