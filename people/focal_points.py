"""Focal points: members of a partner organisation listed in its ``focal_points``, who see
their organisation's completion report (records.reports.partner_completion) on the learner
site. They get no admin access: the report and its CSV/XLSX are all they need."""

from people.models import PartnerOrganisation


def focal_organisation(user):
    """The organisation ``user`` is a focal point of, or None. Only a member can be one: a
    focal point moved to another organisation (or made staff) stops seeing the old one."""
    if not user.is_authenticated or not user.is_active or not user.partner_organisation_id:
        return None
    return PartnerOrganisation.objects.filter(pk=user.partner_organisation_id, focal_points=user).first()
