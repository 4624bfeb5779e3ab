"""The permission matrix: every admin screen, report, export and snippet of this project, the
Wagtail screens that matter, and every API action, requested as each role; the answer must
be the one in the table below. A URL pattern under /admin/ or /api/ that has no row (and is
not in the reviewed list of Wagtail's own screens) fails ``test_every_admin_and_api_url_has_a_row``.

Adding a screen: add one line to ADMIN (or API), e.g.
    "mfa:enrol":                                                      "L  200 200 200 200 200 200",
Columns: anonymous, staff (a learner), editor, reviewer, manager, HR admin, superuser.
Answers: 200; L = redirected to the admin sign-in (302); D = refused by the admin (302 back to
the dashboard with a message); 403, 404, 405; R = another redirect (302, e.g. a screen that
moves on to the next step). The URL's arguments are real objects (see ``Objects``); a row
key may add a query string ("name?export=csv") or a variant ("name#course") whose arguments
are in ARGS."""

import re
from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from wagtail.admin.menu import SubmenuMenuItem, admin_menu
from wagtail.models import Collection, Locale, Site, Workflow

import pytest

from api import scopes
from api.models import ApiClient, WebhookDelivery, WebhookEndpoint
from elearning.roles_table import ROLES as ROLE_TABLE
from partners.models import Invitation
from people.models import PartnerOrganisation
from people.roles import EDITORS, HR_ADMINS, MANAGERS, PARTNERSHIPS, REVIEWERS
from records.models import CourseCompletion, RetentionSettings, TeamSettings
from records.services import progress
from security.log import Action, record
from tests.api.conftest import KeyedClient
from tests.factories import (
    AssignmentRuleFactory,
    DepartmentFactory,
    UserFactory,
    make_document,
    make_image,
    make_module,
)
from tests.partners.organisations import make_organisation, make_partner

ROLES = ("anonymous", "staff", "editor", "reviewer", "manager", "hr", "superuser")
OUR_APPS = (
    "people",
    "courses",
    "quizzes",
    "records",
    "api",
    "security",
    "elearning",
    "signin",
    "mfa",
    "partners",
)

# fmt: off
ADMIN = {
    # name                                                          anon  staff edit  rev   mgr   hr    super
    "people_roster_upload":                                           "L     L     D     D     D     200   200",
    "people_roster_apply":                                            "L     L     D     D     D     405   405",
    # A person's data as a ZIP (records.privacy.export): HR admins and superusers.
    "records_export_person":                                          "L     L     D     D     D     200   200",
    # Course packages (courses.packages): export whoever edits the course; import Reviewers.
    "courses_packages:export":                                        "L     L     200   200   D     D     200",
    "courses_packages:import":                                        "L     L     D     200   D     D     200",
    "courses_packages:confirm":                                       "L     L     D     405   D     D     405",
    "courses_reports:translation_lag":                                "L     L     200   200   D     D     200",
    # A course's SCORM 1.2 package (courses.scorm.admin): whoever may edit the course page.
    "courses_scorm_export":                                           "L     L     200   200   D     D     200",
    "courses_reports:translation_lag_results":                        "L     L     200   200   D     D     200",
    "quizzes_reports:item_analysis":                                  "L     L     200   200   D     D     200",
    # Completions and assignment rules were snippets of quizzes: old bookmarks lead to records.
    "records_moved_assignmentrule":                                   "L     L     R     R     R     R     R",
    "records_moved_coursecompletion":                                 "L     L     R     R     R     R     R",
    "quizzes_reports:item_analysis_results":                          "L     L     200   200   D     D     200",
    "security_log":                                                   "L     L     D     D     D     D     200",
    "security_log_results":                                           "L     L     D     D     D     D     200",
    "signin_lockouts":                                                "L     L     403   403   403   403   200",
    # Settings › Partner invitations (partners.invitation_admin); revoking is POST only.
    "partners_invitations":                                           "L     L     D     D     D     200   200",
    "partners_invitation_revoke":                                     "L     L     405   405   405   405   405",
    "mfa_admin_reset":                                                "L     L     D     D     D     D     200",
    "simple_translation:submit_page_translation":                     "L     L     200   200   D     D     200",
    "staff_reports:organisation":                                     "L     L     D     D     D     200   200",
    "staff_reports:organisation_results":                             "L     L     D     D     D     200   200",
    "staff_reports:team_completion":                                  "L     L     D     D     200   200   200",
    # Privacy (records.privacy): erasing a person, and who the retention job erases next.
    "records_erase_person":                                           "L     L     D     D     D     200   200",
    "staff_reports:due_for_erasure":                                  "L     L     D     D     D     200   200",
    "staff_reports:due_for_erasure_results":                          "L     L     D     D     D     200   200",
    "staff_reports:team_completion_results":                          "L     L     D     D     200   200   200",
    # Every partner organisation's learners (records.reports.partner_completion): HR, Partnerships.
    "staff_reports:partner_completion":                               "L     L     D     D     D     200   200",
    "staff_reports:partner_completion_results":                       "L     L     D     D     D     200   200",
    "staff_reports:transcript":                                       "L     L     D     D     200   200   200",
    "staff_reports:transcript_results":                               "L     L     D     D     200   200   200",
    # A manager's actions on their line (records.views.team): reminders are POSTs only.
    "team_actions:remind":                                            "L     L     D     D     405   405   405",
    "team_actions:assign":                                            "L     L     D     D     200   200   200",
    # Settings › Team settings (HR admins: whether managers may assign courses).
    "wagtailsettings:edit":                                           "L     L     R     R     R     R     R",
    "wagtailsettings:edit#instance":                                  "L     L     D     D     D     200   200",
    "wagtailsettings:preview_on_edit":                                "L     L     D     D     D     404   404",
    # Settings › Data retention (HR admins: months after leaving).
    "wagtailsettings:edit#retention":                                 "L     L     D     D     D     200   200",
    "wagtailadmin_collections:index":                                 "L     L     D     D     D     D     200",
    "wagtailadmin_explore":                                           "L     L     200   200   D     D     200",
    "wagtailadmin_explore_root":                                      "L     L     200   200   D     D     200",
    "wagtailadmin_home":                                              "L     L     200   200   200   200   200",
    "wagtailadmin_pages:add":                                         "L     L     200   200   D     D     200",
    "wagtailadmin_pages:delete":                                      "L     L     D     200   D     D     200",
    "wagtailadmin_pages:edit":                                        "L     L     200   200   D     D     200",
    "wagtailadmin_pages:history":                                     "L     L     200   200   D     D     200",
    "wagtailadmin_pages:move":                                        "L     L     D     200   D     D     200",
    "wagtailadmin_pages:search":                                      "L     L     200   200   D     D     200",
    "wagtailadmin_pages:set_privacy":                                 "L     L     D     200   D     D     200",
    "wagtailadmin_pages:unpublish":                                   "L     L     D     200   D     D     200",
    "wagtailadmin_reports:aging_pages":                               "L     L     200   200   D     D     200",
    "wagtailadmin_reports:locked_pages":                              "L     L     200   200   D     D     200",
    "wagtailadmin_reports:page_types_usage":                          "L     L     200   200   D     D     200",
    "wagtailadmin_reports:site_history":                              "L     L     200   200   200   200   200",
    "wagtailadmin_reports:workflow":                                  "L     L     200   200   D     D     200",
    "wagtailadmin_reports:workflow_tasks":                            "L     L     200   200   D     D     200",
    "wagtailadmin_workflows:edit":                                    "L     L     D     D     D     D     200",
    "wagtailadmin_workflows:index":                                   "L     L     D     D     D     D     200",
    "wagtailadmin_workflows:task_index":                              "L     L     D     D     D     D     200",
    "wagtaildocs:add":                                                "L     L     200   200   D     D     200",
    "wagtaildocs:delete":                                             "L     L     200   200   D     D     200",
    "wagtaildocs:edit":                                               "L     L     200   200   D     D     200",
    "wagtaildocs:index":                                              "L     L     200   200   D     D     200",
    "wagtailimages:add":                                              "L     L     200   200   D     D     200",
    "wagtailimages:delete":                                           "L     L     200   200   D     D     200",
    "wagtailimages:edit":                                             "L     L     200   200   D     D     200",
    "wagtailimages:index":                                            "L     L     200   200   D     D     200",
    "wagtaillocales:index":                                           "L     L     D     D     D     D     200",
    "wagtailredirects:index":                                         "L     L     D     D     D     D     200",
    "wagtailsites:index":                                             "L     L     D     D     D     D     200",
    "wagtailsnippetchoosers_api_apiclient:choose":                    "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_api_apiclient:choose_results":            "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_api_apiclient:chosen":                    "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_api_apiclient:chosen_multiple":           "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_api_apiclient:create":                    "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_api_webhookdelivery:choose":              "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_api_webhookdelivery:choose_results":      "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_api_webhookdelivery:chosen":              "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_api_webhookdelivery:chosen_multiple":     "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_api_webhookdelivery:create":              "L     L     D     D     D     D     D",
    "wagtailsnippetchoosers_api_webhookendpoint:choose":              "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_api_webhookendpoint:choose_results":      "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_api_webhookendpoint:chosen":              "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_api_webhookendpoint:chosen_multiple":     "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_api_webhookendpoint:create":              "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_people_department:choose":                "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_people_department:choose_results":        "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_people_department:chosen":                "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_people_department:chosen_multiple":       "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_people_department:create":                "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_records_assignmentrule:choose":           "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_records_assignmentrule:choose_results":   "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_records_assignmentrule:chosen":           "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_records_assignmentrule:chosen_multiple":  "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_records_assignmentrule:create":           "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_records_coursecompletion:choose":         "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_records_coursecompletion:choose_results": "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_records_coursecompletion:chosen":         "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_records_coursecompletion:chosen_multiple": "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_records_coursecompletion:create":         "L     L     D     D     D     D     D",
    "wagtailsnippets:index":                                          "L     L     D     D     D     D     D",
    "wagtailsnippets_api_apiclient:add":                              "L     L     D     D     D     200   200",
    "wagtailsnippets_api_apiclient:delete":                           "L     L     D     D     D     D     D",
    "wagtailsnippets_api_apiclient:edit":                             "L     L     D     D     D     200   200",
    "wagtailsnippets_api_apiclient:history":                          "L     L     D     D     D     200   200",
    "wagtailsnippets_api_apiclient:history_results":                  "L     L     D     D     D     200   200",
    "wagtailsnippets_api_apiclient:list":                             "L     L     D     D     D     200   200",
    "wagtailsnippets_api_apiclient:list_results":                     "L     L     D     D     D     200   200",
    "wagtailsnippets_api_apiclient:revoke":                           "L     L     D     D     D     200   200",
    "wagtailsnippets_api_apiclient:usage":                            "L     L     D     D     D     200   200",
    "wagtailsnippets_api_webhookdelivery:add":                        "L     L     D     D     D     D     D",
    "wagtailsnippets_api_webhookdelivery:delete":                     "L     L     D     D     D     D     D",
    "wagtailsnippets_api_webhookdelivery:edit":                       "L     L     D     D     D     D     D",
    "wagtailsnippets_api_webhookdelivery:history":                    "L     L     D     D     D     D     D",
    "wagtailsnippets_api_webhookdelivery:history_results":            "L     L     D     D     D     D     D",
    "wagtailsnippets_api_webhookdelivery:inspect":                    "L     L     D     D     D     200   200",
    "wagtailsnippets_api_webhookdelivery:list":                       "L     L     D     D     D     200   200",
    "wagtailsnippets_api_webhookdelivery:list_results":               "L     L     D     D     D     200   200",
    "wagtailsnippets_api_webhookdelivery:usage":                      "L     L     D     D     D     D     D",
    "wagtailsnippets_api_webhookendpoint:add":                        "L     L     D     D     D     200   200",
    "wagtailsnippets_api_webhookendpoint:delete":                     "L     L     D     D     D     D     D",
    "wagtailsnippets_api_webhookendpoint:edit":                       "L     L     D     D     D     200   200",
    "wagtailsnippets_api_webhookendpoint:history":                    "L     L     D     D     D     200   200",
    "wagtailsnippets_api_webhookendpoint:history_results":            "L     L     D     D     D     200   200",
    "wagtailsnippets_api_webhookendpoint:inspect":                    "L     L     D     D     D     200   200",
    "wagtailsnippets_api_webhookendpoint:list":                       "L     L     D     D     D     200   200",
    "wagtailsnippets_api_webhookendpoint:list_results":               "L     L     D     D     D     200   200",
    "wagtailsnippets_api_webhookendpoint:usage":                      "L     L     D     D     D     200   200",
    # Partner organisations (people.partner_admin): HR admins and Partnerships; never deleted.
    "wagtailsnippets_people_partnerorganisation:add":                 "L     L     D     D     D     200   200",
    "wagtailsnippets_people_partnerorganisation:delete":              "L     L     D     D     D     D     D",
    "wagtailsnippets_people_partnerorganisation:edit":                "L     L     D     D     D     200   200",
    "wagtailsnippets_people_partnerorganisation:history":             "L     L     D     D     D     200   200",
    "wagtailsnippets_people_partnerorganisation:history_results":     "L     L     D     D     D     200   200",
    "wagtailsnippets_people_partnerorganisation:inspect":             "L     L     D     D     D     200   200",
    "wagtailsnippets_people_partnerorganisation:list":                "L     L     D     D     D     200   200",
    "wagtailsnippets_people_partnerorganisation:list_results":        "L     L     D     D     D     200   200",
    "wagtailsnippets_people_partnerorganisation:usage":               "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_people_partnerorganisation:choose":       "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_people_partnerorganisation:choose_results": "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_people_partnerorganisation:chosen":       "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_people_partnerorganisation:chosen_multiple": "L     L     D     D     D     200   200",
    "wagtailsnippetchoosers_people_partnerorganisation:create":       "L     L     D     D     D     200   200",
    "wagtailsnippets_people_department:add":                          "L     L     D     D     D     200   200",
    "wagtailsnippets_people_department:copy":                         "L     L     D     D     D     200   200",
    "wagtailsnippets_people_department:delete":                       "L     L     D     D     D     D     200",
    "wagtailsnippets_people_department:edit":                         "L     L     D     D     D     200   200",
    "wagtailsnippets_people_department:history":                      "L     L     D     D     D     200   200",
    "wagtailsnippets_people_department:history_results":              "L     L     D     D     D     200   200",
    "wagtailsnippets_people_department:list":                         "L     L     D     D     D     200   200",
    "wagtailsnippets_people_department:list_results":                 "L     L     D     D     D     200   200",
    "wagtailsnippets_people_department:usage":                        "L     L     D     D     D     200   200",
    "wagtailsnippets_records_assignmentrule:add":                     "L     L     D     D     D     200   200",
    "wagtailsnippets_records_assignmentrule:delete":                  "L     L     D     D     D     D     200",
    "wagtailsnippets_records_assignmentrule:edit":                    "L     L     D     D     D     200   200",
    "wagtailsnippets_records_assignmentrule:history":                 "L     L     D     D     D     200   200",
    "wagtailsnippets_records_assignmentrule:history_results":         "L     L     D     D     D     200   200",
    "wagtailsnippets_records_assignmentrule:list":                    "L     L     D     D     D     200   200",
    "wagtailsnippets_records_assignmentrule:list_results":            "L     L     D     D     D     200   200",
    "wagtailsnippets_records_assignmentrule:usage":                   "L     L     D     D     D     200   200",
    "wagtailsnippets_records_coursecompletion:add":                   "L     L     D     D     D     D     D",
    "wagtailsnippets_records_coursecompletion:delete":                "L     L     D     D     D     D     D",
    "wagtailsnippets_records_coursecompletion:edit":                  "L     L     D     D     D     D     D",
    "wagtailsnippets_records_coursecompletion:history":               "L     L     D     D     D     200   200",
    "wagtailsnippets_records_coursecompletion:history_results":       "L     L     D     D     D     200   200",
    "wagtailsnippets_records_coursecompletion:inspect":               "L     L     D     D     D     200   200",
    "wagtailsnippets_records_coursecompletion:list":                  "L     L     D     D     D     200   200",
    "wagtailsnippets_records_coursecompletion:list_results":          "L     L     D     D     D     200   200",
    "wagtailsnippets_records_coursecompletion:revoke":                "L     L     D     D     D     200   200",
    "wagtailsnippets_records_coursecompletion:usage":                 "L     L     D     D     D     D     D",
    "wagtailusers_groups:add":                                        "L     L     D     D     D     D     200",
    "wagtailusers_groups:delete":                                     "L     L     D     D     D     D     200",
    "wagtailusers_groups:edit":                                       "L     L     D     D     D     D     200",
    "wagtailusers_groups:history":                                    "L     L     D     D     D     D     200",
    "wagtailusers_groups:history_results":                            "L     L     D     D     D     D     200",
    "wagtailusers_groups:index":                                      "L     L     D     D     D     D     200",
    "wagtailusers_groups:index_results":                              "L     L     D     D     D     D     200",
    "wagtailusers_groups:usage":                                      "L     L     D     D     D     D     200",
    "wagtailusers_users:add":                                         "L     L     D     D     D     200   200",
    "wagtailusers_users:copy":                                        "L     L     D     D     D     200   200",
    "wagtailusers_users:delete":                                      "L     L     D     D     D     D     200",
    "wagtailusers_users:edit":                                        "L     L     D     D     D     200   200",
    "wagtailusers_users:history":                                     "L     L     D     D     D     200   200",
    "wagtailusers_users:history_results":                             "L     L     D     D     D     200   200",
    "wagtailusers_users:index":                                       "L     L     D     D     D     200   200",
    "wagtailusers_users:index_results":                               "L     L     D     D     D     200   200",
    "wagtailusers_users:usage":                                       "L     L     D     D     D     200   200",
    # Variants and exports
    "wagtailadmin_pages:add#course":                                  "L     L     200   200   D     D     200",
    "wagtailadmin_pages:edit#course":                                 "L     L     200   200   D     D     200",
    "wagtailusers_users:edit#superuser":                              "L     L     D     D     D     D     200",
    "wagtail_bulk_action#assign-role":                                "L     L     D     D     D     D     200",
    "wagtail_bulk_action#set-active":                                 "L     L     D     D     D     200   200",
    "wagtail_bulk_action#delete-users":                               "L     L     D     D     D     200   200",
    "wagtailadmin_reports:site_history?export=csv":                   "L     L     200   200   200   200   200",
    "staff_reports:team_completion?export=csv":                       "L     L     D     D     200   200   200",
    "staff_reports:team_completion?export=xlsx":                      "L     L     D     D     200   200   200",
    "staff_reports:organisation?export=csv":                          "L     L     D     D     D     200   200",
    "staff_reports:organisation?export=xlsx":                         "L     L     D     D     D     200   200",
    "staff_reports:partner_completion?export=csv":                    "L     L     D     D     D     200   200",
    "staff_reports:partner_completion?export=xlsx":                   "L     L     D     D     D     200   200",
    "staff_reports:due_for_erasure?export=csv":                       "L     L     D     D     D     200   200",
    "staff_reports:due_for_erasure?export=xlsx":                      "L     L     D     D     D     200   200",
    "staff_reports:transcript?export=csv":                            "L     L     D     D     200   200   200",
    "courses_reports:translation_lag?export=csv":                     "L     L     200   200   D     D     200",
    "courses_reports:translation_lag?export=xlsx":                    "L     L     200   200   D     D     200",
    "quizzes_reports:item_analysis?export=csv":                       "L     L     200   200   D     D     200",
    "quizzes_reports:item_analysis?export=xlsx":                      "L     L     200   200   D     D     200",
    "security_log?export=csv":                                        "L     L     D     D     D     D     200",
    "security_log?export=xlsx":                                       "L     L     D     D     D     D     200",
    "wagtailsnippets_records_coursecompletion:list?export=csv":       "L     L     D     D     D     200   200",
    "wagtailsnippets_records_coursecompletion:list?export=xlsx":      "L     L     D     D     D     200   200",
}
# fmt: on

# The roles of issue 15, for every ADMIN row: a Partnerships officer (admin access, partner
# organisations and their report only), a partner organisation's focal point and a partner
# learner (neither has admin access: their report is on the learner site, SITE below).
# Unless named here: Partnerships "D" (refused by the admin), focal point and partner "L".
PARTNER_ROLES = ("partnerships", "focal", "partner")
PARTNER_DEFAULT = "D     L     L"
# fmt: off
PARTNER_ANSWERS = {
    # name                                                          partnerships focal partner
    "wagtailadmin_home":                                              "200   L     L",
    "wagtailadmin_reports:site_history":                              "200   L     L",
    "wagtailadmin_reports:site_history?export=csv":                   "200   L     L",
    "records_moved_assignmentrule":                                   "R     L     L",
    "records_moved_coursecompletion":                                 "R     L     L",
    "wagtailsettings:edit":                                           "R     L     L",
    "wagtailsettings:preview_on_edit":                                "D     L     L",
    "signin_lockouts":                                                "403   L     L",
    "partners_invitations":                                           "200   L     L",
    "partners_invitation_revoke":                                     "405   L     L",
    "staff_reports:partner_completion":                               "200   L     L",
    "staff_reports:partner_completion_results":                       "200   L     L",
    "staff_reports:partner_completion?export=csv":                    "200   L     L",
    "staff_reports:partner_completion?export=xlsx":                   "200   L     L",
    "wagtailsnippets_people_partnerorganisation:add":                 "200   L     L",
    "wagtailsnippets_people_partnerorganisation:edit":                "200   L     L",
    "wagtailsnippets_people_partnerorganisation:history":             "200   L     L",
    "wagtailsnippets_people_partnerorganisation:history_results":     "200   L     L",
    "wagtailsnippets_people_partnerorganisation:inspect":             "200   L     L",
    "wagtailsnippets_people_partnerorganisation:list":                "200   L     L",
    "wagtailsnippets_people_partnerorganisation:list_results":        "200   L     L",
    "wagtailsnippets_people_partnerorganisation:usage":               "200   L     L",
    "wagtailsnippetchoosers_people_partnerorganisation:choose":       "200   L     L",
    "wagtailsnippetchoosers_people_partnerorganisation:choose_results": "200   L     L",
    "wagtailsnippetchoosers_people_partnerorganisation:chosen":       "200   L     L",
    "wagtailsnippetchoosers_people_partnerorganisation:chosen_multiple": "200   L     L",
    "wagtailsnippetchoosers_people_partnerorganisation:create":       "200   L     L",
}
# Learner-site pages of the partner roles (not under /admin/): every role, staff's and partners'.
# Answers: 200, 403, L = to the site's sign-in (/accounts/login/).
SITE = {
    # name              anon  staff edit  rev   mgr   hr    super partnerships focal partner
    "partner_report":   "L    403   403   403   403   403   403   403          200   403",
    "partner_report?export=csv": "L    403   403   403   403   403   403   403   200   403",
    "partner_report?export=xlsx": "L    403   403   403   403   403   403   403   200   403",
}
# fmt: on


# The HR API: required scope; then the answer with no key, with a key holding every scope but
# that one, with a key holding it, and for a superuser signed in to the admin without a key.
# fmt: off
API = {
    # name                         scope               no-key other  right  admin-session
    "api:completion-list":         (scopes.COMPLETIONS, "401   403   200   401"),
    "api:completion-list#post":    (scopes.COMPLETIONS, "401   403   405   401"),
    "api:completion-export":       (scopes.COMPLETIONS, "401   403   200   401"),
    "api:enrolment-list":          (scopes.ENROLMENTS,  "401   403   200   401"),
    "api:enrolment-export":        (scopes.ENROLMENTS,  "401   403   200   401"),
    # Either scope reads the tombstones of its own kind of record; "other" holds neither.
    "api:tombstone-list":          ((scopes.COMPLETIONS, scopes.ENROLMENTS), "401   403   200   401"),
    "api:tombstone-export":        ((scopes.COMPLETIONS, scopes.ENROLMENTS), "401   403   200   401"),
    "api:courses":                 (scopes.COURSES,     "401   403   200   401"),
    "api:transcript":              (scopes.LEARNERS,    "401   403   200   401"),
    "api:xapi-statements":         (scopes.XAPI,        "401   403   200   401"),
    "api:schema":                  (None,               "200   200   200   200"),
    "api:docs":                    (None,               "200   200   200   200"),
    "api:guide":                   (None,               "200   200   200   200"),
    "api/v1/^.*$":                 (None,               "404   404   404   404"),
    "api/^.*$":                    (None,               "404   404   404   404"),
}
# fmt: on
API_URLS = {"api/v1/^.*$": "/api/v1/nothing-here/", "api/^.*$": "/api/v2/completions/"}

# --- Wagtail's own screens that are left to Wagtail's permission checks (reviewed) ---------
# Choosers, autocomplete, previews and page actions check the page or object permission
# themselves; sign-in and password reset are for everyone.
WAGTAIL_CORE = {
    "wagtailimages:delete_upload_multiple",
    "wagtailimages:create_multiple_from_uploaded_image",
    "wagtailimages:preview",
    "wagtaildocs:delete_upload_multiple",
    "wagtaildocs:create_multiple_from_uploaded_document",
    "wagtailredirects:delete",
    "wagtailredirects:edit",
    "wagtailadmin_workflows:task_chosen",
    "admin/^.*/$",
    "admin/test404/",
    "simple_translation:submit_snippet_translation",
    "wagtailadmin_account",
    "wagtailadmin_api:documents:detail",
    "wagtailadmin_api:documents:find",
    "wagtailadmin_api:documents:listing",
    "wagtailadmin_api:images:detail",
    "wagtailadmin_api:images:find",
    "wagtailadmin_api:images:listing",
    "wagtailadmin_api:pages:action",
    "wagtailadmin_api:pages:detail",
    "wagtailadmin_api:pages:find",
    "wagtailadmin_api:pages:listing",
    "wagtailadmin_block_preview",
    "wagtailadmin_choose_page",
    "wagtailadmin_choose_page_anchor_link",
    "wagtailadmin_choose_page_child",
    "wagtailadmin_choose_page_chosen_multiple",
    "wagtailadmin_choose_page_email_link",
    "wagtailadmin_choose_page_external_link",
    "wagtailadmin_choose_page_phone_link",
    "wagtailadmin_choose_page_search",
    "wagtailadmin_collections:add",
    "wagtailadmin_collections:delete",
    "wagtailadmin_collections:edit",
    "wagtailadmin_collections:set_privacy",
    "wagtailadmin_dismissibles",
    "wagtailadmin_editing_sessions:ping",
    "wagtailadmin_editing_sessions:release",
    "wagtailadmin_error_test",
    "wagtailadmin_explore_results",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_pages:add_subpage",
    "wagtailadmin_pages:choose_parent",
    "wagtailadmin_pages:collect_workflow_action_data",
    "wagtailadmin_pages:confirm_workflow_cancellation",
    "wagtailadmin_pages:convert_alias",
    "wagtailadmin_pages:copy",
    "wagtailadmin_pages:history_results",
    "wagtailadmin_pages:lock",
    "wagtailadmin_pages:move_confirm",
    "wagtailadmin_pages:preview_on_add",
    "wagtailadmin_pages:preview_on_edit",
    "wagtailadmin_pages:revisions_compare",
    "wagtailadmin_pages:revisions_index",
    "wagtailadmin_pages:revisions_revert",
    "wagtailadmin_pages:revisions_unschedule",
    "wagtailadmin_pages:revisions_view",
    "wagtailadmin_pages:search_results",
    "wagtailadmin_pages:set_page_position",
    "wagtailadmin_pages:type_use",
    "wagtailadmin_pages:type_use_results",
    "wagtailadmin_pages:unlock",
    "wagtailadmin_pages:usage",
    "wagtailadmin_pages:view_draft",
    "wagtailadmin_pages:workflow_action",
    "wagtailadmin_pages:workflow_history",
    "wagtailadmin_pages:workflow_history_detail",
    "wagtailadmin_pages:workflow_preview",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_reports:aging_pages_results",
    "wagtailadmin_reports:locked_pages_results",
    "wagtailadmin_reports:page_types_usage_results",
    "wagtailadmin_reports:site_history_results",
    "wagtailadmin_reports:workflow_results",
    "wagtailadmin_reports:workflow_tasks_results",
    "wagtailadmin_sprite",
    "wagtailadmin_tag_autocomplete",
    "wagtailadmin_tag_model_autocomplete",
    "wagtailadmin_workflows:add",
    "wagtailadmin_workflows:add_task",
    "wagtailadmin_workflows:disable",
    "wagtailadmin_workflows:disable_task",
    "wagtailadmin_workflows:edit_task",
    "wagtailadmin_workflows:enable",
    "wagtailadmin_workflows:enable_task",
    "wagtailadmin_workflows:index_results",
    "wagtailadmin_workflows:remove",
    "wagtailadmin_workflows:select_task_type",
    "wagtailadmin_workflows:task_chooser",
    "wagtailadmin_workflows:task_chooser_create",
    "wagtailadmin_workflows:task_chooser_results",
    "wagtailadmin_workflows:task_index_results",
    "wagtailadmin_workflows:usage",
    "wagtailadmin_workflows:usage_results",
    "wagtaildocs:add_multiple",
    "wagtaildocs:delete_multiple",
    "wagtaildocs:document_usage",
    "wagtaildocs:edit_multiple",
    "wagtaildocs:index_results",
    "wagtaildocs_chooser:choose",
    "wagtaildocs_chooser:choose_results",
    "wagtaildocs_chooser:chosen",
    "wagtaildocs_chooser:chosen_multiple",
    "wagtaildocs_chooser:create",
    "wagtailembeds:chooser",
    "wagtailembeds:chooser_upload",
    "wagtailforms:delete_submissions",
    "wagtailforms:index",
    "wagtailforms:index_results",
    "wagtailforms:list_submissions",
    "wagtailforms:list_submissions_results",
    "wagtailimages:add_multiple",
    "wagtailimages:delete_multiple",
    "wagtailimages:edit_multiple",
    "wagtailimages:image_usage",
    "wagtailimages:index_results",
    "wagtailimages:url_generator",
    "wagtailimages:url_generator_output",
    "wagtailimages_chooser:choose",
    "wagtailimages_chooser:choose_results",
    "wagtailimages_chooser:chosen",
    "wagtailimages_chooser:chosen_multiple",
    "wagtailimages_chooser:create",
    "wagtailimages_chooser:select_format",
    "wagtaillocales:add",
    "wagtaillocales:delete",
    "wagtaillocales:edit",
    "wagtaillocales:history",
    "wagtaillocales:history_results",
    "wagtaillocales:index_results",
    "wagtaillocales:usage",
    "wagtailredirects:add",
    "wagtailredirects:index_results",
    "wagtailredirects:process_import",
    "wagtailredirects:start_import",
    "wagtailsites:add",
    "wagtailsites:copy",
    "wagtailsites:delete",
    "wagtailsites:edit",
    "wagtailsites:history",
    "wagtailsites:history_results",
    "wagtailsites:index_results",
    "wagtailsites:usage",
}


# --- The objects the URLs point at ----------------------------------------------------------


@pytest.fixture
def objects(db, site_tree):
    home, catalogue = site_tree
    from tests.factories import make_course

    course = make_course(catalogue, title="Working with influencers", course_code="INF-101")
    module = make_module(course, title="Why voices matter")
    department = DepartmentFactory(name="Communications")
    manager = UserFactory(username="bruno", department=department, groups=[MANAGERS])
    learner = UserFactory(username="amira", employee_id="E-1", department=department, manager=manager)
    progress.mark_module_read(learner, module, course)
    api_client, key = ApiClient.objects.create_key(name="HRIS", scopes=list(scopes.ALL))
    endpoint = WebhookEndpoint.objects.create(
        client=api_client, url="https://hris.example.org/hook", events=[]
    )
    organisation = make_organisation("Voices Collective", ["voices.example"])
    focal = make_partner(organisation, "wanjiru")
    organisation.focal_points.add(focal)
    users = {
        "partnerships": UserFactory(username="pat", groups=[PARTNERSHIPS]),
        "focal": focal,
        "partner": make_partner(organisation, "otieno"),
        "staff": UserFactory(username="chen"),
        "editor": UserFactory(username="eve", groups=[EDITORS]),
        "reviewer": UserFactory(username="rita", groups=[REVIEWERS]),
        "manager": manager,
        "hr": UserFactory(username="hana", groups=[HR_ADMINS]),
        "superuser": UserFactory(username="root", is_superuser=True),
    }
    return SimpleNamespace(
        home=home,
        catalogue=catalogue,
        course=course,
        module=module,
        department=department,
        learner=learner,
        partner_organisation=organisation,
        completion=CourseCompletion.objects.get(user=learner),
        rule=AssignmentRuleFactory(course=course),
        api_client=api_client,
        api_key=key,
        endpoint=endpoint,
        delivery=WebhookDelivery.objects.create(
            endpoint=endpoint, event_type="course.completed", event_key="k", body="{}"
        ),
        event=record(Action.SIGNED_IN, subject=learner),
        image=make_image(),
        document=make_document(),
        collection=Collection.get_first_root_node().add_child(name="Briefings"),
        workflow=Workflow.objects.get(name="Course review"),
        locale=Locale.objects.get(language_code="es"),
        site=Site.objects.get(is_default_site=True),
        team_settings=TeamSettings.load(),
        retention_settings=RetentionSettings.load(),
        group=Group.objects.get(name=EDITORS),
        invitation=Invitation.create(PartnerOrganisation.objects.create(name="Digital Rights Network"))[0],
        users=users,
    )


# --- Building the URLs --------------------------------------------------------------------

# The object behind a "pk" argument, by the URL namespace's model (snippets and choosers alike).
PK_OBJECTS = {
    "people_department": "department",
    "people_partnerorganisation": "partner_organisation",
    "records_coursecompletion": "completion",
    "records_assignmentrule": "rule",
    "api_apiclient": "api_client",
    "api_webhookendpoint": "endpoint",
    "api_webhookdelivery": "delivery",
    "wagtailusers_users": "learner",
    "wagtailusers_groups": "group",
    "wagtaillocales": "locale",
    "wagtailsites": "site",
    "wagtailadmin_collections": "collection",
    "wagtailadmin_workflows": "workflow",
    "wagtailimages_chooser": "image",
    "wagtaildocs_chooser": "document",
}
# Other arguments, by name.
BY_NAME = {
    "page_id": lambda o: o.module.pk,
    "parent_page_id": lambda o: o.course.pk,
    "page_to_move_id": lambda o: o.module.pk,
    "user_id": lambda o: o.learner.pk,
    "image_id": lambda o: o.image.pk,
    "document_id": lambda o: o.document.pk,
    "doc_id": lambda o: o.document.pk,
    "collection_id": lambda o: o.collection.pk,
    "employee_id": lambda o: o.learner.employee_id,
    "content_type_app_name": lambda o: "courses",
    "content_type_model_name": lambda o: "modulepage",
    "app_label": lambda o: "courses",
    "model_name": lambda o: "modulepage",
}
# Variants and arguments that the rules above do not give.
ARGS = {
    "wagtailadmin_pages:add#course": lambda o: ["courses", "coursepage", o.catalogue.pk],
    "wagtailadmin_pages:edit#course": lambda o: [o.course.pk],
    "courses_scorm_export": lambda o: [o.course.pk],
    "courses_packages:export": lambda o: [o.course.pk],
    "wagtail_bulk_action#assign-role": lambda o: ["people", "user", "assign_role"],
    "wagtail_bulk_action#set-active": lambda o: ["people", "user", "set_active_state"],
    "wagtail_bulk_action#delete-users": lambda o: ["people", "user", "delete"],
    "wagtailusers_users:edit#superuser": lambda o: [o.users["superuser"].pk],
    "people_roster_apply": lambda o: [1],  # Import now is POST only; the id need not exist
    "wagtailsettings:edit": lambda o: ["records", "teamsettings"],
    "wagtailsettings:edit#instance": lambda o: ["records", "teamsettings", o.team_settings.pk],
    "wagtailsettings:preview_on_edit": lambda o: ["records", "teamsettings", o.team_settings.pk],
    "wagtailsettings:edit#retention": lambda o: ["records", "retentionsettings", o.retention_settings.pk],
    "partners_invitation_revoke": lambda o: [o.invitation.pk],
}
BULK_QUERY = "?next=/admin/users/&id={learner}"


def patterns():
    """Every URL pattern under /admin/ and /api/: (key, route, module, argument names)."""

    def walk(entries, prefix="", namespace=None):
        for entry in entries:
            if isinstance(entry, URLResolver):
                inner = namespace
                if entry.namespace:
                    inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                yield from walk(entry.url_patterns, prefix + str(entry.pattern), inner)
            elif isinstance(entry, URLPattern):
                route = prefix + str(entry.pattern)
                name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
                module = getattr(entry.callback, "__module__", "") or ""
                yield name or route, route, module, list(entry.pattern.regex.groupindex)

    return [p for p in walk(get_resolver().url_patterns) if p[1].startswith(("admin/", "api/", "^api/"))]


def is_ours(key, module):
    model = re.match(r"^wagtailsnippet(?:s|choosers)_([a-z]+)_", key)
    return module.split(".")[0] in OUR_APPS or bool(model and model.group(1) in OUR_APPS)


ROUTES = {key: (route, names) for key, route, _module, names in reversed(patterns())}


def url_for(key, o):
    base, _, query = key.partition("?")
    name = base.split("#")[0]
    route, names = ROUTES[name]
    if base in ARGS:
        url = reverse(name, args=ARGS[base](o))
    elif not names:
        url = reverse(name) if ":" in name or not name.startswith(("admin/", "api/")) else "/" + route
    else:
        namespace = name.split(":")[0]
        model = re.sub(r"^wagtailsnippet(?:s|choosers)_", "", namespace)
        kwargs = {}
        for arg in names:
            if arg == "pk":
                kwargs[arg] = getattr(o, PK_OBJECTS[model]).pk
            else:
                kwargs[arg] = BY_NAME[arg](o)
        url = reverse(name, kwargs=kwargs)
    if name == "wagtail_bulk_action":
        url += BULK_QUERY.format(learner=o.learner.pk)
    return url + (f"?{query}" if query else "")


def outcome(response):
    if response.status_code in (301, 302):
        location = response["Location"]
        if location.startswith("/admin/login/"):
            return "L"
        if location == "/admin/":
            return "D"
        return "R"
    return str(response.status_code)


def client_for(role, o):
    client = Client(raise_request_exception=False)
    if role != "anonymous":
        client.force_login(o.users[role])
    return client


def expected_row(text):
    answers = text.split()
    assert len(answers) == len(ROLES), f"a row needs {len(ROLES)} answers: {text!r}"
    return dict(zip(ROLES, answers, strict=True))


# --- The tests -----------------------------------------------------------------------------


def base_name(key):
    return key.split("?")[0].split("#")[0]


def test_every_admin_and_api_url_has_a_row():
    found = patterns()
    covered = {base_name(key) for key in [*ADMIN, *API]}
    missing = [
        f"{key}  (/{route}, {module})"
        for key, route, module, _names in found
        if key not in covered and not (key in WAGTAIL_CORE and not is_ours(key, module))
    ]
    assert not missing, (
        "URL patterns without a row in the permission matrix; add one line each to ADMIN (or API) "
        "in tests/elearning/test_permission_matrix.py:\n" + "\n".join(missing)
    )
    keys = {key for key, *_ in found}
    stale = sorted({base_name(key) for key in [*ADMIN, *API, *WAGTAIL_CORE]} - keys)
    assert not stale, f"rows for URL names that no longer exist: {stale}"


@pytest.mark.parametrize("role", ROLES)
def test_admin_matrix(objects, role):
    client = client_for(role, objects)
    wrong = []
    for key, answers in ADMIN.items():
        url = url_for(key, objects)
        got = outcome(client.get(url))
        if got != expected_row(answers)[role]:
            wrong.append(f"{key} ({url}): expected {expected_row(answers)[role]}, got {got}")
    assert not wrong, f"as {role}:\n" + "\n".join(wrong)


def partner_answers(key):
    return dict(zip(PARTNER_ROLES, PARTNER_ANSWERS.get(key, PARTNER_DEFAULT).split(), strict=True))


def test_partner_answers_name_admin_rows():
    assert set(PARTNER_ANSWERS) <= set(ADMIN)


@pytest.mark.parametrize("role", PARTNER_ROLES)
def test_admin_matrix_for_the_partner_roles(objects, role):
    client = client_for(role, objects)
    wrong = []
    for key in ADMIN:
        url = url_for(key, objects)
        got = outcome(client.get(url))
        if got != partner_answers(key)[role]:
            wrong.append(f"{key} ({url}): expected {partner_answers(key)[role]}, got {got}")
    assert not wrong, f"as {role}:\n" + "\n".join(wrong)


def site_outcome(response):
    if response.status_code in (301, 302) and response["Location"].startswith("/accounts/login/"):
        return "L"
    return str(response.status_code)


@pytest.mark.parametrize("role", [*ROLES, *PARTNER_ROLES])
def test_site_matrix(objects, role):
    client = client_for(role, objects)
    wrong = []
    for key, answers in SITE.items():
        name, _, query = key.partition("?")
        url = reverse(name) + (f"?{query}" if query else "")
        want = dict(zip([*ROLES, *PARTNER_ROLES], answers.split(), strict=True))[role]
        got = site_outcome(client.get(url))
        if got != want:
            wrong.append(f"{key}: expected {want}, got {got}")
    assert not wrong, f"as {role}:\n" + "\n".join(wrong)


def test_api_matrix(objects):
    superuser = Client()
    superuser.force_login(objects.users["superuser"])
    wrong = []
    for key, (scope, answers) in API.items():
        name, _, variant = key.partition("#")
        if key in API_URLS:
            url = API_URLS[key]
        elif name == "api:transcript":
            url = reverse(name, kwargs={"employee_id": objects.learner.employee_id})
        else:
            url = reverse(name)
        needed = scope if isinstance(scope, tuple) else (scope,)
        other = [s for s in scopes.ALL if s not in needed]
        clients = {
            "no-key": Client(),
            "other": KeyedClient(ApiClient.objects.create_key(name=f"other {key}", scopes=other)[1]),
            "right": KeyedClient(objects.api_key),
            "admin-session": superuser,
        }
        for (column, client), want in zip(clients.items(), answers.split(), strict=True):
            response = client.post(url) if variant == "post" else client.get(url)
            if str(response.status_code) != want:
                wrong.append(f"{key} ({url}) {column}: expected {want}, got {response.status_code}")
    assert not wrong, "\n".join(wrong)


# Superusers are not in the roles table: they see every item.
SUPERUSER_MENUS = {
    "reports/security-log",
    "settings/sign-in-lockouts",
    "settings/groups",
    "settings/redirects",
    "settings/locales",
    "settings/sites",
    "settings/collections",
    "settings/workflows",
    "settings/workflow-tasks",
}
GROUP_OF = {
    "editor": EDITORS,
    "reviewer": REVIEWERS,
    "manager": MANAGERS,
    "hr": HR_ADMINS,
    "partnerships": PARTNERSHIPS,
}


def menu_names(user):
    request = RequestFactory().get("/admin/")
    request.user = user

    def names(menu):
        found = []
        for item in menu.menu_items_for_request(request):
            found.append(item.name)
            if isinstance(item, SubmenuMenuItem):
                found += [f"{item.name}/{name}" for name in names(item.menu)]
        return found

    return {name for name in names(admin_menu) if not name.startswith("help/")}


@pytest.mark.parametrize("role", [*GROUP_OF, "superuser"])
def test_admin_menus_match_the_roles_table(objects, role):
    if role == "superuser":
        expected = set().union(*(set(r["menus"]) for r in ROLE_TABLE.values())) | SUPERUSER_MENUS
    else:
        expected = set(ROLE_TABLE[GROUP_OF[role]]["menus"])
    assert menu_names(objects.users[role]) == expected


@pytest.mark.skipif("not config.getoption('--matrix-record', default=False)")
def test_record(objects, capsys):
    """Prints the observed row of every candidate URL (to review before it goes in the table)."""
    keys = list(ADMIN)
    lines = []
    for key in keys:
        try:
            url = url_for(key, objects)
        except Exception as error:  # noqa: BLE001
            lines.append(f"# {key}: {error!r}")
            continue
        row = []
        for role in ROLES:
            row.append(outcome(client_for(role, objects).get(url)))
        module = next((m for k, _r, m, _n in patterns() if k == key.split("?")[0].split("#")[0]), "")
        lines.append(f'    {key!r:<70} "{"  ".join(f"{x:<4}" for x in row).rstrip()}",  # {module}')
    with capsys.disabled():
        print("\n".join(lines))


# --- The learner site for partner learners and signed-out visitors --------------------------

# Who may open what on the learner site, now that courses are shared (CoursePage.open_to):
# columns anonymous, staff, partner (a partner organisation's learner). Answers as above;
# L here is the site's sign-in page. "course#x" / "module#x": a course open to x and its module.
# fmt: off
LEARNER_SITE = {
    "partners:register":                  "200   R     R",
    "partners:check_inbox":               "200   200   200",
    "partners:join#invitation":           "200   R     R",
    "partners:join#unknown":              "404   R     R",
    "partners:verify#unknown":            "404   404   404",
    "course#staff":                       "L     200   404",
    "module#staff":                       "L     200   404",
    "course#partners":                    "L     200   200",
    "module#partners":                    "L     200   200",
    "course#public":                      "200   200   200",
    "module#public":                      "200   200   200",
    "catalogue":                          "200   200   200",
    "quizzes:course_complete#staff":      "L     R     404",
    "certificates:download#staff":        "L     404   404",
    "certificates:verify#staff":          "200   200   200",
    "dashboard":                          "L     200   200",
    "search":                             "L     200   200",
}
# fmt: on


@pytest.fixture
def learner_site(objects):
    from courses.models import CoursePage
    from tests.factories import make_course

    organisation = PartnerOrganisation.objects.create(name="Sections", email_domains=["sections.example"])
    pages = {"staff": (objects.course, objects.module)}
    for audience in (CoursePage.OpenTo.PARTNERS, CoursePage.OpenTo.PUBLIC):
        course = make_course(objects.catalogue, title=f"Open to {audience}", open_to=audience)
        pages[str(audience)] = (course, make_module(course, title=f"Inside {audience}"))
    _invitation, token = Invitation.create(organisation)
    users = {
        "staff": objects.users["staff"],
        "partner": UserFactory(username="pia", employee_id=None, partner_organisation=organisation),
    }
    urls = {
        "partners:register": reverse("partners:register"),
        "partners:check_inbox": reverse("partners:check_inbox"),
        "partners:join#invitation": reverse("partners:join", args=[token]),
        "partners:join#unknown": reverse("partners:join", args=["not-a-token"]),
        "partners:verify#unknown": reverse("partners:verify", args=["not-a-token"]),
        "catalogue": objects.catalogue.url,
        "quizzes:course_complete#staff": reverse("quizzes:course_complete", args=[objects.course.pk]),
        "certificates:download#staff": reverse(
            "certificates:download", args=[objects.completion.certificate_id]
        ),
        "certificates:verify#staff": reverse("certificates:verify", args=[objects.completion.certificate_id]),
        "dashboard": reverse("dashboard"),
        "search": reverse("search") + "?q=course",
    }
    for audience, (course, module) in pages.items():
        urls[f"course#{audience}"] = course.url
        urls[f"module#{audience}"] = module.url
    return users, urls


def learner_site_outcome(response):
    if response.status_code in (301, 302):
        return "L" if response["Location"].startswith("/accounts/login/") else "R"
    return str(response.status_code)


@pytest.mark.parametrize("role", ["anonymous", "staff", "partner"])
def test_learner_site_matrix(learner_site, role):
    users, urls = learner_site
    assert set(urls) == set(LEARNER_SITE)
    client = Client(raise_request_exception=False)
    if role != "anonymous":
        client.force_login(users[role])
    column = ["anonymous", "staff", "partner"].index(role)
    wrong = []
    for key, answers in LEARNER_SITE.items():
        got = learner_site_outcome(client.get(urls[key]))
        want = answers.split()[column]
        if got != want:
            wrong.append(f"{key} ({urls[key]}): expected {want}, got {got}")
    assert not wrong, f"as {role}:\n" + "\n".join(wrong)
