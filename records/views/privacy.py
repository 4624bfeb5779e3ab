"""Downloading a person's data (records.privacy.export): HR admins from the staff member's
admin page, and each person their own from their account page. Both write the archive to a
temporary file (not memory) and send it; both are in the security log."""

import tempfile

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from records.privacy.export import BY_HR, BY_SELF, archive_name, can_export, export_person


def _archive_response(person, request, channel):
    spool = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it when sent)
    try:
        export_person(person, spool, channel=channel, actor=request.user, request=request)
        spool.seek(0)
    except BaseException:
        spool.close()
        raise
    response = FileResponse(
        spool, as_attachment=True, filename=archive_name(person), content_type="application/zip"
    )
    # Personal data: never kept by a browser's or a proxy's cache.
    response["Cache-Control"] = "no-store, private"
    return response


@require_GET
@never_cache
def export_person_data(request, user_id):
    """The admin's *Export personal data* (a GET download, as every admin export: it changes
    nothing but the security log). HR admins and superusers; superusers' accounts only for
    superusers (``can_export``)."""
    person = get_object_or_404(get_user_model(), pk=user_id)
    if not can_export(request.user, person):
        raise PermissionDenied
    return _archive_response(person, request, BY_HR)


@require_POST
@login_required
@never_cache
def download_my_data(request):
    """*Download my data*: the signed-in person's own archive, never anyone else's (no
    argument names a person). A POST with the CSRF token, so no link elsewhere starts it."""
    return _archive_response(request.user, request, BY_SELF)
