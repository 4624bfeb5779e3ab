"""Filters shared by the completion and enrolment feeds and their CSV exports."""

from datetime import UTC

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

import django_filters
from django_filters.fields import IsoDateTimeField

from records.models import CourseCompletion, Enrolment

from .models import Tombstone


class UtcDateTimeField(IsoDateTimeField):
    """An ISO 8601 time, in UTC before it reaches the database: PostgreSQL refuses offsets
    beyond ±15:59 that Python accepts."""

    def to_python(self, value):
        result = super().to_python(value)
        if result is None or result.tzinfo is None:
            return result
        try:
            return result.astimezone(UTC)
        except OverflowError as error:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error


class UtcDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcDateTimeField


class UpdatedSinceFilterSet(django_filters.FilterSet):
    updated_since = UtcDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gt",
        label=_(
            "Only rows changed strictly after this time (ISO 8601, e.g. 2026-11-29T06:00:00.123456Z): "
            "pass the `updated_at` of the last row of your previous complete sync."
        ),
    )


class SyncFilterSet(UpdatedSinceFilterSet):
    completed_after = UtcDateTimeFilter(
        field_name="completed_at", lookup_expr="gte", label=_("Completed at or after this time (ISO 8601).")
    )
    completed_before = UtcDateTimeFilter(
        field_name="completed_at", lookup_expr="lt", label=_("Completed before this time (ISO 8601).")
    )
    course_code = django_filters.CharFilter(field_name="course_code", label=_("Course code, e.g. INF-101."))
    employee_id = django_filters.CharFilter(field_name="user__employee_id", label=_("Employee ID."))
    department = django_filters.CharFilter(
        field_name="user__department__name", label=_("Department name, exactly as in the roster.")
    )


class CompletionFilterSet(SyncFilterSet):
    status = django_filters.ChoiceFilter(
        choices=CourseCompletion.Standing.choices,
        method="filter_status",
        label=_("valid, expired or revoked."),
    )

    class Meta:
        model = CourseCompletion
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.in_standing(value)


class EnrolmentFilterSet(SyncFilterSet):
    status = django_filters.ChoiceFilter(choices=Enrolment.Status.choices, label=_("Enrolment status."))
    due_before = django_filters.DateFilter(
        field_name="due_date", lookup_expr="lt", label=_("Due before this day.")
    )

    class Meta:
        model = Enrolment
        fields = []


class TombstoneFilterSet(UpdatedSinceFilterSet):
    record_type = django_filters.ChoiceFilter(
        choices=Tombstone.RecordType.choices, label=_("completion or enrolment.")
    )
    reason = django_filters.ChoiceFilter(choices=Tombstone.Reason.choices, label=_("erased or left_scope."))

    class Meta:
        model = Tombstone
        fields = []
