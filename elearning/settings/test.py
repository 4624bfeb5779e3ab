"""Test settings: fast, isolated, and otherwise as close to production as possible."""

import copy

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Tests do not run collectstatic; the manifest would be missing.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
MEDIA_ROOT = BASE_DIR / "test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Nothing is collected in tests; whitenoise serves from the finders instead of STATIC_ROOT.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
# --- hardening: the suite loads the demo (seed_demo) with DEBUG off ---
DEMO_ALLOWED = True

# --- The read replica (elearning/db_router.py) ---
# A real replica is read-only and cannot hold a test database, so in tests "replica" is the
# test database itself through a second connection (Django's TEST MIRROR), whatever
# DATABASE_REPLICA_URL says. It must be in DATABASES when the test database is set up. The
# router stays off for the suite (the suite's tests run inside one transaction on "default",
# which a second connection cannot see): tests/elearning/test_replica.py installs it in
# transactional tests, whose writes are committed.
DATABASES["replica"] = {**copy.deepcopy(DATABASES["default"]), "TEST": {"MIRROR": "default"}}  # noqa: F405
DATABASE_ROUTERS = []

# --- Open Badges: a signing key made for this test session, never written anywhere ---
OPEN_BADGES_SIGNING_KEY = (
    ec.generate_private_key(ec.SECP256R1())
    .private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    .decode("ascii")
)
OPEN_BADGES_SIGNING_KEY_FILE = ""
OPEN_BADGES_PREVIOUS_PUBLIC_KEYS = ""
