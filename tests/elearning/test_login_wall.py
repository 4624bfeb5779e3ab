"""The learner site is for signed-in staff only; a few paths answer anyone."""

from urllib.parse import parse_qs, urlparse

import pytest

from tests.factories import make_document


def _assert_sent_to_login(response, path, login_path="/accounts/login/"):
    assert response.status_code == 302, response.status_code
    location = urlparse(response["Location"])
    assert location.path == login_path
    assert parse_qs(location.query)["next"] == [path]


@pytest.mark.parametrize("path", ["/", "/courses/", "/search/", "/search/?q=influencer", "/learning/"])
def test_anonymous_visitor_is_sent_to_login(client, module, path):
    response = client.get(path)
    _assert_sent_to_login(response, path)


def test_anonymous_visitor_is_sent_to_login_from_a_course(client, course):
    _assert_sent_to_login(client.get(course.url), course.url)


def test_anonymous_visitor_is_sent_to_login_from_a_module(client, module):
    _assert_sent_to_login(client.get(module.url), module.url)


def test_anonymous_visitor_is_sent_to_login_from_a_missing_page(client, site_tree):
    # The wall comes before the 404, so it does not reveal which pages exist.
    _assert_sent_to_login(client.get("/courses/no-such-course/"), "/courses/no-such-course/")


def test_anonymous_visitor_is_sent_to_login_from_another_language(client, site_tree):
    response = client.get("/es/courses/")
    assert response.status_code == 302
    location = urlparse(response["Location"])
    assert location.path in ("/accounts/login/", "/es/accounts/login/")
    assert parse_qs(location.query)["next"] == ["/es/courses/"]


def test_anonymous_visitor_cannot_download_documents(client, db):
    document = make_document("Internal briefing")
    response = client.get(document.url)
    _assert_sent_to_login(response, document.url)


def test_health_check_answers_anonymously(client, db):
    assert client.get("/healthz").status_code == 200


@pytest.mark.parametrize("path", ["/accounts/login/", "/accounts/password_reset/", "/es/accounts/login/"])
def test_login_and_password_reset_pages_answer_anonymously(client, db, path):
    assert client.get(path).status_code == 200


def test_admin_sends_anonymous_visitors_to_its_own_login(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    location = urlparse(response["Location"])
    assert location.path == "/admin/login/"
    assert parse_qs(location.query)["next"] == ["/admin/"]


def test_admin_login_page_answers_anonymously(client, db):
    assert client.get("/admin/login/").status_code == 200


def test_signed_in_learner_reaches_the_site(amira_client, module):
    for url in ("/", "/courses/", module.url):
        assert amira_client.get(url).status_code == 200, url


def test_anonymous_visitor_can_choose_a_language_on_the_login_page(client, db):
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert urlparse(response["Location"]).path in ("/es/accounts/login/", "/accounts/login/")
    assert "next=%2Fi18n" not in response["Location"]
    assert response.cookies["django_language"].value == "es"


def test_the_catalogue_opens_to_visitors_only_while_a_course_is_open_to_everyone(client, course):
    _assert_sent_to_login(client.get("/courses/"), "/courses/")
    course.open_to = course.OpenTo.PUBLIC
    course.save_revision().publish()
    response = client.get("/courses/")
    assert response.status_code == 200 and course.title in response.content.decode()
    assert "sessionid" not in response.cookies
