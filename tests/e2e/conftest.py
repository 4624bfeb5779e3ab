"""Browser journeys: Playwright drives Debian's chromium against pytest-django's live server.

Run them with ``make e2e``, a pytest process of their own (``make test`` leaves them out):

- Playwright's sync API runs an event loop in the test thread, so Django is told that
  database calls from it are fine (``DJANGO_ALLOW_ASYNC_UNSAFE``).
- Every test here is marked ``django_db(transaction=True, serialized_rollback=True)``
  (``tests/e2e/browser.py:E2E``): the live server flushes the database after each test,
  and the serialized copy brings back what migrations made (the page root, the Site, the
  role groups, the locales). tests/conftest.py gives unmarked tests the ordinary marker
  first, so the marker has to be on the test module, never added by a hook here.
- Playwright starts before the test database is created (``django_db_setup`` below): in a
  process that ran an ordinary database test first, Django would otherwise restore nothing
  (shared/NOTES.md). Beside other tests, the browser tests are skipped all the same.
- On SQLite the database is a file, not memory (``django_db_modify_db_settings`` below).

Screenshots: key pages are saved under test-artifacts/e2e/ as the journeys go; when a test
fails, every page it had open is saved there as ``FAIL-<test>-<n>.png``. The axe-core results
of every page checked go to test-artifacts/e2e/axe-results.json.
"""

import contextlib
import os
import re
import shutil
from pathlib import Path

import pytest

from tests.e2e.browser import ARTIFACTS, CHROMIUM, Browsing

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


def pytest_collection_modifyitems(config, items):
    # Beside ordinary database tests, the browser tests would lose the serialized database
    # (see above) and hold everything else up: they run in a process of their own.
    alone = all(item.nodeid.startswith("tests/e2e/") for item in items)
    for item in items:
        if not item.nodeid.startswith("tests/e2e/"):
            continue
        if not alone:
            item.add_marker(pytest.mark.skip(reason="browser tests run on their own: make e2e"))
        marker = item.get_closest_marker("django_db")
        if (
            marker is None
            or not marker.kwargs.get("transaction")
            or not marker.kwargs.get("serialized_rollback")
        ):
            raise pytest.UsageError(
                f"{item.nodeid}: browser tests need pytestmark = E2E "
                "(django_db(transaction=True, serialized_rollback=True))"
            )
        if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
            item.add_marker(pytest.mark.skip(reason=f"{CHROMIUM} is missing: apt-get install -y chromium"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings, tmp_path_factory):
    """On SQLite, a database file instead of the in-memory one: the live server then gives
    each request thread its own connection, where in memory they would all share the test's
    (and the admin's background requests, such as editing-session pings, would collide)."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("e2e") / "test.sqlite3")


@pytest.fixture(scope="session")
def django_db_setup(playwright_instance, django_db_setup):
    """The test database, created after Playwright's event loop started (see above)."""
    yield


@pytest.fixture(scope="session", autouse=True)
def _fresh_artifacts():
    """test-artifacts/e2e/ holds this run's screenshots and results only."""
    if ARTIFACTS.exists():
        shutil.rmtree(ARTIFACTS)
    ARTIFACTS.mkdir(parents=True)


@pytest.fixture(scope="session")
def chromium(playwright_instance):
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, headless=True)
    yield browser
    browser.close()


@pytest.fixture
def demo(db):
    """The seeded demo: two courses (STO-101 also in Arabic), the organisation, the logins."""
    from io import StringIO

    from django.core.management import call_command

    call_command("seed_demo", stdout=StringIO())


@pytest.fixture
def browsing(request, chromium, live_server):
    """Opens browser contexts on the live server; checks no page asked any other host and
    no page or frame broke (or would break) the Content-Security-Policy; saves a screenshot
    of every open page when the test failed."""
    session = Browsing(chromium, live_server.url)
    yield session
    failed = getattr(request.node, "report_call", None)
    if failed is not None and failed.failed:
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        for number, page in enumerate(session.pages, start=1):
            with contextlib.suppress(Exception):  # a closed page has nothing to show
                page.screenshot(path=str(ARTIFACTS / f"FAIL-{name}-{number}.png"), full_page=True)
    session.close()
    outside = session.outside_requests()
    assert not outside, f"requests to hosts other than the live server: {outside}"
    violations = "\n".join(map(str, session.csp_violations))
    assert not session.csp_violations, f"Content-Security-Policy violations:\n{violations}"
