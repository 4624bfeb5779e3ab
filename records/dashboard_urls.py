"""The "My learning" dashboard, at my-learning/ (elearning/urls.py)."""

from django.urls import path

from records.views import learning

urlpatterns = [path("", learning.dashboard, name="dashboard")]
