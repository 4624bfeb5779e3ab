"""The password reset request, under accounts/ (elearning/urls.py): throttled per address and
per email (password_reset.py)."""

from django.urls import path

from signin.password_reset import ThrottledPasswordResetView

urlpatterns = [path("password_reset/", ThrottledPasswordResetView.as_view(), name="password_reset")]
