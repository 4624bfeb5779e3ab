"""The feeds read rows as plain values (api/rows.py) for speed; the serializers describe
the same records for the schema, the transcript and webhooks. Both must say exactly the
same thing, field for field, in the same order."""

import json
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

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
