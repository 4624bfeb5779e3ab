"""Database connections: kept (60 s, health-checked) or pooled, from the environment; and a
connection the server dropped is replaced without an error reaching the client.

The recovery tests drive Django's real WSGI request cycle (WSGIHandler, whose
request_started/request_finished signals run close_old_connections): the test Client
disconnects those signals, so it cannot show what a gunicorn worker does."""

import copy
import time
from pathlib import Path
from wsgiref.util import setup_testing_defaults

from django.core.exceptions import ImproperlyConfigured
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection, connections

import pytest

from elearning.settings import base
from elearning.settings.database import database_from_env

BASE_DIR = Path("/srv/learning")
POSTGRES_URL = "postgres://learning:secret@db.internal:5432/learning"


def _database(**environ):
    return database_from_env(BASE_DIR, environ=environ)


# --- The environment -----------------------------------------------------------------------


def test_postgresql_keeps_connections_60_seconds_with_health_checks_by_default():
    database = _database(DATABASE_URL=POSTGRES_URL)
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["NAME"] == "learning"
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True
    assert "pool" not in database.get("OPTIONS", {})


def test_sqlite_keeps_nothing_and_is_hardened_for_concurrent_writers():
    database = _database()
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(database["NAME"]) == BASE_DIR / "db.sqlite3"
    assert database["CONN_MAX_AGE"] == 0
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert database["OPTIONS"]["timeout"] == 20
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
    assert "pool" not in database["OPTIONS"]


def test_max_age_health_checks_and_busy_timeout_come_from_the_environment():
    database = _database(
        DATABASE_URL=POSTGRES_URL, DATABASE_CONN_MAX_AGE="300", DATABASE_CONN_HEALTH_CHECKS="false"
    )
    assert database["CONN_MAX_AGE"] == 300
    assert database["CONN_HEALTH_CHECKS"] is False
    assert _database(DATABASE_URL=POSTGRES_URL, DATABASE_CONN_MAX_AGE="0")["CONN_MAX_AGE"] == 0
    sqlite = _database(DATABASE_CONN_MAX_AGE="5", SQLITE_BUSY_TIMEOUT="7")
    assert sqlite["CONN_MAX_AGE"] == 5
    assert sqlite["OPTIONS"]["timeout"] == 7


def test_the_pool_uses_djangos_psycopg_pool_without_persistent_connections():
    database = _database(DATABASE_URL=POSTGRES_URL, DATABASE_POOL="true")
    assert database["OPTIONS"]["pool"] == {"min_size": 1, "max_size": 4, "timeout": 10}
    # Django refuses a pool with persistent connections; closing returns it to the pool.
    assert database["CONN_MAX_AGE"] == 0
    # With health checks on, Django gives the pool check=ConnectionPool.check_connection:
    # a pooled connection the server dropped is replaced before a request gets it.
    assert database["CONN_HEALTH_CHECKS"] is True


def test_pool_sizes_and_timeout_come_from_the_environment():
    database = _database(
        DATABASE_URL=POSTGRES_URL,
        DATABASE_POOL="1",
        DATABASE_POOL_MIN_SIZE="2",
        DATABASE_POOL_MAX_SIZE="8",
        DATABASE_POOL_TIMEOUT="3",
        DATABASE_CONN_MAX_AGE="0",
    )
    assert database["OPTIONS"]["pool"] == {"min_size": 2, "max_size": 8, "timeout": 3}
    assert database["CONN_MAX_AGE"] == 0


def test_the_pool_options_are_accepted_by_djangos_postgresql_backend():
    """Django builds ConnectionPool(check=..., **OPTIONS["pool"]) itself: the options must be
    keyword arguments psycopg_pool accepts, and must not repeat "check"."""
    from django.db.backends.postgresql.base import DatabaseWrapper

    settings_dict = copy.deepcopy(connections.settings["default"])
    settings_dict.update(_database(DATABASE_URL=POSTGRES_URL, DATABASE_POOL="on"))
    wrapper = DatabaseWrapper(settings_dict, alias="pool-options-test")
    pool = wrapper.pool  # built, not opened: nothing connects to db.internal
    try:
        assert (pool.min_size, pool.max_size, pool.timeout) == (1, 4, 10)
        assert pool._check is not None
    finally:
        wrapper.close_pool()


def test_pool_with_a_persistent_max_age_is_refused():
    with pytest.raises(ImproperlyConfigured, match="DATABASE_POOL and DATABASE_CONN_MAX_AGE=60"):
        _database(DATABASE_URL=POSTGRES_URL, DATABASE_POOL="true", DATABASE_CONN_MAX_AGE="60")


def test_pool_on_sqlite_is_refused():
    with pytest.raises(ImproperlyConfigured, match="DATABASE_POOL needs PostgreSQL"):
        _database(DATABASE_POOL="true")


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DATABASE_CONN_MAX_AGE", "sixty", "DATABASE_CONN_MAX_AGE must be an integer"),
        ("DATABASE_CONN_MAX_AGE", "-1", "DATABASE_CONN_MAX_AGE must be 0 or more"),
        ("DATABASE_CONN_HEALTH_CHECKS", "maybe", "DATABASE_CONN_HEALTH_CHECKS must be a boolean"),
        ("DATABASE_POOL", "sometimes", "DATABASE_POOL must be a boolean"),
        ("DATABASE_POOL_MIN_SIZE", "one", "DATABASE_POOL_MIN_SIZE must be an integer"),
        ("DATABASE_POOL_MAX_SIZE", "4.5", "DATABASE_POOL_MAX_SIZE must be an integer"),
        ("DATABASE_POOL_MAX_SIZE", "0", r"DATABASE_POOL_MAX_SIZE \(0\) must be at least 1"),
        ("DATABASE_POOL_TIMEOUT", "10s", "DATABASE_POOL_TIMEOUT must be an integer"),
        ("DATABASE_POOL_TIMEOUT", "0", "DATABASE_POOL_TIMEOUT must be at least 1"),
    ],
)
def test_bad_values_are_refused_naming_the_variable(variable, value, message):
    environ = {"DATABASE_URL": POSTGRES_URL, "DATABASE_POOL": "true", variable: value}
    if variable == "DATABASE_CONN_MAX_AGE":
        environ.pop("DATABASE_POOL")
    with pytest.raises(ImproperlyConfigured, match=message):
        database_from_env(BASE_DIR, environ=environ)


def test_pool_max_size_below_min_size_is_refused():
    with pytest.raises(ImproperlyConfigured, match="DATABASE_POOL_MIN_SIZE"):
        _database(
            DATABASE_URL=POSTGRES_URL,
            DATABASE_POOL="1",
            DATABASE_POOL_MIN_SIZE="5",
            DATABASE_POOL_MAX_SIZE="2",
        )


def test_the_settings_use_it():
    expected = database_from_env(base.BASE_DIR)
    actual = base.DATABASES["default"]  # NAME: the test database's, once the suite has set it up
    assert {key: actual[key] for key in expected if key != "NAME"} == {
        key: value for key, value in expected.items() if key != "NAME"
    }


# --- A dropped connection, through the real request cycle (PostgreSQL) ------------------------

# transaction=True: the requests run outside a test transaction, as in production (Django
# drops a connection whose autocommit a request finds changed). serialized_rollback=True, as
# every transactional test here: the flush afterwards would otherwise rerun post_migrate and
# leave rows (the "en" locale) that the next serialized test then restores a second time.
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="kept and pooled connections are for PostgreSQL"
)


def _get(application, path="/healthz"):
    """One request as gunicorn makes it; closing the response fires request_finished."""
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "HTTP_HOST": "testserver"}
    setup_testing_defaults(environ)
    status = []
    result = application(environ, lambda line, headers, exc_info=None: status.append(line))
    try:
        b"".join(result)
    finally:
        result.close()
    return int(status[0].split()[0])


class BackendPids:
    """The PostgreSQL server process behind each query the application runs."""

    def __init__(self):
        self.seen = []

    def __call__(self, execute, sql, params, many, context):
        self.seen.append(context["connection"].connection.info.backend_pid)
        return execute(sql, params, many, context)

    def request(self, application):
        """(status, the one backend pid its queries used)."""
        self.seen.clear()
        status = _get(application)
        pids = set(self.seen)
        assert len(pids) <= 1, pids
        return status, pids.pop() if pids else None


def _terminate(pid):
    """Ends that server process from a connection of our own, and waits until it is gone."""
    import psycopg

    settings_dict = connection.settings_dict
    params = {
        "dbname": settings_dict["NAME"],
        "user": settings_dict["USER"] or None,
        "password": settings_dict["PASSWORD"] or None,
        "host": settings_dict["HOST"] or None,
        "port": settings_dict["PORT"] or None,
    }
    with psycopg.connect(**{key: value for key, value in params.items() if value}, autocommit=True) as admin:
        assert admin.execute("SELECT pg_terminate_backend(%s)", [pid]).fetchone()[0] is True
        deadline = time.monotonic() + 10
        while admin.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid]).fetchone():
            assert time.monotonic() < deadline, f"backend {pid} still running"
            time.sleep(0.05)


@pytest.fixture
def kept_connections():
    """The live connection configured as in production (kept 60 s), restored afterwards."""
    settings_dict = connection.settings_dict
    saved = {key: settings_dict[key] for key in ("CONN_MAX_AGE", "CONN_HEALTH_CHECKS")}

    def configure(health_checks):
        connection.close()  # the next connect() reads the new settings
        settings_dict.update(CONN_MAX_AGE=60, CONN_HEALTH_CHECKS=health_checks)
        return connections["default"]

    yield configure
    connection.close()
    settings_dict.update(saved)


@pytest.fixture
def pooled_connection():
    """A pool-configured DatabaseWrapper as connections["default"] (what DATABASE_POOL builds),
    its pool closed and the test suite's own connection put back afterwards."""
    original = connections["default"]
    original.close()
    installed = []

    def install(health_checks):
        settings_dict = copy.deepcopy(original.settings_dict)
        settings_dict.update(CONN_MAX_AGE=0, CONN_HEALTH_CHECKS=health_checks)
        # One connection, so which one the pool hands out is certain (with more, a request
        # that waited while the pool opened grows it, and the next one may get the other).
        settings_dict["OPTIONS"] = {
            **settings_dict["OPTIONS"],
            "pool": {"min_size": 1, "max_size": 1, "timeout": 5},
        }
        wrapper = type(original)(settings_dict, alias="default")
        connections["default"] = wrapper
        installed.append(wrapper)
        return wrapper

    yield install
    for wrapper in installed:
        wrapper.close()
        wrapper.close_pool()
    connections["default"] = original


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_kept_connection_the_server_dropped_is_replaced_without_an_error(kept_connections):
    kept_connections(health_checks=True)
    application = WSGIHandler()
    pids = BackendPids()
    with connection.execute_wrapper(pids):
        status, first = pids.request(application)
        assert status == 200 and first
        assert pids.request(application) == (200, first)  # kept across requests: no new connection

        _terminate(first)  # e.g. PostgreSQL restarted, or a firewall dropped the idle connection

        status, replacement = pids.request(application)
    assert status == 200
    assert replacement and replacement != first


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_pooled_connection_the_server_dropped_is_replaced_without_an_error(pooled_connection):
    wrapper = pooled_connection(health_checks=True)
    application = WSGIHandler()
    pids = BackendPids()
    with wrapper.execute_wrapper(pids):
        status, first = pids.request(application)
        assert status == 200 and first
        assert wrapper.connection is None  # back in the pool at the end of the request
        assert pids.request(application) == (200, first)  # the pool handed the same one out again

        _terminate(first)

        status, replacement = pids.request(application)
    assert status == 200
    assert replacement and replacement != first


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("kept_or_pooled", ["kept_connections", "pooled_connection"])
def test_without_health_checks_the_dropped_connection_fails_a_request(kept_or_pooled, request):
    """The control: the health check is what spares the client."""
    wrapper = request.getfixturevalue(kept_or_pooled)(health_checks=False)
    application = WSGIHandler()
    pids = BackendPids()
    with wrapper.execute_wrapper(pids):
        status, first = pids.request(application)
        assert status == 200 and first
        _terminate(first)

        assert _get(application) == 503  # /healthz: "database unavailable"
        # The failed request's connection is discarded at its end; the next one reconnects.
        status, replacement = pids.request(application)
    assert status == 200
    assert replacement and replacement != first
