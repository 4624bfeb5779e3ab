"""``manage.py seed_demo`` on an empty database: its default password and its refusals."""

from django.core.management.base import CommandError
from django.http import HttpRequest
from django.test import Client

from wagtail.models import Site

import pytest

from courses.models import CourseCatalogue, CoursePage, HomePage
from demo.organisation import DEFAULT_PASSWORD
from demo.site import ensure_site_structure
from people.models import User
from tests.demo.test_seed_demo import _seed

pytestmark = [pytest.mark.seed, pytest.mark.django_db]


def test_seed_without_password_uses_the_default_and_prints_it(db):
    output = _seed()
    assert CoursePage.objects.live().count() >= 2
    assert DEFAULT_PASSWORD in output
    # The lockout backend wants a request with every authenticate() call.
    assert Client().login(request=HttpRequest(), username="staff", password=DEFAULT_PASSWORD)


def test_seed_refuses_a_weak_password_and_creates_nothing(db):
    with pytest.raises(CommandError):
        _seed(password="123")
    assert not User.objects.filter(username="staff").exists()
    assert not CoursePage.objects.exists()


def test_ensure_site_structure_builds_home_and_catalogue_once(db):
    home, catalogue = ensure_site_structure()
    assert isinstance(home, HomePage) and isinstance(catalogue, CourseCatalogue)
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert catalogue.url == "/courses/"
    again = ensure_site_structure()
    assert (again[0].pk, again[1].pk) == (home.pk, catalogue.pk)
