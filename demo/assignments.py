"""Demo assignments: the influencers course for everyone, the storytelling course for the
demo manager's reporting line, so the team report has something to show on day one."""

from courses.models import CoursePage
from people.models import User
from records.models import AssignmentRule, Enrolment
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
    before = Enrolment.objects.count()
    apply_all_rules()
    added = Enrolment.objects.count() - before
    if added:
        report.record(f"{added} assigned enrolments", True)
