"""With REDIS_URL, the cache and the sessions are in the Redis every web process shares:
a session is read without a database query, a sign-out in one process holds in all of them,
and a Redis restart signs nobody out (sessions are written through to the database)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
REDIS = "redis://127.0.0.1:6379/15"


def _settings_with(**env):
    base = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "REDIS_URL"))}
    code = (
        "from django.conf import settings; "
        "print(settings.SESSION_ENGINE, settings.CACHES['default']['BACKEND'], sep='\\n')"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=PROJECT_DIR,
        env={
            **base,
            "DJANGO_SETTINGS_MODULE": "elearning.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.subprocess
def test_redis_url_puts_cache_and_sessions_in_redis():
    assert _settings_with(REDIS_URL=REDIS) == [
        "django.contrib.sessions.backends.cached_db",
        "elearning.cache.RedisCache",
    ]
    assert _settings_with() == [
        "django.contrib.sessions.backends.db",
        "django.core.cache.backends.locmem.LocMemCache",
    ]


@pytest.fixture
def redis_sessions(settings):
    import redis

    server = redis.Redis.from_url(REDIS)
    try:
        server.ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip("no Redis on 127.0.0.1:6379")
    settings.CACHES = {
        "default": {
            "BACKEND": "elearning.cache.RedisCache",
            "LOCATION": REDIS,
            "KEY_PREFIX": f"test-{secrets.token_hex(4)}",
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    yield server
    server.flushdb()


def _session_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response, [q["sql"] for q in context.captured_queries if "django_session" in q["sql"]]


def test_a_session_is_read_from_redis_not_the_database(redis_sessions, amira):
    client = Client()
    client.force_login(amira)
    response, queries = _session_queries(client, "/my-learning/")
    assert response.status_code == 200
    assert queries == []


def test_a_sign_out_in_one_process_holds_in_another(redis_sessions, amira):
    first = Client()
    first.force_login(amira)
    second = Client()  # another web process: the same cookie, the same shared cache
    second.cookies = first.cookies
    assert second.get("/my-learning/").status_code == 200
    cookie = first.cookies["sessionid"].value
    first.post("/accounts/logout/")
    second.cookies["sessionid"] = cookie
    response = second.get("/my-learning/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_redis_restart_signs_nobody_out(redis_sessions, amira):
    client = Client()
    client.force_login(amira)
    redis_sessions.flushdb()  # what a restart of a Redis that keeps nothing on disk leaves
    response, queries = _session_queries(client, "/my-learning/")
    assert response.status_code == 200 and len(queries) == 1  # read from the database, cached again
    response, queries = _session_queries(client, "/my-learning/")
    assert response.status_code == 200 and queries == []


def test_the_cache_keeps_one_redis_client_per_pool(redis_sessions):
    from django.core.cache import caches

    cache = caches["default"]
    cache.set("kept-client", {"a": 1}, 30)
    client = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is client
    assert cache.get("kept-client") == {"a": 1}
    assert cache.get_many(["kept-client", "missing"]) == {"kept-client": {"a": 1}}
    cache.delete("kept-client")
    assert cache.get("kept-client") is None
    assert cache._cache.get_client() is client
