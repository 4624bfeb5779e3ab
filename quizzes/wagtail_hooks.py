from django.contrib import messages
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView as SnippetCreateView
from wagtail.snippets.views.snippets import EditView as SnippetEditView
from wagtail.snippets.views.snippets import SnippetViewSet

from elearning.permissions import PermissionCheckedChooserViewSet
from people.lines import sees_everyone
from quizzes.models import AssignmentRule, CourseCompletion
from quizzes.reports.item_analysis import ItemAnalysisView
from quizzes.reports.organisation import OrganisationView
from quizzes.reports.team_completion import TeamCompletionView
from quizzes.reports.transcript import TranscriptView
from quizzes.services.assignments import apply_rule
from quizzes.viewsets import REVOKE_LOG_ACTION, CompletionPermissionPolicy, CourseCompletionViewSet

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
    """HR admins assign courses (quizzes.add/change/view_assignmentrule). Applied when
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
    panels = [
        FieldPanel("course"),  # a page chooser limited to courses (the FK's target model)
        MultiFieldPanel(
            [FieldPanel("target"), FieldPanel("department"), FieldPanel("country"), FieldPanel("manager")],
            heading=_("Assign to"),
        ),
        FieldRowPanel([FieldPanel("due_days"), FieldPanel("due_from")], heading=_("Due")),
        FieldPanel("recurring"),
        FieldPanel("active"),
    ]


register_snippet(AssignmentRuleViewSet)


report_urls = [
    path("", ItemAnalysisView.as_view(), name="item_analysis"),
    path("results/", ItemAnalysisView.as_view(results_only=True), name="item_analysis_results"),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/quiz-items/", include((report_urls, "quizzes_reports")))]


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
]


@hooks.register("register_admin_urls")
def register_staff_report_urls():
    return [path("reports/", include((staff_report_urls, "staff_reports")))]


class ItemAnalysisMenuItem(MenuItem):
    def is_shown(self, request):
        return ItemAnalysisView.permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def register_item_analysis_menu_item():
    return ItemAnalysisMenuItem(
        _("Quiz item analysis"),
        reverse("quizzes_reports:item_analysis"),
        name="quiz-item-analysis",
        icon_name="help",
        order=1300,
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


@hooks.register("insert_global_admin_css")
def admin_css():
    """Our admin screens' styles as a file (static/css/admin.css): no style="" of ours."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
