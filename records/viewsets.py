"""Course completions in the Wagtail admin, for HR admins: a read-only listing with
inspect and export, and a "Revoke" action that keeps the completion with its reason.

A completion is an HR-grade fact, so nobody (not even a superuser) adds, edits or
deletes one through the admin: the permission policy only knows "view" and "revoke"."""

from django import forms
from django.contrib.admin.utils import quote
from django.db import transaction
from django.db.models import Max
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin
from wagtail.admin.widgets import BooleanRadioSelect, Button
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import HistoryView, IndexView, InspectView, SnippetViewSet

import django_filters

from elearning.exports import SafeSpreadsheetExportMixin
from elearning.permissions import LimitedPermissionPolicy, PermissionCheckedChooserViewSet
from records.models import CourseCompletion
from records.services import progress

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


class CompletionIndexView(SafeSpreadsheetExportMixin, IndexView):
    revoke_url_name = None

    @cached_property
    def columns(self):
        columns = super().columns
        for column in columns:
            if column.name == "user":
                column.label = _("Person")
        return columns

    def get_filename(self):
        return f"course-completions-{timezone.localdate().isoformat()}"

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not instance.is_revoked and self.user_has_permission("revoke"):
            buttons.append(
                MenuItem(
                    _("Revoke"),
                    url=reverse(self.revoke_url_name, args=(quote(instance.pk),)),
                    icon_name="warning",
                    priority=40,
                )
            )
        return buttons


class CompletionHistoryView(HistoryView):
    # Whoever may see a completion may see its history (its revocation, with the reason).
    any_permission_required = ["view"]


class CompletionInspectView(InspectView):
    revoke_url_name = None
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
        if not self.object.is_revoked and self.user_has_permission("revoke"):
            buttons.append(
                Button(
                    _("Revoke"),
                    url=reverse(self.revoke_url_name, args=(quote(self.object.pk),)),
                    icon_name="warning",
                    priority=30,
                )
            )
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


class RevokeView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """GET shows the form and changes nothing; POST (with CSRF and a reason) revokes."""

    model = CourseCompletion
    permission_required = "revoke"
    form_class = RevokeForm
    template_name = "records/admin/revoke_completion.html"
    page_title = gettext_lazy("Revoke completion")
    header_icon = "warning"
    index_url_name = None
    inspect_url_name = None

    @cached_property
    def object(self):
        return get_object_or_404(CourseCompletion.objects.select_related("user"), pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    @cached_property
    def inspect_url(self):
        return reverse(self.inspect_url_name, args=(quote(self.object.pk),))

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(self.index_url_name),
                "label": CourseCompletion._meta.verbose_name_plural.capitalize(),
            },
            {"url": self.inspect_url, "label": str(self.object)},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get(self, request, *args, **kwargs):
        if self.object.is_revoked:
            return self.already_revoked()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.object.is_revoked:
            return self.already_revoked()
        return super().post(request, *args, **kwargs)

    def already_revoked(self):
        messages.warning(self.request, _("This completion was already revoked."))
        return redirect(self.inspect_url)

    def form_valid(self, form):
        reason = form.cleaned_data["reason"]
        try:
            with transaction.atomic():
                completion = progress.revoke_completion(self.object, self.request.user, reason)
                log(
                    instance=completion,
                    action=REVOKE_LOG_ACTION,
                    user=self.request.user,
                    data={"reason": reason},
                )
        except ValueError as error:
            form.add_error("reason", str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Revoked %(completion)s. The person must complete the course again.")
            % {"completion": completion},
        )
        return redirect(self.inspect_url)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(object=self.object, inspect_url=self.inspect_url)
        return context


class CourseCompletionViewSet(SnippetViewSet):
    model = CourseCompletion
    chooser_viewset_class = PermissionCheckedChooserViewSet
    icon = "tick-inverse"
    menu_label = gettext_lazy("Course completions")
    add_to_admin_menu = True
    menu_order = 410
    index_view_class = CompletionIndexView
    inspect_view_class = CompletionInspectView
    history_view_class = CompletionHistoryView
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
    list_export = [
        "user.full_name",
        "user.employee_id",
        "user.email",
        "course_code",
        "course_title",
        "course_language",
        "completed_at",
        "score",
        "certificate_id",
        "valid_until",
        "get_status_display",
        "revoked_at",
        "revoked_by",
        "revoked_reason",
    ]
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

    def get_queryset(self, request):
        return CourseCompletion.objects.select_related("user", "revoked_by")

    def get_permissions_to_register(self):
        # The group editor offers only what the policy honours.
        codenames = ["view_coursecompletion", "revoke_coursecompletion"]
        return super().get_permissions_to_register().filter(codename__in=codenames)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(revoke_url_name=self.get_url_name("revoke"), **kwargs)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            revoke_url_name=self.get_url_name("revoke"),
            history_url_name=self.get_url_name("history"),
            **kwargs,
        )

    @property
    def revoke_view(self):
        return self.construct_view(
            RevokeView,
            index_url_name=self.get_url_name("list"),
            inspect_url_name=self.get_url_name("inspect"),
        )

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("revoke/<int:pk>/", self.revoke_view, name="revoke")]
