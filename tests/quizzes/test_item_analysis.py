"""The quiz item analysis report (/admin/reports/quiz-items/): per question, how many
answered, the share who got it right, and the wrong choice picked most often."""

import io
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from openpyxl import load_workbook

from quizzes.services.attempts import submit_attempt
from records.services.progress import start_quiz
from security.exports import neutralise_formula
from tests.conftest import _client_for
from tests.factories import UserFactory, add_question, make_course, make_module, take_quiz
from tests.responses import assert_refused, csv_rows, streamed

URL = "/admin/reports/quiz-items/"


@pytest.fixture
def quiz(module):
    """Two questions on the module: a single choice and a multiple choice."""
    voice, voice_choices = add_question(
        module,
        "Whose voice makes a campaign feel authentic?",
        [("The people affected", True), ("The press office", False), ("A celebrity", False)],
        order=0,
    )
    formats, format_choices = add_question(
        module,
        "Which formats are platform-native?",
        [("Instagram Stories", True), ("Short video", True), ("A PDF report", False)],
        kind="multiple",
        order=1,
    )
    return {"voice": (voice, voice_choices), "formats": (formats, format_choices)}


@pytest.fixture
def answered(quiz, module, course):
    """Four people answer the quiz:

    - voice: right once, "The press office" twice, "A celebrity" once -> 4 answered, 25 %
    - formats: right twice, half right once, with the PDF once -> 4 answered, 50 %
    """
    voice, v = quiz["voice"]
    formats, f = quiz["formats"]
    picks = [
        {voice: [v["The people affected"]], formats: [f["Instagram Stories"], f["Short video"]]},
        {voice: [v["The press office"]], formats: [f["Instagram Stories"]]},
        {voice: [v["The press office"]], formats: [f["Instagram Stories"], f["A PDF report"]]},
        {voice: [v["A celebrity"]], formats: [f["Instagram Stories"], f["Short video"]]},
    ]
    for number, pick in enumerate(picks):
        take_quiz(UserFactory(username=f"learner{number}"), module, course, pick)
    return quiz


def rows_of(response):
    return {row["question_prompt"]: row for row in response.context["object_list"]}


# --- The numbers ---------------------------------------------------------------------------


def test_report_counts_answers_per_question(eve_client, answered):
    response = eve_client.get(URL)
    assert response.status_code == 200
    rows = rows_of(response)
    voice = rows["Whose voice makes a campaign feel authentic?"]
    assert voice["module_title"] == "Why authentic voices matter"
    assert voice["course_code"] == "INF-101"
    assert (voice["answered"], voice["correct"], voice["percent_correct"]) == (4, 1, 25.0)
    assert (voice["wrong_choice"], voice["wrong_choice_count"]) == ("The press office", 2)
    formats = rows["Which formats are platform-native?"]
    assert (formats["answered"], formats["correct"], formats["percent_correct"]) == (4, 2, 50.0)
    assert (formats["wrong_choice"], formats["wrong_choice_count"]) == ("A PDF report", 1)


def test_report_page_shows_the_rows(eve_client, answered):
    content = eve_client.get(URL).content.decode()
    assert "Whose voice makes a campaign feel authentic?" in content
    assert "The press office" in content
    assert "25.0" in content


def test_questions_are_listed_in_quiz_order(eve_client, answered):
    prompts = [row["question_prompt"] for row in eve_client.get(URL).context["object_list"]]
    assert prompts == ["Whose voice makes a campaign feel authentic?", "Which formats are platform-native?"]


def test_question_nobody_got_wrong_has_no_wrong_choice(eve_client, quiz, module, course, amira):
    voice, v = quiz["voice"]
    formats, f = quiz["formats"]
    take_quiz(
        amira,
        module,
        course,
        {voice: [v["The people affected"]], formats: [f["Short video"], f["Instagram Stories"]]},
    )
    rows = rows_of(eve_client.get(URL))
    voice_row = rows["Whose voice makes a campaign feel authentic?"]
    assert (voice_row["percent_correct"], voice_row["wrong_choice"], voice_row["wrong_choice_count"]) == (
        100.0,
        None,
        0,
    )


def test_late_attempts_are_left_out(eve_client, quiz, module, course, amira):
    module.quiz_time_limit_minutes = 5
    module.save()
    voice, v = quiz["voice"]
    formats, f = quiz["formats"]
    started = timezone.now() - timedelta(hours=1)
    attempt = start_quiz(amira, module, course, now=started)
    submit_attempt(
        attempt.pk, amira, {voice.pk: [v["The people affected"].pk], formats.pk: [f["Short video"].pk]}
    )
    assert list(eve_client.get(URL).context["object_list"]) == []


def test_unsubmitted_attempts_are_not_counted(eve_client, quiz, module, course, amira):
    start_quiz(amira, module, course)
    assert list(eve_client.get(URL).context["object_list"]) == []


def test_empty_report_says_so(eve_client, db):
    response = eve_client.get(URL)
    assert response.status_code == 200
    assert list(response.context["object_list"]) == []


# --- Filters -------------------------------------------------------------------------------


@pytest.fixture
def other_course_answered(catalogue, answered):
    course = make_course(catalogue, title="Storytelling", course_code="STORY-201")
    module = make_module(course, title="Telling a story with consent")
    question, choices = add_question(
        module, "Who decides what is shared?", [("The storyteller", True), ("We do", False)]
    )
    take_quiz(UserFactory(username="storyteller"), module, course, {question: [choices["We do"]]})
    return module


def test_filter_by_course_code(eve_client, other_course_answered):
    rows = rows_of(eve_client.get(URL, {"course": "STORY-201"}))
    assert list(rows) == ["Who decides what is shared?"]
    assert rows["Who decides what is shared?"]["wrong_choice"] == "We do"
    rows = rows_of(eve_client.get(URL, {"course": "INF-101"}))
    assert set(rows) == {"Whose voice makes a campaign feel authentic?", "Which formats are platform-native?"}


def test_filter_by_module(eve_client, other_course_answered, module):
    rows = rows_of(eve_client.get(URL, {"module": other_course_answered.pk}))
    assert list(rows) == ["Who decides what is shared?"]
    rows = rows_of(eve_client.get(URL, {"module": module.pk}))
    assert len(rows) == 2


def test_unknown_filter_value_is_ignored_not_an_error(eve_client, other_course_answered):
    response = eve_client.get(URL, {"course": "NOPE-1", "module": "not-a-number"})
    assert response.status_code == 200


def test_results_fragment_for_filtering_without_reload(eve_client, other_course_answered):
    response = eve_client.get(URL + "results/", {"course": "STORY-201"})
    assert response.status_code == 200
    assert "Who decides what is shared?" in response.content.decode()
    assert "Whose voice" not in response.content.decode()


# --- Exports -------------------------------------------------------------------------------


def test_csv_export(eve_client, answered):
    response = eve_client.get(URL, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="quiz-item-analysis-' in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == [
        "Course code",
        "Module",
        "Question",
        "Answered",
        "Correct",
        "Percent correct",
        "Most-chosen wrong choice",
        "Times chosen",
    ]
    assert rows[1] == [
        "INF-101",
        "Why authentic voices matter",
        "Whose voice makes a campaign feel authentic?",
        "4",
        "1",
        "25.0",
        "The press office",
        "2",
    ]
    assert len(rows) == 3


def test_csv_export_is_filtered_and_named_for_the_course(eve_client, other_course_answered):
    response = eve_client.get(URL, {"export": "csv", "course": "STORY-201"})
    assert 'filename="quiz-item-analysis-STORY-201-' in response["Content-Disposition"]
    assert [row[2] for row in csv_rows(response)[1:]] == ["Who decides what is shared?"]


@pytest.fixture
def formula_question(module, course):
    question, choices = add_question(
        module, '=HYPERLINK("http://evil.example","Click")', [("+1+2", True), ("@SUM(A1)", False)], order=5
    )
    take_quiz(UserFactory(username="formula"), module, course, {question: [choices["@SUM(A1)"]]})
    return question


def test_csv_export_neutralises_formulas(eve_client, formula_question):
    rows = csv_rows(eve_client.get(URL, {"export": "csv"}))
    assert rows[1][2] == '\'=HYPERLINK("http://evil.example","Click")'
    assert rows[1][6] == "'@SUM(A1)"
    # Numbers stay numbers.
    assert rows[1][3] == "1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\t=1", "'\t=1"),
        ("A plain prompt", "A plain prompt"),
        ("", ""),
        (-5, -5),
        (None, None),
    ],
)
def test_neutralise_formula(text, expected):
    assert neutralise_formula(text) == expected


def test_xlsx_export_is_a_workbook(eve_client, answered):
    response = eve_client.get(URL, {"export": "xlsx"})
    assert response.status_code == 200
    assert "quiz-item-analysis-" in response["Content-Disposition"]
    assert response["Content-Disposition"].endswith('.xlsx"')
    content = streamed(response)
    assert content[:4] == b"PK\x03\x04"
    sheet = load_workbook(io.BytesIO(content)).active
    values = list(sheet.values)
    assert values[0][:3] == ("Course code", "Module", "Question")
    assert values[1][2] == "Whose voice makes a campaign feel authentic?"
    assert values[1][3] == 4
    assert values[1][5] == 25.0


def test_xlsx_export_keeps_formulas_as_text(eve_client, formula_question):
    """Wagtail writes text that looks like a formula as a string cell, never a formula;
    the text itself is kept exactly."""
    content = streamed(eve_client.get(URL, {"export": "xlsx"}))
    sheet = load_workbook(io.BytesIO(content)).active
    cell = sheet.cell(row=2, column=3)
    assert cell.value == '=HYPERLINK("http://evil.example","Click")'
    assert cell.data_type == "s"
    assert sheet.cell(row=2, column=7).data_type == "s"


# --- Who may see it ------------------------------------------------------------------------


def test_editor_and_reviewer_can_see_the_report(eve, rita, answered):
    for user in (eve, rita):
        assert _client_for(user).get(URL).status_code == 200


def test_superuser_can_see_the_report(superuser_client, answered):
    assert superuser_client.get(URL).status_code == 200


def test_manager_is_refused(bruno, answered):
    client = _client_for(bruno)
    for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
        assert_refused(client.get(URL, params), URL)
    assert_refused(client.get(URL + "results/"), URL)


def test_staff_member_without_admin_access_is_kept_out(amira_client, answered):
    assert_refused(amira_client.get(URL), URL)
    assert_refused(amira_client.get(URL, {"export": "csv"}), URL)


def test_anonymous_visitor_is_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_reports_menu_shows_the_report_only_to_those_allowed(eve, bruno):
    assert "/admin/reports/quiz-items/" in _client_for(eve).get("/admin/").content.decode()
    assert "/admin/reports/quiz-items/" not in _client_for(bruno).get("/admin/").content.decode()


# --- Query counts --------------------------------------------------------------------------


def build_quiz(module, course, questions, attempts):
    bank = [
        add_question(
            module, f"Question {n}", [("Right", True), ("Wrong", False), ("Also wrong", False)], order=n
        )
        for n in range(questions)
    ]
    for number in range(attempts):
        picks = {
            question: [choices["Wrong" if (number + i) % 3 else "Right"]]
            for i, (question, choices) in enumerate(bank)
        }
        take_quiz(UserFactory(username=f"q{questions}a{number}"), module, course, picks)


def report_queries(client, **params):
    client.get(URL, params)  # warm up caches that do not depend on the data
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, params)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("params", [{}, {"export": "csv"}, {"export": "xlsx"}])
def test_query_count_does_not_grow_with_questions_or_attempts(
    catalogue, eve_client, django_assert_max_num_queries, params
):
    small_course = make_course(catalogue, course_code="SMALL-1")
    build_quiz(make_module(small_course), small_course, questions=2, attempts=5)
    small, response = report_queries(eve_client, course="SMALL-1", **params)

    large_course = make_course(catalogue, course_code="LARGE-1")
    build_quiz(make_module(large_course), large_course, questions=20, attempts=50)
    eve_client.get(URL, {"course": "LARGE-1", **params})
    with django_assert_max_num_queries(small):
        response = eve_client.get(URL, {"course": "LARGE-1", **params})
    if not params:
        rows = list(response.context["object_list"])
        assert len(rows) == 20
        assert sum(row["answered"] for row in rows) == 20 * 50
