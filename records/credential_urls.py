"""Open Badges addresses, outside the language prefixes: they are identifiers inside issued
credentials, so they never change with the reader's language."""

from django.urls import path

from records import credential_views

app_name = "credentials"
urlpatterns = [
    path("credentials/issuer", credential_views.issuer, name="issuer"),
    path("credentials/keys/<str:thumbprint>", credential_views.key, name="key"),
    path("credentials/status/<str:name>", credential_views.status_list, name="status_list"),
    path(".well-known/jwks.json", credential_views.jwks, name="jwks"),
]
