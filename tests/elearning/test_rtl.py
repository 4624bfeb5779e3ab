"""Right-to-left languages: Arabic pages are marked up as such."""

from tests.factories import make_translation
from tests.htmlutils import elements


def test_arabic_home_page_is_right_to_left(amira_client, home):
    arabic = make_translation(home, "ar")
    arabic.title = "مركز التعلّم"
    arabic.save_revision().publish()

    response = amira_client.get("/ar/")
    assert response.status_code == 200
    html_tag = elements(response.content, "html")[0]
    assert html_tag.attrs["lang"] == "ar"
    assert html_tag.attrs["dir"] == "rtl"
    assert "مركز التعلّم" in response.content.decode()


def test_english_home_page_is_left_to_right(amira_client, home):
    response = amira_client.get("/")
    html_tag = elements(response.content, "html")[0]
    assert html_tag.attrs["lang"] == "en"
    assert html_tag.attrs["dir"] == "ltr"


def test_spanish_pages_are_left_to_right_in_spanish(amira_client, home):
    make_translation(home, "es")
    response = amira_client.get("/es/")
    assert response.status_code == 200
    html_tag = elements(response.content, "html")[0]
    assert html_tag.attrs["lang"] == "es"
    assert html_tag.attrs["dir"] == "ltr"


def test_site_text_is_translated_into_arabic(amira_client, home):
    make_translation(home, "ar")
    html = amira_client.get("/ar/").content.decode()
    assert "Skip to main content" not in html
    assert "Log out" not in html
