"""Yes or No, in the reader's language, wherever the admin shows a true/false value: a
listing's cell, a filter's chip, an inspect page's field. Wagtail prints Python's ``True`` and
``False`` in those places (or an icon titled so). Registered once for every screen
(``ElearningConfig.ready``); the cells are the templates under templates/wagtailadmin/tables/."""

from django.db import models
from django.utils.html import conditional_escape
from django.utils.translation import gettext

from wagtail.admin.active_filters import ActiveFilter, BaseFilterAdapter, register_filter_adapter_class
from wagtail.admin.ui.fields import BaseFieldDisplay, register_display_class

import django_filters


def yes_no(value):
    """ "Yes", "No", or "" when the value is unknown (None)."""
    if value is None:
        return ""
    return gettext("Yes") if value else gettext("No")


class YesNoDisplay(BaseFieldDisplay):
    """A boolean field on an inspect page."""

    def render_html(self, parent_context=None):
        return conditional_escape(yes_no(self.value) or "—")


class YesNoFilterAdapter(BaseFilterAdapter):
    """The chip of an active yes/no filter ("Revoked: Yes", not "Revoked: True")."""

    def get_active_filters(self):
        yield ActiveFilter(
            self.bound_field.auto_id,
            self.filter.label,
            yes_no(self.value),
            self.get_url_without_filter_param(self.name),
        )


def register():
    register_display_class(models.BooleanField, display_class=YesNoDisplay)
    register_filter_adapter_class(django_filters.BooleanFilter, YesNoFilterAdapter)
