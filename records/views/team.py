"""A manager's actions on their reporting line, from the dashboard's team panel
(records.panels) and the team completion report: send a reminder, assign a course.

Both start from the people the signed-in user may see (``people.lines.visible_people``),
active staff only: an id from outside the line finds nothing (404), never someone else.
Changes are POSTs with the CSRF token; Wagtail's admin URL wrapper requires a signed-in
admin user, and the view then requires the team completion report's permission."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View

from courses.models import CoursePage
from people.lines import sees_everyone
from records.models import Enrolment, TeamSettings
from records.reports.figures import active_people
from records.services.assignments import assign_course
from records.services.reminders import remind_from_manager

PERMISSION = "records.view_enrolment"


def may_assign(user):
    """HR admins always may; managers unless HR turned it off (Settings › Team settings)."""
    if not user.has_perm(PERMISSION):
        return False
    return sees_everyone(user) or TeamSettings.load().managers_may_assign


class TeamActionView(View):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def back(self):
        """Where the action was started from (the dashboard or the report), on this site."""
        target = self.request.POST.get("next") or self.request.GET.get("next")
        if target and url_has_allowed_host_and_scheme(
            target, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return target
        return reverse("wagtailadmin_home")


class RemindView(TeamActionView):
    """POST ``enrolment=<id>``: remind its person of that course; ``all=1``: everyone in
    the line with overdue training, of each overdue course."""

    http_method_names = ["post"]

    def post(self, request):
        line = Enrolment.objects.filter(user__in=active_people(request.user))
        if request.POST.get("all"):
            enrolments = line.overdue()
        else:
            enrolment_id = request.POST.get("enrolment", "")
            if not enrolment_id.isdigit():
                return redirect(self.back())
            # Someone outside the line, a leaver, or training already done: not found.
            enrolments = line.open().filter(pk=enrolment_id)
            if not enrolments.exists():
                raise Http404
        sent, skipped = remind_from_manager(request.user, enrolments)
        if sent:
            messages.success(
                request,
                ngettext("Reminder sent: %(count)d.", "Reminders sent: %(count)d.", len(sent))
                % {"count": len(sent)},
            )
        if skipped:
            messages.warning(
                request,
                ngettext(
                    "%(count)d reminder not sent: a reminder for this course went out in the last 24 hours.",
                    "%(count)d reminders not sent: a reminder for the course went out in the last 24 hours.",
                    len(skipped),
                )
                % {"count": len(skipped)},
            )
        if not sent and not skipped:
            messages.info(request, _("Nobody in your team has overdue training."))
        return redirect(self.back())


EVERYONE = "everyone"


class AssignForm(forms.Form):
    course = forms.ModelChoiceField(label=_("Course"), queryset=CoursePage.objects.none())
    person = forms.ChoiceField(label=_("Assign to"))
    due_date = forms.DateField(
        label=_("Due date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        # The live courses in the site's main language, by code, as for assignment rules.
        courses = CoursePage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
        self.fields["course"].queryset = courses.order_by("course_code", "title")
        self.fields["course"].label_from_instance = lambda course: f"{course.course_code} – {course.title}"
        self.people = people
        choices = [
            (str(pk), str(name or username))
            for pk, name, username in people.values_list("pk", "full_name", "username").order_by(
                "full_name", "username"
            )
        ]
        self.fields["person"].choices = [
            (EVERYONE, _("Everyone in my team (%(count)d)") % {"count": len(choices)}),
            *choices,
        ]

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due < timezone.localdate():
            raise forms.ValidationError(_("Choose today or a later date."))
        return due

    def chosen_people(self):
        person = self.cleaned_data["person"]
        return self.people if person == EVERYONE else self.people.filter(pk=person)


class AssignView(TeamActionView):
    """GET: the form (``?person=<id>`` chooses the person); POST: assign the course."""

    template_name = "records/team/assign.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.has_perm(PERMISSION) and not may_assign(request.user):
            messages.error(request, _("Assigning courses is turned off for managers by HR."))
            return redirect(reverse("wagtailadmin_home"))
        return super().dispatch(request, *args, **kwargs)

    def form(self, data=None):
        initial = {"person": self.request.GET.get("person", EVERYONE)}
        return AssignForm(data, people=active_people(self.request.user), initial=initial)

    def render(self, form):
        return TemplateResponse(
            self.request,
            self.template_name,
            {"form": form, "next": self.back(), "page_title": _("Assign a course"), "header_icon": "date"},
        )

    def get(self, request):
        return self.render(self.form())

    def post(self, request):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render(form)
        course = form.cleaned_data["course"]
        created, dated = assign_course(form.chosen_people(), course, form.cleaned_data["due_date"])
        messages.success(
            request,
            ngettext(
                "%(course)s assigned: %(count)d person enrolled.",
                "%(course)s assigned: %(count)d people enrolled.",
                created,
            )
            % {"course": course.course_code, "count": created}
            + (" " + _("%(count)d enrolled already got the due date.") % {"count": dated} if dated else ""),
        )
        return redirect(self.back())
