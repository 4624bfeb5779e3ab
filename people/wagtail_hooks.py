from django.core.exceptions import FieldDoesNotExist
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from elearning.permissions import PermissionCheckedChooserViewSet
from people.admin_views import RosterApplyView, RosterUploadView, can_import_roster
from people.homepage_panels import RosterLastImportedPanel
from people.models import Department, PartnerOrganisation
from people.partner_admin import PartnerOrganisationPermissionPolicy, PartnerOrganisationViewSet
from people.viewsets import StaffSetActiveStateBulkAction, SuperuserAssignRoleBulkAction

# After Wagtail's own (order 0), so these replace its user bulk actions of the same name.
hooks.register("register_bulk_action", SuperuserAssignRoleBulkAction, order=10)
hooks.register("register_bulk_action", StaffSetActiveStateBulkAction, order=10)


class EditedFieldsFormatter(LogFormatter):
    """Wagtail's "Edited", naming the fields when the entry records them (user edits do)."""

    label = _("Edit")

    def format_message(self, log_entry):
        fields = (log_entry.data or {}).get("fields")
        if not fields:
            return _("Edited")
        model = log_entry.content_type.model_class()
        names = []
        for name in fields:
            try:
                names.append(str(model._meta.get_field(name).verbose_name))
            except FieldDoesNotExist:  # a field since removed
                names.append(name)
        return _("Edited: %(fields)s") % {"fields": ", ".join(names)}


@hooks.register("register_log_actions", order=10)
def register_edited_fields_formatter(actions):
    actions.register_action("wagtail.edit")(EditedFieldsFormatter)
    # Wagtail registered "wagtail.edit" already: keep one entry in the history filters.
    first = actions.choices.index(("wagtail.edit", actions.formatters["wagtail.edit"].label))
    actions.choices[:] = [c for i, c in enumerate(actions.choices) if c[0] != "wagtail.edit" or i == first]


class DepartmentViewSet(SnippetViewSet):
    model = Department
    chooser_viewset_class = PermissionCheckedChooserViewSet
    icon = "group"
    menu_label = _("Departments")
    add_to_admin_menu = True
    menu_order = 400
    list_display = ["name"]
    search_fields = ["name"]


register_snippet(DepartmentViewSet)
# The policy first, before anything asks Wagtail for the model's: never deleted.
register_permission_policy(PartnerOrganisation, PartnerOrganisationPermissionPolicy(PartnerOrganisation))
register_snippet(PartnerOrganisationViewSet)


@hooks.register("register_admin_urls")
def register_roster_upload_url():
    return [
        path("staff/import/", RosterUploadView.as_view(), name="people_roster_upload"),
        path(
            "staff/import/<int:roster_import_id>/apply/",
            RosterApplyView.as_view(),
            name="people_roster_apply",
        ),
    ]


class RosterUploadMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import_roster(request.user)


@hooks.register("register_settings_menu_item")
def register_roster_upload_menu_item():
    return RosterUploadMenuItem(
        _("Import staff roster"),
        reverse("people_roster_upload"),
        name="import-staff-roster",
        icon_name="upload",
        order=610,
    )


@hooks.register("construct_homepage_panels")
def add_roster_last_imported_panel(request, panels):
    if can_import_roster(request.user):
        panels.append(RosterLastImportedPanel())
