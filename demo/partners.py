"""The demo's partner organisation for ``manage.py seed_demo``: Digital Rights Network, whose
people register with an address at partners.example.org, one of its learners (the demo
account ``partner``), its focal point (``focal``), the staff member who looks after partner
organisations (``partnerships``), and the storytelling course shared with partner organisations.

Idempotent like the rest of the demo: what exists is left as it is."""

from django.contrib.auth.models import Group
from django.db import transaction

from courses.models import CoursePage, TreeVersion
from people.models import PartnerOrganisation, User
from people.roles import PARTNERSHIPS

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
FOCAL_POINT = {
    "username": "focal",
    "email": "focal@partners.example.org",
    "full_name": "Amani Otieno",
    "preferred_language": "en",
    "country": "Kenya",
}
PARTNERSHIPS_STAFF = {
    "username": "partnerships",
    "email": "partnerships@example.org",
    "full_name": "Lucía Fernández",
    "preferred_language": "es",
    "country": "Madrid",
}
SHARED_COURSE_CODE = "STO-101"
ROLE = "Partner learner (Digital Rights Network)"
FOCAL_ROLE = "Focal point: Digital Rights Network's report"
PARTNERSHIPS_ROLE = "Partnerships: partner organisations"


def ensure_demo_partners(password, reset_passwords, report):
    """Returns the login rows of the partner learner, the focal point and Partnerships, as
    the organisation's accounts do."""
    organisation, created = PartnerOrganisation.objects.get_or_create(
        name=ORGANISATION["name"], defaults=ORGANISATION
    )
    report.record(f"partner organisation {organisation.name}", created)
    learner = _account(LEARNER, password, reset_passwords, report, partner_organisation=organisation)
    focal = _account(FOCAL_POINT, password, reset_passwords, report, partner_organisation=organisation)
    if not organisation.focal_points.filter(pk=focal[0].pk).exists():
        organisation.focal_points.add(focal[0])
    staff = _account(PARTNERSHIPS_STAFF, password, reset_passwords, report)
    staff[0].groups.add(Group.objects.get_or_create(name=PARTNERSHIPS)[0])
    _share_course(report)
    return [
        _login_row(*learner, ROLE, password, reset_passwords),
        _login_row(*focal, FOCAL_ROLE, password, reset_passwords),
        _login_row(*staff, PARTNERSHIPS_ROLE, password, reset_passwords),
    ]


def _account(fields, password, reset_passwords, report, **extra):
    user = User.objects.filter(username=fields["username"]).first()
    created = user is None
    if created:
        user = User(**fields, **extra)
        user.set_password(password)
        user.save()
    elif reset_passwords:
        user.set_password(password)
        user.save(update_fields=["password"])
    label = "partner learner" if extra else "staff member"
    report.record(f"{label} {user.username}", created)
    return user, created


def _login_row(user, created, role, password, reset_passwords):
    shown = (
        password
        if created or reset_passwords or user.check_password(password)
        else ("(set earlier: --password resets it)")
    )
    return user.username, role, shown


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
