"""The databases from the environment: which database, how its connections are kept, and
the optional read replica.

Why these defaults. Opening a PostgreSQL connection (TCP, authentication, a new server
process) costs about as much as serving a whole 1,000-row API page, so connections are kept
for DATABASE_CONN_MAX_AGE seconds (60) and reused by the next request in the same process.
CONN_HEALTH_CHECKS makes Django test a kept connection before its first use in a request, so
one the server or a firewall dropped while idle is replaced instead of failing the request.

- gunicorn's sync workers serve one request at a time per process: the one kept connection per
  worker *is* the pool, and the server sees one connection per worker process at most.
- The task worker (``manage.py db_worker``, django-tasks-db) calls close_old_connections()
  around each task, so it honours the same maximum age and health checks.
- DATABASE_POOL (Django 5.2's psycopg pool) is for threaded workers (gunicorn --threads,
  gthread) or to cap connections: each process holds up to DATABASE_POOL_MAX_SIZE, so
  max size x processes must stay under PostgreSQL's max_connections. Django refuses a pool
  with persistent connections, so CONN_MAX_AGE is 0 then: "closing" returns the connection
  to the pool, and the pool checks it (CONN_HEALTH_CHECKS) before handing it out again.
- SQLite keeps nothing (0): opening the file is cheap and each new connection applies the
  pragmas below.

DATABASE_REPLICA_URL adds a ``replica`` entry (a PostgreSQL streaming replica of the primary),
kept by the same rules (its own kept connection or pool per process), and elearning/db_router.py
decides what reads from it. A replica of another kind of database than the primary is refused:
the same SQL has to run on both.
"""

import os

from django.core.exceptions import ImproperlyConfigured

import dj_database_url

from .env import env_bool, env_int, env_str

POSTGRESQL_ENGINES = {"django.db.backends.postgresql", "django.contrib.gis.db.backends.postgis"}
SQLITE_ENGINES = {"django.db.backends.sqlite3", "django.contrib.gis.db.backends.spatialite"}

DEFAULT_CONN_MAX_AGE = 60  # seconds a kept connection lives (server databases)
DEFAULT_POOL_MIN_SIZE = 1
DEFAULT_POOL_MAX_SIZE = 4
DEFAULT_POOL_TIMEOUT = 10  # seconds a request waits for a free pooled connection
# Seconds a browser that has just written reads from the primary, not the replica: longer
# than the replica's usual lag (well under a second), so a change is seen on the next page.
DEFAULT_REPLICA_STICKY_SECONDS = 5


def _non_negative_int(name, default, environ):
    value = env_int(name, default, environ)
    if value is not None and value < 0:
        raise ImproperlyConfigured(f"{name} must be 0 or more, got {value}")
    return value


def database_from_env(base_dir, environ=None):
    """The ``default`` entry of DATABASES, from DATABASE_URL (a SQLite file in ``base_dir``
    when unset) and the DATABASE_* variables above. ``environ`` defaults to os.environ."""
    environ = os.environ if environ is None else environ
    url = env_str("DATABASE_URL", None, environ) or f"sqlite:///{base_dir / 'db.sqlite3'}"
    return _database(url, "DATABASE_URL", environ)


def replica_from_env(primary, environ=None):
    """The ``replica`` entry of DATABASES from DATABASE_REPLICA_URL, its connections kept by
    the same DATABASE_* rules as ``primary`` (the ``default`` entry); None when unset."""
    environ = os.environ if environ is None else environ
    url = (env_str("DATABASE_REPLICA_URL", None, environ) or "").strip()
    if not url:
        return None
    replica = _database(url, "DATABASE_REPLICA_URL", environ)
    if replica["ENGINE"] != primary["ENGINE"]:
        raise ImproperlyConfigured(
            f"DATABASE_REPLICA_URL is {_kind(replica)} but DATABASE_URL is {_kind(primary)}: a replica "
            "must be the same kind of database as the primary (a PostgreSQL replica of a PostgreSQL "
            "primary)."
        )
    return replica


def databases_from_env(base_dir, environ=None):
    """DATABASES: ``default``, and ``replica`` when DATABASE_REPLICA_URL is set."""
    default = database_from_env(base_dir, environ)
    replica = replica_from_env(default, environ)
    return {"default": default, "replica": replica} if replica else {"default": default}


def replica_sticky_seconds(environ=None):
    """DATABASE_REPLICA_STICKY_SECONDS: how long a browser that has just written reads from
    the primary (0: not at all)."""
    environ = os.environ if environ is None else environ
    return _non_negative_int("DATABASE_REPLICA_STICKY_SECONDS", DEFAULT_REPLICA_STICKY_SECONDS, environ)


def _kind(database):
    return database["ENGINE"].rsplit(".", 1)[-1]


def _database(url, variable, environ):
    """One DATABASES entry from ``url`` (named ``variable`` in messages), kept by the rules above."""
    database = dj_database_url.parse(url)
    engine = database["ENGINE"]
    is_postgresql = engine in POSTGRESQL_ENGINES
    is_sqlite = engine in SQLITE_ENGINES

    max_age = _non_negative_int("DATABASE_CONN_MAX_AGE", None, environ)
    pool = env_bool("DATABASE_POOL", False, environ)
    if pool:
        if not is_postgresql:
            raise ImproperlyConfigured(
                f"DATABASE_POOL needs PostgreSQL (psycopg's pool); {variable} is {_kind(database)}."
            )
        if max_age:
            raise ImproperlyConfigured(
                f"DATABASE_POOL and DATABASE_CONN_MAX_AGE={max_age} cannot be combined: Django refuses a "
                "pool with persistent connections. Unset DATABASE_CONN_MAX_AGE (or set it to 0)."
            )
        max_age = 0
        min_size = _non_negative_int("DATABASE_POOL_MIN_SIZE", DEFAULT_POOL_MIN_SIZE, environ)
        max_size = _non_negative_int("DATABASE_POOL_MAX_SIZE", DEFAULT_POOL_MAX_SIZE, environ)
        if max_size < max(min_size, 1):
            raise ImproperlyConfigured(
                f"DATABASE_POOL_MAX_SIZE ({max_size}) must be at least 1 and at least "
                f"DATABASE_POOL_MIN_SIZE ({min_size})."
            )
        timeout = _non_negative_int("DATABASE_POOL_TIMEOUT", DEFAULT_POOL_TIMEOUT, environ)
        if timeout == 0:
            raise ImproperlyConfigured("DATABASE_POOL_TIMEOUT must be at least 1 second.")
        # Django builds psycopg_pool.ConnectionPool(**these) itself, and passes
        # check=ConnectionPool.check_connection when CONN_HEALTH_CHECKS is on: a "check" key
        # here would be a duplicate keyword argument (TypeError on the first query).
        database.setdefault("OPTIONS", {})["pool"] = {
            "min_size": min_size,
            "max_size": max_size,
            "timeout": timeout,
        }
    elif max_age is None:
        max_age = 0 if is_sqlite else DEFAULT_CONN_MAX_AGE
    database["CONN_MAX_AGE"] = max_age
    database["CONN_HEALTH_CHECKS"] = env_bool("DATABASE_CONN_HEALTH_CHECKS", True, environ)

    if is_sqlite:
        # Django's default DEFERRED transactions read first and ask for the write lock later;
        # two of them at once deadlock and SQLite fails one at once with "database is locked"
        # (3 of 20 concurrent quiz starts). IMMEDIATE takes the write lock at BEGIN, so writers
        # queue for up to `timeout` seconds instead; WAL lets pages be read while one writes.
        database.setdefault("OPTIONS", {}).update(
            {
                "transaction_mode": "IMMEDIATE",
                "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20, environ),
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
            }
        )
    return database
