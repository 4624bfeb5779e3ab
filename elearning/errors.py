"""The site-wide error pages: ``handler500`` (elearning/urls.py) and ``CSRF_FAILURE_VIEW``.

Both are Django's pages with their own <style> block let through the Content-Security-Policy
(templates/500.html must not depend on static files when things are broken). A part of the
site that answers in another format names its own 500 view, by path prefix, in
``SERVER_ERROR_VIEWS`` (the HR API answers JSON under /api/), so this module imports no app."""

from django.conf import settings
from django.utils.module_loading import import_string
from django.views import csrf, defaults

from elearning.csp import allow_own_style_blocks


def server_error(request, *args, **kwargs):
    for prefix, view in settings.SERVER_ERROR_VIEWS.items():
        if request.path.startswith(prefix):
            return import_string(view)(request, *args, **kwargs)
    return allow_own_style_blocks(defaults.server_error(request, *args, **kwargs))


def csrf_failure(request, reason=""):
    """Django's "CSRF verification failed" page (a sign-in form left open too long)."""
    return allow_own_style_blocks(csrf.csrf_failure(request, reason))
