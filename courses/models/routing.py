"""How the learner site's pages are found and checked when served: the same answers as
Wagtail's routing and privacy check, in fewer queries."""

from django.db.models import F
from django.db.models.functions import Coalesce

from wagtail.models import Page, PageViewRestriction

from courses.models.tree_version import kept


class TypedChildRoute:
    """Wagtail's routing, except that a child of the one page type this page may hold
    (``subpage_types``) is fetched in its specific form, with its locale, in one query instead
    of a ``Page`` lookup and then a second query for the specific page. Anything else (a page
    of another type, no such slug) goes through Wagtail's own ``route``, and the page found
    meets the same checks after routing (live, privacy), so what is served does not change."""

    def route(self, request, path_components):
        child_models = self.allowed_subpage_models()
        # is_leaf(): Wagtail's get_children() finds nothing under a page that counts no child.
        if path_components and len(child_models) == 1 and not self.is_leaf():
            children = child_models[0].objects.child_of(self).select_related("locale")
            try:
                child = children.get(slug=path_components[0])
            except child_models[0].DoesNotExist:
                return super().route(request, path_components)
            # As Wagtail's route does: the parent stays on the child, so get_parent() is free.
            child._cached_parent_obj = self
            return child.specific.route(request, path_components[1:])
        return super().route(request, path_components)


class ViewRestrictionsInOneQuery:
    """Wagtail's ``get_view_restrictions`` (the restrictions on this page and its ancestors,
    an alias answering for its source page) in one query instead of two: the ancestors are
    named by their paths, which the page holds, and each one's source is taken in SQL.

    A page served by courses/serving.py carries the page tree's version (``tree_version``),
    and its restrictions are kept on it: saving or deleting a restriction raises the version
    in the same transaction. Whether a request meets them is checked on every request, with
    the restriction's groups and the person's read then (Wagtail's ``accept_request``)."""

    # Sources of aliases of aliases, followed this many steps in SQL.
    ALIAS_STEPS = 3

    def get_view_restrictions(self):
        version = getattr(self, "tree_version", None)
        if version is None:
            return self._view_restrictions()
        return kept(f"courses.tree.{version}.restrictions.{self.pk}", lambda: list(self._view_restrictions()))

    def _view_restrictions(self):
        steplen = Page.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        source = ["alias_of__" * step + "id" for step in range(self.ALIAS_STEPS, -1, -1)]
        sources = (
            Page.objects.filter(path__in=paths)
            .annotate(source=Coalesce(*(F(field) for field in source)))
            .values("source")
        )
        return PageViewRestriction.objects.filter(page_id__in=sources)
