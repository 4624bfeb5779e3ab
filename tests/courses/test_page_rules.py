"""Where each page type may be created: home > catalogue > course > module."""

from wagtail.models import Page

import pytest

from courses.models import CourseCatalogue, CoursePage, HomePage, ModulePage
from tests.factories import make_course


def test_module_can_only_be_created_under_a_course(home, catalogue, course):
    assert ModulePage.allowed_parent_page_models() == [CoursePage]
    assert ModulePage.can_create_at(course)


def test_module_cannot_be_created_under_catalogue(catalogue):
    assert not ModulePage.can_create_at(catalogue)


def test_module_cannot_be_created_under_home_or_root(home):
    assert not ModulePage.can_create_at(home)
    assert not ModulePage.can_create_at(Page.get_first_root_node())


def test_module_cannot_have_children(course):
    assert ModulePage.allowed_subpage_models() == []


def test_course_can_only_be_created_under_the_catalogue(home, catalogue, course):
    assert CoursePage.allowed_parent_page_models() == [CourseCatalogue]
    assert CoursePage.can_create_at(catalogue)
    assert not CoursePage.can_create_at(home)
    assert not CoursePage.can_create_at(course)
    assert not CoursePage.can_create_at(Page.get_first_root_node())


def test_course_children_are_modules_only():
    assert CoursePage.allowed_subpage_models() == [ModulePage]


def test_catalogue_can_only_live_under_home(home, catalogue, course):
    assert CourseCatalogue.allowed_parent_page_models() == [HomePage]
    assert CourseCatalogue.can_exist_under(home)
    assert not CourseCatalogue.can_exist_under(Page.get_first_root_node())
    assert not CourseCatalogue.can_create_at(course)
    assert not CourseCatalogue.can_create_at(catalogue)


def test_second_catalogue_cannot_be_created_under_home(home, catalogue):
    assert not CourseCatalogue.can_create_at(home)


def test_home_page_lives_under_wagtail_root_only(home, catalogue):
    assert HomePage.allowed_parent_page_models() == [Page]
    assert HomePage.can_exist_under(Page.get_first_root_node())
    assert not HomePage.can_exist_under(catalogue)
    assert HomePage.allowed_subpage_models() == [CourseCatalogue]


@pytest.mark.parametrize("method", ["get", "post"])
def test_admin_refuses_to_add_a_module_under_the_catalogue(superuser_client, catalogue, method):
    url = f"/admin/pages/add/courses/modulepage/{catalogue.pk}/"
    data = {
        "title": "Misplaced module",
        "slug": "misplaced-module",
        "estimated_minutes": "10",
        "body-count": "0",
        "action-publish": "action-publish",
    }
    response = getattr(superuser_client, method)(url, data if method == "post" else None)

    # Wagtail answers PermissionDenied with a redirect to the dashboard (or a 403).
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/admin/"
    assert not ModulePage.objects.exists()
    assert not catalogue.get_children().exists()


def test_admin_refuses_to_add_a_course_under_home(superuser_client, home):
    response = superuser_client.post(
        f"/admin/pages/add/courses/coursepage/{home.pk}/",
        {"title": "Misplaced course", "slug": "misplaced", "course_code": "MIS-001"},
    )
    assert response.status_code in (302, 403)
    assert not CoursePage.objects.exists()


def test_admin_offers_the_module_form_under_a_course(superuser_client, catalogue):
    course = make_course(catalogue)
    response = superuser_client.get(f"/admin/pages/add/courses/modulepage/{course.pk}/")
    assert response.status_code == 200
