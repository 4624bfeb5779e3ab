"""Reading rendered pages in assertions, with BeautifulSoup (Python's own HTML parser
underneath, so no extra parser is needed)."""

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString


def soup(html):
    """``html``: a response, bytes, text, or an element already read."""
    if isinstance(html, Tag):
        return html
    if hasattr(html, "content"):
        html = html.content
    if isinstance(html, bytes):
        html = html.decode()
    return BeautifulSoup(html, "html.parser")


def elements(html, tag=None, **attrs):
    """Every element (optionally of one tag, with the given attribute values) in ``html``,
    in document order. Use ``class_`` for the class attribute."""
    wanted = {name.rstrip("_"): value for name, value in attrs.items()}
    return soup(html).find_all(tag or True, attrs=wanted)


def text_of(element):
    """The element's text content, as the DOM's ``textContent`` (scripts and styles in it
    included, comments not), whitespace collapsed."""
    strings = (
        string
        for string in element.descendants
        if isinstance(string, NavigableString) and not isinstance(string, PreformattedString)
    )
    return " ".join("".join(strings).split())


def texts(html, tag, **attrs):
    return [text_of(element) for element in elements(html, tag, **attrs)]


def main_html(response):
    """The page's <main> element, so the site header and footer do not interfere."""
    main = soup(response).main
    return str(main) if main else response.content.decode()
