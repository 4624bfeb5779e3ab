"""The banner in the page editor of a translation that is behind its source."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel

from courses.models.translations import lagging_base


class TranslationLagPanel(Panel):
    """Shown only on a translation whose source changed since it was last published: what
    changed (blocks by position, the quiz, other fields), since when, and a link to Wagtail's
    comparison of the two source revisions. A panel rather than a script: the admin's
    Content-Security-Policy allows no inline script."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Translation behind its source"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "courses/admin/translation_lag_panel.html"

        @cached_property
        def lag(self):
            return lagging_base(self.instance)

        def is_shown(self):
            return self.lag is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["lag"] = self.lag
            context["changes"] = self.lag.changes if self.lag else None
            return context
