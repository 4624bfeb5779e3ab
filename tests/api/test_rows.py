"""The feeds read rows as plain values (api/rows.py) for speed; the serializers describe
the same records for the schema, the transcript and webhooks. Both must say exactly the
same thing, field for field, in the same order."""

import json
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

import pytest

from api.renderers import OrjsonRenderer
from api.rows import COMPLETION_COLUMNS, ENROLMENT_COLUMNS, completion_rows, enrolment_rows, fields
from api.serializers import CompletionSerializer, EnrolmentSerializer
from records.models import CourseCompletion, Enrolment
from records.services import progress
from tests.factories import CourseCompletionFactory, EnrolmentFactory, UserFactory


def as_json(data):
    return json.loads(OrjsonRenderer().render(data))


def test_completion_rows_say_what_the_serializer_says(amira, chen):
    nobody = UserFactory(department=None, employee_id=None)
    CourseCompletionFactory(user=amira)
    CourseCompletionFactory(
        user=chen, valid_until=timezone.localdate() - timedelta(days=1), score=Decimal("66.67")
    )
    CourseCompletionFactory(user=nobody, score=None)
    progress.revoke_completion(CourseCompletionFactory(user=amira, course_code="STO-101"), None, "Mistake.")
    queryset = CourseCompletion.objects.order_by("updated_at", "id")
    fast = as_json(completion_rows(queryset))
    slow = as_json(CompletionSerializer(queryset.select_related("user__department"), many=True).data)
    assert fast == slow
    assert [list(row) for row in fast] == [fields(COMPLETION_COLUMNS)] * 4
    assert fields(COMPLETION_COLUMNS) == CompletionSerializer.Meta.fields


def test_enrolment_rows_say_what_the_serializer_says(amira, chen, course, module):
    progress.enrol(amira, course)
    progress.mark_module_read(amira, module, course)
    EnrolmentFactory(user=chen, due_date=timezone.localdate())
    queryset = Enrolment.objects.order_by("updated_at", "id")
    from api.records import progress_by_enrolment

    fast = as_json(enrolment_rows(queryset))
    slow = as_json(
        EnrolmentSerializer(queryset, many=True, context={"progress": progress_by_enrolment(queryset)}).data
    )
    assert fast == slow
    assert fields(ENROLMENT_COLUMNS) == EnrolmentSerializer.Meta.fields
    assert {row["progress"] for row in fast} == {100, 0}


def _as_before(values, columns):
    """A row as the feeds read it before issue 16: ``.values()``, renamed in Python."""
    return {name: values[source or name] for name, source in columns}


def test_the_feeds_json_is_byte_for_byte_what_values_gave(amira, chen, course, module):
    """api.rows reads through api.driver and computes ``passed`` in SQL: the bytes sent
    must not change."""
    CourseCompletionFactory(user=amira, score=Decimal("90.00"))
    CourseCompletionFactory(user=chen, score=None, valid_until=timezone.localdate() - timedelta(days=3))
    progress.revoke_completion(CourseCompletionFactory(user=chen, course_code="STO-101"), None, "Mistake.")
    progress.enrol(amira, course)
    progress.mark_module_read(amira, module, course)
    EnrolmentFactory(user=chen, due_date=None)
    render = OrjsonRenderer().render

    completions = CourseCompletion.objects.order_by("updated_at", "id")
    before = []
    for values in completions.values(
        *[source for _name, source in COMPLETION_COLUMNS if source], status=completions.standing_expression()
    ):
        values["passed"] = values["status"] != CourseCompletion.Standing.REVOKED
        before.append(_as_before(values, COMPLETION_COLUMNS))
    assert render(completion_rows(completions)) == render(before)

    from api.records import progress_by_enrolment

    enrolments = Enrolment.objects.order_by("updated_at", "id")
    percent = progress_by_enrolment(enrolments)
    before = []
    for values in enrolments.values(*[source for _name, source in ENROLMENT_COLUMNS if source]):
        values["progress"] = percent[values["id"]]
        values["update_required"] = None  # a field added since: no update pending here
        before.append(_as_before(values, ENROLMENT_COLUMNS))
    assert render(enrolment_rows(enrolments)) == render(before)
    assert {row["progress"] for row in before} == {100, 0}


def test_a_column_missing_from_the_query_is_an_error_not_a_none():
    """Each row's dict is built by a function made from the feed's columns: a field whose
    column the query lacks must fail loudly, and only a field without a column (the
    enrolment's progress) takes the extra argument."""
    from api.rows import _builder

    build = _builder(("id", "user__email"), (("id", "id"), ("email", "user__email"), ("progress", None)))
    assert build((7, "a@example.org"), 50) == {"id": 7, "email": "a@example.org", "progress": 50}
    with pytest.raises(ValueError):
        _builder(("id",), (("id", "id"), ("email", "user__email")))
