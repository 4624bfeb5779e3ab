"""API test fixtures: HR systems as API clients, each with its key."""

from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client

import pytest

from api import scopes
from api.models import ApiClient
from tests.api.receiver import Receiver
from tests.factories import CourseCompletionFactory, EnrolmentFactory


class KeyedClient(Client):
    """Django's test client sending ``Authorization: Bearer <key>`` on every request."""

    def __init__(self, key, **defaults):
        super().__init__(HTTP_AUTHORIZATION=f"Bearer {key}", **defaults)
        self.key = key


@pytest.fixture
def make_api_client(db):
    """make_api_client(scopes=[...], departments=[...], **fields) -> (ApiClient, KeyedClient)."""

    def make(scope_list=None, departments=(), name="HR system", **fields):
        client, key = ApiClient.objects.create_key(
            name=name, scopes=list(scope_list if scope_list is not None else scopes.ALL), **fields
        )
        client.departments.set(departments)
        return client, KeyedClient(key)

    return make


@pytest.fixture
def hr_api(make_api_client):
    """A client with every scope, for everyone."""
    return make_api_client()[1]


@pytest.fixture
def receiver():
    """A webhook receiver listening on 127.0.0.1 (tests/api/receiver.py)."""
    receiver = Receiver().start()
    yield receiver
    receiver.stop()


@pytest.fixture
def local_receivers(settings):
    """The receiver is plain http on 127.0.0.1, as with ``make run``: loopback is allowed
    explicitly (tests/api/test_webhook_addresses.py shows it refused otherwise)."""
    settings.WEBHOOKS_ALLOW_LOCAL_HTTP = True
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8", "::1/128"]


@pytest.fixture
def _connections_kept():
    """Schemathesis calls the WSGI application directly, whose request signals would close
    the test's database connection mid-transaction (Django's test client disconnects them
    the same way)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_key(make_api_client, amira, chen, course, module, _connections_kept):
    """Some data to serve, and a key with every scope."""
    CourseCompletionFactory(user=amira)
    EnrolmentFactory(user=chen)
    return make_api_client()[1].key


@pytest.fixture(autouse=True)
def _no_statements_kept():
    """Each test compiles its own page queries (api/statements.py)."""
    from api import statements

    statements.forget()
    yield
    statements.forget()
