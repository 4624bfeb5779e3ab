"""A small HTML reader for assertions on rendered pages (standard library only)."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict
    parents: list = field(default_factory=list)
    _text: list = field(default_factory=list)

    @property
    def text(self):
        """The element's text content, whitespace collapsed."""
        return re.sub(r"\s+", " ", "".join(self._text)).strip()

    def has_class(self, name):
        return name in (self.attrs.get("class") or "").split()

    def within(self, tag):
        return any(parent.tag == tag for parent in self.parents)


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.open = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), parents=list(self.open))
        self.elements.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append(Element(tag, dict(attrs), parents=list(self.open)))

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].tag == tag:
                del self.open[index:]
                break

    def handle_data(self, data):
        for element in self.open:
            element._text.append(data)


def elements(html, tag=None, **attrs):
    """Every element (optionally of one tag, with the given attribute values) in ``html``.
    Use ``class_`` for the class attribute."""
    if isinstance(html, bytes):
        html = html.decode()
    reader = _Reader()
    reader.feed(html)
    reader.close()
    wanted = {name.rstrip("_"): value for name, value in attrs.items()}
    return [
        element
        for element in reader.elements
        if (tag is None or element.tag == tag)
        and all(element.attrs.get(name) == value for name, value in wanted.items())
    ]


def texts(html, tag, **attrs):
    return [element.text for element in elements(html, tag, **attrs)]


def main_html(response):
    """The page's <main> element source, so the site header and footer do not interfere."""
    html = response.content.decode()
    match = re.search(r"<main\b.*?</main>", html, flags=re.S)
    return match.group(0) if match else html
