"""Progress, enrolments and completions. Records point at pages through nullable links and
carry the facts they need (codes, titles), so deleting, moving or unpublishing a page
never deletes or changes them."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .querysets import CourseCompletionQuerySet, EnrolmentQuerySet, ModuleProgressQuerySet
from .sync import StampedModel, SyncStampField


class ModuleProgress(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="module_progress"
    )
    module = models.ForeignKey("courses.ModulePage", on_delete=models.SET_NULL, null=True, related_name="+")
    # Keyed by the module across its translations, so reading it in Arabic counts.
    module_key = models.UUIDField(_("module key"))
    module_title = models.CharField(_("module title"), max_length=255)
    course_code = models.CharField(_("course code"), max_length=32, db_index=True)
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    read_at = models.DateTimeField(_("marked as read at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    objects = models.Manager.from_queryset(ModuleProgressQuerySet)()

    class Meta:
        db_table = "quizzes_moduleprogress"  # kept from quizzes: records/migrations/0001
        verbose_name = _("module progress")
        verbose_name_plural = _("module progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "module_key"], name="quizzes_progress_once_per_module")
        ]

    def __str__(self):
        return f"{self.user} – {self.module_title}"


class Enrolment(StampedModel):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        # Set daily by records.services.statuses.update_statuses.
        OVERDUE = "overdue", _("Overdue")
        EXPIRED = "expired", _("Expired")
        # A material change re-opened modules of a valid completion (records.ModuleUpdate).
        UPDATE_REQUIRED = "update_required", _("Update required")

    class Source(models.TextChoices):
        SELF = "self", _("Self-enrolled")
        ASSIGNED = "assigned", _("Assigned")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="enrolments")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.SET_NULL, null=True, related_name="+")
    course_code = models.CharField(_("course code"), max_length=32)
    course_title = models.CharField(_("course title"), max_length=255)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.SELF)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    status_changed_at = models.DateTimeField(_("status changed at"), default=timezone.now)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    # The rule that assigned the course (or gave a self-enrolment its due date), if any.
    assignment_rule = models.ForeignKey(
        "records.AssignmentRule", on_delete=models.SET_NULL, null=True, blank=True, related_name="enrolments"
    )
    # Moves on each time the course starts afresh (retake, revocation); see Attempt.cycle.
    cycle = models.PositiveSmallIntegerField(_("cycle"), default=1)
    enrolled_at = models.DateTimeField(_("enrolled at"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    updated_at = SyncStampField(_("updated at"))

    objects = models.Manager.from_queryset(EnrolmentQuerySet)()

    class Meta:
        db_table = "quizzes_enrolment"  # kept from quizzes: records/migrations/0001
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "course_code"], name="quizzes_enrolment_once_per_course")
        ]
        # The HR API pages through enrolments in (updated_at, id) order.
        indexes = [models.Index(fields=["updated_at", "id"], name="quizzes_enrolment_sync")]

    def __str__(self):
        return f"{self.user} – {self.course_code}"

    @property
    def is_open(self):
        """``EnrolmentQuerySet.open_q`` for this enrolment."""
        if self.status == self.Status.EXPIRED:
            rule = self.assignment_rule  # read only for an expired enrolment
            return rule is not None and rule.recurring and rule.active
        return self.status in (
            self.Status.NOT_STARTED,
            self.Status.IN_PROGRESS,
            self.Status.OVERDUE,
            self.Status.UPDATE_REQUIRED,
        )

    def is_overdue_on(self, day):
        """``EnrolmentQuerySet.overdue_q`` for this enrolment: true from the day after the
        due date, also before the daily status update has stored it."""
        return self.due_date is not None and self.due_date < day and self.is_open

    @property
    def is_overdue(self):
        return self.is_overdue_on(timezone.localdate())

    def set_status(self, status, when=None):
        if self.status != status:
            self.status = status
            self.status_changed_at = when or timezone.now()


def new_certificate_id():
    # 20 characters of an unambiguous alphabet: unguessable, easy to read out and type.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(20))


class CourseCompletion(StampedModel):
    """The HR-grade fact that a person completed a course. Never deleted: a correction is
    an explicit revocation, kept with its reason."""

    class Standing(models.TextChoices):
        VALID = "valid", _("Valid")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="completions")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.SET_NULL, null=True, related_name="+")
    course_code = models.CharField(_("course code"), max_length=32, db_index=True)
    course_title = models.CharField(_("course title"), max_length=255)
    course_language = models.CharField(_("course language"), max_length=10)
    completed_at = models.DateTimeField(_("completed at"))
    score = models.DecimalField(
        _("score (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The average of the best passing percentage of each required module's quiz."),
    )
    certificate_id = models.CharField(
        _("certificate ID"), max_length=32, unique=True, default=new_certificate_id
    )
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)
    # {module translation key: version number} of each required module this completion
    # covers (courses' module versions move on each material change).
    module_versions = models.JSONField(_("module versions covered"), default=dict, blank=True)
    # Brought up to a newer version of the course: the newer completion (and certificate)
    # replaces this one. Not a revocation: it was valid, and its holder was trained.
    superseded_at = models.DateTimeField(_("superseded at"), null=True, blank=True)
    superseded_by = models.ForeignKey(
        "self",
        verbose_name=_("superseded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supersedes",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = SyncStampField(_("updated at"))

    objects = models.Manager.from_queryset(CourseCompletionQuerySet)()

    class Meta:
        db_table = "quizzes_coursecompletion"  # kept from quizzes: records/migrations/0001
        verbose_name = _("course completion")
        verbose_name_plural = _("course completions")
        ordering = ["-completed_at"]
        permissions = [("revoke_coursecompletion", _("Can revoke a course completion"))]
        # The reports look up each person's latest completion of a course.
        indexes = [
            models.Index(fields=["user", "course_code", "-completed_at"], name="quizzes_completion_latest"),
            # The HR API pages through completions in (updated_at, id) order.
            models.Index(fields=["updated_at", "id"], name="quizzes_completion_sync"),
            # The xAPI feed pages through completions in (created_at, id) order.
            models.Index(fields=["created_at", "id"], name="quizzes_completion_xapi"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(revoked_at__isnull=True) | ~models.Q(revoked_reason=""),
                name="quizzes_completion_revocation_has_reason",
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.course_code} ({self.completed_at:%Y-%m-%d})"

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    def lapsed_on(self, day):
        """Its ``valid_until`` has passed (whether or not it was also revoked)."""
        return self.valid_until is not None and self.valid_until < day

    @property
    def is_expired(self):
        return self.lapsed_on(timezone.localdate())

    def standing_on(self, day):
        """``CourseCompletionQuerySet.standing_expression`` for this completion."""
        if self.is_revoked:
            return self.Standing.REVOKED
        if self.lapsed_on(day):
            return self.Standing.EXPIRED
        return self.Standing.VALID

    @property
    def status(self):
        return self.standing_on(timezone.localdate())

    def get_status_display(self):
        return self.status.label
