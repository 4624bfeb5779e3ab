from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from wagtail.models import Site


def _schema_present():
    """A real read of the tables every page needs: the staff directory and Wagtail's sites.
    A missing SQLite file (created empty on connect) or an unmigrated database fails here."""
    get_user_model().objects.only("pk").exists()
    Site.objects.only("pk").exists()


@login_not_required
@never_cache
@require_safe
def healthz(request):
    """For load balancers: 200 when the app, its database and its schema answer, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    try:
        _schema_present()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "ok", "schema": "missing"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok", "schema": "ok"})
