from django.urls import path

from . import views

app_name = "mfa"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("verify/", views.verify, name="verify"),
    path("authenticator/", views.authenticator_setup, name="authenticator"),
    path("passkey/", views.passkey_setup, name="passkey"),
    path("recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("remove/<str:kind>/<int:pk>/", views.remove, name="remove"),
]
