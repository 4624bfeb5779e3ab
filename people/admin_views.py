"""The staff roster upload in the Wagtail admin, for HR admins: a dry run shows a per-person
preview with an *Import now* button that applies the stored file (people.roster_imports)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from people import roster_imports
from people.access import can_manage_roles
from people.models import User
from people.roster import new_person

REQUIRED_PERMISSIONS = ("people.add_user", "people.change_user")
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# A preview lists at most this many people per section (the counts are always complete).
PREVIEW_LIMIT = 1000


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
        upload = form.cleaned_data["file"]
        result, stored = roster_imports.run(
            upload.read(),
            user=self.request.user,
            file_name=upload.name,
            request=self.request,
            protect_admin_accounts=not can_manage_roles(self.request.user),
            **options,
        )
        context = self.get_context_data(form=form, result=result, preview=preview(result))
        if result.dry_run and stored is not None:
            context["import_now"] = stored
        return self.render_to_response(context)


class RosterApplyView(View):
    """*Import now*: applies a stored preview (POST, CSRF), then back to the upload screen
    with the outcome."""

    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        if not can_import_roster(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, roster_import_id):
        try:
            result, _stored = roster_imports.apply_preview(
                roster_import_id,
                request.user,
                request=request,
                protect_admin_accounts=not can_manage_roles(request.user),
            )
        except roster_imports.ImportRefused as refusal:
            messages.error(request, str(refusal))
        else:
            counts = result.summary()
            messages.success(
                request,
                _(
                    "The roster was imported: %(created)s created, %(updated)s changed, "
                    "%(deactivated)s deactivated, %(unchanged)s unchanged."
                )
                % counts,
            )
        return redirect("people_roster_upload")


# --- the preview, as the template shows it -------------------------------------------------


def label(name):
    return User._meta.get_field(name).verbose_name


def shown(name, value):
    """A plain value as HR reads it: languages by name, Yes/No, an empty value as a dash."""
    if name == "is_active":
        return _("Yes") if value else _("No")
    if name == "preferred_language":
        return dict(settings.LANGUAGES).get(value, value)
    return value if value not in ("", None) else "—"


def preview(result):
    """What a dry run would do, person by person (at most PREVIEW_LIMIT of each kind)."""
    new = []
    for user in result.created[:PREVIEW_LIMIT]:
        values = new_person(user, result)
        new.append({"employee_id": user.employee_id, **{k: shown(k, v) for k, v in values.items()}})
    changed = []
    for user in result.updated[:PREVIEW_LIMIT]:
        changes = result.changes.get(user.employee_id, {})
        changed.append(
            {
                "employee_id": user.employee_id,
                "name": user.full_name or user.username,
                "changes": [
                    {"label": label(name), "before": shown(name, before), "after": shown(name, after)}
                    for name, (before, after) in changes.items()
                ],
            }
        )
    deactivated = [
        {"employee_id": user.employee_id, "name": user.full_name or user.username, "email": user.email}
        for user in result.deactivated[:PREVIEW_LIMIT]
    ]
    return {
        "new": new,
        "changed": changed,
        "deactivated": deactivated,
        "limit": PREVIEW_LIMIT,
        "cut": any(
            len(people) > PREVIEW_LIMIT for people in (result.created, result.updated, result.deactivated)
        ),
    }
