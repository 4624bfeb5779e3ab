"""A course's length is stated once, by one rule (courses.models.pages.course_length): the
catalogue and the course page agree, in every language. The Arabic STO-101 of the demo was
listed at 24 minutes in the Arabic catalogue (its two translated modules) and 85 on its page
(all six modules, four of them read in English): the page was right."""

import re

from courses.models import CourseCatalogue
from tests.factories import make_course, make_module, make_translation
from tests.htmlutils import elements, text_of


def _catalogue_minutes(client, url):
    return {
        text_of(card.find(class_="card__title")): _minutes(card)
        for card in elements(client.get(url), "li", class_="card")
    }


def _page_minutes(client, url):
    return _minutes(elements(client.get(url), "dl", class_="facts--course")[0])


def _minutes(element):
    [length] = elements(element, "div", class_="facts__length")
    return int(re.search(r"\d+", text_of(length.dd)).group())


def test_a_partly_translated_course_has_the_same_length_in_the_catalogue_and_on_its_page(
    amira_client, catalogue
):
    course = make_course(catalogue, title="Storytelling")
    modules = [make_module(course, estimated_minutes=minutes) for minutes in (12, 12, 30, 31)]
    arabic_course = make_translation(course, "ar")
    arabic_course.title = "سرد القصص"
    arabic_course.save_revision().publish()
    for module in modules[:2]:
        make_translation(module, "ar")
    arabic_catalogue = CourseCatalogue.objects.get(locale__language_code="ar")

    assert _page_minutes(amira_client, arabic_course.url) == 85
    assert _catalogue_minutes(amira_client, arabic_catalogue.url)["سرد القصص"] == 85
    assert _page_minutes(amira_client, course.url) == 85
    assert _catalogue_minutes(amira_client, catalogue.url)["Storytelling"] == 85


def test_a_course_of_its_own_estimate_states_it_everywhere(amira_client, catalogue):
    course = make_course(catalogue, title="Estimated", estimated_minutes=40)
    make_module(course, estimated_minutes=5)
    assert _page_minutes(amira_client, course.url) == 40
    assert _catalogue_minutes(amira_client, catalogue.url)["Estimated"] == 40


def test_total_minutes_outside_a_page_follows_the_same_rule(catalogue):
    course = make_course(catalogue)
    modules = [make_module(course, estimated_minutes=minutes) for minutes in (10, 20)]
    arabic = make_translation(course, "ar")
    make_translation(modules[0], "ar")
    assert course.total_minutes == 30
    assert type(arabic).objects.get(pk=arabic.pk).total_minutes == 30


def test_modules_not_yet_translated_are_marked_on_the_translated_course_page(amira_client, catalogue):
    course = make_course(catalogue, title="Storytelling")
    translated = make_module(course, title="Voices")
    make_module(course, title="Consent")  # not translated
    arabic_course = make_translation(course, "ar")
    make_translation(translated, "ar")
    items = elements(elements(amira_client.get(arabic_course.url), "ol", class_="module-list")[0], "li")
    assert len(items) == 2
    first, second = items
    assert not elements(first, class_="tag--language") and not first.a.has_attr("lang")
    [tag] = elements(second, "span", class_="tag--language")
    assert "الإنجليزية" in text_of(tag)  # "In English", in the reader's language
    assert second.a["lang"] == "en" and second.a["dir"] == "ltr"
    # The English course's own modules carry no such mark.
    english = elements(elements(amira_client.get(course.url), "ol", class_="module-list")[0], "li")
    assert not any(elements(item, class_="tag--language") for item in english)
