from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from partners import invitation_admin


@hooks.register("register_admin_urls")
def register_invitation_urls():
    return [
        path(
            "partners/invitations/", invitation_admin.InvitationsView.as_view(), name="partners_invitations"
        ),
        path(
            "partners/invitations/<int:pk>/revoke/",
            invitation_admin.revoke,
            name="partners_invitation_revoke",
        ),
    ]


class InvitationsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("partners.view_invitation")


@hooks.register("register_settings_menu_item")
def register_invitations_menu_item():
    return InvitationsMenuItem(
        _("Partner invitations"),
        reverse("partners_invitations"),
        name="partner-invitations",
        icon_name="mail",
        order=850,
    )
