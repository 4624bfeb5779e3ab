"""Partner completion: one row per partner learner and course they are enrolled on, with
status, due date, completion and score, by the rules the staff reports use
(``EnrolmentQuerySet``, ``status_label``, ``latest_score``).

- HR admins and Partnerships: every organisation, with an organisation filter, in the
  admin (Reports › Partner completion).
- A focal point: their own organisation only, on the learner site at
  /my-learning/organisation/ (where they land when they sign in), with the same CSV and
  XLSX. The organisation comes from who is signed in, never from the URL.

Either way the rows are scoped before any filter runs, and a page costs the same number of
queries for 10 learners or 1,000 (the score is a subquery, the update a join)."""

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports import ReportView

import django_filters

from elearning.db_router import ReplicaReadsMixin
from people.focal_points import focal_organisation
from people.models import PartnerOrganisation, User
from people.partner_admin import can_manage_partners
from quizzes.reports.item_analysis import course_choices
from records.models import Enrolment
from records.reports import figures
from records.reports.team_completion import (
    CalendarDateColumn,
    TickedOnlyCheckbox,
    latest_score,
    status_choices,
    status_label,
    update_titles,
)
from security.exports import ReportColumn, ReportColumnsMixin, export_only


def partner_people(organisations):
    """The active members of ``organisations`` (a queryset of them): leavers' records stay
    but are not counted, as for staff."""
    return User.objects.partner_learners().filter(
        partner_organisation__in=organisations, is_active=True, is_superuser=False
    )


def partner_enrolments(organisations):
    return (
        Enrolment.objects.filter(user__in=partner_people(organisations))
        .select_related("user", "user__partner_organisation")
        .annotate(score=latest_score())
        .with_update_required()
        .order_by("user__partner_organisation__name", "user__full_name", "user_id", "course_code")
    )


class PartnerCompletionFilterSet(WagtailFilterSet):
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        field_name="user__partner_organisation",
        queryset=PartnerOrganisation.objects.all(),
        empty_label=_("All"),
        widget=forms.Select,
    )
    course = django_filters.ChoiceFilter(
        label=_("Course"), field_name="course_code", choices=course_choices, empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), method="filter_status", choices=status_choices, empty_label=_("All")
    )
    overdue = django_filters.BooleanFilter(
        label=_("Overdue only"), method="filter_overdue", widget=TickedOnlyCheckbox
    )

    class Meta:
        model = Enrolment
        fields = []

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue() if value else queryset

    def filter_status(self, queryset, name, value):
        if value == Enrolment.Status.UPDATE_REQUIRED:
            return queryset.update_required()
        return queryset.filter(status=value) if value else queryset


REPORT_COLUMNS = [
    ReportColumn(Column("person", label=_("Person"), accessor="user")),
    ReportColumn(Column("email", label=_("Email"), accessor="user.email")),
    ReportColumn(Column("organisation", label=_("Organisation"), accessor="user.partner_organisation")),
    ReportColumn(Column("country", label=_("Country"), accessor="user.country")),
    ReportColumn(Column("course_code", label=_("Course code"))),
    ReportColumn(Column("course_title", label=_("Course")), heading=_("Course title")),
    ReportColumn(Column("status", label=_("Status"), accessor=status_label)),
    ReportColumn(CalendarDateColumn("due_date", label=_("Due date"))),
    ReportColumn(CalendarDateColumn("completed_at", label=_("Completed")), heading=_("Completed at")),
    ReportColumn(Column("score", label=_("Score (%)"))),
    export_only("update_version", _("Update required (version)")),
    export_only("update_modules", _("Modules to update"), update_titles),
]


class PartnerCompletionView(ReplicaReadsMixin, ReportColumnsMixin, ReportView):
    """Every partner organisation's learners, for HR admins and Partnerships."""

    page_title = _("Partner completion")
    header_icon = "globe"
    index_url_name = "staff_reports:partner_completion"
    index_results_url_name = "staff_reports:partner_completion_results"
    filterset_class = PartnerCompletionFilterSet
    verbose_name_plural = _("enrolments")
    paginate_by = 50
    report_columns = REPORT_COLUMNS

    def dispatch(self, request, *args, **kwargs):
        if not can_manage_partners(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"partner-completion-{timezone.localdate().isoformat()}"

    def get_queryset(self):
        return partner_enrolments(PartnerOrganisation.objects.all())


class FocalReportView(ReplicaReadsMixin, ReportColumnsMixin, SpreadsheetExportMixin, ListView):
    """A focal point's own organisation, on the learner site: its figures, its rows, and the
    rows as CSV or XLSX (``?export=csv``)."""

    template_name = "records/partner_report.html"
    paginate_by = 50
    report_columns = REPORT_COLUMNS

    @cached_property
    def organisation(self):
        return focal_organisation(self.request.user)

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if self.organisation is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def page_title(self):
        return _("%(organisation)s: completion") % {"organisation": self.organisation.name}

    def get_filename(self):
        slug = "".join(c if c.isalnum() else "-" for c in self.organisation.name.lower()).strip("-")
        return f"{slug or 'organisation'}-completion-{timezone.localdate().isoformat()}"

    def get_queryset(self):
        return partner_enrolments(PartnerOrganisation.objects.filter(pk=self.organisation.pk))

    def get(self, request, *args, **kwargs):
        if self.is_export:
            return self.as_spreadsheet(self.get_queryset(), request.GET.get("export"))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        people = partner_people(PartnerOrganisation.objects.filter(pk=self.organisation.pk))
        context["organisation"] = self.organisation
        context["figures"] = figures.headline(people)
        context["rows"] = [{"enrolment": row, "status": status_label(row)} for row in context["object_list"]]
        return context
