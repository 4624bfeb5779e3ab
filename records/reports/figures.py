"""The figures of the admin dashboard's panels (records.panels): for a set of people, how
much training is assigned, done, overdue and due soon, per course, per department or
country, and completions month by month.

Every figure is counted in the database, a fixed number of grouped queries whatever the
number of people or courses, from the rules on the records QuerySets (overdue, due soon,
standing, expiry), so the panels agree with the reports and the reminders.

"Update required" (``EnrolmentQuerySet.update_required_q``) is counted on its own and not
as completed: the person's completion covers an older version of a module, so the rate
(completed / enrolled) counts only people complete on the current version. Such a person
is also overdue once the update's due date passes, like any open training."""

from datetime import datetime, time

from django.db.models import Count, F, Max
from django.db.models.functions import TruncMonth
from django.utils import timezone

from people.lines import visible_people
from quizzes.reports.item_analysis import percent
from records.models import CourseCompletion, Enrolment

# The panels' horizons, longer than the reminders' week and month: a manager plans ahead.
DUE_WITHIN_DAYS = 14
EXPIRING_WITHIN_DAYS = 60
TREND_MONTHS = 12


def active_people(user):
    """The learners ``user`` may see (``User.objects.learners()``): leavers' records stay,
    but not in the figures, and superusers are not staff in training."""
    return visible_people(user).learners()


def enrolment_counts(enrolments, on=None):
    """The counts every completion figure is made of, as ``annotate``/``aggregate``
    arguments: enrolled, completed, overdue, due within ``DUE_WITHIN_DAYS`` and update
    required."""
    return {
        "enrolled": Count("pk"),
        "completed": Count("pk", filter=enrolments.completed_q()),
        "overdue": Count("pk", filter=enrolments.overdue_q(on)),
        "due_soon": Count("pk", filter=enrolments.due_within_q(DUE_WITHIN_DAYS, on)),
        "update_required": Count("pk", filter=enrolments.update_required_q()),
    }


def with_rate(row):
    row["rate"] = percent(row["completed"], row["enrolled"])
    return row


def headline(people, on=None):
    """One dict: people assigned (with at least one enrolment), their enrolments,
    completed, rate, overdue, due soon, update required, people overdue and certificates
    expiring soon."""
    enrolments = Enrolment.objects.filter(user__in=people)
    figures = enrolments.aggregate(
        people=Count("user", distinct=True),
        people_overdue=Count("user", distinct=True, filter=enrolments.overdue_q(on)),
        **enrolment_counts(enrolments, on),
    )
    figures["expiring"] = expiring(people, on).count()
    return with_rate(figures)


def expiring(people, on=None):
    return CourseCompletion.objects.expiring_within(EXPIRING_WITHIN_DAYS, on).filter(user__in=people)


def per_course(people, on=None):
    """One dict per course the people are enrolled on, by course code, with the headline
    counts and the certificates expiring soon."""
    enrolments = Enrolment.objects.filter(user__in=people)
    rows = list(
        enrolments.values("course_code")
        .annotate(course_title=Max("course_title"), **enrolment_counts(enrolments, on))
        .order_by("course_code")
    )
    soon = dict(
        expiring(people, on).values("course_code").annotate(n=Count("pk")).values_list("course_code", "n")
    )
    for row in rows:
        row["expiring"] = soon.get(row["course_code"], 0)
        with_rate(row)
    return rows


def per_group(people, field, on=None):
    """One dict per value of ``field`` on the person (``department__name``, ``country``),
    ``group`` holding the value (None or "" when not recorded)."""
    enrolments = Enrolment.objects.filter(user__in=people)
    rows = (
        enrolments.values(group=F(f"user__{field}"))
        .annotate(**enrolment_counts(enrolments, on))
        .order_by(F("group").asc(nulls_first=True))
    )
    return [with_rate(row) for row in rows]


def first_of_month(day, months_back=0):
    index = day.year * 12 + day.month - 1 - months_back
    return day.replace(year=index // 12, month=index % 12 + 1, day=1)


def monthly_completions(people, on=None, months=TREND_MONTHS):
    """[(first day of the month, completions)] for the last ``months`` months, this one
    included, oldest first, zeros included. Revoked completions do not count; months are
    the organisation's time zone's (``TruncMonth`` in the database, on SQLite as on
    PostgreSQL)."""
    on = on or timezone.localdate()
    zone = timezone.get_current_timezone()
    start = first_of_month(on, months - 1)
    counts = (
        CourseCompletion.objects.not_revoked()
        .filter(user__in=people, completed_at__gte=timezone.make_aware(datetime.combine(start, time()), zone))
        .annotate(month=TruncMonth("completed_at", tzinfo=zone))
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    by_month = {}
    for month, n in counts:
        day = timezone.localtime(month, zone).date() if isinstance(month, datetime) else month
        by_month[day] = by_month.get(day, 0) + n
    return [
        (first_of_month(on, back), by_month.get(first_of_month(on, back), 0))
        for back in range(months - 1, -1, -1)
    ]
