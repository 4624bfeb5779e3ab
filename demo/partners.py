"""The demo's partner organisation for ``manage.py seed_demo``: Digital Rights Network, whose
people register with an address at partners.example.org, one of its learners (the demo
account ``partner``), and the storytelling course shared with partner organisations.

Idempotent like the rest of the demo: what exists is left as it is."""

from django.db import transaction

from courses.models import CoursePage, TreeVersion
from people.models import PartnerOrganisation, User

ORGANISATION = {
    "name": "Digital Rights Network",
    "country": "Kenya",
    "email_domains": ["partners.example.org"],
}
LEARNER = {
    "username": "partner",
    "email": "partner@partners.example.org",
    "full_name": "Wanjiru Kamau",
    "preferred_language": "en",
    "country": "Kenya",
}
SHARED_COURSE_CODE = "STO-101"
ROLE = "Partner learner (Digital Rights Network)"


def ensure_demo_partners(password, reset_passwords, report):
    """Returns the login row of the partner learner, as the organisation's accounts do."""
    organisation, created = PartnerOrganisation.objects.get_or_create(
        name=ORGANISATION["name"], defaults=ORGANISATION
    )
    report.record(f"partner organisation {organisation.name}", created)
    user = User.objects.filter(username=LEARNER["username"]).first()
    created = user is None
    if created:
        user = User(partner_organisation=organisation, **LEARNER)
        user.set_password(password)
        user.save()
    elif reset_passwords:
        user.set_password(password)
        user.save(update_fields=["password"])
    report.record(f"partner learner {user.username}", created)
    _share_course(report)
    shown = (
        password
        if created or reset_passwords or user.check_password(password)
        else ("(set earlier: --password resets it)")
    )
    return LEARNER["username"], ROLE, shown


def _share_course(report):
    # The course and its translations together (they share who it is open to), without a new
    # revision: the demo's translations stay exactly as far behind their source as they are.
    # Their revisions say so too, so the editor shows it and a later publish keeps it.
    partners = CoursePage.OpenTo.PARTNERS
    with transaction.atomic():
        courses = list(CoursePage.objects.filter(course_code=SHARED_COURSE_CODE).exclude(open_to=partners))
        for course in courses:
            for revision in {course.latest_revision, course.live_revision} - {None}:
                revision.content["open_to"] = str(partners)
                revision.save(update_fields=["content"])
        changed = CoursePage.objects.filter(pk__in=[course.pk for course in courses]).update(open_to=partners)
        if changed:
            TreeVersion.objects.bump()
    report.record(f"course {SHARED_COURSE_CODE} open to partner organisations", bool(changed))
