from django import template

from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from people.admin_access import may_access_admin

register = template.Library()


def _may_use_admin(context):
    """The cached answer (people.admin_access), asked once per request however many times a
    page wants it (the header's Admin link and the toolbar)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        return False
    if not hasattr(request, "_may_use_admin"):
        request._may_use_admin = may_access_admin(user)
    return request._may_use_admin


@register.simple_tag(takes_context=True)
def admin_userbar(context, position="bottom-right"):
    """Wagtail's ``{% wagtailuserbar %}``, for the people who may use the admin. Wagtail reads
    the person's permissions from the database on every page to decide that; this asks the
    cache first (people.admin_access), so learners pay no query for a toolbar they never see."""
    if not _may_use_admin(context):
        return ""
    return wagtailuserbar(context, position)


@register.simple_tag(takes_context=True)
def may_use_admin(context):
    """Whether the learner site links to the admin: for the same people as the toolbar."""
    return _may_use_admin(context)
