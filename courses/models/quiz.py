"""Quizzes as editors write them: settings on the module page, questions and choices
as nested inline panels, so quiz changes go through drafts, preview, review and
translation with the rest of the module."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable


class FeedbackPolicy(models.TextChoices):
    AFTER_EACH_ATTEMPT = "after_each", _("After each attempt")
    AFTER_PASSING = "after_pass", _("Only after passing")
    NEVER = "never", _("Never")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice (one correct answer)")
    MULTIPLE = "multiple", _("Multiple choice (pick every correct answer)")
    TRUE_FALSE = "true_false", _("True or false")


class QuizSettings(models.Model):
    """The quiz settings of a module. A module without questions has no quiz."""

    quiz_pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=80,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("The percentage of points needed to pass, from 0 to 100."),
    )
    quiz_attempt_limit = models.PositiveSmallIntegerField(
        _("attempt limit"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("How many times a person may take the quiz. Blank: unlimited."),
    )
    quiz_shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    quiz_shuffle_choices = models.BooleanField(_("shuffle choices"), default=False)
    quiz_draw_count = models.PositiveSmallIntegerField(
        _("questions drawn per attempt"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Draw this many questions at random from the questions below. Blank: ask them all."),
    )
    quiz_feedback_policy = models.CharField(
        _("show feedback"),
        max_length=20,
        choices=FeedbackPolicy.choices,
        default=FeedbackPolicy.AFTER_EACH_ATTEMPT,
        help_text=_("When people see which answers were right, with the feedback and explanations."),
    )
    quiz_time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text=_(
            "Blank: no time limit. Answers submitted after the time limit are not scored "
            "and the attempt counts as failed; people are told this before they start."
        ),
    )

    setting_names = (
        "quiz_pass_mark",
        "quiz_attempt_limit",
        "quiz_shuffle_questions",
        "quiz_shuffle_choices",
        "quiz_draw_count",
        "quiz_feedback_policy",
        "quiz_time_limit_minutes",
    )

    quiz_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("quiz_pass_mark"), FieldPanel("quiz_attempt_limit")]),
                FieldRowPanel([FieldPanel("quiz_draw_count"), FieldPanel("quiz_time_limit_minutes")]),
                FieldRowPanel([FieldPanel("quiz_shuffle_questions"), FieldPanel("quiz_shuffle_choices")]),
                FieldPanel("quiz_feedback_policy"),
            ],
            heading=_("Quiz settings"),
        ),
        InlinePanel("quiz_questions", heading=_("Questions"), label=_("Question")),
    ]

    class Meta:
        abstract = True


class QuizQuestion(ClusterableModel, Orderable):
    module = ParentalKey("courses.ModulePage", on_delete=models.CASCADE, related_name="quiz_questions")
    kind = models.CharField(
        _("type"), max_length=20, choices=QuestionKind.choices, default=QuestionKind.SINGLE
    )
    prompt = models.TextField(_("question"))
    points = models.PositiveSmallIntegerField(
        _("points"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "Multiple-choice questions score their points only when every correct choice, and no other, is picked."
        ),
    )
    explanation = models.TextField(
        _("explanation"), blank=True, help_text=_("Shown after answering, per the feedback setting.")
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("points")]),
        FieldPanel("prompt"),
        FieldPanel("explanation"),
        InlinePanel("choices", heading=_("Choices"), label=_("Choice"), min_num=2),
    ]

    class Meta(Orderable.Meta):
        db_table = "quizzes_quizquestion"  # kept from quizzes: courses/migrations/0003
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.prompt[:80]


class QuizChoice(Orderable):
    question = ParentalKey(QuizQuestion, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("text"), max_length=500)
    is_correct = models.BooleanField(_("correct"), default=False)
    feedback = models.TextField(
        _("feedback"), blank=True, help_text=_("Shown to people who picked this choice.")
    )

    panels = [FieldRowPanel([FieldPanel("text"), FieldPanel("is_correct")]), FieldPanel("feedback")]

    class Meta(Orderable.Meta):
        db_table = "quizzes_quizchoice"  # kept from quizzes: courses/migrations/0003
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self):
        return self.text
