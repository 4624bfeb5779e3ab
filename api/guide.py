"""The integration guide (docs/hr-integration.md) served from the site at /api/v1/guide/,
so the API reference can link to something an integrator can open. Rendered with
markdown-it in CommonMark mode with raw HTML off, then cleaned by bleach: the file is ours,
but the page must stay safe whatever is written in it."""

from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

import bleach
from markdown_it import MarkdownIt

GUIDE = Path(settings.BASE_DIR) / "docs" / "hr-integration.md"
# The guide's examples run against `make run`; served, they name this server instead.
DEVELOPMENT_ADDRESS = "http://127.0.0.1:8000"
TAGS = {
    "h1", "h2", "h3", "h4", "p", "a", "code", "pre", "em", "strong", "ul", "ol", "li", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "hr", "br",
}  # fmt: skip


@lru_cache(maxsize=4)
def _render(source):
    html = MarkdownIt("commonmark", {"html": False}).enable("table").render(source)
    # markdown-it aligns table cells with style=""; the site's policy allows no inline style.
    html = html.replace(' style="text-align:right"', "").replace(' style="text-align:left"', "")
    html = html.replace(' style="text-align:center"', "")
    return bleach.clean(
        html,
        tags=TAGS,
        attributes={"a": ["href", "title"]},
        protocols={"http", "https", "mailto"},
        strip=True,
    )


def guide_html(base_url):
    source = GUIDE.read_text(encoding="utf-8").replace(DEVELOPMENT_ADDRESS, base_url.rstrip("/"))
    return _render(source)


@login_not_required
@require_safe
def guide(request):
    html = guide_html(request.build_absolute_uri("/"))
    return render(request, "api/guide.html", {"guide": mark_safe(html)})  # noqa: S308 - cleaned by bleach
