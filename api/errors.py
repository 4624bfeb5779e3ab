"""One JSON shape for every error the API returns:

    {"error": {"status": 400, "code": "invalid", "message": "…", "fields": {"page_size": ["…"]}}}

``fields`` is present only for bad parameters."""

from http import HTTPStatus

from django.http import JsonResponse
from django.utils.translation import gettext as _

from rest_framework import exceptions
from rest_framework.views import exception_handler


def error_body(status, code, message, fields=None):
    error = {"status": status, "code": code, "message": message}
    if fields is not None:
        error["fields"] = fields
    return {"error": error}


def api_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        fields = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        response.data = error_body(
            response.status_code, "invalid", _("Some parameters are not valid."), _plain(fields)
        )
    else:
        # Django's Http404 and PermissionDenied have no ``detail``; DRF put one in the data.
        detail = getattr(exc, "detail", None)
        if detail is None and isinstance(response.data, dict):
            detail = response.data.get("detail")
        if isinstance(detail, (list, dict)) or not detail:
            # A list or dict detail would not fit "message"; say what the status means instead.
            detail = exceptions.ErrorDetail(_default_message(response.status_code), "error")
        code = detail.code if isinstance(detail, exceptions.ErrorDetail) else "error"
        response.data = error_body(response.status_code, code, str(detail))
    return response


def _default_message(status):
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return _("Error")


def _plain(value):
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return str(value)


def not_found(request, *args, **kwargs):
    """Any URL under /api/ that matches no endpoint."""
    return JsonResponse(
        error_body(404, "not_found", _("There is no API endpoint at this address.")), status=404
    )


def server_error(request, *args, **kwargs):
    """Django's 500 answer under /api/ (``SERVER_ERROR_VIEWS``, elearning.errors), in the API's error shape."""
    body = error_body(500, "server_error", _("Something went wrong on our side; it has been logged."))
    return JsonResponse(body, status=500)
