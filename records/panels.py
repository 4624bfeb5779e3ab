"""The admin dashboard's panels for the people who look after training
(``construct_homepage_panels`` in records/wagtail_hooks.py):

- ``TeamPanel``, for a manager: their reporting line's figures at a glance, per course,
  completions over 12 months, and the overdue, with a reminder and an assignment at hand;
- ``OrganisationPanel``, for HR admins (and superusers): the organisation's completion by
  department and by country, the trend, and the people overdue.

Someone who sees everyone and also manages a team gets the organisation panel only: their
team is in it, and the team completion report narrows to anyone.

Each panel costs a fixed number of queries (records.reports.figures), whatever the size of
the team or the organisation."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component

from people.lines import has_reporting_line, sees_everyone
from records.charts import MonthlyChart
from records.models import Enrolment
from records.reports import figures
from records.views.team import PERMISSION, may_assign

OVERDUE_LISTED = 10


def team_report_url(**filters):
    url = reverse("staff_reports:team_completion")
    return f"{url}?{urlencode(filters)}" if filters else url


def completions_chart(people, chart_id, description):
    return MonthlyChart(
        figures.monthly_completions(people),
        chart_id=chart_id,
        title=_("Completions in the last 12 months"),
        description=description,
        value_label=_("Completions"),
    )


class TeamPanel(Component):
    name = "team_training"
    template_name = "records/panels/team.html"
    order = 50  # before Wagtail's own panels: a manager's first question

    @staticmethod
    def shown_to(user):
        return user.has_perm(PERMISSION) and not sees_everyone(user) and has_reporting_line(user)

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        people = figures.active_people(request.user)
        today = timezone.localdate()
        overdue = (
            Enrolment.objects.filter(user__in=people)
            .overdue(today)
            .select_related("user")
            .order_by("due_date", "user__full_name", "pk")
        )
        return {
            "request": request,
            "csrf_token": parent_context.get("csrf_token"),
            "figures": figures.headline(people, today),
            "courses": figures.per_course(people, today),
            "chart": completions_chart(
                people, "team-completions", _("Courses completed each month by the people in your team.")
            ),
            "overdue": overdue[:OVERDUE_LISTED],
            "due_within_days": figures.DUE_WITHIN_DAYS,
            "expiring_within_days": figures.EXPIRING_WITHIN_DAYS,
            "may_assign": may_assign(request.user),
            "report_url": team_report_url(),
            "overdue_url": team_report_url(overdue="on"),
            "update_required_url": team_report_url(status=Enrolment.Status.UPDATE_REQUIRED),
            "remind_url": reverse("team_actions:remind"),
            "assign_url": reverse("team_actions:assign"),
            "here": request.get_full_path(),
        }


class OrganisationPanel(Component):
    name = "organisation_training"
    template_name = "records/panels/organisation.html"
    order = 50

    @staticmethod
    def shown_to(user):
        return sees_everyone(user)

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        people = figures.active_people(request.user)
        today = timezone.localdate()
        return {
            "request": request,
            "figures": figures.headline(people, today),
            "departments": figures.per_group(people, "department__name", today),
            "countries": figures.per_group(people, "country", today),
            "chart": completions_chart(
                people, "organisation-completions", _("Courses completed each month across the organisation.")
            ),
            "overdue_url": team_report_url(overdue="on"),
            "update_required_url": team_report_url(status=Enrolment.Status.UPDATE_REQUIRED),
            "organisation_url": reverse("staff_reports:organisation"),
            "due_within_days": figures.DUE_WITHIN_DAYS,
            "expiring_within_days": figures.EXPIRING_WITHIN_DAYS,
        }


def panels_for(user):
    if OrganisationPanel.shown_to(user):
        return [OrganisationPanel()]
    if TeamPanel.shown_to(user):
        return [TeamPanel()]
    return []
