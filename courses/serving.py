"""Serving a page: Wagtail's ``serve`` view, with the site, its home page and the route to the
page kept between requests.

For every page it serves, Wagtail finds the site for the request's host (one query), the
locale of the active language (one), the site's home page in that language in its specific
form (one or two), then walks down the tree one level at a time (one query or two a level).
All of that changes only when an editor saves, moves or deletes a page, a site or a locale,
so it is kept in the cache, keyed on the page tree's version (``TreeVersion``), which every
such change raises in its own transaction. Each request reads the version (one small query),
so a change made in one process is seen by every process on its next request, whether or
not they share a cache. The page's privacy restrictions are kept the same way (saving or
deleting one raises the version); whether the request meets them, and everything a page shows
of a person, is read on every request: what is kept holds no one's data."""

import hashlib
from contextlib import suppress

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.db.models.signals import post_delete, post_save
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation

from wagtail import views as wagtail_views
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.sites import SiteRootPath
from wagtail.signals import post_page_move

from courses.models import (
    CourseCatalogue,
    CoursePage,
    CoursePrerequisite,
    HomePage,
    ModulePage,
    QuizQuestion,
    TranslationBase,
    TreeVersion,
)
from courses.models.tree_version import kept

CACHE_PREFIX = "courses.serving"
# Pages whose routing depends on nothing but the tree: their routes may be kept.
KEPT_ROUTE_TYPES = (HomePage, CourseCatalogue, CoursePage, ModulePage)


def _find_site_and_home(request):
    """(site, home page in the active language) as Wagtail's routing finds them."""
    site = Site._find_for_request(request)
    if site is None:
        return None, None
    home = site.root_page
    try:
        locale = Locale.objects.get_for_language(translation.get_language())
    except (Locale.DoesNotExist, LookupError):
        locale = None
    if locale is not None and locale.pk != home.locale_id:
        # Page.localized: the live translation in the active language, else the page itself.
        translated = Page.objects.filter(
            translation_key=home.translation_key, locale=locale, live=True
        ).first()
        home = translated or home
    return site, home.specific


def site_and_home(request, version):
    # get_host() has checked ALLOWED_HOSTS: no key is made from a host the site refuses.
    host, port = split_domain_port(request.get_host())[0], request.get_port()
    try:
        language = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        language = ""
    key = f"{CACHE_PREFIX}.{version}.home.{language}.{port}.{host}"
    return kept(key, lambda: _find_site_and_home(request))


def route(request, home, path_components, version):
    """Wagtail's route from the home page, kept when it leads to one of our page types with
    nothing taken from the request (no arguments)."""
    path = "/".join(path_components).encode()
    key = f"{CACHE_PREFIX}.{version}.route.{home.pk}.{hashlib.sha256(path).hexdigest()}"

    def find():
        with suppress(Http404):  # as Wagtail's route_for_request: no page
            return home.route(request, path_components)

    return kept(key, find, worth_keeping=_worth_keeping)


def _worth_keeping(found):
    return isinstance(found.page, KEPT_ROUTE_TYPES) and not (found.args or found.kwargs)


def site_root_paths():
    """Wagtail's ``Site.get_site_root_paths()`` (every site's home page in every language, for
    page addresses), read from the database: Wagtail's own cache entry of it is cleared by
    its signals before a change commits, so another process may fill it again with what is
    about to change."""
    return [
        SiteRootPath(site.pk, root.url_path, site.root_url, root.locale.language_code)
        for site in Site.objects.select_related("root_page").order_by(
            "-root_page__url_path", "-is_default_site", "hostname"
        )
        for root in site.root_page.get_translations(inclusive=True).select_related("locale")
    ]


def read_tree(request):
    """The page tree as this request sees it: its version (``request.tree_version``, for
    ``kept_for_tree``), the request's site and home page, and every site's root paths (for
    page addresses), the last three from the cache. For any view that shows pages; ``serve``
    does it for pages. Returns the home page."""
    version = TreeVersion.objects.current()
    request.tree_version = version
    site, home = site_and_home(request, version)
    request._wagtail_site = site
    request._wagtail_cached_site_root_paths = kept(f"{CACHE_PREFIX}.{version}.root-paths", site_root_paths)
    return home


def readable_signed_out(page):
    """Pages a signed-out visitor may read: the catalogue (which lists them only the courses
    open to everyone), while there is such a course, and the courses open to everyone with
    their modules. Every other page sits behind the site's sign-in
    (elearning/middleware.py), as the whole site does where no course is public."""
    if isinstance(page, CourseCatalogue):
        return CoursePage.objects.live().filter(open_to=CoursePage.OpenTo.PUBLIC).exists()
    if isinstance(page, ModulePage):
        page = page.parent_course()
    return isinstance(page, CoursePage) and page.open_to == CoursePage.OpenTo.PUBLIC


@login_not_required  # signed-out visitors: checked here, once the page is found
def serve(request, path):
    """Wagtail's ``serve``, with the site, the home page and the route found from the cache.
    Signed out, only ``readable_signed_out`` pages are served; anything else (a page that
    does not exist included, so addresses reveal nothing) goes to the sign-in page."""
    if not hasattr(request, "_wagtail_route_for_request"):
        home = read_tree(request)
        components = [component for component in path.split("/") if component]
        found = route(request, home, components, request.tree_version) if home else None
        if found is not None:
            found.page.tree_version = request.tree_version  # its restrictions are kept on it
        request._wagtail_route_for_request = found
    if not request.user.is_authenticated:
        found = request._wagtail_route_for_request
        if found is None or not readable_signed_out(found.page):
            return redirect_to_login(request.get_full_path())
    return wagtail_views.serve(request, path)


def tree_changed(**kwargs):
    TreeVersion.objects.bump()


def _page_changed(sender, instance, **kwargs):
    if isinstance(instance, Page):
        tree_changed()


# Kept with the pages they belong to (a course's prerequisites, a module's question count),
# saved with them on publish; raised on their own too, for any other way they change.
PAGE_PARTS = (CoursePrerequisite, QuizQuestion, TranslationBase)


def connect():
    for model in (Site, Locale, PageViewRestriction, *PAGE_PARTS):
        post_save.connect(tree_changed, sender=model, dispatch_uid=f"{CACHE_PREFIX}.{model.__name__}.save")
        post_delete.connect(
            tree_changed, sender=model, dispatch_uid=f"{CACHE_PREFIX}.{model.__name__}.delete"
        )
    # Any page type: pages are saved in their specific form.
    post_save.connect(_page_changed, dispatch_uid=f"{CACHE_PREFIX}.page.save")
    post_delete.connect(_page_changed, dispatch_uid=f"{CACHE_PREFIX}.page.delete")
    post_page_move.connect(tree_changed, dispatch_uid=f"{CACHE_PREFIX}.page.move")
