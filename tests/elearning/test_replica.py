"""The read replica (DATABASE_REPLICA_URL, elearning/db_router.py): built from the
environment like the primary, refused when it is another kind of database; the router's
rules; and, through the test replica (a second connection to the test database, TEST MIRROR),
which requests read from it: the admin reports and their exports do, learner pages, quiz
submissions, sign-in and admin edits do not, and a browser that has just written reads from
the primary for the sticky window. The HR API's side is in tests/api/test_replica_reads.py."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections, router, transaction
from django.http import HttpResponse, StreamingHttpResponse
from django.template import engines
from django.template.response import TemplateResponse
from django.test import RequestFactory
from django.views import View

import pytest

from api.models import ApiClient
from elearning import db_router
from elearning.db_router import (
    REPLICA,
    STICKY_COOKIE,
    ReplicaReadsMixin,
    ReplicaRouter,
    StickyPrimaryMiddleware,
    may_read_replica,
    replica_reads,
)
from elearning.settings.database import databases_from_env, replica_from_env, replica_sticky_seconds
from people.models import User
from quizzes.models import AnswerRecord
from records.models import CourseCompletion, Enrolment
from security.models import SecurityEvent
from tests.conftest import _client_for
from tests.factories import CourseCompletionFactory, EnrolmentFactory, correct_answers, take_quiz
from tests.replica import ROUTER, uses_replica

BASE_DIR = Path("/srv/learning")
PRIMARY_URL = "postgres://learning:secret@db.internal:5432/learning"
REPLICA_URL = "postgres://reader:secret@replica.internal:5432/learning"
PROJECT_DIR = Path(__file__).resolve().parents[2]


def _databases(**environ):
    return databases_from_env(BASE_DIR, environ=environ)


# --- Settings ------------------------------------------------------------------------------


def test_the_replica_comes_from_its_url_and_keeps_connections_as_the_primary_does():
    databases = _databases(DATABASE_URL=PRIMARY_URL, DATABASE_REPLICA_URL=REPLICA_URL)
    assert set(databases) == {"default", "replica"}
    replica = databases["replica"]
    assert replica["ENGINE"] == "django.db.backends.postgresql"
    assert (replica["HOST"], replica["USER"], replica["NAME"]) == ("replica.internal", "reader", "learning")
    assert (replica["CONN_MAX_AGE"], replica["CONN_HEALTH_CHECKS"]) == (60, True)

    tuned = _databases(
        DATABASE_URL=PRIMARY_URL,
        DATABASE_REPLICA_URL=REPLICA_URL,
        DATABASE_CONN_MAX_AGE="300",
        DATABASE_CONN_HEALTH_CHECKS="off",
    )
    assert (tuned["replica"]["CONN_MAX_AGE"], tuned["replica"]["CONN_HEALTH_CHECKS"]) == (300, False)

    pooled = _databases(DATABASE_URL=PRIMARY_URL, DATABASE_REPLICA_URL=REPLICA_URL, DATABASE_POOL="on")
    assert pooled["replica"]["OPTIONS"]["pool"] == pooled["default"]["OPTIONS"]["pool"]
    assert pooled["replica"]["CONN_MAX_AGE"] == 0


def test_a_sqlite_replica_of_sqlite_gets_the_same_hardening():
    databases = _databases(DATABASE_REPLICA_URL="sqlite:////srv/copy.sqlite3")
    assert databases["replica"]["NAME"] == "/srv/copy.sqlite3"
    assert databases["replica"]["OPTIONS"] == databases["default"]["OPTIONS"]


@pytest.mark.parametrize(
    ("primary", "replica", "message"),
    [
        (
            PRIMARY_URL,
            "sqlite:////srv/copy.sqlite3",
            "DATABASE_REPLICA_URL is sqlite3 but DATABASE_URL is postgresql",
        ),
        (None, REPLICA_URL, "DATABASE_REPLICA_URL is postgresql but DATABASE_URL is sqlite3"),
    ],
)
def test_a_replica_of_another_kind_of_database_is_refused(primary, replica, message):
    environ = {"DATABASE_REPLICA_URL": replica} | ({"DATABASE_URL": primary} if primary else {})
    with pytest.raises(ImproperlyConfigured, match=message):
        databases_from_env(BASE_DIR, environ=environ)


def test_the_pool_on_a_sqlite_replica_names_the_replica_variable():
    with pytest.raises(ImproperlyConfigured, match="DATABASE_REPLICA_URL is sqlite3"):
        replica_from_env(
            {"ENGINE": "django.db.backends.sqlite3"},
            {"DATABASE_REPLICA_URL": "sqlite:///x", "DATABASE_POOL": "1"},
        )


@pytest.mark.parametrize("value", [None, "", "  "])
def test_without_a_replica_url_there_is_only_the_primary(value):
    environ = {"DATABASE_URL": PRIMARY_URL} | ({"DATABASE_REPLICA_URL": value} if value is not None else {})
    assert list(databases_from_env(BASE_DIR, environ=environ)) == ["default"]


def test_the_sticky_window_is_5_seconds_unless_set():
    assert replica_sticky_seconds({}) == 5
    assert replica_sticky_seconds({"DATABASE_REPLICA_STICKY_SECONDS": "30"}) == 30
    assert replica_sticky_seconds({"DATABASE_REPLICA_STICKY_SECONDS": "0"}) == 0
    with pytest.raises(ImproperlyConfigured, match="DATABASE_REPLICA_STICKY_SECONDS must be 0 or more"):
        replica_sticky_seconds({"DATABASE_REPLICA_STICKY_SECONDS": "-1"})


def _production_settings(**overrides):
    """DATABASES' aliases and DATABASE_ROUTERS as the production settings build them."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))}
    env.update(DJANGO_SETTINGS_MODULE="elearning.settings.production", SECRET_KEY="x" * 50, **overrides)
    code = "import json; from django.conf import settings as s; print(json.dumps([list(s.DATABASES), s.DATABASE_ROUTERS]))"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.subprocess
def test_production_settings_install_the_router_only_with_a_replica():
    with_replica = _production_settings(DATABASE_URL=PRIMARY_URL, DATABASE_REPLICA_URL=REPLICA_URL)
    assert json.loads(with_replica.stdout) == [["default", "replica"], [ROUTER]], with_replica.stderr
    without = _production_settings(DATABASE_URL=PRIMARY_URL)
    assert json.loads(without.stdout) == [["default"], []], without.stderr
    mismatch = _production_settings(DATABASE_URL=PRIMARY_URL, DATABASE_REPLICA_URL="sqlite:////tmp/x.sqlite3")
    assert mismatch.returncode != 0
    assert "DATABASE_REPLICA_URL is sqlite3 but DATABASE_URL is postgresql" in mismatch.stderr


def test_the_test_replica_mirrors_the_test_database_and_the_suite_runs_without_the_router(settings):
    assert settings.DATABASES["replica"]["TEST"]["MIRROR"] == "default"
    assert connections[REPLICA].settings_dict["NAME"] == connections["default"].settings_dict["NAME"]
    assert settings.DATABASE_ROUTERS == []
    assert not db_router.replica_in_use()


# --- The router's rules ----------------------------------------------------------------------


@pytest.fixture
def outside_a_transaction(monkeypatch):
    """The router as a request sees it: the test's own transaction on "default" hidden (these
    tests run no query while it is)."""
    monkeypatch.setattr(connections[DEFAULT_DB_ALIAS], "in_atomic_block", False)


@pytest.fixture
def rules(settings):
    settings.DATABASE_ROUTERS = [ROUTER]
    return ReplicaRouter()


def test_reads_go_to_the_primary_outside_the_scope(rules, outside_a_transaction):
    assert rules.db_for_read(Enrolment) == "default"
    # An object read from the replica does not pull its relations from there afterwards.
    from_replica = Enrolment()
    from_replica._state.db = REPLICA
    assert rules.db_for_read(User, instance=from_replica) == "default"
    assert router.db_for_read(User, instance=from_replica) == "default"


def test_reads_go_to_the_replica_inside_the_scope(rules, outside_a_transaction):
    with replica_reads():
        assert rules.db_for_read(Enrolment) == REPLICA
        assert rules.db_for_read(CourseCompletion) == REPLICA
        assert router.db_for_read(User) == REPLICA
        assert Enrolment.objects.all().db == REPLICA
    assert Enrolment.objects.all().db == "default"


def test_who_may_read_is_always_read_from_the_primary(rules, outside_a_transaction):
    with replica_reads():
        for model in (Permission, Group, ApiClient):
            assert rules.db_for_read(model) == "default", model
        from wagtail.models import GroupCollectionPermission, GroupPagePermission

        assert rules.db_for_read(GroupPagePermission) == "default"
        assert rules.db_for_read(GroupCollectionPermission) == "default"


def test_writes_go_to_the_primary_even_inside_the_scope(rules, outside_a_transaction):
    with replica_reads():
        assert rules.db_for_write(Enrolment) == "default"
        assert router.db_for_write(Enrolment) == "default"
        assert Enrolment.objects.select_for_update().db == "default"  # a read for a write


def test_reads_inside_a_transaction_stay_on_the_primary(rules):
    """The test's own transaction is one: a read in it must see its writes."""
    assert connections[DEFAULT_DB_ALIAS].in_atomic_block
    with replica_reads(), transaction.atomic():
        assert rules.db_for_read(Enrolment) == "default"


def test_migrations_only_on_the_primary_and_relations_across_both(rules):
    assert rules.allow_migrate("default", "records", "enrolment") is True
    assert rules.allow_migrate(REPLICA, "records", "enrolment") is False
    primary, copy = User(), Enrolment()
    primary._state.db, copy._state.db = "default", REPLICA
    assert rules.allow_relation(primary, copy) is True
    elsewhere = User()
    elsewhere._state.db = "archive"
    assert rules.allow_relation(primary, elsewhere) is None


def test_the_scope_ends_with_its_block_even_on_an_error(rules, outside_a_transaction):
    with pytest.raises(RuntimeError), replica_reads():
        raise RuntimeError
    assert rules.db_for_read(Enrolment) == "default"
    with replica_reads():
        with replica_reads():
            pass
        assert rules.db_for_read(Enrolment) == REPLICA  # a nested block leaves the outer one open


def _request(method="GET", sticky_until=None):
    request = RequestFactory().generic(method, "/")
    if sticky_until is not None:
        request.COOKIES[STICKY_COOKIE] = str(sticky_until)
    return request


def test_only_safe_requests_of_someone_who_has_not_just_written_may_read_the_replica(settings):
    settings.DATABASE_REPLICA_STICKY_SECONDS = 5
    now = int(time.time())
    assert may_read_replica(_request("GET"))
    assert may_read_replica(_request("HEAD"))
    for method in ("POST", "PUT", "PATCH", "DELETE", "OPTIONS"):
        assert not may_read_replica(_request(method)), method
    assert not may_read_replica(_request("GET", sticky_until=now + 4))
    assert may_read_replica(_request("GET", sticky_until=now - 1))  # the window has passed
    assert may_read_replica(_request("GET", sticky_until="soon"))
    assert may_read_replica(_request("GET", sticky_until=now + 3600))  # not a value this site sets


def _middleware(status=200):
    return StickyPrimaryMiddleware(lambda request: HttpResponse(status=status))


def test_a_successful_write_makes_the_browser_sticky(settings):
    settings.DATABASE_ROUTERS = [ROUTER]
    settings.DATABASE_REPLICA_STICKY_SECONDS = 7
    before = int(time.time())
    cookie = _middleware(302)(_request("POST")).cookies[STICKY_COOKIE]
    assert before + 7 <= int(cookie.value) <= int(time.time()) + 7
    assert cookie["max-age"] == 7
    assert cookie["httponly"] and cookie["samesite"] == "Lax"

    assert STICKY_COOKIE not in _middleware(200)(_request("GET")).cookies
    assert STICKY_COOKIE not in _middleware(400)(_request("POST")).cookies  # nothing was written
    assert STICKY_COOKIE not in _middleware(403)(_request("DELETE")).cookies
    settings.DATABASE_REPLICA_STICKY_SECONDS = 0
    assert STICKY_COOKIE not in _middleware(200)(_request("POST")).cookies


def test_without_the_router_the_middleware_does_nothing(settings):
    assert settings.DATABASE_ROUTERS == []
    assert STICKY_COOKIE not in _middleware(200)(_request("POST")).cookies


class Probe(ReplicaReadsMixin, View):
    """Records whether the replica scope is open when the view, its template and its stream run."""

    seen = {}

    def get(self, request):
        Probe.seen["view"] = db_router._replica_reads.get()
        if request.GET.get("stream"):
            return StreamingHttpResponse(self.chunks())
        template = engines["django"].from_string("{{ probe }}")
        return TemplateResponse(request, template, {"probe": self.rendered})

    def post(self, request):
        Probe.seen["view"] = db_router._replica_reads.get()
        return HttpResponse()

    def rendered(self):
        Probe.seen["template"] = db_router._replica_reads.get()
        return "ok"

    def chunks(self):
        for n in range(2):
            Probe.seen[f"chunk {n}"] = db_router._replica_reads.get()
            yield b"x"


def test_the_scope_covers_the_view_its_template_and_its_stream():
    Probe.seen.clear()
    response = Probe.as_view()(_request("GET"))
    assert response.content == b"ok"
    factory = RequestFactory()
    streamed = Probe.as_view()(factory.get("/", {"stream": "1"}))
    assert b"".join(streamed.streaming_content) == b"xx"
    assert Probe.seen == {"view": True, "template": True, "chunk 0": True, "chunk 1": True}
    assert db_router._replica_reads.get() is False

    Probe.seen.clear()
    Probe.as_view()(_request("POST"))
    assert Probe.seen == {"view": False}
    Probe.as_view()(_request("GET", sticky_until=int(time.time()) + 3))
    assert Probe.seen == {"view": False}


def test_every_admin_report_reads_from_the_replica():
    """A new ReportView without the mixin would read its rows from the primary: named here."""
    from wagtail.admin.views.reports import ReportView

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    ours = [cls for cls in subclasses(ReportView) if not cls.__module__.startswith("wagtail.")]
    assert {cls.__name__ for cls in ours} >= {
        "TeamCompletionView",
        "OrganisationView",
        "TranscriptView",
        "ItemAnalysisView",
        "SecurityLogView",
    }
    assert [cls for cls in ours if not issubclass(cls, ReplicaReadsMixin)] == []


# --- End to end, through the test replica -----------------------------------------------------


@pytest.fixture
def records(amira, bruno, chen, course, quiz_module):
    """Something in every report: enrolments, a completion, a submitted quiz attempt."""
    EnrolmentFactory(user=amira, course=course)
    EnrolmentFactory(user=chen, course=course)
    take_quiz(chen, quiz_module, course)
    return CourseCompletionFactory(user=amira, course=course)


def _reports(amira):
    """(report address, the table its rows come from)."""
    enrolments = Enrolment._meta.db_table
    return [
        ("/admin/reports/team-completion/", enrolments),
        ("/admin/reports/team-completion/?export=csv", enrolments),
        ("/admin/reports/team-completion/?export=xlsx", enrolments),
        ("/admin/reports/team-completion/results/", enrolments),
        ("/admin/reports/organisation/", enrolments),
        ("/admin/reports/organisation/?export=csv", enrolments),
        (f"/admin/reports/transcript/{amira.pk}/", CourseCompletion._meta.db_table),
        ("/admin/reports/quiz-items/", AnswerRecord._meta.db_table),
        ("/admin/reports/quiz-items/?export=xlsx", AnswerRecord._meta.db_table),
        ("/admin/security-log/", SecurityEvent._meta.db_table),
        ("/admin/security-log/?export=csv", SecurityEvent._meta.db_table),
    ]


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@uses_replica
def test_reports_and_their_exports_read_their_rows_from_the_replica(replica, records, amira, superuser):
    client = _client_for(superuser)
    for url, table in _reports(amira):
        replica.clear()
        response = client.get(url)
        assert response.status_code == 200, url
        assert _body(response), url
        assert replica.reading(REPLICA, table), url
        assert not replica.reading("default", table), url
        # Nothing of the report's own data on the primary: only who is asking, and the
        # security log's record of an export (a write).
        assert replica.tables_read("default") <= {
            "django_session",
            "people_user",
            "wagtailusers_userprofile",
        }, (
            url,
            replica.tables_read("default"),
        )


@uses_replica
def test_a_managers_permissions_are_checked_on_the_primary_and_the_rows_read_from_the_replica(
    replica, records, hana
):
    response = _client_for(hana).get("/admin/reports/team-completion/")
    assert response.status_code == 200
    assert "Amira Haddad" in response.content.decode()
    assert replica.reading("default", "auth_permission")
    assert not replica.reading(REPLICA, "auth_permission")
    assert not replica.reading(REPLICA, "auth_group")
    assert replica.reading(REPLICA, Enrolment._meta.db_table)


@uses_replica
def test_learner_pages_quiz_submission_and_sign_in_never_read_the_replica(
    replica, client, amira, password, course, quiz_module
):
    response = client.post("/accounts/login/", {"username": "amira", "password": password})
    assert response.status_code == 302
    for url in ("/", course.url, quiz_module.url, "/my-learning/"):
        response = client.get(url)
        assert response.status_code == 200, url
    response = client.post(f"/learning/modules/{quiz_module.pk}/quiz/")
    assert response.status_code == 302
    attempt = amira.attempts.get()
    answers = {
        f"question-{qid}": [str(c) for c in choices] for qid, choices in correct_answers(attempt).items()
    }
    response = client.post(f"/learning/attempts/{attempt.pk}/submit/", answers)
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200

    assert replica.primary
    assert replica.replica == []
    assert CourseCompletion.objects.filter(user=amira).exists()


@uses_replica
def test_an_admin_edit_reads_the_primary_and_the_writer_then_reads_reports_from_it_for_the_window(
    replica, records, hana, settings
):
    """HR revokes a completion, goes back to the team report: it is read from the primary,
    which has the change; once the window has passed, from the replica again."""
    settings.DATABASE_REPLICA_STICKY_SECONDS = 5
    client = _client_for(hana)
    revoke = f"/admin/snippets/records/coursecompletion/revoke/{records.pk}/"
    assert client.get(revoke).status_code == 200  # the form: an admin edit, never the replica
    response = client.post(revoke, {"reason": "Entered twice; HR ticket 12."})
    assert response.status_code == 302
    assert STICKY_COOKIE in response.cookies
    assert replica.replica == []

    replica.clear()
    response = client.get("/admin/reports/team-completion/")
    assert response.status_code == 200
    assert replica.replica == []
    assert replica.reading("default", Enrolment._meta.db_table)

    # The window has passed (a browser drops the cookie then; the server does not trust it either).
    client.cookies[STICKY_COOKIE] = str(int(time.time()) - 1)
    replica.clear()
    assert client.get("/admin/reports/team-completion/").status_code == 200
    assert replica.reading(REPLICA, Enrolment._meta.db_table)
    assert not replica.reading("default", Enrolment._meta.db_table)
