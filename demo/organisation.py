"""The demo organisation for ``manage.py seed_demo``: departments, offices, about thirty
staff with a reporting line four levels deep, and the demo accounts people sign in with.

Everyone is fictional. People are looked up by username or employee ID and only created
when missing, so a second run changes nothing. Only the demo accounts can sign in (with
the demo password); everyone else has an unusable password."""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q

from people.models import Department, User
from people.roles import EDITORS, HR_ADMINS, MANAGERS, REVIEWERS

DEFAULT_PASSWORD = "learn-demo-2026"  # noqa: S105 -- the documented demo password
EMAIL_DOMAIN = "example.org"

LEADERSHIP = "Senior Leadership"
CAMPAIGNS = "Campaigns"
COMMUNICATIONS = "Communications"
RESEARCH = "Research"
YOUTH = "Youth Engagement"
PEOPLE = "People & Culture"
EAST_AFRICA = "Regional Office: East Africa"
AMERICAS = "Regional Office: Americas"
MENA = "Regional Office: Middle East and North Africa"
WEST_AFRICA = "Regional Office: West and Central Africa"
ASIA = "Regional Office: East and Southeast Asia"
DEPARTMENTS = (
    LEADERSHIP,
    CAMPAIGNS,
    COMMUNICATIONS,
    RESEARCH,
    YOUTH,
    PEOPLE,
    EAST_AFRICA,
    AMERICAS,
    MENA,
    WEST_AFRICA,
    ASIA,
)

# Offices, by their airport codes.
LON = "United Kingdom (London)"
NBO = "Kenya (Nairobi)"
MEX = "Mexico (Mexico City)"
BEY = "Lebanon (Beirut)"
DKR = "Senegal (Dakar)"
BKK = "Thailand (Bangkok)"

# The people behind the demo accounts. Everyone else gets the username first.last and an
# unusable password.
DEMO_USERNAMES = {"E1003": "hr", "E1010": "manager", "E1020": "staff", "E1030": "editor", "E1031": "reviewer"}


@dataclass(frozen=True)
class Person:
    employee_id: str
    full_name: str
    department: str
    country: str
    language: str
    manager: str | None  # the manager's employee ID
    start: date
    groups: tuple
    active: bool

    @property
    def email_name(self):
        return self.full_name.lower().replace(" ", ".").translate(str.maketrans("áéíóúñç", "aeiounc"))

    @property
    def email(self):
        return f"{self.email_name}@{EMAIL_DOMAIN}"

    @property
    def username(self):
        return DEMO_USERNAMES.get(self.employee_id, self.email_name)


def _person(employee_id, full_name, department, country, language, manager, start, *groups, active=True):
    return Person(
        employee_id,
        full_name,
        department,
        country,
        language,
        manager,
        date.fromisoformat(start),
        groups,
        active,
    )


# Managers come before the people who report to them. The line from the demo learner up:
# staff (E1020) > manager (E1010) > director of campaigns (E1002) > deputy secretary general (E1001).
STAFF = (
    _person("E1001", "Sofia Marchetti", LEADERSHIP, LON, "en", None, "2012-09-03", MANAGERS),
    _person("E1002", "Daniel Osei", CAMPAIGNS, LON, "en", "E1001", "2016-02-01", MANAGERS),
    _person("E1003", "Priya Raman", PEOPLE, LON, "en", "E1001", "2018-05-14", HR_ADMINS, MANAGERS),
    _person("E1004", "Hannah Whitfield", COMMUNICATIONS, LON, "en", "E1002", "2017-11-06", MANAGERS),
    _person("E1005", "Rafael Costa", RESEARCH, LON, "en", "E1001", "2015-04-20", MANAGERS),
    _person("E1006", "Wanjiku Kamau", YOUTH, NBO, "en", "E1002", "2019-01-07", MANAGERS),
    _person("E1007", "Esther Njoroge", EAST_AFRICA, NBO, "en", "E1001", "2014-06-02", MANAGERS),
    _person("E1008", "Valentina Herrera", AMERICAS, MEX, "es", "E1001", "2016-08-15", MANAGERS),
    _person("E1009", "Karim Mansour", MENA, BEY, "ar", "E1001", "2013-10-01", MANAGERS),
    _person("E1011", "Mamadou Fall", WEST_AFRICA, DKR, "fr", "E1001", "2017-03-13", MANAGERS),
    _person("E1012", "Naree Wongsakul", ASIA, BKK, "en", "E1001", "2018-09-24", MANAGERS),
    # The demo manager and her team: Digital Mobilisation, in Campaigns.
    _person("E1010", "Lucía Fernández", CAMPAIGNS, MEX, "es", "E1002", "2019-07-01", MANAGERS),
    _person("E1020", "Jordan Achieng", CAMPAIGNS, NBO, "en", "E1010", "2025-10-06"),
    _person("E1021", "Mateo Ruiz", CAMPAIGNS, MEX, "es", "E1010", "2021-03-01"),
    _person("E1022", "Nour Haddad", CAMPAIGNS, BEY, "ar", "E1010", "2022-01-10"),
    _person("E1023", "Awa Ndiaye", CAMPAIGNS, DKR, "fr", "E1010", "2020-11-02"),
    _person("E1024", "Kanya Srisuk", CAMPAIGNS, BKK, "en", "E1010", "2023-05-15"),
    _person("E1025", "Tom Gallagher", CAMPAIGNS, LON, "en", "E1010", "2026-09-01"),
    # Communications, where the course editor and reviewer sit. E1033 has left.
    _person("E1030", "Grace Wanjiru", COMMUNICATIONS, NBO, "en", "E1004", "2020-02-17", EDITORS),
    _person("E1031", "Élodie Martin", COMMUNICATIONS, DKR, "fr", "E1004", "2018-04-09", REVIEWERS),
    _person("E1032", "Samir Aoun", COMMUNICATIONS, BEY, "ar", "E1004", "2021-08-30"),
    _person("E1033", "James Holloway", COMMUNICATIONS, LON, "en", "E1004", "2015-01-12", active=False),
    _person("E1040", "Mariam Sabbagh", RESEARCH, BEY, "ar", "E1005", "2019-10-21"),
    _person("E1041", "Siriporn Chaiyaphum", RESEARCH, BKK, "en", "E1005", "2020-06-01"),
    _person("E1042", "Ibrahima Sow", RESEARCH, DKR, "fr", "E1005", "2022-09-05"),
    _person("E1050", "Brian Otieno", YOUTH, NBO, "en", "E1006", "2021-01-18"),
    _person("E1051", "Fatou Diallo", YOUTH, DKR, "fr", "E1006", "2023-02-06"),
    _person("E1052", "Carlos Mendoza", YOUTH, MEX, "es", "E1006", "2024-04-22"),
    _person("E1053", "Lina Khoury", YOUTH, BEY, "ar", "E1006", "2025-03-03"),
    _person("E1060", "Oliver Bennett", PEOPLE, LON, "en", "E1003", "2021-11-15"),
    _person("E1061", "Zainab Yusuf", PEOPLE, NBO, "en", "E1003", "2024-01-08"),
    _person("E1070", "Peter Mutua", EAST_AFRICA, NBO, "en", "E1007", "2016-05-09"),
    _person("E1071", "Diego Ramírez", AMERICAS, MEX, "es", "E1008", "2020-10-12"),
    _person("E1072", "Rania Aziz", MENA, BEY, "ar", "E1009", "2018-02-26"),
    _person("E1073", "Aminata Ba", WEST_AFRICA, DKR, "fr", "E1011", "2022-06-20"),
    _person("E1074", "Arthit Phromma", ASIA, BKK, "en", "E1012", "2023-08-14"),
)

# The accounts people sign in with, in the order the login table lists them.
DEMO_ROLES = {
    "staff": "Learner (reports to manager)",
    "manager": "Manager: sees their team's training",
    "editor": "Editor: writes course content",
    "reviewer": "Reviewer: approves and publishes",
    "hr": "HR / learning admin",
    "admin": "Superuser",
}
SUPERUSER = {"username": "admin", "email": f"admin@{EMAIL_DOMAIN}", "full_name": "Learning Hub administrator"}


@transaction.atomic
def ensure_demo_organisation(password=DEFAULT_PASSWORD, reset_passwords=False, report=None):
    """Departments, staff and demo accounts. Returns the login table's rows:
    (username, role, password or a note that it was set earlier)."""
    departments = {name: _ensure_department(name, report) for name in DEPARTMENTS}
    people = {}
    accounts = {}
    for person in STAFF:
        user, created = _ensure_person(person, departments, people, password)
        people[person.employee_id] = user
        if person.username in DEMO_ROLES:
            accounts[person.username] = (user, created)
        _record(report, f"staff member {person.employee_id} {person.username}", created)
    accounts["admin"] = _ensure_superuser(password, report)
    return [_login_row(username, *accounts[username], password, reset_passwords) for username in DEMO_ROLES]


def _record(report, label, created):
    if report is not None:
        report.record(label, created)


def _ensure_department(name, report):
    department, created = Department.objects.get_or_create(name=name)
    _record(report, f"department {name}", created)
    return department


def _ensure_person(person, departments, people, password):
    user = User.objects.filter(Q(username=person.username) | Q(employee_id=person.employee_id)).first()
    if user is not None:
        return user, False
    user = User(
        username=person.username,
        employee_id=person.employee_id,
        email=person.email,
        full_name=person.full_name,
        department=departments[person.department],
        country=person.country,
        preferred_language=person.language,
        manager=_manager(person, people),
        start_date=person.start,
        is_active=person.active,
    )
    _set_password(user, password if person.username in DEMO_ROLES else None)
    user.save()
    user.groups.add(*(Group.objects.get_or_create(name=name)[0] for name in person.groups))
    return user, True


def _manager(person, people):
    if person.manager is None:
        return None
    return people.get(person.manager) or User.objects.filter(employee_id=person.manager).first()


def _ensure_superuser(password, report):
    user = User.objects.filter(username=SUPERUSER["username"]).first()
    created = user is None
    if created:
        user = User(is_staff=True, is_superuser=True, **SUPERUSER)
        _set_password(user, password)
        user.save()
    _record(report, "superuser admin", created)
    return user, created


def _set_password(user, password):
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)


def _login_row(username, user, created, password, reset_passwords):
    if reset_passwords and not created:
        user.set_password(password)
        user.save(update_fields=["password"])
    if created or reset_passwords or user.check_password(password):
        shown = password
    else:
        shown = "(set earlier: --password resets it)"
    return username, DEMO_ROLES[username], shown
