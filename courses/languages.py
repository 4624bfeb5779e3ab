"""Marking up content shown in another language than the page around it."""

from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info


def lang_attributes(code):
    """lang and dir attributes for content in ``code`` shown on a page in the active language
    (content not yet translated), so screen readers voice it in the right language; "" when
    the languages are the same."""
    if not code or code == get_language():
        return ""
    info = get_language_info(code)
    return format_html(' lang="{}" dir="{}"', code, "rtl" if info["bidi"] else "ltr")
