"""Joining as a partner learner: registering with an organisation's address, invitation
links, email verification, and the refusals, limits and log entries around them."""

import re
from datetime import timedelta
from urllib.parse import quote

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from partners.joining import organisation_for_email, unique_username
from partners.models import Invitation, Registration, token_hash
from people.models import PartnerOrganisation
from security.models import SecurityEvent
from tests.factories import UserFactory

User = get_user_model()
STRONG = "a long walk by the river 42"
Action = SecurityEvent.Action


def _form(email="wanjiru@partners.example.org", **extra):
    return {
        "full_name": "Wanjiru Kamau",
        "email": email,
        "password1": STRONG,
        "password2": STRONG,
        "language": "fr",
        **extra,
    }


def _link(message):
    return re.search(r"https?://\S+/verify/[^/\s]+/", message.body).group(0)


def _path(url):
    return re.sub(r"^https?://[^/]+", "", url)


def _actions():
    return list(SecurityEvent.objects.order_by("pk").values_list("action", flat=True))


def test_registering_at_an_allowed_domain_sends_a_link_and_creates_nothing(network):
    response = Client().post(reverse("partners:register"), _form(email="Wanjiru@PARTNERS.example.org"))
    assert response.status_code == 302
    assert response["Location"] == reverse("partners:check_inbox")
    assert not User.objects.filter(email__iexact="wanjiru@partners.example.org").exists()
    registration = Registration.objects.get()
    assert registration.organisation == network and registration.language == "fr"
    assert STRONG not in registration.password_hash
    (message,) = mail.outbox
    assert message.to == ["Wanjiru@PARTNERS.example.org"]
    assert "/fr/verify/" in _link(message)  # in the language chosen
    token = _link(message).rstrip("/").rsplit("/", 1)[1]
    assert registration.token_hash == token_hash(token) and token not in registration.token_hash
    assert Action.PARTNER_REGISTRATION_STARTED in _actions()


def in_french(text):
    """The text as the person who chose French reads it (and it is translated)."""
    with translation.override("fr"):
        translated = translation.gettext(text)
    assert translated != text
    return translated


def test_verifying_creates_the_account_signs_in_and_lands_on_the_dashboard(network):
    client = Client()
    client.post(reverse("partners:register"), _form())
    link = _path(_link(mail.outbox[0]))
    page = client.get(link)  # a mail scanner following the link changes nothing
    assert page.status_code == 200 and in_french("Confirm and create my account") in page.content.decode()
    assert not User.objects.filter(email="wanjiru@partners.example.org").exists()
    response = client.post(link)
    assert response.status_code == 302 and response["Location"] == "/fr/my-learning/"
    user = User.objects.get(email="wanjiru@partners.example.org")
    assert user.partner_organisation == network and user.is_active and user.left_on is None
    assert user.preferred_language == "fr" and user.full_name == "Wanjiru Kamau"
    assert user.check_password(STRONG)
    assert user.username == "wanjiru"
    assert client.get("/fr/my-learning/").status_code == 200
    assert not Registration.objects.exists()
    assert Action.PARTNER_REGISTRATION_VERIFIED in _actions()
    # The link is spent.
    assert Client().post(link).status_code == 404


def test_an_address_at_no_partner_domain_gets_a_field_error(network):
    for email in (
        "someone@example.org",
        "someone@sub.partners.example.org",
        "someone@partners.example.org.evil",
    ):
        response = Client().post(reverse("partners:register"), _form(email=email))
        assert response.status_code == 400
        assert "not at a partner organisation" in response.context["form"].errors["email"][0]
    network.is_active = False
    network.save()
    assert Client().post(reverse("partners:register"), _form()).status_code == 400
    assert not Registration.objects.exists() and not mail.outbox
    assert _actions().count(Action.PARTNER_REGISTRATION_REFUSED) == 4


def test_password_rules_and_both_passwords(network):
    weak = Client().post(reverse("partners:register"), _form(password1="short", password2="short"))
    assert weak.status_code == 400 and weak.context["form"].errors["password1"]
    mismatch = Client().post(reverse("partners:register"), _form(password2=STRONG + "!"))
    assert mismatch.status_code == 400 and mismatch.context["form"].errors["password2"]
    assert not Registration.objects.exists()


@pytest.mark.parametrize("existing", ["staff", "partner"])
def test_an_address_with_an_account_gets_the_same_page_and_an_email_saying_so(network, existing):
    UserFactory(
        username="wanjiru.k",
        email="WANJIRU@partners.example.org",
        partner_organisation=network if existing == "partner" else None,
    )
    response = Client().post(reverse("partners:register"), _form())
    assert response.status_code == 302 and response["Location"] == reverse("partners:check_inbox")
    (message,) = mail.outbox
    already = (
        "Someone, probably you, asked to create a Learning Hub account with this address. This "
        "address already has an account, so no new one was created."
    )
    assert in_french(already) in message.body and "/verify/" not in message.body
    assert not Registration.objects.exists()
    assert User.objects.filter(email__iexact="wanjiru@partners.example.org").count() == 1


def test_the_pages_need_no_sign_in_and_are_csrf_protected(network):
    client = Client(enforce_csrf_checks=True)
    page = client.get(reverse("partners:register"))
    assert page.status_code == 200
    assert b'name="csrfmiddlewaretoken"' in page.content
    assert b'<label class="field__label" for="id_email">' in page.content
    assert client.post(reverse("partners:register"), _form()).status_code == 403
    assert client.get(reverse("partners:check_inbox")).status_code == 200
    assert "sessionid" not in page.cookies


# --- Invitations ---------------------------------------------------------------------------


def test_an_invitation_lets_anyone_join_its_organisation(network):
    invitation, token = Invitation.create(network, max_uses=1)
    client = Client()
    page = client.get(reverse("partners:join", args=[token]))
    assert page.status_code == 200 and b"Digital Rights Network" in page.content
    # Any address: the invitation names the organisation.
    client.post(reverse("partners:join", args=[token]), _form(email="amani@gmail.example"))
    client.post(_path(_link(mail.outbox[0])))
    user = User.objects.get(email="amani@gmail.example")
    assert user.partner_organisation == network
    invitation.refresh_from_db()
    assert invitation.used_count == 1
    assert Client().get(reverse("partners:join", args=[token])).status_code == 410


def test_a_capped_invitation_is_not_over_used(network):
    invitation, token = Invitation.create(network, max_uses=2)
    links = []
    for number in range(4):  # all four start before anyone verifies
        Client().post(reverse("partners:join", args=[token]), _form(email=f"p{number}@mail.example"))
        links.append(_path(_link(mail.outbox[-1])))
    answers = [Client().post(link).status_code for link in links]
    assert answers == [302, 302, 410, 410]
    invitation.refresh_from_db()
    assert invitation.used_count == 2
    assert User.objects.filter(partner_organisation=network).count() == 2
    assert Registration.objects.count() == 2  # refused ones wait, harmless, until they expire


@pytest.mark.parametrize("state", ["expired", "revoked", "used_up", "inactive"])
def test_unusable_invitations_are_refused_and_write_nothing(network, state):
    invitation, token = Invitation.create(network, max_uses=1)
    if state == "expired":
        invitation.expires_at = timezone.now() - timedelta(minutes=1)
        invitation.save()
    elif state == "revoked":
        invitation.revoke()
    elif state == "used_up":
        Invitation.objects.filter(pk=invitation.pk).update(used_count=1)
    else:
        PartnerOrganisation.objects.filter(pk=network.pk).update(is_active=False)
    url = reverse("partners:join", args=[token])
    assert Client().get(url).status_code == 410
    assert Client().post(url, _form()).status_code == 410
    assert not Registration.objects.exists() and not mail.outbox
    assert _actions()[-1] == Action.PARTNER_REGISTRATION_REFUSED


def test_an_invitation_expiring_before_verification_is_not_used(network):
    invitation, token = Invitation.create(network, max_uses=1)
    Client().post(reverse("partners:join", args=[token]), _form(email="late@mail.example"))
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert Client().post(_path(_link(mail.outbox[0]))).status_code == 410
    assert not User.objects.filter(email="late@mail.example").exists()


HOSTILE = [
    "x",
    "A" * 43,
    "A" * 5000,
    "%00",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "..%2F..%2Fetc%2Fpasswd",
    "ünïcødé",
]


@pytest.mark.parametrize("token", HOSTILE)
def test_hostile_tokens_are_simply_not_found(network, token):
    Invitation.create(network)
    for name in ("join", "verify"):
        url = f"/{name}/{quote(token, safe='')}/"
        assert Client().get(url).status_code == 404, url
        assert Client().post(url, _form()).status_code == 404, url
    assert (
        not Registration.objects.exists() and not User.objects.filter(partner_organisation=network).exists()
    )


def test_an_expired_verification_link_creates_nothing(network):
    Client().post(reverse("partners:register"), _form())
    Registration.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    link = _path(_link(mail.outbox[0]))
    assert Client().get(link).status_code == 410
    assert Client().post(link).status_code == 404
    assert not User.objects.filter(email="wanjiru@partners.example.org").exists()


@override_settings(PARTNER_JOIN_LIMIT_PER_ADDRESS=3)
def test_the_pages_are_rate_limited_per_address(network):
    client = Client()
    for _ in range(3):
        assert (
            client.post(reverse("partners:register"), _form(email="bad@nowhere.example")).status_code == 400
        )
    throttled = client.post(reverse("partners:register"), _form())
    assert throttled.status_code == 429 and throttled["Retry-After"]
    assert not Registration.objects.exists()
    # Another address is counted on its own.
    other = Client(REMOTE_ADDR="198.51.100.7")
    assert other.post(reverse("partners:register"), _form()).status_code == 302
    for _ in range(3):
        client.get(reverse("partners:join", args=["guess"]))
    assert client.get(reverse("partners:join", args=["guess"])).status_code == 429
    refused = SecurityEvent.objects.filter(action=Action.PARTNER_REGISTRATION_REFUSED)
    assert refused.filter(detail__reason="throttled").count() == 2


def test_usernames_are_unique(network):
    UserFactory(username="wanjiru")
    UserFactory(username="wanjiru-2")
    assert unique_username("Wanjiru@partners.example.org") == "wanjiru-3"
    assert unique_username("+++@x.example") == "partner"


def test_the_organisation_of_an_address(network):
    other = PartnerOrganisation.objects.create(name="Sections", email_domains=["sections.example"])
    assert organisation_for_email("a@PARTNERS.EXAMPLE.ORG") == network
    assert organisation_for_email("a@sections.example") == other
    assert organisation_for_email("a@example.org") is None
    assert organisation_for_email("not-an-address") is None


def test_signed_in_people_are_sent_to_their_learning(network, amira_client):
    assert amira_client.get(reverse("partners:register"))["Location"] == reverse("dashboard")


@override_settings(LOCAL_PASSWORD_LOGIN="superusers")
def test_partner_learners_keep_their_password_when_staff_use_single_sign_on(nadia, amira, password):
    from django.http import HttpRequest

    assert Client().login(request=HttpRequest(), username="nadia", password=password)
    assert not Client().login(request=HttpRequest(), username="amira", password=password)
