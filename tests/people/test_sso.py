"""Single sign-on against a real OpenID Provider (tests/oidc/provider.js, started by the
fixture below): the person goes to the provider, signs in on its form, comes back to
/oidc/callback/ with a code and the state, and the app exchanges the code with the provider
over HTTP. Nothing on the provider's side is mocked."""

import socket
from urllib.parse import parse_qs, urlsplit

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

import pytest

from security.models import SecurityEvent
from tests.factories import UserFactory
from tests.oidc_provider import ACCOUNTS, CLIENT_ID, OpenIDProvider

Action = SecurityEvent.Action
CALLBACK = "http://testserver/oidc/callback/"
ORGANISATION_BUTTON = "Sign in with your organisation account"


@pytest.fixture(scope="session")
def oidc_provider():
    provider = OpenIDProvider([CALLBACK])
    yield provider
    provider.stop()


@pytest.fixture
def sso(settings, oidc_provider):
    """Single sign-on set up for the test provider, as the environment variables would."""
    for name, value in oidc_provider.settings().items():
        setattr(settings, name, value)
    return oidc_provider


def start(client, next_url=None):
    """Presses the organisation account button; returns the provider URL it leads to."""
    response = client.get(reverse("oidc_authentication_init"), {"next": next_url} if next_url else {})
    assert response.status_code == 302
    return response["Location"]


def back_from_provider(client, provider, login, *, next_url=None, cancel=False):
    """The whole journey: the button, the provider's login form, the callback."""
    callback = provider.sign_in(start(client, next_url), login, cancel=cancel)
    assert callback.startswith(CALLBACK)
    return client.get(callback.removeprefix("http://testserver"))


def signed_in_as(client):
    return client.session.get("_auth_user_id")


def events(action):
    return list(SecurityEvent.objects.filter(action=action).order_by("pk"))


# --- Offered only when configured ------------------------------------------------------------


def test_without_configuration_there_is_no_button_and_no_sso_url(client, db):
    assert ORGANISATION_BUTTON not in client.get(reverse("login")).content.decode()
    assert ORGANISATION_BUTTON not in client.get(reverse("wagtailadmin_login")).content.decode()
    assert client.get(reverse("oidc_authentication_init")).status_code == 404
    assert client.get(reverse("oidc_authentication_callback"), {"code": "x", "state": "y"}).status_code == 404


def test_both_sign_in_pages_offer_the_organisation_account(client, sso):
    learner = client.get(reverse("login"), {"next": "/courses/"}).content.decode()
    assert ORGANISATION_BUTTON in learner
    assert 'action="/oidc/authenticate/"' in learner
    assert 'name="next" value="/courses/"' in learner
    admin = client.get(reverse("wagtailadmin_login")).content.decode()
    assert ORGANISATION_BUTTON in admin
    assert 'name="next" value="/admin/"' in admin


def test_the_button_label_is_configurable(client, sso, settings):
    settings.OIDC_BUTTON_LABEL = "Sign in with Example NGO"
    assert "Sign in with Example NGO" in client.get(reverse("login")).content.decode()


def test_the_request_to_the_provider_carries_state_nonce_and_a_pkce_challenge(client, sso):
    url = start(client)
    assert url.startswith(f"{sso.issuer}/auth?")
    params = {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}
    assert params["client_id"] == CLIENT_ID
    assert params["redirect_uri"] == CALLBACK
    assert params["response_type"] == "code"
    assert params["code_challenge_method"] == "S256"
    assert len(params["code_challenge"]) == 43
    kept = client.session["oidc_states"][params["state"]]
    assert kept["nonce"] == params["nonce"]
    assert len(kept["code_verifier"]) >= 43


# --- Matching the staff directory ------------------------------------------------------------


def test_matched_by_email_in_any_case_lands_on_the_home_page(client, sso, amira):
    assert ACCOUNTS["amira"]["email"] != amira.email  # same address, other case
    response = back_from_provider(client, sso, "amira")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert signed_in_as(client) == str(amira.pk)
    (event,) = events(Action.SSO_SIGNED_IN)
    assert event.subject == amira
    assert event.detail == {
        "issuer": sso.issuer,
        "sub": ACCOUNTS["amira"]["sub"],
        "claim": "email",
        "value": ACCOUNTS["amira"]["email"],
    }
    # One sign-in, one entry: not also the generic SIGNED_IN.
    assert events(Action.SIGNED_IN) == []


def test_lands_in_the_preferred_language(client, sso, amira, settings):
    amira.preferred_language = "fr"
    amira.save()
    response = back_from_provider(client, sso, "amira")
    assert response["Location"] == "/fr/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"


def test_goes_where_the_person_was_going(client, sso, amira, module):
    response = back_from_provider(client, sso, "amira", next_url=module.url)
    assert response["Location"] == module.url


def test_an_outside_next_is_ignored(client, sso, amira):
    response = back_from_provider(client, sso, "amira", next_url="https://evil.example/")
    assert response["Location"] == "/"


def test_admin_sign_in_returns_to_the_admin(client, sso, eve):
    response = back_from_provider(client, sso, "eve", next_url="/admin/")
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_matched_by_employee_id(client, sso, settings, amira):
    settings.OIDC_MATCH_CLAIM = "employee_id"
    settings.OIDC_RP_SCOPES = "openid email profile employee"
    amira.email = "amira@another-address.example"  # the email cannot be what matches
    amira.employee_id = ACCOUNTS["amira"]["employee_id"]
    amira.save()
    back_from_provider(client, sso, "amira")
    assert signed_in_as(client) == str(amira.pk)
    assert events(Action.SSO_SIGNED_IN)[0].detail["claim"] == "employee_id"


def test_employee_id_mode_refuses_when_the_claim_is_not_sent(client, sso, settings, amira):
    settings.OIDC_MATCH_CLAIM = "employee_id"
    settings.OIDC_EMPLOYEE_ID_CLAIM = "employee_number"  # a claim this provider never sends
    settings.OIDC_RP_SCOPES = "openid email profile employee"
    amira.employee_id = ACCOUNTS["amira"]["employee_id"]
    amira.save()
    response = back_from_provider(client, sso, "amira")
    assert response.status_code == 403
    assert "employee_number" in response.content.decode()
    assert signed_in_as(client) is None
    assert events(Action.SSO_REFUSED)[0].detail == {"reason": "claim_missing", "claim": "employee_number"}


def test_an_unknown_person_is_refused_with_a_clear_page(client, sso, db):
    response = back_from_provider(client, sso, "nadia")
    assert response.status_code == 403
    page = response.content.decode()
    assert "No one in the staff directory matches your organisation account" in page
    assert ACCOUNTS["nadia"]["email"] in page
    assert signed_in_as(client) is None
    assert not get_user_model().objects.filter(email__iexact=ACCOUNTS["nadia"]["email"]).exists()
    (event,) = events(Action.SSO_REFUSED)
    assert event.detail == {"reason": "unknown", "claim": "email", "value": ACCOUNTS["nadia"]["email"]}


def test_an_unknown_person_gets_a_record_when_creation_is_allowed(client, sso, settings, db):
    settings.OIDC_CREATE_USERS = True
    settings.OIDC_RP_SCOPES = "openid email profile employee"
    response = back_from_provider(client, sso, "nadia")
    assert response.status_code == 302
    nadia = get_user_model().objects.get(email=ACCOUNTS["nadia"]["email"])
    assert signed_in_as(client) == str(nadia.pk)
    assert nadia.full_name == "Nadia Newcomer"
    assert nadia.employee_id == "E-2001"
    assert nadia.username == "e-2001"
    assert not nadia.has_usable_password()
    assert not nadia.is_staff and not nadia.is_superuser and not nadia.groups.exists()
    assert events(Action.USER_CREATED)[0].subject == nadia
    # The second time, the same record is used.
    client.logout()
    back_from_provider(client, sso, "nadia")
    assert get_user_model().objects.filter(email__iexact=ACCOUNTS["nadia"]["email"]).count() == 1


def test_creation_refuses_details_that_belong_to_another_record(client, sso, settings, db):
    settings.OIDC_CREATE_USERS = True
    settings.OIDC_MATCH_CLAIM = "employee_id"
    settings.OIDC_RP_SCOPES = "openid email profile employee"
    UserFactory(username="someone", email=ACCOUNTS["nadia"]["email"].upper(), employee_id="E-OTHER")
    response = back_from_provider(client, sso, "nadia")
    assert response.status_code == 403
    assert events(Action.SSO_REFUSED)[0].detail["reason"] == "conflict"


def test_a_leaver_is_refused(client, sso, amira):
    amira.is_active = False
    amira.save()
    response = back_from_provider(client, sso, "amira")
    assert response.status_code == 403
    assert "Your staff record is closed" in response.content.decode()
    assert signed_in_as(client) is None
    (event,) = events(Action.SSO_REFUSED)
    assert event.subject == amira
    assert event.detail["reason"] == "inactive"


def test_a_leavers_open_session_ends(client, sso, amira):
    back_from_provider(client, sso, "amira")
    assert client.get(reverse("dashboard")).status_code == 200
    amira.is_active = False
    amira.save()
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_an_unverified_email_is_not_trusted(client, sso, amira):
    # The provider says the address is amira's but has not verified it.
    response = back_from_provider(client, sso, "unverified")
    assert response.status_code == 403
    assert signed_in_as(client) is None
    assert events(Action.SSO_REFUSED)[0].detail["reason"] == "email_unverified"


# --- The protocol's own defences ---------------------------------------------------------------


def test_a_wrong_state_is_refused(client, sso, amira):
    callback = sso.sign_in(start(client), "amira")
    query = parse_qs(urlsplit(callback).query)
    response = client.get(
        reverse("oidc_authentication_callback"), {"code": query["code"][0], "state": "forged"}
    )
    assert response.status_code == 400
    assert signed_in_as(client) is None
    assert events(Action.SSO_REFUSED)[0].detail == {"reason": "session"}


def test_a_callback_cannot_be_replayed(client, sso, amira):
    callback = sso.sign_in(start(client), "amira").removeprefix("http://testserver")
    assert client.get(callback).status_code == 302
    client.logout()
    response = client.get(callback)
    assert response.status_code == 400
    assert signed_in_as(client) is None


def test_a_callback_in_another_browser_is_refused(client, sso, amira):
    """An attacker's own code and state, planted in someone else's browser (login CSRF)."""
    from django.test import Client

    callback = sso.sign_in(start(Client()), "amira").removeprefix("http://testserver")
    response = client.get(callback)
    assert response.status_code == 400
    assert signed_in_as(client) is None


def test_a_code_is_only_good_with_its_pkce_verifier(client, sso, amira):
    """Two sign-ins started in one browser: swapping their codes fails at the provider
    (the verifier belongs to the other state), so the app refuses."""
    first = parse_qs(urlsplit(sso.sign_in(start(client), "amira")).query)
    second = parse_qs(urlsplit(sso.sign_in(start(client), "amira")).query)
    response = client.get(
        reverse("oidc_authentication_callback"), {"code": second["code"][0], "state": first["state"][0]}
    )
    assert response.status_code == 403
    assert signed_in_as(client) is None
    assert events(Action.SSO_REFUSED)[0].detail["reason"] == "token"


def test_cancelling_at_the_provider(client, sso, amira):
    response = back_from_provider(client, sso, "amira", cancel=True)
    assert response.status_code == 403
    assert "cancelled" in response.content.decode()
    assert events(Action.SSO_REFUSED)[0].detail["error"] == "access_denied"


def test_an_unreachable_provider_gives_a_clear_page(client, sso, settings, db):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    settings.OIDC_ISSUER = f"http://127.0.0.1:{port}"
    response = client.get(reverse("oidc_authentication_init"))
    assert response.status_code == 503
    assert "could not be reached" in response.content.decode()
    assert events(Action.SSO_REFUSED)[0].detail["reason"] == "unavailable"


def test_a_discovery_document_for_another_issuer_is_refused(client, sso, settings, db):
    # The same provider under another name: its document names the real issuer.
    settings.OIDC_ISSUER = sso.issuer.replace("127.0.0.1", "localhost")
    response = client.get(reverse("oidc_authentication_init"))
    assert response.status_code == 503


def test_explicit_endpoints_work_without_discovery(client, sso, settings, amira):
    settings.OIDC_ISSUER = ""
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{sso.issuer}/auth"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{sso.issuer}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{sso.issuer}/me"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{sso.issuer}/jwks"
    back_from_provider(client, sso, "amira")
    assert signed_in_as(client) == str(amira.pk)


# --- Local passwords switched off for staff ----------------------------------------------------


@pytest.fixture
def sso_only(sso, settings):
    settings.LOCAL_PASSWORD_LOGIN = "superusers"
    return sso


def test_staff_password_is_refused_with_a_pointer_to_sso(client, sso_only, amira, password):
    response = client.post(reverse("login"), {"username": "amira", "password": password})
    assert response.status_code == 200
    assert signed_in_as(client) is None
    assert (
        response.context["form"]
        .errors["__all__"][0]
        .startswith("Staff sign in with their organisation account")
    )
    assert events(Action.SIGN_IN_FAILED)[0].subject == amira


def test_staff_password_is_refused_on_the_admin_form_too(client, sso_only, eve, password):
    response = client.post(reverse("wagtailadmin_login"), {"username": "eve", "password": password})
    assert response.status_code == 200
    assert signed_in_as(client) is None
    assert "Staff sign in with their organisation account" in response.content.decode()


def test_a_wrong_password_still_reads_as_a_wrong_password(client, sso_only, amira):
    response = client.post(reverse("login"), {"username": "amira", "password": "not-it"})
    assert "do not match" in response.context["form"].errors["__all__"][0]


def test_superusers_keep_a_break_glass_password(client, sso_only, superuser, password):
    response = client.post(
        reverse("wagtailadmin_login"), {"username": superuser.username, "password": password}
    )
    assert response.status_code == 302
    assert signed_in_as(client) == str(superuser.pk)
    client.logout()
    client.post(reverse("login"), {"username": superuser.username, "password": password})
    assert signed_in_as(client) == str(superuser.pk)


def test_staff_still_sign_in_with_sso(client, sso_only, amira):
    back_from_provider(client, sso_only, "amira")
    assert signed_in_as(client) == str(amira.pk)


def test_the_sign_in_pages_hide_password_reset_and_say_why(client, sso_only, db):
    learner = client.get(reverse("login")).content.decode()
    assert reverse("password_reset") not in learner
    assert "Administrators: emergency sign-in with a password" in learner
    admin = client.get(reverse("wagtailadmin_login")).content.decode()
    assert reverse("wagtailadmin_password_reset") not in admin
    assert "Passwords work only for administrators" in admin


@pytest.mark.parametrize("url_name", ["password_reset", "wagtailadmin_password_reset"])
def test_password_reset_is_sent_to_superusers_only(client, sso_only, amira, superuser, url_name):
    for person in (amira, superuser):
        response = client.post(reverse(url_name), {"email": person.email})
        assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [[superuser.email]]


def test_with_passwords_for_everyone_staff_reset_works(client, sso, amira):
    client.post(reverse("password_reset"), {"email": amira.email})
    assert [message.to for message in mail.outbox] == [[amira.email]]
    assert reverse("password_reset") in client.get(reverse("login")).content.decode()
