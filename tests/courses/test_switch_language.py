"""The language switcher goes to the translation of the page being read, or the nearest
translated page, and marks untranslated content with its own language."""

from django.contrib.messages import get_messages

from tests.factories import make_translation
from tests.htmlutils import elements


def test_switching_language_opens_the_translation_of_the_page(amira_client, course):
    arabic = make_translation(course, "ar")
    response = amira_client.post("/i18n/setlang/", {"language": "ar", "next": course.url, "page": course.pk})
    assert response.status_code == 302
    assert response["Location"] == arabic.url == "/ar/courses/working-with-influencers/"
    assert response.cookies["django_language"].value == "ar"


def test_switching_to_a_language_without_translation_goes_to_nearest_translated_page(
    amira_client, course, module
):
    arabic_course = make_translation(course, "ar")
    response = amira_client.post("/i18n/setlang/", {"language": "ar", "next": module.url, "page": module.pk})
    assert response["Location"] == arabic_course.url
    [message] = list(get_messages(response.wsgi_request))
    assert module.title in str(message)


def test_switching_language_off_a_prefixed_address_removes_the_prefix(amira_client, home):
    response = amira_client.post("/i18n/setlang/", {"language": "en", "next": "/ar/search/?q=consent"})
    assert response["Location"] == "/search/?q=consent"


def test_switching_language_never_redirects_off_site(amira_client, home):
    response = amira_client.post("/i18n/setlang/", {"language": "fr", "next": "https://evil.example/"})
    assert response["Location"].startswith("/")


def test_switching_language_is_post_only(amira_client, home):
    assert amira_client.get("/i18n/setlang/?language=fr").status_code == 405


def test_anonymous_visitor_can_switch_language_on_the_login_page(client, home):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/accounts/login/"})
    assert response["Location"] == "/fr/accounts/login/"


def test_untranslated_content_is_marked_with_its_own_language(amira_client, course, module):
    # With no Spanish pages at all, /es/ shows the English pages inside the Spanish site.
    response = amira_client.get(f"/es/courses/{course.slug}/{module.slug}/")
    assert response.status_code == 200
    [article] = elements(response.content, "article")
    assert article.attrs["lang"] == "en"
    assert article.attrs["dir"] == "ltr"


def test_content_in_the_page_language_carries_no_extra_lang(amira_client, module):
    [article] = elements(amira_client.get(module.url).content, "article")
    assert "lang" not in article.attrs


def test_translated_catalogue_also_lists_courses_not_yet_translated(amira_client, catalogue, course):
    from tests.factories import make_course

    other = make_course(catalogue, title="Storytelling", course_code="STO-101")
    arabic_other = make_translation(other, "ar")
    html = amira_client.get("/ar/courses/").content.decode()
    assert arabic_other.url in html
    assert course.url in html  # the English course, marked as English
    assert 'lang="en"' in html


def test_partly_translated_course_lists_every_module(amira_client, course, module):
    from tests.factories import make_module

    second = make_module(course, title="Second module")
    arabic_module = make_translation(module, "ar")
    arabic_course = arabic_module.get_parent().specific
    html = amira_client.get(arabic_course.url).content.decode()
    assert arabic_module.url in html
    assert second.url in html
