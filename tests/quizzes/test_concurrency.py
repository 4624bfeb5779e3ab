"""The attempt limit and single scoring hold under concurrent requests. Real threads,
each with its own database connection, on PostgreSQL (SQLite serialises writers)."""

from django.db import connection

import pytest

from quizzes.models import AnswerRecord, Attempt
from quizzes.services import attempts as attempt_service
from records.models import CourseCompletion, Enrolment, ModuleProgress
from records.services import progress
from tests.factories import add_quiz, correct_answers, make_course, make_module, make_site_tree, wrong_answers
from tests.threads import race

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent writers"),
]


@pytest.fixture
def setup(django_user_model):
    _home, catalogue = make_site_tree()
    course = make_course(catalogue)
    module = add_quiz(make_module(course), attempt_limit=2)
    user = django_user_model.objects.create_user("racer", email="racer@example.org", employee_id="R1")
    return user, course, module


def test_concurrent_starts_store_one_attempt(setup):
    user, course, module = setup
    results, errors = race(lambda: progress.start_quiz(user, module, course).pk)
    assert not errors
    assert Attempt.objects.filter(user=user).count() == 1
    assert len(set(results)) == 1


def test_concurrent_starts_never_exceed_the_limit(setup):
    user, course, module = setup
    first = progress.start_quiz(user, module, course)
    attempt_service.submit_attempt(first.pk, user, wrong_answers(first))

    def start_and_submit():
        attempt = progress.start_quiz(user, module, course)
        return attempt_service.submit_attempt(attempt.pk, user, wrong_answers(attempt)).pk

    race(start_and_submit)
    assert Attempt.objects.filter(user=user).count() == 2
    assert max(Attempt.objects.filter(user=user).values_list("number", flat=True)) == 2


def test_concurrent_submissions_score_once(setup):
    user, course, module = setup
    attempt = progress.start_quiz(user, module, course)
    answers = correct_answers(attempt)
    results, errors = race(lambda: attempt_service.submit_attempt(attempt.pk, user, answers).submitted_at)
    assert not errors
    assert len(set(results)) == 1
    assert AnswerRecord.objects.filter(attempt=attempt).count() == len(attempt.questions)


def test_passing_the_last_two_modules_at_once_completes_the_course_once(setup):
    """Each submission is one transaction and the enrolment's row lock orders them: the
    second to take it sees the first's module complete, and completes the course."""
    user, course, first = setup
    second = add_quiz(make_module(course, title="Second module"))
    progress.enrol(user, course)
    pending = [progress.start_quiz(user, module, course) for module in (first, second)]

    def submit():
        attempt = pending.pop()
        return attempt_service.submit_attempt(attempt.pk, user, correct_answers(attempt)).passed

    results, errors = race(submit, threads=2)
    assert not errors and results == [True, True]
    assert ModuleProgress.objects.filter(user=user, completed_at__isnull=False).count() == 2
    assert CourseCompletion.objects.filter(user=user).count() == 1
    assert Enrolment.objects.get(user=user).status == Enrolment.Status.COMPLETED
