from django import template

from people.focal_points import focal_organisation

register = template.Library()


@register.simple_tag(takes_context=True)
def is_focal_point(context):
    """Whether the signed-in person sees their organisation's report (the site menu links it).
    Staff pay no query: only a partner learner can be a focal point."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not getattr(user, "partner_organisation_id", None):
        return False
    return focal_organisation(user) is not None
