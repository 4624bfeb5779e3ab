"""Partner organisations and their people for the partner administration tests."""

from people.models import PartnerOrganisation
from tests.factories import UserFactory


def make_organisation(name="Voices Collective", domains=("voices.example",), **fields):
    return PartnerOrganisation.objects.create(name=name, email_domains=list(domains), **fields)


def make_partner(organisation, username, **fields):
    fields.setdefault("email", f"{username}@{(organisation.email_domains or ['partner.example'])[0]}")
    fields.setdefault("full_name", username.title())
    fields.setdefault("employee_id", None)  # partners are not on the HR roster
    return UserFactory(username=username, partner_organisation=organisation, **fields)
