"""Quiz item analysis: for each question, how many people answered it, how many got it
right, and the wrong choice picked most often, so editors can spot a confusing question
or a misleading choice. Never who answered what.

Counted from the answer rows written on submission, in two grouped queries per page
(questions, then wrong choices), whatever the number of attempts or questions. Late
attempts are left out: their answers were not scored, so they say nothing about a
question."""

from django import forms
from django.conf import settings
from django.db.models import Case, Count, F, IntegerField, Max, Sum, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from courses.models import CoursePage, ModulePage
from elearning.db_router import ReplicaReadsMixin
from quizzes.models import AnswerRecord, Attempt, SelectedChoice
from security.exports import ReportColumn, ReportColumnsMixin, export_only


def course_choices():
    """Every course code, with its title in the default language where there is one."""
    titles = {}
    rows = CoursePage.objects.order_by("course_code").values_list(
        "course_code", "title", "locale__language_code"
    )
    for code, title, language in rows:
        if code not in titles or language == settings.LANGUAGE_CODE:
            titles[code] = title
    return [(code, f"{code} – {title}") for code, title in titles.items()]


def modules_with_questions(request):
    return (
        ModulePage.objects.filter(quiz_questions__isnull=False)
        .distinct()
        .select_related("locale")
        .order_by("path", "locale__language_code")
    )


class ModuleChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, module):
        # Translations share a title's meaning but not its questions: say which one it is.
        return f"{module.title} ({module.locale.language_code})"


class ModuleFilter(django_filters.ModelChoiceFilter):
    field_class = ModuleChoiceField


class ItemAnalysisFilterSet(WagtailFilterSet):
    course = django_filters.ChoiceFilter(
        label=_("Course"), field_name="attempt__course_code", choices=course_choices, empty_label=_("All")
    )
    module = ModuleFilter(
        label=_("Module"),
        field_name="question__module",
        queryset=modules_with_questions,
        empty_label=_("All"),
        widget=forms.Select,
    )

    class Meta:
        model = AnswerRecord
        fields = []


def question_rows(answers):
    """One row (a dict) per question of the given answers, with its counts."""
    return (
        answers.values("question_id")
        .annotate(
            module_id=F("question__module_id"),
            module_title=F("question__module__title"),
            question_prompt=F("question__prompt"),
            course_code=Max("attempt__course_code"),
            answered=Count("pk"),
            correct=Sum(Case(When(is_correct=True, then=1), default=0, output_field=IntegerField())),
        )
        .order_by("question__module__path", "question__sort_order", "question_id")
    )


def most_chosen_wrong_choices(answers, question_ids):
    """{question id: (text, times)} of the wrong choice picked most often, in one query
    whose size follows the number of choices, not of attempts. Ties go to the first text
    alphabetically, so the report is stable."""
    if not question_ids:
        return {}
    counts = (
        SelectedChoice.objects.filter(
            is_correct=False, answer__in=answers.filter(question_id__in=question_ids)
        )
        .values_list("answer__question_id", "text")
        .annotate(times=Count("pk"))
        .order_by("answer__question_id", "-times", "text")
    )
    most_chosen = {}
    for question_id, text, times in counts:
        most_chosen.setdefault(question_id, (text, times))
    return most_chosen


def percent(part, whole):
    return round(100 * part / whole, 1) if whole else None


class ItemAnalysisView(ReplicaReadsMixin, ReportColumnsMixin, ReportView):
    page_title = _("Quiz item analysis")
    header_icon = "help"
    index_url_name = "quizzes_reports:item_analysis"
    index_results_url_name = "quizzes_reports:item_analysis_results"
    filterset_class = ItemAnalysisFilterSet
    # Editors and reviewers hold quizzes.view_attempt for this report (people.roles).
    permission_policy = ModelPermissionPolicy(Attempt)
    permission_required = "view"
    verbose_name_plural = _("answered questions")
    paginate_by = 50

    report_columns = [
        ReportColumn(Column("course_code", label=_("Course")), heading=_("Course code")),
        ReportColumn(Column("module_title", label=_("Module"))),
        ReportColumn(
            TitleColumn(
                "question_prompt",
                label=_("Question"),
                get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row["module_id"]]),
            )
        ),
        ReportColumn(Column("answered", label=_("Answered"))),
        export_only("correct", _("Correct")),
        ReportColumn(Column("percent_correct", label=_("Percent correct"))),
        ReportColumn(Column("wrong_choice", label=_("Most-chosen wrong choice"))),
        ReportColumn(Column("wrong_choice_count", label=_("Times chosen"))),
    ]

    def get_filename(self):
        parts = ["quiz-item-analysis"]
        if self.filters and self.filters.is_valid() and self.filters.form.cleaned_data.get("course"):
            parts.append(self.filters.form.cleaned_data["course"])
        parts.append(timezone.localdate().isoformat())
        return "-".join(parts)

    def get_queryset(self):
        # Answers to questions that still exist, from attempts scored in time.
        return AnswerRecord.objects.filter(question__isnull=False, attempt__late=False)

    def get_filtered_queryset(self):
        self.answers = self.filter_queryset(self.get_queryset())
        return question_rows(self.answers)

    def decorate_paginated_queryset(self, object_list):
        # The rows are changed in place: list() fills the page's result cache, which the
        # listing table (built from the same page) renders too.
        rows = list(object_list)
        wrong = most_chosen_wrong_choices(self.answers, [row["question_id"] for row in rows])
        for row in rows:
            row["percent_correct"] = percent(row["correct"], row["answered"])
            row["wrong_choice"], row["wrong_choice_count"] = wrong.get(row["question_id"], (None, 0))
        return rows
