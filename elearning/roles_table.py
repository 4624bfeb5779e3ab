"""The roles, in one table: what each admin role may do, and which admin menu items it sees.

``people.roles`` applies it on every ``migrate``: each role group gets exactly these
permissions (anything else a role group holds is removed, and the change is in the security
log). ``tests/people/test_roles_table.py`` checks the database against it and
``tests/elearning/test_permission_matrix.py`` checks every admin screen and menu against it.
Superusers are not in the table: they may do everything, and only they manage roles.

- ``permissions``: ``"app_label.model": [actions]``; an action is ``view``, ``add``,
  ``change``, ``delete`` (the codename is ``<action>_<model>``) or a full codename such as
  ``revoke_coursecompletion`` when it has an underscore.
- ``pages``: page permissions on the root page, so on every page (``add`` -> ``add_page``).
- ``collections``: image and document permissions on the root collection, same format as
  ``permissions``.
- ``menus``: the admin menu items the role sees (``reports/team-completion`` is an item of
  the Reports menu; Wagtail's own Help items are left out).
"""

EDITORS = "Editors"
REVIEWERS = "Reviewers"
MANAGERS = "Managers"
HR_ADMINS = "HR admins"

ADMIN = {"wagtailadmin.admin": ["access_admin"]}
MEDIA = {
    "wagtailimages.image": ["add", "change", "choose"],
    "wagtaildocs.document": ["add", "change", "choose"],
}
CONTENT_MENUS = [
    "explorer",
    "images",
    "documents",
    "reports",
    "reports/quiz-item-analysis",
    "reports/locked-pages",
    "reports/workflows",
    "reports/workflow-tasks",
    "reports/site-history",
    "reports/aging-pages",
    "reports/page-types-usage",
    "help",
]

ROLES = {
    # Write course content and submit it for review; cannot publish.
    EDITORS: {
        "permissions": {
            **ADMIN,
            "simple_translation.simpletranslation": ["submit_translation"],
            "quizzes.attempt": ["view"],  # the quiz item analysis report, never who answered what
        },
        "pages": ["add", "change", "lock", "unlock"],
        "collections": MEDIA,
        "menus": CONTENT_MENUS,
    },
    # Everything Editors do, plus approve and publish (the "Course review" workflow's task).
    REVIEWERS: {
        "permissions": {
            **ADMIN,
            "simple_translation.simpletranslation": ["submit_translation"],
            "quizzes.attempt": ["view"],
        },
        "pages": ["add", "change", "publish", "lock", "unlock"],
        "collections": MEDIA,
        "menus": CONTENT_MENUS,
    },
    # Their reporting line's training: the team completion report and transcripts.
    MANAGERS: {
        "permissions": {**ADMIN, "records.enrolment": ["view"]},
        "pages": [],
        "collections": {},
        "menus": ["reports", "reports/team-completion", "help"],
    },
    # Staff records (never roles: people.access), departments, assignments, completions,
    # every report, API clients and webhooks. Nothing here is ever deleted: completions are
    # revoked, rules, clients and endpoints switched off, people deactivated.
    HR_ADMINS: {
        "permissions": {
            **ADMIN,
            "people.user": ["add", "change", "view"],
            "people.department": ["add", "change", "view"],
            "records.coursecompletion": ["view", "revoke"],
            "records.assignmentrule": ["add", "change", "view"],
            "records.enrolment": ["view"],
            "api.apiclient": ["add", "change", "view"],
            "api.webhookendpoint": ["add", "change", "view"],
            "api.webhookdelivery": ["view"],
        },
        "pages": [],
        "collections": {},
        "menus": [
            "departments",
            "course-completions",
            "assignment-rules",
            "reports",
            "reports/team-completion",
            "reports/organisation-overview",
            "settings",
            "settings/users",
            "settings/import-staff-roster",
            "settings/api-clients",
            "settings/webhook-endpoints",
            "settings/webhook-deliveries",
            "help",
        ],
    },
}


def codenames(model_label, actions):
    """``("records.coursecompletion", ["view", "revoke"])`` -> view_coursecompletion, revoke_coursecompletion."""
    model_name = model_label.split(".", 1)[1]
    return [action if "_" in action else f"{action}_{model_name}" for action in actions]
