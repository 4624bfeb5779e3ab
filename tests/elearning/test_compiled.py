"""Querysets compiled once and rerun with new values (elearning/compiled.py) give what the
ORM gives, for every kind of result, and are not compiled again."""

import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from unittest import mock

from django.db import connection, transaction
from django.db.models import Count, Exists, OuterRef, Window
from django.db.models.sql.compiler import SQLCompiler
from django.db.transaction import TransactionManagementError
from django.utils import timezone

import pytest

from courses.models import ModulePage, QuizQuestion
from elearning import compiled
from elearning.compiled import CompiledQuery
from quizzes.models import Attempt
from records.models import CourseCompletion, Enrolment, ModuleProgress
from records.services.progress import current_cycle_expression
from tests.factories import (
    AttemptFactory,
    CourseCompletionFactory,
    EnrolmentFactory,
    ModuleProgressFactory,
    UserFactory,
    add_quiz,
    make_module,
)

pytestmark = pytest.mark.django_db


def _fields(obj):
    """The loaded fields' values (a deferred one would be read on access)."""
    deferred = obj.get_deferred_fields()
    return {
        f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields if f.attname not in deferred
    }


@pytest.fixture
def people():
    return UserFactory(), UserFactory()


def test_model_instances_with_related_rows_deferred_fields_and_annotations_equal_the_orms(course):
    first, second = make_module(course, title="First"), make_module(course, title="Second")
    add_quiz(second)
    amira = UserFactory()
    for module in (first, second, second):
        AttemptFactory(user=amira, module=module, submitted=True)

    def build(user_id, module_key):
        return (
            Attempt.objects.select_related("module__locale")
            .defer("module__body", "questions")
            .annotate(tries=Window(Count("pk")))
            .filter(user_id=user_id, module_key=module_key)
            .order_by("number")
        )

    query = CompiledQuery(build, int, uuid.UUID)
    for module in (first, second, second):
        ours, orms = query(amira.pk, module.translation_key), list(build(amira.pk, module.translation_key))
        assert [_fields(a) | {"tries": a.tries} for a in ours] == [
            _fields(a) | {"tries": a.tries} for a in orms
        ]
        assert len(ours) == (1 if module == first else 2)
        for attempt in ours:
            assert attempt.get_deferred_fields() == {"questions"}
            assert attempt._state.db == "default" and not attempt._state.adding
            assert attempt.module.get_deferred_fields() == {"body"}
            assert attempt.module.title == module.title
            assert attempt.module.locale.language_code == "en"  # read with the attempt


def test_values_values_list_and_flat_rows_equal_the_orms(people):
    amira, bilal = people
    CourseCompletionFactory(user=amira, course_code="INF-101", score=Decimal("87.50"))
    CourseCompletionFactory(user=amira, course_code="STO-101", days_ago=30)
    CourseCompletionFactory(user=bilal, course_code="INF-101", revoked=True)
    builders = [
        (
            lambda user_id: CourseCompletion.objects.filter(user=user_id).values(
                "course_code", "completed_at", "score"
            )
        ),
        (
            lambda user_id: CourseCompletion.objects.filter(user=user_id).values_list(
                "completed_at", "course_code"
            )
        ),
        (
            lambda user_id: (
                CourseCompletion.objects.not_revoked().filter(user=user_id).values_list("pk", flat=True)
            )
        ),
    ]
    for build in builders:
        query = CompiledQuery(build, int)
        for person in (amira, bilal, amira):
            assert query(person.pk) == list(build(person.pk))


def test_a_subquery_and_a_string_value_take_the_real_values(people):
    amira, bilal = people
    EnrolmentFactory(user=amira, course_code="INF-101", cycle=3)
    EnrolmentFactory(user=bilal, course_code="STO-101")

    def build(user_id, code):
        return Enrolment.objects.filter(user=user_id).annotate(
            cycle_now=current_cycle_expression(user_id, code),
            other=Exists(Enrolment.objects.filter(course_code=code).exclude(user=OuterRef("user"))),
        )

    query = CompiledQuery(build, int, str)
    for person, code in ((amira, "INF-101"), (bilal, "STO-101"), (amira, "STO-101")):
        ours, orms = query(person.pk, code), list(build(person.pk, code))
        assert [(e.pk, e.cycle_now, e.other) for e in ours] == [(e.pk, e.cycle_now, e.other) for e in orms]


def test_a_list_is_compiled_once_per_length_and_takes_each_value(people):
    amira, bilal = people
    keys = [uuid.uuid4() for _ in range(4)]
    for key in keys:
        ModuleProgressFactory(user=amira, module_key=key)
    ModuleProgressFactory(user=bilal, module_key=keys[0])

    def build(user_id, module_keys):
        return ModuleProgress.objects.filter(user=user_id, module_key__in=module_keys).values_list(
            "module_key", flat=True
        )

    query = CompiledQuery(build, int, [uuid.UUID])
    asked = [
        (amira, keys[:2]),
        (amira, keys[2:]),
        (amira, [keys[3], None, keys[3], str(keys[1])]),  # as the ORM does: once each, no None
        (bilal, keys[:2]),
        (amira, keys),
        (amira, []),  # nothing asked: the ORM's answer
    ]
    with _counting_compiles() as as_sql:
        for person, module_keys in asked:
            assert sorted(query(person.pk, module_keys)) == sorted(build(person.pk, module_keys))
    # The comparisons, the empty list through the ORM, and the lengths 2 and 4 compiled once.
    assert as_sql.call_count == len(asked) + 1 + 2


def test_a_moment_takes_the_real_value(people):
    amira, _bilal = people
    for days in (1, 10, 100):
        CourseCompletionFactory(user=amira, days_ago=days)
    query = CompiledQuery(
        lambda user_id, since: CourseCompletion.objects.filter(user=user_id, completed_at__gt=since),
        int,
        datetime,
    )
    for days in (5, 50, 500, 5):
        since = timezone.now() - timedelta(days=days)
        assert {c.pk for c in query(amira.pk, since)} == {
            c.pk for c in CourseCompletion.objects.filter(user=amira, completed_at__gt=since)
        }
    with pytest.raises(TypeError):
        query(amira.pk, datetime(2026, 1, 1))  # naive: the ORM would warn and guess


def _counting_compiles():
    return mock.patch.object(SQLCompiler, "as_sql", autospec=True, side_effect=SQLCompiler.as_sql)


def test_compiled_once_per_connection(people):
    amira, bilal = people
    EnrolmentFactory(user=amira, course_code="INF-101")
    EnrolmentFactory(user=amira, course_code="STO-101")
    EnrolmentFactory(user=bilal, course_code="INF-101")
    query = CompiledQuery(lambda user_id: Enrolment.objects.filter(user=user_id).order_by("course_code"), int)
    with _counting_compiles() as as_sql:
        codes = [[e.course_code for e in query(person.pk)] for person in (amira, bilal, amira, bilal)]
    assert codes == [["INF-101", "STO-101"], ["INF-101"], ["INF-101", "STO-101"], ["INF-101"]]
    assert as_sql.call_count == 1
    compiled.forget()
    with _counting_compiles() as as_sql:
        query(amira.pk)
        query(bilal.pk)
    assert as_sql.call_count == 1


def test_what_cannot_be_rerun_runs_through_the_orm_each_time(course):
    make_module(course, title="Listening to influencers")
    make_module(course, title="Influence without harm")
    make_module(course, title="Storytelling")
    # The ORM rewrites the value (wrapped in % for LIKE): no stand-in to replace.
    titled = CompiledQuery(
        lambda text: ModulePage.objects.filter(title__icontains=text).order_by("path"), str
    )
    assert [m.title for m in titled("influence")] == ["Listening to influencers", "Influence without harm"]
    assert [m.title for m in titled("story")] == ["Storytelling"]
    # A query that can match nothing is not compiled at all.
    nothing = CompiledQuery(lambda pk: ModulePage.objects.filter(pk__in=[]).exclude(pk=pk), int)
    assert nothing(1) == []


def test_the_first_row_or_none(course):
    module = make_module(course)
    add_quiz(module)
    with_quiz = CompiledQuery(
        lambda pk: ModulePage.objects.annotate(
            has_quiz=Exists(QuizQuestion.objects.filter(module=OuterRef("pk")))
        ).filter(pk=pk),
        int,
    )
    assert with_quiz.first(module.pk).has_quiz is True
    assert with_quiz.first(course.pk) is None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_locking_query_needs_a_transaction(people):
    amira, _bilal = people
    EnrolmentFactory(user=amira)
    locked = CompiledQuery(lambda user_id: Enrolment.objects.select_for_update().filter(user=user_id), int)
    with transaction.atomic():
        assert len(locked(amira.pk)) == 1  # compiled here
    with transaction.atomic():
        assert len(locked(amira.pk)) == 1  # rerun
    if connection.features.has_select_for_update:
        with pytest.raises(TransactionManagementError):
            locked(amira.pk)


def test_only_int_str_uuid_and_datetime_arguments():
    with pytest.raises(TypeError):
        CompiledQuery(lambda day: Enrolment.objects.filter(due_date=day), object)
