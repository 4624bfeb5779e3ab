"""The admin's download of a course's SCORM 1.2 package: a button on the course page in the
page explorer, for the people who may edit that course (Editors, Reviewers, superusers), who
could read everything in the package in the editor already."""

import tempfile

from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.menus.pages import PageMenuItem

from courses.models import CoursePage
from courses.scorm.export import NotExportable, write_scorm12

URL_NAME = "courses_scorm_export"


def may_export(user, course):
    return course.permissions_for_user(user).can_edit()


@require_GET
def download_scorm12(request, course_id):
    course = get_object_or_404(CoursePage.objects.select_related("locale"), pk=course_id)
    if not may_export(request.user, course):
        return permission_denied(request)
    # Held in memory while small, on disk when a course has many images.
    package = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 (closed by the response)
    try:
        write_scorm12(course, package)
    except NotExportable as error:
        package.close()
        messages.error(request, str(error))
        return redirect("wagtailadmin_explore", course.pk)
    package.seek(0)
    filename = f"{course.course_code or course.slug}-{course.locale.language_code}-scorm12.zip"
    return FileResponse(package, as_attachment=True, filename=filename, content_type="application/zip")


urlpatterns = [path("courses/<int:course_id>/scorm12/", download_scorm12, name=URL_NAME)]


class ScormExportButton(PageMenuItem):
    label = _("Download SCORM 1.2 package")
    icon_name = "download"
    priority = 90

    @property
    def url(self):
        return reverse(URL_NAME, args=[self.page.pk])

    def is_shown(self, user):
        return may_export(user, self.page)


def course_buttons(page, user, next_url=None, view_name=None):
    """For the page listing's "more" menu and the page header: courses only."""
    if issubclass(page.specific_class or type(page), CoursePage):  # no query: the content type is cached
        yield ScormExportButton(page=page)
