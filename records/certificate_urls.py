"""Certificate URLs, included at ``certificates/`` inside the language-prefixed patterns."""

from django.urls import path

from records import certificate_views

app_name = "certificates"
urlpatterns = [
    path("<str:code>/", certificate_views.verify, name="verify"),
    path("<str:code>/certificate.pdf", certificate_views.download, name="download"),
    path("<str:code>/open-badge.json", certificate_views.open_badge, name="open_badge"),
    path("<str:code>/open-badge.jwt", certificate_views.open_badge_jwt, name="open_badge_jwt"),
]
