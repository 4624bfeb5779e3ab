"""*Erase personal data…* on a staff member's admin page (HR admins and superusers): a
confirmation page shows what will happen (the dry run's report) and asks for the person's
employee ID (or username, if they have none) typed exactly; only then is anything erased."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from people.models import User
from records.privacy.erasure import ErasureRefused, Via, can_erase, erase_person, is_erased, refusal


def confirmation_text(person):
    """What HR types to confirm: the employee ID, or the username of someone without one."""
    return person.employee_id or person.username


class EraseConfirmForm(forms.Form):
    confirmation = forms.CharField(label=_("Type the employee ID to confirm"), max_length=200)
    deactivate = forms.BooleanField(
        label=_("This person is active staff: also deactivate the account"),
        required=False,
    )

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person
        if person.employee_id:
            self.fields["confirmation"].help_text = _("Type %(text)s exactly.") % {"text": person.employee_id}
        else:
            self.fields["confirmation"].label = _("Type the username to confirm")
            self.fields["confirmation"].help_text = _("Type %(text)s exactly.") % {"text": person.username}
        if not person.is_active:
            del self.fields["deactivate"]
        else:
            self.fields["deactivate"].required = True

    def clean_confirmation(self):
        typed = self.cleaned_data["confirmation"]
        if typed != confirmation_text(self.person):
            raise forms.ValidationError(_("This does not match. Nothing was erased."))
        return typed


class ErasePersonView(WagtailAdminTemplateMixin, FormView):
    form_class = EraseConfirmForm
    template_name = "records/admin/erase_person.html"
    page_title = _("Erase personal data")
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not can_erase(request.user):
            raise PermissionDenied
        self.person = get_object_or_404(User, pk=kwargs["user_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.person)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "person": self.person}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.person
        context.update(
            person=person,
            erased=is_erased(person),
            refused=refusal(person, force=True),
            account_url=reverse("wagtailusers_users:edit", args=[person.pk]),
        )
        if not context["erased"] and not context["refused"]:
            context["report"] = erase_person(person, force=True, dry_run=True)
        return context

    def form_valid(self, form):
        person = self.person
        if is_erased(person):
            messages.info(
                self.request, _("This person's personal data was already erased; nothing was changed.")
            )
            return redirect("wagtailusers_users:edit", person.pk)
        try:
            report = erase_person(
                person,
                by=self.request.user,
                force=bool(form.cleaned_data.get("deactivate")),
                reason=Via.ADMIN,
                request=self.request,
            )
        except ErasureRefused as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, report.summary())
        return redirect("wagtailusers_users:edit", person.pk)
