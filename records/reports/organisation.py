"""Organisation overview, for HR admins: per course, the completion rate and the number
overdue by department or by country, counted in the database in one grouped query.

"Update required" (a material change re-opened modules of a valid completion) is its own
column and is not "completed": the completion covers an older version, so the rate counts
only people complete on the current one (``records.reports.figures``, the same rule).

The page shows a bar chart in plain HTML and CSS (no script, nothing from another host)
next to the table, which holds the same figures and is the accessible alternative."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

import django_filters

from elearning.db_router import ReplicaReadsMixin
from people.lines import sees_everyone
from people.models import User
from quizzes.reports.item_analysis import course_choices, percent
from records.models import Enrolment
from security.exports import ReportColumn, ReportColumnsMixin

BY_DEPARTMENT = "department"
BY_COUNTRY = "country"
GROUPINGS = {BY_DEPARTMENT: "user__department__name", BY_COUNTRY: "user__country"}


class OrganisationFilterSet(WagtailFilterSet):
    by = django_filters.ChoiceFilter(
        label=_("Group by"),
        choices=[(BY_DEPARTMENT, _("Department")), (BY_COUNTRY, _("Country or office"))],
        empty_label=None,
        method="group_by",
        widget=forms.RadioSelect,
    )
    course = django_filters.ChoiceFilter(
        label=_("Course"), field_name="course_code", choices=course_choices, empty_label=_("All")
    )

    class Meta:
        model = Enrolment
        fields = []

    def group_by(self, queryset, name, value):
        return queryset  # read by the view: it chooses the grouping, not the rows


def completion_rows(enrolments, by):
    """One row (a dict) per course and department (or country), with its counts."""
    return (
        enrolments.values("course_code", group=F(GROUPINGS[by]))
        .annotate(
            course_title=Max("course_title"),
            enrolled=Count("pk"),
            completed=Count("pk", filter=enrolments.completed_q()),
            overdue=Count("pk", filter=enrolments.overdue_q()),
            update_required=Count("pk", filter=enrolments.update_required_q()),
        )
        .order_by("course_code", "group")
    )


class OrganisationView(ReplicaReadsMixin, ReportColumnsMixin, ReportView):
    page_title = _("Organisation overview")
    header_icon = "site"
    index_url_name = "staff_reports:organisation"
    index_results_url_name = "staff_reports:organisation_results"
    results_template_name = "records/reports/organisation_results.html"
    filterset_class = OrganisationFilterSet
    verbose_name_plural = _("enrolments")
    paginate_by = 100

    report_columns = [
        ReportColumn(Column("course_code", label=_("Course code"))),
        ReportColumn(Column("course_title", label=_("Course")), heading=_("Course title")),
        ReportColumn(Column("group_label", label=_("Group")), heading=_("Department or country")),
        ReportColumn(Column("enrolled", label=_("Enrolled"))),
        ReportColumn(Column("completed", label=_("Completed"))),
        ReportColumn(Column("completion_rate", label=_("Completion rate (%)"))),
        ReportColumn(Column("overdue", label=_("Overdue"))),
        ReportColumn(Column("update_required", label=_("Update required"))),
    ]

    def dispatch(self, request, *args, **kwargs):
        # The whole organisation: HR admins and superusers only, never managers.
        if not sees_everyone(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def grouping(self):
        if self.filters and self.filters.is_valid():
            return self.filters.form.cleaned_data.get("by") or BY_DEPARTMENT
        return BY_DEPARTMENT

    def get_filename(self):
        return f"organisation-overview-by-{self.grouping}-{timezone.localdate().isoformat()}"

    def get_queryset(self):
        return Enrolment.objects.filter(user__in=User.objects.learners())

    def get_filtered_queryset(self):
        return completion_rows(self.filter_queryset(self.get_queryset()), self.grouping)

    def decorate_paginated_queryset(self, object_list):
        # Changed in place, as in the item analysis report: the table renders these rows.
        rows = list(object_list)
        for row in rows:
            row["group_label"] = row["group"] or str(_("Not recorded"))
            row["completion_rate"] = percent(row["completed"], row["enrolled"])
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["grouping_label"] = dict(self.filterset_class.base_filters["by"].extra["choices"])[
            self.grouping
        ]
        return context
