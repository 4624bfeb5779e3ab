"""One rule, one answer: each state an enrolment and its completion can be in is put through
every place that shows or acts on it (the model, the team report and its Overdue only
filter, the organisation overview, the reminders, the learner's dashboard and course page,
the HR API's feeds and filters, the transcript), and they must agree.

Each state is built as the daily status update leaves it (``update_statuses`` run today),
except where a state says it is seen before today's run. People report to bruno, so an
overdue one puts them in his weekly digest."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

import pytest

from api.models import ApiClient
from records.models import CourseCompletion, Enrolment, ReminderLog
from records.services import progress
from records.services.reminders import due_reminders
from records.services.statuses import update_statuses
from tests.api.conftest import KeyedClient
from tests.conftest import _client_for
from tests.factories import (
    AssignmentRuleFactory,
    CourseCompletionFactory,
    EnrolmentFactory,
    ModuleProgressFactory,
    UserFactory,
    make_module,
)
from tests.responses import csv_rows

Status = Enrolment.Status
Standing = CourseCompletion.Standing
Kind = ReminderLog.Kind


def today():
    # Read at test time: a constant taken at collection goes stale when a run crosses midnight.
    return timezone.localdate()


LABELS = {**dict(Status.choices), **dict(Standing.choices)}


def days(n):
    return today() + timedelta(days=n)


# --- The states ----------------------------------------------------------------------------


def _modules_done(person, course, modules, count, days_ago):
    for module in modules[:count]:
        moment = timezone.now() - timedelta(days=days_ago)
        # Started when completed, not when the fixture ran: started_q reads when.
        ModuleProgressFactory(user=person, module=module, started_at=moment, completed_at=moment)


def _completed(person, course, modules, *, completed_days_ago, valid_until, **enrolment):
    """Both modules done, then the course completed, then (maybe) its validity lapsed."""
    _modules_done(person, course, modules, 2, completed_days_ago + 1)
    completion = CourseCompletionFactory(
        user=person, course=course, days_ago=completed_days_ago, valid_until=valid_until
    )
    EnrolmentFactory(
        user=person,
        course=course,
        status=Status.COMPLETED,
        completed_at=completion.completed_at,
        **enrolment,
    )
    return completion


def _recurring_rule(course, due_days):
    return AssignmentRuleFactory(course=course, due_days=due_days, recurring=True)


def not_started(person, course, modules, hr):
    EnrolmentFactory(user=person, course=course, due_date=days(30))


def in_progress(person, course, modules, hr):
    EnrolmentFactory(user=person, course=course, status=Status.IN_PROGRESS)
    _modules_done(person, course, modules, 1, days_ago=2)


def due_soon(person, course, modules, hr):
    EnrolmentFactory(user=person, course=course, due_date=days(3))


def due_today(person, course, modules, hr):
    EnrolmentFactory(user=person, course=course, status=Status.IN_PROGRESS, due_date=today())
    _modules_done(person, course, modules, 1, days_ago=2)


def overdue(person, course, modules, hr):
    EnrolmentFactory(user=person, course=course, status=Status.IN_PROGRESS, due_date=days(-3))
    _modules_done(person, course, modules, 1, days_ago=2)


def completed(person, course, modules, hr):
    # Late, but done: a passed due date no longer matters.
    _completed(person, course, modules, completed_days_ago=5, valid_until=days(365), due_date=days(-10))


def completed_expiring(person, course, modules, hr):
    _completed(person, course, modules, completed_days_ago=340, valid_until=days(20))


def expired(person, course, modules, hr):
    # A one-off assignment: nothing is due again, whatever its old due date says.
    _completed(person, course, modules, completed_days_ago=400, valid_until=days(-10), due_date=days(-420))


def revoked(person, course, modules, hr):
    completion = _completed(
        person, course, modules, completed_days_ago=5, valid_until=None, due_date=days(30)
    )
    progress.revoke_completion(completion, hr, "Completed under a colleague's session")


def recurring_due_again(person, course, modules, hr):
    # Lapsed yesterday; the recurring rule makes it due again in five days.
    rule = _recurring_rule(course, due_days=5)
    _completed(person, course, modules, completed_days_ago=365, valid_until=days(-1), assignment_rule=rule)


def _recurring_lapsed_overdue(person, course, modules):
    # Lapsed ten days ago and due again five days later: overdue since four days ago.
    rule = _recurring_rule(course, due_days=5)
    _completed(person, course, modules, completed_days_ago=375, valid_until=days(-10), assignment_rule=rule)
    update_statuses(days(-9))


def recurring_overdue(person, course, modules, hr):
    _recurring_lapsed_overdue(person, course, modules)


def recurring_overdue_before_daily_run(person, course, modules, hr):
    _recurring_lapsed_overdue(person, course, modules)


def leaver(person, course, modules, hr):
    overdue(person, course, modules, hr)
    person.is_active = False
    person.save()


@dataclass
class State:
    build: object
    status: str  # stored, as the API gives it
    overdue: bool = False
    standing: str = None  # of the person's completion, if any
    progress: int = 0  # percent of the required modules counting towards a completion
    reminders: set = field(default_factory=set)
    active: bool = True
    daily_run: bool = True

    @property
    def name(self):
        return self.build.__name__

    @property
    def label(self):
        """What the reports say: "Overdue" wins over the stored status."""
        return "Overdue" if self.overdue else LABELS[self.status]

    @property
    def section(self):
        """My learning: completed, in progress (begun), or to do (not begun, or lapsed and
        not begun again)."""
        if self.standing == Standing.VALID:
            return "completed"
        begun = self.status == Status.IN_PROGRESS or (self.status == Status.OVERDUE and self.progress)
        return "in_progress" if begun else "to_do"


STATES = [
    State(not_started, Status.NOT_STARTED),
    State(in_progress, Status.IN_PROGRESS, progress=50),
    State(due_soon, Status.NOT_STARTED, reminders={Kind.DUE_SOON}),
    State(due_today, Status.IN_PROGRESS, progress=50, reminders={Kind.DUE_TODAY}),
    State(overdue, Status.OVERDUE, overdue=True, progress=50, reminders={Kind.OVERDUE}),
    State(completed, Status.COMPLETED, standing=Standing.VALID, progress=100),
    State(
        completed_expiring, Status.COMPLETED, standing=Standing.VALID, progress=100, reminders={Kind.EXPIRING}
    ),
    State(expired, Status.EXPIRED, standing=Standing.EXPIRED),
    State(revoked, Status.IN_PROGRESS, standing=Standing.REVOKED),
    State(recurring_due_again, Status.EXPIRED, standing=Standing.EXPIRED, reminders={Kind.DUE_SOON}),
    State(
        recurring_overdue,
        Status.OVERDUE,
        overdue=True,
        standing=Standing.EXPIRED,
        reminders={Kind.OVERDUE},
    ),
    # The status stored yesterday is still "expired" (what the API says until the update
    # runs); everything that reads the due date already says overdue.
    State(
        recurring_overdue_before_daily_run,
        Status.EXPIRED,
        overdue=True,
        standing=Standing.EXPIRED,
        reminders={Kind.OVERDUE},
        daily_run=False,
    ),
    State(leaver, Status.OVERDUE, overdue=True, progress=50, active=False),
]


# --- Each consumer, read the way its users read it -----------------------------------------


def model_view(enrolment, completion):
    seen = {
        "overdue": enrolment.is_overdue,
        "overdue (SQL)": Enrolment.objects.overdue().filter(pk=enrolment.pk).exists(),
        "status": enrolment.status,
    }
    if completion is not None:
        seen["standing"] = completion.status
        seen["standing (SQL)"] = CourseCompletion.objects.standing().get(pk=completion.pk).standing
    return seen


def team_report_view(client, person, course):
    url = "/admin/reports/team-completion/"
    exported = csv_rows(client.get(url, {"export": "csv"}))
    labels = [row[6] for row in exported[1:] if row[1] == person.employee_id and row[4] == course.course_code]
    listed = [
        row for row in client.get(url, {"overdue": "on"}).context["object_list"] if row.user_id == person.pk
    ]
    return {"listed": bool(labels), "label": labels[0] if labels else None, "in overdue filter": bool(listed)}


def organisation_view(client, course):
    rows = client.get("/admin/reports/organisation/", {"course": course.course_code}).context["object_list"]
    return {(row["enrolled"], row["completed"], row["overdue"]) for row in rows}


def reminders_view(person, manager):
    reminders = list(due_reminders(today()))
    return {
        "kinds": {kind for kind, recipient, *_rest in reminders if recipient == person.pk},
        "in manager's digest": any(
            kind == Kind.MANAGER_DIGEST and recipient == manager.pk for kind, recipient, *_rest in reminders
        ),
    }


def dashboard_view(person, course):
    response = _client_for(person).get("/my-learning/")
    [(section, item)] = [
        (section, item)
        for section in ("in_progress", "to_do", "completed")
        for item in response.context[section]
        if item["enrolment"].course_code == course.course_code
    ]
    page = _client_for(person).get(course.url)
    return {
        "section": section,
        "overdue badge": "badge--bad" in response.content.decode(),
        "progress": item["percent"],
        "course page progress": page.context["learning"].percent,
    }


def api_view(api, person, completion):
    [enrolment] = api.get("/api/v1/enrolments/", {"employee_id": person.employee_id}).json()["results"]
    overdue_ids = [
        row["id"]
        for row in api.get(
            "/api/v1/enrolments/", {"employee_id": person.employee_id, "status": "overdue"}
        ).json()["results"]
    ]
    seen = {
        "status": enrolment["status"],
        "in status=overdue": bool(overdue_ids),
        "progress": enrolment["progress"],
    }
    if completion is not None:
        completions = "/api/v1/completions/"
        row = next(r for r in api.get(completions).json()["results"] if r["id"] == completion.pk)
        seen["standing"] = row["status"]
        seen["passed"] = row["passed"]
        seen["found by status"] = {
            standing
            for standing in Standing.values
            if any(
                r["id"] == completion.pk for r in api.get(completions, {"status": standing}).json()["results"]
            )
        }
    return seen


def transcript_view(client, person, completion):
    response = client.get(f"/admin/reports/transcript/{person.pk}/")
    [course_row] = response.context["courses"]
    seen = {"label": course_row["status"]}
    if completion is not None:
        [completion_row] = response.context["completions"]
        seen["standing label"] = completion_row["status"]
    return seen


# --- The test ------------------------------------------------------------------------------


@pytest.fixture
def modules(course):
    return [make_module(course, title="First module"), make_module(course, title="Second module")]


@pytest.fixture
def api(db):
    _client, key = ApiClient.objects.create_key(
        name="HR system", scopes=["completions:read", "enrolments:read"]
    )
    return KeyedClient(key)


@pytest.mark.parametrize("state", STATES, ids=lambda state: state.name)
def test_every_consumer_agrees(state, course, modules, communications, bruno, hana, hana_client, api):
    person = UserFactory(department=communications, manager=bruno)
    state.build(person, course, modules, hana)
    if state.daily_run:
        update_statuses(today())
    enrolment = Enrolment.objects.get(user=person)
    completion = CourseCompletion.objects.filter(user=person).first()
    standing = {"standing": state.standing, "standing (SQL)": state.standing} if state.standing else {}

    assert model_view(enrolment, completion) == {
        "overdue": state.overdue,
        "overdue (SQL)": state.overdue,
        "status": state.status,
        **standing,
    }
    assert team_report_view(hana_client, person, course) == {
        "listed": state.active,
        "label": state.label if state.active else None,
        "in overdue filter": state.overdue and state.active,
    }
    assert organisation_view(hana_client, course) == (
        {(1, int(state.status == Status.COMPLETED), int(state.overdue))} if state.active else set()
    )
    assert reminders_view(person, bruno) == {
        "kinds": state.reminders,
        "in manager's digest": state.overdue and state.active,
    }
    if state.active:  # a leaver cannot sign in
        assert dashboard_view(person, course) == {
            "section": state.section,
            "overdue badge": state.overdue,
            "progress": state.progress,
            "course page progress": state.progress,
        }
    api_expected = {"status": state.status, "in status=overdue": state.status == Status.OVERDUE}
    api_expected["progress"] = state.progress
    if state.standing:
        api_expected.update(
            standing=state.standing,
            passed=state.standing != Standing.REVOKED,
            **{"found by status": {state.standing}},
        )
    assert api_view(api, person, completion) == api_expected
    transcript_expected = {"label": state.label}
    if state.standing:
        transcript_expected["standing label"] = LABELS[state.standing]
    assert transcript_view(hana_client, person, completion) == transcript_expected

    # Once the daily update has run, the status HR systems sync says "overdue" exactly
    # when every other consumer does.
    update_statuses(today())
    [row] = api.get("/api/v1/enrolments/", {"employee_id": person.employee_id}).json()["results"]
    assert (row["status"] == Status.OVERDUE) == state.overdue
