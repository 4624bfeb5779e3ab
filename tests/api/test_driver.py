"""api/driver.py reads feed pages through the driver's cursor: the values, and so the JSON
the feeds send, must be exactly what ``.values()`` gives, byte for byte, on both databases."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from django.db import connection
from django.db.models import F
from django.utils import timezone

import pytest

from api import driver
from api.renderers import OrjsonRenderer
from api.rows import COMPLETION_COLUMNS, ENROLMENT_COLUMNS
from records.models import CourseCompletion, Enrolment
from tests.factories import CourseCompletionFactory, EnrolmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def sources(columns, *extra):
    return [source for _name, source in columns if source] + list(extra)


@pytest.fixture
def records(amira, chen):
    nobody = UserFactory(department=None, employee_id=None, full_name="Nobody ‘quoted’ عربي")
    on_the_second = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)  # no microseconds: written without them
    CourseCompletionFactory(user=amira, score=Decimal("90.00"), completed_at=on_the_second)
    CourseCompletionFactory(
        user=chen, score=Decimal("66.67"), valid_until=timezone.localdate() - timedelta(days=1)
    )
    CourseCompletionFactory(user=nobody, score=None, course_code="STO-101")
    CourseCompletionFactory(user=amira, course_code="INF-102", revoked=True)
    EnrolmentFactory(user=amira, due_date=timezone.localdate())
    EnrolmentFactory(user=nobody, due_date=None, completed_at=on_the_second)


def completion_page():
    queryset = CourseCompletion.objects.order_by("updated_at", "id")
    return queryset.values(*sources(COMPLETION_COLUMNS), status=queryset.standing_expression())


def enrolment_page():
    return Enrolment.objects.order_by("updated_at", "id").values(*sources(ENROLMENT_COLUMNS, "user_id"))


@pytest.mark.parametrize("page", [completion_page, enrolment_page])
def test_the_values_are_those_of_values(records, page):
    fast = driver.values(page())
    slow = list(page())
    assert len(fast) >= 2
    assert fast == slow
    assert [list(row) for row in fast] == [list(row) for row in slow]  # same keys, same order
    for mine, theirs in zip(fast, slow, strict=True):
        assert [type(value) for value in mine.values()] == [type(value) for value in theirs.values()]


@pytest.mark.parametrize("page", [completion_page, enrolment_page])
def test_the_json_is_the_same_byte_for_byte(records, page):
    render = OrjsonRenderer().render
    assert render(driver.values(page())) == render(list(page()))


def test_a_page_is_one_query(records, django_assert_num_queries):
    page = completion_page()
    with django_assert_num_queries(1):
        assert len(driver.values(page)) == 4


def test_an_empty_page(records):
    assert driver.values(CourseCompletion.objects.none().values("id")) == []
    assert driver.values(CourseCompletion.objects.filter(pk__in=[]).values("id")) == []
    assert driver.values(CourseCompletion.objects.filter(score__gt=100).values("id")) == []


def test_computed_dates_and_times_are_converted_too(records):
    page = CourseCompletion.objects.order_by("id").values("id", later=F("completed_at") + timedelta(days=1))
    assert driver.values(page) == list(page)
    assert all(row["later"].tzinfo is not None for row in driver.values(page))


def test_columns_keep_the_order_values_named_them_in(records):
    """A computed column named before a field comes first in the SQL (Django 5.2), and each
    value under its own name."""
    page = (
        CourseCompletion.objects.order_by("id").annotate(code=F("course_code")).values("code", "id", "score")
    )
    assert driver.values(page) == list(page)
    assert [list(row) for row in driver.values(page)] == [list(row) for row in page]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL session's time zone")
def test_a_session_outside_utc_keeps_djangos_loader(records):
    """The compiled loader gives times in the session's zone; Django's gives UTC."""
    with connection.cursor() as cursor:
        cursor.execute("SET TIME ZONE 'America/Bogota'")
    try:
        fast = driver.values(completion_page())
        assert fast == list(completion_page())
        assert {row["completed_at"].utcoffset() for row in fast} == {timedelta(0)}
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET TIME ZONE 'UTC'")
