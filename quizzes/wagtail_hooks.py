from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from quizzes.models import CourseCompletion
from quizzes.reports.item_analysis import ItemAnalysisView
from quizzes.viewsets import REVOKE_LOG_ACTION, CompletionPermissionPolicy, CourseCompletionViewSet

# Registered first, before anything asks Wagtail for CourseCompletion's policy.
register_permission_policy(CourseCompletion, CompletionPermissionPolicy(CourseCompletion))
register_snippet(CourseCompletionViewSet)


report_urls = [
    path("", ItemAnalysisView.as_view(), name="item_analysis"),
    path("results/", ItemAnalysisView.as_view(results_only=True), name="item_analysis_results"),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/quiz-items/", include((report_urls, "quizzes_reports")))]


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


@hooks.register("register_log_actions")
def register_revoke_log_action(actions):
    actions.register_action(REVOKE_LOG_ACTION, _("Revoke completion"), _("Course completion revoked"))
