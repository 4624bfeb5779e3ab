from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """Partner organisations' people as learners: invitations, self-registration with email
    verification, and their focal points' completion report. The organisations themselves
    (``people.PartnerOrganisation``) live with the people, so every staff rule can leave
    partners out without importing this app."""

    name = "partners"
    verbose_name = _("Partner organisations")
