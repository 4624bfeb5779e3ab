"""The security log in the admin: superusers only, read-only, filterable, exportable."""

from collections import OrderedDict
from datetime import UTC

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

import django_filters

from elearning.exports import SafeSpreadsheetExportMixin

from .models import SecurityEvent


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


class SecurityLogView(SafeSpreadsheetExportMixin, ReportView):
    page_title = _("Security log")
    header_icon = "warning"
    index_url_name = "security_log"
    index_results_url_name = "security_log_results"
    filterset_class = SecurityEventFilterSet
    verbose_name_plural = _("security events")
    paginate_by = 100

    columns = [
        DateColumn("created_at", label=_("When")),
        Column("action", label=_("Event"), accessor="get_action_display"),
        Column("actor_label", label=_("By")),
        Column("subject_label", label=_("Concerning")),
        Column("object_label", label=_("Object")),
        Column("ip_address", label=_("Address")),
        Column("detail", label=_("Detail")),
    ]
    list_export = [
        "created_at",
        "action",
        "actor_label",
        "subject_label",
        "object_label",
        "ip_address",
        "user_agent",
        "detail",
    ]
    export_headings = {
        "created_at": _("When (UTC)"),
        "action": _("Event"),
        "actor_label": _("By"),
        "subject_label": _("Concerning"),
        "object_label": _("Object"),
        "ip_address": _("Address"),
        "user_agent": _("Browser"),
        "detail": _("Detail"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_read_security_log(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"security-log-{timezone.localdate().isoformat()}"

    def get_queryset(self):
        return SecurityEvent.objects.order_by("-created_at", "-pk")

    def to_row_dict(self, item):
        values = {
            "created_at": item.created_at.astimezone(UTC).replace(tzinfo=None),
            "action": item.get_action_display(),
            "actor_label": item.actor_label,
            "subject_label": item.subject_label,
            "object_label": item.object_label,
            "ip_address": item.ip_address or "",
            "user_agent": item.user_agent,
            "detail": "; ".join(f"{key}={value}" for key, value in sorted(item.detail.items())),
        }
        return OrderedDict((field, values[field]) for field in self.list_export)
