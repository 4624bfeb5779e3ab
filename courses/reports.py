"""Reports > Translations behind their source: every translated course and module whose source
was published since the translation was brought up to date, with what changed and since
when, exportable as CSV or XLSX. For the people who write pages (editors, reviewers)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, LocaleColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from courses.models import TranslationBase
from elearning.db_router import ReplicaReadsMixin
from security.exports import ReportColumn, ReportColumnsMixin

# Who writes pages: Wagtail's own page reports (aging pages) ask the same.
PAGE_WRITING = ["add", "change", "publish"]


def writes_pages(user):
    """Editors and reviewers (and superusers): people who may add, edit or publish a page."""
    return PagePermissionPolicy().user_has_any_permission(user, PAGE_WRITING)


def _yes_no(value):
    return _("Yes") if value else _("No")


class TranslationLagReportView(ReplicaReadsMixin, ReportColumnsMixin, ReportView):
    page_title = _("Translations behind their source")
    header_icon = "globe"
    index_url_name = "courses_reports:translation_lag"
    index_results_url_name = "courses_reports:translation_lag_results"
    permission_policy = PagePermissionPolicy()
    any_permission_required = PAGE_WRITING
    verbose_name_plural = _("translations behind their source")
    paginate_by = 50

    report_columns = [
        ReportColumn(
            TitleColumn(
                "translation",
                label=_("Translation"),
                accessor="page.title",
                get_url=lambda base: reverse("wagtailadmin_pages:edit", args=[base.page_id]),
            )
        ),
        ReportColumn(
            LocaleColumn(label=_("Language"), accessor="page.locale", sort_key=None),
            heading=_("Language code"),
            value=lambda base: base.page.locale.language_code,
        ),
        ReportColumn(
            TitleColumn(
                "source",
                label=_("Source"),
                accessor="source_page.title",
                get_url=lambda base: reverse("wagtailadmin_pages:edit", args=[base.source_page_id]),
            )
        ),
        ReportColumn(DateColumn("since", label=_("Changed since"))),
        ReportColumn(
            Column("blocks_changed", label=_("What changed"), accessor=lambda base: base.changes.summary()),
            heading=_("Blocks changed"),
        ),
        ReportColumn(
            Column(
                "material", label=_("Learners told"), accessor=lambda base: _yes_no(base.changes.material)
            ),
            heading=_("Material change (learners told)"),
        ),
    ]

    def get_filename(self):
        return f"translations-behind-their-source-{timezone.localdate().isoformat()}"

    def get_queryset(self):
        # One query whatever the number of translations or blocks: both source revisions'
        # content comes with each row, and what changed is worked out from them.
        return TranslationBase.objects.lagging().with_since().with_revisions().order_by("since", "page_id")
