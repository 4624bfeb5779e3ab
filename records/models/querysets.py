"""The rules about learning records, each written once, in SQL, as QuerySet methods; the
models (progress.py) say the same of one record in Python, and tests/records/
test_rules_agree.py checks that both, and every report, feed and reminder built on them,
agree. As in Wagtail's ``PageQuerySet``, ``x_q()`` is the condition (for ``Count(filter=)``
and other expressions) and ``x()`` the filter."""

from datetime import timedelta

from django.db import models
from django.db.models import (
    Aggregate,
    BooleanField,
    Case,
    CharField,
    Exists,
    ExpressionWrapper,
    Min,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.utils import timezone

from people.models import staff_q

# "Due soon": the due date falls within this many days (the "due in a week" reminder).
DUE_SOON_DAYS = 7


def _day(on):
    return on or timezone.localdate()


# Between the module titles of ``with_update_required``'s ``update_titles``: a character no
# title holds, so they are split back without guessing (``EnrolmentQuerySet.update_titles``).
TITLE_SEPARATOR = "\x1f"


class _JoinedText(Aggregate):
    """The values of a group joined by ``TITLE_SEPARATOR``, in any order: GROUP_CONCAT on
    SQLite, STRING_AGG on PostgreSQL (Django 5.2 has no portable string aggregate)."""

    function = "GROUP_CONCAT"
    output_field = CharField()

    def __init__(self, expression, **extra):
        super().__init__(expression, Value(TITLE_SEPARATOR), **extra)

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="STRING_AGG", **extra_context)


def _updates(model):
    # By name in this app: progress.py imports this module for its managers.
    return model._meta.apps.get_model(model._meta.app_label, "ModuleUpdate")


class PersonRecordsQuerySet(models.QuerySet):
    """Records that belong to a person (``user``): which of them are the staff's."""

    def of_staff(self):
        """Staff members' records, leavers' included: never a partner learner's
        (``people.models.staff_q``). Staff reminders, feeds and figures start here."""
        return self.filter(staff_q("user__"))

    def of_active_staff(self):
        """Records of staff still on the payroll: those reminders and re-opened modules
        are for. Superusers are kept (they may take a course; ``learners()`` is narrower)."""
        return self.of_staff().filter(user__is_active=True)


class EnrolmentQuerySet(PersonRecordsQuerySet):
    def open_q(self):
        """Training still to do by the due date: not completed, or expired under an active
        recurring rule (which gave it a new due date), or re-opened by a material change
        ("update required", records.ModuleUpdate). An expired one-off assignment or
        self-enrolment has nothing due: it stays "expired" until the person retakes it."""
        Status = self.model.Status
        open_statuses = [Status.NOT_STARTED, Status.IN_PROGRESS, Status.OVERDUE, Status.UPDATE_REQUIRED]
        return Q(status__in=open_statuses) | Q(
            status=Status.EXPIRED, assignment_rule__recurring=True, assignment_rule__active=True
        )

    def open(self):
        return self.filter(self.open_q())

    def overdue_q(self, on=None):
        """Open and its due date has passed. The stored "overdue" status is this rule as
        the daily status update last found it (quizzes.services.statuses)."""
        return self.open_q() & Q(due_date__lt=_day(on))

    def overdue(self, on=None):
        return self.filter(self.overdue_q(on))

    def due_within_q(self, days, on=None):
        """Open and due within the next ``days`` days (not today)."""
        on = _day(on)
        return self.open_q() & Q(due_date__gt=on, due_date__lte=on + timedelta(days=days))

    def started_q(self):
        """Begun and not finished: "in progress" (the first module opened, a retake or a
        revoked completion puts it there), or overdue with a module started since the
        person's last completion of the course (``ModuleProgressQuerySet.current_q``). A
        course not begun, or lapsed and not begun again, is still to do."""
        progress = self.model._meta.apps.get_model(self.model._meta.app_label, "ModuleProgress")
        Status = self.model.Status
        begun = progress.objects.filter(progress.objects.current_q()).filter(
            user=OuterRef("user"), course_code=OuterRef("course_code")
        )
        return Q(status=Status.IN_PROGRESS) | Q(status=Status.OVERDUE) & Exists(begun)

    def with_started(self):
        """Each enrolment annotated with ``started`` (``started_q``)."""
        return self.annotate(started=ExpressionWrapper(self.started_q(), output_field=BooleanField()))

    def due_soon(self, on=None):
        """Open and due within the next ``DUE_SOON_DAYS`` days (not today)."""
        return self.filter(self.due_within_q(DUE_SOON_DAYS, on))

    def completed_q(self):
        Status = self.model.Status
        return Q(status=Status.COMPLETED)

    def _pending_updates(self):
        return (
            _updates(self.model)
            .objects.pending()
            .filter(user=OuterRef("user"), course_code=OuterRef("course_code"))
        )

    def update_required_q(self):
        """ "Update required": a material change re-opened modules of the person's valid
        completion of the course and they are not all done (``ModuleUpdateQuerySet.pending``).
        Read from the updates, not the status, so it holds on once the daily status update
        has made the enrolment overdue. Not "completed": the completion covers an older
        version (the reports count it apart, and not in the completion rate)."""
        return Exists(self._pending_updates())

    def update_required(self):
        return self.filter(self.update_required_q())

    def with_update_required(self):
        """Each enrolment annotated, in the same query, with its pending update:
        ``update_version`` (the lowest version to reach among its re-opened modules; None
        when no update is pending), ``update_due_date`` (the earliest due date) and
        ``update_titles`` (the modules' titles, read with ``update_titles``)."""
        pending = self._pending_updates().order_by().values("user", "course_code")
        return self.annotate(
            update_version=Subquery(pending.annotate(v=Min("version")).values("v")[:1]),
            update_due_date=Subquery(pending.annotate(d=Min("due_date")).values("d")[:1]),
            update_titles=Subquery(pending.annotate(t=_JoinedText("module_title")).values("t")[:1]),
        )

    @staticmethod
    def update_titles(joined):
        """The module titles of a ``with_update_required`` row, sorted."""
        return sorted(joined.split(TITLE_SEPARATOR)) if joined else []


class CourseCompletionQuerySet(PersonRecordsQuerySet):
    """A completion is revoked (an HR correction), else expired once its ``valid_until``
    has passed, else valid: its standing (``CourseCompletion.Standing``)."""

    def not_revoked(self):
        return self.filter(revoked_at__isnull=True)

    def revoked(self):
        return self.filter(revoked_at__isnull=False)

    def superseded(self):
        """Brought up to a newer version by a newer completion (not revoked: it was valid)."""
        return self.filter(superseded_at__isnull=False)

    def valid_on(self, on=None):
        return self.not_revoked().filter(Q(valid_until__isnull=True) | Q(valid_until__gte=_day(on)))

    def expired_on(self, on=None):
        return self.not_revoked().filter(valid_until__lt=_day(on))

    def standing_expression(self, on=None):
        Standing = self.model.Standing
        return Case(
            When(revoked_at__isnull=False, then=Value(Standing.REVOKED)),
            When(valid_until__lt=_day(on), then=Value(Standing.EXPIRED)),
            default=Value(Standing.VALID),
            output_field=models.CharField(),
        )

    def standing(self, on=None):
        """Each completion annotated with its ``standing`` on the day, in the same query."""
        return self.annotate(standing=self.standing_expression(on))

    def in_standing(self, standing, on=None):
        Standing = self.model.Standing
        if standing == Standing.REVOKED:
            return self.revoked()
        return self.expired_on(on) if standing == Standing.EXPIRED else self.valid_on(on)

    def newest_first(self):
        return self.order_by("-completed_at", "-pk")

    def latest_per_course(self):
        """Each person's latest completion of each course that stands (not revoked): the
        one their certificate and its expiry go by."""
        newer = self.model.objects.not_revoked().filter(
            user=OuterRef("user"),
            course_code=OuterRef("course_code"),
            completed_at__gt=OuterRef("completed_at"),
        )
        return self.not_revoked().filter(~Exists(newer))

    def recertifiable(self, on=None):
        """Latest standing completions that are valid on the day and not superseded, of
        people still on staff (active, not left): those a material change to one of the
        course's modules re-opens it for (records.services.recertification). Leavers keep
        their completion as it was."""
        on = _day(on)
        staying = Q(user__left_on__isnull=True) | Q(user__left_on__gt=on)
        return (
            self.latest_per_course()
            .valid_on(on)
            .of_active_staff()
            .filter(staying, superseded_at__isnull=True)
        )

    def expiring_within(self, days, on=None):
        """Latest standing completions whose certificate expires after ``on`` and within
        ``days`` days of it (the "expires in a month" reminder, certificates expiring soon)."""
        on = _day(on)
        return self.latest_per_course().filter(valid_until__gt=on, valid_until__lte=on + timedelta(days=days))


class ModuleProgressQuerySet(PersonRecordsQuerySet):
    def counts_q(self):
        """Completed since the person's latest completion of the course that still stands
        (revoked ones do not): what counts towards their next completion of it. While that
        completion is valid the course is complete anyway; once it expires, the modules
        must be completed again."""
        # The model by its name in this app: progress.py imports this module for its managers.
        completions = self.model._meta.apps.get_model(self.model._meta.app_label, "CourseCompletion")
        later_completion = completions.objects.not_revoked().filter(
            user=OuterRef("user"),
            course_code=OuterRef("course_code"),
            completed_at__gte=OuterRef("completed_at"),
        )
        return Q(completed_at__isnull=False) & ~Exists(later_completion)

    def current_q(self):
        """Started since the person's latest completion of the course that still stands, or
        counting towards the next one (``counts_q``): progress in their current go at it."""
        completions = self.model._meta.apps.get_model(self.model._meta.app_label, "CourseCompletion")
        since = completions.objects.not_revoked().filter(
            user=OuterRef("user"),
            course_code=OuterRef("course_code"),
            completed_at__gte=OuterRef("started_at"),
        )
        return ~Exists(since) | self.counts_q()

    def counting(self):
        """The progress that counts towards the next completion (``counts_q``)."""
        return self.filter(self.counts_q())

    def with_counts(self):
        """Each row annotated with ``counts`` (``counts_q``), for a page that also shows
        modules started or completed before."""
        return self.annotate(counts=ExpressionWrapper(self.counts_q(), output_field=BooleanField()))
