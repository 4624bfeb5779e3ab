"""The admin dashboard's panels for the people who write courses, editors and reviewers
(``construct_homepage_panels`` in courses/wagtail_hooks.py). Wagtail's own panels already
answer two of their questions and stay: *Awaiting your review* (a reviewer's pages waiting
for them) and *Your pages in a workflow* (an editor's submitted pages). These add:

- ``TranslationsBehindPanel``: translations whose source changed since they were brought up
  to date, the oldest first, with a link to the full report;
- ``YourDraftsPanel``: pages whose latest revision is the person's own and not yet
  published; with *Recently published* it replaces Wagtail's *Your most recent edits*, which
  mixed the two;
- ``RecentlyPublishedPanel``: what was published last, by anyone.

Each costs one or two queries, whatever the number of pages or translations."""

from django.urls import reverse

from wagtail.admin.ui.components import Component
from wagtail.models import Page

from courses.models import TranslationBase

LISTED = 5


class EditorPanel(Component):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["request"] = parent_context["request"]
        return context


class TranslationsBehindPanel(EditorPanel):
    name = "translations_behind"
    template_name = "courses/panels/translations_behind.html"
    order = 190  # before Wagtail's workflow panels (210, 220)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        lagging = TranslationBase.objects.lagging()
        context["count"] = lagging.count()
        context["translations"] = list(
            lagging.with_since().with_revisions().order_by("since", "page_id")[:LISTED]
        )
        context["report_url"] = reverse("courses_reports:translation_lag")
        return context


class YourDraftsPanel(EditorPanel):
    name = "your_drafts"
    template_name = "courses/panels/your_drafts.html"
    order = 240

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["drafts"] = list(
            Page.objects.filter(has_unpublished_changes=True, latest_revision__user=context["request"].user)
            .select_related("locale")
            .order_by("-latest_revision_created_at")[:LISTED]
        )
        return context


class RecentlyPublishedPanel(EditorPanel):
    name = "recently_published"
    template_name = "courses/panels/recently_published.html"
    order = 260

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["published"] = list(
            Page.objects.filter(live=True, last_published_at__isnull=False, depth__gt=1)
            .select_related("locale", "live_revision__user")
            .order_by("-last_published_at")[:LISTED]
        )
        return context


def editor_panels():
    return [TranslationsBehindPanel(), YourDraftsPanel(), RecentlyPublishedPanel()]
