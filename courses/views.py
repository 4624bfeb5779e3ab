import re

from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from wagtail.models import Locale, Page

from courses.models import CoursePage, ModulePage

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
        pages = (
            Page.objects.live().type(CoursePage, ModulePage).filter(locale=locale).specific().search(terms)
        )
        try:
            with transaction.atomic():  # a savepoint, so PostgreSQL carries on after an error
                results = Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
                results.object_list = list(results.object_list)
        except DatabaseError:
            # A query the search engine cannot parse finds nothing rather than failing.
            results = Paginator([], RESULTS_PER_PAGE).get_page(1)
    return TemplateResponse(request, "courses/search.html", {"query": query, "results": results})
