"""One source for a person's name: ``full_name``. No first or last name on the account, in the
admin's user screens or the account settings; the migration keeps every name."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

from people.models import User
from records.certificates import holder_name
from tests.adminforms import field_names, form_data
from tests.factories import UserFactory
from tests.htmlutils import texts


def test_the_account_has_no_first_or_last_name():
    names = {field.name for field in User._meta.get_fields()}
    assert "full_name" in names
    assert not names & {"first_name", "last_name"}


def test_a_corrected_name_reaches_the_certificate(amira):
    amira.full_name = "Amira K. Haddad"
    amira.save()

    assert holder_name(User.objects.get(pk=amira.pk)) == "Amira K. Haddad"


@pytest.mark.parametrize(
    ("full_name", "short"),
    [("Amira Haddad", "Amira"), ("  Nguyễn Thị Lan ", "Nguyễn"), ("", "nameless")],
)
def test_short_name_is_the_first_word_or_the_username(db, full_name, short):
    user = UserFactory(username="nameless", full_name=full_name)

    assert user.get_short_name() == short


def test_user_forms_offer_full_name_only(hana_client, amira):
    for url in ("/admin/users/new/", f"/admin/users/edit/{amira.pk}/"):
        names = field_names(hana_client.get(url), url)
        assert "full_name" in names
        assert not names & {"first_name", "last_name"}


def test_hr_corrects_a_name_in_the_admin(hana_client, amira):
    url = f"/admin/users/edit/{amira.pk}/"
    data = form_data(hana_client.get(url), url)
    data.update(full_name=["Amira Karim Haddad"])

    response = hana_client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    amira.refresh_from_db()
    assert amira.full_name == "Amira Karim Haddad"


def test_a_new_person_needs_a_name(hana_client):
    url = "/admin/users/new/"
    data = form_data(hana_client.get(url), url)
    data.update(username=["nadia"], email=["nadia@example.org"], full_name=[""])

    response = hana_client.post(url, data)

    assert response.status_code == 200
    assert not User.objects.filter(username="nadia").exists()


def test_user_listing_shows_and_finds_people_by_full_name(hana_client, amira, chen):
    listing = hana_client.get("/admin/users/")
    assert listing.status_code == 200
    assert "Amira Haddad" in listing.content.decode()

    found = hana_client.get("/admin/users/?q=haddad")
    assert "Amira Haddad" in found.content.decode()
    assert "Chen Wei" not in found.content.decode()

    by_name = hana_client.get("/admin/users/?ordering=name")
    assert by_name.status_code == 200


def test_account_settings_edit_the_one_name(hana, hana_client):
    url = "/admin/account/"
    page = hana_client.get(url)
    assert page.status_code == 200
    names = field_names(page)
    assert "name_email-full_name" in names
    assert not names & {"name_email-first_name", "name_email-last_name"}
    data = form_data(page)
    data.update({"name_email-full_name": ["Hana M. Sato"]})

    response = hana_client.post(url, data)

    assert response.status_code == 302, texts(response, "p", class_="error-message")
    hana.refresh_from_db()
    assert hana.full_name == "Hana M. Sato"


# --- the migration ----------------------------------------------------------------------------

BEFORE = [("people", "0003_roster_import")]
AFTER = [("people", "0004_one_name")]


# serialized_rollback: the flush after this test then leaves the database empty for the next
# transactional test to restore, rather than refilled by post_migrate (locales, groups).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_fills_an_empty_full_name_from_first_and_last_name():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model("people", "User")
    old.objects.create(username="split", email="split@example.org", first_name="Lan", last_name="Nguyen")
    old.objects.create(
        username="both",
        email="both@example.org",
        full_name="Ana Lima Soto",
        first_name="Ana",
        last_name="Lima",
    )
    old.objects.create(username="first", email="first@example.org", first_name=" Omar ", last_name="")
    old.objects.create(username="none", email="none@example.org")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    # Back to the latest, so later tests find the schema they expect.
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    names = dict(User.objects.values_list("username", "full_name"))
    assert names == {"split": "Lan Nguyen", "both": "Ana Lima Soto", "first": "Omar", "none": ""}


def test_select_all_after_a_search_acts_on_the_people_found_by_name(hana_client, amira, chen):
    # "Wei" is only in Chen's full name, not in a username or an email.
    url = "/admin/bulk/people/user/set_active_state/?next=/admin/users/&id=all&q=Wei"

    response = hana_client.get(url)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Chen Wei" in page
    assert "Amira Haddad" not in page
