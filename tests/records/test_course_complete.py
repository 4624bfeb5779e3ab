"""Finishing the last required module says the course is complete, with the certificate:
both when the last module is marked complete and when its quiz is passed."""

from django.urls import reverse

from quizzes.models import Attempt
from tests.factories import add_quiz, correct_answers, make_course, make_module
from tests.htmlutils import elements, main_html, text_of


def _certificate_links(html):
    return [a["href"] for a in elements(main_html(html), "a") if "/certificates/" in a.get("href", "")]


def test_marking_the_last_module_complete_leads_to_the_course_complete_page(amira, amira_client, catalogue):
    course = make_course(catalogue, title="Safe sources")
    first, last = make_module(course), make_module(course)
    amira_client.post(reverse("quizzes:mark_complete", args=[first.pk]))
    # Not the last: back to the module, nothing said about the course.
    assert amira_client.post(reverse("quizzes:mark_complete", args=[first.pk]))["Location"] == first.url

    response = amira_client.post(reverse("quizzes:mark_complete", args=[last.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("quizzes:course_complete", args=[course.pk])
    completion = amira.completions.get()
    [panel] = elements(main_html(response), "section", class_="course-done")
    assert "Course complete" in text_of(panel) and "Safe sources" in text_of(panel)
    assert _certificate_links(response) == [
        f"/certificates/{completion.certificate_id}/certificate.pdf",
        f"/certificates/{completion.certificate_id}/open-badge.json",
        f"/certificates/{completion.certificate_id}/",
    ]


def test_passing_the_last_quiz_shows_the_course_complete_on_the_result(amira, amira_client, catalogue):
    course = make_course(catalogue)
    module = add_quiz(make_module(course))
    attempt_url = amira_client.post(reverse("quizzes:start_quiz", args=[module.pk]))["Location"]
    attempt = Attempt.objects.get(user=amira)
    answers = {f"question-{key}": value for key, value in correct_answers(attempt).items()}
    response = amira_client.post(reverse("quizzes:submit", args=[attempt.pk]), answers, follow=True)
    assert attempt_url and response.status_code == 200
    completion = amira.completions.get()
    [panel] = elements(main_html(response), "section", class_="course-done")
    assert "Course complete" in text_of(panel)
    assert f"/certificates/{completion.certificate_id}/certificate.pdf" in _certificate_links(response)


def test_a_passed_quiz_that_leaves_the_course_open_says_nothing_of_it(amira, amira_client, catalogue):
    course = make_course(catalogue)
    module = add_quiz(make_module(course))
    make_module(course)  # still to do
    amira_client.post(reverse("quizzes:start_quiz", args=[module.pk]))
    attempt = Attempt.objects.get(user=amira)
    answers = {f"question-{key}": value for key, value in correct_answers(attempt).items()}
    response = amira_client.post(reverse("quizzes:submit", args=[attempt.pk]), answers, follow=True)
    assert "You passed" in response.content.decode()
    assert not elements(main_html(response), "section", class_="course-done")


def test_a_course_without_certificates_is_complete_without_a_link(amira, amira_client, catalogue):
    course = make_course(catalogue, certificate_enabled=False)
    module = make_module(course)
    response = amira_client.post(reverse("quizzes:mark_complete", args=[module.pk]), follow=True)
    assert elements(main_html(response), "section", class_="course-done")
    assert _certificate_links(response) == []


def test_the_course_complete_page_without_a_completion_goes_to_the_course(amira_client, catalogue):
    course = make_course(catalogue)
    make_module(course)
    response = amira_client.get(reverse("quizzes:course_complete", args=[course.pk]))
    assert response.status_code == 302 and response["Location"] == course.url
