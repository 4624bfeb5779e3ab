from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from people.admin_views import RosterUploadView, can_import_roster
from people.models import Department


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "group"
    menu_label = _("Departments")
    add_to_admin_menu = True
    menu_order = 400
    list_display = ["name"]
    search_fields = ["name"]


register_snippet(DepartmentViewSet)


@hooks.register("register_admin_urls")
def register_roster_upload_url():
    return [path("staff/import/", RosterUploadView.as_view(), name="people_roster_upload")]


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
