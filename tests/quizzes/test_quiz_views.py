"""Taking a quiz through the site: start, answer, submit, result."""

from courses.models import CoursePrerequisite
from quizzes.models import AnswerRecord, Attempt
from records.models import Enrolment
from tests.factories import add_quiz, correct_answers, make_module, wrong_answers
from tests.htmlutils import elements


def _start(client, module):
    response = client.post(f"/learning/modules/{module.pk}/quiz/")
    assert response.status_code == 302
    return Attempt.objects.latest("started_at")


def _post_answers(client, attempt, answers):
    data = {f"question-{qid}": [str(c) for c in choices] for qid, choices in answers.items()}
    return client.post(f"/learning/attempts/{attempt.pk}/submit/", data)


def test_starting_a_quiz_enrols_and_opens_the_attempt(amira, amira_client, quiz_module):
    response = amira_client.post(f"/learning/modules/{quiz_module.pk}/quiz/")
    attempt = Attempt.objects.get(user=amira)
    assert response["Location"] == f"/learning/attempts/{attempt.pk}/"
    assert Enrolment.objects.get(user=amira).status == Enrolment.Status.IN_PROGRESS


def test_starting_a_quiz_is_post_only(amira_client, quiz_module):
    assert amira_client.get(f"/learning/modules/{quiz_module.pk}/quiz/").status_code == 405
    assert not Attempt.objects.exists()


def test_quiz_page_does_not_reveal_the_correct_choices(amira_client, quiz_module):
    attempt = _start(amira_client, quiz_module)
    html = amira_client.get(f"/learning/attempts/{attempt.pk}/").content.decode()
    for question in attempt.questions:
        assert question["prompt"] in html
        for choice in question["choices"]:
            assert choice["text"] in html
            assert choice["feedback"] not in html
        assert question["explanation"] not in html
    assert "is_correct" not in html and "data-correct" not in html
    # Correct and wrong choices are marked up identically.
    inputs = elements(html, "input", type=["radio", "checkbox"])
    assert inputs and all(tag.has_attr("value") and not tag.has_attr("class") for tag in inputs)


def test_quiz_page_needs_csrf(amira, quiz_module):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(amira)
    assert client.post(f"/learning/modules/{quiz_module.pk}/quiz/").status_code == 403


def test_another_persons_attempt_is_not_found(amira_client, chen_client, quiz_module):
    attempt = _start(amira_client, quiz_module)
    assert chen_client.get(f"/learning/attempts/{attempt.pk}/").status_code == 404
    assert chen_client.post(f"/learning/attempts/{attempt.pk}/submit/", {}).status_code == 404
    assert chen_client.get(f"/learning/attempts/{attempt.pk}/result/").status_code == 404


def test_empty_submission_shows_errors_and_scores_nothing(amira_client, quiz_module):
    attempt = _start(amira_client, quiz_module)
    response = amira_client.post(f"/learning/attempts/{attempt.pk}/submit/", {})
    assert response.status_code == 400
    assert response.content.decode().count("Choose an answer to this question.") >= len(attempt.questions)
    attempt.refresh_from_db()
    assert attempt.submitted_at is None


def test_partial_submission_keeps_the_answers_given(amira_client, quiz_module):
    attempt = _start(amira_client, quiz_module)
    first = attempt.questions[0]
    chosen = first["choices"][1]["id"]
    response = _post_answers(amira_client, attempt, {first["id"]: [chosen]})
    assert response.status_code == 400
    [box] = elements(response, "input", id=f"q{first['id']}-{chosen}")
    assert box.has_attr("checked")


def test_tampered_choice_from_another_question_is_refused(amira_client, quiz_module):
    attempt = _start(amira_client, quiz_module)
    answers = correct_answers(attempt)
    first, second = attempt.questions[0], attempt.questions[1]
    answers[first["id"]] = [second["choices"][0]["id"]]
    response = _post_answers(amira_client, attempt, answers)
    assert response.status_code == 400
    assert "not one of this question" in response.content.decode()
    assert not AnswerRecord.objects.exists()


def test_passing_shows_the_result_with_feedback(amira_client, quiz_module):
    attempt = _start(amira_client, quiz_module)
    response = _post_answers(amira_client, attempt, correct_answers(attempt))
    assert response["Location"] == f"/learning/attempts/{attempt.pk}/result/"
    html = amira_client.get(response["Location"]).content.decode()
    attempt.refresh_from_db()
    assert attempt.passed
    assert "4" in html and attempt.questions[0]["explanation"] in html


def test_double_submission_shows_the_first_result(amira_client, quiz_module):
    attempt = _start(amira_client, quiz_module)
    _post_answers(amira_client, attempt, wrong_answers(attempt))
    response = _post_answers(amira_client, attempt, correct_answers(attempt))
    assert response["Location"] == f"/learning/attempts/{attempt.pk}/result/"
    attempt.refresh_from_db()
    assert attempt.passed is False
    assert AnswerRecord.objects.filter(attempt=attempt).count() == len(attempt.questions)


def test_failing_offers_a_retry_until_the_limit(amira_client, module):
    quiz_module = add_quiz(module, pass_mark=75, attempt_limit=2)
    for number in (1, 2):
        attempt = _start(amira_client, quiz_module)
        assert attempt.number == number
        _post_answers(amira_client, attempt, wrong_answers(attempt))
    html = amira_client.get(f"/learning/attempts/{attempt.pk}/result/").content.decode()
    assert f"/learning/modules/{quiz_module.pk}/quiz/" not in html
    response = amira_client.post(f"/learning/modules/{quiz_module.pk}/quiz/")
    assert response["Location"] == quiz_module.url
    assert Attempt.objects.count() == 2


def test_feedback_only_after_passing_is_withheld_on_a_fail(amira_client, module):
    quiz_module = add_quiz(module, feedback_policy="after_pass")
    attempt = _start(amira_client, quiz_module)
    _post_answers(amira_client, attempt, wrong_answers(attempt))
    html = amira_client.get(f"/learning/attempts/{attempt.pk}/result/").content.decode()
    assert attempt.questions[0]["explanation"] not in html
    assert all(c["feedback"] not in html for q in attempt.questions for c in q["choices"])


def test_feedback_never_is_never_shown(amira_client, module):
    quiz_module = add_quiz(module, feedback_policy="never")
    attempt = _start(amira_client, quiz_module)
    _post_answers(amira_client, attempt, correct_answers(attempt))
    html = amira_client.get(f"/learning/attempts/{attempt.pk}/result/").content.decode()
    assert attempt.questions[0]["explanation"] not in html


def test_result_of_an_unsubmitted_attempt_goes_back_to_the_form(amira_client, quiz_module):
    attempt = _start(amira_client, quiz_module)
    response = amira_client.get(f"/learning/attempts/{attempt.pk}/result/")
    assert response["Location"] == f"/learning/attempts/{attempt.pk}/"


def test_module_without_quiz_is_marked_complete_by_post(amira, amira_client, course):
    reading = make_module(course, title="Reading")
    html = amira_client.get(reading.url).content.decode()
    assert f"/learning/modules/{reading.pk}/complete/" in html
    assert amira_client.get(f"/learning/modules/{reading.pk}/complete/").status_code == 405
    amira_client.post(f"/learning/modules/{reading.pk}/complete/")
    assert amira.module_progress.get().completed_at


def test_enrolling_is_post_only_and_respects_prerequisites(amira, amira_client, catalogue, course):
    from tests.factories import make_course

    advanced = make_course(catalogue, title="Advanced")
    make_module(advanced)
    CoursePrerequisite.objects.create(course=advanced, prerequisite=course)
    assert amira_client.get(f"/learning/courses/{advanced.pk}/enrol/").status_code == 405
    amira_client.post(f"/learning/courses/{advanced.pk}/enrol/")
    assert not Enrolment.objects.filter(user=amira).exists()
    html = amira_client.get(advanced.url).content.decode()
    assert course.title in html


def test_editors_preview_shows_the_quiz_with_answers_marked(quiz_module):
    response = quiz_module.make_preview_request()
    html = response.content.decode()
    assert "Quiz preview (editors only)" in html
    assert "Correct:" in html and quiz_module.quiz_questions.first().prompt in html


def test_the_quiz_preview_is_as_wide_as_the_module_it_follows(quiz_module):
    """Found in use: the editors' preview box ran wider than the content column. It takes
    the column's width (``prose``) as the learners' quiz panel does."""
    from tests.htmlutils import elements

    response = quiz_module.make_preview_request()
    (preview,) = elements(response, "section", class_="quiz-preview")
    (article,) = elements(response, "article", class_="module")
    assert "prose" in preview["class"] and "prose" in article["class"]


def test_staff_never_see_the_quiz_preview(amira_client, quiz_module):
    html = amira_client.get(quiz_module.url).content.decode()
    assert "Quiz preview" not in html and "Correct:" not in html
