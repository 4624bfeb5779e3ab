"""Small helpers for the learner templates. None of them query the database themselves."""

from urllib.parse import urlparse

from django import template
from django.conf import settings
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from courses.icons import icon
from courses.languages import lang_attributes
from courses.models import CoursePage, ModulePage
from courses.models.tree_version import KEEP_SECONDS, kept_for_tree

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


# The only block whose rendering depends on who reads it: their own answer, in a form.
PERSONAL_BLOCKS = frozenset({"reflection"})


@register.simple_tag(takes_context=True)
def module_body(context, page):
    """The module's body, block by block, as ``{% include_block block with block_id=block.id %}``
    renders it. The blocks that read the same for everyone are rendered with nothing but
    their own value and id (so nothing of the reader can enter them) and kept on the page
    tree's version, per language; the personal ones are rendered for this reader each time."""
    blocks = list(page.body)

    def render_shared():
        return {
            block.id: block.render_as_block(context={"block_id": block.id})
            for block in blocks
            if block.id and block.block_type not in PERSONAL_BLOCKS
        }

    shared = kept_for_tree(
        context.get("request"),
        f"module-body.{page.pk}.{get_language()}",
        render_shared,
        seconds=_body_seconds(),
    )
    parts = []
    for block in blocks:
        html = shared.get(block.id) if block.block_type not in PERSONAL_BLOCKS else None
        if html is None:
            html = block.render_as_block(context={**context.flatten(), "block_id": block.id})
        parts.append(conditional_escape(html))
    return mark_safe("".join(parts))  # noqa: S308 (each part escaped above, or safe block HTML)


def _body_seconds():
    # Image and document links signed for object storage expire: keep the HTML well within.
    expiry = settings.STORAGES["default"].get("OPTIONS", {}).get("querystring_expire")
    return min(KEEP_SECONDS, expiry // 2) if expiry else KEEP_SECONDS


# A module's state on the course page: its icon (hidden from screen readers) and its words.
_STATES = {
    "completed": (icon("check"), gettext_lazy("Completed")),
    "in_progress": (icon("half"), gettext_lazy("In progress")),
    "not_started": (icon("circle"), gettext_lazy("Not started")),
    # Re-opened by a material change to it (records.ModuleUpdate).
    "update_required": (icon("alert"), gettext_lazy("Update required")),
}


@register.simple_tag
def lang_of(language_code):
    """lang and dir attributes for content in ``language_code`` on a page in another."""
    return lang_attributes(language_code)


@register.simple_tag
def language_tag(language_code, course_language_code):
    """ "In English" beside a module read in another language than its course's (a
    translated course whose module is not translated yet); nothing otherwise."""
    if not language_code or language_code == course_language_code:
        return ""
    name = get_language_info(language_code)["name_translated"]
    return format_html('<span class="tag tag--language">{}</span>', _("In %(language)s") % {"language": name})


@register.simple_tag
def module_rows(statuses, course_language_code=None):
    """The course page's list of modules with the reader's state of each (``ModuleStatus``
    rows of ``records.services.learner.course_state``), as ``<li>`` elements, each module read
    in another language than the course's (``course_language_code``) marked. Written here
    rather than in the template: a course may have fifty modules, and a template loop costs
    several times more per row."""
    language = get_language()
    states = {key: (symbol, str(words)) for key, (symbol, words) in _STATES.items()}
    quiz, optional = _("Includes a quiz"), _("Optional")
    rows = []
    for status in statuses:
        module = status.module
        symbol, words = states[status.label]
        minutes = module.estimated_minutes
        rows.append(
            (
                module.url,
                lang_attributes(module.language_code) if module.language_code != language else "",
                module.title,
                status.label,
                symbol,
                words,
                ngettext("%(minutes)s minute", "%(minutes)s minutes", minutes) % {"minutes": minutes},
                format_html('<span class="muted">{}</span>', quiz) if status.has_quiz else "",
                ""
                if module.required_for_completion
                else format_html('<span class="tag">{}</span>', optional),
                language_tag(module.language_code, course_language_code or language),
            )
        )
    return format_html_join(
        "",
        '<li><a href="{}"{}>{}</a> <span class="module-list__meta"><span class="state state--{}">'
        '{} {}</span> <span class="muted">{}</span> {} {} {}</span></li>',
        rows,
    )


@register.simple_tag(name="icon")
def icon_tag(name):
    """``{% icon "check" %}``: a decorative inline SVG icon (courses/icons.py)."""
    return icon(name)
