from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from courses.models import CoursePage, ModulePage

RESULTS_PER_PAGE = 20


def search(request):
    """Search live courses and modules in the reader's language."""
    query = request.GET.get("q", "").strip()[:200]
    results = None
    if query:
        locale = Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()
        pages = (
            Page.objects.live()
            .type(CoursePage, ModulePage)
            .filter(locale=locale)
            .specific()
            .search(query)
        )
        results = Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "courses/search.html", {"query": query, "results": results})
