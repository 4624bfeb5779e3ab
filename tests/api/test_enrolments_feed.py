"""GET /api/v1/enrolments/: who is assigned what, due dates, status and progress."""

from datetime import date, timedelta

from django.utils import timezone

from records.models import Enrolment
from records.services import progress
from records.services.statuses import update_statuses
from tests.api.records import sync_all
from tests.factories import AssignmentRuleFactory, EnrolmentFactory, UserFactory, make_module

URL = "/api/v1/enrolments/"
FIELDS = {
    "id",
    "employee_id",
    "email",
    "name",
    "department",
    "course_code",
    "course_title",
    "source",
    "status",
    "status_changed_at",
    "enrolled_at",
    "due_date",
    "completed_at",
    "progress",
    "updated_at",
    "update_required",
}


def test_an_enrolment_with_its_progress(hr_api, amira, course, module):
    second = make_module(course, title="Second module")
    progress.enrol(amira, course)
    progress.mark_module_read(amira, module, course)
    [row] = hr_api.get(URL).json()["results"]
    assert set(row) == FIELDS
    assert row["employee_id"] == amira.employee_id
    assert row["course_code"] == course.course_code
    assert row["status"] == "in_progress"
    assert row["progress"] == 50
    progress.mark_module_read(amira, second, course)
    [row] = hr_api.get(URL).json()["results"]
    assert row["status"] == "completed"
    assert row["progress"] == 100


def test_progress_moves_updated_at_so_incremental_sync_sees_it(hr_api, amira, course, module):
    make_module(course, title="Second module")
    progress.enrol(amira, course)
    [before] = sync_all(hr_api, URL)
    progress.mark_module_read(amira, module, course)
    [after] = sync_all(hr_api, URL, updated_since=before["updated_at"])
    assert after["progress"] == 50


def test_overdue_arrives_through_the_sync_and_the_status_filter(hr_api, amira, chen):
    late = EnrolmentFactory(user=amira, due_date=date(2026, 1, 10))
    EnrolmentFactory(user=chen, due_date=date(2026, 12, 31))
    since = sync_all(hr_api, URL)[-1]["updated_at"]
    update_statuses(date(2026, 1, 11))
    [row] = sync_all(hr_api, URL, updated_since=since)
    assert (row["id"], row["status"]) == (late.pk, "overdue")
    assert [r["id"] for r in sync_all(hr_api, URL, status="overdue")] == [late.pk]
    assert [r["id"] for r in sync_all(hr_api, URL, due_before="2026-06-01")] == [late.pk]


def test_filters_by_person_course_and_department(hr_api, amira, chen):
    mine = EnrolmentFactory(user=amira, course_code="STO-101")
    theirs = EnrolmentFactory(user=chen)
    assert [r["id"] for r in sync_all(hr_api, URL, employee_id=amira.employee_id)] == [mine.pk]
    assert [r["id"] for r in sync_all(hr_api, URL, course_code="INF-101")] == [theirs.pk]
    assert [r["id"] for r in sync_all(hr_api, URL, department="Research")] == [theirs.pk]


def test_assignment_due_dates_move_updated_at(hr_api, amira, course):
    from records.services.assignments import apply_rule

    self_enrolled = progress.enrol(amira, course)
    assert self_enrolled.due_date is None
    since = sync_all(hr_api, URL)[-1]["updated_at"]
    rule = AssignmentRuleFactory(course=course, due_days=30)
    apply_rule(rule, timezone.localdate())
    rows = sync_all(hr_api, URL, updated_since=since)
    mine = next(row for row in rows if row["id"] == self_enrolled.pk)
    assert mine["due_date"] == (timezone.localdate() + timedelta(days=30)).isoformat()
    assert Enrolment.objects.get(pk=self_enrolled.pk).source == "self"


def test_queries_stay_constant_with_progress(hr_api, course, module, django_assert_max_num_queries):
    for person in UserFactory.create_batch(12):
        progress.enrol(person, course)
        progress.record_activity(person, module, course)
    with django_assert_max_num_queries(7):
        small = hr_api.get(URL, {"page_size": 2})
    with django_assert_max_num_queries(7):
        hr_api.get(URL, {"page_size": 12})
    with django_assert_max_num_queries(7):
        hr_api.get(small.json()["next"])
