"""Production: everything secret or site-specific comes from the environment,
and the process refuses to start without a secret key."""

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_required

SECRET_KEY = env_required("SECRET_KEY")
# Set XAPI_PSEUDONYM_KEY too (base.py): without it the xAPI actors' pseudonyms derive from
# SECRET_KEY, and rotating the secret key would make every learner a new actor in the LRS.
DEBUG = False

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# /healthz is probed over plain HTTP by the load balancer.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
# X_FRAME_OPTIONS stays at Django's DENY: Wagtail's preview views answer SAMEORIGIN themselves.

# --- Content-Security-Policy ---
# Browsers fetch any http:// sub-resource over https:// instead.
CSP_UPGRADE_REQUESTS = env_bool("CSP_UPGRADE_INSECURE_REQUESTS", True)

# The language cookie travels over HTTPS only, like the session and CSRF cookies.
LANGUAGE_COOKIE_SECURE = True

# --- Multi-factor authentication ---
# Editors, reviewers, managers, HR admins and superusers need a second factor.
MFA_REQUIRED_FOR_ADMIN_ROLES = env_bool("MFA_REQUIRED_FOR_ADMIN_ROLES", True)
