"""The site-wide error handlers (elearning.errors, wired in elearning/urls.py): a page that
breaks answers the site's self-contained 500 page, an API endpoint that breaks answers the
API's JSON error (SERVER_ERROR_VIEWS), whatever the client asked for."""

from django.test import Client

import pytest
from bs4 import BeautifulSoup

from api.views import CompletionViewSet
from people.views import StaffLoginView

pytestmark = pytest.mark.django_db


def broken(*args, **kwargs):
    raise RuntimeError("broken on purpose")


@pytest.fixture
def browser():
    return Client(raise_request_exception=False)


def test_a_broken_page_answers_the_sites_500_page(browser, monkeypatch):
    monkeypatch.setattr(StaffLoginView, "get", broken)
    response = browser.get("/accounts/login/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
    assert BeautifulSoup(response.content, "html.parser").h1.get_text() == "Something went wrong"


def test_a_broken_api_endpoint_answers_the_apis_json_error(browser, monkeypatch):
    monkeypatch.setattr(CompletionViewSet, "initial", broken)
    response = browser.get("/api/v1/completions/", headers={"Accept": "text/html"})
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "error": {
            "status": 500,
            "code": "server_error",
            "message": "Something went wrong on our side; it has been logged.",
        }
    }
