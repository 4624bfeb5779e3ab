"""Who sees which course (``CoursePage.open_to``): staff every course, partner learners those
open to partners or to everyone, signed-out visitors those open to everyone, everywhere a
course shows: the catalogue, search, the course and module pages, quizzes, enrolment, the
dashboard and certificates."""

from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

import pytest

from courses.models import CoursePage
from quizzes.models import Attempt
from records.models import CourseCompletion
from records.services import progress
from tests.factories import make_course, make_module, make_translation, publish, take_quiz


def _titles(response):
    return {course.title for course in response.context["courses"]}


def test_the_rule_on_its_own(courses, nadia, amira):
    staff, partners, public = (courses[key][0] for key in ("staff", "partners", "public"))
    everyone = set(CoursePage.objects.all())
    assert set(CoursePage.objects.open_to_user(amira)) == everyone
    assert set(CoursePage.objects.open_to_user(nadia)) == {partners, public}
    assert set(CoursePage.objects.open_to_user(AnonymousUser())) == {public}
    assert not staff.is_open_to(nadia) and partners.is_open_to(nadia) and public.is_open_to(nadia)
    assert staff.is_open_to(amira) and not partners.is_open_to(AnonymousUser())


def test_catalogue_lists_each_person_their_courses(courses, catalogue, nadia_client, amira_client):
    assert _titles(amira_client.get(catalogue.url)) == {
        "Internal security briefing",
        "Campaigning with creators",
        "Telling rights stories",
    }
    assert _titles(nadia_client.get(catalogue.url)) == {"Campaigning with creators", "Telling rights stories"}
    signed_out = Client().get(catalogue.url)
    assert signed_out.status_code == 200
    assert _titles(signed_out) == {"Telling rights stories"}
    assert "Internal security briefing" not in signed_out.content.decode()


def test_catalogue_queries_for_a_partner_do_not_grow_with_courses(
    catalogue, courses, nadia_client, django_assert_max_num_queries
):
    nadia_client.get(catalogue.url)
    with django_assert_max_num_queries(12) as captured:
        response = nadia_client.get(catalogue.url)
    bound = len(captured.captured_queries)
    for number in range(8):
        course = make_course(catalogue, title=f"Shared {number}", open_to=CoursePage.OpenTo.PARTNERS)
        make_module(course)
        make_course(catalogue, title=f"Internal {number}")
    nadia_client.get(catalogue.url)
    with django_assert_max_num_queries(bound):
        response = nadia_client.get(catalogue.url)
    assert len(response.context["courses"]) == 10


@pytest.mark.parametrize("which", ["course", "module"])
def test_a_partner_cannot_open_a_staff_only_course(courses, nadia_client, which):
    course, module = courses["staff"]
    page = course if which == "course" else module
    response = nadia_client.get(page.url)
    assert response.status_code == 404
    assert b"Inside Internal security briefing" not in response.content


def test_a_partner_reads_partner_and_public_courses(courses, nadia_client):
    for key in ("partners", "public"):
        course, module = courses[key]
        assert nadia_client.get(course.url).status_code == 200
        response = nadia_client.get(module.url)
        assert response.status_code == 200
        assert f"Inside {course.title}".encode() in response.content


def test_learning_actions_on_a_staff_only_course_are_not_found(courses, nadia, nadia_client):
    course, module = courses["staff"]
    posts = [
        reverse("quizzes:enrol", args=[course.pk]),
        reverse("quizzes:retake", args=[course.pk]),
        reverse("quizzes:mark_complete", args=[module.pk]),
        reverse("quizzes:start_quiz", args=[module.pk]),
        reverse("quizzes:save_reflection", args=[module.pk, "any"]),
    ]
    for url in posts:
        assert nadia_client.post(url, {"answer": "x"}).status_code == 404, url
    assert nadia_client.get(reverse("quizzes:course_complete", args=[course.pk])).status_code == 404
    assert not nadia.enrolments.exists()
    assert not Attempt.objects.filter(user=nadia).exists()


def test_an_attempt_on_a_course_closed_since_is_not_served(courses, nadia, nadia_client):
    course, module = courses["partners"]
    attempt = progress.start_quiz(nadia, module, course)
    assert nadia_client.get(reverse("quizzes:attempt", args=[attempt.pk])).status_code == 200
    course.open_to = CoursePage.OpenTo.STAFF
    course.save()
    assert nadia_client.get(reverse("quizzes:attempt", args=[attempt.pk])).status_code == 404
    assert nadia_client.post(reverse("quizzes:submit", args=[attempt.pk])).status_code == 404
    attempt.refresh_from_db()
    assert not attempt.is_submitted


def test_a_partner_completes_a_partner_course(courses, nadia, nadia_client):
    course, module = courses["partners"]
    assert nadia_client.post(reverse("quizzes:enrol", args=[course.pk])).status_code == 302
    take_quiz(nadia, module, course)
    progress.mark_module_read(nadia, module, course)
    completion = CourseCompletion.objects.get(user=nadia)
    assert completion.course_code == "PAR-101"
    dashboard = nadia_client.get(reverse("dashboard"))
    assert dashboard.status_code == 200
    assert "Campaigning with creators" in dashboard.content.decode()


def test_search_finds_only_open_courses(courses, nadia_client, amira_client):
    found = nadia_client.get(reverse("search"), {"q": "briefing"}).content.decode()
    assert "Internal security briefing" not in found
    assert (
        "Internal security briefing"
        in amira_client.get(reverse("search"), {"q": "briefing"}).content.decode()
    )
    assert (
        "Campaigning with creators" in nadia_client.get(reverse("search"), {"q": "creators"}).content.decode()
    )


def test_signed_out_visitors_read_public_courses_only(courses):
    client = Client()
    course, module = courses["public"]
    response = client.get(module.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Inside Telling rights stories" in body
    assert "Sign in or register to take the quiz" in body
    assert reverse("quizzes:start_quiz", args=[module.pk]) not in body
    assert "sessionid" not in response.cookies
    assert client.get(course.url).status_code == 200
    for key in ("staff", "partners"):
        for page in courses[key]:
            response = client.get(page.url)
            assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    # Home page, an address that is no page, the dashboard: still behind the sign-in.
    for url in ("/", "/courses/no-such-course/", reverse("dashboard"), reverse("search")):
        assert client.get(url).status_code == 302, url


def test_signed_out_visitors_cannot_take_quizzes_or_enrol(courses):
    client = Client()
    course, module = courses["public"]
    for url in (reverse("quizzes:enrol", args=[course.pk]), reverse("quizzes:start_quiz", args=[module.pk])):
        response = client.post(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_kept_route_does_not_leak_to_signed_out_visitors(courses, amira_client):
    course, module = courses["staff"]
    assert amira_client.get(module.url).status_code == 200  # the route is now kept
    response = Client().get(module.url)
    assert response.status_code == 302
    assert b"Inside Internal security briefing" not in response.content


def test_translations_share_who_the_course_is_open_to(courses):
    course, _module = courses["partners"]
    translation = make_translation(course, "es")
    assert translation.open_to == CoursePage.OpenTo.PARTNERS
    course.open_to = CoursePage.OpenTo.PUBLIC
    course.save()
    translation.refresh_from_db()
    assert translation.open_to == CoursePage.OpenTo.PUBLIC
    # A translation saved with another value takes its source's.
    translation.open_to = CoursePage.OpenTo.STAFF
    translation.save()
    translation.refresh_from_db()
    assert translation.open_to == CoursePage.OpenTo.PUBLIC
    # Publishing a translation's older draft keeps the source's value too.
    publish(translation)
    assert CoursePage.objects.get(pk=translation.pk).open_to == CoursePage.OpenTo.PUBLIC


def test_a_partner_cannot_download_another_persons_certificate(courses, nadia_client, amira):
    course, module = courses["public"]
    take_quiz(amira, module, course)
    progress.mark_module_read(amira, module, course)
    completion = CourseCompletion.objects.get(user=amira)
    for name in ("certificates:download", "certificates:open_badge", "certificates:open_badge_jwt"):
        assert nadia_client.get(reverse(name, args=[completion.certificate_id])).status_code == 404


def test_a_partner_cannot_open_another_persons_attempt(courses, nadia_client, amira):
    course, module = courses["partners"]
    attempt = progress.start_quiz(amira, module, course)
    assert nadia_client.get(reverse("quizzes:attempt", args=[attempt.pk])).status_code == 404
    assert nadia_client.get(reverse("quizzes:result", args=[attempt.pk])).status_code == 404
