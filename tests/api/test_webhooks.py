"""Signed webhooks (Standard Webhooks) for HR systems: what is sent to whom, signatures
checked with the reference ``standardwebhooks`` package (never the project's own code),
retries with backoff, disabling after a day of failures, idempotency, and a staff
member's course completion that never suffers from a dead endpoint.

Deliveries go to a real HTTP receiver on 127.0.0.1 (tests.api.receiver). The first
attempt happens after commit (``django_capture_on_commit_callbacks(execute=True)``,
under the immediate task backend); later ones by calling the sender with ``now`` moved
to when they are due."""

import base64
import io
import json
import time
from collections import Counter
from datetime import date, timedelta

from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from api import scopes
from api.models import Event, WebhookDelivery, WebhookEndpoint
from api.models.webhooks import validate_webhook_url
from api.serializers import CompletionSerializer, EnrolmentSerializer
from api.webhooks import delivery as sender
from api.webhooks import events, tasks
from people.roles import HR_ADMINS
from records import signals
from records.models import CourseCompletion, Enrolment
from records.services import progress
from records.services.statuses import update_statuses
from tests.api.receiver import closed_port_url
from tests.factories import (
    CourseCompletionFactory,
    DepartmentFactory,
    EnrolmentFactory,
    UserFactory,
    add_quiz,
    take_quiz,
)

State = WebhookDelivery.State
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

pytestmark = pytest.mark.usefixtures("local_receivers")


@pytest.fixture
def make_endpoint(make_api_client):
    """make_endpoint(url, events=[...], scope_list=[...], departments=[...], **fields)."""

    def make(url, events=tuple(Event.values), scope_list=None, departments=(), client_fields=None, **fields):
        client, _keyed = make_api_client(scope_list, departments=departments, **(client_fields or {}))
        return WebhookEndpoint.objects.create(client=client, url=url, events=list(events), **fields)

    return make


@pytest.fixture
def complete(module, course, django_capture_on_commit_callbacks):
    """complete(user): the user reads the course's only module, which completes the course.
    With ``send=True`` the after-commit hooks run, as after a real commit: the immediate
    task backend then makes the first attempt; with ``send=False`` deliveries stay due."""

    def run(user, send=True):
        with django_capture_on_commit_callbacks(execute=send):
            progress.mark_module_read(user, module, course)
        return CourseCompletion.objects.get(user=user, course_code=course.course_code)

    return run


def verify(endpoint, request):
    """What a receiver does, with the reference implementation: raises unless authentic."""
    return Webhook(endpoint.secret).verify(request.body, request.headers)


# --- The happy path ------------------------------------------------------------------------


def test_a_completion_arrives_signed_at_the_receiver(amira, complete, make_endpoint, receiver):
    endpoint = make_endpoint(receiver.url)
    completion = complete(amira)

    [request] = receiver.requests
    payload = verify(endpoint, request)
    assert payload["type"] == "completion.created"
    assert payload["data"]["id"] == completion.pk
    assert payload["data"]["certificate_id"] == completion.certificate_id
    assert payload["data"]["email"] == "Amira.Haddad@example.org"
    assert payload["data"]["status"] == "valid"
    assert request.path == "/hooks/elearning"
    assert request.headers["Content-Type"] == "application/json"
    assert abs(int(request.headers["webhook-timestamp"]) - time.time()) < 60

    delivery = WebhookDelivery.objects.get()
    assert request.headers["webhook-id"] == delivery.message_id
    assert delivery.event_key == f"completion.created:{completion.pk}"
    assert delivery.state == State.DELIVERED
    assert delivery.attempt_count == 1 and delivery.delivered_at and delivery.next_attempt_at is None
    [attempt] = delivery.attempts.all()
    assert attempt.succeeded and attempt.status_code == 200
    assert attempt.duration_ms >= 0
    assert attempt.response_body == '{"received": true}'


def test_a_tampered_or_foreign_delivery_fails_verification(amira, complete, make_endpoint, receiver):
    endpoint = make_endpoint(receiver.url)
    complete(amira)
    [request] = receiver.requests
    with pytest.raises(WebhookVerificationError):
        Webhook(endpoint.secret).verify(request.body.replace(b"valid", b"VALID"), request.headers)
    other = make_endpoint("https://other.example.org/hooks")
    with pytest.raises(WebhookVerificationError):
        Webhook(other.secret).verify(request.body, request.headers)


def test_secrets_are_standard_webhooks_secrets(make_endpoint):
    first = make_endpoint("https://hr.example.org/a")
    second = make_endpoint("https://hr.example.org/b")
    assert first.secret.startswith("whsec_")
    assert 24 <= len(base64.b64decode(first.secret.removeprefix("whsec_"))) <= 32
    assert first.secret != second.secret


def test_the_payload_carries_the_api_fields_and_nothing_else(
    amira, course, module, make_endpoint, receiver, django_capture_on_commit_callbacks
):
    quiz_module = add_quiz(module)
    endpoint = make_endpoint(receiver.url)
    with django_capture_on_commit_callbacks(execute=True):
        take_quiz(amira, quiz_module, course)

    [request] = receiver.requests
    payload = verify(endpoint, request)
    assert set(payload) == {"type", "timestamp", "data"}
    assert set(payload["data"]) == set(CompletionSerializer().fields)
    assert payload["data"]["score"] == 100
    body = request.body.decode().lower()
    # Nothing of the quiz (questions, choices, explanations) or the module's reflection prompt.
    for text in ("which voice", "authentic voice", "press release", "instagram", "why:", "whose voice"):
        assert text not in body


def test_a_revocation_is_delivered(
    amira, hana, complete, make_endpoint, receiver, django_capture_on_commit_callbacks
):
    endpoint = make_endpoint(receiver.url)
    completion = complete(amira)
    with django_capture_on_commit_callbacks(execute=True):
        progress.revoke_completion(completion, hana, "Completed on a shared account.")

    created, revoked = receiver.requests
    payload = verify(endpoint, revoked)
    assert payload["type"] == "completion.revoked"
    assert payload["data"]["id"] == completion.pk
    assert payload["data"]["status"] == "revoked"
    assert payload["data"]["passed"] is False
    assert payload["data"]["revoked_reason"] == "Completed on a shared account."
    assert created.headers["webhook-id"] != revoked.headers["webhook-id"]


# --- Who is told what ----------------------------------------------------------------------


def test_only_endpoints_that_may_read_the_event_get_it(amira, chen, communications, complete, make_endpoint):
    everyone = make_endpoint("https://hr.example.org/all")
    regional = make_endpoint("https://hr.example.org/comms", departments=[communications])
    make_endpoint("https://hr.example.org/enrolments-only", scope_list=[scopes.ENROLMENTS])
    make_endpoint("https://hr.example.org/overdue-only", events=[Event.ENROLMENT_OVERDUE])
    make_endpoint("https://hr.example.org/inactive", active=False)
    make_endpoint("https://hr.example.org/revoked", client_fields={"revoked": True})
    make_endpoint(
        "https://hr.example.org/expired", client_fields={"expiry_date": timezone.now() - timedelta(days=1)}
    )

    complete(amira, send=False)
    complete(chen, send=False)

    assert Counter(WebhookDelivery.objects.values_list("endpoint", flat=True)) == {
        everyone.pk: 2,
        regional.pk: 1,
    }
    regional_delivery = WebhookDelivery.objects.get(endpoint=regional)
    assert '"email":"Amira.Haddad@example.org"' in regional_delivery.body


def overdue_batch(course, due_date, departments, per_department):
    for department in departments:
        for _ in range(per_department):
            EnrolmentFactory(user__department=department, course=course, due_date=due_date)


def test_overdue_enrolments_are_recorded_in_constant_queries(
    course,
    module,
    communications,
    make_endpoint,
    django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
):
    everyone = make_endpoint("https://hr.example.org/all", scope_list=[scopes.ENROLMENTS])
    regional = make_endpoint(
        "https://hr.example.org/comms", scope_list=[scopes.ENROLMENTS], departments=[communications]
    )
    make_endpoint("https://hr.example.org/completions-only", scope_list=[scopes.COMPLETIONS])
    research = DepartmentFactory(name="Research")
    overdue_batch(course, date(2026, 3, 1), [communications, research], 2)
    overdue_batch(course, date(2026, 4, 1), [communications, research], 25)

    with CaptureQueriesContext(connection) as few, django_capture_on_commit_callbacks() as few_hooks:
        assert update_statuses(date(2026, 3, 2))["overdue"] == 4
    with (
        django_assert_max_num_queries(len(few)) as many,
        django_capture_on_commit_callbacks() as many_hooks,
    ):
        assert update_statuses(date(2026, 4, 2))["overdue"] == 50
    assert len(many) == len(few)
    # One hand-over to the task worker per event batch, not per enrolment.
    assert len(few_hooks) == len(many_hooks) == 1

    assert WebhookDelivery.objects.filter(endpoint=everyone).count() == 54
    assert WebhookDelivery.objects.filter(endpoint=regional).count() == 27
    assert WebhookDelivery.objects.count() == 81
    some = WebhookDelivery.objects.filter(endpoint=regional).first()
    payload = json.loads(some.body)
    assert payload["type"] == "enrolment.overdue"
    assert set(payload["data"]) == set(EnrolmentSerializer().fields)
    assert payload["data"]["status"] == "overdue" and payload["data"]["department"] == "Communications"
    assert payload["data"]["progress"] == 0


def test_an_enrolment_overdue_again_is_a_new_event(course, amira, make_endpoint):
    endpoint = make_endpoint("https://hr.example.org/all", scope_list=[scopes.ENROLMENTS])
    overdue_batch(course, date(2026, 3, 1), [amira.department], 1)
    update_statuses(date(2026, 3, 2))
    Enrolment.objects.update(due_date=date(2026, 5, 1))
    update_statuses(date(2026, 3, 3))  # no longer overdue
    update_statuses(date(2026, 5, 2))  # overdue again
    assert WebhookDelivery.objects.filter(endpoint=endpoint, event_type=Event.ENROLMENT_OVERDUE).count() == 2


# --- Idempotency ---------------------------------------------------------------------------


def test_a_repeated_event_is_stored_and_sent_once(
    amira, complete, make_endpoint, receiver, django_capture_on_commit_callbacks
):
    make_endpoint(receiver.url)
    completion = complete(amira)
    with django_capture_on_commit_callbacks(execute=True):
        signals.completion_created.send(sender=CourseCompletion, completion=completion)
        events.completion_created(sender=CourseCompletion, completion=completion)
    assert WebhookDelivery.objects.count() == 1
    assert len(receiver.requests) == 1


def test_a_repeated_overdue_signal_is_stored_once(course, amira, make_endpoint):
    make_endpoint("https://hr.example.org/all", scope_list=[scopes.ENROLMENTS])
    overdue_batch(course, date(2026, 3, 1), [amira.department], 3)
    update_statuses(date(2026, 3, 2))
    signals.enrolments_overdue.send(sender=Enrolment, enrolments=Enrolment.objects.all())
    assert WebhookDelivery.objects.count() == 3


def test_a_retry_resends_the_same_message(amira, complete, make_endpoint, receiver):
    endpoint = make_endpoint(receiver.url)
    receiver.statuses = [500]
    complete(amira)
    delivery = WebhookDelivery.objects.get()
    assert delivery.state == State.PENDING and delivery.attempt_count == 1
    assert delivery.last_outcome == "HTTP 500"
    endpoint.refresh_from_db()
    assert endpoint.failing_since is not None

    assert sender.send_due(endpoint.pk, now=delivery.next_attempt_at - timedelta(seconds=1)) == 0
    assert len(receiver.requests) == 1
    assert sender.send_due(endpoint.pk, now=delivery.next_attempt_at) == 1

    first, second = receiver.requests
    assert first.headers["webhook-id"] == second.headers["webhook-id"] == delivery.message_id
    assert first.body == second.body
    verify(endpoint, second)
    delivery.refresh_from_db()
    assert delivery.state == State.DELIVERED
    assert [attempt.outcome for attempt in delivery.attempts.all()] == ["HTTP 500", "HTTP 200"]
    endpoint.refresh_from_db()
    assert endpoint.failing_since is None


def test_a_claimed_delivery_is_not_sent_by_another_sender(amira, complete, make_endpoint, receiver):
    endpoint = make_endpoint(receiver.url)
    complete(amira, send=False)
    delivery = WebhookDelivery.objects.get()
    now = timezone.now()
    assert sender.claim(delivery, now)
    assert not sender.claim(delivery, now)
    assert sender.send_due(endpoint.pk, now=now) == 0
    assert receiver.requests == []
    # A sender that died holding the claim does not lose the delivery: it is due again later.
    assert sender.send_due(endpoint.pk, now=now + sender.CLAIM) == 1


# --- Failures, backoff, disabling ----------------------------------------------------------


def test_failures_back_off_exponentially(amira, complete, make_endpoint, receiver):
    receiver.default_status = 503
    endpoint = make_endpoint(receiver.url)
    complete(amira)
    delivery = WebhookDelivery.objects.get()
    waits = []
    for _ in range(4):
        waits.append(delivery.next_attempt_at - delivery.last_attempt_at)
        sender.send_due(endpoint.pk, now=delivery.next_attempt_at)
        delivery.refresh_from_db()
    assert waits == [timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2)]
    assert delivery.attempt_count == 5
    assert [attempt.status_code for attempt in delivery.attempts.all()] == [503] * 5
    assert len({request.headers["webhook-id"] for request in receiver.requests}) == 1


def test_a_dead_endpoint_is_retried_after_connection_errors(amira, complete, make_endpoint):
    make_endpoint(closed_port_url())
    complete(amira)
    delivery = WebhookDelivery.objects.get()
    [attempt] = delivery.attempts.all()
    assert attempt.status_code is None and attempt.error.startswith("Connection failed")
    assert delivery.state == State.PENDING
    assert delivery.next_attempt_at - delivery.last_attempt_at == timedelta(minutes=1)


def test_a_slow_receiver_times_out_and_is_retried(amira, complete, make_endpoint, receiver, monkeypatch):
    monkeypatch.setattr(sender, "TIMEOUT_SECONDS", 0.3)
    receiver.delay = 1.5
    make_endpoint(receiver.url)
    complete(amira)
    delivery = WebhookDelivery.objects.get()
    [attempt] = delivery.attempts.all()
    assert attempt.error == "Timed out after 0.3 s"
    assert attempt.duration_ms < 1400
    assert delivery.state == State.PENDING and delivery.next_attempt_at


def test_an_unavailable_receiver_holds_back_the_other_deliveries(
    amira, chen, complete, make_endpoint, receiver
):
    endpoint = make_endpoint(receiver.url)
    complete(amira, send=False)
    complete(chen, send=False)
    receiver.statuses = [503]
    sender.send_due(endpoint.pk)
    # One attempt only: the second delivery waits for the first one's retry instead of
    # spending another timeout on a receiver that is down.
    assert len(receiver.requests) == 1
    first, second = WebhookDelivery.objects.order_by("pk")
    assert first.attempt_count == 1 and second.attempt_count == 0
    assert second.next_attempt_at == first.next_attempt_at

    sender.send_due(endpoint.pk, now=first.next_attempt_at)
    assert set(WebhookDelivery.objects.values_list("state", flat=True)) == {State.DELIVERED}


def test_a_rejected_message_does_not_hold_back_the_others(amira, chen, complete, make_endpoint, receiver):
    endpoint = make_endpoint(receiver.url)
    complete(amira, send=False)
    complete(chen, send=False)
    receiver.statuses = [400]
    assert sender.send_due(endpoint.pk) == 1
    first, second = WebhookDelivery.objects.order_by("pk")
    assert first.state == State.PENDING and first.last_outcome == "HTTP 400"
    assert second.state == State.DELIVERED


def test_an_endpoint_failing_for_a_day_is_disabled_and_hr_admins_are_told(
    amira, hana, complete, make_endpoint, receiver
):
    UserFactory(username="gone", email="gone@example.org", groups=[HR_ADMINS], is_active=False)
    UserFactory(username="staff-only", email="staff@example.org")
    receiver.default_status = 500
    endpoint = make_endpoint(receiver.url)
    complete(amira)
    delivery = WebhookDelivery.objects.get()

    while delivery.next_attempt_at is not None:
        endpoint.refresh_from_db()
        assert endpoint.active
        assert mail.outbox == []
        sender.send_due(endpoint.pk, now=delivery.next_attempt_at)
        delivery.refresh_from_db()

    endpoint.refresh_from_db()
    assert not endpoint.active
    failing_for = endpoint.disabled_at - endpoint.failing_since
    assert timedelta(days=1) <= failing_for < timedelta(days=1, hours=6)
    assert delivery.state == State.FAILED
    assert delivery.attempt_count == len(sender.RETRY_DELAYS) + 1
    assert "500" in endpoint.disabled_reason

    [message] = mail.outbox
    assert message.to == ["hana@example.org"]
    assert receiver.url in message.body
    assert f"/admin/snippets/api/webhookendpoint/inspect/{endpoint.pk}/" in message.body
    assert "HR system" in message.subject

    # Disabled: nothing more is sent, however late.
    sent = len(receiver.requests)
    assert sender.send_due(endpoint.pk, now=timezone.now() + timedelta(days=30)) == 0
    assert len(receiver.requests) == sent


def test_a_success_within_the_day_keeps_the_endpoint(amira, hana, complete, make_endpoint, receiver):
    receiver.statuses = [500] * 6
    endpoint = make_endpoint(receiver.url)
    complete(amira)
    delivery = WebhookDelivery.objects.get()
    while delivery.state == State.PENDING:
        sender.send_due(endpoint.pk, now=delivery.next_attempt_at)
        delivery.refresh_from_db()
    endpoint.refresh_from_db()
    assert delivery.state == State.DELIVERED and delivery.attempt_count == 7
    assert endpoint.active and endpoint.failing_since is None
    assert mail.outbox == []


def test_410_gone_disables_the_endpoint_at_once(amira, hana, complete, make_endpoint, receiver):
    receiver.statuses = [410]
    endpoint = make_endpoint(receiver.url)
    complete(amira)
    endpoint.refresh_from_db()
    assert not endpoint.active
    assert "410" in endpoint.disabled_reason
    assert len(mail.outbox) == 1


def test_a_url_no_longer_allowed_is_not_called(amira, complete, make_endpoint, receiver, settings):
    make_endpoint(receiver.url)
    settings.WEBHOOKS_ALLOW_LOCAL_HTTP = False
    complete(amira)
    assert receiver.requests == []
    [attempt] = WebhookDelivery.objects.get().attempts.all()
    assert attempt.error.startswith("URL not allowed")


def test_deliveries_the_client_may_no_longer_read_are_cancelled(amira, complete, make_endpoint, receiver):
    endpoint = make_endpoint(receiver.url)
    complete(amira, send=False)
    endpoint.client.revoked = True
    endpoint.client.save()
    sender.send_due(endpoint.pk)
    assert receiver.requests == []
    assert WebhookDelivery.objects.get().state == State.FAILED


# --- Background tasks ----------------------------------------------------------------------


def test_under_a_queueing_backend_completing_only_enqueues(
    amira, complete, make_endpoint, receiver, settings
):
    settings.TASKS = DUMMY_TASKS
    endpoint = make_endpoint(receiver.url)
    complete(amira)
    assert receiver.requests == []
    results = [r for r in tasks.send_webhooks.get_backend().results if r.task.name == "send_webhooks"]
    assert [list(result.args) for result in results] == [[endpoint.pk]]
    assert results[0].task.run_after is None


def test_a_retry_is_scheduled_with_run_after_once(amira, complete, make_endpoint, receiver, settings):
    settings.TASKS = DUMMY_TASKS
    receiver.default_status = 502
    endpoint = make_endpoint(receiver.url)
    complete(amira)
    tasks.send_webhooks.call(endpoint.pk)  # what the worker does with the enqueued task
    delivery = WebhookDelivery.objects.get()

    def scheduled():
        return [
            (result.task.run_after, list(result.args))
            for result in tasks.send_webhooks.get_backend().results
            if result.task.name == "send_webhooks" and result.task.run_after
        ]

    assert scheduled() == [(delivery.next_attempt_at, [endpoint.pk])]
    # Another run before then (a second event's task) plans no second retry.
    tasks.send_webhooks.call(endpoint.pk)
    assert len(scheduled()) == 1
    # The retry itself plans the next one.
    tasks.send(endpoint.pk, now=delivery.next_attempt_at)
    delivery.refresh_from_db()
    assert len(scheduled()) == 2 and scheduled()[-1][0] == delivery.next_attempt_at


def test_no_retry_is_scheduled_for_an_endpoint_switched_off(
    amira, complete, make_endpoint, receiver, settings
):
    settings.TASKS = DUMMY_TASKS
    receiver.default_status = 502
    endpoint = make_endpoint(receiver.url)
    complete(amira)
    tasks.send_webhooks.call(endpoint.pk)
    delivery = WebhookDelivery.objects.get()
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(active=False, next_run_at=None)
    planned = len(tasks.send_webhooks.get_backend().results)

    assert tasks.schedule_next_run(endpoint.pk, now=delivery.next_attempt_at - timedelta(minutes=1)) is None
    assert len(tasks.send_webhooks.get_backend().results) == planned
    # The same endpoint switched on plans its retry.
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(active=True)
    assert tasks.schedule_next_run(endpoint.pk, now=delivery.next_attempt_at - timedelta(minutes=1))
    assert len(tasks.send_webhooks.get_backend().results) == planned + 1


def test_the_task_never_raises(monkeypatch, make_endpoint):
    endpoint = make_endpoint("https://hr.example.org/hooks")

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(sender, "send_due", broken)
    assert tasks.send_webhooks.call(endpoint.pk) == 0


def test_retry_command_sends_due_deliveries(amira, complete, make_endpoint, receiver):
    receiver.statuses = [500]
    make_endpoint(receiver.url)
    complete(amira)
    WebhookDelivery.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    out = io.StringIO()
    call_command("retry_webhooks", stdout=out)
    assert "delivered: 1" in out.getvalue()
    assert WebhookDelivery.objects.get().state == State.DELIVERED


# --- A staff member's course completion never suffers --------------------------------------


def test_a_dead_endpoint_does_not_break_completing_a_course(
    amira, amira_client, module, make_endpoint, django_capture_on_commit_callbacks
):
    make_endpoint(closed_port_url())
    with django_capture_on_commit_callbacks(execute=True):
        response = amira_client.post(reverse("quizzes:mark_complete", args=[module.pk]))
    assert response.status_code == 302
    assert CourseCompletion.objects.filter(user=amira, course_code="INF-101").exists()
    delivery = WebhookDelivery.objects.get()
    assert delivery.state == State.PENDING
    assert delivery.attempts.get().error.startswith("Connection failed")


def test_an_enqueue_failure_does_not_break_completing_a_course(
    amira, amira_client, module, make_endpoint, monkeypatch, django_capture_on_commit_callbacks
):
    class BrokenQueue:
        def enqueue(self, *args):
            raise ConnectionError("task database unavailable")

    monkeypatch.setattr(tasks, "send_webhooks", BrokenQueue())
    make_endpoint("https://hr.example.org/hooks")
    with django_capture_on_commit_callbacks() as hooks:
        response = amira_client.post(reverse("quizzes:mark_complete", args=[module.pk]))
    assert response.status_code == 302
    for hook in hooks:
        hook()  # raises nothing: the hook logs the failure
    # The delivery is stored: ``retry_webhooks`` (or the next event's task) sends it.
    assert WebhookDelivery.objects.get().state == State.PENDING


def test_a_webhook_bug_does_not_undo_the_completion(amira, complete, make_endpoint, monkeypatch):
    def broken(rows):
        raise KeyError("serializer bug")

    monkeypatch.setattr(events, "serialise_completions", broken)
    make_endpoint("https://hr.example.org/hooks")
    completion = complete(amira)
    assert completion.pk
    assert not WebhookDelivery.objects.exists()


def test_no_endpoint_costs_one_query(amira, course, module, django_assert_num_queries):
    completion = CourseCompletionFactory(user=amira, course_code="X-1")
    with django_assert_num_queries(1):
        events.record(
            Event.COMPLETION_CREATED,
            CourseCompletion.objects.filter(pk=completion.pk),
            events.serialise_completions,
            lambda row: f"completion.created:{row.pk}",
        )


# --- URLs ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, local_http, allowed",
    [
        ("https://hr.example.org/hooks", False, True),
        ("https://hr.example.org/hooks", True, True),
        ("http://hr.example.org/hooks", True, False),
        ("http://localhost:9000/hooks", True, True),
        ("http://127.0.0.1:9000/hooks", True, True),
        ("http://localhost:9000/hooks", False, False),
        ("http://127.0.0.1:9000/hooks", False, False),
        ("ftp://hr.example.org/hooks", True, False),
        ("https:///hooks", True, False),
    ],
)
def test_endpoint_urls_must_be_https_except_locally_in_development(settings, url, local_http, allowed):
    settings.WEBHOOKS_ALLOW_LOCAL_HTTP = local_http
    if allowed:
        validate_webhook_url(url)
    else:
        with pytest.raises(ValidationError):
            validate_webhook_url(url)


def test_local_http_follows_debug_by_default(settings):
    del settings.WEBHOOKS_ALLOW_LOCAL_HTTP
    settings.DEBUG = True
    validate_webhook_url("http://localhost:9000/hooks")
    settings.DEBUG = False
    with pytest.raises(ValidationError):
        validate_webhook_url("http://localhost:9000/hooks")
