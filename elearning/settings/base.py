"""Settings shared by every environment. Safe by default: DEBUG is off and
nothing here is a secret; dev.py, test.py and production.py build on it."""

from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .database import databases_from_env, replica_sticky_seconds
from .env import env_bool, env_int, env_list, env_networks, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "elearning",
    "security",
    "people",
    "courses",
    "quizzes",
    "records",
    "partners",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.settings",  # records.TeamSettings: what managers may do
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "people.apps.StaffUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "rest_framework_api_key",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "api",
    "demo",  # manage.py seed_demo; no models
    # Two-step sign-in: TOTP apps, recovery codes and passkeys (mfa/).
    "mfa",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # With a read replica: after a write, this browser reads from the primary for a few seconds.
    "elearning.db_router.StickyPrimaryMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Account, role and group-permission changes: one security log entry per change per request.
    "security.account_changes.ChangeCollectorMiddleware",
    # request.user.is_verified(), then the rule that asks for the second factor (mfa/).
    "django_otp.middleware.OTPMiddleware",
    "elearning.middleware.SiteLoginRequiredMiddleware",
    "mfa.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "elearning.urls"
WSGI_APPLICATION = "elearning.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite by default so a fresh machine needs nothing else; PostgreSQL in production, its
# connections kept 60 s with health checks or pooled (DATABASE_POOL): see settings/database.py.
# DATABASE_REPLICA_URL adds a read replica ("replica") for the admin reports and the HR API's
# GET requests; elearning/db_router.py says what reads from it, and why the rest never does.
DATABASES = databases_from_env(BASE_DIR)
DATABASE_ROUTERS = ["elearning.db_router.ReplicaRouter"] if "replica" in DATABASES else []
# After a write, the writer's browser reads from the primary this many seconds (the replica lags).
DATABASE_REPLICA_STICKY_SECONDS = replica_sticky_seconds()
# Read from the primary even where the replica may be read: who may see what (permissions,
# groups, API clients and their keys), so a removed role or a revoked key stops at once.
DATABASE_REPLICA_EXCLUDED_MODELS = [
    "auth.Permission",
    "auth.Group",
    "wagtailcore.GroupPagePermission",
    "wagtailcore.GroupCollectionPermission",
    "api.ApiClient",
]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "people.User"
# AUTH_PASSWORD_VALIDATORS: see "Sign-in defences" at the end.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"
# Paths that authenticate on their own terms (the Wagtail admin has its own login,
# the API uses bearer tokens) and so are not sent to the learner login page.
LOGIN_EXEMPT_PATH_PREFIXES = ["/admin/", "/api/", "/healthz", "/i18n/"]

# Languages: English pages have no prefix; the others live under /es/, /fr/, /ar/.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("ar", _("Arabic")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Fingerprinted, compressed and cached forever by whitenoise.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads (images, their renditions, documents) on S3-compatible object storage when
# S3_BUCKET is set, so every app server reads the same files: at S3_ENDPOINT_URL, path-style
# (<endpoint>/<bucket>/<key>). The bucket stays private: links are signed and expire after
# S3_URL_EXPIRY_SECONDS, and documents go through Wagtail's own view (its privacy checks),
# which redirects to such a link. Without S3_BUCKET they stay under MEDIA_ROOT.
S3_BUCKET = env_str("S3_BUCKET", "")
S3_ENDPOINT_URL = env_str("S3_ENDPOINT_URL", "")
if S3_BUCKET:
    if not urlsplit(S3_ENDPOINT_URL).netloc:
        raise ImproperlyConfigured("S3_BUCKET needs S3_ENDPOINT_URL, e.g. https://objects.example.org.")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": S3_ENDPOINT_URL,
            "region_name": env_str("S3_REGION", "") or None,
            "access_key": env_str("S3_ACCESS_KEY_ID", ""),
            "secret_key": env_str("S3_SECRET_ACCESS_KEY", ""),
            "addressing_style": "path",
            "querystring_auth": True,
            "querystring_expire": env_int("S3_URL_EXPIRY_SECONDS", 3600),
            "default_acl": None,
            "file_overwrite": False,
        },
    }

# Editors' long StreamFields can exceed Django's default limit of form fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "learning@localhost")

CACHES = {
    "default": (
        {"BACKEND": "elearning.cache.RedisCache", "LOCATION": env_str("REDIS_URL")}
        if env_str("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# With a cache every process shares (REDIS_URL), sessions are read from it and written
# through to the database: no query per page to find the session, and a Redis restart signs
# nobody out. Without one each process's cache is its own (a sign-out in one would go unseen
# in another), so sessions stay in the database alone.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if env_str("REDIS_URL")
    else "django.contrib.sessions.backends.db"
)

# Background work (Wagtail's own jobs too) runs on Django's task framework;
# production runs `manage.py db_worker` beside the web processes.
TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

WAGTAIL_SITE_NAME = "Learning Hub"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Field offices have filtered connections: no avatars from a third-party service.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor the admin's check for new Wagtail releases, which fetches from Wagtail's servers.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Wagtail picks PostgreSQL full-text search automatically when the database is PostgreSQL.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]

# How many proxies of ours stand in front of the app (load balancer, ingress). Client
# addresses (lockouts, the security log, API throttling) are read through exactly that
# many X-Forwarded-For hops; 0 trusts no header and uses the connection's address.
TRUSTED_PROXY_COUNT = env_int("NUM_PROXIES", 0)

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["api.renderers.OrjsonRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.BearerKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.HasScope"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ClientRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"api_client": env_str("API_THROTTLE_RATE", "1200/minute")},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.errors.api_exception_handler",
    "UNAUTHENTICATED_USER": None,
    # Only proxies we run may set X-Forwarded-For; 0 means use the connection's address.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}
# The site's 500 page (elearning.errors.server_error) gives way, under these path prefixes,
# to the named view: the HR API answers in its JSON error shape.
SERVER_ERROR_VIEWS = {"/api/": "api.errors.server_error"}
SPECTACULAR_SETTINGS = {
    "TITLE": "Learning Hub HR API",
    "DESCRIPTION": (
        "Read-only training records for HR systems: completions, enrolments, the course "
        "catalogue, transcripts and xAPI statements. Authenticate with "
        "`Authorization: Bearer <key>`; the [integration guide](/api/v1/guide/) walks through a "
        "first sync, incremental syncs and webhooks."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    # The interactive docs' assets come from this server, not from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "APPEND_COMPONENTS": {
        "securitySchemes": {
            "bearerAuth": {"type": "http", "scheme": "bearer", "description": "An API client's key."}
        }
    },
    "SECURITY": [{"bearerAuth": []}],
    "AUTHENTICATION_WHITELIST": [],
    "PREPROCESSING_HOOKS": ["api.schema.only_this_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.add_error_responses",
    ],
}

# xAPI: activity IRIs, the actor's account home page and statement IDs derive from this
# address (WAGTAILADMIN_BASE_URL when empty), so keep it stable once a learning record
# store has ingested statements.
XAPI_BASE_URL = env_str("XAPI_BASE_URL", "")
# Statements are served once this many seconds old, so none commits behind a reader.
XAPI_SETTLE_SECONDS = env_int("XAPI_SETTLE_SECONDS", 30)
# The xAPI actor is a pseudonym: a keyed hash (HMAC-SHA256) of the person's internal id, one
# per API client ("client") or one for the whole installation ("installation"), never the
# employee ID or email. The key is XAPI_PSEUDONYM_KEY, or one derived from SECRET_KEY when
# empty; changing either (rotating the secret key, too, when no XAPI_PSEUDONYM_KEY is set)
# changes every actor, so a learning record store would see everyone as new people.
XAPI_ACTOR_SCOPE = env_str("XAPI_ACTOR_SCOPE", "client").strip().lower()
if XAPI_ACTOR_SCOPE not in ("client", "installation"):
    raise ImproperlyConfigured(f"XAPI_ACTOR_SCOPE must be client or installation, got {XAPI_ACTOR_SCOPE!r}")
XAPI_PSEUDONYM_KEY = env_str("XAPI_PSEUDONYM_KEY", "")

# --- Open Badges 3.0 credentials (records/credentials, README: Open Badges credentials) ---
# The organisation's private signing key (PEM, EC P-256): the key itself, or a file holding it.
# `python manage.py generate_signing_key` makes one. Production must set one (check --deploy).
OPEN_BADGES_SIGNING_KEY = env_str("OPEN_BADGES_SIGNING_KEY", "")
OPEN_BADGES_SIGNING_KEY_FILE = env_str("OPEN_BADGES_SIGNING_KEY_FILE", "")
# Development only: create the key file on first use when it is missing.
OPEN_BADGES_GENERATE_KEY = False
# Public keys (PEM blocks) of earlier signing keys, still published after a rotation.
OPEN_BADGES_PREVIOUS_PUBLIC_KEYS = env_str("OPEN_BADGES_PREVIOUS_PUBLIC_KEYS", "")
# The issuer's name and the address its identifiers are built on (WAGTAILADMIN_BASE_URL when
# empty): credential, issuer and status list ids, so keep it stable once credentials are out.
OPEN_BADGES_ISSUER_NAME = env_str("OPEN_BADGES_ISSUER_NAME", WAGTAIL_SITE_NAME)
OPEN_BADGES_BASE_URL = env_str("OPEN_BADGES_BASE_URL", "")

# Recertification: a module re-opened by a material change is due this many days later
# (an enrolment that came from an assignment rule gets the rule's "due after (days)").
RECERTIFICATION_DUE_DAYS = env_int("RECERTIFICATION_DUE_DAYS", 30)

# The security log (sign-ins, lockouts, MFA, role changes, API clients, exports) keeps this
# many days; `manage.py purge_security_log` (daily) removes older entries.
SECURITY_LOG_RETENTION_DAYS = env_int("SECURITY_LOG_RETENTION_DAYS", 730)

# --- Multi-factor authentication (mfa/) ---
# Admin roles (the groups in people.roles.ROLE_GROUPS and superusers) must enrol and present a
# second factor in every session before they reach /admin/ (on in production.py). Anyone who
# has enrolled, staff included, is asked for it after every sign-in whatever this says.
MFA_REQUIRED_FOR_ADMIN_ROLES = env_bool("MFA_REQUIRED_FOR_ADMIN_ROLES", False)
# Wrong codes in one session before it is signed out (each device also slows down: 1, 2, 4 s...).
MFA_MAX_FAILURES = env_int("MFA_MAX_FAILURES", 5)
MFA_RECOVERY_CODE_COUNT = 10
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# Passkeys are a second factor only, never a sign-in without the password.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = WAGTAIL_SITE_NAME
# A passkey belongs to a domain (the relying party ID, which browsers refuse to be an IP
# address): WEBAUTHN_RP_ID, by default the first host name in ALLOWED_HOSTS; the browser must
# report one of WEBAUTHN_ALLOWED_ORIGINS, by default https:// and that name.
_named_hosts = [host for host in ALLOWED_HOSTS if host and not host.startswith((".", "*"))]
OTP_WEBAUTHN_RP_ID = env_str("WEBAUTHN_RP_ID", "") or (_named_hosts[0] if _named_hosts else "localhost")
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list("WEBAUTHN_ALLOWED_ORIGINS", [f"https://{OTP_WEBAUTHN_RP_ID}"])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# --- Single sign-on (OpenID Connect) and local passwords ---
# people/sso.py (mozilla-django-oidc underneath). SSO is on once OIDC_CLIENT_ID and either
# OIDC_ISSUER (endpoints from its discovery document) or the explicit endpoints are set; the
# provider must send people back to https://<this site>/oidc/callback/. README: *Security*.
OIDC_ISSUER = env_str("OIDC_ISSUER", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = env_str("OIDC_USERINFO_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_JWKS_ENDPOINT", "")
OIDC_RP_CLIENT_ID = env_str("OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = env_str("OIDC_CLIENT_SECRET", "")
OIDC_RP_SCOPES = env_str("OIDC_SCOPES", "openid email profile")
OIDC_RP_SIGN_ALGO = env_str("OIDC_SIGN_ALGO", "RS256")
OIDC_TOKEN_AUTH_METHOD = env_str("OIDC_TOKEN_AUTH_METHOD", "client_secret_basic")  # or client_secret_post
OIDC_TOKEN_USE_BASIC_AUTH = OIDC_TOKEN_AUTH_METHOD == "client_secret_basic"  # noqa: S105 (a method name)
OIDC_USE_PKCE = True
OIDC_USE_NONCE = True
OIDC_TIMEOUT = env_int("OIDC_TIMEOUT", 10)
# Who is who: the staff record whose email (any case) or employee ID equals this claim.
OIDC_MATCH_CLAIM = env_str("OIDC_MATCH_CLAIM", "email")
OIDC_EMAIL_CLAIM = env_str("OIDC_EMAIL_CLAIM", "email")
OIDC_EMPLOYEE_ID_CLAIM = env_str("OIDC_EMPLOYEE_ID_CLAIM", "employee_id")
# People the directory does not know are refused unless this creates their record from the claims.
OIDC_CREATE_USERS = env_bool("OIDC_CREATE_USERS", False)
OIDC_BUTTON_LABEL = env_str("OIDC_BUTTON_LABEL", "")  # empty: "Sign in with your organisation account"
# "superusers": only superusers may sign in with a password (break-glass); staff use SSO.
LOCAL_PASSWORD_LOGIN = env_str("LOCAL_PASSWORD_LOGIN", "everyone")
if OIDC_MATCH_CLAIM not in ("email", "employee_id"):
    raise ImproperlyConfigured(f"OIDC_MATCH_CLAIM must be email or employee_id, got {OIDC_MATCH_CLAIM!r}")
if OIDC_TOKEN_AUTH_METHOD not in ("client_secret_basic", "client_secret_post"):
    raise ImproperlyConfigured(
        f"OIDC_TOKEN_AUTH_METHOD: client_secret_basic or client_secret_post, not {OIDC_TOKEN_AUTH_METHOD!r}"
    )
if LOCAL_PASSWORD_LOGIN not in ("everyone", "superusers"):
    raise ImproperlyConfigured(
        f"LOCAL_PASSWORD_LOGIN must be everyone or superusers, got {LOCAL_PASSWORD_LOGIN!r}"
    )
_SSO_CONFIGURED = bool(OIDC_RP_CLIENT_ID and (OIDC_ISSUER or OIDC_OP_AUTHORIZATION_ENDPOINT))
if LOCAL_PASSWORD_LOGIN != "everyone" and not _SSO_CONFIGURED:  # noqa: S105 (a policy name)
    raise ImproperlyConfigured(
        "LOCAL_PASSWORD_LOGIN=superusers needs single sign-on (OIDC_CLIENT_ID, OIDC_ISSUER)."
    )
WAGTAILADMIN_USER_LOGIN_FORM = "people.signin.AdminLoginForm"

# --- Content-Security-Policy and Permissions-Policy (elearning/csp.py) ---
# One policy for the learner site (own scripts and styles only, no inline ones), one for
# the Wagtail admin and one for the API docs; django-csp builds the headers. The setting
# names avoid django-csp 3's CSP_* names, which its checks reject.
# CSP_REPORT_ONLY=true sends them as Content-Security-Policy-Report-Only (to try a change
# on a live site first); CSP_REPORT_URI adds a report-uri for the browsers' reports.
CSP_REPORT_ONLY_MODE = env_bool("CSP_REPORT_ONLY", False)
CSP_REPORT_ENDPOINT = env_str("CSP_REPORT_URI", "")
# Extra origins for uploaded images and documents (object storage, a CDN); the origin of
# an absolute MEDIA_URL is added on its own.
# With object storage (S3_BUCKET), its endpoint's origin.
CSP_MEDIA_ORIGINS = env_list("CSP_MEDIA_ORIGINS") + (
    ["{0.scheme}://{0.netloc}".format(urlsplit(S3_ENDPOINT_URL))] if S3_BUCKET else []
)
# Extra origins forms may send the browser to (sign-in with an identity provider redirects
# there after a POST). The origin of any of these settings is added on its own when set.
CSP_EXTRA_FORM_ACTION = env_list("CSP_EXTRA_FORM_ACTION")
CSP_SIGN_IN_PROVIDER_SETTINGS = [
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_LOGOUT_ENDPOINT",
    "OIDC_ISSUER",
    "OIDC_OP_ISSUER",
]
# The video players the video block supports (courses/blocks.py, static/js/site.js).
CSP_VIDEO_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CSP_UPGRADE_REQUESTS = False  # production: True
# Browser features the platform never uses are off for every page and frame; passkeys
# (WebAuthn) stay available to the site itself.
PERMISSIONS_POLICY = {
    "accelerometer": "",
    "camera": "",
    "display-capture": "",
    "geolocation": "",
    "gyroscope": "",
    "hid": "",
    "idle-detection": "",
    "magnetometer": "",
    "microphone": "",
    "midi": "",
    "payment": "",
    "screen-wake-lock": "",
    "serial": "",
    "usb": "",
    "xr-spatial-tracking": "",
    "browsing-topics": "",
    "publickey-credentials-create": "self",
    "publickey-credentials-get": "self",
}
# Django's CSRF failure page with its own <style> block allowed (by hash) under the policy.
CSRF_FAILURE_VIEW = "elearning.errors.csrf_failure"
INSTALLED_APPS += ["csp"]  # django-csp (its system checks)
# Right after SecurityMiddleware, so every response (static files, redirects, errors) has them.
_after_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE[_after_security:_after_security] = [
    "elearning.csp.AreaCSPMiddleware",
    "elearning.csp.PermissionsPolicyMiddleware",
]

# --- hardening: demo data, webhook targets ---
# seed_demo creates accounts with a published password: with DEBUG off it runs only where
# this says so (a demo server), and never under production settings without
# --i-know-this-is-production.
DEMO_ALLOWED = env_bool("DEMO_ALLOWED", False)
# Webhooks are never sent to loopback, private, link-local, multicast or reserved addresses
# (api.webhooks.addresses) except into these networks: CIDRs of receivers inside the
# organisation's own network, e.g. WEBHOOK_ALLOWED_NETWORKS=10.20.0.0/16,fd12:3456::/48.
WEBHOOK_ALLOWED_NETWORKS = env_networks("WEBHOOK_ALLOWED_NETWORKS")

# --- hardening: SQLite under concurrent writes ---
# IMMEDIATE transactions, a busy timeout (SQLITE_BUSY_TIMEOUT) and WAL: settings/database.py.

# --- Sign-in defences: lockouts, password reset throttle, passwords, admin sessions ---
# django-axes counts failed sign-ins (both login forms go through Django's authenticate())
# in the database, so every web process sees the same counts without a shared cache.
# Its backend must come first: it refuses a locked-out sign-in before any password check.
INSTALLED_APPS += ["axes", "signin"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "people.signin.LocalPasswordBackend",  # Django's password check, under LOCAL_PASSWORD_LOGIN
    "people.sso.OrganisationAccountBackend",  # single sign-on (see above)
]
MIDDLEWARE += [
    # Signs admin roles out after idle time or the absolute lifetime (after messages).
    "signin.sessions.AdminSessionLimitsMiddleware",
    # Turns a refused (locked-out) sign-in into the lockout page; axes wants it last.
    "axes.middleware.AxesMiddleware",
]
# N failures for one account, from any address, lock that account; M failures from one
# address, whatever the accounts, lock that address. Both unlock after the cool-off.
LOCKOUT_ACCOUNT_FAILURES = env_int("LOCKOUT_ACCOUNT_FAILURES", 5)
LOCKOUT_ADDRESS_FAILURES = env_int("LOCKOUT_ADDRESS_FAILURES", 20)
LOCKOUT_COOLOFF_MINUTES = env_int("LOCKOUT_COOLOFF_MINUTES", 15)
# Shown on the lockout page ("contact the service desk: ..."), e.g. an email or phone number.
SERVICE_DESK_CONTACT = env_str("SERVICE_DESK_CONTACT", "")
AXES_HANDLER = "signin.lockout.LockoutHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# Both read the LOCKOUT_ settings above at each use; the handler states both counts on the
# account limit's scale (see signin/lockout.py).
AXES_FAILURE_LIMIT = "signin.lockout.account_failure_limit"
AXES_COOLOFF_TIME = "signin.lockout.cool_off"
AXES_CLIENT_IP_CALLABLE = "elearning.client_ip.client_ip"
AXES_USERNAME_CALLABLE = "signin.lockout.account_key"
AXES_LOCKOUT_CALLABLE = "signin.lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
# A successful sign-in does not wipe the address's failures (an attacker with one valid
# account could otherwise reset the address counter between guesses).
AXES_RESET_ON_SUCCESS = False
# Sign-ins are in the security log already; no second, unbounded copy in axes' tables.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False

# Password reset requests: at most this many per address and per email in the window; the
# form answers the same either way, but no more emails go out. Counted in the cache (shared
# between processes when REDIS_URL is set).
PASSWORD_RESET_LIMIT_PER_ADDRESS = env_int("PASSWORD_RESET_LIMIT_PER_ADDRESS", 10)
PASSWORD_RESET_LIMIT_PER_EMAIL = env_int("PASSWORD_RESET_LIMIT_PER_EMAIL", 3)
PASSWORD_RESET_WINDOW_MINUTES = env_int("PASSWORD_RESET_WINDOW_MINUTES", 60)
# Partner learners joining (partners/): registrations, invitation links and verification
# links acted on per client address in the window (counted in the cache, as above); past
# that the page answers 429. A verification link works this many hours.
PARTNER_JOIN_LIMIT_PER_ADDRESS = env_int("PARTNER_JOIN_LIMIT_PER_ADDRESS", 20)
PARTNER_JOIN_WINDOW_MINUTES = env_int("PARTNER_JOIN_WINDOW_MINUTES", 60)
PARTNER_VERIFICATION_HOURS = env_int("PARTNER_VERIFICATION_HOURS", 48)
# Throttled, and under LOCAL_PASSWORD_LOGIN (people/signin.py) like the site's form.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "signin.password_reset.ThrottledAdminPasswordResetForm"  # noqa: S105

# Argon2id (memory-hard, Django's recommendation; argon2-cffi) for new and changed passwords,
# with Django's parameters: 100 MiB and ~0.1 s of one core per sign-in (README, Security),
# so a burst of N simultaneous sign-ins needs N x 100 MiB. Hashes
# made before (PBKDF2) still verify and are rehashed with Argon2 at the next sign-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env_int("PASSWORD_MIN_LENGTH", 12)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Admin roles (Editors, Reviewers, Managers, HR admins, superusers) are signed out after this
# long without a request, and this long after signing in whatever they do. Learners keep
# Django's session (SESSION_COOKIE_AGE, two weeks).
ADMIN_SESSION_IDLE_MINUTES = env_int("ADMIN_SESSION_IDLE_MINUTES", 30)
ADMIN_SESSION_MAX_HOURS = env_int("ADMIN_SESSION_MAX_HOURS", 12)
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# axes reports each failure and lockout as a warning; its info lines (start-up banner,
# clean-ups on every attempt) would only add noise.
LOGGING.setdefault("loggers", {})["axes"] = {"level": "WARNING"}
