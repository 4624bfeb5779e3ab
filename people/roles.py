"""The role groups and the course review workflow, kept in place on every migrate.

What each role may do is the table in elearning/roles_table.py; this module applies it,
finding each permission by its ``"app_label.codename"`` name, so it imports no other app's
models. It also sets up the review workflow and the content locales."""

from contextlib import nullcontext

from django.apps import apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.management import create_contenttypes
from django.db import transaction
from django.db.models import Q

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from elearning.roles_table import EDITORS, HR_ADMINS, MANAGERS, PARTNERSHIPS, REVIEWERS, ROLES
from security.account_changes import collect_changes, unlogged

ROLE_GROUPS = (EDITORS, REVIEWERS, MANAGERS, HR_ADMINS, PARTNERSHIPS)
__all__ = ["EDITORS", "REVIEWERS", "MANAGERS", "HR_ADMINS", "PARTNERSHIPS", "ROLE_GROUPS", "ensure_roles"]

WORKFLOW_NAME = "Course review"
TASK_NAME = "Reviewer approval"


def permissions_named(names):
    """``["app_label.codename", ...]`` -> their Permission rows, read the way
    ``user.has_perm()`` reads such a name. A name that finds no permission, or more than
    one, is an error in the table: LookupError."""
    wanted = {tuple(name.split(".", 1)) for name in names}
    if not wanted:
        return []
    condition = Q()
    for app_label, codename in wanted:
        condition |= Q(content_type__app_label=app_label, codename=codename)
    found = {}
    for permission in Permission.objects.filter(condition).select_related("content_type"):
        found.setdefault((permission.content_type.app_label, permission.codename), []).append(permission)
    unclear = sorted(
        f"{app}.{codename}" for app, codename in wanted if len(found.get((app, codename), ())) != 1
    )
    if unclear:
        raise LookupError(f"No single permission is named {', '.join(unclear)} (elearning/roles_table.py).")
    return [permission for (permission,) in found.values()]


def _exactly(group, rows, model, **target):
    """The group's page (or collection) permissions become exactly ``rows`` on ``target``."""
    model.objects.filter(group=group).exclude(**target, permission__in=rows).delete()
    for permission in rows:
        model.objects.get_or_create(group=group, permission=permission, **target)


def ensure_role_groups():
    """Every role group holds exactly what elearning/roles_table.py gives it."""
    # post_migrate runs app by app: make every app's permissions exist before granting them.
    for app_config in apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0)
        create_permissions(app_config, verbosity=0)
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    groups = {}
    for name, role in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        # Putting right a group people are in is logged; setting up an empty one is not.
        with nullcontext() if group.user_set.exists() else unlogged():
            _apply(group, role, root_page, root_collection)
        groups[name] = group
    return groups


def _apply(group, role, root_page, root_collection):
    group.permissions.set(permissions_named(role["permissions"]))
    if root_page is not None:  # a flushed test database has no page tree
        _exactly(group, permissions_named(role["pages"]), GroupPagePermission, page=root_page)
    if root_collection is not None:
        media = permissions_named(role["collections"])
        _exactly(group, media, GroupCollectionPermission, collection=root_collection)


def ensure_review_workflow(reviewers):
    """Editors' changes to course content go to a reviewer before they are published."""
    root_page = Page.get_first_root_node()
    if root_page is None:  # a flushed test database has no page tree
        return None
    task, _ = GroupApprovalTask.objects.get_or_create(name=TASK_NAME)
    task.groups.add(reviewers)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    return workflow


def retire_wagtail_default_moderation():
    """Wagtail installs a "Moderators" group that may publish, and a workflow for it.
    Publishing here goes through the Reviewers, so an unused default group is removed
    and its workflow switched off; a group someone has put people in is left alone."""
    Group.objects.filter(name="Moderators", user__isnull=True).delete()
    Workflow.objects.filter(name="Moderators approval").update(active=False)
    Task.objects.filter(name="Moderators approval").update(active=False)


def ensure_locales():
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def ensure_roles(**kwargs):
    with transaction.atomic(), collect_changes(source="migrate"):
        ensure_locales()
        groups = ensure_role_groups()
        ensure_review_workflow(groups[REVIEWERS])
        retire_wagtail_default_moderation()
