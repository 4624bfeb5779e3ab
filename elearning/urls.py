from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from elearning.health import healthz

handler500 = "elearning.errors.server_error"

# Apps are included by name, not imported: the project's helpers (elearning) sit below every
# app, and an import from here would make a circle with the apps that use them.
urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # The HR API under api/v1/, and a JSON 404 for any other address under api/.
    path("api/", include("api.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("courses.language_urls")),
    # Single sign-on: the provider sends people back to /oidc/callback/, in no language prefix.
    path("oidc/", include("people.sso_urls")),
    # Passkey ceremonies (JSON) for the two-step sign-in pages.
    path("mfa/webauthn/", include("mfa.webauthn")),
    # Open Badges: the issuer profile, its public keys (also /.well-known/jwks.json) and the
    # status lists; identifiers inside issued credentials, so in no language prefix.
    path("", include("records.credential_urls")),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("people.urls")),
    # Throttled per address and per email (signin/password_reset.py).
    path("accounts/", include("signin.urls")),
    path("accounts/security/", include("mfa.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    # The learner's actions (records) and quiz pages (quizzes) share one URL namespace.
    path("learning/", include("records.urls")),
    path("certificates/", include("records.certificate_urls")),
    path("my-learning/", include("records.dashboard_urls")),
    # Partner learners joining: invitation links, registration, email verification.
    path("", include("partners.urls")),
    # Search, then Wagtail's page serving with the route kept between requests (courses/serving.py).
    path("", include("courses.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
