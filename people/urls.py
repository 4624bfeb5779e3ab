"""The staff sign-in page, under accounts/ in the reader's language (elearning/urls.py)."""

from django.urls import path

from people.views import StaffLoginView

urlpatterns = [path("login/", StaffLoginView.as_view(), name="login")]
