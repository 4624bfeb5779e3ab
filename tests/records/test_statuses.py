"""The daily status update: overdue and expired, by time travel (``today`` passed in)."""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from records.models import CourseCompletion, Enrolment
from records.services import progress
from records.services.statuses import update_statuses
from tests.factories import (
    AssignmentRuleFactory,
    CourseCompletionFactory,
    EnrolmentFactory,
    ModuleProgressFactory,
    UserFactory,
)

Status = Enrolment.Status
DUE = date(2026, 3, 31)
COMPLETED_ON = date(2025, 3, 1)


def status_of(enrolment):
    enrolment.refresh_from_db()
    return enrolment.status


def test_enrolment_becomes_overdue_the_day_after_its_due_date(course, amira):
    enrolment = EnrolmentFactory(user=amira, course=course, due_date=DUE, status=Status.IN_PROGRESS)
    update_statuses(DUE)
    assert status_of(enrolment) == Status.IN_PROGRESS
    before = enrolment.status_changed_at
    assert update_statuses(DUE + timedelta(days=1))["overdue"] == 1
    assert status_of(enrolment) == Status.OVERDUE
    assert enrolment.status_changed_at > before
    assert enrolment.is_overdue


def test_update_is_idempotent(course, amira):
    enrolment = EnrolmentFactory(user=amira, course=course, due_date=DUE)
    update_statuses(DUE + timedelta(days=3))
    changed_at = Enrolment.objects.get(pk=enrolment.pk).status_changed_at
    assert update_statuses(DUE + timedelta(days=3)) == {
        "overdue": 0,
        "reopened": 0,
        "expired": 0,
        "lapsed_completions": 0,
    }
    assert Enrolment.objects.get(pk=enrolment.pk).status_changed_at == changed_at


def test_completed_and_undated_enrolments_never_become_overdue(course, amira, chen):
    done = EnrolmentFactory(user=amira, course=course, due_date=DUE, status=Status.COMPLETED)
    undated = EnrolmentFactory(user=chen, course=course, due_date=None)
    update_statuses(DUE + timedelta(days=30))
    assert status_of(done) == Status.COMPLETED
    assert status_of(undated) == Status.NOT_STARTED


def test_overdue_enrolment_with_a_later_due_date_is_no_longer_overdue(course, amira, chen, module):
    started = EnrolmentFactory(user=amira, course=course, due_date=DUE)
    untouched = EnrolmentFactory(user=chen, course=course, due_date=DUE)
    ModuleProgressFactory(user=amira, module=module)
    update_statuses(DUE + timedelta(days=1))
    Enrolment.objects.update(due_date=DUE + timedelta(days=30))
    update_statuses(DUE + timedelta(days=2))
    assert status_of(started) == Status.IN_PROGRESS
    assert status_of(untouched) == Status.NOT_STARTED


def test_completion_still_marks_an_overdue_enrolment_completed(course, amira, module):
    enrolment = EnrolmentFactory(user=amira, course=course, due_date=timezone.localdate() - timedelta(days=1))
    update_statuses()
    assert status_of(enrolment) == Status.OVERDUE
    progress.mark_module_read(amira, module, course)
    assert status_of(enrolment) == Status.COMPLETED
    assert not Enrolment.objects.get(pk=enrolment.pk).is_overdue


def test_completed_enrolment_expires_when_its_completion_does(course, amira):
    enrolment = EnrolmentFactory(user=amira, course=course, due_date=DUE, status=Status.COMPLETED)
    CourseCompletionFactory(
        user=amira, course=course, valid_until=date(2026, 3, 1), completed_on=COMPLETED_ON
    )
    update_statuses(date(2026, 3, 1))
    assert status_of(enrolment) == Status.COMPLETED
    assert update_statuses(date(2026, 3, 2))["expired"] == 1
    assert status_of(enrolment) == Status.EXPIRED
    assert enrolment.due_date == DUE  # not from a recurring rule: the due date stays
    assert update_statuses(date(2026, 3, 3))["expired"] == 0


def test_a_newer_valid_completion_keeps_the_enrolment_completed(course, amira):
    enrolment = EnrolmentFactory(user=amira, course=course, due_date=DUE, status=Status.COMPLETED)
    CourseCompletionFactory(
        user=amira, course=course, valid_until=date(2025, 1, 1), completed_on=date(2024, 1, 1)
    )
    CourseCompletionFactory(
        user=amira, course=course, valid_until=date(2027, 1, 1), completed_on=date(2026, 1, 1)
    )
    update_statuses(date(2026, 3, 2))
    assert status_of(enrolment) == Status.COMPLETED


def test_recurring_rule_makes_the_course_due_again_after_expiry(course, amira):
    rule = AssignmentRuleFactory(course=course, due_days=14, recurring=True)
    enrolment = EnrolmentFactory(
        user=amira, course=course, due_date=DUE, status=Status.COMPLETED, assignment_rule=rule
    )
    CourseCompletionFactory(
        user=amira, course=course, valid_until=date(2026, 3, 1), completed_on=COMPLETED_ON
    )
    update_statuses(date(2026, 3, 2))
    enrolment.refresh_from_db()
    assert (enrolment.status, enrolment.due_date) == (Status.EXPIRED, date(2026, 3, 15))
    update_statuses(date(2026, 3, 15))
    assert status_of(enrolment) == Status.EXPIRED
    update_statuses(date(2026, 3, 16))
    assert status_of(enrolment) == Status.OVERDUE


def test_expired_one_off_assignment_never_becomes_overdue(course, amira):
    enrolment = EnrolmentFactory(
        user=amira, course=course, status=Status.COMPLETED, due_date=date(2025, 2, 1)
    )
    CourseCompletionFactory(
        user=amira, course=course, valid_until=date(2026, 3, 1), completed_on=COMPLETED_ON
    )
    update_statuses(date(2026, 3, 2))
    update_statuses(date(2026, 3, 3))
    assert status_of(enrolment) == Status.EXPIRED
    assert not enrolment.is_overdue


def test_retake_after_expiry_is_in_progress(course, amira):
    enrolment = EnrolmentFactory(user=amira, course=course, due_date=DUE, status=Status.COMPLETED)
    CourseCompletionFactory(
        user=amira,
        course=course,
        valid_until=timezone.localdate() - timedelta(days=1),
        completed_on=COMPLETED_ON,
    )
    update_statuses()
    assert status_of(enrolment) == Status.EXPIRED
    progress.retake(amira, course)
    assert status_of(enrolment) == Status.IN_PROGRESS


def _cost(course, people):
    staff = [UserFactory() for _ in range(people)]
    for person in staff[::2]:
        EnrolmentFactory(user=person, course=course, due_date=DUE, status=Status.IN_PROGRESS)
    for person in staff[1::2]:
        EnrolmentFactory(user=person, course=course, due_date=DUE, status=Status.COMPLETED)
        CourseCompletionFactory(
            user=person, course=course, valid_until=date(2026, 3, 1), completed_on=COMPLETED_ON
        )
    with CaptureQueriesContext(connection) as queries:
        changed = update_statuses(date(2026, 4, 10))
    assert changed["overdue"] == changed["expired"] == people // 2
    Enrolment.objects.all().delete()
    CourseCompletion.objects.all().delete()
    return len(queries)


@pytest.mark.django_db
def test_update_statuses_costs_the_same_for_10_or_100_enrolments(course):
    assert _cost(course, 10) == _cost(course, 100)
