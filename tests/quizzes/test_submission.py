"""A quiz submission is one unit of work: the score, the answer records, the module's
progress, the course completion with its certificate, the enrolment's status and the
webhook deliveries commit together or not at all (quizzes.services.attempts)."""

import pytest

from api import scopes
from api.models import ApiClient, Event, WebhookDelivery, WebhookEndpoint
from quizzes.models import AnswerRecord, Attempt, SelectedChoice
from quizzes.services import attempts as attempt_service
from records import signals
from records.models import CourseCompletion, Enrolment, ModuleProgress
from records.services import progress
from tests.factories import add_quiz, correct_answers, make_module, wrong_answers
from tests.querylog import describe, query_log

# What production runs: background tasks are enqueued in the database, not run in the request.
QUEUED_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def quiz_module(module):
    """The course's only required module: passing its quiz completes the course."""
    return add_quiz(module)


@pytest.fixture
def started(amira, course, quiz_module):
    """Amira is enrolled and has started the quiz."""
    progress.enrol(amira, course)
    return progress.start_quiz(amira, quiz_module, course)


@pytest.fixture
def endpoint(db):
    client, _key = ApiClient.objects.create_key(name="HR system", scopes=list(scopes.ALL))
    return WebhookEndpoint.objects.create(
        client=client, url="https://hr.example.org/hooks", events=[Event.COMPLETION_CREATED]
    )


def _clock_takes(captured):
    return sum(1 for query in captured if query["sql"].startswith('UPDATE "quizzes_syncclock"'))


def test_a_course_completing_submission_takes_at_most_20_queries(
    amira, started, settings, django_assert_max_num_queries
):
    """18 queries (SQLite and PostgreSQL), each write once, the sync clock taken once:
    the submission's savepoint and its release (2); the attempt, locked, with its module (1)
    and its scored row (1); the questions and choices still in the quiz (1); the answer
    records and the selected choices, two bulk inserts (2); the course (1); the module's
    progress completed (1); the course's required modules (1); the enrolment, locked (1);
    the previous completion (1); the completed modules with their best scores, one
    aggregate (1); the sync clock, moved and read back in one statement (1); the completion with its certificate (1); Wagtail's
    reference-index update, enqueued as a background task (1); the enrolment, completed (1);
    the webhook endpoints (1). (The tests' immediate task backend would also run that task,
    4 queries more, in the request.)"""
    settings.TASKS = QUEUED_TASKS
    with django_assert_max_num_queries(20) as captured:
        attempt_service.submit_attempt(started.pk, amira, correct_answers(started))

    assert _clock_takes(captured) == 1
    completion = CourseCompletion.objects.get(user=amira)
    enrolment = Enrolment.objects.get(user=amira)
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert completion.updated_at == enrolment.updated_at  # one stamp for both rows


def test_a_first_pass_that_leaves_the_course_open_takes_at_most_15_queries(
    amira, course, quiz_module, settings, django_assert_max_num_queries
):
    """A pass that completes its module while another required module is still to do: the
    module's progress is written, the course is checked and the enrolment is stamped (its
    progress changed, so HR systems fetch it again); no completion. The sync clock is moved
    and read back in one statement (records/models/sync.py)."""
    settings.TASKS = QUEUED_TASKS
    make_module(course, title="Still to do", slug="still-to-do")
    progress.enrol(amira, course)
    attempt = progress.start_quiz(amira, quiz_module, course)
    with django_assert_max_num_queries(15) as captured, query_log() as queries:
        submitted = attempt_service.submit_attempt(attempt.pk, amira, correct_answers(attempt))
        print(describe(queries))  # shown if the bound fails

    assert submitted.passed is True
    assert _clock_takes(captured) == 1
    assert ModuleProgress.objects.get(user=amira, module_key=quiz_module.translation_key).completed_at
    assert not CourseCompletion.objects.filter(user=amira).exists()


def test_a_failing_submission_takes_at_most_10_queries(amira, started, django_assert_max_num_queries):
    """7 queries: the savepoint and its release (2); the attempt, locked, with its module
    (1) and its scored row (1); the questions and choices still in the quiz (1); the answer
    records and the selected choices (2). Nothing of progress or completion is read."""
    with django_assert_max_num_queries(10) as captured:
        attempt = attempt_service.submit_attempt(started.pk, amira, wrong_answers(started))

    assert attempt.passed is False
    assert _clock_takes(captured) == 0
    assert AnswerRecord.objects.filter(attempt=attempt).count() == 3


@pytest.fixture
def fail_in_course_completion(monkeypatch):
    """Completing the course raises, after the module's progress was written. Returns
    the repair."""

    def broken(*args, **kwargs):
        raise RuntimeError("the course-completion step failed")

    monkeypatch.setattr(progress, "refresh_course_completion", broken)
    return monkeypatch.undo


@pytest.fixture
def fail_after_the_completion_and_its_webhook():
    """A receiver connected after the webhooks' one raises: the completion, the enrolment
    and the webhook delivery are written by then. Returns the repair."""

    def broken(**kwargs):
        assert WebhookDelivery.objects.exists()
        raise RuntimeError("a receiver of completion_created failed")

    signals.completion_created.connect(broken, dispatch_uid="tests.broken")

    def repair():
        signals.completion_created.disconnect(dispatch_uid="tests.broken")

    yield repair
    repair()


@pytest.mark.parametrize(
    "failure", ["fail_in_course_completion", "fail_after_the_completion_and_its_webhook"]
)
def test_a_failure_after_scoring_leaves_nothing_half_done_and_resubmitting_repairs_it(
    amira, started, endpoint, failure, request, django_capture_on_commit_callbacks
):
    repair = request.getfixturevalue(failure)
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(RuntimeError):
        attempt_service.submit_attempt(started.pk, amira, correct_answers(started))

    attempt = Attempt.objects.get(pk=started.pk)
    assert attempt.submitted_at is None and attempt.passed is None and attempt.score is None
    assert not AnswerRecord.objects.exists() and not SelectedChoice.objects.exists()
    assert ModuleProgress.objects.get(user=amira).completed_at is None
    assert not CourseCompletion.objects.exists()
    assert Enrolment.objects.get(user=amira).status == Enrolment.Status.IN_PROGRESS
    assert not WebhookDelivery.objects.exists()
    assert callbacks == []  # nothing is sent for a rolled-back submission

    repair()
    with django_capture_on_commit_callbacks() as callbacks:
        attempt = attempt_service.submit_attempt(started.pk, amira, correct_answers(started))

    assert attempt.passed and attempt.submitted_at
    assert AnswerRecord.objects.filter(attempt=attempt).count() == 3
    assert ModuleProgress.objects.get(user=amira).completed_at == attempt.submitted_at
    completion = CourseCompletion.objects.get(user=amira)
    assert len(completion.certificate_id) == 20
    assert Enrolment.objects.get(user=amira).status == Enrolment.Status.COMPLETED
    assert WebhookDelivery.objects.get().endpoint == endpoint
    assert len(callbacks) == 1  # the webhook's sending, once the submission commits


@pytest.fixture
def half_recorded(amira, started, course):
    """What the old, several-transaction submission could leave: the attempt passed, its
    module never completed, no course completion."""
    attempt = attempt_service.submit_attempt(started.pk, amira, correct_answers(started))
    CourseCompletion.objects.filter(user=amira).delete()
    ModuleProgress.objects.filter(user=amira).update(completed_at=None)
    Enrolment.objects.filter(user=amira).update(status=Enrolment.Status.IN_PROGRESS, completed_at=None)
    return attempt


def test_submitting_a_half_recorded_pass_again_repairs_it(amira, half_recorded):
    attempt = attempt_service.submit_attempt(half_recorded.pk, amira, {})

    assert attempt.score == half_recorded.score  # scored once: the repeat changes nothing of it
    assert ModuleProgress.objects.get(user=amira).completed_at == attempt.submitted_at
    assert CourseCompletion.objects.get(user=amira).completed_at == attempt.submitted_at
    assert Enrolment.objects.get(user=amira).status == Enrolment.Status.COMPLETED


def test_submitting_a_pass_of_an_earlier_cycle_again_counts_nothing_in_the_new_one(
    amira, course, half_recorded
):
    progress.reset_course_progress(amira, course.course_code)  # a retake: cycle 2 starts

    attempt_service.submit_attempt(half_recorded.pk, amira, {})

    assert ModuleProgress.objects.get(user=amira).completed_at is None
    assert not CourseCompletion.objects.exists()


def test_a_repeated_submission_of_a_recorded_pass_writes_nothing(
    amira, started, django_assert_max_num_queries
):
    """4 queries: the savepoint and its release, the attempt, and the check that its course
    is already complete in its cycle."""
    attempt_service.submit_attempt(started.pk, amira, correct_answers(started))
    completion = CourseCompletion.objects.get(user=amira)

    with django_assert_max_num_queries(4):
        attempt_service.submit_attempt(started.pk, amira, correct_answers(started))

    assert CourseCompletion.objects.get() == completion
