"""What staff answered. An attempt keeps the questions and choices exactly as they were
served (``questions``), so later edits to the quiz never rewrite history."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models.quiz import FeedbackPolicy

# Allowance for the network between the person pressing submit and the server receiving it.
SUBMISSION_GRACE = timedelta(seconds=30)


class Attempt(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="attempts")
    module = models.ForeignKey("courses.ModulePage", on_delete=models.SET_NULL, null=True, related_name="+")
    # The module across its translations: an attempt in Arabic counts against the same limit.
    module_key = models.UUIDField(_("module key"))
    module_title = models.CharField(_("module title"), max_length=255)
    course_code = models.CharField(_("course code"), max_length=32)
    # Attempts are counted per cycle of the course: a retake after expiry or revocation
    # starts a new cycle with the full attempt limit.
    cycle = models.PositiveSmallIntegerField(_("course cycle"), default=1)
    number = models.PositiveSmallIntegerField(_("attempt number"))
    # The quiz's rules as they were when the attempt started.
    attempt_limit = models.PositiveSmallIntegerField(_("attempt limit"), null=True, blank=True)
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"))
    feedback_policy = models.CharField(_("feedback policy"), max_length=20, choices=FeedbackPolicy.choices)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    questions = models.JSONField(_("questions as served"))
    answers = models.JSONField(_("answers"), null=True, blank=True)
    score = models.PositiveIntegerField(_("points scored"), null=True, blank=True)
    max_score = models.PositiveIntegerField(_("points available"))
    percentage = models.DecimalField(_("percentage"), max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    late = models.BooleanField(_("submitted after the time limit"), default=False)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-started_at"]
        constraints = [
            # Two concurrent starts compute the same number; only one can be stored.
            models.UniqueConstraint(
                fields=["user", "module_key", "cycle", "number"], name="quizzes_attempt_unique_number"
            ),
            models.CheckConstraint(
                condition=models.Q(attempt_limit__isnull=True)
                | models.Q(number__lte=models.F("attempt_limit")),
                name="quizzes_attempt_within_limit",
            ),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="quizzes_attempt_number_positive"),
        ]
        indexes = [
            models.Index(fields=["user", "module_key", "-started_at"]),
            # The xAPI feed pages through quiz results in (submitted_at, id) order.
            models.Index(fields=["submitted_at", "id"], name="quizzes_attempt_xapi"),
        ]

    def __str__(self):
        return f"{self.user} – {self.module_title} #{self.number}"

    @property
    def is_submitted(self):
        return self.submitted_at is not None

    def accepts_answers(self, now=None):
        """Not yet submitted, and within its time limit (plus ``SUBMISSION_GRACE``), if it
        has one. Answers submitted later are recorded as late and not scored."""
        if self.is_submitted:
            return False
        return self.deadline is None or (now or timezone.now()) <= self.deadline + SUBMISSION_GRACE

    @property
    def shows_feedback(self):
        if self.feedback_policy == FeedbackPolicy.AFTER_EACH_ATTEMPT:
            return True
        return self.feedback_policy == FeedbackPolicy.AFTER_PASSING and bool(self.passed)


class AnswerRecord(models.Model):
    """One question of one submitted attempt, as rows, so item analysis aggregates in SQL."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answer_records")
    question = models.ForeignKey(
        "courses.QuizQuestion", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    module_key = models.UUIDField()
    prompt = models.TextField()
    is_correct = models.BooleanField()
    points = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="quizzes_answer_once_per_question")
        ]

    def __str__(self):
        return self.prompt[:80]


class SelectedChoice(models.Model):
    answer = models.ForeignKey(AnswerRecord, on_delete=models.CASCADE, related_name="selected_choices")
    choice = models.ForeignKey("courses.QuizChoice", on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.CharField(max_length=500)
    is_correct = models.BooleanField()

    def __str__(self):
        return self.text
