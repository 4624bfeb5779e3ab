"""Cleaning of HTML written by staff (reflection answers), with a narrow allowlist."""

from django.utils.safestring import mark_safe

import bleach

ALLOWED_TAGS = ["p", "br", "strong", "em", "b", "i", "ul", "ol", "li"]


def clean_html(text):
    """Strip every tag, attribute and protocol outside the allowlist."""
    return bleach.clean(text or "", tags=ALLOWED_TAGS, attributes={}, protocols=[], strip=True)


def answer_html(text):
    """Text a person typed, as safe HTML: blank lines start paragraphs, line breaks stay."""
    cleaned = clean_html(text).replace("\r\n", "\n").strip()
    paragraphs = [p.strip() for p in cleaned.split("\n\n") if p.strip()]
    html = "".join("<p>{}</p>".format(p.replace("\n", "<br>")) for p in paragraphs)
    # A second pass keeps the result balanced and inside the allowlist.
    return mark_safe(clean_html(html))  # noqa: S308 - cleaned by bleach on the line above
