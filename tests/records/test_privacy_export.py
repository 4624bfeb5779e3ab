"""A person's data as one archive (records.privacy.export): every file's content, JSON and
CSV alike; a person written in Arabic; a person with no records; who may download whose;
the export_person command; the query budget; and that no model linking to a person can be
added without the export saying what it does with it."""

import csv
import io
import json
import zipfile
from datetime import date, timedelta
from io import StringIO

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connections
from django.utils import timezone

import pytest

from quizzes.models import Attempt
from records.management.commands.export_person import Command as ExportPerson
from records.models import CourseCompletion, ModuleUpdate, ReminderLog
from records.privacy import export
from records.privacy.export import BY_HR, BY_SELF, DATASETS, EXPORTED_LINKS, NOT_EXPORTED_LINKS
from security.log import Action, record
from security.models import SecurityEvent
from tests.conftest import _client_for
from tests.factories import (
    CourseCompletionFactory,
    EnrolmentFactory,
    ReflectionAnswerFactory,
    UserFactory,
    add_question,
    add_quiz,
    take_quiz,
)

NAMES = [dataset.name for dataset in DATASETS]


def read_archive(data):
    """{file name: parsed content}: JSON parsed, CSV as a list of dicts (and its header)."""
    files = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        for name in archive.namelist():
            raw = archive.read(name)
            if name.endswith(".json"):
                files[name] = json.loads(raw.decode("utf-8"))
            elif name.endswith(".csv"):
                assert raw.startswith(b"\xef\xbb\xbf"), f"{name} has no UTF-8 byte order mark"
                reader = csv.reader(StringIO(raw.decode("utf-8-sig"), newline=""))
                header, *rows = list(reader)
                files[name] = [dict(zip(header, row, strict=True)) for row in rows]
                files[name + ":header"] = header
            else:
                files[name] = raw.decode("utf-8")
    return files


def archive_of(person, channel=BY_HR):
    out = io.BytesIO()
    export.export_person(person, out, channel=channel)
    return read_archive(out.getvalue())


def by(rows, key):
    return {row[key]: row for row in rows}


# --- A person with a history -------------------------------------------------------------------


@pytest.fixture
def history(amira, bruno, hana, chen, quiz_module, course):
    """amira: failed then passed the quiz (so completed the course), wrote a reflection, got
    reminders, had a module re-opened, an older certificate superseded and one revoked, and
    security-log entries about her and by her."""
    take_quiz(amira, quiz_module, course, passing=False)
    take_quiz(amira, quiz_module, course, passing=True)
    completion = CourseCompletion.objects.get(user=amira, course_code="INF-101")
    completion.module_versions = {str(quiz_module.translation_key): 2}
    completion.valid_until = date(2027, 12, 31)
    completion.save()
    old = CourseCompletionFactory(user=amira, course_code="INF-100", course_title="Old course", days_ago=400)
    newer = CourseCompletionFactory(user=amira, course_code="INF-100", course_title="Old course", days_ago=30)
    old.superseded_at, old.superseded_by = timezone.now() - timedelta(days=30), newer
    old.save()
    CourseCompletionFactory(user=amira, course_code="SAF-1", course_title="Safety", revoked=True)
    ReflectionAnswerFactory(
        user=amira,
        module=quiz_module,
        block_id="reflect-voice",
        prompt="Whose voice?",
        answer="=HYPERLINK(1)",
    )
    enrolment = amira.enrolments.get(course_code="INF-101")
    ReminderLog.objects.create(
        kind=ReminderLog.Kind.DUE_SOON, recipient=amira, enrolment=enrolment, key="2026-W01"
    )
    ReminderLog.objects.create(
        kind=ReminderLog.Kind.FROM_MANAGER, recipient=amira, enrolment=enrolment, key="d1", requested_by=bruno
    )
    ReminderLog.objects.create(
        kind=ReminderLog.Kind.EXPIRING, recipient=amira, completion=completion, key="e1"
    )
    ReminderLog.objects.create(kind=ReminderLog.Kind.DUE_SOON, recipient=chen, key="not-hers")
    ModuleUpdate.objects.create(
        user=amira,
        course_code="INF-101",
        completion=completion,
        module_key=quiz_module.translation_key,
        module_title=quiz_module.title,
        version=3,
        summary="New consent rules",
    )
    record(Action.SIGNED_IN, actor=amira, subject=amira)
    record(Action.USER_CHANGED, actor=hana, subject=amira, fields=["country"])
    record(Action.ROLES_CHANGED, actor=amira, subject=chen, before=[], after=["Editors"])
    record(Action.SIGNED_IN, actor=chen, subject=chen)
    return amira


def test_archive_has_a_readme_and_every_dataset_as_json_and_csv(history):
    files = archive_of(history)
    expected = {"README.txt"} | {f"{name}.{ext}" for name in NAMES for ext in ("json", "csv")}
    assert {name for name in files if ":" not in name} == expected
    for dataset in DATASETS:
        rows = files[f"{dataset.name}.json"]
        assert isinstance(rows, list)
        assert files[f"{dataset.name}.csv:header"] == list(dataset.columns)
        assert len(files[f"{dataset.name}.csv"]) == len(rows), dataset.name
        for row in rows:
            assert list(row) == list(dataset.columns), dataset.name
    readme = files["README.txt"]
    for name in NAMES:
        assert f"{name}.json, {name}.csv" in readme
    assert "Amira Haddad" in readme and "Generated:" in readme


def test_profile(history, communications):
    history.country, history.start_date = "Kenya", date(2024, 2, 1)
    history.save()
    (json_row,) = archive_of(history)["profile.json"]
    assert json_row == {
        **json_row,
        "username": "amira",
        "full_name": "Amira Haddad",
        "email": "Amira.Haddad@example.org",
        "employee_id": history.employee_id,
        "department": "Communications",
        "country": "Kenya",
        "preferred_language": "en",
        "manager": "Bruno Costa",
        "start_date": "2024-02-01",
        "left_on": None,
        "is_active": True,
        "roles": [],
    }
    assert json_row["date_joined"].startswith(str(history.date_joined.year))
    (csv_row,) = archive_of(history)["profile.csv"]
    assert csv_row["manager"] == "Bruno Costa" and csv_row["is_active"] == "Yes" and csv_row["left_on"] == ""


def test_quiz_attempts_hold_the_questions_as_served_and_the_answers_given(history):
    files = archive_of(history)
    attempts = list(Attempt.objects.filter(user=history).order_by("started_at", "pk"))
    rows = files["quiz_attempts.json"]
    assert [row["attempt_id"] for row in rows] == [attempt.pk for attempt in attempts]
    for row, attempt in zip(rows, attempts, strict=True):
        assert row["questions_as_served"] == attempt.questions
        assert row["answers_given"] == attempt.answers
        assert row["answer_key_included"] is True
        assert row["passed"] is attempt.passed
        assert row["percentage"] == str(attempt.percentage)
        records = {record["question_id"]: record for record in row["answer_records"]}
        for answer in attempt.answer_records.all():
            assert records[answer.question_id]["is_correct"] is answer.is_correct
            assert [c["text"] for c in records[answer.question_id]["selected_choices"]] == [
                choice.text for choice in answer.selected_choices.order_by("pk")
            ]
    failed, passed = rows
    assert failed["passed"] is False and passed["passed"] is True
    csv_rows = files["quiz_attempts.csv"]
    assert json.loads(csv_rows[0]["questions_as_served"]) == attempts[0].questions
    assert csv_rows[1]["passed"] == "Yes"
    answers = files["quiz_answers.json"]
    assert len(answers) == sum(len(row["answer_records"]) for row in rows) == 6
    assert {row["prompt"] for row in answers} == {q["prompt"] for q in attempts[0].questions}
    assert files["quiz_answers.csv"][0]["attempt_id"] == str(attempts[0].pk)


def test_certificates_with_validity_revocation_supersession_and_module_versions(history, quiz_module):
    files = archive_of(history)
    rows = by(files["certificates.json"], "certificate_id")
    assert len(rows) == 4
    current = CourseCompletion.objects.get(user=history, course_code="INF-101")
    assert rows[current.certificate_id]["valid_until"] == "2027-12-31"
    assert rows[current.certificate_id]["standing"] == "valid"
    assert rows[current.certificate_id]["module_versions"] == {str(quiz_module.translation_key): 2}
    old, newer = CourseCompletion.objects.filter(course_code="INF-100").order_by("completed_at")
    assert rows[old.certificate_id]["superseded_by_certificate_id"] == newer.certificate_id
    assert rows[old.certificate_id]["superseded_at"]
    revoked = CourseCompletion.objects.get(course_code="SAF-1")
    assert rows[revoked.certificate_id]["standing"] == "revoked"
    assert rows[revoked.certificate_id]["revoked_reason"] == "Entered by mistake"
    csv_row = by(files["certificates.csv"], "certificate_id")[current.certificate_id]
    assert json.loads(csv_row["module_versions"]) == {str(quiz_module.translation_key): 2}
    (update,) = files["module_updates.json"]
    assert update["certificate_id"] == current.certificate_id and update["summary"] == "New consent rules"


def test_enrolments_progress_reflections_and_reminders(history, quiz_module):
    files = archive_of(history)
    (enrolment,) = files["enrolments.json"]
    assert (enrolment["course_code"], enrolment["status"]) == ("INF-101", "completed")
    (progress,) = files["module_progress.json"]
    assert progress["module_title"] == quiz_module.title and progress["completed_at"]
    (reflection,) = files["reflections.json"]
    assert reflection == {**reflection, "prompt_id": "reflect-voice", "prompt": "Whose voice?"}
    # As written in the JSON; shown as text, never run as a formula, in the spreadsheet.
    assert reflection["answer"] == "=HYPERLINK(1)"
    assert files["reflections.csv"][0]["answer"] == "'=HYPERLINK(1)"
    reminders = files["reminders.json"]
    assert [(r["kind"], r["course_code"], r["requested_by"]) for r in reminders] == [
        ("due_soon", "INF-101", None),
        ("from_manager", "INF-101", "Bruno Costa"),
        ("expiring", "INF-101", None),
    ]
    assert (
        reminders[2]["certificate_id"] == CourseCompletion.objects.get(course_code="INF-101").certificate_id
    )


def test_security_log_about_them_and_by_them_but_not_others_data(history, chen):
    rows = archive_of(history)["security_log.json"]
    summary = [(row["event"], row["role"], row["concerning"]) for row in rows]
    assert ("signed_in", "actor and subject", f"amira ({history.pk})") in summary
    assert ("user_changed", "subject", f"amira ({history.pk})") in summary
    (changed,) = [row for row in rows if row["event"] == "user_changed"]
    assert changed["by"].startswith("hana") and changed["detail"] == {"fields": ["country"]}
    # Her action on chen's account: that it happened, not whom it concerned or what changed.
    (own_action,) = [row for row in rows if row["event"] == "roles_changed"]
    assert own_action["role"] == "actor" and own_action["concerning"] == "" and own_action["detail"] == {}
    assert not any("chen" in json.dumps(row) for row in rows)


def test_a_person_written_in_arabic(site_tree, module, course):
    layla = UserFactory(username="layla", full_name="ليلى حداد", employee_id="ع-٧", preferred_language="ar")
    question, choices = add_question(module, "من يروي القصة؟", [("الناس المتأثرون", True), ("المقر", False)])
    take_quiz(layla, module, course, {question: [choices["الناس المتأثرون"]]})
    ReflectionAnswerFactory(user=layla, module=module, answer="صوت الناس أصدق من صوت المؤسسة.")
    files = archive_of(layla)
    assert files["profile.json"][0]["full_name"] == "ليلى حداد"
    assert files["profile.csv"][0]["full_name"] == "ليلى حداد"
    assert files["profile.csv"][0]["employee_id"] == "ع-٧"
    assert files["reflections.csv"][0]["answer"] == "صوت الناس أصدق من صوت المؤسسة."
    (answer,) = files["quiz_answers.json"]
    assert answer["prompt"] == "من يروي القصة؟" and answer["is_correct"] is True
    assert files["quiz_answers.csv"][0]["selected_choices"] == '["الناس المتأثرون"]'
    (attempt,) = files["quiz_attempts.json"]
    assert {c["text"] for c in attempt["questions_as_served"][0]["choices"]} == {"الناس المتأثرون", "المقر"}
    assert "ليلى حداد" in files["README.txt"]
    assert export.archive_name(layla, date(2026, 12, 7)) == "personal-data-ع-٧-2026-12-07.zip"


def test_a_person_with_no_records(db):
    nobody = UserFactory(username="new.joiner", full_name="New Joiner", manager=None)
    files = archive_of(nobody)
    for dataset in DATASETS:
        if dataset.name == "security_log":  # only that the account was made
            assert [row["event"] for row in files["security_log.json"]] == ["user_created"]
        elif dataset.name != "profile":
            assert files[f"{dataset.name}.json"] == [], dataset.name
            assert files[f"{dataset.name}.csv"] == [], dataset.name
        assert files[f"{dataset.name}.csv:header"] == list(dataset.columns)
    assert files["profile.json"][0]["manager"] is None
    assert "(0 records)" in files["README.txt"]


def test_own_download_leaves_out_answer_keys_not_yet_shown(amira, quiz_module, course):
    add_quiz(quiz_module, feedback_policy="never")
    take_quiz(amira, quiz_module, course, passing=False)
    own = archive_of(amira, channel=BY_SELF)
    (attempt,) = own["quiz_attempts.json"]
    assert attempt["answer_key_included"] is False
    served = json.dumps(attempt["questions_as_served"])
    assert '"is_correct"' not in served and '"explanation"' not in served and '"feedback"' not in served
    assert attempt["questions_as_served"][0]["choices"][0]["text"]
    assert attempt["answers_given"] and attempt["score"] is not None
    assert all("is_correct" not in record for record in attempt["answer_records"])
    assert all(row["is_correct"] is None for row in own["quiz_answers.json"])
    assert "answer_key_included is No" in own["README.txt"]
    # HR's export of the same attempt is complete.
    (full,) = archive_of(amira)["quiz_attempts.json"]
    assert (
        full["answer_key_included"] is True and full["questions_as_served"] == Attempt.objects.get().questions
    )


def test_every_link_to_a_person_is_exported_or_excluded_with_a_reason():
    """Fails when a model gains a link to a person that the export does not account for:
    add it to EXPORTED_LINKS (and a dataset) or NOT_EXPORTED_LINKS (with the reason)."""
    person = get_user_model()
    links = set()
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.get_fields():
            if field.is_relation and field.concrete and field.related_model is person:
                links.add(f"{field.model._meta.label}.{field.name}")
    accounted = set(EXPORTED_LINKS) | set(NOT_EXPORTED_LINKS)
    assert not links - accounted, (
        f"links to a person the export does not account for: {sorted(links - accounted)}"
    )
    assert not accounted - links, f"listed links that no longer exist: {sorted(accounted - links)}"
    assert not set(EXPORTED_LINKS) & set(NOT_EXPORTED_LINKS)
    assert set(EXPORTED_LINKS.values()) <= set(NAMES)
    assert all(len(reason) > 20 for reason in NOT_EXPORTED_LINKS.values())


def test_queries_do_not_grow_with_the_history(history, quiz_module, course, django_assert_max_num_queries):
    budget = 18  # 15 reads (a fixed number per dataset, one pass) and the security log entry
    with django_assert_max_num_queries(budget):
        archive_of(history)
    for _ in range(3):
        take_quiz(history, quiz_module, course, passing=False)
    for number in range(20):
        EnrolmentFactory(user=history, course_code=f"C-{number}")
        CourseCompletionFactory(user=history, course_code=f"C-{number}")
    with django_assert_max_num_queries(budget):
        files = archive_of(history)
    assert len(files["quiz_attempts.json"]) == 5 and len(files["enrolments.json"]) == 21


# --- Who may download whose -----------------------------------------------------------------


def admin_url(person):
    return f"/admin/staff/{person.pk}/personal-data/"


def download(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]
    return read_archive(b"".join(response.streaming_content))


def test_hr_admin_exports_a_staff_member(hana_client, hana, history):
    response = hana_client.get(admin_url(history))
    assert f'filename="personal-data-{history.employee_id}-' in response["Content-Disposition"]
    files = download(response)
    assert files["profile.json"][0]["username"] == "amira"
    event = SecurityEvent.objects.get(action=Action.PERSONAL_DATA_EXPORTED)
    assert (event.actor, event.subject, event.detail["channel"]) == (hana, history, "admin")
    assert event.detail["records"]["quiz_attempts"] == 2


def test_superuser_exports_anyone_hr_not_a_superuser(superuser, hana_client, amira):
    assert _client_for(superuser).get(admin_url(amira)).status_code == 200
    assert (
        download(_client_for(superuser).get(admin_url(superuser)))["profile.json"][0]["username"]
        == "root-admin"
    )
    refused = hana_client.get(admin_url(superuser))
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert not SecurityEvent.objects.filter(
        action=Action.PERSONAL_DATA_EXPORTED, subject=superuser, actor__username="hana"
    ).exists()


@pytest.mark.parametrize("who", ["bruno", "amira", "chen", "eve"])
def test_managers_learners_and_editors_cannot_export_anyone(request, who, amira, chen):
    client = _client_for(request.getfixturevalue(who))
    for person in (amira, chen):
        response = client.get(admin_url(person))
        assert response.status_code == 302 and response["Location"].startswith(("/admin/", "/admin/login/"))
    assert not SecurityEvent.objects.filter(action=Action.PERSONAL_DATA_EXPORTED).exists()


def test_admin_export_is_a_get_download(hana_client, amira):
    assert hana_client.post(admin_url(amira)).status_code == 405
    assert hana_client.get("/admin/staff/999999/personal-data/").status_code == 404


def test_staff_page_and_list_offer_the_export_to_hr(hana_client, amira):
    page = hana_client.get(f"/admin/users/edit/{amira.pk}/")
    assert admin_url(amira) in page.content.decode()
    assert "Export personal data" in page.content.decode()
    listing = hana_client.get("/admin/users/")
    assert admin_url(amira) in listing.content.decode()


def test_learner_downloads_their_own_data_only(amira_client, amira, chen, history):
    # No argument names a person: whatever is sent, the archive is the signed-in person's.
    response = amira_client.post(f"/my-learning/my-data/?user={chen.pk}", {"user_id": chen.pk})
    files = download(response)
    assert files["profile.json"][0]["username"] == "amira"
    assert "personal-data-" in response["Content-Disposition"]
    event = SecurityEvent.objects.get(action=Action.PERSONAL_DATA_EXPORTED)
    assert (event.actor, event.subject, event.detail["channel"]) == (amira, amira, "self")


def test_own_download_is_a_post_with_csrf(amira, client):
    assert client.post("/my-learning/my-data/").status_code == 302  # the login wall
    strict = _client_for(amira)
    strict.handler.enforce_csrf_checks = True
    assert strict.post("/my-learning/my-data/").status_code == 403
    assert _client_for(amira).get("/my-learning/my-data/").status_code == 405
    assert not SecurityEvent.objects.filter(action=Action.PERSONAL_DATA_EXPORTED).exists()


def test_account_page_offers_download_my_data(amira_client):
    page = amira_client.get("/accounts/security/").content.decode()
    assert 'action="/my-learning/my-data/"' in page and "Download my data" in page
    assert "csrfmiddlewaretoken" in page


# --- The command ------------------------------------------------------------------------------


def test_command_writes_the_default_archive_in_the_current_directory(history, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = StringIO()
    call_command("export_person", history.employee_id, stdout=out)
    expected = tmp_path / f"personal-data-{history.employee_id}-{timezone.localdate().isoformat()}.zip"
    assert expected.exists() and str(expected.name) in out.getvalue()
    assert read_archive(expected.read_bytes())["profile.json"][0]["username"] == "amira"
    event = SecurityEvent.objects.get(action=Action.PERSONAL_DATA_EXPORTED)
    assert (event.actor, event.subject, event.detail["channel"]) == (None, history, "command")


def test_command_output_and_refusal_to_overwrite(amira, tmp_path):
    target = tmp_path / "amira.zip"
    call_command("export_person", amira.employee_id, "--output", str(target), stdout=StringIO())
    first = target.read_bytes()
    target.write_bytes(b"kept")
    with pytest.raises(CommandError, match="already exists.*--force"):
        call_command("export_person", amira.employee_id, "--output", str(target), stdout=StringIO())
    assert target.read_bytes() == b"kept"
    call_command("export_person", amira.employee_id, "--output", str(target), "--force", stdout=StringIO())
    assert target.read_bytes()[:2] == first[:2] == b"PK"
    assert SecurityEvent.objects.filter(action=Action.PERSONAL_DATA_EXPORTED).count() == 2


def test_command_unknown_employee_id_exits_non_zero_naming_it(db, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    # As manage.py runs it (run_from_argv turns a CommandError into a message and status 1),
    # without closing the test's database connection at the end as it would.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    with pytest.raises(SystemExit) as exit_:
        ExportPerson().run_from_argv(["manage.py", "export_person", "NO-SUCH-ID"])
    assert exit_.value.code == 1
    assert "NO-SUCH-ID" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
    assert not SecurityEvent.objects.filter(action=Action.PERSONAL_DATA_EXPORTED).exists()


def test_command_removes_a_half_written_archive(amira, tmp_path, monkeypatch):
    def broken(person, options):
        raise RuntimeError("database went away")
        yield  # pragma: no cover

    monkeypatch.setattr(export, "DATASETS", (export.Dataset("broken", "", ("a",), broken),))
    target = tmp_path / "amira.zip"
    with pytest.raises(RuntimeError):
        call_command("export_person", amira.employee_id, "--output", str(target), stdout=StringIO())
    assert not target.exists()
    assert not SecurityEvent.objects.filter(action=Action.PERSONAL_DATA_EXPORTED).exists()
