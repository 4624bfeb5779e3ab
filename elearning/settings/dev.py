"""Local development: DEBUG on, a throwaway key, emails to the console."""

from .base import *  # noqa: F403
from .base import BASE_DIR
from .env import env_int, env_list, env_networks, env_str

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-never-used-in-production")
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Without a worker running, background jobs run inline in development.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# --- hardening: webhooks to a receiver on this machine (docs/hr-integration.md) ---
WEBHOOK_ALLOWED_NETWORKS = env_networks("WEBHOOK_ALLOWED_NETWORKS", ["127.0.0.0/8", "::1/128"])

# --- Multi-factor authentication ---
# Off unless MFA_REQUIRED_FOR_ADMIN_ROLES=true (base.py). Browsers allow passkeys on http://
# only for "localhost": open http://localhost:$PORT/ to try them (TOTP works on 127.0.0.1 too).
OTP_WEBAUTHN_RP_ID = env_str("WEBAUTHN_RP_ID", "localhost")
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list(
    "WEBAUTHN_ALLOWED_ORIGINS", [f"http://localhost:{env_int('PORT', 8000)}"]
)

# --- Open Badges: a signing key of this checkout's own, made on first use (var/ is ignored) ---
OPEN_BADGES_SIGNING_KEY_FILE = env_str(
    "OPEN_BADGES_SIGNING_KEY_FILE", str(BASE_DIR / "var" / "open-badges-signing-key.pem")
)
OPEN_BADGES_GENERATE_KEY = True
