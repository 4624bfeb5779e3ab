"""API clients are addressed by their key's public prefix, never by the stored hash of the
key (old admin URLs 404), and the security log records every creation, change and
revocation of API clients and webhook endpoints: what changed, never a key, hash or secret."""

import io

from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

from api import scopes
from api.models import ApiClient, Event, WebhookEndpoint
from api.webhooks import delivery as sender
from security.models import SecurityEvent
from tests.factories import DepartmentFactory

CLIENTS = "/admin/snippets/api/apiclient/"
ENDPOINTS = "/admin/snippets/api/webhookendpoint/"
Action = SecurityEvent.Action


def events(action):
    return list(SecurityEvent.objects.filter(action=action).order_by("pk"))


def assert_no_secrets(event, *secrets):
    text = repr(event.detail) + event.object_label
    for secret in secrets:
        assert secret not in text


# --- Client IDs -----------------------------------------------------------------------------


def test_a_clients_id_is_its_key_prefix(make_api_client):
    client, keyed = make_api_client(name="Workday")
    assert client.pk == client.prefix
    assert client.hashed_key not in client.pk
    assert keyed.key.startswith(f"{client.prefix}.")
    assert keyed.get("/api/v1/courses/").status_code == 200


def test_admin_urls_carry_the_prefix_and_never_the_hash(hana_client, make_api_client):
    client, _keyed = make_api_client(name="Workday")
    listing = hana_client.get(CLIENTS).content.decode()
    assert f"{CLIENTS}edit/{client.prefix}/" in listing
    assert client.hashed_key not in listing
    assert hana_client.get(f"{CLIENTS}edit/{client.prefix}/").status_code == 200
    assert hana_client.get(f"{CLIENTS}revoke/{client.prefix}/").status_code == 200
    # The old form, prefix and hash, is no page.
    assert hana_client.get(f"{CLIENTS}edit/{client.prefix}.{client.hashed_key}/").status_code == 404


def test_a_client_created_in_the_admin_gets_a_prefix_id(hana_client):
    response = hana_client.post(
        f"{CLIENTS}add/",
        {"name": "SAP", "scopes": [scopes.COMPLETIONS], "departments": [], "expiry_date": ""},
    )
    assert response.status_code == 200
    client = ApiClient.objects.get(name="SAP")
    assert client.pk == client.prefix and "." not in client.pk


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_moves_existing_clients_and_what_points_at_them():
    executor = MigrationExecutor(connection)
    executor.migrate([("api", "0002_webhooks")])
    executor.loader.build_graph()
    old_apps = executor.loader.project_state([("api", "0002_webhooks")]).apps
    OldClient = old_apps.get_model("api", "ApiClient")
    OldEndpoint = old_apps.get_model("api", "WebhookEndpoint")
    Department = old_apps.get_model("people", "Department")
    department = Department.objects.create(name="Migration test dept")
    client = OldClient.objects.create(
        id="AbCd1234.hashhashhash", prefix="AbCd1234", hashed_key="hashhashhash", name="Old", scopes=["x"]
    )
    client.departments.add(department)
    OldEndpoint.objects.create(client=client, url="https://hr.example.org/", events=["completion.created"])

    executor = MigrationExecutor(connection)
    executor.migrate([("api", "0003_hardening_client_ids")])
    moved = ApiClient.objects.get(prefix="AbCd1234")
    assert moved.pk == "AbCd1234"
    assert list(moved.departments.values_list("name", flat=True)) == ["Migration test dept"]
    assert WebhookEndpoint.objects.get().client_id == "AbCd1234"
    assert not ApiClient.objects.filter(pk="AbCd1234.hashhashhash").exists()
    WebhookEndpoint.objects.all().delete()
    ApiClient.objects.all().delete()
    # Back to the latest, so later tests find the schema they expect.
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


# --- Security log: API clients ---------------------------------------------------------------


def test_creating_a_client_in_the_admin_is_logged(hana_client, hana):
    department = DepartmentFactory(name="Finance")
    response = hana_client.post(
        f"{CLIENTS}add/",
        {"name": "SAP", "scopes": [scopes.COMPLETIONS], "departments": [department.pk], "expiry_date": ""},
        HTTP_USER_AGENT="test-browser",
    )
    client = ApiClient.objects.get(name="SAP")
    [event] = events(Action.API_CLIENT_CREATED)
    assert event.actor == hana
    assert event.object_label == "SAP"
    assert event.detail["client_id"] == client.prefix
    assert event.detail["scopes"] == [scopes.COMPLETIONS]
    assert event.detail["departments"] == ["Finance"]
    assert event.detail["via"] == "admin"
    key = response.context["api_key"]
    assert_no_secrets(event, key, client.hashed_key)


def test_creating_a_client_with_the_command_is_logged(db):
    out = io.StringIO()
    call_command("create_api_client", "Workday", "--scope", scopes.ENROLMENTS, stdout=out)
    key = out.getvalue().strip().splitlines()[-1]
    [event] = events(Action.API_CLIENT_CREATED)
    assert event.actor is None and event.detail["via"] == "command"
    assert event.detail["scopes"] == [scopes.ENROLMENTS]
    assert_no_secrets(event, key, ApiClient.objects.get().hashed_key)


def test_changing_a_client_logs_what_changed(hana_client, hana, make_api_client):
    client, keyed = make_api_client([scopes.COMPLETIONS], name="Workday")
    department = DepartmentFactory(name="Legal")
    response = hana_client.post(
        f"{CLIENTS}edit/{client.pk}/",
        {"name": "Workday", "scopes": [scopes.ENROLMENTS], "departments": [department.pk], "expiry_date": ""},
    )
    assert response.status_code == 302
    [event] = events(Action.API_CLIENT_CHANGED)
    assert event.actor == hana
    assert event.detail["changes"] == {
        "scopes": {"before": [scopes.COMPLETIONS], "after": [scopes.ENROLMENTS]},
        "departments": {"before": [], "after": ["Legal"]},
    }
    assert_no_secrets(event, keyed.key, client.hashed_key)


def test_saving_a_client_unchanged_logs_nothing(hana_client, make_api_client):
    client, _keyed = make_api_client([scopes.COMPLETIONS], name="Workday")
    hana_client.post(
        f"{CLIENTS}edit/{client.pk}/",
        {"name": "Workday", "scopes": [scopes.COMPLETIONS], "departments": [], "expiry_date": ""},
    )
    assert events(Action.API_CLIENT_CHANGED) == []


def test_revoking_a_client_is_logged(hana_client, hana, make_api_client):
    client, keyed = make_api_client(name="Workday")
    assert hana_client.post(f"{CLIENTS}revoke/{client.pk}/").status_code == 302
    [event] = events(Action.API_CLIENT_REVOKED)
    assert event.actor == hana and event.detail["client_id"] == client.pk
    assert_no_secrets(event, keyed.key, client.hashed_key)


# --- Security log: webhook endpoints ---------------------------------------------------------


def test_webhook_endpoint_creation_and_changes_are_logged(hana_client, hana, make_api_client):
    client, _keyed = make_api_client(name="Workday")
    data = {"client": client.pk, "url": "https://hr.example.org/hooks", "events": [Event.COMPLETION_CREATED]}
    assert hana_client.post(f"{ENDPOINTS}add/", {**data, "active": "on"}).status_code == 302
    endpoint = WebhookEndpoint.objects.get()
    [created] = events(Action.WEBHOOK_ENDPOINT_CREATED)
    assert created.actor == hana
    assert created.detail["url"] == "https://hr.example.org/hooks"
    assert created.detail["events"] == [Event.COMPLETION_CREATED]
    assert_no_secrets(created, endpoint.secret)

    old_secret = endpoint.secret
    response = hana_client.post(
        f"{ENDPOINTS}edit/{endpoint.pk}/",
        {**data, "url": "https://hr.example.org/v2/hooks", "new_secret": "on"},  # and switched off
    )
    assert response.status_code == 302
    endpoint.refresh_from_db()
    [changed] = events(Action.WEBHOOK_ENDPOINT_CHANGED)
    assert changed.actor == hana
    assert changed.detail["changes"] == {
        "url": {"before": "https://hr.example.org/hooks", "after": "https://hr.example.org/v2/hooks"},
        "active": {"before": True, "after": False},
        "secret": {"before": "(previous)", "after": "(new)"},
    }
    assert_no_secrets(changed, old_secret, endpoint.secret)


def test_an_endpoint_disabled_by_failures_is_logged(make_api_client):
    from django.utils import timezone

    client, _keyed = make_api_client(name="Workday")
    endpoint = WebhookEndpoint.objects.create(
        client=client, url="https://hr.example.org/hooks", events=[Event.COMPLETION_CREATED]
    )
    sender.disable(
        endpoint, "The receiver answered 410 Gone: it asks for no more deliveries.", timezone.now()
    )
    [event] = events(Action.WEBHOOK_ENDPOINT_CHANGED)
    assert event.actor is None
    assert event.detail["changes"] == {"active": {"before": True, "after": False}}
    assert "410" in event.detail["reason"]
    assert_no_secrets(event, endpoint.secret)
