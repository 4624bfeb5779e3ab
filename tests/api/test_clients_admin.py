"""API clients in the Wagtail admin: HR admins create them (the key is shown once, on the
page answering the form, and stored only as a hash), change their scopes, departments and
expiry, and revoke them. Nobody deletes one; nobody else sees them."""

import html
from datetime import timedelta

from django.contrib.admin.utils import quote
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from wagtail.models import ModelLogEntry

import pytest

from api import scopes
from api.models import ApiClient
from people.roles import HR_ADMINS
from security.models import SecurityEvent
from tests.adminforms import field_names
from tests.api.conftest import KeyedClient
from tests.conftest import _client_for
from tests.factories import DepartmentFactory, UserFactory
from tests.htmlutils import elements, soup, texts
from tests.responses import assert_refused

BASE = "/admin/snippets/api/apiclient/"
ADD_URL = f"{BASE}add/"
COMPLETIONS = "/api/v1/completions/"


def edit_url(client):
    return f"{BASE}edit/{quote(client.pk)}/"


def revoke_url(client):
    return f"{BASE}revoke/{quote(client.pk)}/"


def delete_url(client):
    return f"{BASE}delete/{quote(client.pk)}/"


def shown_key(response):
    field = soup(response).find(id="api-key")
    return field and field.get("value")


@pytest.fixture
def workday(make_api_client, hana):
    client, keyed = make_api_client([scopes.COMPLETIONS], name="Workday", created_by=hana)
    return client, keyed


def create(http, **data):
    form = {"name": "Workday", "scopes": [scopes.COMPLETIONS], "departments": [], "expiry_date": ""}
    form.update(data)
    return http.post(ADD_URL, form)


# --- Creating: the key is shown once ---------------------------------------------------------


def test_add_form_has_labelled_scope_checkboxes(hana_client):
    response = hana_client.get(ADD_URL)
    assert response.status_code == 200
    content = response.content.decode()
    for value, label in scopes.CHOICES:
        assert f'type="checkbox" name="scopes" value="{value}"' in content
        assert html.escape(str(label)) in content
    assert 'name="form_token"' in content
    assert 'name="revoked"' not in content
    assert 'name="last_used_at"' not in content


def test_hr_admin_creates_a_client_and_sees_its_key_once(hana_client, hana, communications):
    expiry = (timezone.now() + timedelta(days=90)).replace(second=0, microsecond=0)
    response = create(
        hana_client,
        scopes=[scopes.COMPLETIONS, scopes.ENROLMENTS],
        departments=[communications.pk],
        expiry_date=timezone.localtime(expiry).strftime("%Y-%m-%d %H:%M"),
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    key = shown_key(response)
    assert key

    client = ApiClient.objects.get()
    assert client.name == "Workday"
    assert client.scopes == [scopes.COMPLETIONS, scopes.ENROLMENTS]
    assert list(client.departments.all()) == [communications]
    assert client.expiry_date == expiry
    assert client.created_by == hana
    assert not client.revoked
    assert key.startswith(client.prefix + ".")
    assert client.is_valid(key)
    # Only the hash is stored: the key is in no column of the row.
    row = ApiClient.objects.filter(pk=client.pk).values().get()
    assert not any(key in str(value) for value in row.values())
    secret = key.partition(".")[2]
    assert not any(secret in str(value) for value in row.values())

    # The key works with the API, with the scopes chosen.
    assert KeyedClient(key).get(COMPLETIONS).status_code == 200
    assert KeyedClient(key).get("/api/v1/courses/").status_code == 403

    # Never again: not on the listing, not on the edit page, not in the log.
    for url in (BASE, edit_url(client), f"{BASE}history/{quote(client.pk)}/"):
        page = hana_client.get(url)
        assert page.status_code == 200
        assert key not in page.content.decode()
        assert secret not in page.content.decode()
    assert ModelLogEntry.objects.filter(action="wagtail.create").count() == 1
    for entry in ModelLogEntry.objects.all():
        assert secret not in f"{entry.label} {entry.data} {entry.object_id}"


def test_key_page_labels_the_key_and_warns_it_is_not_shown_again(hana_client):
    content = create(hana_client).content.decode()
    assert '<label class="w-field__label" for="api-key">API key</label>' in content
    assert "readonly" in content
    assert "It is not shown again" in content
    assert 'data-action="w-clipboard#copy"' in content


def test_key_is_not_in_a_url_or_a_message(hana_client):
    response = create(hana_client)
    key = shown_key(response)
    # No redirect (so no URL carrying it), and nothing kept for a later request.
    assert not response.has_header("Location")
    assert key not in str(dict(response.headers))
    for morsel in response.cookies.values():
        assert key not in morsel.value
    assert key not in str(dict(hana_client.session.items()))


def test_reloading_the_key_page_does_not_create_a_second_client(hana_client):
    [form_token] = [
        field["value"] for field in elements(hana_client.get(ADD_URL), "input", name="form_token")
    ]
    first = create(hana_client, form_token=form_token)
    assert shown_key(first)
    again = create(hana_client, form_token=form_token)
    assert again.status_code == 302
    assert again["Location"] == BASE
    assert ApiClient.objects.count() == 1
    assert "already created" in hana_client.get(BASE).content.decode()


def test_no_scope_is_refused_next_to_the_field(hana_client):
    response = create(hana_client, scopes=[])
    assert response.status_code == 200
    assert response.context["form"].errors["scopes"] == ["Choose at least one scope."]
    assert "Choose at least one scope." in response.content.decode()
    assert shown_key(response) is None
    assert not ApiClient.objects.exists()


def test_unknown_scope_is_refused(hana_client):
    response = create(hana_client, scopes=["grades:write"])
    assert response.status_code == 200
    assert "scopes" in response.context["form"].errors
    assert not ApiClient.objects.exists()


def test_missing_name_is_refused(hana_client):
    response = create(hana_client, name="")
    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    assert not ApiClient.objects.exists()


def test_expiry_in_the_past_is_refused(hana_client):
    past = timezone.localtime(timezone.now() - timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    response = create(hana_client, expiry_date=past)
    assert response.status_code == 200
    assert "expiry_date" in response.context["form"].errors
    assert not ApiClient.objects.exists()


# --- Listing -----------------------------------------------------------------------------------


def listing_rows(response):
    """[{column heading: cell text}] for the listing's rows."""
    table = soup(response).find("table", class_="listing")
    headings = texts(table, "th")
    return [dict(zip(headings, texts(row, "td"), strict=True)) for row in table.find_all("tr")[1:]]


def test_listing_shows_each_clients_details_and_status(hana_client, hana, make_api_client, communications):
    expires = timezone.now() + timedelta(days=10)
    active, _ = make_api_client(
        [scopes.COMPLETIONS, scopes.COURSES],
        name="Workday",
        departments=[communications],
        created_by=hana,
        expiry_date=expires,
    )
    active.record_use()
    make_api_client([scopes.COURSES], name="Old SAP", revoked=True)
    make_api_client(
        [scopes.ENROLMENTS], name="Personio trial", expiry_date=timezone.now() - timedelta(days=1)
    )

    response = hana_client.get(BASE)
    assert response.status_code == 200
    rows = {row["Name"].split()[0]: row for row in listing_rows(response)}
    assert set(rows) == {"Workday", "Old", "Personio"}
    assert list(rows["Workday"]) == [
        "Name", "Key prefix", "Scopes", "Departments", "Created", "Created by", "Last used", "Expires", "Status",
    ]  # fmt: skip
    workday = rows["Workday"]
    assert workday["Key prefix"] == active.prefix
    assert workday["Scopes"] == "completions:read, courses:read"
    assert workday["Departments"] == "Communications"
    assert workday["Created"] == "Just now"
    assert workday["Created by"] == "Hana Sato"
    assert workday["Last used"] == "Just now"
    assert workday["Expires"] == date_format(timezone.localtime(expires), "SHORT_DATETIME_FORMAT")
    assert workday["Status"] == "Active"
    old = rows["Old"]
    assert (old["Departments"], old["Created by"], old["Last used"], old["Expires"], old["Status"]) == (
        "Everyone",
        "—",
        "Never",
        "Never",
        "Revoked",
    )
    assert rows["Personio"]["Status"] == "Expired"


def test_listing_query_count_does_not_grow_with_clients(
    hana_client, make_api_client, django_assert_max_num_queries
):
    departments = [DepartmentFactory(name=f"Region {number}") for number in range(3)]
    make_api_client(name="First", departments=departments[:1], created_by=UserFactory())
    hana_client.get(BASE)  # warms the per-user caches (permissions, profile)
    with CaptureQueriesContext(connection) as one:
        hana_client.get(BASE)
    for number in range(40):
        make_api_client(name=f"Client {number}", departments=departments, created_by=UserFactory())
    with django_assert_max_num_queries(len(one)):
        response = hana_client.get(BASE)
    assert len(response.context["object_list"]) == 41


def test_listing_queries_are_bounded(hana_client, hana, make_api_client, django_assert_max_num_queries):
    departments = [DepartmentFactory(name=f"Region {number}") for number in range(3)]
    for number in range(40):
        make_api_client(name=f"Client {number}", departments=departments, created_by=UserFactory())
    hana_client.get(BASE)
    with django_assert_max_num_queries(15):
        response = hana_client.get(BASE)
    assert len(response.context["object_list"]) == 40


def test_listing_search_finds_by_name(hana_client, make_api_client):
    make_api_client(name="Workday")
    make_api_client(name="BambooHR")
    response = hana_client.get(BASE, {"q": "bamboo"})
    assert [client.name for client in response.context["object_list"]] == ["BambooHR"]


# --- Editing -----------------------------------------------------------------------------------


def test_hr_admin_changes_scopes_departments_expiry_and_name(hana_client, workday, communications):
    client, keyed = workday
    page = hana_client.get(edit_url(client))
    assert page.status_code == 200
    assert keyed.key not in page.content.decode()
    expiry = (timezone.now() + timedelta(days=30)).replace(second=0, microsecond=0)
    response = hana_client.post(
        edit_url(client),
        {
            "name": "Workday EMEA",
            "scopes": [scopes.ENROLMENTS],
            "departments": [communications.pk],
            "expiry_date": timezone.localtime(expiry).strftime("%Y-%m-%d %H:%M"),
        },
    )
    assert response.status_code == 302
    fresh = ApiClient.objects.get(pk=client.pk)
    assert (fresh.name, fresh.scopes, fresh.expiry_date) == ("Workday EMEA", [scopes.ENROLMENTS], expiry)
    assert list(fresh.departments.all()) == [communications]
    # The same key, with the new scopes.
    assert (fresh.prefix, fresh.hashed_key) == (client.prefix, client.hashed_key)
    assert keyed.get("/api/v1/enrolments/").status_code == 200
    assert keyed.get(COMPLETIONS).status_code == 403


def test_editing_cannot_remove_every_scope_or_unrevoke(hana_client, make_api_client):
    client, _ = make_api_client([scopes.COMPLETIONS], revoked=True)
    response = hana_client.post(edit_url(client), {"name": "X", "scopes": [], "revoked": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["scopes"] == ["Choose at least one scope."]
    hana_client.post(edit_url(client), {"name": "X", "scopes": [scopes.COURSES], "revoked": ""})
    assert ApiClient.objects.get(pk=client.pk).revoked


def test_edit_page_of_a_revoked_client_says_so(hana_client, make_api_client):
    client, _ = make_api_client([scopes.COMPLETIONS], revoked=True)
    response = hana_client.get(edit_url(client))
    assert response.status_code == 200
    assert "This API client is revoked" in response.content.decode()
    assert revoke_url(client) not in response.content.decode()


def test_editing_keeps_an_expiry_that_has_passed(hana_client, make_api_client):
    passed = (timezone.now() - timedelta(days=3)).replace(second=0, microsecond=0)
    client, _ = make_api_client([scopes.COMPLETIONS], expiry_date=passed)
    response = hana_client.post(
        edit_url(client),
        {
            "name": "Renamed",
            "scopes": [scopes.COMPLETIONS],
            "expiry_date": timezone.localtime(passed).strftime("%Y-%m-%d %H:%M"),
        },
    )
    assert response.status_code == 302
    assert ApiClient.objects.get(pk=client.pk).name == "Renamed"


# --- Revoking ------------------------------------------------------------------------------------


def test_revoke_get_asks_for_confirmation_and_changes_nothing(hana_client, workday):
    client, _ = workday
    response = hana_client.get(revoke_url(client))
    assert response.status_code == 200
    content = response.content.decode()
    assert "cannot be undone" in content
    assert "csrfmiddlewaretoken" in field_names(response, revoke_url(client))
    assert not ApiClient.objects.get(pk=client.pk).revoked


def test_hr_admin_revokes_and_the_key_stops_working(hana_client, hana, workday):
    client, keyed = workday
    assert keyed.get(COMPLETIONS).status_code == 200
    response = hana_client.post(revoke_url(client))
    assert response.status_code == 302
    assert response["Location"] == BASE
    assert ApiClient.objects.get(pk=client.pk).revoked
    assert keyed.get(COMPLETIONS).status_code == 401
    entry = ModelLogEntry.objects.get(action="api.revoke_client")
    assert entry.user == hana
    assert entry.object_id == str(client.pk)
    # Kept on record.
    assert "Workday" in hana_client.get(BASE).content.decode()


def test_revoking_twice_changes_nothing(hana_client, workday):
    client, _ = workday
    hana_client.post(revoke_url(client))
    response = hana_client.post(revoke_url(client), follow=True)
    assert "already revoked" in response.content.decode()
    assert ModelLogEntry.objects.filter(action="api.revoke_client").count() == 1


def test_revocation_that_lost_a_race_changes_nothing(hana_client, workday, monkeypatch):
    """Another admin revoked the client after this request read it and before it took the
    row's lock: the lock's second look says so, and nothing is logged twice."""
    client, _ = workday
    hana_client.post(revoke_url(client))
    monkeypatch.setattr(ApiClient, "is_revoked", property(lambda self: False))  # the stale read
    response = hana_client.post(revoke_url(client), follow=True)
    assert "already revoked" in response.content.decode()
    assert ModelLogEntry.objects.filter(action="api.revoke_client").count() == 1
    assert SecurityEvent.objects.filter(action=SecurityEvent.Action.API_CLIENT_REVOKED).count() == 1


def test_revoking_needs_the_csrf_token(hana, workday):
    client, keyed = workday
    http = Client(enforce_csrf_checks=True)
    http.force_login(hana)
    assert http.post(revoke_url(client)).status_code == 403
    assert not ApiClient.objects.get(pk=client.pk).revoked
    page = http.get(revoke_url(client))
    token = elements(page, "input", name="csrfmiddlewaretoken")[0]["value"]
    assert http.post(revoke_url(client), {"csrfmiddlewaretoken": token}).status_code == 302
    assert ApiClient.objects.get(pk=client.pk).revoked


def test_revoke_is_offered_in_the_listing_and_the_edit_page(hana_client, workday):
    client, _ = workday
    assert revoke_url(client) in hana_client.get(BASE).content.decode()
    assert revoke_url(client) in hana_client.get(edit_url(client)).content.decode()
    hana_client.post(revoke_url(client))
    assert revoke_url(client) not in hana_client.get(BASE).content.decode()


def test_unknown_client_is_404(hana_client, db):
    assert hana_client.get(f"{BASE}revoke/nope.nope/").status_code == 404
    assert hana_client.post(f"{BASE}revoke/nope.nope/").status_code == 404


# --- Nobody deletes; nobody else sees ------------------------------------------------------------


@pytest.mark.parametrize("client_fixture", ["hana_client", "superuser_client"])
def test_client_cannot_be_deleted(request, workday, client_fixture):
    client, _ = workday
    http = request.getfixturevalue(client_fixture)
    assert_refused(http.get(delete_url(client)), delete_url(client))
    assert_refused(http.post(delete_url(client)), delete_url(client))
    http.post(f"/admin/bulk/api/apiclient/delete/?id={quote(client.pk)}")
    assert ApiClient.objects.filter(pk=client.pk).exists()


def test_superuser_can_create_and_revoke(superuser_client, superuser):
    response = create(superuser_client, name="Superuser's client")
    assert shown_key(response)
    client = ApiClient.objects.get()
    assert client.created_by == superuser
    superuser_client.post(revoke_url(client))
    assert ApiClient.objects.get().revoked


@pytest.mark.parametrize("who", ["eve", "rita", "bruno", "amira"])
def test_others_are_refused(request, workday, who):
    client, _ = workday
    http = _client_for(request.getfixturevalue(who))
    for url in (BASE, ADD_URL, edit_url(client), revoke_url(client)):
        assert_refused(http.get(url), url)
    assert_refused(create(http, name="Sneaky"), ADD_URL)
    assert_refused(http.post(revoke_url(client)), revoke_url(client))
    assert ApiClient.objects.count() == 1
    assert not ApiClient.objects.get().revoked


def test_anonymous_is_sent_to_sign_in(workday):
    client, _ = workday
    for url in (BASE, ADD_URL, revoke_url(client)):
        response = Client().get(url)
        assert response.status_code == 302
        assert "login" in response["Location"]


def test_menu_shows_api_clients_only_to_hr(hana, eve, bruno):
    assert BASE in _client_for(hana).get("/admin/").content.decode()
    for other in (eve, bruno):
        assert BASE not in _client_for(other).get("/admin/").content.decode()


def test_only_hr_admins_hold_api_client_permissions(db):
    from django.contrib.auth.models import Group

    from people.roles import ROLE_GROUPS

    for group in Group.objects.filter(name__in=ROLE_GROUPS):
        codenames = set(
            group.permissions.filter(codename__endswith="_apiclient").values_list("codename", flat=True)
        )
        expected = (
            {"add_apiclient", "change_apiclient", "view_apiclient"} if group.name == HR_ADMINS else set()
        )
        assert codenames == expected, group.name


def test_listing_filters_by_revoked(hana_client, make_api_client):
    make_api_client(name="Workday")
    make_api_client(name="Old SAP", revoked=True)
    revoked = hana_client.get(BASE, {"revoked": "true"})
    assert [client.name for client in revoked.context["object_list"]] == ["Old SAP"]
    active = hana_client.get(BASE, {"revoked": "false"})
    assert [client.name for client in active.context["object_list"]] == ["Workday"]
