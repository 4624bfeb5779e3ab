"""Single sign-on is configured by environment variables only; impossible combinations stop
the process at start-up instead of locking staff out later."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
NAMES = [
    "OIDC_ISSUER",
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_RP_CLIENT_ID",
    "OIDC_RP_CLIENT_SECRET",
    "OIDC_RP_SCOPES",
    "OIDC_TOKEN_USE_BASIC_AUTH",
    "OIDC_USE_PKCE",
    "OIDC_MATCH_CLAIM",
    "OIDC_EMPLOYEE_ID_CLAIM",
    "OIDC_CREATE_USERS",
    "OIDC_BUTTON_LABEL",
    "LOCAL_PASSWORD_LOGIN",
]


def _settings(**environment):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("OIDC_", "LOCAL_PASSWORD"))}
    env.update(environment)
    code = f"import json; from elearning.settings import base; print(json.dumps({{n: getattr(base, n) for n in {NAMES!r}}}))"
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.subprocess
def test_sso_is_off_and_passwords_on_by_default():
    result = _settings()
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["OIDC_RP_CLIENT_ID"] == ""
    assert values["LOCAL_PASSWORD_LOGIN"] == "everyone"
    assert values["OIDC_CREATE_USERS"] is False
    assert values["OIDC_USE_PKCE"] is True


@pytest.mark.subprocess
def test_the_environment_configures_everything():
    result = _settings(
        OIDC_ISSUER="https://login.example.org/realms/staff",
        OIDC_CLIENT_ID="learning-hub",
        OIDC_CLIENT_SECRET="from-the-vault",
        OIDC_SCOPES="openid email profile employee",
        OIDC_TOKEN_AUTH_METHOD="client_secret_post",
        OIDC_MATCH_CLAIM="employee_id",
        OIDC_EMPLOYEE_ID_CLAIM="employeeid",
        OIDC_CREATE_USERS="true",
        OIDC_BUTTON_LABEL="Sign in with Example NGO",
        LOCAL_PASSWORD_LOGIN="superusers",
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["OIDC_ISSUER"] == "https://login.example.org/realms/staff"
    assert values["OIDC_RP_CLIENT_SECRET"] == "from-the-vault"
    assert values["OIDC_RP_SCOPES"] == "openid email profile employee"
    assert values["OIDC_TOKEN_USE_BASIC_AUTH"] is False
    assert values["OIDC_MATCH_CLAIM"] == "employee_id"
    assert values["OIDC_EMPLOYEE_ID_CLAIM"] == "employeeid"
    assert values["OIDC_CREATE_USERS"] is True
    assert values["LOCAL_PASSWORD_LOGIN"] == "superusers"


@pytest.mark.subprocess
@pytest.mark.parametrize(
    ("environment", "named"),
    [
        ({"LOCAL_PASSWORD_LOGIN": "superusers"}, "needs single sign-on"),
        ({"LOCAL_PASSWORD_LOGIN": "nobody"}, "LOCAL_PASSWORD_LOGIN"),
        ({"OIDC_MATCH_CLAIM": "username"}, "OIDC_MATCH_CLAIM"),
        ({"OIDC_TOKEN_AUTH_METHOD": "private_key_jwt"}, "OIDC_TOKEN_AUTH_METHOD"),
    ],
)
def test_impossible_settings_stop_the_start(environment, named):
    result = _settings(**environment)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert named in result.stderr
