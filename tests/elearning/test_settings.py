"""Settings: safe by default, production refuses to start half-configured."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]


def _manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _signing_key_pem():
    from records.credentials.keys import generate_private_key_pem

    return generate_private_key_pem()


def _production_env(**overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SECRET_KEY", "OPEN_BADGES_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="elearning.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="learning.example.org",
        OPEN_BADGES_SIGNING_KEY=_signing_key_pem(),
    )
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


@pytest.mark.subprocess
def test_check_deploy_passes_without_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=_production_env())
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output.upper(), output
    assert "System check identified no issues" in output


@pytest.mark.subprocess
def test_check_deploy_fails_without_an_open_badges_signing_key():
    result = _manage("check", "--deploy", env=_production_env(OPEN_BADGES_SIGNING_KEY=None))
    assert result.returncode != 0
    assert "records.E001" in result.stderr


@pytest.mark.subprocess
@pytest.mark.parametrize("secret_key", [None, "", "   "])
def test_production_refuses_to_start_without_secret_key(secret_key):
    result = _manage("check", env=_production_env(SECRET_KEY=secret_key))
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_base_settings_have_debug_off():
    from elearning.settings import base

    assert base.DEBUG is False


def test_production_does_not_allow_framing_by_default(monkeypatch):
    """Wagtail's preview views set SAMEORIGIN on their own responses; the rest of the
    site need not be frameable (and check --deploy warns, security.W019, if it is)."""
    monkeypatch.setenv("SECRET_KEY", secrets.token_urlsafe(64))
    from elearning.settings import production

    assert getattr(production, "X_FRAME_OPTIONS", "DENY") == "DENY"


def test_production_settings_are_secure(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", secrets.token_urlsafe(64))
    from elearning.settings import production

    assert production.DEBUG is False
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
    assert production.SECURE_HSTS_SECONDS >= 31_536_000


def test_test_settings_are_in_use(settings):
    assert os.environ["DJANGO_SETTINGS_MODULE"] == "elearning.settings.test"
    assert settings.DEBUG is False


def test_no_avatars_from_a_third_party_service(settings):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None


def test_wagtail_preview_stays_frameable_when_the_site_denies_framing(superuser_client, module, settings):
    """Wagtail's preview views set SAMEORIGIN on their own responses, so X_FRAME_OPTIONS
    = "DENY" (Django's default, which check --deploy asks for) keeps the live preview working."""
    settings.X_FRAME_OPTIONS = "DENY"
    preview = superuser_client.get(f"/admin/pages/{module.pk}/edit/preview/")
    assert preview.status_code == 200
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert superuser_client.get(module.url)["X-Frame-Options"] == "DENY"


def test_admin_does_not_check_for_wagtail_updates(superuser_client, settings):
    # The check would make every admin dashboard fetch from Wagtail's servers.
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
    # The panel's script (data-controller "w-upgrade") is what fetches from outside.
    assert "w-upgrade" not in superuser_client.get("/admin/").content.decode()
