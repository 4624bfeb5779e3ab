"""Partner organisations in the admin (HR admins and Partnerships): the list with member
counts, the form where allowed email domains are edited one per line, focal points chosen
among the organisation's own members, and the members of each. Organisations are never
deleted, only switched off: their people's records keep pointing at them."""

import re

from django import forms
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import InspectView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet

from elearning.permissions import LimitedPermissionPolicy, PermissionCheckedChooserViewSet
from people.models import PartnerOrganisation, User

# A hostname of at least two labels, each of letters, digits and inner hyphens, the last
# alphabetic (internationalised names in their "xn--" form).
DOMAIN = re.compile(
    r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$"
)


class PartnerOrganisationPermissionPolicy(LimitedPermissionPolicy):
    """Add, change (which includes switching off) and view; never delete."""

    actions = frozenset({"add", "change", "view"})


def can_manage_partners(user):
    """HR admins, Partnerships and superusers: the organisations and their reports."""
    return (
        user.is_authenticated
        and user.is_active
        and ModelPermissionPolicy(PartnerOrganisation).user_has_any_permission(user, ["view", "change"])
    )


def staff_domains(domains):
    """Those of ``domains`` some staff member's email is at, in one query."""
    if not domains:
        return set()
    at = Q()
    for domain in domains:
        at |= Q(email__iendswith=f"@{domain}")
    emails = User.objects.staff().filter(at).values_list("email", flat=True)
    return {email.rsplit("@", 1)[-1].lower() for email in emails} & set(domains)


class DomainsField(forms.CharField):
    """A list of domains, one per line in a textarea."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value):
        lines = super().to_python(value) or ""
        return [line.strip().lower() for line in lines.splitlines() if line.strip()]


class PartnerOrganisationForm(WagtailAdminModelForm):
    email_domains = DomainsField(
        label=_("Allowed email domains"),
        required=False,
        help_text=_(
            "One per line, without '@' (voices.example). People with an address there may "
            "register themselves. Leave empty for invitations only."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        focal = self.fields["focal_points"]
        # Focal points are the organisation's own active members: a new one has none yet.
        focal.queryset = (
            User.objects.filter(partner_organisation=self.instance, is_active=True).order_by("full_name")
            if self.instance.pk
            else User.objects.none()
        )
        focal.widget = forms.CheckboxSelectMultiple()
        focal.widget.choices = focal.choices
        focal.help_text = _("Members who see this organisation's completion report.")

    def clean_email_domains(self):
        domains = self.cleaned_data["email_domains"]
        errors = []
        for domain in domains:
            if "@" in domain:
                errors.append(_("“%(domain)s”: write the domain only, without '@'.") % {"domain": domain})
            elif not DOMAIN.match(domain):
                errors.append(_("“%(domain)s” is not a valid domain.") % {"domain": domain})
        repeated = sorted({domain for domain in domains if domains.count(domain) > 1})
        if repeated:
            errors.append(_("Listed twice: %(domains)s.") % {"domains": ", ".join(repeated)})
        others = PartnerOrganisation.objects.exclude(pk=self.instance.pk).values_list("name", "email_domains")
        for name, theirs in others:
            for domain in sorted(set(domains) & set(theirs or ())):
                errors.append(
                    _("“%(domain)s” already belongs to %(organisation)s.")
                    % {"domain": domain, "organisation": name}
                )
        for domain in sorted(staff_domains(list(dict.fromkeys(domains)))):
            errors.append(
                _("“%(domain)s” is a staff email domain: staff are not partners.") % {"domain": domain}
            )
        if errors:
            raise forms.ValidationError(errors)
        return list(dict.fromkeys(domains))


class PartnerOrganisationInspectView(InspectView):
    """The organisation and its members: where partner learners are listed (the staff
    screens list staff only)."""

    template_name = "people/admin/partner_organisation_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        focal = set(self.object.focal_points.values_list("pk", flat=True))
        members = list(
            self.object.members.order_by("-is_active", "full_name", "username").only(
                "pk", "full_name", "username", "email", "is_active", "last_login", "erased_at"
            )
        )
        for member in members:
            member.is_focal_point = member.pk in focal
        context["members"] = members
        return context


def members_count():
    people = (
        User.objects.filter(partner_organisation=OuterRef("pk"), is_active=True)
        .order_by()
        .values("partner_organisation")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(people, output_field=IntegerField()), 0)


def focal_points_count():
    through = PartnerOrganisation.focal_points.through
    rows = (
        through.objects.filter(partnerorganisation_id=OuterRef("pk"))
        .order_by()
        .values("partnerorganisation_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


class PartnerOrganisationViewSet(SnippetViewSet):
    model = PartnerOrganisation
    chooser_viewset_class = PermissionCheckedChooserViewSet
    icon = "globe"
    menu_label = _("Partner organisations")
    menu_name = "partner-organisations"
    add_to_admin_menu = True
    menu_order = 410
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = PartnerOrganisationInspectView
    add_to_reference_index = False
    search_fields = ["name", "country"]
    search_backend_name = None
    list_filter = ["is_active", "country"]
    list_per_page = 50
    list_display = [
        "name",
        Column("country", label=_("Country")),
        Column("member_count", label=_("Members"), sort_key="member_count"),
        Column("focal_point_count", label=_("Focal points")),
        Column("domains", label=_("Email domains"), accessor=lambda o: ", ".join(o.email_domains or ())),
        BooleanColumn("is_active", label=_("Active")),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("country"),
            FieldPanel("email_domains"),
            FieldPanel("focal_points"),
            FieldPanel("is_active"),
        ],
        base_form_class=PartnerOrganisationForm,
    )

    def get_queryset(self, request):
        return PartnerOrganisation.objects.annotate(
            member_count=members_count(), focal_point_count=focal_points_count()
        )

    def get_permissions_to_register(self):
        codenames = ["add_partnerorganisation", "change_partnerorganisation", "view_partnerorganisation"]
        return super().get_permissions_to_register().filter(codename__in=codenames)
