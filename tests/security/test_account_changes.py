"""Role, account, password and group-permission changes reach the security log: who, whom,
before -> after, whichever way they were made, and never a password."""

from django.contrib.auth.models import Group, Permission

from people.roles import EDITORS, REVIEWERS
from security.account_changes import collect_changes
from security.models import SecurityEvent
from tests.adminforms import form_data
from tests.conftest import _client_for

Action = SecurityEvent.Action
NEW_PASSWORD = "a-long-new-passphrase-for-tom"


def events(action, **filters):
    return list(SecurityEvent.objects.filter(action=action, **filters).order_by("pk"))


def submit(client, url, **changes):
    data = form_data(client.get(url), url)
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def test_a_superusers_edit_logs_one_roles_entry_and_the_password_change(superuser, superuser_client, tom):
    SecurityEvent.objects.all().delete()
    reviewers = Group.objects.get(name=REVIEWERS)
    url = f"/admin/users/edit/{tom.pk}/"
    submit(
        superuser_client,
        url,
        is_superuser=["on"],
        groups=[str(reviewers.pk)],
        password1=[NEW_PASSWORD],
        password2=[NEW_PASSWORD],
    )

    [roles] = events(Action.ROLES_CHANGED)
    assert (roles.actor, roles.subject) == (superuser, tom)
    assert roles.detail["before"] == {"administrator": False, "groups": []}
    assert roles.detail["after"] == {"administrator": True, "groups": [REVIEWERS]}
    assert roles.ip_address == "127.0.0.1"
    [password] = events(Action.PASSWORD_CHANGED)
    assert (password.actor, password.subject) == (superuser, tom)
    tom.refresh_from_db()
    every_detail = str(list(SecurityEvent.objects.values_list("detail", flat=True)))
    assert NEW_PASSWORD not in every_detail and tom.password not in every_detail


def test_moving_someone_between_groups_is_one_entry(superuser_client, tom):
    tom.groups.add(Group.objects.get(name=EDITORS))
    SecurityEvent.objects.all().delete()
    url = f"/admin/users/edit/{tom.pk}/"
    submit(superuser_client, url, groups=[str(Group.objects.get(name=REVIEWERS).pk)])

    [roles] = events(Action.ROLES_CHANGED)
    assert roles.detail["before"]["groups"] == [EDITORS]
    assert roles.detail["after"]["groups"] == [REVIEWERS]


def test_hrs_record_edit_logs_the_fields_before_and_after(hana, tom):
    SecurityEvent.objects.all().delete()
    url = f"/admin/users/edit/{tom.pk}/"
    submit(_client_for(hana), url, country=["Kenya"], full_name=["Tom A. Reyes"])

    [changed] = events(Action.USER_CHANGED)
    assert (changed.actor, changed.subject) == (hana, tom)
    assert changed.detail["changes"] == {"country": ["", "Kenya"], "full_name": ["Tom Reyes", "Tom A. Reyes"]}
    assert not events(Action.ROLES_CHANGED)
    assert not events(Action.PASSWORD_CHANGED)


def test_hr_creating_a_person_logs_the_account(hana):
    SecurityEvent.objects.all().delete()
    client = _client_for(hana)
    submit(
        client,
        "/admin/users/new/",
        username=["nadia"],
        email=["nadia@example.org"],
        full_name=["Nadia Saleh"],
        country=["Jordan"],
    )
    [created] = events(Action.USER_CREATED)
    assert created.actor == hana
    assert created.subject.username == "nadia"
    assert created.detail["fields"]["country"] == "Jordan"
    assert created.detail["administrator"] is False
    assert created.detail["password_set"] is False
    assert not events(Action.ROLES_CHANGED)


def test_bulk_assigning_a_role_is_logged_per_person(superuser, superuser_client, tom):
    SecurityEvent.objects.all().delete()
    editors = Group.objects.get(name=EDITORS)
    superuser_client.post(
        f"/admin/bulk/people/user/assign_role/?next=/admin/users/&id={tom.pk}", {"role": editors.pk}
    )
    [roles] = events(Action.ROLES_CHANGED)
    assert (roles.actor, roles.subject) == (superuser, tom)
    assert roles.detail["after"]["groups"] == [EDITORS]


def test_a_change_made_in_code_is_logged_without_an_actor(tom):
    SecurityEvent.objects.all().delete()
    tom.groups.add(Group.objects.get(name=EDITORS))
    tom.is_superuser = True
    tom.set_password(NEW_PASSWORD)
    tom.save()

    entries = events(Action.ROLES_CHANGED)
    assert [entry.detail["after"] for entry in entries] == [
        {"administrator": False, "groups": [EDITORS]},
        {"administrator": True, "groups": [EDITORS]},
    ]
    assert all(entry.actor is None for entry in entries)
    assert len(events(Action.PASSWORD_CHANGED, subject=tom)) == 1


def test_signing_in_is_not_an_account_change(client, tom, password):
    SecurityEvent.objects.all().delete()
    assert client.post("/accounts/login/", {"username": "tom", "password": password}).status_code == 302
    assert not events(Action.USER_CHANGED)
    assert not events(Action.PASSWORD_CHANGED)


def test_editing_a_groups_permissions_in_the_admin_is_logged(superuser, superuser_client):
    group = Group.objects.create(name="Translators")
    permission = Permission.objects.get(codename="add_redirect")
    SecurityEvent.objects.all().delete()
    url = f"/admin/groups/edit/{group.pk}/"
    submit(superuser_client, url, permissions=[str(permission.pk)])

    [entry] = events(Action.GROUP_PERMISSIONS_CHANGED)
    assert entry.actor == superuser
    assert entry.detail["group"] == "Translators"
    assert entry.detail["added"] == ["wagtailredirects.add_redirect"]
    assert entry.detail["removed"] == []


def test_a_collection_gathers_changes_into_one_entry_per_group(db):
    group = Group.objects.create(name="Translators")
    add, change = Permission.objects.filter(codename__in=["add_document", "change_document"]).order_by(
        "codename"
    )
    SecurityEvent.objects.all().delete()
    with collect_changes(source="test"):
        group.permissions.add(add)
        group.permissions.set([change])
    [entry] = events(Action.GROUP_PERMISSIONS_CHANGED)
    assert entry.detail == {
        "group": "Translators",
        "added": ["wagtaildocs.change_document"],
        "removed": [],
        "source": "test",
    }
