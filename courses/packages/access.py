"""Who may move courses between installations. Exporting gives nothing the person cannot
already read in the editor: whoever may edit the course. Importing writes drafts of every
page of a course, and images and documents, at once: Reviewers (who publish) and
superusers, through the model permission ``courses.add_coursepackageimport``
(elearning/roles_table.py), and only where they may also add pages."""

IMPORT_PERMISSION = "courses.add_coursepackageimport"


def can_export_course(user, course):
    return user.is_active and course.permissions_for_user(user).can_edit()


def can_import_packages(user):
    if not (user.is_active and user.has_perm(IMPORT_PERMISSION)):
        return False
    from wagtail.permission_policies.pages import PagePermissionPolicy

    return PagePermissionPolicy().user_has_permission(user, "add")
