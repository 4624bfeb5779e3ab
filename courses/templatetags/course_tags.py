"""Small helpers for the learner templates. None of them touch the database."""

from urllib.parse import urlparse

from django import template
from django.utils.translation import gettext as _

from courses.languages import lang_attributes
from courses.models import CoursePage, ModulePage

register = template.Library()

_VIDEO_HOSTS = {
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "youtube-nocookie.com": "YouTube",
    "vimeo.com": "Vimeo",
}


@register.filter
def page_kind(page):
    """'course' or 'module' for a specific course or module page, else ''."""
    if isinstance(page, CoursePage):
        return "course"
    if isinstance(page, ModulePage):
        return "module"
    return ""


@register.filter
def video_host(url):
    """The name of the site a video link points at, for link text ("Watch on YouTube")."""
    host = (urlparse(url or "").hostname or "").lower()
    for suffix, name in _VIDEO_HOSTS.items():
        if host == suffix or host.endswith("." + suffix):
            return name
    return _("the video host")


@register.simple_tag
def content_lang(page):
    """lang and dir attributes for a page shown in another language than the site's."""
    return lang_attributes(page.locale.language_code if getattr(page, "locale_id", None) else None)
