"""Course completions in the Wagtail admin, for HR admins: a read-only listing with
inspect and export, and a "Revoke" action that keeps the completion with its reason.

A completion is an HR-grade fact, so nobody (not even a superuser) adds, edits or
deletes one through the admin: the permission policy only knows "view" and "revoke"."""

from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import BooleanRadioSelect, Button
from wagtail.snippets.views.snippets import HistoryView, IndexView, InspectView, SnippetViewSet

import django_filters

from elearning.permissions import LimitedPermissionPolicy, PermissionCheckedChooserViewSet
from elearning.revoke import RevokeInHeaderMixin, RevokeInListingMixin, RevokeView, RevokeViewSetMixin
from records.models import CourseCompletion
from records.services import progress
from security.exports import SafeSpreadsheetExportMixin

REVOKE_LOG_ACTION = "records.revoke_completion"


class CompletionPermissionPolicy(LimitedPermissionPolicy):
    """Only "view" (records.view_coursecompletion) and "revoke"
    (records.revoke_coursecompletion); "add", "change" and "delete" are refused to everyone."""

    actions = frozenset({"view", "revoke"})


def completion_course_choices():
    rows = (
        CourseCompletion.objects.values("course_code")
        .annotate(title=Max("course_title"))
        .order_by("course_code")
    )
    return [(row["course_code"], f"{row['course_code']} – {row['title']}") for row in rows]


class CourseCompletionFilterSet(WagtailFilterSet):
    course_code = django_filters.ChoiceFilter(
        label=gettext_lazy("Course"), choices=completion_course_choices, empty_label=gettext_lazy("All")
    )
    revoked = django_filters.BooleanFilter(
        label=gettext_lazy("Revoked"), method="filter_revoked", widget=BooleanRadioSelect
    )

    class Meta:
        model = CourseCompletion
        fields = []

    def filter_revoked(self, queryset, name, value):
        return queryset.revoked() if value else queryset.not_revoked()


class CompletionIndexView(RevokeInListingMixin, SafeSpreadsheetExportMixin, IndexView):
    @cached_property
    def columns(self):
        columns = super().columns
        for column in columns:
            if column.name == "user":
                column.label = _("Person")
        return columns

    def get_filename(self):
        return f"course-completions-{timezone.localdate().isoformat()}"


class CompletionHistoryView(HistoryView):
    # Whoever may see a completion may see its history (its revocation, with the reason).
    any_permission_required = ["view"]


class CompletionInspectView(RevokeInHeaderMixin, InspectView):
    history_url_name = None

    def get_object(self, queryset=None):
        return get_object_or_404(CourseCompletion.objects.select_related("user", "revoked_by"), pk=self.pk)

    def get_field_label(self, field_name, field):
        return _("Person") if field_name == "user" else super().get_field_label(field_name, field)

    def get_user_display_value(self):
        user = self.object.user
        return f"{user} ({user.employee_id})" if user.employee_id else str(user)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None or value == "" else value

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.history_url_name:
            url = reverse(self.history_url_name, args=(quote(self.object.pk),))
            buttons.append(Button(_("History"), url=url, icon_name="history", priority=20))
        return buttons


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for revocation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=gettext_lazy(
            "Why this completion no longer counts. The completion is kept, marked as revoked with "
            "this reason, and the person must complete the course again."
        ),
        error_messages={"required": gettext_lazy("Give the reason for revoking this completion.")},
    )


class RevokeCompletionView(RevokeView):
    """An HR correction: the completion stays, marked revoked with the reason given here."""

    form_class = RevokeForm
    template_name = "records/admin/revoke_completion.html"
    page_title = gettext_lazy("Revoke completion")
    log_action = REVOKE_LOG_ACTION
    already_revoked_message = gettext_lazy("This completion was already revoked.")

    def get_queryset(self):
        return CourseCompletion.objects.select_related("user")

    def revoke(self, form):
        try:
            return progress.revoke_completion(self.object, self.request.user, form.cleaned_data["reason"])
        except ValueError as error:
            raise ValidationError({"reason": str(error)}) from error

    def get_log_data(self, form):
        return {"reason": form.cleaned_data["reason"]}

    def get_success_message(self, completion):
        return _("Revoked %(completion)s. The person must complete the course again.") % {
            "completion": completion
        }


class CourseCompletionViewSet(RevokeViewSetMixin, SnippetViewSet):
    model = CourseCompletion
    chooser_viewset_class = PermissionCheckedChooserViewSet
    icon = "tick-inverse"
    menu_label = gettext_lazy("Course completions")
    add_to_admin_menu = True
    menu_order = 410
    index_view_class = CompletionIndexView
    inspect_view_class = CompletionInspectView
    history_view_class = CompletionHistoryView
    revoke_view_class = RevokeCompletionView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_per_page = 50
    list_display = [
        "user",
        Column(
            "employee_id",
            label=gettext_lazy("Employee ID"),
            accessor="user.employee_id",
            sort_key="user__employee_id",
        ),
        "course_code",
        "course_title",
        "completed_at",
        "score",
        "valid_until",
        "status",
    ]
    filterset_class = CourseCompletionFilterSet
    search_fields = ["user__full_name", "user__username", "user__employee_id", "certificate_id"]
    search_backend_name = None  # plain database lookups: completions are not in the search index
    inspect_view_fields = [
        "user",
        "course_code",
        "course_title",
        "course_language",
        "completed_at",
        "score",
        "certificate_id",
        "valid_until",
        "status",
        "revoked_at",
        "revoked_by",
        "revoked_reason",
    ]
    # The export's fields (dotted paths from a completion) with their headings, in order.
    export_headings = {
        "user.full_name": gettext_lazy("Name"),
        "user.employee_id": gettext_lazy("Employee ID"),
        "user.email": gettext_lazy("Email"),
        "course_code": gettext_lazy("Course code"),
        "course_title": gettext_lazy("Course title"),
        "course_language": gettext_lazy("Course language"),
        "completed_at": gettext_lazy("Completed at"),
        "score": gettext_lazy("Score (%)"),
        "certificate_id": gettext_lazy("Certificate ID"),
        "valid_until": gettext_lazy("Valid until"),
        "get_status_display": gettext_lazy("Status"),
        "revoked_at": gettext_lazy("Revoked at"),
        "revoked_by": gettext_lazy("Revoked by"),
        "revoked_reason": gettext_lazy("Reason for revocation"),
    }
    list_export = list(export_headings)

    def get_queryset(self, request):
        return CourseCompletion.objects.select_related("user", "revoked_by")

    def get_permissions_to_register(self):
        # The group editor offers only what the policy honours.
        codenames = ["view_coursecompletion", "revoke_coursecompletion"]
        return super().get_permissions_to_register().filter(codename__in=codenames)
