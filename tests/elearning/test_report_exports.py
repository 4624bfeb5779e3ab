"""Every admin report's CSV and XLSX export and its table headings, pinned cell by cell, so
that how a report declares its columns can change without changing a file anyone downloads."""

import io
from datetime import UTC, date, datetime
from decimal import Decimal

from django.db import connection

import pytest
from openpyxl import load_workbook

from people.models import Department
from records.models import Enrolment
from security.models import SecurityEvent
from tests.conftest import _client_for
from tests.factories import (
    AttemptFactory,
    CourseCompletionFactory,
    EnrolmentFactory,
    UserFactory,
    add_question,
    take_quiz,
)
from tests.htmlutils import soup
from tests.responses import csv_rows, streamed

WHEN = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def score(text):
    """A decimal worked out in SQL (a subquery, an aggregate) as the database hands it back:
    SQLite gives the number (80), PostgreSQL the decimal as stored (80.00)."""
    value = Decimal(text)
    return value if connection.vendor == "postgresql" else int(value) if value == int(value) else float(value)


def csv_export(client, url, params=None):
    response = client.get(url, {**(params or {}), "export": "csv"})
    assert response.status_code == 200
    return csv_rows(response)


def xlsx_export(client, url, params=None):
    response = client.get(url, {**(params or {}), "export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(streamed(response)), read_only=False).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def table_headings(client, url, params=None):
    page = soup(client.get(url, params or {}))
    return [th.get_text(" ", strip=True) for th in page.select("table.listing thead th")]


# --- Team completion -----------------------------------------------------------------------


@pytest.fixture
def team(bruno, amira):
    amira.employee_id = "E-0042"
    amira.country = "Jordan"
    amira.save()
    dana = UserFactory(username="dana", full_name="Dana Scott", manager=amira, employee_id="", country="")
    EnrolmentFactory(
        user=amira,
        course_code="INF-101",
        course_title="Working with influencers",
        status=Enrolment.Status.COMPLETED,
        due_date=date(2020, 1, 10),
        completed_at=WHEN,
    )
    CourseCompletionFactory(user=amira, course_code="INF-101", completed_at=WHEN, score=Decimal("80.00"))
    EnrolmentFactory(
        user=amira,
        course_code="STORY-201",
        course_title="=Storytelling",
        status=Enrolment.Status.IN_PROGRESS,
        due_date=date(2020, 1, 1),
    )
    EnrolmentFactory(user=dana, course_code="INF-101", course_title="Working with influencers", due_date=None)
    return _client_for(bruno)


TEAM_URL = "/admin/reports/team-completion/"
TEAM_HEADINGS = [
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


def test_team_completion_csv(team):
    assert csv_export(team, TEAM_URL) == [
        TEAM_HEADINGS,
        [
            "Amira Haddad",
            "E-0042",
            "Communications",
            "Jordan",
            "INF-101",
            "Working with influencers",
            "Completed",
            "2020-01-10",
            "2026-03-02T09:30:00+00:00",
            str(score("80.00")),
            "",
            "",
            "",
        ],
        [
            "Amira Haddad",
            "E-0042",
            "Communications",
            "Jordan",
            "STORY-201",
            "'=Storytelling",
            "Overdue",
            "2020-01-01",
            "",
            "",
            "",
            "",
            "",
        ],
        [
            "Dana Scott",
            "",
            "",
            "",
            "INF-101",
            "Working with influencers",
            "Not started",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
    ]


def test_team_completion_xlsx(team):
    assert xlsx_export(team, TEAM_URL) == [
        TEAM_HEADINGS,
        [
            "Amira Haddad",
            "E-0042",
            "Communications",
            "Jordan",
            "INF-101",
            "Working with influencers",
            "Completed",
            date(2020, 1, 10),
            datetime(2026, 3, 2, 9, 30),
            80,
            None,
            None,
            None,
        ],
        [
            "Amira Haddad",
            "E-0042",
            "Communications",
            "Jordan",
            "STORY-201",
            "=Storytelling",
            "Overdue",
            date(2020, 1, 1),
            None,
            None,
            None,
            None,
            None,
        ],
        [
            "Dana Scott",
            None,
            None,
            None,
            "INF-101",
            "Working with influencers",
            "Not started",
            None,
            None,
            None,
            None,
            None,
            None,
        ],
    ]


def test_team_completion_table(team):
    assert table_headings(team, TEAM_URL) == [
        "Person",
        "Employee ID",
        "Department",
        "Country",
        "Course code",
        "Course",
        "Status",
        "Due date",
        "Completed",
        "Score (%)",
    ]


# --- Organisation overview -----------------------------------------------------------------


@pytest.fixture
def organisation(hana, communications):
    research = Department.objects.create(name="Research")
    amira = UserFactory(department=communications, country="Jordan")
    chen = UserFactory(department=research, country="-Lisbon")
    nobody = UserFactory(department=None, country="")
    for user, status, due in [
        (amira, Enrolment.Status.COMPLETED, date(2020, 1, 1)),
        (chen, Enrolment.Status.IN_PROGRESS, date(2020, 1, 1)),
    ]:
        EnrolmentFactory(
            user=user,
            course_code="INF-101",
            course_title="Working with influencers",
            status=status,
            due_date=due,
        )
    EnrolmentFactory(
        user=amira, course_code="STORY-201", course_title="Storytelling", status=Enrolment.Status.COMPLETED
    )
    # Alone on its course: databases sort an empty group first or last.
    EnrolmentFactory(user=nobody, course_code="SAFE-301", course_title="Staying safe")
    return _client_for(hana)


ORGANISATION_URL = "/admin/reports/organisation/"
ORGANISATION_HEADINGS = [
    "Course code",
    "Course title",
    "Department or country",
    "Enrolled",
    "Completed",
    "Completion rate (%)",
    "Overdue",
    "Update required",
]


def test_organisation_csv(organisation):
    assert csv_export(organisation, ORGANISATION_URL) == [
        ORGANISATION_HEADINGS,
        ["INF-101", "Working with influencers", "Communications", "1", "1", "100.0", "0", "0"],
        ["INF-101", "Working with influencers", "Research", "1", "0", "0.0", "1", "0"],
        ["SAFE-301", "Staying safe", "Not recorded", "1", "0", "0.0", "0", "0"],
        ["STORY-201", "Storytelling", "Communications", "1", "1", "100.0", "0", "0"],
    ]
    assert csv_export(organisation, ORGANISATION_URL, {"by": "country"})[1:] == [
        ["INF-101", "Working with influencers", "'-Lisbon", "1", "0", "0.0", "1", "0"],
        ["INF-101", "Working with influencers", "Jordan", "1", "1", "100.0", "0", "0"],
        ["SAFE-301", "Staying safe", "Not recorded", "1", "0", "0.0", "0", "0"],
        ["STORY-201", "Storytelling", "Jordan", "1", "1", "100.0", "0", "0"],
    ]


def test_organisation_xlsx(organisation):
    assert xlsx_export(organisation, ORGANISATION_URL, {"by": "country"}) == [
        ORGANISATION_HEADINGS,
        ["INF-101", "Working with influencers", "-Lisbon", 1, 0, 0, 1, 0],
        ["INF-101", "Working with influencers", "Jordan", 1, 1, 100, 0, 0],
        ["SAFE-301", "Staying safe", "Not recorded", 1, 0, 0, 0, 0],
        ["STORY-201", "Storytelling", "Jordan", 1, 1, 100, 0, 0],
    ]


def test_organisation_table(organisation):
    assert table_headings(organisation, ORGANISATION_URL) == [
        "Course code",
        "Course",
        "Group",
        "Enrolled",
        "Completed",
        "Completion rate (%)",
        "Overdue",
        "Update required",
    ]


# --- Transcript ----------------------------------------------------------------------------


@pytest.fixture
def transcript(bruno, amira):
    EnrolmentFactory(
        user=amira,
        course_code="INF-101",
        course_title="Working with influencers",
        status=Enrolment.Status.COMPLETED,
        due_date=date(2030, 1, 10),
        completed_at=WHEN,
    )
    CourseCompletionFactory(
        user=amira,
        course_code="INF-101",
        course_title="Working with influencers",
        completed_at=WHEN,
        score=Decimal("75.00"),
        valid_until=date(2028, 3, 2),
    )
    CourseCompletionFactory(
        user=amira,
        course_code="INF-101",
        course_title="Working with influencers",
        completed_at=datetime(2025, 1, 5, 8, 0, tzinfo=UTC),
        score=Decimal("50.00"),
        revoked=True,
    )
    for percentage, passed in [(Decimal("40.00"), False), (Decimal("90.00"), True)]:
        AttemptFactory(
            user=amira,
            course_code="INF-101",
            module_title="+Why voices matter",
            module_key="6f1c5a0e-0000-4000-8000-000000000001",
            submitted=True,
            submitted_at=WHEN,
            percentage=percentage,
            passed=passed,
        )
    return _client_for(bruno), f"/admin/reports/transcript/{amira.pk}/"


TRANSCRIPT_HEADINGS = [
    "Record",
    "Course code",
    "Title",
    "Status",
    "Due date",
    "Completed or last submitted",
    "Attempts",
    "Score or best (%)",
    "Valid until",
]


def test_transcript_csv(transcript):
    client, url = transcript
    assert csv_export(client, url) == [
        TRANSCRIPT_HEADINGS,
        [
            "Course",
            "INF-101",
            "Working with influencers",
            "Completed",
            "2030-01-10",
            "2026-03-02T09:30:00+00:00",
            "",
            str(score("75.00")),
            "",
        ],
        [
            "Module quiz",
            "INF-101",
            "'+Why voices matter",
            "Passed",
            "",
            "2026-03-02T09:30:00+00:00",
            "2",
            str(score("90.00")),
            "",
        ],
        [
            "Completion",
            "INF-101",
            "Working with influencers",
            "Valid",
            "",
            "2026-03-02T09:30:00+00:00",
            "",
            "75.00",
            "2028-03-02",
        ],
        [
            "Completion",
            "INF-101",
            "Working with influencers",
            "Revoked",
            "",
            "2025-01-05T08:00:00+00:00",
            "",
            "50.00",
            "",
        ],
    ]


def test_transcript_xlsx(transcript):
    client, url = transcript
    assert xlsx_export(client, url) == [
        TRANSCRIPT_HEADINGS,
        [
            "Course",
            "INF-101",
            "Working with influencers",
            "Completed",
            date(2030, 1, 10),
            datetime(2026, 3, 2, 9, 30),
            None,
            75,
            None,
        ],
        [
            "Module quiz",
            "INF-101",
            "+Why voices matter",
            "Passed",
            None,
            datetime(2026, 3, 2, 9, 30),
            2,
            90,
            None,
        ],
        [
            "Completion",
            "INF-101",
            "Working with influencers",
            "Valid",
            None,
            datetime(2026, 3, 2, 9, 30),
            None,
            75,
            date(2028, 3, 2),
        ],
        [
            "Completion",
            "INF-101",
            "Working with influencers",
            "Revoked",
            None,
            datetime(2025, 1, 5, 8, 0),
            None,
            50,
            None,
        ],
    ]


# --- Quiz item analysis --------------------------------------------------------------------


@pytest.fixture
def item_analysis(eve, module, course):
    question, choices = add_question(
        module, "@Whose voice counts?", [("The people affected", True), ("The press office", False)]
    )
    for number, pick in enumerate(["The people affected", "The press office", "The press office"]):
        take_quiz(UserFactory(username=f"learner{number}"), module, course, {question: [choices[pick]]})
    return _client_for(eve)


ITEM_URL = "/admin/reports/quiz-items/"
ITEM_HEADINGS = [
    "Course code",
    "Module",
    "Question",
    "Answered",
    "Correct",
    "Percent correct",
    "Most-chosen wrong choice",
    "Times chosen",
]


def test_item_analysis_csv(item_analysis):
    assert csv_export(item_analysis, ITEM_URL) == [
        ITEM_HEADINGS,
        [
            "INF-101",
            "Why authentic voices matter",
            "'@Whose voice counts?",
            "3",
            "1",
            "33.3",
            "The press office",
            "2",
        ],
    ]


def test_item_analysis_xlsx(item_analysis):
    assert xlsx_export(item_analysis, ITEM_URL) == [
        ITEM_HEADINGS,
        ["INF-101", "Why authentic voices matter", "@Whose voice counts?", 3, 1, 33.3, "The press office", 2],
    ]


def test_item_analysis_table(item_analysis):
    assert table_headings(item_analysis, ITEM_URL) == [
        "Course",
        "Module",
        "Question",
        "Answered",
        "Percent correct",
        "Most-chosen wrong choice",
        "Times chosen",
    ]


# --- Security log --------------------------------------------------------------------------


@pytest.fixture
def security_log(superuser, amira):
    event = SecurityEvent.objects.create(
        action=SecurityEvent.Action.SIGN_IN_FAILED,
        actor_label="",
        subject=amira,
        subject_label="amira",
        object_label="=cmd",
        ip_address="192.0.2.7",
        user_agent="Firefox",
        detail={"username": "amira", "attempts": 3},
    )
    SecurityEvent.objects.filter(pk=event.pk).update(created_at=WHEN)
    SecurityEvent.objects.create(
        action=SecurityEvent.Action.SIGN_IN_FAILED, subject_label="ghost", ip_address=None
    )
    SecurityEvent.objects.filter(subject_label="ghost").update(
        created_at=datetime(2026, 3, 1, 23, 0, tzinfo=UTC)
    )
    return _client_for(superuser)


SECURITY_URL = "/admin/security-log/"
SECURITY_HEADINGS = ["When (UTC)", "Event", "By", "Concerning", "Object", "Address", "Browser", "Detail"]
SECURITY_FILTER = {"action": SecurityEvent.Action.SIGN_IN_FAILED}


def test_security_log_csv(security_log):
    assert csv_export(security_log, SECURITY_URL, SECURITY_FILTER) == [
        SECURITY_HEADINGS,
        [
            "2026-03-02T09:30:00+00:00",
            "Sign-in failed",
            "",
            "amira",
            "'=cmd",
            "192.0.2.7",
            "Firefox",
            "attempts: 3; username: amira",
        ],
        ["2026-03-01T23:00:00+00:00", "Sign-in failed", "", "ghost", "", "", "", ""],
    ]


def test_security_log_xlsx(security_log):
    assert xlsx_export(security_log, SECURITY_URL, SECURITY_FILTER) == [
        SECURITY_HEADINGS,
        [
            datetime(2026, 3, 2, 9, 30),
            "Sign-in failed",
            None,
            "amira",
            "=cmd",
            "192.0.2.7",
            "Firefox",
            "attempts: 3; username: amira",
        ],
        [datetime(2026, 3, 1, 23, 0), "Sign-in failed", None, "ghost", None, None, None, None],
    ]


def test_security_log_table(security_log):
    assert table_headings(security_log, SECURITY_URL) == [
        "When",
        "Event",
        "By",
        "Concerning",
        "Object",
        "Address",
        "Detail",
    ]


# --- Course completions (the snippet listing) ----------------------------------------------


@pytest.fixture
def completions(hana, amira):
    amira.employee_id = "E-0042"
    amira.save()
    CourseCompletionFactory(
        user=amira,
        course_code="INF-101",
        course_title="Working with influencers",
        completed_at=WHEN,
        score=Decimal("75.00"),
        certificate_id="CERT-1",
        valid_until=date(2028, 3, 2),
    )
    CourseCompletionFactory(
        user=amira,
        course_code="STORY-201",
        course_title="+Storytelling",
        course_language="fr",
        completed_at=datetime(2025, 1, 5, 8, 0, tzinfo=UTC),
        score=Decimal("50.00"),
        certificate_id="CERT-2",
        revoked_at=datetime(2025, 2, 1, 12, 0, tzinfo=UTC),
        revoked_by=hana,
        revoked_reason="Shared account",
    )
    return _client_for(hana)


COMPLETIONS_URL = "/admin/snippets/records/coursecompletion/"
COMPLETIONS_HEADINGS = [
    "Name",
    "Employee ID",
    "Email",
    "Course code",
    "Course title",
    "Course language",
    "Completed at",
    "Score (%)",
    "Certificate ID",
    "Valid until",
    "Status",
    "Revoked at",
    "Revoked by",
    "Reason for revocation",
]


def test_completions_csv(completions):
    assert csv_export(completions, COMPLETIONS_URL, {"ordering": "completed_at"}) == [
        COMPLETIONS_HEADINGS,
        [
            "Amira Haddad",
            "E-0042",
            "Amira.Haddad@example.org",
            "STORY-201",
            "'+Storytelling",
            "fr",
            "2025-01-05T08:00:00+00:00",
            "50.00",
            "CERT-2",
            "",
            "Revoked",
            "2025-02-01T12:00:00+00:00",
            "Hana Sato",
            "Shared account",
        ],
        [
            "Amira Haddad",
            "E-0042",
            "Amira.Haddad@example.org",
            "INF-101",
            "Working with influencers",
            "en",
            "2026-03-02T09:30:00+00:00",
            "75.00",
            "CERT-1",
            "2028-03-02",
            "Valid",
            "",
            "",
            "",
        ],
    ]


def test_completions_xlsx(completions):
    assert xlsx_export(completions, COMPLETIONS_URL, {"ordering": "completed_at"})[1:] == [
        [
            "Amira Haddad",
            "E-0042",
            "Amira.Haddad@example.org",
            "STORY-201",
            "+Storytelling",
            "fr",
            datetime(2025, 1, 5, 8, 0),
            50,
            "CERT-2",
            None,
            "Revoked",
            datetime(2025, 2, 1, 12, 0),
            "Hana Sato",
            "Shared account",
        ],
        [
            "Amira Haddad",
            "E-0042",
            "Amira.Haddad@example.org",
            "INF-101",
            "Working with influencers",
            "en",
            datetime(2026, 3, 2, 9, 30),
            75,
            "CERT-1",
            date(2028, 3, 2),
            "Valid",
            None,
            None,
            None,
        ],
    ]


# --- What every admin export shares (security.exports) -------------------------------------


def workbook(client, url, params=None):
    response = client.get(url, {**(params or {}), "export": "xlsx"})
    assert response.status_code == 200
    return load_workbook(io.BytesIO(streamed(response))).active


@pytest.mark.parametrize(
    ("fixture", "url", "title"),
    [
        ("team", TEAM_URL, "Team completion"),
        ("completions", COMPLETIONS_URL, "Course completions"),
        ("security_log", SECURITY_URL, "Security log"),
    ],
)
def test_xlsx_sheet_is_named_after_the_report_with_its_headings_in_view(request, fixture, url, title):
    sheet = workbook(request.getfixturevalue(fixture), url)
    assert sheet.title == title
    assert sheet.freeze_panes == "A2"


def test_xlsx_columns_are_as_wide_as_their_contents(team):
    sheet = workbook(team, TEAM_URL)
    widths = {
        sheet.cell(1, column).value: sheet.column_dimensions[chr(64 + column)].width
        for column in range(1, 11)
    }
    assert widths["Person"] >= len("Amira Haddad")
    assert widths["Course title"] >= len("Working with influencers")
    assert widths["Completed at"] >= 16  # a date and time, not "####"
    assert widths["Score (%)"] < 20
    assert all(8 <= width <= 60 for width in widths.values())


def test_xlsx_times_are_real_times_in_the_organisation_s_time_zone(settings, completions, team):
    """Excel has no time zones: the cell holds the local time (the CSV keeps the offset)."""
    settings.TIME_ZONE = "Asia/Tokyo"
    sheet = workbook(completions, COMPLETIONS_URL, {"ordering": "completed_at"})
    completed = sheet.cell(3, 7)
    assert completed.is_date and completed.value == datetime(2026, 3, 2, 18, 30)
    assert sheet.cell(3, 10).is_date and sheet.cell(3, 10).value == date(2028, 3, 2)
    rows = csv_export(completions, COMPLETIONS_URL, {"ordering": "completed_at"})
    assert rows[2][6] == "2026-03-02T18:30:00+09:00"


def test_the_security_log_keeps_utc_as_its_heading_says(settings, security_log):
    settings.TIME_ZONE = "Asia/Tokyo"
    sheet = workbook(security_log, SECURITY_URL, SECURITY_FILTER)
    assert sheet.cell(1, 1).value == "When (UTC)" and sheet.cell(2, 1).value == datetime(2026, 3, 2, 9, 30)
    assert csv_export(security_log, SECURITY_URL, SECURITY_FILTER)[1][0] == "2026-03-02T09:30:00+00:00"


def test_admin_exports_write_yes_and_no():
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    from security.exports import SafeSpreadsheetExportMixin

    export = type("Export", (SafeSpreadsheetExportMixin, SpreadsheetExportMixin), {})()
    assert [export.preprocess_field_value("f", value, "csv") for value in (True, False)] == ["Yes", "No"]
    assert [export.preprocess_field_value("f", value, "xlsx") for value in (True, False)] == ["Yes", "No"]
