from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.utils.translation import gettext_lazy as _

from people.signin import PasswordPolicyMixin, home_url, remember_language


class StaffAuthenticationForm(PasswordPolicyMixin, AuthenticationForm):
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
        return home_url(self.request.user)

    def form_valid(self, form):
        return remember_language(super().form_valid(form), form.get_user())
