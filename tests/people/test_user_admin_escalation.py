"""Issue 10, part 1: an HR admin must not be able to make anyone an administrator, hand out
role groups, set other people's passwords or touch a superuser's account. Each test takes the
steps a person would in the admin: open the screen, fill in the form it shows, save."""

from django.contrib.auth.models import Group, Permission

import pytest

from people.models import User
from people.roles import EDITORS, HR_ADMINS, REVIEWERS, ROLE_GROUPS
from tests.adminforms import field_names, form_data
from tests.factories import UserFactory

NEW_PASSWORD = "an-attacker-chosen-passphrase-42"


def role_group_ids():
    return [str(pk) for pk in Group.objects.filter(name__in=ROLE_GROUPS).values_list("pk", flat=True)]


def refused(response):
    """Wagtail answers a refused admin screen with a redirect to the dashboard (or a 403)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"].rstrip("/") == "/admin"
    )


def edit_url(user):
    return f"/admin/users/edit/{user.pk}/"


# --- The steps from the issue, as an HR admin ---------------------------------------------


def test_hr_admin_cannot_make_a_colleague_administrator(hana_client, tom, password):
    """Roles tab, tick Administrator, tick every role group, set a password, save."""
    url = edit_url(tom)
    page = hana_client.get(url)
    assert page.status_code == 200
    data = form_data(page, url)
    data.update(
        is_superuser=["on"],
        groups=role_group_ids(),
        password1=[NEW_PASSWORD],
        password2=[NEW_PASSWORD],
        country=["Kenya"],
    )
    response = hana_client.post(url, data)

    tom.refresh_from_db()
    assert not tom.is_superuser
    assert not tom.groups.exists()
    assert tom.check_password(password)
    assert not tom.check_password(NEW_PASSWORD)
    # The staff record itself was saved: HR's job still works.
    assert response.status_code == 302
    assert tom.country == "Kenya"


def test_hr_admins_form_offers_no_roles_or_password(hana_client, tom):
    page = hana_client.get(edit_url(tom))
    names = field_names(page, edit_url(tom))
    assert not names & {"is_superuser", "groups", "password1", "password2"}
    assert {"full_name", "employee_id", "department", "country", "manager", "is_active"} <= names


def test_hr_admin_cannot_add_an_administrator(hana_client, password):
    url = "/admin/users/new/"
    page = hana_client.get(url)
    assert page.status_code == 200
    assert not field_names(page, url) & {"is_superuser", "groups", "password1", "password2"}
    data = form_data(page, url)
    data.update(
        username=["mallory"],
        email=["mallory@example.org"],
        full_name=["Mallory Keane"],
        is_superuser=["on"],
        groups=role_group_ids(),
        password1=[NEW_PASSWORD],
        password2=[NEW_PASSWORD],
    )
    response = hana_client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    mallory = User.objects.get(username="mallory")
    assert not mallory.is_superuser
    assert not mallory.groups.exists()
    # No password HR could know: the new person sets one through password reset (or SSO).
    assert not mallory.has_usable_password()


@pytest.mark.parametrize("method", ["get", "post"])
def test_hr_admin_cannot_open_or_save_a_superusers_account(hana_client, superuser, method):
    url = edit_url(superuser)
    if method == "get":
        response = hana_client.get(url)
    else:
        response = hana_client.post(
            url,
            {
                "username": superuser.username,
                "email": "hana-controls-this@example.org",
                "full_name": "Root Admin",
                "preferred_language": "en",
                "is_active": "",
            },
        )
    assert refused(response)
    superuser.refresh_from_db()
    assert superuser.email == "root-admin@example.org"
    assert superuser.is_active


def test_superusers_have_no_edit_link_in_hrs_user_list(hana_client, superuser, tom):
    listing = hana_client.get("/admin/users/").content.decode()
    assert edit_url(tom) in listing
    assert edit_url(superuser) not in listing


def test_hr_admin_cannot_bulk_assign_a_role(hana_client, tom):
    editors = Group.objects.get(name=EDITORS)
    url = f"/admin/bulk/people/user/assign_role/?next=/admin/users/&id={tom.pk}"
    response = hana_client.post(url, {"role": editors.pk})
    assert refused(response) or response.status_code == 200
    assert not tom.groups.exists()


def test_hr_admin_cannot_bulk_deactivate_a_superuser(hana_client, superuser):
    url = f"/admin/bulk/people/user/set_active_state/?next=/admin/users/&id={superuser.pk}"
    hana_client.post(url, {"mark_as_active": "False"})
    superuser.refresh_from_db()
    assert superuser.is_active


@pytest.mark.parametrize("url", ["/admin/groups/", "/admin/groups/new/", "GROUP_EDIT"])
def test_hr_admin_cannot_open_the_groups_screens(hana_client, url):
    if url == "GROUP_EDIT":
        url = f"/admin/groups/edit/{Group.objects.get(name=HR_ADMINS).pk}/"
    assert refused(hana_client.get(url))


def test_hr_admin_cannot_give_their_own_group_more_permissions(hana_client):
    group = Group.objects.get(name=HR_ADMINS)
    before = set(group.permissions.values_list("pk", flat=True))
    hana_client.post(
        f"/admin/groups/edit/{group.pk}/",
        {"name": HR_ADMINS, "permissions": list(Permission.objects.values_list("pk", flat=True))},
    )
    assert set(group.permissions.values_list("pk", flat=True)) == before


def test_an_hr_admin_holding_group_permissions_still_cannot_edit_groups(hana, hana_client):
    """Changing a group is granting permissions: superusers only, whatever else one holds."""
    hana.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="auth", codename__endswith="group")
    )
    assert refused(hana_client.get("/admin/groups/"))


# --- What superusers still do ------------------------------------------------------------


def test_superuser_grants_roles_and_administrator_and_sets_a_password(superuser_client, tom):
    url = edit_url(tom)
    page = superuser_client.get(url)
    assert {"is_superuser", "groups", "password1", "password2"} <= field_names(page, url)
    data = form_data(page, url)
    reviewers = str(Group.objects.get(name=REVIEWERS).pk)
    data.update(is_superuser=["on"], groups=[reviewers], password1=[NEW_PASSWORD], password2=[NEW_PASSWORD])
    response = superuser_client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    tom.refresh_from_db()
    assert tom.is_superuser
    assert list(tom.groups.values_list("name", flat=True)) == [REVIEWERS]
    assert tom.check_password(NEW_PASSWORD)


def test_superuser_edits_another_superuser(superuser_client):
    other = UserFactory(username="second-admin", is_superuser=True, full_name="Second Admin")
    url = edit_url(other)
    page = superuser_client.get(url)
    assert page.status_code == 200
    data = form_data(page, url)
    data.update(country=["Chile"])
    assert superuser_client.post(url, data).status_code == 302
    other.refresh_from_db()
    assert other.country == "Chile"


def test_superuser_bulk_assigns_a_role(superuser_client, tom):
    editors = Group.objects.get(name=EDITORS)
    url = f"/admin/bulk/people/user/assign_role/?next=/admin/users/&id={tom.pk}"
    response = superuser_client.post(url, {"role": editors.pk})
    assert response.status_code == 302
    assert list(tom.groups.values_list("name", flat=True)) == [EDITORS]


def test_the_users_audit_entry_names_the_changed_fields(hana_client, tom):
    from wagtail.models import ModelLogEntry

    url = edit_url(tom)
    data = form_data(hana_client.get(url), url)
    data.update(country=["Peru"], employee_id=["HR-777"])
    hana_client.post(url, data)

    entry = ModelLogEntry.objects.filter(object_id=str(tom.pk), action="wagtail.edit").latest("timestamp")
    assert sorted(entry.data["fields"]) == ["country", "employee_id"]
    assert entry.message == "Edited: country or office, employee ID"


# --- The roster upload is the same door ---------------------------------------------------

ROSTER_HEADER = (
    "employee_id,email,full_name,department,country,manager_employee_id,preferred_language,start_date,active"
)


def roster(*lines):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(
        "roster.csv", "\n".join([ROSTER_HEADER, *lines, ""]).encode(), content_type="text/csv"
    )


def test_hr_roster_upload_cannot_take_over_or_switch_off_a_superuser(hana_client, superuser):
    superuser.employee_id = "ROOT1"
    superuser.save()
    response = hana_client.post(
        "/admin/staff/import/",
        {"file": roster("ROOT1,hana-owns-this@example.org,Root Admin,,,,en,,false"), "dry_run": ""},
    )
    assert "only a superuser can change it" in response.content.decode()
    superuser.refresh_from_db()
    assert superuser.email == "root-admin@example.org"
    assert superuser.is_active


def test_hr_roster_upload_cannot_change_the_email_of_an_editor(hana_client):
    editor = UserFactory(username="edna", employee_id="ED1", email="edna@example.org", groups=[EDITORS])
    response = hana_client.post(
        "/admin/staff/import/",
        {"file": roster("ED1,hana-owns-this@example.org,Edna,,Chile,,en,,true"), "dry_run": ""},
    )
    assert "only a superuser can change the email" in response.content.decode()
    editor.refresh_from_db()
    assert editor.email == "edna@example.org"


def test_hr_roster_upload_still_updates_an_editors_record(hana_client):
    editor = UserFactory(username="edna", employee_id="ED1", email="edna@example.org", groups=[EDITORS])
    hana_client.post(
        "/admin/staff/import/", {"file": roster("ED1,edna@example.org,Edna,,Chile,,en,,true"), "dry_run": ""}
    )
    editor.refresh_from_db()
    assert editor.country == "Chile"


def test_hr_cannot_change_the_sign_in_email_of_someone_with_admin_access(hana_client):
    editor = UserFactory(username="edna", email="edna@example.org", full_name="Edna Lopez", groups=[EDITORS])
    url = edit_url(editor)
    data = form_data(hana_client.get(url), url)
    data.update(email=["hana-owns-this@example.org"], country=["Chile"])
    hana_client.post(url, data)
    editor.refresh_from_db()
    assert editor.email == "edna@example.org"
    assert editor.country == "Chile"
