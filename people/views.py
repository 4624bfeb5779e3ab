from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override


class StaffAuthenticationForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        # Sign-in names are not case-sensitive here, unlike Django's default message says.
        "invalid_login": _(
            "That username or work email and password do not match. Check them and try again."
        ),
    }


class StaffLoginView(LoginView):
    """Sign-in that, unless the person was on their way somewhere, opens the site in
    their preferred language and remembers that choice."""

    redirect_authenticated_user = True
    authentication_form = StaffAuthenticationForm

    def get_default_redirect_url(self):
        language = getattr(self.request.user, "preferred_language", None) or settings.LANGUAGE_CODE
        with override(language):
            return reverse("wagtail_serve", args=[""])

    def form_valid(self, form):
        response = super().form_valid(form)
        language = form.get_user().preferred_language
        if language in dict(settings.LANGUAGES):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
            )
        return response
