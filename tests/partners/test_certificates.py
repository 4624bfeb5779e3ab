"""A partner learner's certificate names their organisation; a staff member's does not."""

from django.test import Client
from django.urls import reverse

from records.certificates import certificate_lines
from records.models import CourseCompletion
from records.services import progress
from tests.factories import take_quiz


def _complete(user, courses):
    course, module = courses["partners"]
    take_quiz(user, module, course)
    progress.mark_module_read(user, module, course)
    return CourseCompletion.objects.get(user=user)


def test_the_certificate_and_its_check_page_name_the_organisation(courses, nadia, nadia_client):
    completion = _complete(nadia, courses)
    lines = certificate_lines(completion, "https://example.org/check")
    assert ("affiliation", "of Digital Rights Network") in lines
    check = Client().get(reverse("certificates:verify", args=[completion.certificate_id]))
    assert check.status_code == 200
    assert "Digital Rights Network" in check.content.decode()
    pdf = nadia_client.get(reverse("certificates:download", args=[completion.certificate_id]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_a_staff_certificate_names_no_organisation(courses, amira):
    completion = _complete(amira, courses)
    assert not [line for line in certificate_lines(completion, "x") if line[0] == "affiliation"]
    check = Client().get(reverse("certificates:verify", args=[completion.certificate_id]))
    assert "certificate-organisation" not in check.content.decode()
