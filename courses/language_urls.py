"""Switching the reader's language, at i18n/setlang/ in no language prefix (elearning/urls.py)."""

from django.urls import path

from courses import views

urlpatterns = [path("setlang/", views.switch_language, name="set_language")]
