"""The signed-in person read with a statement compiled once per process (people/session_user.py)."""

from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from elearning import compiled
from people import session_user


def _fields(user):
    return {field.attname: getattr(user, field.attname) for field in user._meta.concrete_fields}


def test_the_user_read_is_the_user_the_orm_reads(amira):
    compiled.forget()
    read = session_user.user_by_pk(amira.pk)
    assert _fields(read) == _fields(get_user_model().objects.get(pk=amira.pk))
    assert read._state.adding is False and read._state.db == "default"
    # Read again with the kept statement: the same person, and another id gives another.
    assert session_user.user_by_pk(str(amira.pk)).username == "amira"
    assert session_user.user_by_pk(amira.pk + 1000) is None
    assert (
        session_user._USER._by_connection[connections["default"]] is not False
    )  # kept, not the ORM's fallback


def test_a_signed_in_request_reads_the_user_once(amira_client, amira):
    amira_client.get("/my-learning/")
    with CaptureQueriesContext(connection) as queries:
        assert amira_client.get("/my-learning/").status_code == 200
    assert sum('FROM "people_user"' in query["sql"] for query in queries.captured_queries) == 1


def test_a_leaver_s_open_session_ends(amira_client, amira):
    assert amira_client.get("/my-learning/").status_code == 200
    get_user_model().objects.filter(pk=amira.pk).update(is_active=False)
    response = amira_client.get("/my-learning/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
