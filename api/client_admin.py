"""API clients in the Wagtail admin, for HR admins (api.add/change/view_apiclient).

Creating a client shows its key once, on the page that answers the form: the key is never
stored (only its hash), never put in a URL, a message, the session or a log. Revoking is an
explicit, confirmed and irreversible action; nobody deletes a client, so the audit trail
(who created it, when it was last used, who revoked it) stays."""

import secrets

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView, SnippetViewSet

from elearning.permissions import LimitedPermissionPolicy, PermissionCheckedChooserViewSet
from elearning.revoke import (
    AlreadyRevoked,
    RevokeInHeaderMixin,
    RevokeInListingMixin,
    RevokeView,
    RevokeViewSetMixin,
)

from . import audit, scopes
from .models import ApiClient

REVOKE_LOG_ACTION = "api.revoke_client"
# Tokens of the create forms already used in this session, so that reloading the page that
# shows a key (which re-sends the form) does not make a second client.
USED_FORM_TOKENS_SESSION_KEY = "api_client_form_tokens"
USED_FORM_TOKENS_KEPT = 20


class ApiClientPermissionPolicy(LimitedPermissionPolicy):
    """ "add", "change" (which includes revoking) and "view"; "delete" is refused to everyone,
    superusers included, because a client's record is part of the audit trail."""

    actions = frozenset({"add", "change", "view"})


def status_label(client):
    if client.revoked:
        return _("Revoked")
    if client.has_expired:
        return _("Expired")
    return _("Active")


def format_datetime(value):
    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


class PastDateColumn(DateColumn):
    """ "3 days ago", or "Never" when empty."""

    cell_template_name = "api/admin/date_cell.html"
    empty_value_display = gettext_lazy("Never")


class ExpiryColumn(Column):
    empty_value_display = gettext_lazy("Never")

    def get_value(self, instance):
        return format_datetime(instance.expiry_date) if instance.expiry_date else ""


class CreatedByColumn(Column):
    empty_value_display = "—"  # made with the create_api_client command

    def get_value(self, instance):
        return instance.created_by or ""


class ApiClientForm(WagtailAdminModelForm):
    scopes = forms.MultipleChoiceField(
        label=gettext_lazy("Scopes"),
        choices=scopes.CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("What this client may read. Give it only what its integration needs."),
        error_messages={"required": gettext_lazy("Choose at least one scope.")},
    )

    class Meta:
        model = ApiClient
        fields = ["name", "scopes", "departments", "expiry_date"]
        labels = {"expiry_date": gettext_lazy("Expiry date")}
        help_texts = {
            "expiry_date": gettext_lazy(
                "The key stops working after this date. Leave empty for a key that does not expire. "
                "To stop a key at once, revoke it."
            )
        }

    def clean_expiry_date(self):
        value = self.cleaned_data.get("expiry_date")
        # An unchanged date that has since passed is fine; a new one must be ahead.
        if value and "expiry_date" in self.changed_data and value <= timezone.now():
            raise ValidationError(_("Choose a date in the future, or revoke the client to stop its key now."))
        return value


class ApiClientIndexView(RevokeInListingMixin, IndexView):
    @cached_property
    def columns(self):
        return [column for column in super().columns if not isinstance(column, BulkActionsCheckboxColumn)]


class ApiClientCreateView(CreateView):
    """Answers a valid form with the key page itself (no redirect), so the key exists only in
    that one response, which browsers are told not to keep."""

    key_template_name = "api/admin/key_created.html"
    # The key page is HTML; a JSON answer would lose the key.
    expects_json_response = False

    def post(self, request, *args, **kwargs):
        token = request.POST.get("form_token", "")
        if token and token in request.session.get(USED_FORM_TOKENS_SESSION_KEY, []):
            messages.warning(
                request,
                _(
                    "This API client was already created and its key was shown once. If the key was "
                    "not copied, revoke that client and create a new one."
                ),
            )
            return redirect(self.get_success_url())
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form_token"] = self.request.POST.get("form_token") or secrets.token_urlsafe(16)
        return context

    def save_instance(self):
        instance = self.form.instance
        instance.created_by = self.request.user
        self.key = ApiClient.objects.assign_key(instance)
        return super().save_instance()

    def save_action(self):
        audit.client_created(self.object, request=self.request)
        token = self.request.POST.get("form_token", "")
        if token:
            used = self.request.session.get(USED_FORM_TOKENS_SESSION_KEY, [])
            self.request.session[USED_FORM_TOKENS_SESSION_KEY] = [*used, token][-USED_FORM_TOKENS_KEPT:]
        messages.success(self.request, _("API client “%(name)s” created.") % {"name": self.object.name})
        # Only the page chrome: the create form's own context (side panels, action menu) is not shown.
        context = WagtailAdminTemplateMixin.get_context_data(self, form=self.form)
        context.update(
            client=self.object,
            api_key=self.key,
            departments=list(self.object.departments.all()),
            scope_labels=[label for value, label in scopes.CHOICES if value in self.object.scopes],
            index_url=self.get_success_url(),
            edit_url=self.get_edit_url(),
            api_url=self.request.build_absolute_uri(reverse("api:completion-list")),
        )
        response = TemplateResponse(self.request, self.key_template_name, context)
        # Not kept by the browser's cache or its back button.
        add_never_cache_headers(response)
        return response

    def get_page_title(self):
        if getattr(self, "key", None):
            return _("API client created")
        return super().get_page_title()

    def get_page_subtitle(self):
        if getattr(self, "key", None):
            return self.object.name
        return super().get_page_subtitle()

    def get_breadcrumbs_items(self):
        if getattr(self, "key", None):
            return [
                *self.breadcrumbs_items,
                {"url": reverse(self.index_url_name), "label": ApiClient._meta.verbose_name_plural},
                {"url": "", "label": self.object.name},
            ]
        return super().get_breadcrumbs_items()


class ApiClientEditView(RevokeInHeaderMixin, EditView):
    def save_instance(self):
        before = audit.client_state(ApiClient.objects.get(pk=self.object.pk))
        instance = super().save_instance()
        audit.client_changed(instance, before, request=self.request)
        return instance

    def get(self, request, *args, **kwargs):
        if self.object.revoked:
            messages.warning(
                request,
                _("This API client is revoked: its key no longer works, whatever is changed here."),
            )
        return super().get(request, *args, **kwargs)


class RevokeClientView(RevokeView):
    """Revoking stops the key at once; it is confirmed, never asked a reason."""

    template_name = "api/admin/revoke_client.html"
    page_title = gettext_lazy("Revoke API client")
    log_action = REVOKE_LOG_ACTION
    already_revoked_message = gettext_lazy("This API client was already revoked.")

    def get_success_url(self):
        return reverse(self.index_url_name)

    def revoke(self, form):
        client = get_object_or_404(ApiClient.objects.select_for_update(), pk=self.object.pk)
        if client.revoked:
            raise AlreadyRevoked
        client.revoked = True
        client.save(update_fields=["revoked"])
        audit.client_revoked(client, request=self.request)
        return client

    def get_success_message(self, client):
        return _("API client “%(name)s” revoked: its key no longer works.") % {"name": client.name}


class ApiClientViewSet(RevokeViewSetMixin, SnippetViewSet):
    model = ApiClient
    chooser_viewset_class = PermissionCheckedChooserViewSet
    icon = "key"
    menu_label = gettext_lazy("API clients")
    menu_name = "api-clients"
    add_to_settings_menu = True
    menu_order = 620
    index_view_class = ApiClientIndexView
    add_view_class = ApiClientCreateView
    edit_view_class = ApiClientEditView
    revoke_view_class = RevokeClientView
    revoke_permission = "change"
    copy_view_enabled = False
    # Its only references are to departments and a user; indexing them would queue a
    # background task on every save for a "usage" count nobody needs.
    add_to_reference_index = False
    index_template_name = "api/admin/client_index.html"
    create_template_name = "api/admin/create_client.html"
    list_per_page = 50
    ordering = ["-created"]
    search_fields = ["name", "prefix"]
    search_backend_name = None  # plain database lookups: clients are not in the search index
    list_filter = ["revoked"]
    list_display = [
        "name",
        Column("prefix", label=gettext_lazy("Key prefix")),
        Column("scopes", label=gettext_lazy("Scopes"), accessor=lambda client: ", ".join(client.scopes)),
        Column(
            "departments",
            label=gettext_lazy("Departments"),
            accessor=lambda client: (
                ", ".join(department.name for department in client.departments.all()) or _("Everyone")
            ),
        ),
        DateColumn("created", label=gettext_lazy("Created"), sort_key="created"),
        CreatedByColumn("created_by", label=gettext_lazy("Created by")),
        PastDateColumn("last_used_at", label=gettext_lazy("Last used"), sort_key="last_used_at"),
        ExpiryColumn("expiry_date", label=gettext_lazy("Expires"), sort_key="expiry_date"),
        StatusTagColumn(
            "status", label=gettext_lazy("Status"), accessor=status_label, primary=lambda c: c.is_usable
        ),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("scopes"),
            FieldPanel("departments", widget=forms.CheckboxSelectMultiple),
            FieldPanel("expiry_date"),
        ],
        base_form_class=ApiClientForm,
    )

    def get_queryset(self, request):
        return ApiClient.objects.select_related("created_by").prefetch_related("departments")

    def get_permissions_to_register(self):
        # The group editor offers only what the policy honours.
        codenames = ["add_apiclient", "change_apiclient", "view_apiclient"]
        return super().get_permissions_to_register().filter(codename__in=codenames)


# Registered first, before anything asks Wagtail for ApiClient's policy.
register_permission_policy(ApiClient, ApiClientPermissionPolicy(ApiClient))
register_snippet(ApiClientViewSet)


@hooks.register("register_log_actions")
def register_revoke_log_action(actions):
    actions.register_action(REVOKE_LOG_ACTION, _("Revoke API client"), _("API client revoked"))
