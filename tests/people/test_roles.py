"""Role groups, the course review workflow and the content locales are in place after migrate."""

from django.contrib.auth.models import Group

from wagtail.models import GroupApprovalTask, Locale, Page, Workflow, WorkflowPage

import pytest

from people.roles import EDITORS, HR_ADMINS, MANAGERS, REVIEWERS, ensure_roles


@pytest.mark.parametrize("name", ["Editors", "Reviewers", "Managers", "HR admins"])
def test_role_group_exists_after_migrate(db, name):
    group = Group.objects.get(name=name)
    assert group.permissions.filter(codename="access_admin").exists()


def test_course_review_workflow_is_attached_to_the_root_page(db):
    workflow = Workflow.objects.get(name="Course review")
    assert workflow.active
    assert WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow == workflow


def test_course_review_workflow_has_a_reviewer_approval_task(db):
    workflow = Workflow.objects.get(name="Course review")
    tasks = [task.specific for task in workflow.tasks.all()]
    assert len(tasks) == 1
    assert isinstance(tasks[0], GroupApprovalTask)
    assert list(tasks[0].groups.values_list("name", flat=True)) == [REVIEWERS]


def test_courses_and_modules_go_through_the_review_workflow(module, course):
    assert course.get_workflow().name == "Course review"
    assert module.get_workflow().name == "Course review"


def test_editors_can_edit_but_not_publish(eve, module):
    permissions = module.permissions_for_user(eve)
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert eve.has_perm("wagtailadmin.access_admin")


def test_reviewers_can_publish(rita, module):
    permissions = module.permissions_for_user(rita)
    assert permissions.can_edit()
    assert permissions.can_publish()


def test_only_reviewers_hold_the_publish_permission(db):
    from wagtail.models import GroupPagePermission

    publishers = set(
        GroupPagePermission.objects.filter(permission__codename="publish_page").values_list(
            "group__name", flat=True
        )
    )
    assert publishers == {REVIEWERS}


def test_learners_and_managers_have_no_page_permissions(amira, bruno, module):
    for user in (amira, bruno):
        permissions = module.permissions_for_user(user)
        assert not permissions.can_edit()
        assert not permissions.can_publish()


def test_hr_admins_can_manage_staff(db):
    codenames = set(Group.objects.get(name=HR_ADMINS).permissions.values_list("codename", flat=True))
    assert {"add_user", "change_user", "view_user"} <= codenames


def test_managers_cannot_edit_staff(db):
    codenames = set(Group.objects.get(name=MANAGERS).permissions.values_list("codename", flat=True))
    assert not codenames & {"add_user", "change_user", "delete_user"}


@pytest.mark.parametrize("code", ["en", "es", "fr", "ar"])
def test_content_locale_exists(db, code):
    assert Locale.objects.filter(language_code=code).exists()


def test_ensure_roles_is_idempotent(db):
    from wagtail.models import GroupPagePermission, WorkflowTask

    before = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
        WorkflowTask.objects.count(),
        Locale.objects.count(),
    )
    ensure_roles()
    ensure_roles()
    after = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
        WorkflowTask.objects.count(),
        Locale.objects.count(),
    )
    assert before == after
    assert Group.objects.filter(name=EDITORS).count() == 1
