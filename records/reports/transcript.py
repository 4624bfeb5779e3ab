"""A staff member's transcript: every course they are enrolled on, a summary of their
quiz attempts per module (how many, the best percentage, whether passed) and every
course completion, revoked ones included. Never what they answered or wrote.

Managers reach it from the team completion report for people in their line; anyone
else's transcript is a 404, as if it did not exist. HR admins see everyone's."""

from django.db.models import Count, Max, Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from elearning.db_router import ReplicaReadsMixin
from people.lines import visible_people
from quizzes.models import Attempt
from records.models import CourseCompletion, Enrolment
from records.reports.team_completion import latest_score, status_label
from security.exports import ReportColumnsMixin, export_only

COURSE = _("Course")
MODULE_QUIZ = _("Module quiz")
COMPLETION = _("Completion")


def course_rows(person):
    enrolments = (
        Enrolment.objects.filter(user=person)
        .select_related("assignment_rule")
        .annotate(score=latest_score())
        .with_update_required()
        .order_by("course_code")
    )
    return [
        {
            "record": str(COURSE),
            "course_code": enrolment.course_code,
            "title": enrolment.course_title,
            "status": status_label(enrolment),
            "due_date": enrolment.due_date,
            "date": enrolment.completed_at,
            "score": enrolment.score,
        }
        for enrolment in enrolments
    ]


def module_rows(person):
    """One row per module the person took a quiz on, counted in one grouped query."""
    summaries = (
        Attempt.objects.filter(user=person, submitted_at__isnull=False)
        .values("course_code", "module_key")
        .annotate(
            title=Max("module_title"),
            attempts=Count("pk"),
            best=Max("percentage"),
            passes=Count("pk", filter=Q(passed=True)),
            last=Max("submitted_at"),
        )
        .order_by("course_code", "title")
    )
    return [
        {
            "record": str(MODULE_QUIZ),
            "course_code": row["course_code"],
            "title": row["title"],
            "status": str(_("Passed") if row["passes"] else _("Not passed")),
            "date": row["last"],
            "attempts": row["attempts"],
            "score": row["best"],
        }
        for row in summaries
    ]


def completion_rows(person):
    completions = CourseCompletion.objects.filter(user=person).order_by("-completed_at", "-pk")
    return [
        {
            "record": str(COMPLETION),
            "course_code": completion.course_code,
            "title": completion.course_title,
            "status": str(completion.get_status_display()),
            "date": completion.completed_at,
            "score": completion.score,
            "valid_until": completion.valid_until,
        }
        for completion in completions
    ]


class TranscriptView(ReplicaReadsMixin, ReportColumnsMixin, ReportView):
    header_icon = "user"
    results_template_name = "records/reports/transcript_results.html"
    permission_policy = ModelPermissionPolicy(Enrolment)
    permission_required = "view"
    verbose_name_plural = _("training records")
    paginate_by = None

    # The HTML page shows the three kinds of record in tables of its own (see the
    # template), not in Wagtail's table; the export lists them one after another, told
    # apart by "record", each with an empty cell for what its kind does not have.
    report_columns = [
        export_only("record", _("Record")),
        export_only("course_code", _("Course code")),
        export_only("title", _("Title")),
        export_only("status", _("Status")),
        export_only("due_date", _("Due date")),
        export_only("date", _("Completed or last submitted")),
        export_only("attempts", _("Attempts")),
        export_only("score", _("Score or best (%)")),
        export_only("valid_until", _("Valid until")),
    ]

    @cached_property
    def person(self):
        # Scoped first: somebody outside the caller's line is "not found", not "forbidden",
        # so an ID in the URL tells nothing about who exists.
        try:
            return visible_people(self.request.user).get(pk=self.kwargs["user_id"])
        except visible_people(self.request.user).model.DoesNotExist:
            raise Http404 from None

    def get_page_title(self):
        return _("Transcript: %(person)s") % {"person": self.person}

    def get_index_url(self):
        return reverse("staff_reports:transcript", args=[self.person.pk])

    def get_index_results_url(self):
        return reverse("staff_reports:transcript_results", args=[self.person.pk])

    def get_filename(self):
        identifier = slugify(self.person.employee_id or "") or self.person.pk
        return f"transcript-{identifier}-{timezone.localdate().isoformat()}"

    def get_queryset(self):
        person = self.person
        self.courses = course_rows(person)
        self.modules = module_rows(person)
        self.completions = completion_rows(person)
        return self.courses + self.modules + self.completions

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            person=self.person,
            courses=self.courses,
            modules=self.modules,
            completions=self.completions,
            team_report_url=reverse("staff_reports:team_completion"),
        )
        return context
