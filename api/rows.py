"""The feeds' rows read as plain values, for speed: building model instances and running
DRF's serializers cost about four times the query itself on a 1,000-row page (bench/), and
Django's per-value conversions about as much again (so the values come through driver.py).
The serializers (serializers.py) still describe these fields for the schema and serve the
transcript and webhooks; tests/api/test_rows.py pins both to the same output."""

from functools import lru_cache

from django.db.models import BooleanField, ExpressionWrapper, Q

from . import driver, records

PERSON = [
    ("employee_id", "user__employee_id"),
    ("email", "user__email"),
    ("name", "user__full_name"),
    ("department", "user__department__name"),
]

COMPLETION_COLUMNS = [  # (field, column); a field without a column is computed in the query
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
    ("module_versions", "module_versions"),
    ("superseded_at", "superseded_at"),
    ("superseded_by", "superseded_by_id"),
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
    ("update_required", None),
]


TOMBSTONE_COLUMNS = [
    ("id", "id"),
    ("record_type", "record_type"),
    ("record_id", "record_id"),
    ("reason", "reason"),
    ("updated_at", "updated_at"),
]


def fields(columns):
    return [name for name, _source in columns]


def _sources(columns, *extra):
    return [source for _name, source in columns if source] + list(extra)


def completion_values(queryset, today=None):
    """The completion feed's columns of ``queryset``, as a ``.values()`` queryset; the
    standing is read in the same query (``CourseCompletionQuerySet.standing``)."""
    return queryset.values(
        *_sources(COMPLETION_COLUMNS),
        status=queryset.standing_expression(today),
        passed=ExpressionWrapper(Q(revoked_at__isnull=True), output_field=BooleanField()),
    )


def completion_shape(names, values):
    return _shaped(names, values, COMPLETION_COLUMNS)


def completion_rows(queryset, today=None):
    """Dicts with the completion feed's fields, in their order."""
    return completion_shape(*driver.tuples(completion_values(queryset, today)))


def enrolment_values(queryset):
    """The enrolment feed's columns, and whether an update is pending (``update_pending``,
    ``EnrolmentQuerySet.update_required_q``, in the same query)."""
    pending = ExpressionWrapper(queryset.update_required_q(), output_field=BooleanField())
    return queryset.values(*_sources(ENROLMENT_COLUMNS, "user_id"), update_pending=pending)


def enrolment_shape(names, values):
    """Dicts with the enrolment feed's fields, in their order; progress in two queries,
    and pending updates in one more only when a row has one."""
    user, code, status, pending = (
        names.index(name) for name in ("user_id", "course_code", "status", "update_pending")
    )
    percents = records.progress([(row[user], row[code], row[status]) for row in values])
    updates = records.update_required([(row[user], row[code], row[pending]) for row in values])
    build = _builder(tuple(names), tuple(ENROLMENT_COLUMNS))
    return list(map(build, values, percents, updates))


def enrolment_rows(queryset):
    return enrolment_shape(*driver.tuples(enrolment_values(queryset)))


def tombstone_values(queryset):
    return queryset.values(*_sources(TOMBSTONE_COLUMNS))


def tombstone_shape(names, values):
    return _shaped(names, values, TOMBSTONE_COLUMNS)


def tombstone_rows(queryset):
    return tombstone_shape(*driver.tuples(tombstone_values(queryset)))


def _shaped(names, values, columns):
    """Each tuple (whose columns are ``names``) as a dict of the feed's fields, in the
    feed's order."""
    return list(map(_builder(tuple(names), tuple(columns)), values))


@lru_cache(maxsize=64)
def _builder(names, columns):
    """A function making one row's dict as a dict display, ``{"id": row[0], ...}``: on a
    1,000-row page that takes a third of the time of ``dict(zip(fields, row))`` (bench/).
    Its source is made of the feed's own field names (constants above, quoted by ``repr``)
    and column positions, never of anything a request sends; the fields without a column
    (the enrolment's ``progress`` and ``update_required``) are the function's further
    arguments, in the feed's order."""
    items, extras = [], []
    for name, source in columns:
        if source is None and name not in names:
            extras.append(f"extra{len(extras)}")
            value = extras[-1]
        else:  # names.index: a column missing from the query is an error, not a None.
            value = f"row[{names.index(source or name)}]"
        items.append(f"{name!r}: {value}")
    arguments = "".join(f", {extra}=None" for extra in extras)
    return eval(f"lambda row{arguments}: {{{', '.join(items)}}}", {})  # noqa: S307
