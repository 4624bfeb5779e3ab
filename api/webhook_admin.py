"""Webhook endpoints and their delivery log in the Wagtail admin (HR admins), under
Settings: "Webhook endpoints" (api.add/change/view_webhookendpoint) and "Webhook
deliveries" (api.view_webhookdelivery), with every attempt on a delivery's inspect page.

Endpoints are switched off rather than deleted, so their delivery log stays; deliveries
and attempts are a log that nobody writes through the admin."""

import json
from urllib.parse import urlsplit

from django import forms
from django.contrib.admin.utils import quote
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, InspectView, SnippetViewSet

import django_filters

from elearning.permissions import LimitedPermissionPolicy, PermissionCheckedChooserViewSet

from . import audit
from .models import ApiClient, Event, WebhookDelivery, WebhookEndpoint
from .models.webhooks import event_scopes, generate_secret, validate_webhook_url
from .webhooks import addresses, tasks

RECENT_DELIVERIES = 20


ENDPOINT_URLS = "wagtailsnippets_api_webhookendpoint"
DELIVERY_URLS = "wagtailsnippets_api_webhookdelivery"


class EndpointPermissionPolicy(LimitedPermissionPolicy):
    # No "delete": an endpoint is switched off, and its delivery log kept.
    actions = frozenset({"add", "change", "view"})


class DeliveryPermissionPolicy(LimitedPermissionPolicy):
    actions = frozenset({"view"})


class WebhookEndpointForm(WagtailAdminModelForm):
    url = forms.URLField(
        label=gettext_lazy("URL"),
        max_length=500,
        assume_scheme="https",
        help_text=WebhookEndpoint._meta.get_field("url").help_text,
    )
    events = forms.MultipleChoiceField(
        label=gettext_lazy("Events"),
        choices=Event.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Completion events need the client's “completions” scope; enrolment events its "
            "“enrolments” scope."
        ),
        error_messages={"required": gettext_lazy("Choose at least one event.")},
    )
    new_secret = forms.BooleanField(
        label=gettext_lazy("Generate a new signing secret"),
        required=False,
        help_text=gettext_lazy(
            "Deliveries are signed with the new secret from now on: give it to the receiver at once."
        ),
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["client", "url", "events", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "client" in self.fields:
            usable = Q(revoked=False) | Q(pk=self.instance.client_id)
            self.fields["client"].queryset = ApiClient.objects.filter(usable).order_by("name")
        if self.instance.pk is None:
            del self.fields["new_secret"]

    def clean_url(self):
        """The address written in the URL, and every address its name resolves to now, must
        be outside the platform's network (the check is made again before every delivery).
        A name that does not resolve yet is accepted: the receiver may not be set up yet."""
        url = self.cleaned_data["url"]
        validate_webhook_url(url)
        parts = urlsplit(url)
        try:
            addresses.checked_addresses(parts.hostname, parts.port or 443)
        except addresses.AddressNotAllowed as error:
            raise forms.ValidationError(str(error)) from None
        except addresses.UnresolvableHost:
            pass
        return url

    def clean(self):
        cleaned_data = super().clean()
        client, events = cleaned_data.get("client"), cleaned_data.get("events") or []
        if client:
            missing = sorted(
                {
                    " or ".join(event_scopes(event))
                    for event in events
                    if not any(client.has_scope(scope) for scope in event_scopes(event))
                }
            )
            if missing:
                self.add_error(
                    "events",
                    _("This client lacks the scope these events need: %(scopes)s.")
                    % {"scopes": ", ".join(missing)},
                )
        return cleaned_data

    def save(self, commit=True):
        reactivating = self.instance.pk is not None and "active" in self.changed_data and self.instance.active
        if self.cleaned_data.get("new_secret"):
            self.instance.secret = generate_secret()
        instance = super().save(commit=commit)
        if reactivating:
            tasks.reactivated(instance)
        return instance


class SavedSecretPanel(FieldPanel):
    """The secret, read-only, once there is one: a new endpoint's secret is made on save, so
    showing the form's default would show a secret that is never used."""

    def __init__(self, field_name="secret", **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, **kwargs)

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            return self.instance is not None and self.instance.pk is not None and super().is_shown()


def endpoint_status(endpoint):
    if not endpoint.active:
        return _("Disabled") if endpoint.disabled_at else _("Inactive")
    if endpoint.failing_since:
        return _("Failing")
    return _("Active")


class WebhookEndpointCreateView(CreateView):
    inspect_url_name = None

    def save_instance(self):
        instance = super().save_instance()
        audit.endpoint_created(instance, request=self.request)
        return instance

    def get_success_url(self):
        # The secret is generated on save: the inspect page shows it to pass on to the receiver.
        return reverse(self.inspect_url_name, args=(quote(self.object.pk),))

    def get_success_message(self, instance):
        return _(
            "Webhook endpoint added. Give its signing secret (below) to whoever configures the receiver."
        )


class WebhookEndpointEditView(EditView):
    def save_instance(self):
        before = audit.endpoint_state(WebhookEndpoint.objects.select_related("client").get(pk=self.object.pk))
        secret_replaced = bool(self.form.cleaned_data.get("new_secret"))
        instance = super().save_instance()
        audit.endpoint_changed(instance, before, request=self.request, secret_replaced=secret_replaced)
        return instance


class WebhookEndpointInspectView(InspectView):
    template_name = "api/admin/webhook_endpoint_inspect.html"
    deliveries_index_url_name = None
    delivery_inspect_url_name = None

    def get_object(self, queryset=None):
        return WebhookEndpoint.objects.select_related("client").get(pk=self.pk)

    def get_events_display_value(self):
        return self.object.get_events_display()

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None or value == "" else value

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        deliveries = self.object.deliveries.order_by("-created_at", "-pk")[:RECENT_DELIVERIES]
        context.update(
            deliveries=[
                (delivery, reverse(self.delivery_inspect_url_name, args=(delivery.pk,)))
                for delivery in deliveries
            ],
            all_deliveries_url=f"{reverse(self.deliveries_index_url_name)}?endpoint={self.object.pk}",
            status=endpoint_status(self.object),
        )
        return context


class WebhookEndpointViewSet(SnippetViewSet):
    model = WebhookEndpoint
    chooser_viewset_class = PermissionCheckedChooserViewSet
    icon = "link-external"
    menu_label = gettext_lazy("Webhook endpoints")
    menu_name = "webhook-endpoints"
    add_to_settings_menu = True
    menu_order = 630
    add_view_class = WebhookEndpointCreateView
    edit_view_class = WebhookEndpointEditView
    inspect_view_class = WebhookEndpointInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_per_page = 50
    search_fields = ["url", "client__name"]
    search_backend_name = None  # plain database lookups: endpoints are not in the search index
    list_filter = ["active", "client"]
    list_display = [
        Column("url", label=gettext_lazy("URL")),
        Column("client", label=gettext_lazy("API client")),
        Column("events", label=gettext_lazy("Events"), accessor=lambda endpoint: ", ".join(endpoint.events)),
        Column("pending_count", label=gettext_lazy("Waiting deliveries")),
        StatusTagColumn(
            "status",
            label=gettext_lazy("Status"),
            accessor=endpoint_status,
            primary=lambda endpoint: endpoint.active and not endpoint.failing_since,
        ),
    ]
    inspect_view_fields = [
        "client",
        "url",
        "events",
        "secret",
        "active",
        "created_at",
        "failing_since",
        "disabled_at",
        "disabled_reason",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("client"),
            FieldPanel("url"),
            FieldPanel("events"),
            FieldPanel("active"),
            SavedSecretPanel(),
            FieldPanel("new_secret"),
        ],
        base_form_class=WebhookEndpointForm,
    )

    def get_queryset(self, request):
        pending = Count("deliveries", filter=Q(deliveries__state=WebhookDelivery.State.PENDING))
        return WebhookEndpoint.objects.select_related("client").annotate(pending_count=pending)

    def get_permissions_to_register(self):
        codenames = ["add_webhookendpoint", "change_webhookendpoint", "view_webhookendpoint"]
        return super().get_permissions_to_register().filter(codename__in=codenames)

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(inspect_url_name=self.get_url_name("inspect"), **kwargs)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            deliveries_index_url_name=f"{DELIVERY_URLS}:list",
            delivery_inspect_url_name=f"{DELIVERY_URLS}:inspect",
            **kwargs,
        )


class WebhookDeliveryInspectView(InspectView):
    template_name = "api/admin/webhook_delivery_inspect.html"
    endpoint_inspect_url_name = None

    def get_object(self, queryset=None):
        return WebhookDelivery.objects.select_related("endpoint", "endpoint__client").get(pk=self.pk)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None or value == "" else value

    @cached_property
    def header_more_buttons(self):
        url = reverse(self.endpoint_inspect_url_name, args=(self.object.endpoint_id,))
        return [*super().header_more_buttons, Button(_("Endpoint"), url=url, icon_name="link-external")]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            body = json.dumps(json.loads(self.object.body), indent=2, ensure_ascii=False)
        except ValueError:
            body = self.object.body
        context.update(attempts=self.object.attempts.all(), body=body)
        return context


class WebhookDeliveryFilterSet(WagtailFilterSet):
    endpoint = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Endpoint"), queryset=WebhookEndpoint.objects.select_related("client")
    )

    class Meta:
        model = WebhookDelivery
        fields = ["state", "event_type", "endpoint"]


class WebhookDeliveryViewSet(SnippetViewSet):
    model = WebhookDelivery
    chooser_viewset_class = PermissionCheckedChooserViewSet
    icon = "list-ul"
    menu_label = gettext_lazy("Webhook deliveries")
    menu_name = "webhook-deliveries"
    add_to_settings_menu = True
    menu_order = 640
    inspect_view_class = WebhookDeliveryInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_per_page = 50
    search_fields = ["message_id", "event_key"]
    search_backend_name = None
    filterset_class = WebhookDeliveryFilterSet
    list_display = [
        DateColumn("created_at", label=gettext_lazy("Created"), sort_key="created_at"),
        Column("event_type", label=gettext_lazy("Event")),
        Column("endpoint", label=gettext_lazy("Endpoint")),
        Column("message_id", label=gettext_lazy("Message ID")),
        StatusTagColumn(
            "state",
            label=gettext_lazy("State"),
            accessor="get_state_display",
            primary=lambda delivery: delivery.state == WebhookDelivery.State.DELIVERED,
        ),
        Column("attempt_count", label=gettext_lazy("Attempts")),
        Column("last_outcome", label=gettext_lazy("Last outcome")),
        DateColumn("next_attempt_at", label=gettext_lazy("Next attempt"), sort_key="next_attempt_at"),
    ]
    inspect_view_fields = [
        "endpoint",
        "event_type",
        "event_key",
        "message_id",
        "state",
        "attempt_count",
        "created_at",
        "last_attempt_at",
        "last_outcome",
        "next_attempt_at",
        "delivered_at",
    ]

    def get_queryset(self, request):
        return WebhookDelivery.objects.select_related("endpoint", "endpoint__client")

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().filter(codename="view_webhookdelivery")

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(endpoint_inspect_url_name=f"{ENDPOINT_URLS}:inspect", **kwargs)


# Registered first, before anything asks Wagtail for these models' policies.
register_permission_policy(WebhookEndpoint, EndpointPermissionPolicy(WebhookEndpoint))
register_permission_policy(WebhookDelivery, DeliveryPermissionPolicy(WebhookDelivery))
register_snippet(WebhookEndpointViewSet)
register_snippet(WebhookDeliveryViewSet)
