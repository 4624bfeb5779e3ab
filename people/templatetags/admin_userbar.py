from django import template

from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from people.admin_access import may_access_admin

register = template.Library()


@register.simple_tag(takes_context=True)
def admin_userbar(context, position="bottom-right"):
    """Wagtail's ``{% wagtailuserbar %}``, for the people who may use the admin. Wagtail reads
    the person's permissions from the database on every page to decide that; this asks the
    cache first (people.admin_access), so learners pay no query for a toolbar they never see."""
    user = getattr(context.get("request"), "user", None)
    if user is None or not may_access_admin(user):
        return ""
    return wagtailuserbar(context, position)


@register.simple_tag(takes_context=True)
def may_use_admin(context):
    """Whether to link to the admin from the learner site: the same cached answer as the toolbar."""
    user = getattr(context.get("request"), "user", None)
    return user is not None and may_access_admin(user)
