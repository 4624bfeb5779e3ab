"""Settings › Partner invitations: HR admins invite a partner organisation's people.

Creating an invitation shows its link once, in the page that answers the form (never stored,
never in a URL, message or log: only its hash is kept). Revoking is a POST and final.
Permissions: partners.view_invitation (the list), add_invitation (create), change_invitation
(revoke)."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from partners.models import Invitation
from people.models import PartnerOrganisation
from security.log import Action, record


class InvitationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Partner organisation"),
        queryset=PartnerOrganisation.objects.filter(is_active=True),
    )
    days = forms.IntegerField(
        label=gettext_lazy("Valid for (days)"),
        initial=14,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    max_uses = forms.IntegerField(
        label=gettext_lazy("Number of people"),
        initial=1,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=gettext_lazy("1: a link for one person. More: a link that many people may use."),
    )


def status_label(invitation):
    if invitation.is_revoked:
        return _("Revoked")
    if invitation.used_count >= invitation.max_uses:
        return _("Used up")
    if invitation.expires_at <= timezone.now():
        return _("Expired")
    return _("Active")


class InvitationsView(WagtailAdminTemplateMixin, TemplateView):
    """The invitations, newest first, and the form for a new one."""

    template_name = "partners/admin/invitations.html"
    page_title = gettext_lazy("Partner invitations")
    header_icon = "mail"
    http_method_names = ["get", "head", "post"]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("partners.view_invitation"):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        invitations = list(
            Invitation.objects.select_related("organisation", "created_by").order_by("-created_at")[:200]
        )
        for invitation in invitations:
            invitation.status = status_label(invitation)
        context.update(
            invitations=invitations,
            form=form or InvitationForm(),
            can_add=self.request.user.has_perm("partners.add_invitation"),
            can_revoke=self.request.user.has_perm("partners.change_invitation"),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("partners.add_invitation"):
            return permission_denied(request)
        form = InvitationForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        invitation, token = Invitation.create(
            form.cleaned_data["organisation"],
            created_by=request.user,
            days=form.cleaned_data["days"],
            max_uses=form.cleaned_data["max_uses"],
        )
        record(
            Action.PARTNER_INVITATION_CREATED,
            request=request,
            obj=invitation.organisation,
            invitation=invitation.pk,
            max_uses=invitation.max_uses,
            expires_at=invitation.expires_at.isoformat(),
        )
        context = WagtailAdminTemplateMixin.get_context_data(self)
        context.update(
            invitation=invitation,
            link=request.build_absolute_uri(reverse("partners:join", args=[token])),
            index_url=reverse("partners_invitations"),
        )
        response = TemplateResponse(request, "partners/admin/invitation_created.html", context)
        add_never_cache_headers(response)  # the link is shown once: not kept by the browser
        return response


@require_POST
def revoke(request, pk):
    if not request.user.has_perm("partners.change_invitation"):
        return permission_denied(request)
    invitation = get_object_or_404(Invitation, pk=pk)
    if not invitation.is_revoked:
        invitation.revoke()
        record(
            Action.PARTNER_INVITATION_REVOKED,
            request=request,
            obj=invitation.organisation,
            invitation=invitation.pk,
        )
    messages.success(request, _("The invitation was revoked: its link no longer works."))
    return redirect("partners_invitations")
