"""Content-Security-Policy by area, and Permissions-Policy on every response.

Three policies, all built from settings at request time (``elearning/settings/base.py``,
block "Content-Security-Policy and Permissions-Policy"):

- the learner site (everything but the two below): the site's own scripts and styles
  only, no inline script or style at all, video players framed only from the hosts the
  video block supports (and only once the learner presses Play: static/js/site.js);
- the Wagtail admin (``/admin/``): Wagtail 8 still renders some inline ``<script>``
  (inline panels, date pickers) and inline styles, so those are allowed there, and
  nothing else is: no eval, no outside host, no plugins, framing by the admin itself
  (the page preview) only;
- the HR API's interactive docs (``/api/v1/docs/``): Swagger UI from this server, its
  start-up script served as a file (``api.views.ApiDocsView``).

``CSP_REPORT_ONLY_MODE`` (env ``CSP_REPORT_ONLY``) sends the same policies as
``Content-Security-Policy-Report-Only`` instead; ``CSP_REPORT_ENDPOINT`` (env
``CSP_REPORT_URI``) adds a ``report-uri``. django-csp's view decorators (``@csp_update``
and friends) still work on top of the chosen policy.
"""

import base64
import hashlib
import re
from urllib.parse import urlsplit

from django.conf import settings

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config

DATA = "data:"
BLOB = "blob:"

ADMIN_PREFIX = "/admin/"
API_DOCS_PREFIX = "/api/v1/docs/"


def origin_of(url):
    """``https://host[:port]`` of an absolute URL, or None for a relative one."""
    parts = urlsplit(url or "")
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


def media_origins():
    """Where uploaded images and documents come from when not from this server: the
    origin of an absolute MEDIA_URL (object storage) plus CSP_MEDIA_ORIGINS."""
    origins = [origin_of(settings.MEDIA_URL)] + list(settings.CSP_MEDIA_ORIGINS)
    return [origin for origin in dict.fromkeys(origins) if origin]


def form_action_origins():
    """Where a form may send the browser, besides this server. Sign-in with an OpenID
    Provider posts to this server, which redirects to the provider, and Chromium checks
    that redirect against form-action too, so the provider's origin is added whenever a
    provider is configured (any of CSP_SIGN_IN_PROVIDER_SETTINGS), with CSP_EXTRA_FORM_ACTION."""
    origins = [SELF]
    for name in settings.CSP_SIGN_IN_PROVIDER_SETTINGS:
        origins.append(origin_of(getattr(settings, name, None)))
    origins += list(settings.CSP_EXTRA_FORM_ACTION)
    return [origin for origin in dict.fromkeys(origins) if origin]


def _common(frame_ancestors):
    policy = {
        "default-src": [SELF],
        "connect-src": [SELF],
        "font-src": [SELF],
        "manifest-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": form_action_origins(),
        "frame-ancestors": frame_ancestors,
        "upgrade-insecure-requests": settings.CSP_UPGRADE_REQUESTS,
    }
    if settings.CSP_REPORT_ENDPOINT:
        policy["report-uri"] = [settings.CSP_REPORT_ENDPOINT]
    return policy


def learner_policy():
    return {
        **_common(frame_ancestors=[NONE]),
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, DATA, *media_origins()],
        "media-src": [SELF, *media_origins()],
        "frame-src": list(settings.CSP_VIDEO_ORIGINS),
    }


def admin_policy():
    """Measured with the browser tests (tests/e2e/test_csp.py visits every admin screen):
    without 'unsafe-inline' Wagtail 8 breaks, as it renders inline <script> (inline panels,
    date pickers in every filtered listing) and its JavaScript adds <style> elements; it
    needs 'unsafe-eval' on none of them."""
    return {
        # The page preview is an iframe of the admin itself.
        **_common(frame_ancestors=[SELF]),
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        # Image uploads preview as blob: URLs; icons and the rich text editor use data:.
        "img-src": [SELF, DATA, BLOB, *media_origins()],
        "media-src": [SELF, *media_origins()],
        # The preview iframe (same origin), and the video players inside a preview.
        "frame-src": [SELF, *settings.CSP_VIDEO_ORIGINS],
    }


def api_docs_policy():
    return {
        **_common(frame_ancestors=[NONE]),
        "script-src": [SELF],
        "style-src": [SELF],
        # Swagger UI's stylesheet draws its icons as data: SVG images.
        "img-src": [SELF, DATA],
    }


STYLE_BLOCK = re.compile(rb"<style>(.*?)</style>", re.DOTALL)


def allow_own_style_blocks(response):
    """Lets the <style> blocks of a page we wrote ourselves, with nothing from the request
    in it (templates/500.html, which must not depend on static files; elearning.errors), apply under the
    policy: each block's sha256 is added to style-src for this response only."""
    hashes = [
        "'sha256-{}'".format(base64.b64encode(hashlib.sha256(block).digest()).decode("ascii"))
        for block in STYLE_BLOCK.findall(response.content)
    ]
    if hashes:
        response._csp_update = {"style-src": hashes}
    return response


def preview_policy():
    """A page previewed in the admin: Wagtail renders it through the whole middleware chain
    on a dummy request with the page's own path, inside the admin's preview iframe. The
    learner policy applies, except that the admin may frame it."""
    return {**learner_policy(), "frame-ancestors": [SELF]}


def policy_for(path, request=None):
    if getattr(request, "is_dummy", False):
        return preview_policy()
    if path.startswith(ADMIN_PREFIX):
        return admin_policy()
    if path.startswith(API_DOCS_PREFIX):
        return api_docs_policy()
    return learner_policy()


class AreaCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the policy chosen by path (see the module docstring),
    enforced or report-only as CSP_REPORT_ONLY_MODE says."""

    def get_policy_parts(self, request, response, report_only=False):
        if report_only != settings.CSP_REPORT_ONLY_MODE:
            # No CONTENT_SECURITY_POLICY* setting exists, so empty parts mean no header.
            return PolicyParts(nonce=getattr(request, "_csp_nonce", None))
        # Views decorated with django-csp's decorators set the enforcing attributes;
        # they apply to whichever header this deployment sends.
        parts = super().get_policy_parts(request, response, report_only=False)
        if parts.config is None:
            parts.config = default_config(policy_for(request.path_info, request))
        return parts


class PermissionsPolicyMiddleware:
    """Permissions-Policy on every response: the powerful browser features the platform
    never uses are off for every page and every frame; passkeys (WebAuthn) stay available
    to this site itself. PERMISSIONS_POLICY maps feature -> allowlist ("" for none)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        header = ", ".join(
            f"{feature}=({allowlist})" for feature, allowlist in settings.PERMISSIONS_POLICY.items()
        )
        response.headers.setdefault("Permissions-Policy", header)
        return response
