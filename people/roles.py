"""The role groups and the course review workflow, kept in place on every migrate.

Editors write and submit course content; Reviewers approve and publish it; both see the
quiz item analysis report. Managers see their own reporting line's training; HR admins
manage staff and assignments, and see and revoke course completions."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

EDITORS = "Editors"
REVIEWERS = "Reviewers"
MANAGERS = "Managers"
HR_ADMINS = "HR admins"
ROLE_GROUPS = (EDITORS, REVIEWERS, MANAGERS, HR_ADMINS)

# Page permissions granted on the root page, so they cover all course content.
PAGE_PERMISSIONS = {
    EDITORS: ("add_page", "change_page", "lock_page", "unlock_page"),
    REVIEWERS: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
}
# Image and document permissions granted on the root collection.
MEDIA_PERMISSIONS = (
    "add_image",
    "change_image",
    "choose_image",
    "add_document",
    "change_document",
    "choose_document",
)
COLLECTION_PERMISSIONS = {EDITORS: MEDIA_PERMISSIONS, REVIEWERS: MEDIA_PERMISSIONS}

WORKFLOW_NAME = "Course review"
TASK_NAME = "Reviewer approval"


def _permission_name(model, codename):
    custom = dict(model._meta.permissions)
    if codename in custom:
        return str(custom[codename])
    action = codename.split("_", 1)[0]
    return f"Can {action} {model._meta.verbose_name_raw}"


def _permission(model, codename):
    # Runs before Django creates the permissions of later apps: create them as it would.
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": _permission_name(model, codename)},
    )
    return permission


def _admin_access():
    from wagtail.admin.models import Admin

    return _permission(Admin, "access_admin")


def ensure_role_groups():
    from wagtail.contrib.simple_translation.models import SimpleTranslation
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    from quizzes.models import AssignmentRule, Attempt, CourseCompletion, Enrolment

    from .models import Department, User

    access_admin = _admin_access()
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    groups = {}
    for name in ROLE_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        groups[name] = group

    for name, codenames in PAGE_PERMISSIONS.items() if root_page else ():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=groups[name], page=root_page, permission=_permission(Page, codename)
            )
    for name, codenames in COLLECTION_PERMISSIONS.items() if root_collection else ():
        for codename in codenames:
            model = Image if codename.endswith("image") else Document
            GroupCollectionPermission.objects.get_or_create(
                group=groups[name], collection=root_collection, permission=_permission(model, codename)
            )
    submit_translation = _permission(SimpleTranslation, "submit_translation")
    groups[EDITORS].permissions.add(submit_translation)
    groups[REVIEWERS].permissions.add(submit_translation)
    groups[HR_ADMINS].permissions.add(
        *(_permission(User, codename) for codename in ("add_user", "change_user", "view_user")),
        *(
            _permission(Department, codename)
            for codename in ("add_department", "change_department", "view_department")
        ),
        # Completions are facts: HR sees them and may revoke one, never edit or delete it.
        *(
            _permission(CourseCompletion, codename)
            for codename in ("view_coursecompletion", "revoke_coursecompletion")
        ),
        # Assignment rules: deactivated rather than deleted, so no delete permission.
        *(
            _permission(AssignmentRule, codename)
            for codename in ("add_assignmentrule", "change_assignmentrule", "view_assignmentrule")
        ),
    )
    # The quiz item analysis report (how each question fared, never who answered what).
    view_attempts = _permission(Attempt, "view_attempt")
    groups[EDITORS].permissions.add(view_attempts)
    groups[REVIEWERS].permissions.add(view_attempts)
    # The team completion report and transcripts; what each sees is scoped by people.lines.
    view_enrolments = _permission(Enrolment, "view_enrolment")
    groups[MANAGERS].permissions.add(view_enrolments)
    groups[HR_ADMINS].permissions.add(view_enrolments)
    # API clients for HR systems: created, changed and revoked (a change), never deleted.
    from api.models import ApiClient

    groups[HR_ADMINS].permissions.add(
        *(_permission(ApiClient, f"{action}_apiclient") for action in ("add", "change", "view"))
    )
    # Webhook endpoints: switched off rather than deleted; their delivery log is read-only.
    from api.models import WebhookDelivery, WebhookEndpoint

    groups[HR_ADMINS].permissions.add(
        *(_permission(WebhookEndpoint, f"{action}_webhookendpoint") for action in ("add", "change", "view")),
        _permission(WebhookDelivery, "view_webhookdelivery"),
    )
    return groups


def ensure_review_workflow(reviewers):
    """Editors' changes to course content go to a reviewer before they are published."""
    from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

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
    from wagtail.models import Task, Workflow

    Group.objects.filter(name="Moderators", user__isnull=True).delete()
    Workflow.objects.filter(name="Moderators approval").update(active=False)
    Task.objects.filter(name="Moderators approval").update(active=False)


def ensure_locales():
    from wagtail.models import Locale

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def ensure_roles(**kwargs):
    with transaction.atomic():
        ensure_locales()
        groups = ensure_role_groups()
        ensure_review_workflow(groups[REVIEWERS])
        retire_wagtail_default_moderation()
