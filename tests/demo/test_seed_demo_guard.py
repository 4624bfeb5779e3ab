"""``seed_demo`` refuses production settings (it creates a superuser with a published
password) unless told ``--i-know-this-is-production``, and prints links to the address the
site is really served on."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from demo.management.commands.seed_demo import site_base_url
from people.models import User

pytestmark = pytest.mark.django_db


def _seed(*args, **options):
    out = StringIO()
    call_command("seed_demo", *args, stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


def test_refused_under_the_production_settings_module(settings):
    settings.SETTINGS_MODULE = "elearning.settings.production"
    with pytest.raises(CommandError, match="production") as error:
        _seed()
    assert "--i-know-this-is-production" in str(error.value)
    assert not User.objects.exists()


def test_refused_with_debug_off_unless_the_demo_is_allowed(settings):
    settings.DEBUG = False
    settings.DEMO_ALLOWED = False
    with pytest.raises(CommandError, match="--i-know-this-is-production"):
        _seed()
    assert not User.objects.exists()


def test_the_flag_lets_it_run_under_production_settings(settings):
    settings.SETTINGS_MODULE = "elearning.settings.production"
    # Past the production guard, the command reaches its next check (the weak password).
    with pytest.raises(CommandError, match="--password"):
        _seed("--i-know-this-is-production", password="123")


def test_refused_from_the_command_line_under_production_settings(tmp_path):
    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "elearning.settings.production",
        "SECRET_KEY": "x" * 60,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "seed_demo"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Refusing to load the demo under production settings" in result.stderr
    assert not (tmp_path / "db.sqlite3").exists() or (tmp_path / "db.sqlite3").stat().st_size == 0


def test_links_use_the_base_url_given(monkeypatch, settings):
    monkeypatch.delenv("PORT", raising=False)
    monkeypatch.delenv("WAGTAILADMIN_BASE_URL", raising=False)
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    assert site_base_url("http://127.0.0.1:8765/") == "http://127.0.0.1:8765"
    monkeypatch.setenv("PORT", "8080")
    assert site_base_url() == "http://127.0.0.1:8080"
    monkeypatch.setenv("WAGTAILADMIN_BASE_URL", "https://learn.example.org/")
    assert site_base_url() == "https://learn.example.org"
    monkeypatch.delenv("PORT")
    monkeypatch.delenv("WAGTAILADMIN_BASE_URL")
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:9000"
    assert site_base_url() == "http://127.0.0.1:9000"


@pytest.mark.seed
def test_the_printed_links_follow_the_server_address(monkeypatch):
    """``make run`` gives the server WAGTAILADMIN_BASE_URL with its port; so does ``make seed``."""
    monkeypatch.delenv("PORT", raising=False)
    monkeypatch.setenv("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8123")
    output = _seed()
    assert "http://127.0.0.1:8123/admin/" in output
    assert ":8000" not in output
