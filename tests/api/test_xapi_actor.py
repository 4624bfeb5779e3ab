"""The xAPI actor is a pseudonym: a keyed hash of the person's internal id (per API client,
or per installation), stable through roster changes, never the employee ID or email. The
expected names are computed here from the documented recipe (docs/hr-integration.md), not
with the feed's own code."""

import base64
import hashlib
import hmac
import importlib

from django.core.exceptions import ImproperlyConfigured

import pytest

from api import scopes, xapi
from api.models import ApiClient
from records.services import progress
from tests.factories import CourseCompletionFactory

URL = "/api/v1/xapi/statements/"


@pytest.fixture(autouse=True)
def _no_settle_time(settings):
    settings.XAPI_SETTLE_SECONDS = 0


def expected(person, key, client=None):
    """HMAC-SHA256 of ``client:<client id>|user:<id>`` (or ``user:<id>`` per installation),
    its first 160 bits in lower-case base32."""
    message = f"client:{client.pk}|user:{person.pk}" if client else f"user:{person.pk}"
    digest = hmac.new(key, message.encode(), hashlib.sha256).digest()[:20]
    return base64.b32encode(digest).decode().lower()


def client_of(api):
    return ApiClient.objects.get(pk=api.key.partition(".")[0])


def actors(api):
    return [statement["actor"] for statement in api.get(URL).json()["statements"]]


def test_the_actor_is_the_documented_keyed_hash(settings, hr_api, amira):
    settings.XAPI_PSEUDONYM_KEY = "a key for the tests"
    CourseCompletionFactory(user=amira)

    [actor] = actors(hr_api)

    name = expected(amira, b"a key for the tests", client_of(hr_api))
    assert actor == {"objectType": "Agent", "account": {"homePage": "http://testserver", "name": name}}
    assert len(name) == 32  # 160 bits: at least the 128 asked for


def test_without_a_key_it_derives_one_from_the_secret_key(settings, hr_api, amira):
    settings.XAPI_PSEUDONYM_KEY = ""
    CourseCompletionFactory(user=amira)
    derived = hmac.new(settings.SECRET_KEY.encode(), b"api.xapi.pseudonym-key", hashlib.sha256).digest()

    [first] = actors(hr_api)
    assert first["account"]["name"] == expected(amira, derived, client_of(hr_api))

    settings.SECRET_KEY = "another secret key, rotated"
    [rotated] = actors(hr_api)
    assert rotated != first  # documented: rotating it changes every actor
    settings.XAPI_PSEUDONYM_KEY = "kept apart from the secret key"
    [kept] = actors(hr_api)
    settings.SECRET_KEY = "rotated again"
    assert actors(hr_api) == [kept]


def test_stable_across_calls_and_roster_changes(hr_api, amira):
    CourseCompletionFactory(user=amira)
    [before] = actors(hr_api)
    assert actors(hr_api) == [before]

    amira.employee_id = "E-NEW-1"
    amira.email = "amira.haddad@example.org"
    amira.full_name = "Amira K. Haddad"
    amira.save()

    assert actors(hr_api) == [before]


def test_never_the_employee_id_or_email(hr_api, amira, chen):
    CourseCompletionFactory(user=amira)
    CourseCompletionFactory(user=chen)
    body = hr_api.get(URL).content.decode()
    for person in (amira, chen):
        for value in (person.employee_id, person.email, person.username, str(person.pk)):
            assert f'"{value}"' not in body
    names = {actor["account"]["name"] for actor in actors(hr_api)}
    assert len(names) == 2
    assert names.isdisjoint({amira.employee_id, amira.email, chen.employee_id, chen.email})


def test_a_voided_statement_has_the_same_actor(hr_api, amira, bruno):
    record = CourseCompletionFactory(user=amira)
    progress.revoke_completion(record, bruno, "Completed on a shared account.")

    statements = hr_api.get(URL).json()["statements"]

    assert [statement["verb"]["id"].rsplit("/", 1)[1] for statement in statements] == ["completed", "voided"]
    assert statements[0]["actor"] == statements[1]["actor"]


def test_per_client_by_default_and_per_installation_when_set(settings, make_api_client, amira):
    CourseCompletionFactory(user=amira)
    _one, first = make_api_client([scopes.XAPI], name="LRS one")
    _two, second = make_api_client([scopes.XAPI], name="LRS two")

    assert actors(first) != actors(second)

    settings.XAPI_ACTOR_SCOPE = "installation"
    assert actors(first) == actors(second)
    settings.XAPI_PSEUDONYM_KEY = "k"
    assert actors(first)[0]["account"]["name"] == expected(amira, b"k")


def test_a_wrong_actor_scope_is_refused(settings, monkeypatch, hr_api, amira):
    CourseCompletionFactory(user=amira)
    settings.XAPI_ACTOR_SCOPE = "person"
    with pytest.raises(ImproperlyConfigured):
        xapi.actor_scope()

    import elearning.settings.base as base

    monkeypatch.setenv("XAPI_ACTOR_SCOPE", "everyone")
    with pytest.raises(ImproperlyConfigured, match="XAPI_ACTOR_SCOPE"):
        importlib.reload(base)
    monkeypatch.setenv("XAPI_ACTOR_SCOPE", "Installation")
    assert importlib.reload(base).XAPI_ACTOR_SCOPE == "installation"
    monkeypatch.delenv("XAPI_ACTOR_SCOPE")
    assert importlib.reload(base).XAPI_ACTOR_SCOPE == "client"


def test_the_schema_describes_the_pseudonym(hr_api):
    schema = hr_api.get("/api/v1/schema/?format=json").json()
    account = schema["components"]["schemas"]["XapiAccount"]["properties"]["name"]
    assert "pseudonym" in account["description"]
    assert "employee ID from the roster" not in account["description"]
