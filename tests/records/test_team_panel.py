"""The manager's dashboard panel (records.panels.TeamPanel) and its actions
(records.views.team): figures for the reporting line, the 12-month chart, reminders and
assignments that never reach outside the line, and HR's switch."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from people.models import Department, User
from people.roles import HR_ADMINS, MANAGERS
from records.models import CourseCompletion, Enrolment, ReminderLog, TeamSettings
from records.reports import figures
from tests.conftest import _client_for
from tests.factories import CourseCompletionFactory, EnrolmentFactory, UserFactory
from tests.responses import assert_refused

HOME = "/admin/"
REMIND = "/admin/team/remind/"
ASSIGN = "/admin/team/assign/"


def today():
    # Read at test time: a constant taken at collection goes stale when a run crosses midnight.
    return timezone.localdate()


Status = Enrolment.Status


@pytest.fixture
def line(bruno, amira, chen):
    """bruno > amira > dana, and leo, a leaver; chen is outside the line.

    - amira: INF-101 completed 40 days ago, certificate valid for 30 more days; an older
      completion of OLD-1 (200 days ago); STORY-201 overdue
    - dana (Research, Portugal): INF-101 due in 10 days, STORY-201 due in 20 days, SAFE-301
      overdue with a revoked completion
    - leo (left): INF-101 overdue; chen: INF-101 overdue and completed OLD-1 10 days ago
    """
    research = Department.objects.get(name="Research")
    dana = UserFactory(
        username="dana", full_name="Dana Scott", manager=amira, department=research, country="Portugal"
    )
    leo = UserFactory(username="leo", full_name="Leo Park", manager=bruno, is_active=False)
    amira.country = "Jordan"
    amira.save()

    EnrolmentFactory(user=amira, status=Status.COMPLETED, due_date=today() - timedelta(days=50))
    CourseCompletionFactory(user=amira, days_ago=40, valid_until=today() + timedelta(days=30))
    CourseCompletionFactory(user=amira, course_code="OLD-1", days_ago=200)
    overdue_amira = EnrolmentFactory(
        user=amira, course_code="STORY-201", status=Status.IN_PROGRESS, due_date=today() - timedelta(days=3)
    )
    EnrolmentFactory(user=dana, status=Status.IN_PROGRESS, due_date=today() + timedelta(days=10))
    EnrolmentFactory(user=dana, course_code="STORY-201", due_date=today() + timedelta(days=20))
    overdue_dana = EnrolmentFactory(user=dana, course_code="SAFE-301", due_date=today() - timedelta(days=1))
    CourseCompletionFactory(user=dana, course_code="SAFE-301", days_ago=5, revoked=True)
    EnrolmentFactory(user=leo, due_date=today() - timedelta(days=5))
    chen_overdue = EnrolmentFactory(user=chen, due_date=today() - timedelta(days=5))
    CourseCompletionFactory(user=chen, course_code="OLD-1", days_ago=10)
    return {
        "amira": amira,
        "dana": dana,
        "leo": leo,
        "chen": chen,
        "overdue": [overdue_amira, overdue_dana],
        "chen_overdue": chen_overdue,
    }


def panel(response):
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="team-training' in content
    return content


# --- Figures -------------------------------------------------------------------------------


def test_headline_figures_count_the_active_line_only(bruno, line):
    got = figures.headline(figures.active_people(bruno))
    assert got == {
        "people": 2,
        "people_overdue": 2,
        "enrolled": 5,
        "completed": 1,
        "rate": 20.0,
        "overdue": 2,
        "due_soon": 1,
        "update_required": 0,
        "expiring": 1,
    }


def test_figures_per_course(bruno, line):
    rows = {row["course_code"]: row for row in figures.per_course(figures.active_people(bruno))}
    assert list(rows) == ["INF-101", "SAFE-301", "STORY-201"]
    assert {
        key: rows["INF-101"][key]
        for key in ("enrolled", "completed", "rate", "overdue", "due_soon", "expiring")
    } == {
        "enrolled": 2,
        "completed": 1,
        "rate": 50.0,
        "overdue": 0,
        "due_soon": 1,
        "expiring": 1,
    }
    assert (rows["SAFE-301"]["overdue"], rows["SAFE-301"]["completed"], rows["SAFE-301"]["rate"]) == (
        1,
        0,
        0.0,
    )
    assert (rows["STORY-201"]["enrolled"], rows["STORY-201"]["overdue"], rows["STORY-201"]["due_soon"]) == (
        2,
        1,
        0,
    )


def test_monthly_completions_leave_out_revoked_outsiders_and_old_ones(bruno, line):
    months = figures.monthly_completions(figures.active_people(bruno))
    assert len(months) == 12
    assert months[-1][0] == today().replace(day=1)
    assert all(day.day == 1 for day, _n in months)
    expected = {}
    for completed in (timezone.now() - timedelta(days=40), timezone.now() - timedelta(days=200)):
        month = timezone.localtime(completed).date().replace(day=1)
        if month >= months[0][0]:
            expected[month] = expected.get(month, 0) + 1
    assert {day: n for day, n in months if n} == expected
    assert sum(n for _day, n in months) == sum(expected.values())


@pytest.mark.parametrize(
    ("zone", "month"), [("UTC", date(2026, 1, 1)), ("Asia/Tokyo", date(2026, 2, 1))], ids=["utc", "tokyo"]
)
def test_months_are_the_time_zones(bruno, amira, zone, month):
    """31 January 20:00 UTC is already 1 February in Tokyo: the database buckets the
    completion in the month of the active time zone."""
    completed = datetime(2026, 1, 31, 20, 0, tzinfo=ZoneInfo("UTC"))
    CourseCompletion.objects.filter(pk=CourseCompletionFactory(user=amira, course_code="TZ-1").pk).update(
        completed_at=completed
    )
    with timezone.override(ZoneInfo(zone)):
        months = dict(figures.monthly_completions(figures.active_people(bruno), on=date(2026, 3, 15)))
    assert list(months)[0] == date(2025, 4, 1) and list(months)[-1] == date(2026, 3, 1)
    assert {day: n for day, n in months.items() if n} == {month: 1}


# --- The panel -----------------------------------------------------------------------------


def test_manager_lands_on_their_team_panel(bruno_client, line):
    content = panel(bruno_client.get(HOME))
    assert "<strong>2</strong> people assigned" in content
    assert "<strong>20.0%</strong> complete (1 of 5)" in content
    assert "<strong>2</strong> overdue" in content
    assert "<strong>1</strong> due in the next 14 days" in content
    assert "<strong>1</strong> certificate expiring in 60 days" in content
    # The overdue list: the line's, not the leaver's nor chen's.
    assert "Amira Haddad" in content and "Dana Scott" in content
    assert "Leo Park" not in content and "Chen Wei" not in content
    assert content.count('name="enrolment"') == 2
    assert 'href="/admin/reports/team-completion/?overdue=on"' in content
    assert 'href="/admin/team/assign/?next=/admin/"' in content
    # The chart: an image with a title and a description, and the same figures as a table.
    assert '<svg role="img" aria-labelledby="team-completions-title team-completions-desc"' in content
    assert '<title id="team-completions-title">Completions in the last 12 months</title>' in content
    chart = content.split('aria-labelledby="team-completions-title')[1].split("</svg>")[0]
    assert chart.count("<rect ") == 12  # one bar a month (the page's logo has its own)
    assert "<script" not in content.split('id="team-training')[1].split("</section>")[0]


def test_panel_is_only_for_managers(eve_client, amira_client, chen_client, line):
    assert 'id="team-training' not in eve_client.get(HOME).content.decode()
    # A manager without anyone reporting to them has no team panel.
    lonely = UserFactory(username="lonely", groups=[MANAGERS])
    assert 'id="team-training' not in _client_for(lonely).get(HOME).content.decode()


def test_hr_who_manage_see_the_organisation_panel_only(bruno, line):
    bruno.groups.add(*User.groups.field.related_model.objects.filter(name=HR_ADMINS))
    content = _client_for(bruno).get(HOME).content.decode()
    assert 'id="organisation-training' in content
    assert 'id="team-training' not in content


def build_line(manager, size, prefix):
    department = Department.objects.create(name=f"Dept {prefix}")
    users = User.objects.bulk_create(
        User(
            username=f"{prefix}{n}",
            email=f"{prefix}{n}@example.org",
            employee_id=f"{prefix}-{n}",
            full_name=f"{prefix.title()} {n}",
            department=department,
            country=f"Country {n % 7}",
            manager=manager,
        )
        for n in range(size)
    )
    Enrolment.objects.bulk_create(
        EnrolmentFactory.build(
            user=user,
            course_code=f"{prefix.upper()}-{n % 6}",
            status=Status.COMPLETED if n % 2 else Status.IN_PROGRESS,
            due_date=today() - timedelta(days=n % 20 - 10),
        )
        for n, user in enumerate(users)
    )
    CourseCompletion.objects.bulk_create(
        CourseCompletionFactory.build(
            user=user,
            course_code=f"{prefix.upper()}-{n % 6}",
            days_ago=n % 300,
            valid_until=today() + timedelta(days=n % 90),
            certificate_id=f"{prefix}{n}",
        )
        for n, user in enumerate(users)
        if n % 2
    )


def dashboard_queries(client):
    client.get(HOME)
    with CaptureQueriesContext(connection) as queries:
        panel(client.get(HOME))
    return len(queries)


def test_panel_queries_do_not_grow_with_the_team(db, django_assert_max_num_queries):
    small = UserFactory(username="small-boss", groups=[MANAGERS])
    build_line(small, 5, "s")
    bound = dashboard_queries(_client_for(small))
    large = UserFactory(username="large-boss", groups=[MANAGERS])
    build_line(large, 400, "l")
    client = _client_for(large)
    client.get(HOME)
    with django_assert_max_num_queries(bound):
        content = panel(client.get(HOME))
    assert "<strong>400</strong> people assigned" in content


# --- Reminders -----------------------------------------------------------------------------


def remind(client, **data):
    return client.post(REMIND, {"next": HOME, **data})


def test_reminder_to_one_person(bruno, bruno_client, line):
    enrolment = line["overdue"][0]
    response = remind(bruno_client, enrolment=enrolment.pk)
    assert response.status_code == 302 and response["Location"] == HOME
    log = ReminderLog.objects.get()
    assert (log.kind, log.enrolment, log.recipient, log.requested_by) == (
        ReminderLog.Kind.FROM_MANAGER,
        enrolment,
        line["amira"],
        bruno,
    )
    assert log.sent_at is not None
    assert [message.to for message in mail.outbox] == [[line["amira"].email]]
    assert mail.outbox[0].subject == "Reminder: “Course STORY-201”"
    assert "Bruno Costa reminds you" in mail.outbox[0].body
    assert "Reminder sent: 1." in bruno_client.get(HOME).content.decode()


def test_reminder_is_sent_in_the_persons_language(bruno_client, line):
    User.objects.filter(pk=line["amira"].pk).update(preferred_language="fr")
    remind(bruno_client, enrolment=line["overdue"][0].pk)
    assert "Poursuivez votre formation" in mail.outbox[0].body


def test_one_reminder_per_person_and_course_a_day(bruno_client, line):
    enrolment = line["overdue"][0]
    remind(bruno_client, enrolment=enrolment.pk)
    response = remind(bruno_client, enrolment=enrolment.pk)
    assert response.status_code == 302
    assert ReminderLog.objects.count() == 1 and len(mail.outbox) == 1
    assert "went out in the last 24 hours" in bruno_client.get(HOME).content.decode()
    # A day later it may go again.
    ReminderLog.objects.update(created_at=timezone.now() - timedelta(hours=25), key="yesterday")
    remind(bruno_client, enrolment=enrolment.pk)
    assert ReminderLog.objects.count() == 2 and len(mail.outbox) == 2


def test_remind_everyone_overdue_in_the_line(bruno_client, line):
    remind(bruno_client, all="1")
    assert sorted(ReminderLog.objects.values_list("enrolment_id", flat=True)) == sorted(
        enrolment.pk for enrolment in line["overdue"]
    )
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [line["amira"].email, line["dana"].email]
    )
    # Again at once: nothing new, both skipped.
    remind(bruno_client, all="1")
    assert ReminderLog.objects.count() == 2 and len(mail.outbox) == 2
    assert "2 reminders not sent" in bruno_client.get(HOME).content.decode()


def test_no_reminder_outside_the_line(bruno_client, line):
    for enrolment in (line["chen_overdue"], Enrolment.objects.get(user=line["leo"])):
        assert remind(bruno_client, enrolment=enrolment.pk).status_code == 404
    assert remind(bruno_client, enrolment="nonsense").status_code == 302
    assert not ReminderLog.objects.exists() and not mail.outbox


def test_reminders_are_posts_for_managers_only(bruno_client, eve_client, line):
    assert bruno_client.get(REMIND).status_code == 405
    assert_refused(remind(eve_client, all="1"), REMIND)
    assert _client_for(line["amira"]).post(REMIND, {"all": "1"}).status_code == 302  # to sign-in
    assert not ReminderLog.objects.exists()


def test_reminder_needs_the_csrf_token(bruno, line):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(bruno)
    assert client.post(REMIND, {"all": "1"}).status_code == 403
    assert not ReminderLog.objects.exists()


# --- Assigning a course --------------------------------------------------------------------


def assign(client, course, person="everyone", due=None):
    due = due or today() + timedelta(days=30)
    return client.post(
        ASSIGN, {"course": course.pk, "person": person, "due_date": due.isoformat(), "next": HOME}
    )


def test_assign_a_course_to_the_whole_line(bruno_client, line, catalogue):
    from tests.factories import make_course

    course = make_course(catalogue, title="Safety online", course_code="SAFE-401")
    response = assign(bruno_client, course)
    assert response.status_code == 302 and response["Location"] == HOME
    enrolled = Enrolment.objects.filter(course_code="SAFE-401")
    assert sorted(enrolled.values_list("user__username", flat=True)) == ["amira", "dana"]
    assert {(e.source, e.due_date, e.course_title) for e in enrolled} == {
        (Enrolment.Source.ASSIGNED, today() + timedelta(days=30), "Safety online")
    }
    # Repeating it changes nothing.
    assign(bruno_client, course, due=today() + timedelta(days=60))
    assert enrolled.count() == 2
    assert set(enrolled.values_list("due_date", flat=True)) == {today() + timedelta(days=30)}


def test_assign_to_one_person_and_undated_enrolments_get_the_date(bruno_client, line, course):
    undated = EnrolmentFactory(user=line["amira"], course=course, course_code="PREP-1", due_date=None)
    course.course_code = "PREP-1"
    course.save()
    form = bruno_client.get(ASSIGN, {"person": line["dana"].pk})
    assert form.status_code == 200
    assert f'<option value="{line["dana"].pk}" selected>' in form.content.decode()
    assert "Chen Wei" not in form.content.decode() and "Leo Park" not in form.content.decode()
    assign(bruno_client, course, person=line["amira"].pk)
    undated.refresh_from_db()
    assert undated.due_date == today() + timedelta(days=30)


def test_assign_outside_the_line_is_refused(bruno_client, line, course):
    for person in (line["chen"].pk, line["leo"].pk, "999999"):
        response = assign(bruno_client, course, person=person)
        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()
    assert (
        not Enrolment.objects.filter(user__in=[line["chen"], line["leo"]], course_code="INF-101")
        .exclude(due_date=today() - timedelta(days=5))
        .exists()
    )
    assert Enrolment.objects.filter(course_code="INF-101").count() == 4


def test_assign_needs_a_due_date_not_in_the_past(bruno_client, line, course):
    response = assign(bruno_client, course, due=today() - timedelta(days=1))
    assert response.status_code == 200 and "Choose today or a later date." in response.content.decode()


def test_hr_can_turn_assignment_off(bruno_client, hana_client, line, course):
    settings_url = "/admin/settings/records/teamsettings/"
    edit = hana_client.get(settings_url, follow=True)
    assert edit.status_code == 200 and "Managers may assign courses" in edit.content.decode()
    edit_url = edit.redirect_chain[-1][0]
    assert hana_client.post(edit_url, {}).status_code == 302  # the box unticked
    assert TeamSettings.load().managers_may_assign is False

    assert 'href="/admin/team/assign/' not in bruno_client.get(HOME).content.decode()
    for response in (bruno_client.get(ASSIGN), assign(bruno_client, course)):
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert "turned off" in bruno_client.get(HOME).content.decode()
    assert not Enrolment.objects.filter(source=Enrolment.Source.ASSIGNED).exists()
    # Managers cannot turn it back on.
    assert bruno_client.get(edit_url).status_code in (302, 403)
    # HR admins still may.
    assert hana_client.get(ASSIGN).status_code == 200


def test_assign_is_for_managers_only(eve_client, line, course):
    assert_refused(eve_client.get(ASSIGN), ASSIGN)
    assert_refused(assign(eve_client, course), ASSIGN)
    assert not Enrolment.objects.filter(course_code="INF-101", source=Enrolment.Source.ASSIGNED).exists()


def test_chart_runs_right_to_left_in_arabic():
    from django.utils import translation

    from records.charts import MonthlyChart

    months = [(date(2026, month, 1), month) for month in range(1, 13)]
    chart = MonthlyChart(months, chart_id="c", title="t", description="d", value_label="v")
    with translation.override("en"):
        ltr = chart.bars()
    with translation.override("ar"):
        rtl = chart.bars()
        html = chart.render_html({})
    assert float(ltr[0]["x"]) < float(ltr[-1]["x"])
    assert float(rtl[0]["x"]) > float(rtl[-1]["x"])
    # The tallest bar fills the plot; coordinates are never localised ("12,5").
    assert max(float(bar["height"]) for bar in ltr) == 168.0
    assert html.count("<rect ") == 12 and "," not in html.split("<rect ")[1].split("/>")[0]
