"""Due for erasure, for HR admins: the leavers whose personal data the daily job will erase
within the next month (records.privacy.retention), with the day it will. They are not erased
yet, so they are listed by name; a person reactivated or given a later leaving day drops off."""

from functools import partial

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from elearning.db_router import ReplicaReadsMixin
from records.privacy.erasure import can_erase
from records.privacy.retention import (
    due_within,
    erasure_date,
    months_for,
    partner_retention_months,
    retention_months,
)
from records.reports.team_completion import CalendarDateColumn
from security.exports import ReportColumn, ReportColumnsMixin

DAYS_AHEAD = 31


def erasure_day(months, partner_months, person):
    return erasure_date(person.left_on, months_for(person, months, partner_months))


class DueForErasureView(ReplicaReadsMixin, ReportColumnsMixin, ReportView):
    page_title = _("Due for erasure")
    header_icon = "warning"
    index_url_name = "staff_reports:due_for_erasure"
    index_results_url_name = "staff_reports:due_for_erasure_results"
    results_template_name = "records/reports/due_for_erasure_results.html"
    verbose_name_plural = _("people")
    paginate_by = 100

    def dispatch(self, request, *args, **kwargs):
        if not can_erase(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def months(self):
        return retention_months()

    @cached_property
    def partner_months(self):
        return partner_retention_months()

    @cached_property
    def today(self):
        return timezone.localdate()

    @property
    def report_columns(self):
        when = partial(erasure_day, self.months or 0, self.partner_months or 0)
        return [
            ReportColumn(Column("full_name", label=_("Name"))),
            ReportColumn(Column("employee_id", label=_("Employee ID"))),
            ReportColumn(Column("department", label=_("Department"), accessor="department.name")),
            ReportColumn(
                Column("organisation", label=_("Partner organisation"), accessor="partner_organisation.name")
            ),
            ReportColumn(CalendarDateColumn("left_on", label=_("Left on"))),
            ReportColumn(CalendarDateColumn("erasure_date", label=_("Erasure date"), accessor=when)),
        ]

    def get_filename(self):
        return f"due-for-erasure-{self.today.isoformat()}"

    def get_queryset(self):
        return (
            due_within(self.today, DAYS_AHEAD, self.months, self.partner_months)
            .select_related("department", "partner_organisation")
            .order_by("left_on", "full_name", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["retention_months"] = self.months
        context["partner_retention_months"] = self.partner_months
        context["days_ahead"] = DAYS_AHEAD
        return context
