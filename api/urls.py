from django.urls import include, path, re_path

from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from . import errors, guide, views, xapi_views

router = SimpleRouter()
router.register("completions", views.CompletionViewSet, basename="completion")
router.register("enrolments", views.EnrolmentViewSet, basename="enrolment")
router.register("tombstones", views.TombstoneViewSet, basename="tombstone")

app_name = "api"

v1 = [
    path("", include(router.urls)),
    path("courses/", views.CourseListView.as_view(), name="courses"),
    path("learners/<str:employee_id>/transcript/", views.TranscriptView.as_view(), name="transcript"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file (?script), not inline,
    # for the docs' Content-Security-Policy (elearning/csp.py).
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/swagger_ui.html"),
        name="docs",
    ),
    path("guide/", guide.guide, name="guide"),
    path("xapi/statements/", xapi_views.StatementListView.as_view(), name="xapi-statements"),
    re_path(r"^.*$", errors.not_found),
]

# Included at api/ by the root URLconf: any other address under api/ is a JSON 404.
urlpatterns = [
    path("v1/", include(v1)),
    re_path(r"^.*$", errors.not_found),
]
