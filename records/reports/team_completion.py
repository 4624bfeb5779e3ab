"""Team completion: one row per person and course they are enrolled on, with status, due
date, completion and score, for a manager's reporting line (everyone, for HR admins).

Scoped by ``people.lines.visible_people`` before any filter runs, so a filter or an ID
in the URL can narrow the rows but never reach anyone outside the line, in the page or
in its CSV/XLSX export. The score comes from a subquery in the same SQL statement, so a
page costs the same number of queries for a team of 10 or of 1,000."""

from django import forms
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from elearning.db_router import ReplicaReadsMixin
from people.lines import sees_everyone, visible_people
from people.models import Department, User
from quizzes.reports.item_analysis import course_choices
from records.models import CourseCompletion, Enrolment
from security.exports import ReportColumn, ReportColumnsMixin, export_only


def status_choices():
    # Read at request time, so statuses added to the model later appear here too.
    return Enrolment.Status.choices


def update_label(version, titles=()):
    """ "Update required (v3)", with the re-opened modules' titles when given."""
    label = _("Update required (v%(version)s)") % {"version": version}
    if titles:
        label = _("%(label)s: %(modules)s") % {"label": label, "modules": ", ".join(titles)}
    return str(label)


def country_choices(people=None):
    people = User.objects.staff() if people is None else people
    countries = people.exclude(country="").order_by("country").values_list("country", flat=True)
    return [(country, country) for country in countries.distinct()]


def status_label(enrolment):
    """The status a report shows. A pending update (``with_update_required``) says so, with
    its version and modules, overdue or not: "overdue" alone would hide what is to do."""
    version = getattr(enrolment, "update_version", None)
    if version is not None:
        label = update_label(version, Enrolment.objects.update_titles(enrolment.update_titles))
        if enrolment.is_overdue:
            return str(_("Overdue – %(status)s") % {"status": label})
        return label
    if enrolment.is_overdue:
        return str(_("Overdue"))
    return str(enrolment.get_status_display())


def update_titles(enrolment):
    return ", ".join(Enrolment.objects.update_titles(enrolment.update_titles))


class CalendarDateColumn(Column):
    """The date itself ("2 March 2026"), not Wagtail's "3 days ago": a due date is in the
    future as often as in the past, and "just now" is what Wagtail says for any future one."""

    cell_template_name = "records/reports/date_cell.html"


class TickedOnlyCheckbox(forms.CheckboxInput):
    """Unticked means no filter at all, so the report does not list "Overdue only: False"
    among the filters in use."""

    def value_from_datadict(self, data, files, name):
        return True if super().value_from_datadict(data, files, name) else None


class TeamCompletionFilterSet(WagtailFilterSet):
    course = django_filters.ChoiceFilter(
        label=_("Course"), field_name="course_code", choices=course_choices, empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), method="filter_status", choices=status_choices, empty_label=_("All")
    )
    department = django_filters.ModelChoiceFilter(
        label=_("Department"),
        field_name="user__department",
        queryset=Department.objects.all(),
        empty_label=_("All"),
        widget=forms.Select,
    )
    country = django_filters.ChoiceFilter(
        label=_("Country or office"),
        field_name="user__country",
        choices=country_choices,
        empty_label=_("All"),
    )
    overdue = django_filters.BooleanFilter(
        label=_("Overdue only"), method="filter_overdue", widget=TickedOnlyCheckbox
    )

    class Meta:
        model = Enrolment
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        user = getattr(request, "user", None)
        if user is not None and not sees_everyone(user):
            # A manager chooses among the departments and countries of their own line:
            # any other would find nobody, and would tell them who works where.
            people = visible_people(user).learners()
            self.filters["department"].queryset = Department.objects.filter(
                pk__in=people.exclude(department=None).values("department")
            )
            self.filters["country"].extra["choices"] = lambda: country_choices(people)

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue() if value else queryset

    def filter_status(self, queryset, name, value):
        # "Update required" by its rule, so people whose update is overdue are found too.
        if value == Enrolment.Status.UPDATE_REQUIRED:
            return queryset.update_required()
        return queryset.filter(status=value) if value else queryset


def latest_score():
    """The score of the person's latest completion of the course that still stands."""
    completions = CourseCompletion.objects.not_revoked().filter(
        user_id=OuterRef("user_id"), course_code=OuterRef("course_code")
    )
    return Subquery(completions.newest_first().values("score")[:1])


def team_enrolments(user):
    """The enrolments of the learners ``user`` may see (leavers' records stay on their
    transcripts; superusers are not staff in training), with what a row shows, in one query."""
    return (
        Enrolment.objects.filter(user__in=visible_people(user).learners())
        .select_related("user", "user__department", "assignment_rule")
        .annotate(score=latest_score())
        .with_update_required()
        .order_by("user__full_name", "user__username", "user_id", "course_code")
    )


def transcript_url(enrolment):
    return reverse("staff_reports:transcript", args=[enrolment.user_id])


class TeamCompletionView(ReplicaReadsMixin, ReportColumnsMixin, ReportView):
    page_title = _("Team completion")
    header_icon = "group"
    index_url_name = "staff_reports:team_completion"
    index_results_url_name = "staff_reports:team_completion_results"
    filterset_class = TeamCompletionFilterSet
    # Managers and HR admins hold records.view_enrolment (people.roles); what each sees is
    # then narrowed to the people they may see.
    permission_policy = ModelPermissionPolicy(Enrolment)
    permission_required = "view"
    verbose_name_plural = _("enrolments")
    paginate_by = 50

    report_columns = [
        ReportColumn(TitleColumn("person", label=_("Person"), accessor="user", get_url=transcript_url)),
        ReportColumn(Column("employee_id", label=_("Employee ID"), accessor="user.employee_id")),
        ReportColumn(Column("department", label=_("Department"), accessor="user.department")),
        ReportColumn(Column("country", label=_("Country"), accessor="user.country")),
        ReportColumn(Column("course_code", label=_("Course code"))),
        ReportColumn(Column("course_title", label=_("Course")), heading=_("Course title")),
        ReportColumn(Column("status", label=_("Status"), accessor=status_label)),
        ReportColumn(CalendarDateColumn("due_date", label=_("Due date"))),
        ReportColumn(CalendarDateColumn("completed_at", label=_("Completed")), heading=_("Completed at")),
        ReportColumn(Column("score", label=_("Score (%)"))),
        # The pending update apart, so a spreadsheet can sort and count by it.
        export_only("update_version", _("Update required (version)")),
        export_only("update_modules", _("Modules to update"), update_titles),
        export_only("update_due_date", _("Update due date")),
    ]

    def get_filename(self):
        return f"team-completion-{timezone.localdate().isoformat()}"

    def get_queryset(self):
        return team_enrolments(self.request.user)

    def paginate_queryset(self, queryset, page_size):
        """The page's enrolment ids first, in the report's order, from the narrowest query
        that can order them; then only those rows with everything a row shows. Ordering
        whole rows, each with its score subquery, cost HR's page ~300 ms on a 10,000-staff
        organisation (bench/README.md). Exports stream ``get_filtered_queryset`` as before."""
        keys = queryset.values_list("pk", flat=True)
        paginator, page, ids, is_paginated = super().paginate_queryset(keys, page_size)
        ids = list(ids)
        rows = {row.pk: row for row in queryset.filter(pk__in=ids).order_by()}
        page.object_list = [rows[pk] for pk in ids if pk in rows]
        return paginator, page, page.object_list, is_paginated
