"""The roles, in one table: what each admin role may do, and which admin menu items it sees.

``people.roles`` applies it on every ``migrate``: each role group gets exactly these
permissions (anything else a role group holds is removed, and the change is in the security
log). ``tests/people/test_roles_table.py`` checks the database against it and
``tests/elearning/test_permission_matrix.py`` checks every admin screen and menu against it.
Superusers are not in the table: they may do everything, and only they manage roles.

Permissions are named as ``user.has_perm()`` names them, ``"app_label.codename"``
(``"quizzes.view_attempt"``), so the table is data: no model is imported to read it.

- ``permissions``: the role's model permissions.
- ``pages``: page permissions on the root page, so on every page (``"wagtailcore.add_page"``).
- ``collections``: image and document permissions on the root collection.
- ``menus``: the admin menu items the role sees (``reports/team-completion`` is an item of
  the Reports menu; Wagtail's own Help items are left out).
"""

EDITORS = "Editors"
REVIEWERS = "Reviewers"
MANAGERS = "Managers"
HR_ADMINS = "HR admins"
PARTNERSHIPS = "Partnerships"

ADMIN = ["wagtailadmin.access_admin"]
MEDIA = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
TRANSLATE = "simple_translation.submit_translation"
EDIT_PAGES = [
    "wagtailcore.add_page",
    "wagtailcore.change_page",
    "wagtailcore.lock_page",
    "wagtailcore.unlock_page",
]
CONTENT_MENUS = [
    "explorer",
    "images",
    "documents",
    "reports",
    "reports/quiz-item-analysis",
    "reports/translations-behind",
    "reports/locked-pages",
    "reports/workflows",
    "reports/workflow-tasks",
    "reports/site-history",
    "reports/aging-pages",
    "reports/page-types-usage",
    "help",
]

# Partner organisations (people.partner_admin) and their completion report: never deleted.
PARTNER_ORGANISATIONS = [
    "people.add_partnerorganisation",
    "people.change_partnerorganisation",
    "people.view_partnerorganisation",
    "partners.add_invitation",  # invite a partner organisation's people
    "partners.change_invitation",  # revoke an invitation
    "partners.view_invitation",
]

ROLES = {
    # Write course content and submit it for review; cannot publish.
    EDITORS: {
        "permissions": [
            *ADMIN,
            TRANSLATE,
            "quizzes.view_attempt",  # the quiz item analysis report, never who answered what
        ],
        "pages": EDIT_PAGES,
        "collections": MEDIA,
        "menus": CONTENT_MENUS,
    },
    # Everything Editors do, plus approve and publish (the "Course review" workflow's task).
    REVIEWERS: {
        "permissions": [
            *ADMIN,
            TRANSLATE,
            "quizzes.view_attempt",
            "courses.add_coursepackageimport",  # import a course package (drafts, see courses.packages)
        ],
        "pages": [*EDIT_PAGES, "wagtailcore.publish_page"],
        "collections": MEDIA,
        "menus": CONTENT_MENUS,
    },
    # Their reporting line's training: the team completion report and transcripts.
    MANAGERS: {
        "permissions": [*ADMIN, "records.view_enrolment"],
        "pages": [],
        "collections": [],
        "menus": ["reports", "reports/team-completion", "help"],
    },
    # Staff records (never roles: people.access), departments, assignments, completions,
    # every report, API clients and webhooks. Nothing here is ever deleted: completions are
    # revoked, rules, clients and endpoints switched off, people deactivated.
    HR_ADMINS: {
        "permissions": [
            *ADMIN,
            "people.add_user",
            "people.change_user",
            "people.view_user",
            "people.add_department",
            "people.change_department",
            "people.view_department",
            "records.view_coursecompletion",
            "records.revoke_coursecompletion",
            "records.add_assignmentrule",
            "records.change_assignmentrule",
            "records.view_assignmentrule",
            "records.view_enrolment",
            "records.change_teamsettings",  # whether managers may assign courses
            "records.change_retentionsettings",  # how long leavers' personal data is kept
            "records.erase_personal_data",  # erase a person (records.privacy), due for erasure
            "api.add_apiclient",
            "api.change_apiclient",
            "api.view_apiclient",
            "api.add_webhookendpoint",
            "api.change_webhookendpoint",
            "api.view_webhookendpoint",
            "api.view_webhookdelivery",
            *PARTNER_ORGANISATIONS,
        ],
        "pages": [],
        "collections": [],
        "menus": [
            "departments",
            "partner-organisations",
            "course-completions",
            "assignment-rules",
            "reports",
            "reports/team-completion",
            "reports/organisation-overview",
            "reports/partner-completion",
            "reports/due-for-erasure",
            "settings",
            "settings/users",
            "settings/import-staff-roster",
            "settings/team-settings",
            "settings/data-retention",
            "settings/api-clients",
            "settings/webhook-endpoints",
            "settings/webhook-deliveries",
            "settings/partner-invitations",
            "help",
        ],
    },
    # The partner organisations, their members and the partner completion report (every
    # organisation); never staff records, staff reports or the HR API.
    PARTNERSHIPS: {
        "permissions": [*ADMIN, *PARTNER_ORGANISATIONS],
        "pages": [],
        "collections": [],
        "menus": [
            "partner-organisations",
            "reports",
            "reports/partner-completion",
            "settings",
            "settings/partner-invitations",
            "help",
        ],
    },
}
