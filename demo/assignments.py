"""Demo assignments: the influencers course for everyone, the storytelling course for the
demo manager's reporting line, so the team report has something to show on day one."""

from datetime import timedelta

from django.utils import timezone

from courses.models import CoursePage
from people.models import User
from records.models import AssignmentRule, Enrolment
from records.models.sync import stamped_update
from records.services.assignments import apply_all_rules

DEMO_RULES = [
    {"course_code": "INF-101", "target": AssignmentRule.Target.EVERYONE, "due_days": 30},
    {
        "course_code": "STO-101",
        "target": AssignmentRule.Target.REPORTING_LINE,
        "manager": "manager",
        "due_days": 60,
    },
]


# The demo manager's line on STO-101, when first assigned: due dates (days from the seed)
# that give the manager's dashboard something overdue and something due soon.
DEMO_DEADLINES = {"E1025": -6, "E1024": -2, "E1020": 10}


def ensure_demo_assignments(report):
    for spec in DEMO_RULES:
        course = CoursePage.objects.get(course_code=spec["course_code"], locale__language_code="en")
        manager = User.objects.get(username=spec["manager"]) if spec.get("manager") else None
        _rule, created = AssignmentRule.objects.get_or_create(
            course=course,
            target=spec["target"],
            manager=manager,
            defaults={"due_days": spec["due_days"]},
        )
        report.record(f"assignment rule: {course.course_code} for {spec['target']}", created)
    existing = set(Enrolment.objects.values_list("pk", flat=True))
    apply_all_rules()
    added = Enrolment.objects.exclude(pk__in=existing)
    if added.exists():
        report.record(f"{added.count()} assigned enrolments", True)
    today = timezone.localdate()
    for employee_id, days in DEMO_DEADLINES.items():
        stamped_update(
            added.filter(course_code="STO-101", user__employee_id=employee_id),
            due_date=today + timedelta(days=days),
        )
