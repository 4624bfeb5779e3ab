"""The admin as the platform's own (its name and mark are in templates/wagtailadmin/): Wagtail's
editor guide and release notes are for the people who edit pages, not for managers and HR."""

from wagtail import hooks

from elearning.permissions import edits_pages

# Wagtail's Help menu items that speak of editing pages in Wagtail (the "Shortcuts" item stays).
WAGTAIL_EDITING_HELP = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("construct_help_menu")
def help_for_editors_only(request, menu_items):
    if not edits_pages(request.user):
        menu_items[:] = [item for item in menu_items if not item.name.startswith(WAGTAIL_EDITING_HELP)]
