from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.home import RecentEditsPanel
from wagtail.admin.widgets import Button

from courses.dashboard import editor_panels
from courses.models import CourseCatalogue, CoursePage
from courses.packages.access import can_export_course, can_import_packages
from courses.packages.views import ConfirmImportView, ExportPackageView, ImportPackageView
from courses.reports import TranslationLagReportView, writes_pages
from courses.scorm import admin as scorm_admin

report_urls = [
    path("", TranslationLagReportView.as_view(), name="translation_lag"),
    path("results/", TranslationLagReportView.as_view(results_only=True), name="translation_lag_results"),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/translations-behind/", include((report_urls, "courses_reports")))]


class TranslationLagMenuItem(MenuItem):
    def is_shown(self, request):
        return writes_pages(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_lag_menu_item():
    return TranslationLagMenuItem(
        _("Translations behind their source"),
        reverse("courses_reports:translation_lag"),
        name="translations-behind",
        icon_name="globe",
        order=1310,
    )


@hooks.register("construct_homepage_panels")
def add_editor_panels(request, panels):
    """Editors' and reviewers' panels (courses.dashboard), for people who write pages only;
    Wagtail's *Your most recent edits* gives way to *Your drafts* and *Recently published*."""
    if not writes_pages(request.user):
        return
    panels[:] = [panel for panel in panels if not isinstance(panel, RecentEditsPanel)]
    panels.extend(editor_panels())


# --- SCORM 1.2 export (courses.scorm.admin) ---------------------------------------------------
@hooks.register("register_admin_urls")
def register_scorm_urls():
    return scorm_admin.urlpatterns


@hooks.register("register_page_header_buttons")
def scorm_header_button(page, user, view_name, next_url=None):
    return scorm_admin.course_buttons(page, user, next_url, view_name)


@hooks.register("register_page_listing_more_buttons")
def scorm_listing_button(page, user, next_url=None):
    return scorm_admin.course_buttons(page, user, next_url)


package_urls = [
    path("import/", ImportPackageView.as_view(), name="import"),
    path("import/confirm/", ConfirmImportView.as_view(), name="confirm"),
    path("export/<int:page_id>/", ExportPackageView.as_view(), name="export"),
]


@hooks.register("register_admin_urls")
def register_package_urls():
    return [path("course-packages/", include((package_urls, "courses_packages")))]


@hooks.register("register_page_header_buttons")
def package_buttons(page, user, view_name=None, next_url=None):
    """*Export package* on a course, *Import a course package* on a catalogue."""
    specific_class = page.specific_class
    if specific_class is CoursePage and can_export_course(user, page):
        yield Button(
            _("Export package"),
            reverse("courses_packages:export", args=[page.pk]),
            icon_name="download",
            priority=80,
        )
    elif specific_class is CourseCatalogue and can_import_packages(user):
        yield Button(
            _("Import a course package"), reverse("courses_packages:import"), icon_name="upload", priority=80
        )
