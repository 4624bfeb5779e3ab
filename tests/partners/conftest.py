"""Partner learners: Digital Rights Network, whose people register at partners.example.org;
nadia, one of them; and three courses, one for each audience, each with a module and a quiz."""

from django.test import Client

import pytest

from courses.models import CoursePage
from people.models import PartnerOrganisation
from tests.factories import UserFactory, add_quiz, make_course, make_module, paragraph


@pytest.fixture
def network(db):
    return PartnerOrganisation.objects.create(
        name="Digital Rights Network", country="Kenya", email_domains=["Partners.Example.org"]
    )


@pytest.fixture
def nadia(network):
    return UserFactory(
        username="nadia",
        email="nadia@partners.example.org",
        full_name="Nadia Otieno",
        employee_id=None,
        partner_organisation=network,
    )


@pytest.fixture
def nadia_client(nadia):
    client = Client()
    client.force_login(nadia)
    return client


def _course(catalogue, open_to, title, code):
    course = make_course(catalogue, title=title, course_code=code, open_to=open_to)
    module = make_module(course, title=f"{title} basics", body=[paragraph(f"<p>Inside {title}.</p>")])
    return course, add_quiz(module, pass_mark=50)


@pytest.fixture
def courses(catalogue):
    """{"staff" | "partners" | "public": (course, module with a quiz)}."""
    return {
        "staff": _course(catalogue, CoursePage.OpenTo.STAFF, "Internal security briefing", "SEC-101"),
        "partners": _course(catalogue, CoursePage.OpenTo.PARTNERS, "Campaigning with creators", "PAR-101"),
        "public": _course(catalogue, CoursePage.OpenTo.PUBLIC, "Telling rights stories", "PUB-101"),
    }
