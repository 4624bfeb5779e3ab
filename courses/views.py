import re
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.template.response import TemplateResponse
from django.utils.translation import get_language, get_language_from_path, get_language_info, override
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from wagtail.models import Locale, Page

from courses.models import CoursePage, ModulePage
from courses.models.querysets import audiences_for

RESULTS_PER_PAGE = 20
# Characters the full-text engines treat as query syntax; staff type words, not syntax.
QUERY_SYNTAX = re.compile(r'["*():^+\\]')


def search(request):
    """Search live courses and modules in the reader's language."""
    query = request.GET.get("q", "").strip()[:200]
    terms = " ".join(QUERY_SYNTAX.sub(" ", query).split())
    results = None
    if terms:
        locale = Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()
        pages = Page.objects.live().type(CoursePage, ModulePage).filter(locale=locale)
        if audiences_for(request.user) is not None:
            # Only courses open to the person, and their modules (``CoursePage.open_to_user``).
            open_courses = CoursePage.objects.open_to_user(request.user).filter(locale=locale)
            courses = dict(open_courses.values_list("path", "pk"))
            modules = ModulePage.objects.filter(locale=locale).values_list("pk", "path")
            allowed = [pk for pk, path in modules if path[: -Page.steplen] in courses]
            allowed += courses.values()
            pages = pages.filter(id__in=allowed)
        pages = pages.specific().search(terms)
        try:
            with transaction.atomic():  # a savepoint, so PostgreSQL carries on after an error
                results = Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
                results.object_list = list(results.object_list)
                _add_courses(results.object_list)
        except DatabaseError:
            # A query the search engine cannot parse finds nothing rather than failing.
            results = Paginator([], RESULTS_PER_PAGE).get_page(1)
    return TemplateResponse(request, "courses/search.html", {"query": query, "results": results})


def _add_courses(pages):
    """Each module result's course (``course``), read in one query for the whole page."""
    modules = [page for page in pages if isinstance(page, ModulePage)]
    parent_paths = {Page._get_parent_path_from_path(module.path) for module in modules}
    courses = {course.path: course for course in CoursePage.objects.live().filter(path__in=parent_paths)}
    for module in modules:
        module.course = courses.get(Page._get_parent_path_from_path(module.path))


def translated_page(page, language_code):
    """The page in another language or, where it has not been translated yet, its
    nearest ancestor that has been (the course, the catalogue, the home page)."""
    for candidate in [page, *reversed(page.get_ancestors().filter(depth__gt=1))]:
        translation = (
            candidate.get_translations(inclusive=True)
            .live()
            .filter(locale__language_code=language_code)
            .first()
        )
        if translation is not None:
            return translation, candidate.pk == page.pk
    return None, False


@login_not_required
@require_POST
def switch_language(request):
    """Django's set_language, made aware of pages: it goes to the translation of the
    page the person was reading instead of a guessed address that may not exist."""
    # Resolve the address in the language it is written in, so /ar/search/ maps to /search/.
    current = get_language_from_path(urlsplit(request.POST.get("next", "")).path) or settings.LANGUAGE_CODE
    with override(current):
        response = set_language(request)
    language_code = request.POST.get("language")
    page = Page.objects.live().filter(pk=request.POST.get("page") or None).first()
    if page is None or response.status_code != 302 or language_code not in dict(settings.LANGUAGES):
        return response
    target, exact = translated_page(page, language_code)
    if target is not None:
        with override(language_code):
            response["Location"] = target.get_url(request)
            if not exact:
                messages.info(
                    request,
                    _(
                        "“%(title)s” is not available in %(language)s yet, so you are on the nearest page that is."
                    )
                    % {
                        # Isolated, so a title in one direction reads right inside the other.
                        "title": f"\u2068{page.title}\u2069",
                        "language": get_language_info(language_code)["name_local"],
                    },
                )
    return response
