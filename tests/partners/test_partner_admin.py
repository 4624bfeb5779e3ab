"""Partner organisations in the admin: who may manage them, the list (member counts in a
fixed number of queries), the email domains one per line and checked, focal points chosen
among the organisation's members, never deleted; the staff screens list staff only."""

import pytest

from people.models import PartnerOrganisation
from people.roles import PARTNERSHIPS
from tests.adminforms import form_data
from tests.conftest import _client_for
from tests.factories import UserFactory
from tests.partners.organisations import make_organisation, make_partner

LIST = "/admin/snippets/people/partnerorganisation/"
ADD = LIST + "add/"


def edit_url(organisation):
    return f"{LIST}edit/{organisation.pk}/"


@pytest.fixture
def pat(db):
    """A Partnerships officer."""
    return UserFactory(username="pat", email="pat@example.org", full_name="Pat Ndlovu", groups=[PARTNERSHIPS])


@pytest.fixture
def pat_client(pat):
    return _client_for(pat)


@pytest.fixture
def voices(db):
    return make_organisation("Voices Collective", ["voices.example"], country="Kenya")


def test_partnerships_and_hr_manage_organisations_staff_and_managers_do_not(
    pat_client, hana_client, bruno, amira
):
    assert pat_client.get(LIST).status_code == 200
    assert hana_client.get(LIST).status_code == 200
    for person in (bruno, amira):
        response = _client_for(person).get(LIST)
        assert response.status_code == 302 and not response["Location"].startswith(LIST)


def test_partnerships_see_no_staff_records(pat_client, amira):
    for url in ("/admin/users/", f"/admin/users/edit/{amira.pk}/", "/admin/reports/team-completion/"):
        response = pat_client.get(url)
        assert response.status_code in (302, 403), url


def test_the_list_counts_members_in_a_fixed_number_of_queries(pat_client, django_assert_max_num_queries):
    for n in range(2):
        organisation = make_organisation(f"Org {n}", [f"org{n}.example"])
        for i in range(3 + n):
            make_partner(organisation, f"p{n}-{i}")
    make_partner(PartnerOrganisation.objects.get(name="Org 0"), "gone", is_active=False)
    with django_assert_max_num_queries(25) as few:
        response = pat_client.get(LIST)
    for n in range(2, 6):
        organisation = make_organisation(f"Org {n}", [f"org{n}.example"])
        for i in range(5):
            make_partner(organisation, f"p{n}-{i}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = pat_client.get(LIST)
    rows = {org.name: org.member_count for org in response.context["object_list"]}
    assert rows["Org 0"] == 3 and rows["Org 1"] == 4 and rows["Org 5"] == 5


def add(client, **changes):
    data = form_data(client.get(ADD))
    data.update({"name": "Young Storytellers", "country": "Ghana", "is_active": "on", **changes})
    return client.post(ADD, data)


def test_domains_are_one_per_line_lowercased_and_stored_as_a_list(pat_client):
    response = add(pat_client, email_domains="Stories.example\n\n  mail.stories.example  \n")
    assert response.status_code == 302
    organisation = PartnerOrganisation.objects.get(name="Young Storytellers")
    assert organisation.email_domains == ["stories.example", "mail.stories.example"]
    page = pat_client.get(edit_url(organisation)).content.decode()
    assert "stories.example\nmail.stories.example" in page


@pytest.mark.parametrize(
    ("domains", "says"),
    [
        ("someone@stories.example", "without"),
        ("not a domain", "not a valid domain"),
        ("localhost", "not a valid domain"),
        ("stories.example\nSTORIES.example", "Listed twice"),
        ("voices.example", "already belongs to Voices Collective"),
        ("example.org", "staff email domain"),
    ],
)
def test_bad_domains_are_refused_next_to_the_field(pat_client, voices, amira, domains, says):
    response = add(pat_client, email_domains=domains)
    assert response.status_code == 200
    assert says in str(response.context["form"].errors["email_domains"])
    assert not PartnerOrganisation.objects.filter(name="Young Storytellers").exists()


def test_focal_points_are_chosen_among_the_organisations_members(pat_client, voices, amira):
    member = make_partner(voices, "wanjiru")
    outsider = make_partner(make_organisation("Other", ["other.example"]), "kofi")
    form = pat_client.get(edit_url(voices)).context["form"]
    assert set(form.fields["focal_points"].queryset) == {member}
    data = form_data(pat_client.get(edit_url(voices)), edit_url(voices))
    data["focal_points"] = [str(outsider.pk)]
    response = pat_client.post(edit_url(voices), data)
    assert response.status_code == 200 and "focal_points" in response.context["form"].errors
    data["focal_points"] = [str(member.pk)]
    assert pat_client.post(edit_url(voices), data).status_code == 302
    assert list(voices.focal_points.all()) == [member]


def test_an_organisation_is_switched_off_never_deleted(pat_client, voices, superuser):
    data = form_data(pat_client.get(edit_url(voices)), edit_url(voices))
    data.pop("is_active", None)
    assert pat_client.post(edit_url(voices), data).status_code == 302
    voices.refresh_from_db()
    assert voices.is_active is False
    for client in (pat_client, _client_for(superuser)):
        response = client.get(f"{LIST}delete/{voices.pk}/")
        assert response.status_code in (302, 403)
        client.post(f"{LIST}delete/{voices.pk}/")
    assert PartnerOrganisation.objects.filter(pk=voices.pk).exists()


def test_the_organisation_page_lists_its_members(pat_client, voices):
    make_partner(voices, "wanjiru", full_name="Wanjiru Kamau")
    voices.focal_points.add(make_partner(voices, "otieno", full_name="Otieno Odhiambo"))
    page = pat_client.get(f"{LIST}inspect/{voices.pk}/").content.decode()
    assert "Wanjiru Kamau" in page and "Otieno Odhiambo" in page


def test_the_staff_list_shows_staff_only(hana_client, voices, amira):
    make_partner(voices, "wanjiru", full_name="Wanjiru Kamau")
    people = {user.username for user in hana_client.get("/admin/users/").context["object_list"]}
    assert "amira" in people and "wanjiru" not in people


def test_the_staff_form_shows_the_organisation_but_never_changes_it(hana_client, voices, amira):
    partner = make_partner(voices, "wanjiru", full_name="Wanjiru Kamau")
    url = f"/admin/users/edit/{partner.pk}/"
    response = hana_client.get(url)
    assert response.context["form"].fields["partner_organisation"].disabled
    data = form_data(response)
    data["partner_organisation"] = ""
    hana_client.post(url, data)
    partner.refresh_from_db()
    assert partner.partner_organisation == voices
    staff = form_data(hana_client.get(f"/admin/users/edit/{amira.pk}/"))
    staff["partner_organisation"] = str(voices.pk)
    hana_client.post(f"/admin/users/edit/{amira.pk}/", staff)
    amira.refresh_from_db()
    assert amira.partner_organisation is None
