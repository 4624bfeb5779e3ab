"""The admin's "Revoke" action, for records that are part of the audit trail and so are
revoked, never deleted (API clients, course completions): the page that asks for
confirmation (and whatever its form needs, such as a reason), the Wagtail log entry, and
the "Revoke" entries in the listing and on the record's own page.

A model offers it through an ``is_revoked`` attribute; its ``SnippetViewSet`` takes
``RevokeViewSetMixin`` with a ``RevokeView`` subclass that says how to revoke one."""

from django import forms
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.generic import FormView

from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button
from wagtail.log_actions import log


class AlreadyRevoked(Exception):
    """Raised by ``RevokeView.revoke`` when, under its lock, the record turns out to have
    been revoked meanwhile."""


class RevokeView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """GET shows what will be revoked and changes nothing; POST (with CSRF, and a valid
    form) revokes, in one transaction with the log entry ``log_action``.

    A subclass sets ``template_name``, ``page_title``, ``log_action`` and
    ``already_revoked_message``, and defines ``revoke(form)`` and
    ``get_success_message(record)``. ``revoke`` raises ``ValidationError`` to refuse (shown
    on the form) or ``AlreadyRevoked``."""

    model = None
    form_class = forms.Form  # a bare confirmation, unless the subclass asks for more
    header_icon = "warning"
    log_action = None
    already_revoked_message = None
    index_url_name = None
    edit_url_name = None
    inspect_url_name = None

    def get_queryset(self):
        return self.model._default_manager.all()

    @cached_property
    def object(self):
        return get_object_or_404(self.get_queryset(), pk=unquote(str(self.kwargs["pk"])))

    @cached_property
    def record_url(self):
        """The record's own page (its inspect page where it has one), where Cancel leads."""
        return reverse(self.inspect_url_name or self.edit_url_name, args=(quote(self.object.pk),))

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": capfirst(self.model._meta.verbose_name_plural)},
            {"url": self.record_url, "label": str(self.object)},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_success_url(self):
        return self.record_url

    def get(self, request, *args, **kwargs):
        if self.object.is_revoked:
            return self.already_revoked()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.object.is_revoked:
            return self.already_revoked()
        return super().post(request, *args, **kwargs)

    def already_revoked(self):
        messages.warning(self.request, self.already_revoked_message)
        return redirect(self.get_success_url())

    def revoke(self, form):
        """Revokes ``self.object`` (inside the view's transaction) and returns it. Every
        subclass defines it (RevokeClientView, RevokeCompletionView)."""
        raise NotImplementedError(f"{type(self).__name__} must say how to revoke one record.")

    def get_log_data(self, form):
        return None

    def get_success_message(self, record):
        raise NotImplementedError(f"{type(self).__name__} must say what revoking did.")

    def form_valid(self, form):
        try:
            with transaction.atomic():
                record = self.revoke(form)
                log(
                    instance=record,
                    action=self.log_action,
                    user=self.request.user,
                    data=self.get_log_data(form),
                )
        except AlreadyRevoked:
            return self.already_revoked()
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, self.get_success_message(record))
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(object=self.object, record_url=self.record_url)
        return context


class OffersRevoke:
    """For a viewset's views: the URL of a record's revoke page, if the user may revoke it
    and it is not revoked yet."""

    revoke_url_name = None
    revoke_permission = None

    def get_revoke_url(self, record):
        if (
            self.revoke_url_name
            and not record.is_revoked
            and self.user_has_permission(self.revoke_permission)
        ):
            return reverse(self.revoke_url_name, args=(quote(record.pk),))
        return None


class RevokeInListingMixin(OffersRevoke):
    """For the index view: "Revoke" among each row's actions."""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if url := self.get_revoke_url(instance):
            buttons.append(MenuItem(_("Revoke"), url=url, icon_name="warning", priority=40))
        return buttons


class RevokeInHeaderMixin(OffersRevoke):
    """For the record's own page (edit or inspect): "Revoke" in its header's actions."""

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if url := self.get_revoke_url(self.object):
            buttons.append(Button(_("Revoke"), url=url, icon_name="warning", priority=30))
        return buttons


class RevokeViewSetMixin:
    """For a ``SnippetViewSet``: ``revoke/<pk>/`` served by ``revoke_view_class``, which
    needs ``revoke_permission``, and the names both give to the views that offer it."""

    revoke_view_class = None
    revoke_permission = "revoke"

    def get_common_view_kwargs(self, **kwargs):
        # Only views with these attributes receive them (ViewSet.construct_view).
        return super().get_common_view_kwargs(
            revoke_url_name=self.get_url_name("revoke"), revoke_permission=self.revoke_permission, **kwargs
        )

    @property
    def revoke_view(self):
        return self.construct_view(self.revoke_view_class, permission_required=self.revoke_permission)

    def get_urlpatterns(self):
        # A numeric key's URL takes only digits, so anything else is a 404 before any query.
        converter = "int" if isinstance(self.model._meta.pk, models.IntegerField) else "str"
        return [
            *super().get_urlpatterns(),
            path(f"revoke/<{converter}:pk>/", self.revoke_view, name="revoke"),
        ]
