"""Single sign-on, under oidc/ in no language prefix: the provider sends people back to
/oidc/callback/ (elearning/urls.py)."""

from django.urls import path

from people import sso

urlpatterns = [
    path("authenticate/", sso.sign_in, name="oidc_authentication_init"),
    path("callback/", sso.callback, name="oidc_authentication_callback"),
]
