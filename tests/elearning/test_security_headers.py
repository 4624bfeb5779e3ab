"""Content-Security-Policy by area (learner site, Wagtail admin, API docs) and
Permissions-Policy on every response (elearning/csp.py)."""

import base64
import hashlib
import re

from django.test import Client, override_settings
from django.urls import path

import pytest

from quizzes.models import Attempt
from tests.factories import add_quiz, every_block_body, make_document, make_image, make_module
from tests.htmlutils import elements

FORBIDDEN_SOURCES = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "http:", "https:")


def policy(response, header="Content-Security-Policy"):
    """The header as {directive: [sources]}."""
    assert header in response, f"no {header} on {response.wsgi_request.path}"
    directives = {}
    for part in response[header].split(";"):
        name, *sources = part.split()
        assert name not in directives, f"{name} twice in {response[header]}"
        directives[name] = sources
    return directives


def inline_code(html):
    """Inline scripts (data blocks aside), <style> blocks, style="" and on*="" attributes."""
    found = []
    for element in elements(html):
        is_code = element.get("type") != "application/json"
        if element.name == "script" and not element.get("src") and is_code:
            found.append(f"inline <script> {element.attrs}")
        if element.name == "style":
            found.append("<style> block")
        for name in element.attrs:
            if name == "style" or name.startswith("on"):
                found.append(f'{name}="" on <{element.name}>')
        href = element.get("href") or element.get("src") or ""
        if href.strip().lower().startswith("javascript:"):
            found.append(f"javascript: URL on <{element.name}>")
    return found


def assert_learner_policy(response):
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:"]
    assert directives["font-src"] == ["'self'"]
    assert directives["connect-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["frame-src"] == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
    assert "upgrade-insecure-requests" not in directives  # production only
    for sources in directives.values():
        assert not set(sources) & set(FORBIDDEN_SOURCES), directives


# --- The learner site ---------------------------------------------------------------------


def test_login_page_has_the_strict_policy(client):
    assert_learner_policy(client.get("/accounts/login/"))


@pytest.fixture
def learner_pages(amira_client, home, catalogue, course):
    module = make_module(
        course,
        title="Every block",
        slug="every-block",
        body=every_block_body(make_image("Activists filming"), make_document("Briefing")),
    )
    add_quiz(module)
    assert amira_client.post(f"/learning/modules/{module.pk}/quiz/").status_code == 302
    attempt = Attempt.objects.latest("started_at")
    return {
        "home": home.url,
        "catalogue": catalogue.url,
        "course": course.url,
        "module with every block": module.url,
        "quiz attempt": f"/learning/attempts/{attempt.pk}/",
        "dashboard": "/my-learning/",
        "search": "/search/?q=influencers",
        "dashboard in Arabic": "/ar/my-learning/",
        "password reset": "/accounts/password_reset/",
        "not found": "/no-such-page/",
    }


def test_learner_pages_have_the_strict_policy_and_no_inline_code(amira_client, learner_pages):
    for label, url in learner_pages.items():
        response = amira_client.get(url)
        assert response.status_code in (200, 404), (label, response.status_code)
        assert_learner_policy(response)
        html = response.content.decode()
        assert inline_code(html) == [], (label, inline_code(html))
        sources = [script.get("src", "") for script in elements(html, "script")]
        assert any(re.fullmatch(r"/static/js/site\..*js", src) for src in sources), label


def test_video_block_loads_nothing_from_the_video_host_before_play(amira_client, course):
    module = make_module(
        course,
        title="Video",
        slug="video",
        body=every_block_body(make_image("Activists filming"), make_document("Briefing")),
    )
    html = amira_client.get(module.url).content.decode()
    assert elements(html, "iframe") == []
    (button,) = elements(html, "button", class_="button video__play")
    embed = button["data-embed-url"]
    assert embed.startswith("https://www.youtube-nocookie.com/embed/")
    # The player the button opens is one the learner policy frames.
    directives = policy(amira_client.get(module.url))
    assert any(embed.startswith(origin + "/") for origin in directives["frame-src"])


def test_the_inline_code_finder_finds_inline_code():
    html = (
        '<script>alert(1)</script><script type="application/json">{}</script>'
        '<style>p{}</style><p style="color:red" onclick="x()"><a href="javascript:x()">x</a></p>'
    )
    assert inline_code(html) == [
        "inline <script> {}",
        "<style> block",
        'style="" on <p>',
        'onclick="" on <p>',
        "javascript: URL on <a>",
    ]


# --- The admin and the API docs -----------------------------------------------------------


def test_admin_policy_allows_what_wagtail_needs_and_nothing_from_outside(superuser_client, home):
    for url in ("/admin/", f"/admin/pages/{home.pk}/edit/", "/admin/login/"):
        response = superuser_client.get(url)
        assert response.status_code in (200, 302), url
        directives = policy(response)
        assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
        assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
        assert directives["img-src"] == ["'self'", "data:", "blob:"]
        assert directives["frame-ancestors"] == ["'self'"]  # the page preview
        assert directives["frame-src"][0] == "'self'"
        assert directives["object-src"] == ["'none'"]
        assert directives["base-uri"] == ["'self'"]
        assert directives["form-action"] == ["'self'"]
        assert directives["connect-src"] == ["'self'"]
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_page_preview_has_the_learner_policy_framed_by_the_admin_only(superuser_client, module):
    """Wagtail renders a preview through the middleware on a dummy request for the page's
    own path: the learner policy applies, but the admin's preview panel may frame it."""
    response = superuser_client.get(f"/admin/pages/{module.pk}/view_draft/")
    assert response.status_code == 200
    assert module.title in response.content.decode()
    directives = policy(response)
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert policy(superuser_client.get(module.url))["frame-ancestors"] == ["'none'"]


def test_api_docs_have_no_inline_code_and_a_strict_policy(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    directives = policy(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:"]
    assert directives["frame-ancestors"] == ["'none'"]
    html = response.content.decode()
    assert inline_code(html) == []
    (start,) = [e["src"] for e in elements(html, "script") if "script=" in e["src"]]
    script = client.get(start)
    assert script["Content-Type"].startswith("application/javascript")
    assert b"SwaggerUIBundle(" in script.content and b"/api/v1/schema/" in script.content


def test_json_api_responses_carry_the_strict_policy_too(client):
    assert policy(client.get("/api/v1/completions/"))["script-src"] == ["'self'"]


# --- Settings -----------------------------------------------------------------------------


@override_settings(CSP_REPORT_ONLY_MODE=True, CSP_REPORT_ENDPOINT="/csp-reports/")
def test_report_only_mode_sends_the_same_policy_only_as_a_report(client):
    response = client.get("/accounts/login/")
    assert "Content-Security-Policy" not in response
    directives = policy(response, "Content-Security-Policy-Report-Only")
    assert directives["script-src"] == ["'self'"]
    assert directives["report-uri"] == ["/csp-reports/"]


def test_enforced_by_default_without_a_report_uri(client):
    response = client.get("/accounts/login/")
    assert "Content-Security-Policy-Report-Only" not in response
    assert "report-uri" not in policy(response)


@override_settings(CSP_REPORT_ENDPOINT="https://reports.example.org/csp")
def test_report_uri_applies_to_every_area(client):
    for url in ("/accounts/login/", "/admin/login/", "/api/v1/docs/"):
        assert policy(client.get(url))["report-uri"] == ["https://reports.example.org/csp"], url


@override_settings(
    OIDC_OP_AUTHORIZATION_ENDPOINT="https://login.example.org/realms/staff/protocol/openid-connect/auth",
    CSP_EXTRA_FORM_ACTION=["https://hr.example.org"],
)
def test_sign_in_provider_and_extra_origins_may_receive_forms(client):
    for url in ("/accounts/login/", "/admin/login/"):
        assert policy(client.get(url))["form-action"] == [
            "'self'",
            "https://login.example.org",
            "https://hr.example.org",
        ], url


@override_settings(
    MEDIA_URL="https://media.example.org/uploads/", CSP_MEDIA_ORIGINS=["https://cdn.example.org"]
)
def test_media_from_object_storage_is_allowed_as_images(client):
    directives = policy(client.get("/accounts/login/"))
    assert directives["img-src"] == [
        "'self'",
        "data:",
        "https://media.example.org",
        "https://cdn.example.org",
    ]
    assert directives["script-src"] == ["'self'"]


@override_settings(CSP_UPGRADE_REQUESTS=True)
def test_upgrade_insecure_requests_when_set(client):
    for url in ("/accounts/login/", "/admin/login/", "/api/v1/docs/"):
        assert policy(client.get(url))["upgrade-insecure-requests"] == [], url


# --- The error page -----------------------------------------------------------------------


def _broken(request):
    raise RuntimeError("broken on purpose")


urlpatterns = [path("broken/", _broken)]
handler500 = "elearning.errors.server_error"


@pytest.mark.urls(__name__)
def test_server_error_page_allows_exactly_its_own_style_block():
    response = Client(raise_request_exception=False).get("/broken/")
    assert response.status_code == 500
    (style,) = elements(response, "style")
    block = style.string.encode()
    digest = base64.b64encode(hashlib.sha256(block).digest()).decode()
    directives = policy(response)
    assert directives["style-src"] == ["'self'", f"'sha256-{digest}'"]
    assert directives["script-src"] == ["'self'"]


def test_csrf_failure_page_allows_exactly_its_own_style_block():
    response = Client(enforce_csrf_checks=True).post("/accounts/login/", {"username": "x"})
    assert response.status_code == 403
    (style,) = elements(response, "style")
    block = style.string.encode()
    digest = base64.b64encode(hashlib.sha256(block).digest()).decode()
    assert policy(response)["style-src"] == ["'self'", f"'sha256-{digest}'"]


# --- Permissions-Policy -------------------------------------------------------------------


def test_permissions_policy_on_every_response(client):
    for url in ("/accounts/login/", "/admin/login/", "/api/v1/docs/", "/api/v1/completions/", "/healthz"):
        response = client.get(url)
        features = dict(item.split("=", 1) for item in response["Permissions-Policy"].split(", "))
        for feature in ("camera", "microphone", "geolocation", "payment", "usb", "serial", "hid"):
            assert features[feature] == "()", (url, feature)
        assert features["publickey-credentials-get"] == "(self)", url
        assert features["publickey-credentials-create"] == "(self)", url
