"""The feeds' rows read as plain values, for speed: building model instances and running
DRF's serializers cost about four times the query itself on a 1,000-row page (bench/).
The serializers (serializers.py) still describe these fields for the schema and serve the
transcript and webhooks; tests/api/test_rows.py pins both to the same output."""

from collections import namedtuple

from records.models import CourseCompletion

from . import records

Standing = CourseCompletion.Standing

PERSON = [
    ("employee_id", "user__employee_id"),
    ("email", "user__email"),
    ("name", "user__full_name"),
    ("department", "user__department__name"),
]

COMPLETION_COLUMNS = [
    ("id", "id"),
    *PERSON,
    ("course_code", "course_code"),
    ("course_title", "course_title"),
    ("course_language", "course_language"),
    ("completed_at", "completed_at"),
    ("score", "score"),
    ("passed", None),
    ("certificate_id", "certificate_id"),
    ("valid_until", "valid_until"),
    ("status", None),
    ("revoked_at", "revoked_at"),
    ("revoked_reason", "revoked_reason"),
    ("created_at", "created_at"),
    ("updated_at", "updated_at"),
]

ENROLMENT_COLUMNS = [
    ("id", "id"),
    *PERSON,
    ("course_code", "course_code"),
    ("course_title", "course_title"),
    ("source", "source"),
    ("status", "status"),
    ("status_changed_at", "status_changed_at"),
    ("enrolled_at", "enrolled_at"),
    ("due_date", "due_date"),
    ("completed_at", "completed_at"),
    ("progress", None),
    ("updated_at", "updated_at"),
]


def fields(columns):
    return [name for name, _source in columns]


def _sources(columns, *extra):
    return [source for _name, source in columns if source] + list(extra)


def completion_rows(queryset, today=None):
    """Dicts with the completion feed's fields, in their order; the standing is read in
    the same query (``CourseCompletionQuerySet.standing``)."""
    rows = []
    for values in queryset.values(*_sources(COMPLETION_COLUMNS), status=queryset.standing_expression(today)):
        values["passed"] = values["status"] != Standing.REVOKED
        rows.append(_renamed(values, COMPLETION_COLUMNS))
    return rows


_ProgressKey = namedtuple("_ProgressKey", "pk user_id course_code status completed_at")


def enrolment_rows(queryset):
    """Dicts with the enrolment feed's fields, in their order; progress in three queries."""
    values = list(queryset.values(*_sources(ENROLMENT_COLUMNS, "user_id")))
    progress = records.progress_by_enrolment(
        _ProgressKey(v["id"], v["user_id"], v["course_code"], v["status"], v["completed_at"]) for v in values
    )
    rows = []
    for row in values:
        row["progress"] = progress.get(row["id"], 0)
        rows.append(_renamed(row, ENROLMENT_COLUMNS))
    return rows


def _renamed(values, columns):
    return {name: values[source or name] for name, source in columns}
