"""Webhook endpoints and the delivery log in the Wagtail admin: HR admins register
endpoints (the secret shown to them), see every delivery and attempt, and switch a
disabled endpoint back on; other staff see none of it."""

from django.urls import reverse

import pytest

from api import scopes
from api.models import Event, WebhookDelivery, WebhookEndpoint
from api.webhooks import delivery as sender
from people.roles import HR_ADMINS
from records.services import progress
from tests.conftest import _client_for
from tests.responses import assert_refused

ENDPOINTS = "/admin/snippets/api/webhookendpoint/"
DELIVERIES = "/admin/snippets/api/webhookdelivery/"
State = WebhookDelivery.State

pytestmark = pytest.mark.usefixtures("local_receivers")


@pytest.fixture
def api_client(make_api_client):
    return make_api_client(name="Workday")[0]


@pytest.fixture
def endpoint(api_client, receiver):
    return WebhookEndpoint.objects.create(client=api_client, url=receiver.url, events=list(Event.values))


@pytest.fixture
def failed_delivery(amira, module, course, endpoint, receiver, django_capture_on_commit_callbacks):
    """Amira completed the course; the receiver answered 500 with a message."""
    receiver.statuses = [500]
    receiver.response_body = b"receiver exploded"
    with django_capture_on_commit_callbacks(execute=True):
        progress.mark_module_read(amira, module, course)
    receiver.response_body = b'{"received": true}'
    return WebhookDelivery.objects.get()


def endpoint_form(api_client, **overrides):
    data = {
        "client": api_client.pk,
        "url": "https://hr.example.org/hooks/learning",
        "events": [Event.COMPLETION_CREATED, Event.COMPLETION_REVOKED],
        "active": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


# --- HR admins -----------------------------------------------------------------------------


def test_hr_admin_sees_endpoints_and_their_secret(hana_client, endpoint, failed_delivery):
    listing = hana_client.get(ENDPOINTS)
    assert listing.status_code == 200
    assert endpoint.url in listing.content.decode()
    assert "Webhook endpoints" in hana_client.get("/admin/").content.decode()

    inspect = hana_client.get(f"{ENDPOINTS}inspect/{endpoint.pk}/")
    assert inspect.status_code == 200
    content = inspect.content.decode()
    assert endpoint.secret in content
    assert failed_delivery.message_id in content
    assert "HTTP 500" in content
    assert "Failing" in content


def test_hr_admin_sees_each_attempt_of_a_delivery(hana_client, failed_delivery, receiver):
    sender.send_due(failed_delivery.endpoint_id, now=failed_delivery.next_attempt_at)
    listing = hana_client.get(DELIVERIES)
    assert listing.status_code == 200
    assert failed_delivery.message_id in listing.content.decode()

    inspect = hana_client.get(f"{DELIVERIES}inspect/{failed_delivery.pk}/")
    assert inspect.status_code == 200
    content = inspect.content.decode()
    assert "HTTP 500" in content and "receiver exploded" in content
    assert "HTTP 200" in content
    assert "completion.created" in content
    # The body as sent, for checking what the receiver got.
    assert "&quot;certificate_id&quot;" in content


def test_deliveries_filter_by_endpoint(hana_client, failed_delivery, api_client):
    other = WebhookEndpoint.objects.create(
        client=api_client, url="https://other.example.org/hooks", events=[Event.COMPLETION_CREATED]
    )
    response = hana_client.get(f"{DELIVERIES}?endpoint={other.pk}")
    assert response.status_code == 200
    assert failed_delivery.message_id not in response.content.decode()
    response = hana_client.get(f"{DELIVERIES}?endpoint={failed_delivery.endpoint_id}")
    assert failed_delivery.message_id in response.content.decode()


def test_hr_admin_registers_an_endpoint_and_is_shown_its_secret(hana_client, api_client):
    response = hana_client.post(f"{ENDPOINTS}add/", endpoint_form(api_client))
    endpoint = WebhookEndpoint.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{ENDPOINTS}inspect/{endpoint.pk}/"
    assert endpoint.client == api_client
    assert endpoint.events == ["completion.created", "completion.revoked"]
    assert endpoint.secret.startswith("whsec_")
    page = hana_client.get(response["Location"]).content.decode()
    assert endpoint.secret in page


def test_the_add_form_shows_no_secret_before_there_is_one(hana_client, api_client):
    response = hana_client.get(f"{ENDPOINTS}add/")
    assert response.status_code == 200
    assert "whsec_" not in response.content.decode()


def test_an_http_url_is_refused_outside_development(hana_client, api_client, settings):
    settings.WEBHOOKS_ALLOW_LOCAL_HTTP = False
    for url in ("http://hr.example.org/hooks", "http://localhost:9000/hooks"):
        response = hana_client.post(f"{ENDPOINTS}add/", endpoint_form(api_client, url=url))
        assert response.status_code == 200
        assert "url" in response.context["form"].errors
    assert not WebhookEndpoint.objects.exists()


def test_events_need_the_matching_scope(hana_client, make_api_client):
    client = make_api_client([scopes.COMPLETIONS], name="Completions only")[0]
    response = hana_client.post(
        f"{ENDPOINTS}add/", endpoint_form(client, events=[Event.COMPLETION_CREATED, Event.ENROLMENT_OVERDUE])
    )
    assert response.status_code == 200
    assert "enrolments:read" in str(response.context["form"].errors["events"])


def test_revoked_clients_are_not_offered(hana_client, make_api_client):
    revoked = make_api_client(name="Old HR system", revoked=True)[0]
    response = hana_client.post(f"{ENDPOINTS}add/", endpoint_form(revoked))
    assert response.status_code == 200
    assert "client" in response.context["form"].errors


def test_a_new_secret_can_be_generated(hana_client, endpoint, api_client):
    old = endpoint.secret
    form = hana_client.get(f"{ENDPOINTS}edit/{endpoint.pk}/").content.decode()
    assert old in form and 'name="new_secret"' in form
    response = hana_client.post(
        f"{ENDPOINTS}edit/{endpoint.pk}/", endpoint_form(api_client, url=endpoint.url, new_secret="on")
    )
    assert response.status_code == 302
    endpoint.refresh_from_db()
    assert endpoint.secret != old and endpoint.secret.startswith("whsec_")
    # Saving without ticking the box keeps the secret.
    hana_client.post(f"{ENDPOINTS}edit/{endpoint.pk}/", endpoint_form(api_client, url=endpoint.url))
    assert WebhookEndpoint.objects.get().secret == endpoint.secret


def test_switching_a_disabled_endpoint_back_on_sends_what_waited(
    hana_client, endpoint, api_client, amira, module, course, receiver, django_capture_on_commit_callbacks
):
    receiver.default_status = 500
    with django_capture_on_commit_callbacks(execute=True):
        progress.mark_module_read(amira, module, course)
    sender.disable(endpoint, "Every delivery failed for more than a day.", endpoint.created_at)
    endpoint.refresh_from_db()
    assert not endpoint.active

    receiver.default_status = 200
    with django_capture_on_commit_callbacks(execute=True):
        response = hana_client.post(
            f"{ENDPOINTS}edit/{endpoint.pk}/", endpoint_form(api_client, url=endpoint.url)
        )
    assert response.status_code == 302
    endpoint.refresh_from_db()
    assert endpoint.active and endpoint.disabled_at is None and endpoint.failing_since is None
    assert WebhookDelivery.objects.get().state == State.DELIVERED
    assert receiver.requests[-1].headers["webhook-id"] == WebhookDelivery.objects.get().message_id


def test_nobody_deletes_an_endpoint_or_writes_a_delivery(hana_client, superuser_client, failed_delivery):
    endpoint = failed_delivery.endpoint
    for client in (hana_client, superuser_client):
        assert_refused(client.post(f"{ENDPOINTS}delete/{endpoint.pk}/"), f"{ENDPOINTS}delete/")
        client.post(f"/admin/bulk/api/webhookendpoint/delete/?id={endpoint.pk}")
        client.post(f"/admin/bulk/api/webhookdelivery/delete/?id={failed_delivery.pk}")
        assert_refused(client.get(f"{DELIVERIES}add/"), f"{DELIVERIES}add/")
        response = client.post(f"{DELIVERIES}edit/{failed_delivery.pk}/", {"state": "delivered"})
        assert response.status_code in (302, 403, 404)
    assert WebhookEndpoint.objects.filter(pk=endpoint.pk).exists()
    assert WebhookDelivery.objects.get().state == State.PENDING


# --- Everyone else -------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["bruno", "amira"])
def test_other_staff_are_refused(request, who, endpoint, failed_delivery):
    client = _client_for(request.getfixturevalue(who))
    for url in (
        ENDPOINTS,
        f"{ENDPOINTS}inspect/{endpoint.pk}/",
        f"{ENDPOINTS}add/",
        f"{ENDPOINTS}edit/{endpoint.pk}/",
        DELIVERIES,
        f"{DELIVERIES}inspect/{failed_delivery.pk}/",
    ):
        response = client.get(url)
        assert_refused(response, url)
        assert endpoint.secret not in response.content.decode()


def test_the_menu_items_are_for_hr_admins(hana_client, bruno):
    assert "Webhook deliveries" in hana_client.get("/admin/").content.decode()
    assert "Webhook endpoints" not in _client_for(bruno).get("/admin/").content.decode()


def test_hr_admin_group_has_the_webhook_permissions(db):
    from django.contrib.auth.models import Group

    codenames = set(Group.objects.get(name=HR_ADMINS).permissions.values_list("codename", flat=True))
    assert {
        "add_webhookendpoint",
        "change_webhookendpoint",
        "view_webhookendpoint",
        "view_webhookdelivery",
    } <= codenames
    assert not codenames & {"delete_webhookendpoint", "add_webhookdelivery", "change_webhookdelivery"}


def test_disabled_email_links_to_the_endpoint(endpoint):
    assert sender.endpoint_admin_url(endpoint).endswith(
        reverse("wagtailsnippets_api_webhookendpoint:inspect", args=(endpoint.pk,))
    )
