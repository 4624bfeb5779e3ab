"""The security log in the admin: superusers only, read-only, filterable, exportable."""

from datetime import UTC

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

import django_filters

from elearning.db_router import ReplicaReadsMixin
from elearning.yes_no import yes_no
from security.exports import ReportColumn, ReportColumnsMixin, export_only

from .models import SecurityEvent


def describe_detail(value, nested=False):
    """An event's detail as words: "administrator: Yes; groups: Editors", not a Python dict."""
    if isinstance(value, bool) or value is None:
        return yes_no(value) or "—"
    if isinstance(value, dict):
        text = ("; " if not nested else ", ").join(
            f"{key}: {describe_detail(item, nested=True)}" for key, item in sorted(value.items())
        )
        return f"({text})" if nested else text
    if isinstance(value, list | tuple):
        return ", ".join(describe_detail(item, nested=True) for item in value) or "—"
    return str(value)


def can_read_security_log(user):
    return user.is_active and user.is_superuser


class SecurityEventFilterSet(WagtailFilterSet):
    action = django_filters.MultipleChoiceFilter(label=_("Event"), choices=SecurityEvent.Action.choices)
    created_at = django_filters.DateFromToRangeFilter(label=_("When"), widget=DateRangePickerWidget)
    actor = django_filters.ModelChoiceFilter(
        label=_("By"), queryset=lambda request: get_user_model().objects.order_by("username")
    )
    subject = django_filters.ModelChoiceFilter(
        label=_("Concerning"), queryset=lambda request: get_user_model().objects.order_by("username")
    )
    ip_address = django_filters.CharFilter(label=_("Address"), lookup_expr="startswith")

    class Meta:
        model = SecurityEvent
        fields = []


class SecurityLogView(ReplicaReadsMixin, ReportColumnsMixin, ReportView):
    page_title = _("Security log")
    header_icon = "warning"
    index_url_name = "security_log"
    index_results_url_name = "security_log_results"
    filterset_class = SecurityEventFilterSet
    verbose_name_plural = _("security events")
    paginate_by = 100
    export_time_zone = UTC  # the heading says so

    report_columns = [
        ReportColumn(
            DateColumn("created_at", label=_("When")),
            heading=_("When (UTC)"),
            value=lambda event: event.created_at.astimezone(UTC),
        ),
        ReportColumn(Column("action", label=_("Event"), accessor="get_action_display")),
        ReportColumn(Column("actor_label", label=_("By"))),
        ReportColumn(Column("subject_label", label=_("Concerning"))),
        ReportColumn(Column("object_label", label=_("Object"))),
        ReportColumn(Column("ip_address", label=_("Address"))),
        export_only("user_agent", _("Browser")),
        ReportColumn(
            Column("detail", label=_("Detail"), accessor=lambda event: describe_detail(event.detail)),
            value=lambda event: describe_detail(event.detail),
        ),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_read_security_log(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"security-log-{timezone.localdate().isoformat()}"

    def get_queryset(self):
        return SecurityEvent.objects.order_by("-created_at", "-pk")
