"""Reach: staff on slow or filtered connections.

- No page asks any host but the platform's own (every browser test checks this when it ends,
  in conftest.py; here a module with a video, an image and a download, and the admin).
- A module page without images weighs at most 60 KB (HTML, CSS and JavaScript together), and
  no web font is fetched.
- Static files are fingerprinted and cached for good under the production settings."""

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.e2e.browser import ARTIFACTS, E2E, PHONE, admin_login, learner_login

pytestmark = E2E

REPO = Path(__file__).resolve().parents[2]
MAX_MODULE_BYTES = 60 * 1024
VIDEO_URL = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"


def media_module():
    from courses.models import CoursePage
    from tests.factories import make_document, make_image, make_module

    course = CoursePage.objects.get(course_code="STO-101", locale__language_code="en")
    return make_module(
        course,
        title="Media check",
        slug="media-check",
        required_for_completion=False,
        body=[
            {
                "type": "video",
                "value": {
                    "title": "A witness explains why she spoke up",
                    "url": VIDEO_URL,
                    "duration": "2:30",
                    "transcript": "<p>I spoke up because my neighbours asked me to.</p>",
                },
            },
            {
                "type": "image",
                "value": {"image": make_image().pk, "alt_text": "A march", "caption": "", "credit": ""},
            },
            {
                "type": "download",
                "value": {"document": make_document().pk, "title": "Briefing template", "description": ""},
            },
        ],
    )


def test_no_page_loads_anything_from_another_host(browsing, demo):
    module = media_module()
    page = browsing.page(viewport=PHONE)
    learner_login(page, "staff")
    for path in [
        "/",
        "/courses/",
        "/my-learning/",
        "/search/?q=consent",
        "/courses/human-rights-storytelling/",
    ]:
        page.goto(path)
    page.goto(module.url)
    page.wait_for_load_state("networkidle")
    assert browsing.outside_requests() == []
    assert page.locator(".video iframe").count() == 0

    # Only pressing Play fetches from the video host (a privacy-enhanced address), and only
    # once the learner asked for it. The request is stopped here: the test has no network.
    page.route("https://www.youtube-nocookie.com/**", lambda route: route.abort())
    play = page.get_by_role("button", name="Play the video here")
    play.click()
    iframe = page.locator(".video iframe")
    assert iframe.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ")
    assert {url.split("/")[2] for url in browsing.outside_requests()} <= {"www.youtube-nocookie.com"}
    browsing.requests.clear()

    # The admin too (avatars and the update check would otherwise come from outside).
    admin = browsing.page()
    admin_login(admin, "editor")
    for path in ["/admin/", f"/admin/pages/{module.pk}/edit/", "/admin/reports/quiz-items/"]:
        admin.goto(path)
        admin.wait_for_load_state("networkidle")
    assert browsing.outside_requests() == []


def test_a_module_page_weighs_at_most_60_kb(browsing, demo):
    """Every demo module (English and Arabic), in a browser with an empty cache: the bytes of
    the HTML, CSS and JavaScript responses as they came over the wire (bodies and headers)."""
    from courses.models import ModulePage

    page = browsing.page(viewport=PHONE)
    learner_login(page, "staff")
    signed_in = page.context.storage_state()
    weights = {}
    for module in ModulePage.objects.live().order_by("path"):
        context = browsing.browser.new_context(base_url=browsing.base_url, storage_state=signed_in)
        browsing.contexts.append(context)
        context.on("request", lambda request: browsing.requests.append(request.url))
        tab = context.new_page()
        finished = []
        tab.on("requestfinished", lambda request, finished=finished: finished.append(request))
        tab.goto(module.url)
        tab.wait_for_load_state("networkidle")
        assert tab.locator("main h1").inner_text().strip() == module.title
        kinds = {request.resource_type for request in finished}
        assert "font" not in kinds, "system fonts only"
        counted = [r for r in finished if r.resource_type in ("document", "stylesheet", "script")]
        wire = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in counted)
        gzipped = sum(len(gzip.compress(r.response().body())) for r in counted)
        weights[module.url] = {"bytes": wire, "gzipped_bodies": gzipped, "requests": len(counted)}
        context.close()
        browsing.contexts.remove(context)
    (ARTIFACTS / "page-weights.json").write_text(json.dumps(weights, indent=2, ensure_ascii=False))
    heaviest = max(weights, key=lambda url: weights[url]["bytes"])
    assert weights[heaviest]["bytes"] <= MAX_MODULE_BYTES, (heaviest, weights[heaviest])
    assert len(weights) >= 14


def test_static_files_are_fingerprinted_and_cached_in_production(tmp_path):
    """collectstatic under elearning.settings.production (whitenoise's compressed manifest
    storage; the test settings switch it off), in a separate process."""
    environment = {
        **{key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE"))},
        "DJANGO_SETTINGS_MODULE": "elearning.settings.production",
        "SECRET_KEY": "e2e-static-check-only",
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    completed = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "tests.e2e.static_probe", str(tmp_path / "static")],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    probe = json.loads(completed.stdout.strip().splitlines()[-1])
    assert probe["storage"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    for name in ("css/site.css", "js/site.js"):
        stem, suffix = name.rsplit(".", 1)
        hashed = probe["manifest"][name]
        assert hashed.startswith(stem + ".") and hashed.endswith("." + suffix) and hashed != name
        assert (tmp_path / "static" / (hashed + ".gz")).exists()
        url = "/static/" + hashed
        assert url in probe["rendered"], "templates link the fingerprinted name"
        response = probe["responses"][url]
        assert response["status"] == 200
        assert "immutable" in response["cache_control"] and "max-age=315360000" in response["cache_control"]
        assert response["encoding"] in ("gzip", "br")
