"""Applying assignment rules: every active person a rule targets gets an enrolment on
its course with a due date.

- A person with no enrolment on the course gets one ("assigned", with the due date).
- A person already enrolled keeps their enrolment; a self-enrolment without a due date
  gets the rule's due date (and stays "self").
- Inactive people (leavers) and superusers are skipped (``User.objects.learners()``). New joiners and people who moved department,
  country or manager are picked up the next time the rules are applied (the daily
  command, or the roster import signal).

Queries per rule stay the same whatever the number of people: one to find the people,
one bulk insert, and one or two for existing enrolments without a due date."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from people.lines import reporting_line_ids
from people.models import User
from records.models import AssignmentRule, Enrolment, ModuleProgress
from records.models.sync import stamp_all, stamped_update


def targeted_people(rule):
    """The people the rule assigns its course to: active staff, never a superuser."""
    people = User.objects.learners()
    Target = AssignmentRule.Target
    if rule.target == Target.EVERYONE:
        return people
    if rule.target == Target.DEPARTMENT and rule.department_id:
        return people.filter(department_id=rule.department_id)
    if rule.target == Target.COUNTRY and rule.country:
        return people.filter(country__iexact=rule.country.strip())
    if rule.target == Target.REPORTING_LINE and rule.manager_id:
        return people.filter(pk__in=reporting_line_ids(rule.manager_id))
    return people.none()


def due_date_for(rule, start_date, today):
    """N days after the start date (for a start-date rule) or the assignment date.

    When the start-date due date has already passed as the rule first reaches someone
    (staff who joined long before the rule existed), or there is no start date, the
    assignment date counts instead: a new onboarding rule never makes the whole
    organisation overdue on its first day."""
    if rule.due_from == AssignmentRule.DueFrom.START_DATE and start_date:
        due = start_date + timedelta(days=rule.due_days)
        if due >= today:
            return due
    return today + timedelta(days=rule.due_days)


def apply_rule(rule, today=None):
    """Enrol the rule's people; returns the number of enrolments created."""
    if not rule.active or rule.course_id is None:
        return 0
    today = today or timezone.localdate()
    people = targeted_people(rule)
    created = _enrol_newcomers(
        people,
        rule.course_id,
        rule.course_code,
        rule.course_title,
        lambda start_date: due_date_for(rule, start_date, today),
        rule,
    )
    _give_due_dates(rule, people, today)
    return created


def _enrol_newcomers(people, course_id, code, title, due_for, rule=None):
    """An "assigned" enrolment on the course for each of ``people`` without one, due
    ``due_for(start date)``; returns how many were created. One query to find them and
    one insert, whatever their number."""
    now = timezone.now()
    newcomers = people.exclude(enrolments__course_code=code).annotate(
        started=Exists(ModuleProgress.objects.filter(user=OuterRef("pk"), course_code=code))
    )
    enrolments = [
        Enrolment(
            user_id=pk,
            course_id=course_id,
            course_code=code,
            course_title=title,
            source=Enrolment.Source.ASSIGNED,
            status=Enrolment.Status.IN_PROGRESS if started else Enrolment.Status.NOT_STARTED,
            status_changed_at=now,
            enrolled_at=now,
            due_date=due_for(start_date),
            assignment_rule=rule,
        )
        for pk, start_date, started in newcomers.values_list("pk", "start_date", "started")
    ]
    # ignore_conflicts: someone who enrolled meanwhile (or a concurrent run) keeps their row.
    with transaction.atomic():
        stamp_all(enrolments)
        Enrolment.objects.bulk_create(enrolments, ignore_conflicts=True)
    return len(enrolments)


def assign_course(people, course, due_date):
    """A manager's assignment (records.views.team): ``course`` due on ``due_date`` for each
    active person of ``people``. Safe to repeat: people enrolled already keep their
    enrolment, and an open one without a due date gets this one. Returns (enrolled, dated)."""
    people = people.learners()
    code = course.course_code
    with transaction.atomic():
        created = _enrol_newcomers(people, course.pk, code, course.title, lambda _start: due_date)
        undated = Enrolment.objects.open().filter(course_code=code, due_date__isnull=True, user__in=people)
        dated = stamped_update(undated, due_date=due_date)
    return created, dated


def _give_due_dates(rule, people, today):
    """Existing enrolments of the rule's people without a due date get the rule's."""
    undated = Enrolment.objects.filter(
        course_code=rule.course_code, due_date__isnull=True, user__in=people
    ).exclude(status=Enrolment.Status.COMPLETED)
    if rule.due_from == AssignmentRule.DueFrom.ASSIGNMENT:
        stamped_update(undated, due_date=due_date_for(rule, None, today), assignment_rule=rule)
        return
    rows = list(undated.select_related("user").only("pk", "user__start_date"))
    for enrolment in rows:
        enrolment.due_date = due_date_for(rule, enrolment.user.start_date, today)
        enrolment.assignment_rule = rule
    with transaction.atomic():
        stamp_all(rows)
        Enrolment.objects.bulk_update(rows, ["due_date", "assignment_rule", "updated_at"])


def apply_all_rules(today=None):
    """Apply every active rule; returns the number of enrolments created."""
    today = today or timezone.localdate()
    rules = AssignmentRule.objects.filter(active=True, course__isnull=False)
    return sum(apply_rule(rule, today) for rule in rules)


def on_roster_imported(sender, created=(), updated=(), **kwargs):
    """New joiners and movers from a roster import get their assignments at once."""
    apply_all_rules()
