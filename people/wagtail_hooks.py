from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
