"""The admin's side of course packages: a course's *Export package* download, and the
upload that previews an import (a dry run) before *Import now* applies the same file."""

import contextlib
import io
import secrets
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from courses.models import CoursePage
from courses.packages.access import can_export_course, can_import_packages
from courses.packages.errors import PackageError
from courses.packages.export import write_package
from courses.packages.importer import import_package
from courses.packages.manifest import sha256
from courses.packages.safety import MAX_TOTAL_BYTES

MAX_UPLOAD_BYTES = MAX_TOTAL_BYTES
# An uploaded package waits here between the preview and *Import now*, at most this long.
PENDING_SECONDS = 3600
SESSION_KEY = "course_packages_pending"


# In the uploads' storage, not on this server's disk: with several app servers (object
# storage, README) *Import now* may reach another server than the preview did. The name is
# an unguessable token, and the session holds the hash of the file it previewed.
PENDING_FOLDER = "course-packages/pending"


def pending_name(token):
    return f"{PENDING_FOLDER}/{token}.zip"


def _forget_old():
    cutoff = timezone.now() - timedelta(seconds=PENDING_SECONDS)
    with contextlib.suppress(OSError, NotImplementedError):
        for name in default_storage.listdir(PENDING_FOLDER)[1]:
            path = f"{PENDING_FOLDER}/{name}"
            with contextlib.suppress(OSError, NotImplementedError):
                if default_storage.get_modified_time(path) < cutoff:
                    default_storage.delete(path)


class ExportPackageView(View):
    def get(self, request, page_id):
        course = get_object_or_404(CoursePage, pk=page_id)
        if not can_export_course(request.user, course):
            raise PermissionDenied
        if not course.live:
            messages.error(request, _("A package holds published pages only: publish the course first."))
            return redirect("wagtailadmin_explore", course.pk)
        response = HttpResponse(content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{course.course_code}-package.zip"'
        write_package(course, response)
        return response


class PackageUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Course package (ZIP)"),
        help_text=_(
            "A package exported with Export package or export_course. You will see what it "
            "creates and updates before anything is saved."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s MB.") % {"limit": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        return upload


class ImportPackageView(WagtailAdminTemplateMixin, FormView):
    form_class = PackageUploadForm
    template_name = "courses/packages/import.html"
    page_title = _("Import a course package")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not can_import_packages(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse_lazy("courses_packages:import"), "label": self.page_title},
        ]

    def form_valid(self, form):
        data = form.cleaned_data["file"].read()
        try:
            report = import_package(io.BytesIO(data), user=self.request.user, dry_run=True)
        except PackageError as refusal:
            form.add_error("file", str(refusal))
            return self.form_invalid(form)
        _forget_old()
        token = secrets.token_urlsafe(24)
        default_storage.save(pending_name(token), ContentFile(data))
        pending = self.request.session.get(SESSION_KEY, {})
        pending[token] = sha256(data)
        self.request.session[SESSION_KEY] = pending
        return self.render_to_response(self.get_context_data(form=form, report=report, token=token))


class ConfirmImportView(View):
    """*Import now* (POST, CSRF): the previewed file, imported; then to the course."""

    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        if not can_import_packages(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def post(self, request):
        token = request.POST.get("token", "")
        pending = request.session.get(SESSION_KEY, {})
        path = pending_name(token)
        if token not in pending or not default_storage.exists(path):
            messages.error(request, _("That package is no longer waiting to be imported: upload it again."))
            return redirect("courses_packages:import")
        with default_storage.open(path, "rb") as file:
            data = file.read()
        try:
            if sha256(data) != pending[token]:  # not the file previewed: upload it again
                raise PackageError(_("the file changed since the preview."))
            report = import_package(io.BytesIO(data), user=request.user)
        except PackageError as refusal:
            messages.error(request, _("The package was not imported: %(reason)s") % {"reason": refusal})
            return redirect("courses_packages:import")
        finally:
            pending.pop(token, None)
            request.session[SESSION_KEY] = pending
            with contextlib.suppress(OSError):
                default_storage.delete(path)
        messages.success(request, report.summary())
        course = CoursePage.objects.filter(course_code=report.course_code).order_by("pk").first()
        return redirect(
            reverse("wagtailadmin_explore", args=[course.pk]) if course else "courses_packages:import"
        )
