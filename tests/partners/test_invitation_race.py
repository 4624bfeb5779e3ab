"""A capped invitation holds when its links are verified at the same moment: real threads,
each with its own database connection, on PostgreSQL (SQLite serialises writers)."""

import itertools
import re

from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

import pytest

from partners.models import Invitation
from people.models import PartnerOrganisation
from tests.threads import race

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent writers"),
]
STRONG = "a long walk by the river 42"


def test_a_capped_invitation_holds_under_simultaneous_verification():
    organisation = PartnerOrganisation.objects.create(name="Digital Rights Network")
    invitation, token = Invitation.create(organisation, max_uses=2)
    links = []
    for number in range(6):
        form = {
            "full_name": f"Person {number}",
            "email": f"q{number}@mail.example",
            "password1": STRONG,
            "password2": STRONG,
            "language": "en",
        }
        Client().post(reverse("partners:join", args=[token]), form)
        links.append(re.search(r"/verify/[^/\s]+/", mail.outbox[-1].body).group(0))
    queue = itertools.count()
    results, errors = race(lambda: Client().post(links[next(queue)]).status_code, threads=len(links))
    assert not errors
    assert sorted(results) == [302, 302, 410, 410, 410, 410]
    invitation.refresh_from_db()
    assert invitation.used_count == 2
    assert organisation.members.count() == 2
