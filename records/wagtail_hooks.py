from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, re_path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.widgets import Button
from wagtail.contrib.settings.registry import register_setting
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView as SnippetCreateView
from wagtail.snippets.views.snippets import EditView as SnippetEditView
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.models import CoursePage, HomePage, ModulePage
from courses.models.pages import LEARNER_PAGE_CONTEXT
from elearning.permissions import PermissionCheckedChooserViewSet
from people.lines import sees_everyone
from people.partner_admin import can_manage_partners
from people.viewsets import STAFF_HEADER_BUTTONS_HOOK
from quizzes.views.quiz import QUIZ_RESULT_CONTEXT
from records.forms import AssignmentRuleForm
from records.models import AssignmentRule, CourseCompletion, RetentionSettings, TeamSettings
from records.panels import panels_for
from records.privacy.erasure import can_erase, is_erased
from records.privacy.export import can_export
from records.reports.organisation import OrganisationView
from records.reports.partner_completion import PartnerCompletionView
from records.reports.retention import DueForErasureView
from records.reports.team_completion import TeamCompletionView
from records.reports.transcript import TranscriptView
from records.services import learner
from records.services.assignments import apply_rule
from records.views.erasure import ErasePersonView
from records.views.privacy import export_person_data
from records.views.team import AssignView, RemindView
from records.viewsets import REVOKE_LOG_ACTION, CompletionPermissionPolicy, CourseCompletionViewSet

# Registered first, before anything asks Wagtail for CourseCompletion's policy.
register_permission_policy(CourseCompletion, CompletionPermissionPolicy(CourseCompletion))
register_snippet(CourseCompletionViewSet)


class AppliesRuleOnSave:
    """A rule applies as soon as it is saved, so HR admins see its enrolments at once;
    ``manage.py daily_learning`` and every roster import then pick up new joiners."""

    def save_instance(self):
        rule = super().save_instance()
        if rule.active:
            enrolled = apply_rule(rule)
            messages.info(
                self.request,
                ngettext(
                    "Rule applied: %(count)d person enrolled.",
                    "Rule applied: %(count)d people enrolled.",
                    enrolled,
                )
                % {"count": enrolled},
            )
        return rule


class AssignmentRuleCreateView(AppliesRuleOnSave, SnippetCreateView):
    pass


class AssignmentRuleEditView(AppliesRuleOnSave, SnippetEditView):
    pass


class AssignmentRuleViewSet(SnippetViewSet):
    """HR admins assign courses (records.add/change/view_assignmentrule). Applied when
    saved and daily by ``manage.py daily_learning``; deactivating a rule keeps the
    enrolments it made."""

    model = AssignmentRule
    chooser_viewset_class = PermissionCheckedChooserViewSet
    add_view_class = AssignmentRuleCreateView
    edit_view_class = AssignmentRuleEditView
    icon = "date"
    menu_label = _("Assignment rules")
    add_to_admin_menu = True
    menu_order = 420
    copy_view_enabled = False
    list_display = ["course_title", "target_display", "due_display", "recurring", "active"]
    list_filter = ["target", "recurring", "active"]
    search_fields = ["course_code", "course_title", "country"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("course", widget=forms.Select),  # courses by code: records/forms.py
            MultiFieldPanel(
                [
                    FieldPanel("target"),
                    FieldPanel("department"),
                    FieldPanel("country"),
                    FieldPanel("manager"),
                ],
                heading=_("Assign to"),
            ),
            FieldRowPanel([FieldPanel("due_days"), FieldPanel("due_from")], heading=_("Due")),
            FieldPanel("recurring"),
            FieldPanel("active"),
        ],
        base_form_class=AssignmentRuleForm,
    )


register_snippet(AssignmentRuleViewSet)


# Manager and HR reports: each view scopes its rows to the people the user may see.
staff_report_urls = [
    path("team-completion/", TeamCompletionView.as_view(), name="team_completion"),
    path(
        "team-completion/results/",
        TeamCompletionView.as_view(results_only=True),
        name="team_completion_results",
    ),
    path("transcript/<int:user_id>/", TranscriptView.as_view(), name="transcript"),
    path(
        "transcript/<int:user_id>/results/",
        TranscriptView.as_view(results_only=True),
        name="transcript_results",
    ),
    path("organisation/", OrganisationView.as_view(), name="organisation"),
    path("organisation/results/", OrganisationView.as_view(results_only=True), name="organisation_results"),
    path("due-for-erasure/", DueForErasureView.as_view(), name="due_for_erasure"),
    path(
        "due-for-erasure/results/",
        DueForErasureView.as_view(results_only=True),
        name="due_for_erasure_results",
    ),
    # Every partner organisation's learners (HR admins and Partnerships).
    path("partner-completion/", PartnerCompletionView.as_view(), name="partner_completion"),
    path(
        "partner-completion/results/",
        PartnerCompletionView.as_view(results_only=True),
        name="partner_completion_results",
    ),
]


@hooks.register("register_admin_urls")
def register_staff_report_urls():
    return [path("reports/", include((staff_report_urls, "staff_reports")))]


@hooks.register("construct_homepage_panels")
def add_training_panels(request, panels):
    """A manager's team panel or an HR admin's organisation panel (records.panels)."""
    panels.extend(panels_for(request.user))


# A manager's actions on their reporting line, from the team panel (records.views.team).
team_action_urls = [
    path("remind/", RemindView.as_view(), name="remind"),
    path("assign/", AssignView.as_view(), name="assign"),
]


@hooks.register("register_admin_urls")
def register_team_action_urls():
    return [path("team/", include((team_action_urls, "team_actions")))]


# HR admins decide whether managers may assign courses (Settings › Team settings).
register_setting(TeamSettings, icon="group")
# HR admins decide how long leavers' personal data is kept (Settings › Data retention).
register_setting(RetentionSettings, icon="time")


@hooks.register("register_admin_urls")
def register_erasure_urls():
    """*Erase personal data…* of a staff member (records.views.erasure)."""
    return [path("staff/<int:user_id>/erase/", ErasePersonView.as_view(), name="records_erase_person")]


@hooks.register(STAFF_HEADER_BUTTONS_HOOK)
def erase_person_button(user, request_user):
    """On a staff member's admin page (people.viewsets.StaffEditView), for HR admins."""
    person = user
    if not can_erase(request_user) or is_erased(person) or person.is_superuser:
        return []
    return [
        Button(
            _("Erase personal data…"),
            url=reverse("records_erase_person", args=[person.pk]),
            icon_name="warning",
            priority=60,
        )
    ]


class DueForErasureMenuItem(MenuItem):
    def is_shown(self, request):
        return can_erase(request.user)


@hooks.register("register_reports_menu_item")
def register_due_for_erasure_menu_item():
    return DueForErasureMenuItem(
        _("Due for erasure"),
        reverse("staff_reports:due_for_erasure"),
        name="due-for-erasure",
        icon_name="warning",
        order=1330,
    )


class TeamCompletionMenuItem(MenuItem):
    def is_shown(self, request):
        return TeamCompletionView.permission_policy.user_has_permission(request.user, "view")


class OrganisationMenuItem(MenuItem):
    def is_shown(self, request):
        return sees_everyone(request.user)


@hooks.register("register_reports_menu_item")
def register_team_completion_menu_item():
    return TeamCompletionMenuItem(
        _("Team completion"),
        reverse("staff_reports:team_completion"),
        name="team-completion",
        icon_name="group",
        order=1310,
    )


class PartnerCompletionMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_partners(request.user)


@hooks.register("register_reports_menu_item")
def register_partner_completion_menu_item():
    return PartnerCompletionMenuItem(
        _("Partner completion"),
        reverse("staff_reports:partner_completion"),
        name="partner-completion",
        icon_name="globe",
        order=1325,
    )


@hooks.register("register_reports_menu_item")
def register_organisation_menu_item():
    return OrganisationMenuItem(
        _("Organisation overview"),
        reverse("staff_reports:organisation"),
        name="organisation-overview",
        icon_name="site",
        order=1320,
    )


@hooks.register("register_log_actions")
def register_revoke_log_action(actions):
    actions.register_action(REVOKE_LOG_ACTION, _("Revoke completion"), _("Course completion revoked"))


def _moved_snippet(request, *args):
    return redirect(
        request.get_full_path().replace("/snippets/quizzes/", "/snippets/records/", 1), permanent=True
    )


@hooks.register("register_admin_urls")
def register_moved_snippet_urls():
    """Completions and assignment rules were snippets of the quizzes app: old bookmarks
    still lead to them."""
    return [
        re_path(f"^snippets/quizzes/{model}/", _moved_snippet, name=f"records_moved_{model}")
        for model in ("coursecompletion", "assignmentrule")
    ]


@hooks.register(LEARNER_PAGE_CONTEXT)
def learner_page_context(request, page, context):
    """The signed-in person's learning on the home, a course or a module page
    (courses.models.pages)."""
    if isinstance(page, HomePage):
        return {"my_courses": learner.home_page_courses(request.user, request)}
    if isinstance(page, CoursePage):
        return {
            "learning": learner.course_state(
                request.user, page, context["modules"], context["required_modules"], context["prerequisites"]
            )
        }
    if isinstance(page, ModulePage) and not getattr(request, "is_preview", False):
        return learner.module_page_context(request.user, page, context["course"])
    return {}


@hooks.register(QUIZ_RESULT_CONTEXT)
def quiz_result_context(request, attempt, context):
    """What the person can do next with the quiz, in their current cycle of the course."""
    course = context["course"]
    if course is None:
        return {}
    context = {"quiz": learner.quiz_state(request.user, attempt.module, course)}
    if attempt.passed:
        # A pass may have completed the course: say so, with the certificate.
        context.update(learner.course_complete_context(request.user, course))
    return context


# A person's data (records.privacy.export): HR admins' *Export personal data*, on the staff
# member's page and in the staff list's "More" menu.
@hooks.register("register_admin_urls")
def register_personal_data_urls():
    return [path("staff/<int:user_id>/personal-data/", export_person_data, name="records_export_person")]


def _export_button(user, request_user, priority):
    if not can_export(request_user, user):
        return []
    return [
        Button(
            _("Export personal data"),
            url=reverse("records_export_person", args=[user.pk]),
            icon_name="download",
            priority=priority,
            attrs={"download": ""},
        )
    ]


@hooks.register(STAFF_HEADER_BUTTONS_HOOK)
def staff_page_export_button(user, request_user):
    return _export_button(user, request_user, priority=40)


@hooks.register("register_user_listing_buttons")
def staff_list_export_button(user, request_user):
    return _export_button(user, request_user, priority=50)
