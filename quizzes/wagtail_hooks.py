from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from quizzes.reports.item_analysis import ItemAnalysisView

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


@hooks.register("insert_global_admin_css")
def admin_css():
    """Our admin screens' styles as a file (static/css/admin.css): no style="" of ours."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
