"""API test fixtures: HR systems as API clients, each with its key."""

from django.test import Client

import pytest

from api import scopes
from api.models import ApiClient


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
