"""Module progress, enrolment status and the course completion record."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

import pytest

from courses.models import CoursePrerequisite
from quizzes.services import attempts as attempt_service
from records.models import CourseCompletion, Enrolment, ModuleProgress
from records.services import progress
from tests.factories import (
    CourseCompletionFactory,
    add_quiz,
    correct_answers,
    make_course,
    make_module,
    take_quiz,
    wrong_answers,
)


@pytest.fixture
def two_modules(course, module):
    """``module`` has a quiz; a second module has none; an optional third has none."""
    quiz_module = add_quiz(module)
    reading = make_module(course, title="Reading only")
    make_module(course, title="Further reading", required_for_completion=False)
    return quiz_module, reading


def test_opening_a_module_starts_progress_and_the_enrolment(amira, amira_client, course, two_modules):
    quiz_module, _reading = two_modules
    enrolment = progress.enrol(amira, course)
    assert enrolment.status == Enrolment.Status.NOT_STARTED
    amira_client.get(quiz_module.url)
    assert ModuleProgress.objects.get(user=amira, module_key=quiz_module.translation_key).completed_at is None
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.IN_PROGRESS


def test_marking_a_module_with_a_quiz_read_does_not_complete_it(amira, course, two_modules):
    quiz_module, _reading = two_modules
    assert progress.mark_module_read(amira, quiz_module, course).completed_at is None


def test_passing_the_quiz_completes_the_module(amira, course, two_modules):
    quiz_module, _reading = two_modules
    take_quiz(amira, quiz_module, course)
    assert ModuleProgress.objects.get(user=amira, module_key=quiz_module.translation_key).completed_at


def test_failing_the_quiz_leaves_the_module_incomplete(amira, course, two_modules):
    quiz_module, _reading = two_modules
    attempt = progress.start_quiz(amira, quiz_module, course)
    attempt_service.submit_attempt(attempt.pk, amira, wrong_answers(attempt))
    assert ModuleProgress.objects.get(user=amira, module_key=quiz_module.translation_key).completed_at is None


def test_course_completes_when_every_required_module_is_complete(amira, course, two_modules):
    quiz_module, reading = two_modules
    progress.enrol(amira, course)
    take_quiz(amira, quiz_module, course)
    assert not CourseCompletion.objects.exists()
    progress.mark_module_read(amira, reading, course)
    completion = CourseCompletion.objects.get(user=amira)
    assert completion.course_code == "INF-101"
    assert completion.course_title == "Working with influencers"
    assert completion.score == Decimal("100.00")
    assert len(completion.certificate_id) == 20
    enrolment = Enrolment.objects.get(user=amira)
    assert enrolment.status == Enrolment.Status.COMPLETED and enrolment.completed_at


def test_course_score_is_the_average_of_the_best_passing_attempts(amira, course, module):
    first = add_quiz(module, pass_mark=50)
    second = add_quiz(make_module(course, title="Second"), pass_mark=50)
    attempt = progress.start_quiz(amira, first, course)
    answers = correct_answers(attempt)
    multiple = next(q for q in attempt.questions if q["kind"] == "multiple")
    answers[multiple["id"]] = []  # 2 of 4 points: 50 %, a pass
    attempt_service.submit_attempt(attempt.pk, amira, answers)
    take_quiz(amira, second, course)
    assert CourseCompletion.objects.get(user=amira).score == Decimal("75.00")


def test_validity_sets_valid_until(amira, catalogue):
    course = make_course(catalogue, validity_months=24)
    reading = make_module(course)
    progress.mark_module_read(
        amira, reading, course, now=timezone.make_aware(timezone.datetime(2026, 1, 31, 12))
    )
    assert CourseCompletion.objects.get(user=amira).valid_until == date(2028, 1, 31)


def test_add_months_clamps_to_the_end_of_the_month():
    assert progress.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert progress.add_months(date(2026, 11, 30), 14) == date(2028, 1, 30)


def test_completing_again_does_not_create_a_second_completion(amira, course, two_modules):
    quiz_module, reading = two_modules
    take_quiz(amira, quiz_module, course)
    progress.mark_module_read(amira, reading, course)
    progress.mark_module_read(amira, reading, course)
    take_quiz(amira, quiz_module, course)
    assert CourseCompletion.objects.filter(user=amira).count() == 1


def test_retaking_after_expiry_creates_a_new_completion(amira, catalogue):
    course = make_course(catalogue, validity_months=12)
    reading = make_module(course)
    two_years_ago = timezone.now() - timedelta(days=730)
    progress.mark_module_read(amira, reading, course, now=two_years_ago)
    old = CourseCompletion.objects.get(user=amira)
    assert old.is_expired
    # Re-reading without retaking counts nothing: the old reading belongs to the old completion.
    assert progress.refresh_course_completion(amira, course) is None
    progress.retake(amira, course)
    progress.mark_module_read(amira, reading, course)
    new = CourseCompletion.objects.exclude(pk=old.pk).get(user=amira)
    assert new.status == "valid" and old.status == "expired"


def test_retake_is_refused_while_the_completion_is_valid(amira, course, two_modules):
    quiz_module, reading = two_modules
    take_quiz(amira, quiz_module, course)
    progress.mark_module_read(amira, reading, course)
    assert progress.current_completion(amira, course.course_code)
    with pytest.raises(ValueError):
        progress.retake(amira, course)


def test_revocation_is_kept_and_requires_the_course_again(amira, superuser, course, two_modules):
    quiz_module, reading = two_modules
    take_quiz(amira, quiz_module, course)
    progress.mark_module_read(amira, reading, course)
    completion = CourseCompletion.objects.get(user=amira)
    progress.revoke_completion(completion, superuser, "Completed on a shared account")
    completion.refresh_from_db()
    assert completion.status == "revoked" and completion.revoked_by == superuser
    assert completion.revoked_reason == "Completed on a shared account"
    assert not ModuleProgress.objects.filter(user=amira, completed_at__isnull=False).exists()
    assert Enrolment.objects.get(user=amira).status == Enrolment.Status.IN_PROGRESS
    # Completing the course again creates a new completion beside the revoked one.
    take_quiz(amira, quiz_module, course)
    progress.mark_module_read(amira, reading, course)
    assert CourseCompletion.objects.filter(user=amira).count() == 2


def test_revocation_needs_a_reason(amira, superuser, course, two_modules):
    _quiz_module, reading = two_modules
    completion = CourseCompletionFactory(user=amira)
    with pytest.raises(ValueError):
        progress.revoke_completion(completion, superuser, "  ")


def test_deleting_the_course_pages_keeps_completions_and_attempts(amira, course, two_modules):
    quiz_module, reading = two_modules
    attempt = take_quiz(amira, quiz_module, course)
    progress.mark_module_read(amira, reading, course)
    course.delete()
    completion = CourseCompletion.objects.get(user=amira)
    assert completion.course is None and completion.course_title == "Working with influencers"
    attempt.refresh_from_db()
    assert attempt.module is None and attempt.module_title == quiz_module.title and attempt.score == 4


def test_unpublishing_a_module_keeps_progress(amira, course, two_modules):
    quiz_module, _reading = two_modules
    take_quiz(amira, quiz_module, course)
    quiz_module.unpublish()
    assert ModuleProgress.objects.get(user=amira).completed_at


def test_prerequisites_block_enrolment_until_completed(amira, catalogue, course):
    advanced = make_course(catalogue, title="Advanced")
    CoursePrerequisite.objects.create(course=advanced, prerequisite=course)
    with pytest.raises(progress.PrerequisitesIncomplete) as error:
        progress.enrol(amira, advanced)
    assert error.value.missing == [course]
    progress.mark_module_read(amira, make_module(course), course)
    assert progress.enrol(amira, advanced).course_code == advanced.course_code


def test_a_module_read_in_another_language_counts_for_the_course(amira, course, two_modules):
    from tests.factories import make_translation

    quiz_module, reading = two_modules
    arabic_reading = make_translation(reading, "ar")
    arabic_course = arabic_reading.get_parent().specific
    take_quiz(amira, quiz_module, course)
    progress.mark_module_read(amira, arabic_reading, arabic_course)
    completion = CourseCompletion.objects.get(user=amira)
    assert completion.course_language == "ar" and completion.course_code == "INF-101"


def test_enrolling_after_reading_starts_in_progress(amira, amira_client, course, module):
    amira_client.get(module.url)
    assert progress.enrol(amira, course).status == Enrolment.Status.IN_PROGRESS


def test_reopening_a_module_writes_nothing(amira, amira_client, course, module, django_assert_num_queries):
    progress.enrol(amira, course)
    amira_client.get(module.url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        amira_client.get(module.url)
    writes = [
        q["sql"] for q in context.captured_queries if q["sql"].startswith(("UPDATE", "INSERT", "DELETE"))
    ]
    assert writes == []


def test_a_retake_after_revocation_has_the_full_attempt_limit(amira, superuser, course, module):
    limited = add_quiz(module, attempt_limit=1)
    take_quiz(amira, limited, course)
    progress.revoke_completion(CourseCompletion.objects.get(user=amira), superuser, "Shared account")
    attempt = take_quiz(amira, limited, course)
    assert (attempt.cycle, attempt.number, attempt.passed) == (2, 1, True)
    assert CourseCompletion.objects.filter(user=amira, revoked_at__isnull=True).count() == 1
