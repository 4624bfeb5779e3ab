"""The language picker in every page's header (templates/base.html, elearning/templatetags)."""

from tests.htmlutils import elements, text_of


def _options(response):
    select = elements(response, "select", id="language-select")[0]
    return [
        (option.get("value"), option.get("lang"), option.has_attr("selected"), text_of(option))
        for option in select.find_all("option")
    ]


def test_every_language_is_offered_in_its_own_name_with_the_current_one_selected(amira_client, home):
    assert _options(amira_client.get("/")) == [
        ("en", "en", True, "English"),
        ("es", "es", False, "español"),
        ("fr", "fr", False, "français"),
        ("ar", "ar", False, "العربيّة"),
    ]
    arabic = _options(amira_client.get("/ar/"))
    assert [(code, selected) for code, _lang, selected, _name in arabic] == [
        ("en", False),
        ("es", False),
        ("fr", False),
        ("ar", True),
    ]
