"""Template tags of the site's own frame (templates/base.html)."""

from functools import lru_cache

from django import template
from django.conf import settings
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info

register = template.Library()


@register.simple_tag
def language_options(current):
    """The language picker's options: every language of the site in its own name, ``current``
    selected. The same for everyone who reads in ``current``, so made once per process."""
    return _language_options(current, tuple(settings.LANGUAGES))


@lru_cache(maxsize=32)
def _language_options(current, languages):
    return format_html_join(
        "\n",
        '<option value="{}" lang="{}"{}>{}</option>',
        (
            (
                code,
                code,
                mark_safe(" selected") if code == current else "",
                get_language_info(code)["name_local"],
            )
            for code, _name in languages
        ),
    )
