from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

from rest_framework import exceptions, permissions

from .models import ApiClient


class HasScope(permissions.BasePermission):
    """The client must be authenticated (401 otherwise) and hold the view's
    ``required_scope`` (403 otherwise); a tuple of scopes asks for any one of them."""

    def has_permission(self, request, view):
        client = request.auth
        if not isinstance(client, ApiClient):
            raise exceptions.NotAuthenticated()
        scope = getattr(view, "required_scope", None)
        if not scope:
            # An endpoint that forgot to name its scope is a bug, not an open door.
            raise ImproperlyConfigured(f"{type(view).__name__} has no required_scope.")
        needed = scope if isinstance(scope, tuple) else (scope,)
        if not any(client.has_scope(name) for name in needed):
            raise exceptions.PermissionDenied(
                _("This API client lacks the “%(scope)s” scope.") % {"scope": "” or “".join(needed)}
            )
        return True
