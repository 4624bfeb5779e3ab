"""Assignment rules (HR assigns a course to a group of staff with a due date) and the
log of reminder emails, which makes sure each reminder goes out once."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.settings.models import BaseGenericSetting


class AssignmentRule(models.Model):
    """Course X for everyone / a department / a country / a manager's reporting line, due
    N days after the assignment or after the person's start date.

    Deactivating or deleting a rule never removes the enrolments it created."""

    class Target(models.TextChoices):
        EVERYONE = "everyone", _("Everyone")
        DEPARTMENT = "department", _("A department")
        COUNTRY = "country", _("A country or office")
        REPORTING_LINE = "reporting_line", _("A manager's reporting line")

    class DueFrom(models.TextChoices):
        ASSIGNMENT = "assignment", _("the assignment date")
        START_DATE = "start_date", _("the person's start date")

    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    course_code = models.CharField(_("course code"), max_length=32, editable=False)
    course_title = models.CharField(_("course title"), max_length=255, editable=False)
    target = models.CharField(
        _("assign to"), max_length=20, choices=Target.choices, default=Target.DEPARTMENT
    )
    department = models.ForeignKey(
        "people.Department",
        verbose_name=_("department"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    country = models.CharField(
        _("country or office"),
        max_length=100,
        blank=True,
        help_text=_("Matched against each person's country or office, ignoring case."),
    )
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("manager"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Everyone who reports to this person, directly or indirectly."),
    )
    due_days = models.PositiveSmallIntegerField(_("due after (days)"), default=30)
    due_from = models.CharField(
        _("counted from"),
        max_length=20,
        choices=DueFrom.choices,
        default=DueFrom.ASSIGNMENT,
        help_text=_("Without a start date, the assignment date is used."),
    )
    recurring = models.BooleanField(
        _("recurring"),
        default=False,
        help_text=_(
            "Recertification: when a person's certificate expires, the course is due again "
            "the same number of days after the expiry date."
        ),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        db_table = "quizzes_assignmentrule"  # kept from quizzes: records/migrations/0001
        verbose_name = _("assignment rule")
        verbose_name_plural = _("assignment rules")
        ordering = ["course_code", "pk"]

    def __str__(self):
        return f"{self.course_code} – {self.target_display()}"

    def save(self, *args, **kwargs):
        # The course's code and title are kept, so the rule still says what it assigned
        # after the page is deleted.
        if self.course is not None:
            self.course_code = self.course.course_code
            self.course_title = self.course.title
        self.country = self.country.strip()
        super().save(*args, **kwargs)

    def target_display(self):
        if self.target == self.Target.DEPARTMENT:
            return str(self.department or _("(no department)"))
        if self.target == self.Target.COUNTRY:
            return self.country
        if self.target == self.Target.REPORTING_LINE:
            return _("reporting line of %(manager)s") % {"manager": self.manager or "?"}
        return str(self.Target.EVERYONE.label)

    target_display.short_description = _("assigned to")

    def due_display(self):
        return _("%(days)s days after %(from)s") % {
            "days": self.due_days,
            "from": self.get_due_from_display(),
        }

    due_display.short_description = _("due")

    def clean(self):
        super().clean()
        required = {
            self.Target.DEPARTMENT: ("department", self.department_id),
            self.Target.COUNTRY: ("country", self.country.strip()),
            self.Target.REPORTING_LINE: ("manager", self.manager_id),
        }
        if self.target in required:
            field, value = required[self.target]
            if not value:
                raise ValidationError({field: _("Choose who this rule assigns the course to.")})


class ReminderLog(models.Model):
    """One row per reminder sent (or being sent). Inserted before the email goes out; the
    unique constraints make a second insert of the same reminder fail, so two runs of the
    command, or two workers at once, never send the same reminder twice."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Due in a week")
        DUE_TODAY = "due_today", _("Due today")
        OVERDUE = "overdue", _("Overdue")
        EXPIRING = "expiring", _("Certificate expires in a month")
        MANAGER_DIGEST = "manager_digest", _("Manager's weekly digest")
        # Sent by a manager from the dashboard (records.views.team), at most once a day
        # per person and course.
        FROM_MANAGER = "from_manager", _("Reminder from a manager")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("recipient")
    )
    enrolment = models.ForeignKey(
        "records.Enrolment", on_delete=models.CASCADE, null=True, blank=True, related_name="reminders"
    )
    completion = models.ForeignKey(
        "records.CourseCompletion", on_delete=models.CASCADE, null=True, blank=True, related_name="reminders"
    )
    # What makes this reminder distinct: the due date, the overdue week, the ISO week.
    key = models.CharField(_("key"), max_length=40)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # Who asked for it, for a reminder a person sent (the rest are the daily run's).
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )

    class Meta:
        db_table = "quizzes_reminderlog"  # kept from quizzes: records/migrations/0001
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "enrolment", "key"],
                condition=models.Q(enrolment__isnull=False),
                name="quizzes_reminder_once_per_enrolment",
            ),
            models.UniqueConstraint(
                fields=["kind", "completion", "key"],
                condition=models.Q(completion__isnull=False),
                name="quizzes_reminder_once_per_completion",
            ),
            models.UniqueConstraint(
                fields=["kind", "recipient", "key"],
                condition=models.Q(enrolment__isnull=True, completion__isnull=True),
                name="quizzes_reminder_once_per_recipient",
            ),
        ]

    def __str__(self):
        return f"{self.kind} {self.key} → {self.recipient}"


class TeamSettings(BaseGenericSetting):
    """What managers may do from their dashboard, set by HR admins (Settings › Team
    settings; records.change_teamsettings)."""

    managers_may_assign = models.BooleanField(
        _("managers may assign courses"),
        default=True,
        help_text=_("Managers may assign a course, with a due date, to people in their reporting line."),
    )

    class Meta:
        verbose_name = _("team settings")
        verbose_name_plural = _("team settings")

    def __str__(self):
        return str(self._meta.verbose_name)


class RetentionSettings(BaseGenericSetting):
    """How long a leaver's personal data is kept (Settings › Data retention; HR admins,
    records.change_retentionsettings). The daily job (``manage.py daily_learning``) erases
    leavers whose ``left_on`` is that many months ago (records.privacy.retention); staff and
    partner learners each by their own setting."""

    months_after_leaving = models.PositiveSmallIntegerField(
        _("months after leaving"),
        null=True,
        blank=True,
        default=24,
        help_text=_(
            "A leaver's personal data is erased this many months after the day they left; "
            "scores, dates and counts stay. Blank or 0: keep it for ever."
        ),
    )
    # Partner learners' own clock: the same event (deactivated, ``left_on``), their own
    # length, as a partner organisation's agreement may promise a different one.
    partner_months_after_leaving = models.PositiveSmallIntegerField(
        _("partner learners: months after deactivation"),
        null=True,
        blank=True,
        default=24,
        help_text=_(
            "A partner learner's personal data is erased this many months after their account "
            "was deactivated (they left their organisation or stopped taking courses); scores, "
            "dates and counts stay. Blank or 0: keep it for ever."
        ),
    )

    class Meta:
        verbose_name = _("data retention")
        verbose_name_plural = _("data retention")
        # Not tied to the settings row: who may erase a person's personal data (HR admins).
        permissions = [("erase_personal_data", _("Can erase a person's personal data"))]

    def __str__(self):
        return str(self._meta.verbose_name)
