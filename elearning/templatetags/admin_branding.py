"""The platform's name in the Wagtail admin's frame (templates/wagtailadmin/)."""

from django import template
from django.conf import settings
from django.utils.translation import gettext

from elearning import permissions

register = template.Library()


@register.simple_tag
def admin_site_name():
    # WAGTAIL_SITE_NAME is also a message of the learner site, so it reads in the admin's language.
    return gettext(settings.WAGTAIL_SITE_NAME)


@register.simple_tag
def edits_pages(user):
    return permissions.edits_pages(user)
