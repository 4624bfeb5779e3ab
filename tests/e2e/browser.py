"""Helpers for the browser journeys: contexts on the live server, screenshots, axe-core,
layout checks (no overlap, no sideways scrolling) and keyboard-only use."""

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "e2e"
PASSWORD = "learn-demo-2026"  # the demo accounts' password (demo/organisation.py)
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}

# Every browser test: the live server flushes the database after each test, and the
# serialized copy puts back what the migrations made (see conftest.py).
E2E = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# axe-core results by page label, written to test-artifacts/e2e/axe-results.json.
AXE_RESULTS = {}
BLOCKING_IMPACTS = ("serious", "critical")
# Every rule axe-core runs by default, plus WCAG 2.2's target size (2.5.8, AA), which it
# leaves off by default.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
IMPACTS = ("critical", "serious", "moderate", "minor")
FINITE_ANIMATIONS_DONE = """() => Promise.all(document.getAnimations()
  .filter((animation) => Number.isFinite(animation.effect?.getComputedTiming().endTime))
  .map((animation) => animation.finished.catch(() => null)))"""

# Every page and frame reports each Content-Security-Policy violation (enforced or
# report-only) to the test as it happens, so one on a page left by a navigation is kept.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolation({
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    disposition: event.disposition,
    source: event.sourceFile ? `${event.sourceFile}:${event.lineNumber}` : "",
    sample: event.sample,
  });
});
"""
# The browser's own console messages catch what the listener cannot (pages opened with
# JavaScript off) and a header the browser could not read.
CSP_CONSOLE = (
    "Content Security Policy",
    "Content-Security-Policy",
    "Permissions-Policy",
    "Permissions policy",
)


class Browsing:
    """Browser contexts opened for one test, and every request their pages made."""

    def __init__(self, browser, base_url):
        self.browser = browser
        self.base_url = base_url
        self.origin = urlsplit(base_url).netloc
        # Hosts pages may reach besides the live server: only local test services (the
        # OpenID Provider of the SSO journey), allowed by the test that starts them.
        self.allowed = {self.origin}
        self.contexts = []
        self.requests = []
        self.csp_violations = []

    def page(self, *, viewport=DESKTOP, javascript=True, **options):
        context = self.browser.new_context(
            base_url=self.base_url,
            viewport=viewport,
            java_script_enabled=javascript,
            accept_downloads=True,
            **options,
        )
        context.set_default_timeout(15_000)
        context.on("request", lambda request: self.requests.append(request.url))
        context.expose_binding(
            "__cspViolation",
            lambda source, violation: self.csp_violations.append({"page": source["frame"].url, **violation}),
        )
        context.add_init_script(CSP_LISTENER)
        context.on("console", self._console)
        self.contexts.append(context)
        return context.new_page()

    @property
    def pages(self):
        return [page for context in self.contexts for page in context.pages]

    def allow(self, url):
        """Lets pages reach a local test service at ``url`` (http://127.0.0.1:<port> only)."""
        address = urlsplit(url)
        assert address.hostname == "127.0.0.1", f"only local test services may be allowed, not {url}"
        self.allowed.add(address.netloc)

    def outside_requests(self):
        """Requests to any host but the live server and the allowed local services (data:
        and blob: URLs are local)."""
        return sorted(
            {
                url
                for url in self.requests
                if urlsplit(url).scheme in ("http", "https", "ws", "wss")
                and urlsplit(url).netloc not in self.allowed
            }
        )

    def _console(self, message):
        if any(marker in message.text for marker in CSP_CONSOLE):
            self.csp_violations.append(
                {"page": message.page.url if message.page else "", "console": message.text}
            )

    def close(self):
        for context in self.contexts:
            context.close()
        self.contexts = []


def shot(page, name):
    """A named screenshot of a key page, kept in test-artifacts/e2e/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def check_axe(page, label, include=None):
    """axe-core on the page (or only the ``include`` selector): no serious or critical
    violations. The counts by impact are kept for the report."""
    from axe_playwright_python.sync_playwright import Axe

    # Wagtail's messages fade in (opacity over 0.5 s): measured halfway, a message's colours
    # blend with the page and fail contrast they pass once shown. Finite animations and
    # transitions end first; endless ones (spinners) are left running.
    page.evaluate(FINITE_ANIMATIONS_DONE)
    context = {"include": [[include]]} if include else None
    results = Axe().run(page, context=context, options=AXE_OPTIONS)
    violations = results.response["violations"]
    counts = {impact: 0 for impact in IMPACTS}
    for violation in violations:
        counts[violation["impact"]] = counts.get(violation["impact"], 0) + len(violation["nodes"])
    AXE_RESULTS[label] = {
        "url": page.url,
        "scope": include or "whole page",
        "violations_by_impact": counts,
        "rules": {v["id"]: {"impact": v["impact"], "nodes": len(v["nodes"])} for v in violations},
    }
    (ARTIFACTS / "axe-results.json").write_text(json.dumps(AXE_RESULTS, indent=2, ensure_ascii=False))
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe-core on {label} ({page.url}):\n" + json.dumps(
        [
            {
                "rule": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [(n["target"], n["failureSummary"]) for n in v["nodes"][:5]],
            }
            for v in blocking
        ],
        indent=1,
    )
    return counts


def check_layout(page, selectors=("header", "main", "footer", ".card", ".panel", ".question")):
    """No sideways scrolling, and the page's landmarks and cards do not overlap.

    Boxes that contain one another (a card inside main) are fine; two boxes that are not
    nested but intersect mean something is drawn over something else."""
    sizes = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert sizes[0] <= sizes[1], f"{page.url} scrolls sideways: {sizes[0]}px wide in {sizes[1]}px"
    boxes = page.evaluate(
        """(selectors) => {
            const seen = [];
            for (const selector of selectors) {
                document.querySelectorAll(selector).forEach((element) => {
                    const r = element.getBoundingClientRect();
                    if (r.width && r.height) seen.push({element, selector, r});
                });
            }
            const overlaps = [];
            for (let i = 0; i < seen.length; i++) {
                for (let j = i + 1; j < seen.length; j++) {
                    const a = seen[i], b = seen[j];
                    if (a.element.contains(b.element) || b.element.contains(a.element)) continue;
                    const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
                    const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
                    if (x > 1 && y > 1) overlaps.push(`${a.selector} #${i} and ${b.selector} #${j}`);
                }
            }
            const outside = seen.filter(({r}) => r.left < -1 || r.right > window.innerWidth + 1)
                .map(({selector}) => selector);
            return {overlaps, outside, count: seen.length};
        }""",
        list(selectors),
    )
    assert not boxes["overlaps"], f"{page.url}: overlapping boxes {boxes['overlaps']}"
    assert not boxes["outside"], f"{page.url}: boxes outside the viewport {boxes['outside']}"
    assert boxes["count"] >= 2, f"{page.url}: the landmarks were not found"


def check_legends_inside(page, selector="fieldset"):
    """Each fieldset's legend is drawn inside its box, below the top border, not across it
    (a legend's default place): the question's text never straddles the line."""
    problems = page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)].flatMap((fieldset) => {
            const legend = fieldset.querySelector(':scope > legend');
            if (!legend) return [];
            const box = fieldset.getBoundingClientRect(), text = legend.getBoundingClientRect();
            const border = parseFloat(getComputedStyle(fieldset).borderTopWidth) || 0;
            const inside = text.top >= box.top + border - 0.5 && text.bottom <= box.bottom
                && text.left >= box.left - 0.5 && text.right <= box.right + 0.5;
            return inside ? [] : [`${fieldset.id}: legend ${Math.round(text.top)}..${Math.round(text.bottom)}`
                + ` in a box from ${Math.round(box.top)} (border ${border}px)`];
        })""",
        selector,
    )
    assert not problems, f"{page.url}: legends across their fieldset's border: {problems}"


def focus_is_visible(page):
    """The focused element shows a focus indicator (an outline or a box shadow)."""
    style = page.evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            return {
                tag: element.tagName, focusVisible: element.matches(':focus-visible'),
                outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
                shadow: style.boxShadow !== 'none',
            };
        }"""
    )
    return style["focusVisible"] and (style["outline"] or style["shadow"]), style


def tab_to(page, target, limit=120):
    """Press Tab until ``target`` (a CSS selector, or a locator for one element) has the
    focus, checking that the focus is visible at every stop on the way."""
    if isinstance(target, str):
        focused = lambda: page.evaluate(  # noqa: E731
            "(s) => !!document.activeElement && document.activeElement.matches(s)", target
        )
    else:
        focused = lambda: target.evaluate("(element) => element === document.activeElement")  # noqa: E731
    for _ in range(limit):
        if focused():
            visible, style = focus_is_visible(page)
            assert visible, f"the focus on {target} is not visible: {style}"
            return
        page.keyboard.press("Tab")
        visible, style = focus_is_visible(page)
        assert visible or style["tag"] == "BODY", f"the focus is not visible on {style} ({page.url})"
    raise AssertionError(f"Tab never reached {target} on {page.url}")


def learner_login(page, username, prefix=""):
    page.goto(f"{prefix}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "/accounts/login/" not in page.url, f"{username} could not sign in"


def admin_login(page, username):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("form button[type=submit]")
    assert "/admin/login/" not in page.url, f"{username} could not sign in to the admin"
