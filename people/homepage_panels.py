"""The HR dashboard's "Roster last imported" panel (Wagtail's construct_homepage_panels hook,
registered in people/wagtail_hooks.py)."""

from wagtail.admin.ui.components import Component

from people.roster_imports import last_applied


class RosterLastImportedPanel(Component):
    name = "roster_last_imported"
    template_name = "people/roster_panel.html"
    # After the organisation panel (records, order 100-199) and before Wagtail's own lists.
    order = 200

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["roster_import"] = last_applied()
        return context
