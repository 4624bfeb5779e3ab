"""Demo training history: a few people who already completed the influencers course, one
of those completions revoked, so the reports, the HR API and its webhooks have records to
show on a fresh ``make run``. Everything goes through the same services as a real
learner's clicks (attempts scored on the server, completions recorded by the rules)."""

from datetime import timedelta

from django.utils import timezone

from courses.models import CoursePage
from people.models import User
from quizzes.services import attempts
from records.models import CourseCompletion
from records.services import progress

COURSE_CODE = "INF-101"
# Employee ID: how many days ago they finished. The demo learner ("staff", E1020) is not
# here: completing the course is theirs to try. Spread over the year, so the dashboards'
# 12-month charts have several months to show; E1022's certificate (valid 24 months)
# expires within the dashboards' 60 days.
COMPLETED = {
    "E1021": 40,
    "E1023": 21,
    "E1024": 130,
    "E1030": 12,
    "E1040": 9,
    "E1041": 250,
    "E1071": 5,
    "E1072": 3,
    "E1050": 75,
    "E1022": 700,
}
REVOKED = {"E1072": "Completed on a shared office computer under a colleague's session; retake requested."}


def ensure_demo_history(report):
    course = CoursePage.objects.live().get(course_code=COURSE_CODE, locale__language_code="en")
    modules = course.required_modules()
    done = set(
        CourseCompletion.objects.filter(course_code=COURSE_CODE).values_list("user__employee_id", flat=True)
    )
    hr = User.objects.filter(username="hr").first()
    for employee_id, days_ago in COMPLETED.items():
        if employee_id in done:
            report.record(f"completion: {employee_id} {COURSE_CODE}", False)
            continue
        person = User.objects.get(employee_id=employee_id)
        when = timezone.now() - timedelta(days=days_ago)
        for offset, module in enumerate(modules):
            moment = when - timedelta(minutes=10 * (len(modules) - offset))
            if module.quiz_questions.exists():
                attempt = progress.start_quiz(person, module, course, moment)
                attempts.submit_attempt(attempt.pk, person, _right_answers(attempt), moment)
            else:
                progress.mark_module_read(person, module, course, moment)
        completion = progress.latest_completion(person, COURSE_CODE)
        report.record(f"completion: {employee_id} {COURSE_CODE}", completion is not None)
        if completion and employee_id in REVOKED:
            progress.revoke_completion(completion, hr, REVOKED[employee_id], when + timedelta(days=1))


def _right_answers(attempt):
    return {q["id"]: [c["id"] for c in q["choices"] if c["is_correct"]] for q in attempt.questions}
