"""Lockouts after repeated failed sign-ins, on both sign-in forms, per account and per address;
unlocking after the cool-off or by a superuser; the client address through trusted proxies only."""

import re
from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.test import Client
from django.utils import timezone

import pytest
from axes.models import AccessAttempt

from security.models import SecurityEvent
from signin.lockout import current_lockouts

SITE_LOGIN = "/accounts/login/"
ADMIN_LOGIN = "/admin/login/"
LOCKED_TEXT = "Signing in is paused"


def _sign_in(client, username, password, path=SITE_LOGIN, address="192.0.2.10", **extra):
    return client.post(path, {"username": username, "password": password}, REMOTE_ADDR=address, **extra)


def _fail(client, username, times, path=SITE_LOGIN, address="192.0.2.10", **extra):
    return [_sign_in(client, username, "not-the-password", path, address, **extra) for _ in range(times)]


def _signed_in(client):
    return client.session.get("_auth_user_id")


def _without_csrf(response):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def _is_locked_page(response):
    return response.status_code == 429 and LOCKED_TEXT in response.content.decode()


# --- Per account ---------------------------------------------------------------------------


def test_site_form_locks_an_account_after_the_account_limit(client, amira, password, settings):
    limit = settings.LOCKOUT_ACCOUNT_FAILURES
    responses = _fail(client, "amira", limit)
    assert [r.status_code for r in responses[:-1]] == [200] * (limit - 1)
    assert _is_locked_page(responses[-1])
    # The right password is refused too while the lockout holds.
    response = _sign_in(client, "amira", password)
    assert _is_locked_page(response)
    assert _signed_in(client) is None


def test_lockout_page_looks_like_the_site_and_says_how_long(client, amira, settings):
    response = _fail(client, "amira", settings.LOCKOUT_ACCOUNT_FAILURES)[-1]
    html = response.content.decode()
    assert response["Retry-After"] == str(settings.LOCKOUT_COOLOFF_MINUTES * 60)
    assert 'class="page-auth"' in html
    assert "<h1>Signing in is paused</h1>" in html
    assert f"Wait {settings.LOCKOUT_COOLOFF_MINUTES} minutes" in html
    assert "contact your service desk" in html
    assert 'role="alert"' in html


def test_lockout_page_names_the_service_desk_when_configured(client, amira, settings):
    settings.SERVICE_DESK_CONTACT = "servicedesk@example.org"
    response = _fail(client, "amira", settings.LOCKOUT_ACCOUNT_FAILURES)[-1]
    assert "contact the service desk: servicedesk@example.org" in response.content.decode()


def test_lockout_page_is_translated(client, amira, settings):
    response = _fail(client, "amira", settings.LOCKOUT_ACCOUNT_FAILURES, path="/es" + SITE_LOGIN)[-1]
    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="es"' in html
    assert "El inicio de sesión está en pausa" in html
    assert f"Espere {settings.LOCKOUT_COOLOFF_MINUTES} minutos" in html


def test_admin_form_locks_an_account_with_an_admin_styled_page(client, eve, password, settings):
    responses = _fail(client, "eve", settings.LOCKOUT_ACCOUNT_FAILURES, path=ADMIN_LOGIN)
    assert responses[0].status_code == 200
    locked = responses[-1]
    assert _is_locked_page(locked)
    html = locked.content.decode()
    assert 'class="login' in html  # Wagtail's sign-in page layout
    assert "wagtailadmin/css/core" in html
    response = _sign_in(client, "eve", password, path=ADMIN_LOGIN)
    assert _is_locked_page(response)
    assert _signed_in(client) is None
    assert client.get("/admin/").status_code == 302


def test_failures_on_both_forms_count_together(client, eve, settings):
    limit = settings.LOCKOUT_ACCOUNT_FAILURES
    _fail(client, "eve", limit - 1, path=ADMIN_LOGIN)
    assert _is_locked_page(_fail(client, "eve", 1, path=SITE_LOGIN)[-1])


def test_account_lockout_holds_from_every_address(client, amira, chen, password, settings):
    limit = settings.LOCKOUT_ACCOUNT_FAILURES
    for n in range(limit):
        _fail(client, "amira", 1, address=f"198.51.100.{n + 1}")
    response = _sign_in(client, "amira", password, address="203.0.113.200")
    assert _is_locked_page(response)
    # The addresses themselves are not locked: someone else signs in from them.
    response = _sign_in(Client(), "chen", password, address="198.51.100.1")
    assert response.status_code == 302


def test_username_email_and_case_variants_count_against_one_account(client, amira, password, settings):
    names = ["amira", "AMIRA", "Amira.Haddad@example.org", "amira.haddad@EXAMPLE.org", "Amira"]
    for n in range(settings.LOCKOUT_ACCOUNT_FAILURES):
        _fail(client, names[n % len(names)], 1, address=f"198.51.100.{n + 1}")
    assert _is_locked_page(_sign_in(client, "amira.haddad@example.org", password, address="203.0.113.5"))


def test_an_unknown_account_locks_the_same_way(client, amira, settings):
    """The lockout tells nothing about whether an account exists."""
    limit = settings.LOCKOUT_ACCOUNT_FAILURES
    known = _fail(client, "amira", limit, address="198.51.100.1")
    unknown = _fail(Client(), "nobody-here", limit, address="198.51.100.2")
    assert [r.status_code for r in known] == [r.status_code for r in unknown]
    assert _without_csrf(known[-1]) == _without_csrf(unknown[-1])


def test_a_successful_sign_in_before_the_limit_is_fine(client, amira, password, settings):
    _fail(client, "amira", settings.LOCKOUT_ACCOUNT_FAILURES - 1)
    assert _sign_in(client, "amira", password).status_code == 302
    assert _signed_in(client) == str(amira.pk)


# --- Per address ---------------------------------------------------------------------------


def test_address_is_locked_after_the_address_limit_across_accounts(client, amira, password, settings):
    limit = settings.LOCKOUT_ADDRESS_FAILURES
    assert limit > settings.LOCKOUT_ACCOUNT_FAILURES
    responses = [_fail(client, f"guess{n}", 1, address="203.0.113.9")[0] for n in range(limit)]
    assert all(r.status_code == 200 for r in responses[:-1])
    assert _is_locked_page(responses[-1])
    # Nobody signs in from that address now, whoever they are ...
    assert _is_locked_page(_sign_in(Client(), "amira", password, address="203.0.113.9"))
    # ... while the same person elsewhere is fine: the account was never the target.
    assert _sign_in(Client(), "amira", password, address="203.0.113.10").status_code == 302


def test_address_limit_is_its_own_setting(client, amira, settings):
    settings.LOCKOUT_ADDRESS_FAILURES = 3
    settings.LOCKOUT_ACCOUNT_FAILURES = 10
    responses = [_fail(client, f"guess{n}", 1, address="203.0.113.9")[0] for n in range(3)]
    assert [r.status_code for r in responses] == [200, 200, 429]


# --- The client address --------------------------------------------------------------------


def test_forged_forwarded_for_is_ignored_without_trusted_proxies(client, amira, password, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(settings.LOCKOUT_ADDRESS_FAILURES):
        _fail(client, f"guess{n}", 1, address="203.0.113.9", HTTP_X_FORWARDED_FOR=f"10.9.{n}.1")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}
    # A new forged header does not get the attacker a fresh address.
    response = _sign_in(client, "amira", password, address="203.0.113.9", HTTP_X_FORWARDED_FOR="10.99.0.1")
    assert _is_locked_page(response)


def test_forwarded_for_is_honoured_with_one_trusted_proxy(client, amira, password, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.1"
    for n in range(settings.LOCKOUT_ADDRESS_FAILURES):
        # The client may prepend anything; our proxy appends the address it saw.
        _fail(client, f"guess{n}", 1, address=proxy, HTTP_X_FORWARDED_FOR=f"6.6.6.{n}, 198.51.100.7")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.7"}
    locked = _sign_in(client, "amira", password, address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert _is_locked_page(locked)
    # Another person behind the same proxy is not caught by it.
    other = _sign_in(Client(), "amira", password, address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.8")
    assert other.status_code == 302


# --- Unlocking -----------------------------------------------------------------------------


def _age_attempts(delta):
    AccessAttempt.objects.update(attempt_time=timezone.now() - delta)


def test_cool_off_ends_the_lockout(client, amira, password, settings):
    _fail(client, "amira", settings.LOCKOUT_ACCOUNT_FAILURES)
    cool_off = timedelta(minutes=settings.LOCKOUT_COOLOFF_MINUTES)
    _age_attempts(cool_off - timedelta(minutes=1))
    assert _is_locked_page(_sign_in(client, "amira", password))
    _age_attempts(cool_off + timedelta(seconds=5))
    assert current_lockouts() == []
    response = _sign_in(client, "amira", password)
    assert response.status_code == 302
    assert _signed_in(client) == str(amira.pk)


def test_attempts_during_a_lockout_extend_it(client, amira, password, settings):
    _fail(client, "amira", settings.LOCKOUT_ACCOUNT_FAILURES)
    cool_off = timedelta(minutes=settings.LOCKOUT_COOLOFF_MINUTES)
    _age_attempts(cool_off - timedelta(minutes=1))
    assert _is_locked_page(_sign_in(client, "amira", password))
    # The refused attempt restarted the cool-off: the lock now ends a full cool-off from now.
    (lockout,) = current_lockouts()
    assert lockout.until > timezone.now() + cool_off - timedelta(seconds=30)
    _age_attempts(timedelta(minutes=2))
    assert _is_locked_page(_sign_in(client, "amira", password))


def test_cool_off_is_a_setting(client, amira, password, settings):
    settings.LOCKOUT_COOLOFF_MINUTES = 2
    response = _fail(client, "amira", settings.LOCKOUT_ACCOUNT_FAILURES)[-1]
    assert response["Retry-After"] == "120"
    _age_attempts(timedelta(minutes=3))
    assert _sign_in(client, "amira", password).status_code == 302


def test_current_lockouts_lists_accounts_and_addresses_with_their_end(client, amira, settings):
    _fail(client, "amira", settings.LOCKOUT_ACCOUNT_FAILURES, address="198.51.100.1")
    for n in range(settings.LOCKOUT_ADDRESS_FAILURES):
        _fail(client, f"guess{n}", 1, address="203.0.113.9")
    lockouts = {(lockout.kind, lockout.value): lockout for lockout in current_lockouts()}
    assert set(lockouts) == {("account", "amira"), ("address", "203.0.113.9")}
    account = lockouts["account", "amira"]
    assert account.user == amira
    assert account.failures == settings.LOCKOUT_ACCOUNT_FAILURES
    cool_off = timedelta(minutes=settings.LOCKOUT_COOLOFF_MINUTES)
    assert account.until == account.last_failure + cool_off


def test_superuser_sees_and_unlocks_an_account(
    client, amira, password, superuser_client, superuser, settings
):
    _fail(client, "amira", settings.LOCKOUT_ACCOUNT_FAILURES, address="198.51.100.1")
    page = superuser_client.get("/admin/lockouts/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<code>amira</code>" in html
    assert "Amira Haddad" in html
    assert 'name="csrfmiddlewaretoken"' in html

    response = superuser_client.post("/admin/lockouts/", {"kind": "account", "value": "amira"})
    assert response.status_code == 302
    assert "is unlocked" in superuser_client.get(response["Location"]).content.decode()
    assert _sign_in(client, "amira", password, address="198.51.100.1").status_code == 302

    event = SecurityEvent.objects.get(action=SecurityEvent.Action.UNLOCKED)
    assert event.actor == superuser
    assert event.subject == amira
    assert event.detail["kind"] == "account"
    assert event.detail["value"] == "amira"
    assert event.detail["failure_records_removed"] >= 1


def test_superuser_unlocks_an_address(client, amira, password, superuser_client, settings):
    for n in range(settings.LOCKOUT_ADDRESS_FAILURES):
        _fail(client, f"guess{n}", 1, address="203.0.113.9")
    assert "<code>203.0.113.9</code>" in superuser_client.get("/admin/lockouts/").content.decode()
    superuser_client.post("/admin/lockouts/", {"kind": "address", "value": "203.0.113.9"})
    assert _sign_in(client, "amira", password, address="203.0.113.9").status_code == 302
    event = SecurityEvent.objects.get(action=SecurityEvent.Action.UNLOCKED)
    assert event.detail["kind"] == "address"
    assert event.detail["value"] == "203.0.113.9"


def test_unlocking_something_not_locked_says_so(superuser_client):
    response = superuser_client.post("/admin/lockouts/", {"kind": "account", "value": "amira"}, follow=True)
    assert "already ended" in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "everything", "value": "x"},
        {"kind": "account", "value": " "},
        {"kind": "address", "value": "nope"},
    ],
)
def test_unlock_refuses_bad_input_without_touching_anything(client, amira, superuser_client, settings, data):
    _fail(client, "amira", settings.LOCKOUT_ACCOUNT_FAILURES)
    response = superuser_client.post("/admin/lockouts/", data, follow=True)
    assert response.status_code == 200
    assert "Choose a lockout from the list" in response.content.decode()
    assert AccessAttempt.objects.exists()
    assert not SecurityEvent.objects.filter(action=SecurityEvent.Action.UNLOCKED).exists()


def test_unlock_needs_the_csrf_token(superuser, client, amira, settings):
    _fail(client, "amira", settings.LOCKOUT_ACCOUNT_FAILURES)
    admin = Client(enforce_csrf_checks=True)
    admin.force_login(superuser)
    assert admin.post("/admin/lockouts/", {"kind": "account", "value": "amira"}).status_code == 403
    assert AccessAttempt.objects.exists()


@pytest.mark.parametrize("role", ["eve", "rita", "bruno"])
def test_other_admin_roles_cannot_see_or_unlock(request, client, amira, settings, role):
    _fail(client, "amira", settings.LOCKOUT_ACCOUNT_FAILURES)
    admin = Client()
    admin.force_login(request.getfixturevalue(role))
    assert admin.get("/admin/lockouts/").status_code == 403
    assert admin.post("/admin/lockouts/", {"kind": "account", "value": "amira"}).status_code == 403
    assert AccessAttempt.objects.exists()
    assert "/admin/lockouts/" not in admin.get("/admin/").content.decode()


def test_lockouts_menu_is_in_settings_for_superusers(superuser_client):
    assert "/admin/lockouts/" in superuser_client.get("/admin/").content.decode()


def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    response = client.get("/admin/lockouts/")
    assert response.status_code == 302
    assert response["Location"].startswith(ADMIN_LOGIN)


def test_unlock_command_unlocks_and_logs(client, amira, password, settings):
    _fail(client, "amira", settings.LOCKOUT_ACCOUNT_FAILURES)
    out = StringIO()
    call_command("unlock_sign_in", account="Amira.Haddad@example.org", stdout=out)
    assert "Unlocked account amira" in out.getvalue()
    assert _sign_in(client, "amira", password).status_code == 302
    event = SecurityEvent.objects.get(action=SecurityEvent.Action.UNLOCKED)
    assert event.actor is None
    assert event.detail["via"] == "command"


def test_axes_reset_command_also_unlocks(client, amira, password, settings):
    _fail(client, "amira", settings.LOCKOUT_ACCOUNT_FAILURES)
    call_command("axes_reset_username", "amira", stdout=StringIO())
    assert _sign_in(client, "amira", password).status_code == 302


# --- The security log ----------------------------------------------------------------------


def test_lockouts_are_in_the_security_log(client, amira, password, settings):
    _fail(client, "amira", settings.LOCKOUT_ACCOUNT_FAILURES, address="198.51.100.1")
    events = SecurityEvent.objects.filter(action=SecurityEvent.Action.LOCKED_OUT)
    assert events.count() == 1
    event = events.get()
    assert event.subject == amira
    assert event.ip_address == "198.51.100.1"
    assert event.detail["locked"] == ["account"]
    assert event.detail["account_failures"] == settings.LOCKOUT_ACCOUNT_FAILURES
    # A refused sign-in during the lockout is logged too, correct password or not.
    _sign_in(client, "amira", password, address="198.51.100.1")
    assert events.count() == 2
    assert SecurityEvent.objects.filter(action=SecurityEvent.Action.SIGNED_IN).count() == 0


def test_address_lockouts_are_logged_as_such(client, settings):
    for n in range(settings.LOCKOUT_ADDRESS_FAILURES):
        _fail(client, f"guess{n}", 1, address="203.0.113.9")
    event = SecurityEvent.objects.get(action=SecurityEvent.Action.LOCKED_OUT)
    assert event.detail["locked"] == ["address"]
    assert event.subject is None
    assert event.ip_address == "203.0.113.9"
