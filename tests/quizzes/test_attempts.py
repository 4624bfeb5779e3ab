"""Starting and submitting attempts: snapshots, the attempt limit, double submission,
the time limit and tampered answers."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.utils import timezone

import pytest

from courses.models import QuizChoice, QuizQuestion
from quizzes.models import AnswerRecord, Attempt
from quizzes.services import attempts as attempt_service
from records.services import progress
from tests.factories import add_quiz, correct_answers, question, wrong_answers


def test_attempt_snapshot_holds_questions_and_choices_as_served(amira, course, quiz_module):
    attempt = progress.start_quiz(amira, quiz_module, course)
    assert [q["prompt"] for q in attempt.questions] == [q.prompt for q in quiz_module.quiz_questions.all()]
    assert attempt.max_score == 4
    assert attempt.course_code == course.course_code


def test_later_edits_to_the_quiz_do_not_change_an_attempt(amira, course, quiz_module):
    attempt = progress.start_quiz(amira, quiz_module, course)
    attempt = attempt_service.submit_attempt(attempt.pk, amira, correct_answers(attempt))
    first = QuizQuestion.objects.filter(module=quiz_module).first()
    first.prompt = "Rewritten question"
    first.save()
    QuizChoice.objects.filter(question=first).update(is_correct=False)
    attempt.refresh_from_db()
    assert "Rewritten question" not in [q["prompt"] for q in attempt.questions]
    assert attempt.passed and attempt.score == 4


def test_deleting_the_questions_keeps_attempts_and_answer_records(amira, course, quiz_module):
    attempt = progress.start_quiz(amira, quiz_module, course)
    attempt_service.submit_attempt(attempt.pk, amira, correct_answers(attempt))
    QuizQuestion.objects.filter(module=quiz_module).delete()
    assert AnswerRecord.objects.filter(attempt=attempt).count() == 3
    assert Attempt.objects.get(pk=attempt.pk).score == 4


def test_passing_score_and_pass_mark(amira, course, quiz_module):
    attempt = progress.start_quiz(amira, quiz_module, course)
    answers = correct_answers(attempt)
    multiple = next(q for q in attempt.questions if q["kind"] == "multiple")
    answers[multiple["id"]] = answers[multiple["id"]][:1]  # partly right: 0 of 2 points
    attempt = attempt_service.submit_attempt(attempt.pk, amira, answers)
    assert (attempt.score, attempt.max_score, str(attempt.percentage)) == (2, 4, "50.00")
    assert attempt.passed is False


def test_submitting_twice_scores_once(amira, course, quiz_module):
    attempt = progress.start_quiz(amira, quiz_module, course)
    first = attempt_service.submit_attempt(attempt.pk, amira, wrong_answers(attempt))
    second = attempt_service.submit_attempt(attempt.pk, amira, correct_answers(attempt))
    assert second.score == first.score == 0
    assert second.submitted_at == first.submitted_at
    assert AnswerRecord.objects.filter(attempt=attempt).count() == 3


def test_starting_again_resumes_the_open_attempt(amira, course, quiz_module):
    first = progress.start_quiz(amira, quiz_module, course)
    assert progress.start_quiz(amira, quiz_module, course) == first


def test_attempt_limit_is_enforced(amira, course, module):
    quiz_module = add_quiz(module, attempt_limit=2)
    for _ in range(2):
        attempt = progress.start_quiz(amira, quiz_module, course)
        attempt_service.submit_attempt(attempt.pk, amira, wrong_answers(attempt))
    with pytest.raises(attempt_service.AttemptLimitReached):
        progress.start_quiz(amira, quiz_module, course)
    assert Attempt.objects.filter(user=amira).count() == 2


def test_database_refuses_an_attempt_beyond_the_limit(amira, course, module):
    quiz_module = add_quiz(module, attempt_limit=1)
    attempt = progress.start_quiz(amira, quiz_module, course)
    extra = Attempt(
        user=amira,
        module=quiz_module,
        module_key=quiz_module.translation_key,
        module_title="x",
        course_code=course.course_code,
        number=2,
        attempt_limit=1,
        pass_mark=80,
        feedback_policy="after_each",
        questions=attempt.questions,
        max_score=4,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        extra.save()


def test_database_refuses_two_attempts_with_the_same_number(amira, course, quiz_module):
    attempt = progress.start_quiz(amira, quiz_module, course)
    attempt.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        attempt.save()


def test_submission_after_the_time_limit_is_not_scored(amira, course, module):
    quiz_module = add_quiz(module, time_limit_minutes=10)
    started = timezone.now() - timedelta(minutes=11)
    attempt = progress.start_quiz(amira, quiz_module, course, now=started)
    attempt = attempt_service.submit_attempt(attempt.pk, amira, correct_answers(attempt))
    assert attempt.late and attempt.passed is False and attempt.score == 0


def test_submission_within_the_grace_period_counts(amira, course, module):
    quiz_module = add_quiz(module, time_limit_minutes=10)
    started = timezone.now() - timedelta(minutes=10, seconds=10)
    attempt = progress.start_quiz(amira, quiz_module, course, now=started)
    attempt = attempt_service.submit_attempt(attempt.pk, amira, correct_answers(attempt))
    assert not attempt.late and attempt.passed


def test_expired_open_attempt_is_not_resumed(amira, course, module):
    quiz_module = add_quiz(module, time_limit_minutes=5)
    old = progress.start_quiz(amira, quiz_module, course, now=timezone.now() - timedelta(hours=1))
    new = progress.start_quiz(amira, quiz_module, course)
    assert new.number == old.number + 1


def test_draw_serves_that_many_questions_from_the_bank(amira, course, module):
    bank = [question(f"Question {n}", [("Yes", True), ("No", False)]) for n in range(6)]
    quiz_module = add_quiz(module, bank, draw_count=4, shuffle_questions=True, shuffle_choices=True)
    attempt = progress.start_quiz(amira, quiz_module, course)
    assert len(attempt.questions) == 4
    assert len({q["id"] for q in attempt.questions}) == 4
    assert attempt.max_score == 4


def _form(**fields):
    data = QueryDict(mutable=True)
    for key, values in fields.items():
        data.setlist(key, values)
    return data


def test_parse_answers_reports_missing_and_foreign_choices(amira, course, quiz_module):
    attempt = progress.start_quiz(amira, quiz_module, course)
    first, second, third = attempt.questions
    foreign = second["choices"][0]["id"]
    answers, errors = attempt_service.parse_answers(
        attempt, _form(**{f"question-{first['id']}": [str(foreign)], f"question-{second['id']}": ["abc"]})
    )
    assert set(errors) == {first["id"], second["id"], third["id"]}
    assert "not one of" in errors[first["id"]]
    assert "Choose an answer" in errors[third["id"]]


def test_parse_answers_refuses_two_choices_on_a_single_choice_question(amira, course, quiz_module):
    attempt = progress.start_quiz(amira, quiz_module, course)
    first = attempt.questions[0]
    both = [str(c["id"]) for c in first["choices"]]
    _answers, errors = attempt_service.parse_answers(attempt, _form(**{f"question-{first['id']}": both}))
    assert "only one" in errors[first["id"]]


def test_parse_answers_keeps_what_was_answered(amira, course, quiz_module):
    attempt = progress.start_quiz(amira, quiz_module, course)
    first = attempt.questions[0]
    chosen = first["choices"][1]["id"]
    answers, errors = attempt_service.parse_answers(
        attempt, _form(**{f"question-{first['id']}": [str(chosen)]})
    )
    assert answers[first["id"]] == [chosen]
    assert first["id"] not in errors
