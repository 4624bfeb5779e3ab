"""The integration guide is served from the site (the API reference links to it instead of
a repository path), safely rendered; the key page's "Copy key" icon is sized like a button
icon, not left at the browser's 300x150 default."""

import re
from pathlib import Path

from api import guide, scopes
from tests.htmlutils import elements, soup, text_of

GUIDE_URL = "/api/v1/guide/"


def test_the_guide_is_served_to_anyone_as_html(client, db):
    response = client.get(GUIDE_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    [title] = elements(html, "h1")
    assert "HR" in text_of(title)
    assert "<table>" in html and "<pre><code" in html
    # The examples name this server, not the developer's machine.
    assert "http://testserver/api/v1/completions/" in html
    assert "127.0.0.1:8000" not in html
    assert 'href="/api/v1/docs/"' in html


def test_the_guide_allows_no_script_style_or_javascript_links(client, db, tmp_path, monkeypatch):
    hostile = tmp_path / "guide.md"
    hostile.write_text(
        "# Guide\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
        "[click](javascript:alert(3))\n\n| a | b |\n|--:|:-:|\n| 1 | 2 |\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(guide, "GUIDE", hostile)
    html = client.get(GUIDE_URL).content.decode()
    main = html[html.index('<div class="prose">') :]
    assert "<script" not in main and "<img" not in main
    rendered = soup(main)
    links = [element["href"] for element in rendered.find_all(href=True)]
    assert not [
        href for href in links if href.strip().lower().startswith("javascript:")
    ]  # plain text at most
    assert not rendered.find_all(style=True)
    assert "<td>1</td>" in main


def test_the_schema_and_docs_link_the_guide_not_a_repository_path(client, db):
    schema = client.get("/api/v1/schema/?format=json").json()
    description = schema["info"]["description"]
    assert "(/api/v1/guide/)" in description
    assert "docs/hr-integration.md" not in description


def _defined_sizes():
    """Wagtail's admin stylesheet: which utility classes set a width or height."""
    import wagtail

    css = (Path(wagtail.__file__).parent / "admin/static/wagtailadmin/css/core.css").read_text()
    return {name for name, body in re.findall(r"\.(w-[wh]-\d+)\{([^}]*)\}", css) if "1rem" in body}


def test_the_copy_key_icon_is_sized(hana_client):
    response = hana_client.post(
        "/admin/snippets/api/apiclient/add/",
        {"name": "Workday", "scopes": [scopes.COMPLETIONS], "departments": [], "expiry_date": ""},
    )
    [button] = [b for b in elements(response, "button") if "Copy key" in text_of(b)]
    copy = soup(response).find(attrs={"data-action": "w-clipboard#copy"})
    assert {"w-w-4", "w-h-4"} <= set(copy.find("svg")["class"])
    assert {"w-w-4", "w-h-4"} <= _defined_sizes()
    assert button is not None
