from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware


class SiteLoginRequiredMiddleware(LoginRequiredMiddleware):
    """The learner site is for staff only. Paths that guard themselves (the Wagtail
    admin with its own login, the token-authenticated API, the health check) are
    left to their own checks; single views opt out with ``@login_not_required``."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith(tuple(settings.LOGIN_EXEMPT_PATH_PREFIXES)):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)
