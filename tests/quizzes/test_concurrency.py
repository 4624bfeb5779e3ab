"""The attempt limit and single scoring hold under concurrent requests. Real threads,
each with its own database connection, on PostgreSQL (SQLite serialises writers)."""

from django.db import connection

import pytest

from quizzes.models import AnswerRecord, Attempt
from quizzes.services import attempts as attempt_service
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
