"""Joining as a partner learner, in the reader's language (elearning/urls.py)."""

from django.urls import path

from partners import views

app_name = "partners"
urlpatterns = [
    path("register/", views.register, name="register"),
    path("register/check-your-inbox/", views.check_inbox, name="check_inbox"),
    path("join/<str:token>/", views.join, name="join"),
    path("verify/<str:token>/", views.verify, name="verify"),
]
