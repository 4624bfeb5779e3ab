"""The role groups in the database are exactly elearning/roles_table.py: no permission more,
none less, on the root page and root collection only; and migrate puts drift back."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

import pytest

from elearning.roles_table import ROLES
from people.roles import ROLE_GROUPS, ensure_roles, permissions_named
from security.models import SecurityEvent


def held(rows):
    return {f"{row.content_type.app_label}.{row.codename}" for row in rows}


def test_the_table_names_exactly_the_role_groups():
    assert tuple(ROLES) == ROLE_GROUPS


@pytest.mark.parametrize("name", ROLE_GROUPS)
def test_model_permissions_match_the_table(db, name):
    group = Group.objects.get(name=name)
    assert held(group.permissions.select_related("content_type")) == set(ROLES[name]["permissions"])


@pytest.mark.parametrize("name", ROLE_GROUPS)
def test_page_permissions_are_the_tables_on_the_root_page_only(db, name):
    rows = GroupPagePermission.objects.filter(group__name=name).select_related(
        "permission__content_type", "page"
    )
    assert {row.page for row in rows} <= {Page.get_first_root_node()}
    assert held(row.permission for row in rows) == set(ROLES[name]["pages"])


@pytest.mark.parametrize("name", ROLE_GROUPS)
def test_collection_permissions_are_the_tables_on_the_root_collection_only(db, name):
    rows = GroupCollectionPermission.objects.filter(group__name=name).select_related(
        "permission__content_type", "collection"
    )
    assert {row.collection for row in rows} <= {Collection.get_first_root_node()}
    assert held(row.permission for row in rows) == set(ROLES[name]["collections"])


def test_a_name_in_the_table_that_finds_no_permission_is_an_error(db):
    with pytest.raises(LookupError, match="quizzes.fly_attempt"):
        permissions_named(["quizzes.view_attempt", "quizzes.fly_attempt"])


def test_a_name_finds_its_permission_in_its_own_app_only(db):
    (permission,) = permissions_named(["people.view_user"])
    assert (permission.content_type.app_label, permission.codename) == ("people", "view_user")
    with pytest.raises(LookupError):
        permissions_named(["quizzes.view_user"])


def test_nobody_but_superusers_may_change_groups_or_permissions(db):
    granted = Permission.objects.filter(
        group__name__in=ROLE_GROUPS, content_type__app_label="auth", codename__regex="group|permission"
    )
    assert not granted.exists()


def test_migrate_removes_a_permission_given_to_a_role_group_by_hand_and_logs_it(db, site_tree, eve):
    editors = Group.objects.get(name="Editors")
    extra = Permission.objects.get(codename="delete_user")
    editors.permissions.add(extra)
    GroupPagePermission.objects.create(
        group=editors, page=site_tree[1], permission=Permission.objects.get(codename="publish_page")
    )
    SecurityEvent.objects.all().delete()

    ensure_roles()

    assert not editors.permissions.filter(pk=extra.pk).exists()
    assert not GroupPagePermission.objects.filter(group=editors, page=site_tree[1]).exists()
    [entry] = SecurityEvent.objects.filter(action=SecurityEvent.Action.GROUP_PERMISSIONS_CHANGED)
    assert entry.detail["group"] == "Editors"
    assert entry.detail["source"] == "migrate"
    assert sorted(entry.detail["removed"]) == [
        f"page {site_tree[1].pk} ({site_tree[1]}): publish_page",
        "people.delete_user",
    ]
    assert entry.detail["added"] == []


def test_setting_up_the_role_groups_on_a_fresh_database_logs_nothing(db):
    assert not SecurityEvent.objects.filter(action=SecurityEvent.Action.GROUP_PERMISSIONS_CHANGED).exists()


def test_a_second_migrate_changes_and_logs_nothing(db, eve):
    ensure_roles()
    SecurityEvent.objects.all().delete()
    ensure_roles()
    assert not SecurityEvent.objects.exists()


def test_partnerships_hold_partner_organisations_and_nothing_of_the_staffs(db):
    held_by = held(Group.objects.get(name="Partnerships").permissions.select_related("content_type"))
    assert "people.change_partnerorganisation" in held_by
    assert not {name for name in held_by if name.startswith(("records.", "api.", "quizzes."))}
    assert not {name for name in held_by if name.endswith("_user")}
