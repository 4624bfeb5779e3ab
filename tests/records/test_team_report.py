"""The team completion report (/admin/reports/team-completion/): a manager's reporting
line, person by course, with filters and CSV/XLSX exports that never reach outside it."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

from django.db import connection
from django.db.models import QuerySet
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from openpyxl import load_workbook

from people.models import Department, User
from people.roles import HR_ADMINS, MANAGERS
from records.models import CourseCompletion, Enrolment
from tests.conftest import _client_for
from tests.factories import CourseCompletionFactory, EnrolmentFactory, UserFactory
from tests.responses import assert_refused, csv_rows, streamed

URL = "/admin/reports/team-completion/"


def today():
    # Read at test time: a constant taken at collection goes stale when a run crosses midnight.
    return timezone.localdate()


Status = Enrolment.Status


@pytest.fixture
def team(bruno, amira, chen):
    """bruno > amira > dana > finn, three levels; maya > chen is another team.

    - amira: INF-101 completed (score 80, an older 60, a revoked 99); STORY-201 overdue
    - dana (Research, Lisbon): INF-101 in progress, due in a week
    - finn: INF-101 not started, overdue
    - chen: INF-101 overdue, outside bruno's line
    """
    research = Department.objects.get(name="Research")
    dana = UserFactory(
        username="dana", full_name="Dana Scott", manager=amira, department=research, country="Portugal"
    )
    finn = UserFactory(username="finn", full_name="Finn Berg", manager=dana, country="Norway")
    maya = UserFactory(username="maya", full_name="Maya Lind", groups=[MANAGERS])
    User.objects.filter(pk=chen.pk).update(manager=maya)
    amira.country = "Jordan"
    amira.save()

    EnrolmentFactory(user=amira, status=Status.COMPLETED, due_date=today() - timedelta(days=3))
    CourseCompletionFactory(user=amira, score=Decimal("60.00"), days_ago=30)
    CourseCompletionFactory(user=amira, score=Decimal("80.00"), days_ago=2)
    CourseCompletionFactory(user=amira, score=Decimal("99.00"), days_ago=1, revoked=True)
    EnrolmentFactory(
        user=amira, course_code="STORY-201", status=Status.IN_PROGRESS, due_date=today() - timedelta(days=1)
    )
    EnrolmentFactory(user=dana, status=Status.IN_PROGRESS, due_date=today() + timedelta(days=7))
    EnrolmentFactory(user=finn, due_date=today() - timedelta(days=10))
    EnrolmentFactory(user=chen, due_date=today() - timedelta(days=10))
    return {"amira": amira, "dana": dana, "finn": finn, "maya": maya, "chen": chen}


def rows(response):
    return list(response.context["object_list"])


def people(response):
    return sorted({row.user.username for row in rows(response)})


# --- Scope ---------------------------------------------------------------------------------


def test_manager_sees_their_three_level_line(bruno_client, team):
    response = bruno_client.get(URL)
    assert response.status_code == 200
    assert people(response) == ["amira", "dana", "finn"]
    content = response.content.decode()
    assert "Finn Berg" in content
    assert "Chen Wei" not in content


def test_manager_cannot_see_other_team(team):
    response = _client_for(team["maya"]).get(URL)
    assert people(response) == ["chen"]


@pytest.mark.parametrize(
    "params", [{"user": "chen"}, {"user_id": "1"}, {"user__in": "1,2,3"}, {"manager": "x"}, {"q": "Chen"}]
)
def test_url_tampering_never_shows_anyone_else(bruno_client, team, params):
    params = {key: str(team["chen"].pk) if value == "1" else value for key, value in params.items()}
    response = bruno_client.get(URL, params)
    assert "chen" not in people(response)
    assert "Chen Wei" not in response.content.decode()


def test_filters_outside_the_line_find_nothing(bruno_client, team):
    response = bruno_client.get(URL, {"country": "Portugal"})
    assert people(response) == ["dana"]
    chen_department = team["chen"].department_id
    response = bruno_client.get(URL, {"department": chen_department})
    assert people(response) == ["dana"]  # Research: dana, never chen


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_exports_are_scoped_to_the_line(bruno_client, team, export):
    response = bruno_client.get(URL, {"export": export, "user": team["chen"].pk})
    content = streamed(response)
    if export == "csv":
        names = {row[0] for row in csv.reader(io.StringIO(content.decode()))}
    else:
        names = {row[0] for row in load_workbook(io.BytesIO(content)).active.values}
    assert names == {"Person", "Amira Haddad", "Dana Scott", "Finn Berg"}


def test_hr_admin_sees_everyone(team):
    hannah = UserFactory(username="hannah", groups=[HR_ADMINS])
    response = _client_for(hannah).get(URL)
    assert response.status_code == 200
    assert people(response) == ["amira", "chen", "dana", "finn"]


def test_superuser_sees_everyone(superuser_client, team):
    assert people(superuser_client.get(URL)) == ["amira", "chen", "dana", "finn"]


def test_superusers_are_not_counted(superuser_client, team):
    """An enrolment of the administrator account (old demo data enrolled it) is not a row."""
    root = UserFactory(username="root", is_superuser=True)
    EnrolmentFactory(user=root, due_date=today() - timedelta(days=10))
    assert people(superuser_client.get(URL)) == ["amira", "chen", "dana", "finn"]


def test_leavers_are_left_out(bruno_client, team):
    User.objects.filter(pk=team["finn"].pk).update(is_active=False)
    assert people(bruno_client.get(URL)) == ["amira", "dana"]


def test_staff_without_a_role_is_refused(team):
    for user in (team["chen"], UserFactory(username="walt", is_staff=True)):
        client = _client_for(user)
        for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
            assert_refused(client.get(URL, params), URL)
        assert_refused(client.get(URL + "results/"), URL)


def test_editor_is_refused(eve, team):
    assert_refused(_client_for(eve).get(URL), URL)


def test_reports_menu_shows_the_report_only_to_those_allowed(bruno, eve, team):
    assert "/admin/reports/team-completion/" in _client_for(bruno).get("/admin/").content.decode()
    assert "/admin/reports/team-completion/" not in _client_for(eve).get("/admin/").content.decode()


# --- Rows and filters ----------------------------------------------------------------------


def test_row_shows_status_due_date_and_latest_standing_score(bruno_client, team):
    by_key = {(row.user.username, row.course_code): row for row in rows(bruno_client.get(URL))}
    completed = by_key[("amira", "INF-101")]
    # The revoked 99 does not count; the latest standing completion (80) does.
    assert completed.score == Decimal("80.00")
    assert by_key[("dana", "INF-101")].score is None


def test_overdue_is_shown_as_the_status(bruno_client, team):
    content = bruno_client.get(URL, {"course": ""}).content.decode()
    assert "Overdue" in content
    exported = csv_rows(bruno_client.get(URL, {"export": "csv"}))
    statuses = {(row[0], row[4]): row[6] for row in exported[1:]}
    assert statuses[("Finn Berg", "INF-101")] == "Overdue"
    assert statuses[("Amira Haddad", "STORY-201")] == "Overdue"
    assert statuses[("Amira Haddad", "INF-101")] == "Completed"  # late but done
    assert statuses[("Dana Scott", "INF-101")] == "In progress"


def test_overdue_only_filter(bruno_client, team):
    response = bruno_client.get(URL, {"overdue": "on"})
    assert sorted((row.user.username, row.course_code) for row in rows(response)) == [
        ("amira", "STORY-201"),
        ("finn", "INF-101"),
    ]


def test_expired_one_off_enrolment_is_not_overdue_in_the_filter(bruno_client, team):
    """Its completion lapsed and nothing is due again: it shows "Expired", so the
    Overdue only filter leaves it out (it once listed it, going by the old due date)."""
    expired = EnrolmentFactory(
        user=team["dana"],
        course_code="STORY-201",
        status=Status.EXPIRED,
        due_date=today() - timedelta(days=90),
    )
    assert not expired.is_overdue
    statuses = {(row[0], row[4]): row[6] for row in csv_rows(bruno_client.get(URL, {"export": "csv"}))[1:]}
    assert statuses[("Dana Scott", "STORY-201")] == "Expired"
    listed = {(row.user.username, row.course_code) for row in rows(bruno_client.get(URL, {"overdue": "on"}))}
    assert ("dana", "STORY-201") not in listed
    assert listed == {("amira", "STORY-201"), ("finn", "INF-101")}


def test_due_dates_are_shown_as_dates_and_no_filter_is_listed_until_used(bruno_client, team):
    from django.utils.formats import date_format

    html = bruno_client.get(URL).content.decode()
    soon = today() + timedelta(days=7)
    assert date_format(soon, "DATE_FORMAT") in html and f'<time datetime="{soon.isoformat()}">' in html
    assert "Just now" not in html
    assert "w-active-filters" not in html and "False" not in html
    assert "w-active-filters" in bruno_client.get(URL, {"overdue": "on"}).content.decode()


def test_status_filter(bruno_client, team):
    assert people(bruno_client.get(URL, {"status": "in_progress"})) == ["amira", "dana"]


def test_course_filter(bruno_client, team, course):
    # The course filter offers course codes from the catalogue (INF-101 here).
    response = bruno_client.get(URL, {"course": "INF-101"})
    assert {row.course_code for row in rows(response)} == {"INF-101"}
    assert people(response) == ["amira", "dana", "finn"]


def test_department_and_country_filters(bruno_client, team):
    research = Department.objects.get(name="Research")
    assert people(bruno_client.get(URL, {"department": research.pk})) == ["dana"]
    assert people(bruno_client.get(URL, {"country": "Norway"})) == ["finn"]


def test_unknown_filter_value_is_ignored_not_an_error(bruno_client, team):
    response = bruno_client.get(URL, {"status": "nonsense", "department": "abc"})
    assert response.status_code == 200


def test_row_links_to_the_transcript(bruno_client, team):
    content = bruno_client.get(URL).content.decode()
    assert f'href="/admin/reports/transcript/{team["finn"].pk}/"' in content


def test_results_fragment_for_filtering_without_reload(bruno_client, team):
    response = bruno_client.get(URL + "results/", {"country": "Norway"})
    assert response.status_code == 200
    assert "Finn Berg" in response.content.decode()
    assert "Dana Scott" not in response.content.decode()


# --- Exports -------------------------------------------------------------------------------


def test_csv_export(bruno_client, team):
    response = bruno_client.get(URL, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="team-completion-' in response["Content-Disposition"]
    exported = csv_rows(response)
    assert exported[0] == [
        "Person",
        "Employee ID",
        "Department",
        "Country",
        "Course code",
        "Course title",
        "Status",
        "Due date",
        "Completed at",
        "Score (%)",
        "Update required (version)",
        "Modules to update",
        "Update due date",
    ]
    amira = next(row for row in exported if row[0] == "Amira Haddad" and row[4] == "INF-101")
    assert amira[2] == "Communications"
    assert amira[3] == "Jordan"
    assert Decimal(amira[9]) == Decimal("80")
    assert len(exported) == 5


def test_csv_export_neutralises_formulas(bruno, bruno_client):
    mallory = UserFactory(
        username="mallory",
        full_name='=HYPERLINK("http://evil.example","Click")',
        manager=bruno,
        country="@SUM(A1)",
    )
    EnrolmentFactory(user=mallory, course_title="+1+2")
    row = csv_rows(bruno_client.get(URL, {"export": "csv"}))[1]
    assert row[0] == '\'=HYPERLINK("http://evil.example","Click")'
    assert row[3] == "'@SUM(A1)"
    assert row[5] == "'+1+2"


def test_xlsx_export_is_a_workbook(bruno_client, team):
    response = bruno_client.get(URL, {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    content = streamed(response)
    assert content[:4] == b"PK\x03\x04"
    values = list(load_workbook(io.BytesIO(content)).active.values)
    assert values[0][:2] == ("Person", "Employee ID")
    assert len(values) == 5


# --- Query counts --------------------------------------------------------------------------


def build_team(manager, size, courses, prefix):
    """``size`` direct reports of ``manager`` with a sub-team of one each level down
    (the same depth whatever the size), enrolled on ``courses`` courses, half completed."""
    department = Department.objects.create(name=f"Dept {prefix}")
    users = User.objects.bulk_create(
        User(
            username=f"{prefix}{n}",
            email=f"{prefix}{n}@example.org",
            employee_id=f"{prefix}-{n}",
            full_name=f"{prefix.title()} {n}",
            department=department,
            manager=manager,
        )
        for n in range(size)
    )
    deeper = UserFactory(username=f"{prefix}-deep", manager=users[0])
    users.append(deeper)
    codes = [f"{prefix.upper()}-{c}" for c in range(courses)]
    Enrolment.objects.bulk_create(
        EnrolmentFactory.build(
            user=user,
            course_code=code,
            status=Status.COMPLETED if n % 2 else Status.IN_PROGRESS,
            due_date=today() - timedelta(days=n % 3),
        )
        for n, user in enumerate(users)
        for code in codes
    )
    CourseCompletion.objects.bulk_create(
        CourseCompletionFactory.build(
            user=user,
            course_code=code,
            days_ago=0,
            score=Decimal("75.00"),
            certificate_id=f"{prefix}{n}{code}".replace("-", "")[:32],
        )
        for n, user in enumerate(users)
        if n % 2
        for code in codes
    )


def report_queries(client, params):
    client.get(URL, params)  # warm up caches that do not depend on the data
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, params)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("params", [{}, {"export": "csv"}, {"export": "xlsx"}, {"overdue": "on"}])
@pytest.mark.parametrize(("size", "courses"), [(1000, 5), (10, 50)], ids=["1000-people", "50-courses"])
def test_query_count_does_not_grow_with_team_or_courses(
    db, django_assert_max_num_queries, params, size, courses
):
    small_manager = UserFactory(username="small-boss", groups=[MANAGERS])
    build_team(small_manager, 10, 5, "s")
    small, _ = report_queries(_client_for(small_manager), params)

    large_manager = UserFactory(username="large-boss", groups=[MANAGERS])
    build_team(large_manager, size, courses, "l")
    client = _client_for(large_manager)
    client.get(URL, params)
    with django_assert_max_num_queries(small):
        response = client.get(URL, params)
    if not params:
        assert response.context["paginator"].count == (size + 1) * courses


def test_csv_export_streams_rows_in_chunks(bruno, team, monkeypatch):
    """The export reads rows in chunks rather than loading the whole queryset at once."""
    from records.reports import team_completion

    chunk_sizes = []
    original = QuerySet.iterator

    def spy(self, chunk_size=None):
        chunk_sizes.append(chunk_size)
        return original(self, chunk_size=chunk_size)

    monkeypatch.setattr(QuerySet, "iterator", spy)
    request = RequestFactory().get(URL, {"export": "csv"})
    request.user = bruno
    view = team_completion.TeamCompletionView()
    view.setup(request)
    queryset = view.get_queryset()
    body = b"".join(
        chunk.encode() if isinstance(chunk, str) else chunk for chunk in view.stream_csv(queryset)
    )
    assert chunk_sizes == [2000]
    assert queryset._result_cache is None
    assert body.count(b"\n") == 5


# --- Filters, links and pages for a manager (issue 13) --------------------------------------


def filter_options(response, name):
    import re

    html = response.content.decode()
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [
        label.strip()
        for value, label in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)
        if value
    ]


def test_department_and_country_filters_list_only_the_line(bruno_client, team):
    """chen's department and country (another team) and a leaver's are not offered."""
    team["chen"].country = "Kenya"
    team["chen"].save()
    UserFactory(username="gone", manager=team["amira"], country="Chile", is_active=False)
    response = bruno_client.get(URL)
    assert filter_options(response, "department") == ["Communications", "Research"]
    assert filter_options(response, "country") == ["Jordan", "Norway", "Portugal"]
    Department.objects.create(name="Legal")
    hr = _client_for(UserFactory(username="hannah", groups=[HR_ADMINS]))
    response = hr.get(URL)
    assert "Legal" in filter_options(response, "department")
    assert "Kenya" in filter_options(response, "country")


def test_no_link_on_the_report_refuses_a_manager(bruno_client, team):
    """Every link and form target on the manager's report opens for them: none leads to
    "You don't have permission"."""
    import re

    html = bruno_client.get(URL).content.decode()
    main = html[html.index("<main") :]
    targets = set(re.findall(r'(?:href|action)="(/admin/[^"#]*)"', main))
    assert targets
    for target in sorted(targets):
        response = bruno_client.get(target.replace("&amp;", "&"))
        assert response.status_code == 200, target


def test_a_page_reads_only_its_own_rows(bruno, bruno_client):
    """The page's ids come first, in the report's order; the rows, with their score
    subquery, are read for those ids only (not ordered and cut from all of them)."""
    for n in range(120):
        person = UserFactory(username=f"p{n:03d}", full_name=f"Person {n:03d}", manager=bruno)
        EnrolmentFactory(user=person, course_code="INF-101")
    expected = [f"p{n:03d}" for n in range(50, 100)]
    bruno_client.get(URL, {"p": 2})
    with CaptureQueriesContext(connection) as queries:
        response = bruno_client.get(URL, {"p": 2})
    assert [row.user.username for row in rows(response)] == expected
    assert response.context["paginator"].count == 120
    scored = [q["sql"] for q in queries.captured_queries if "quizzes_coursecompletion" in q["sql"]]
    assert len(scored) == 1
    assert " OFFSET " not in scored[0] and " IN (" in scored[0]
