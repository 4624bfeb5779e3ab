from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from courses import serving
from courses import views as course_views
from elearning.health import healthz
from people import sso
from people.views import StaffLoginView
from quizzes import urls as quiz_urls
from records import urls as learning_urls
from records.views import learning as learning_views
from signin.password_reset import ThrottledPasswordResetView

handler500 = "elearning.errors.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # The HR API under api/v1/, and a JSON 404 for any other address under api/.
    path("api/", include("api.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/setlang/", course_views.switch_language, name="set_language"),
    # Single sign-on: the provider sends people back to /oidc/callback/, in no language prefix.
    path("oidc/authenticate/", sso.sign_in, name="oidc_authentication_init"),
    path("oidc/callback/", sso.callback, name="oidc_authentication_callback"),
    # Passkey ceremonies (JSON) for the two-step sign-in pages.
    path("mfa/webauthn/", include("mfa.webauthn")),
]

urlpatterns += i18n_patterns(
    path("accounts/login/", StaffLoginView.as_view(), name="login"),
    # Throttled per address and per email (signin/password_reset.py).
    path("accounts/password_reset/", ThrottledPasswordResetView.as_view(), name="password_reset"),
    path("accounts/security/", include("mfa.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("search/", course_views.search, name="search"),
    # The learner's actions (records) and quiz pages (quizzes) share one URL namespace.
    path("learning/", include((learning_urls.urlpatterns + quiz_urls.urlpatterns, "quizzes"))),
    path("certificates/", include("records.certificate_urls")),
    path("my-learning/", learning_views.dashboard, name="dashboard"),
    # Wagtail's page serving, with the site and home page kept between requests (courses/serving.py).
    re_path(serve_pattern, serving.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
