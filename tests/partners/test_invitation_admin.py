"""Settings › Partner invitations: HR admins create invitation links (shown once) and revoke them."""

import re

from django.test import Client
from django.urls import reverse

from partners.models import Invitation, token_hash
from security.models import SecurityEvent


def _hr_client(hana):
    client = Client()
    client.force_login(hana)
    return client


def test_an_hr_admin_creates_an_invitation_and_sees_its_link_once(network, hana):
    client = _hr_client(hana)
    page = client.get(reverse("partners_invitations"))
    assert page.status_code == 200 and b"Create the invitation link" in page.content
    response = client.post(
        reverse("partners_invitations"), {"organisation": network.pk, "days": 7, "max_uses": 25}
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    link = re.search(r'value="(https?://[^"]+/join/([^/"]+)/)"', response.content.decode())
    invitation = Invitation.objects.get()
    assert invitation.max_uses == 25 and invitation.created_by == hana
    assert invitation.token_hash == token_hash(link.group(2))
    # Never again: the list shows no link.
    listing = client.get(reverse("partners_invitations")).content.decode()
    assert link.group(2) not in listing and "0 / 25" in listing
    event = SecurityEvent.objects.get(action=SecurityEvent.Action.PARTNER_INVITATION_CREATED)
    assert event.actor == hana and link.group(2) not in str(event.detail)
    # The link works for a signed-out visitor.
    assert Client().get(re.sub(r"^https?://[^/]+", "", link.group(1))).status_code == 200


def test_bad_input_shows_errors(network, hana):
    response = _hr_client(hana).post(
        reverse("partners_invitations"), {"organisation": network.pk, "days": 0, "max_uses": "many"}
    )
    assert response.status_code == 400 and not Invitation.objects.exists()


def test_revoking(network, hana):
    invitation, token = Invitation.create(network)
    client = _hr_client(hana)
    assert client.get(reverse("partners_invitation_revoke", args=[invitation.pk])).status_code == 405
    client.post(reverse("partners_invitation_revoke", args=[invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.is_revoked
    assert Client().get(reverse("partners:join", args=[token])).status_code == 410
    assert SecurityEvent.objects.filter(action=SecurityEvent.Action.PARTNER_INVITATION_REVOKED).exists()


def test_others_may_not(network, amira, bruno):
    for user in (amira, bruno):
        client = Client()
        client.force_login(user)
        assert (
            client.post(
                reverse("partners_invitations"), {"organisation": network.pk, "days": 7, "max_uses": 1}
            ).status_code
            == 302
        )
    assert not Invitation.objects.exists()
