"""The staff roster upload in the Wagtail admin, for HR admins."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from people.access import can_manage_roles
from people.roster import import_roster

REQUIRED_PERMISSIONS = ("people.add_user", "people.change_user")
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def can_import_roster(user):
    return user.is_active and user.has_perms(REQUIRED_PERMISSIONS)


class RosterUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Roster file (CSV)"),
        help_text=_(
            "UTF-8 CSV with a header row: employee_id, email, full_name, department, country, "
            "manager_employee_id, preferred_language, start_date (YYYY-MM-DD), active."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: check the file and show what would change, without saving"),
        required=False,
        initial=True,
    )
    deactivate_missing = forms.BooleanField(
        label=_("Deactivate active people who are not in the file"),
        help_text=_(
            "Nobody is deleted. Superusers and accounts without an employee ID are never deactivated."
        ),
        required=False,
    )
    skip_invalid = forms.BooleanField(
        label=_("Save the valid rows even if some rows have errors"),
        required=False,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload


class RosterUploadView(WagtailAdminTemplateMixin, FormView):
    form_class = RosterUploadForm
    template_name = "people/roster_upload.html"
    page_title = _("Import staff roster")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not can_import_roster(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse_lazy("people_roster_upload"), "label": self.page_title},
        ]

    def form_valid(self, form):
        options = {
            name: form.cleaned_data[name] for name in ("dry_run", "deactivate_missing", "skip_invalid")
        }
        result = import_roster(
            form.cleaned_data["file"].read(),
            protect_admin_accounts=not can_manage_roles(self.request.user),
            **options,
        )
        return self.render_to_response(self.get_context_data(form=form, result=result))
