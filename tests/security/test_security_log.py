"""The security log: sign-ins and failures are recorded from every login form, only
superusers read it, nobody edits it, exports are themselves logged, old entries expire."""

from datetime import timedelta

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from security.models import SecurityEvent
from tests.responses import streamed

Action = SecurityEvent.Action

# Creating the fixtures' accounts is logged too; these tests look at sign-ins only.
SIGN_INS = SecurityEvent.objects.filter(action__in=[Action.SIGNED_IN, Action.SIGN_IN_FAILED])


def test_learner_sign_in_and_failure_are_logged(client, amira, password):
    client.post(reverse("login"), {"username": "amira", "password": "wrong-password"})
    client.post(reverse("login"), {"username": "amira", "password": password}, REMOTE_ADDR="203.0.113.9")
    failed, signed_in = SIGN_INS.order_by("pk")
    assert failed.action == Action.SIGN_IN_FAILED
    assert failed.subject == amira
    assert failed.detail == {"username": "amira"}
    assert "wrong-password" not in str(failed.detail)
    assert signed_in.action == Action.SIGNED_IN
    assert signed_in.actor == amira
    assert signed_in.ip_address == "203.0.113.9"


def test_admin_sign_in_is_logged(client, eve, password):
    client.post(reverse("wagtailadmin_login"), {"username": "eve", "password": password})
    assert SecurityEvent.objects.filter(action=Action.SIGNED_IN, subject=eve).exists()


def test_unknown_username_is_logged_without_a_subject(client, db):
    client.post(reverse("login"), {"username": "nobody-here", "password": "x"})
    event = SIGN_INS.get()
    assert event.subject is None
    assert event.detail["username"] == "nobody-here"


def test_forged_forwarded_for_is_ignored_without_trusted_proxies(client, db):
    client.post(reverse("login"), {"username": "x", "password": "y"}, HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert SIGN_INS.get().ip_address == "127.0.0.1"


def test_trusted_proxy_address_is_used(client, db, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    client.post(
        reverse("login"),
        {"username": "x", "password": "y"},
        HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.5",
        REMOTE_ADDR="10.0.0.2",
    )
    assert SIGN_INS.get().ip_address == "203.0.113.5"


def test_only_superusers_read_the_log(client, superuser_client, bruno):
    client.force_login(bruno)
    assert client.get(reverse("security_log")).status_code in (302, 403)
    response = superuser_client.get(reverse("security_log"))
    assert response.status_code == 200


def test_log_is_filtered_and_exported_and_the_export_is_logged(superuser_client, superuser, client, amira):
    client.post(reverse("login"), {"username": "amira", "password": "nope"})
    response = superuser_client.get(
        reverse("security_log"), {"action": Action.SIGN_IN_FAILED, "export": "csv"}
    )
    assert response.status_code == 200
    body = streamed(response).decode()
    assert "amira" in body
    export = SecurityEvent.objects.get(action=Action.REPORT_EXPORTED)
    assert export.actor == superuser
    assert export.detail["rows"] == 1
    assert export.detail["filters"] == {"action": Action.SIGN_IN_FAILED}
    assert export.detail["format"] == "csv"


def test_log_has_no_edit_or_delete_screens():
    from django.urls import get_resolver

    names = [name for name in get_resolver().reverse_dict if isinstance(name, str)]
    assert {name for name in names if "security" in name} == {"security_log", "security_log_results"}


def test_purge_keeps_recent_entries(db, settings):
    settings.SECURITY_LOG_RETENTION_DAYS = 30
    SecurityEvent.objects.all().delete()  # the accounts the fixtures created
    old = SecurityEvent.objects.create(action=Action.SIGNED_IN)
    SecurityEvent.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    recent = SecurityEvent.objects.create(action=Action.SIGNED_IN)
    call_command("purge_security_log")
    assert list(SecurityEvent.objects.all()) == [recent]
