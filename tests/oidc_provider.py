"""A real OpenID Provider for the single sign-on tests: ``node tests/oidc/provider.js``
(panva's oidc-provider, installed by ``npm ci --prefix tests/oidc``), started on a free port
on 127.0.0.1, and a person's side of signing in at it (its login form, over HTTP).

Without node or tests/oidc/node_modules the SSO tests are skipped with the reason, except
under CI (``CI`` set), where they fail."""

import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests

OIDC_DIR = Path(__file__).resolve().parent / "oidc"
ACCOUNTS = {
    account["login"]: account for account in json.loads((OIDC_DIR / "accounts.json").read_text())["accounts"]
}
CLIENT_ID = "learning-hub"
CLIENT_SECRET = "throwaway-test-secret"  # noqa: S105 (a test provider's client)


class OpenIDProvider:
    def __init__(self, redirect_uris):
        node = shutil.which("node")
        missing = (
            "node is not installed"
            if node is None
            else None
            if (OIDC_DIR / "node_modules" / "oidc-provider").is_dir()
            else "tests/oidc/node_modules is missing: run npm ci --prefix tests/oidc"
        )
        if missing:
            if os.environ.get("CI"):
                pytest.fail(f"the test OpenID Provider cannot start: {missing}")
            pytest.skip(f"the test OpenID Provider cannot start: {missing}")
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (the provider's stderr, closed in stop())
        env = {
            **os.environ,
            "OIDC_TEST_CLIENT_ID": CLIENT_ID,
            "OIDC_TEST_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_TEST_REDIRECT_URIS": ",".join(redirect_uris),
        }
        self.process = subprocess.Popen(  # noqa: S603
            [node, str(OIDC_DIR / "provider.js")], stdout=subprocess.PIPE, stderr=self.log, env=env
        )
        try:
            self.issuer = self._wait_until_listening()
        except Exception:
            self.stop()
            raise

    def _wait_until_listening(self, timeout=30):
        deadline = time.monotonic() + timeout
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        line = self.process.stdout.readline().decode() if ready else ""
        if not line.startswith("listening "):
            self.log.seek(0)
            raise RuntimeError(f"the test OpenID Provider did not start: {line!r} {self.log.read().decode()}")
        issuer = line.split()[1]
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{issuer}/.well-known/openid-configuration", timeout=2).ok:
                    return issuer
            except requests.ConnectionError:
                pass
            time.sleep(0.1)
        raise RuntimeError("the test OpenID Provider never served its discovery document")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()
        self.log.close()

    def settings(self, **overrides):
        """The app's settings for this provider, as the environment would give them."""
        return {
            "OIDC_ISSUER": self.issuer,
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_RP_SCOPES": "openid email profile",
            **overrides,
        }

    def sign_in(self, authorization_url, login, password=None, *, cancel=False):
        """A person at the provider: opens the authorization URL, fills in the login form (or
        cancels) and follows the provider's redirects until it sends them back to the app.
        Returns that last redirect, the app's callback URL with the code and state."""
        browser = requests.Session()
        page = browser.get(authorization_url, timeout=10)
        assert page.status_code == 200, page.text
        action = re.search(rf'action="([^"]*/{"abort" if cancel else "login"})"', page.text)
        data = {} if cancel else {"login": login, "password": password or ACCOUNTS[login]["password"]}
        response = browser.post(
            urljoin(page.url, action.group(1)), data=data, allow_redirects=False, timeout=10
        )
        while response.status_code in (302, 303):
            location = urljoin(response.url, response.headers["Location"])
            if not location.startswith(self.issuer):
                return location
            response = browser.get(location, allow_redirects=False, timeout=10)
        raise AssertionError(
            f"the provider did not send the person back: {response.status_code} {response.text[:500]}"
        )
