"""A person's data, as one ZIP archive: a data request (access and portability) answered by
HR (``manage.py export_person``, the staff member's admin page) or by the person themselves
(*Download my data*).

The archive holds a README.txt and, for each dataset, ``<name>.json`` (a list of records,
exactly as stored) and ``<name>.csv`` (the same rows for a spreadsheet). Every model that
links to a person is named in ``EXPORTED_LINKS`` or ``NOT_EXPORTED_LINKS`` (with the reason);
``tests/records/test_privacy_export.py`` fails when a new one appears, so the export cannot
silently fall behind the schema.

Each dataset is read in a fixed number of queries (``values()`` or prefetching, in chunks),
whatever the length of the person's history, and the archive is written entry by entry to
the file object given, so a long history is never held in memory as a whole."""

import csv
import datetime
import decimal
import io
import json
import re
import shutil
import tempfile
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from elearning.yes_no import yes_no
from people.access import can_edit_account
from people.models import PartnerOrganisation
from quizzes.models import AnswerRecord, Attempt
from records.models import (
    CourseCompletion,
    Enrolment,
    ModuleProgress,
    ModuleUpdate,
    ReflectionAnswer,
    ReminderLog,
)
from security.exports import neutralise_formula
from security.log import Action, record
from security.models import SecurityEvent

# Rows read at a time from the larger tables (prefetches run once per chunk, not per row).
CHUNK_SIZE = 500

# Who asked: written to the security log and the README.
BY_COMMAND, BY_HR, BY_SELF = "command", "admin", "self"


def can_export(user, person):
    """HR admins (who keep staff records: ``people.change_user``) and superusers may export
    a person's data, on the rule of whose account they may edit (``people.access``: only
    superusers a superuser's). A person downloads their own with *Download my data*."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.has_perm("people.change_user")
        and can_edit_account(user, person)
    )


# --- Values as they are written --------------------------------------------------------------


def _moment(value):
    # Times in the organisation's time zone, with the offset, so they read as the site shows them.
    return (
        timezone.localtime(value).isoformat(timespec="seconds")
        if timezone.is_aware(value)
        else value.isoformat()
    )


def json_value(value):
    if isinstance(value, datetime.datetime):
        return _moment(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, dict):
        return {str(key): json_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_value(item) for item in value]
    return value


def csv_value(value):
    """One spreadsheet cell: nested values as JSON text, true/false as Yes/No (as every admin
    export), and text that a spreadsheet would run as a formula shown as text."""
    value = json_value(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return neutralise_formula(value)


# --- The datasets ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Dataset:
    name: str
    description: str
    columns: tuple
    rows: Callable  # (person, options) -> iterable of dicts, keys as ``columns``


@dataclass(frozen=True)
class Options:
    # Learners downloading their own data do not get the right answers of quizzes whose
    # feedback they have not been shown (the quiz's feedback policy): the questions are not
    # their personal data, and the answer key would let them pass a retake without learning.
    reveal_answer_keys: bool = True


PROFILE_COLUMNS = (
    "username",
    "full_name",
    "email",
    "employee_id",
    "department",
    "partner_organisation",
    "focal_point_for",
    "country",
    "preferred_language",
    "manager",
    "start_date",
    "left_on",
    "is_active",
    "date_joined",
    "last_login",
    "roles",
)


def profile_rows(person, options):
    row = (
        get_user_model()
        .objects.filter(pk=person.pk)
        .values(
            "username",
            "full_name",
            "email",
            "employee_id",
            "department__name",
            "partner_organisation__name",
            "country",
            "preferred_language",
            "manager__full_name",
            "manager__username",
            "start_date",
            "left_on",
            "is_active",
            "date_joined",
            "last_login",
        )
        .get()
    )
    row["department"] = row.pop("department__name")
    row["partner_organisation"] = row.pop("partner_organisation__name")
    row["focal_point_for"] = sorted(
        PartnerOrganisation.focal_points.through.objects.filter(user_id=person.pk).values_list(
            "partnerorganisation__name", flat=True
        )
    )
    # The manager's name only: their other details are their own data, not this person's.
    manager_name, manager_username = row.pop("manager__full_name"), row.pop("manager__username")
    row["manager"] = (manager_name or "").strip() or manager_username
    row["roles"] = sorted(Group.objects.filter(user=person.pk).values_list("name", flat=True))
    return [{column: row[column] for column in PROFILE_COLUMNS}]


ENROLMENT_COLUMNS = (
    "course_code",
    "course_title",
    "source",
    "status",
    "status_changed_at",
    "due_date",
    "cycle",
    "enrolled_at",
    "completed_at",
    "assignment_rule_id",
)


def enrolment_rows(person, options):
    return Enrolment.objects.filter(user=person.pk).order_by("enrolled_at", "pk").values(*ENROLMENT_COLUMNS)


PROGRESS_COLUMNS = ("course_code", "module_title", "module_key", "started_at", "read_at", "completed_at")


def progress_rows(person, options):
    return (
        ModuleProgress.objects.filter(user=person.pk).order_by("started_at", "pk").values(*PROGRESS_COLUMNS)
    )


ATTEMPT_COLUMNS = (
    "attempt_id",
    "course_code",
    "module_title",
    "module_key",
    "cycle",
    "number",
    "attempt_limit",
    "pass_mark",
    "feedback_policy",
    "deadline",
    "started_at",
    "submitted_at",
    "late",
    "score",
    "max_score",
    "percentage",
    "passed",
    "answer_key_included",
    "questions_as_served",
    "answers_given",
    "answer_records",
)
# What of a served question tells the right answer: left out where the person was not shown it.
ANSWER_KEY_FIELDS = ("is_correct", "explanation", "feedback")


def _without_answer_key(questions):
    return [
        {
            **{key: value for key, value in question.items() if key not in ANSWER_KEY_FIELDS},
            "choices": [
                {key: value for key, value in choice.items() if key not in ANSWER_KEY_FIELDS}
                for choice in question.get("choices", [])
            ],
        }
        for question in questions or []
    ]


def _attempts(person):
    answer_records = AnswerRecord.objects.order_by("pk").prefetch_related("selected_choices")
    return (
        Attempt.objects.filter(user=person.pk)
        .order_by("started_at", "pk")
        .prefetch_related(Prefetch("answer_records", queryset=answer_records))
        .iterator(chunk_size=CHUNK_SIZE)
    )


def _shows_key(attempt, options):
    return options.reveal_answer_keys or attempt.shows_feedback


def attempt_rows(person, options):
    for attempt in _attempts(person):
        key = _shows_key(attempt, options)
        records = []
        for answer in attempt.answer_records.all():
            chosen = [
                {"text": choice.text, **({"is_correct": choice.is_correct} if key else {})}
                for choice in sorted(answer.selected_choices.all(), key=lambda choice: choice.pk)
            ]
            records.append(
                {
                    "question_id": answer.question_id,
                    "prompt": answer.prompt,
                    **({"is_correct": answer.is_correct} if key else {}),
                    "points": answer.points,
                    "selected_choices": chosen,
                }
            )
        yield {
            "attempt_id": attempt.pk,
            "course_code": attempt.course_code,
            "module_title": attempt.module_title,
            "module_key": attempt.module_key,
            "cycle": attempt.cycle,
            "number": attempt.number,
            "attempt_limit": attempt.attempt_limit,
            "pass_mark": attempt.pass_mark,
            "feedback_policy": attempt.feedback_policy,
            "deadline": attempt.deadline,
            "started_at": attempt.started_at,
            "submitted_at": attempt.submitted_at,
            "late": attempt.late,
            "score": attempt.score,
            "max_score": attempt.max_score,
            "percentage": attempt.percentage,
            "passed": attempt.passed,
            "answer_key_included": key,
            "questions_as_served": attempt.questions if key else _without_answer_key(attempt.questions),
            "answers_given": attempt.answers,
            "answer_records": records,
        }


ANSWER_COLUMNS = (
    "attempt_id",
    "course_code",
    "module_title",
    "attempt_number",
    "question_id",
    "prompt",
    "selected_choices",
    "is_correct",
    "points",
)


def answer_rows(person, options):
    """The answers of ``quiz_attempts`` again, one row per question: easier in a spreadsheet."""
    for attempt in attempt_rows(person, options):
        for answer in attempt["answer_records"]:
            yield {
                "attempt_id": attempt["attempt_id"],
                "course_code": attempt["course_code"],
                "module_title": attempt["module_title"],
                "attempt_number": attempt["number"],
                "question_id": answer["question_id"],
                "prompt": answer["prompt"],
                "selected_choices": [choice["text"] for choice in answer["selected_choices"]],
                "is_correct": answer.get("is_correct"),
                "points": answer["points"],
            }


REFLECTION_COLUMNS = ("module_title", "prompt_id", "prompt", "answer", "created_at", "updated_at")


def reflection_rows(person, options):
    rows = ReflectionAnswer.objects.filter(user=person.pk).order_by("created_at", "pk")
    for row in rows.values("module_title", "block_id", "prompt", "answer", "created_at", "updated_at"):
        row["prompt_id"] = row.pop("block_id")
        yield {column: row[column] for column in REFLECTION_COLUMNS}


CERTIFICATE_COLUMNS = (
    "certificate_id",
    "course_code",
    "course_title",
    "course_language",
    "completed_at",
    "score",
    "valid_until",
    "standing",
    "revoked_at",
    "revoked_reason",
    "superseded_at",
    "superseded_by_certificate_id",
    "module_versions",
)


def certificate_rows(person, options):
    today = timezone.localdate()
    completions = (
        CourseCompletion.objects.filter(user=person.pk)
        .standing(on=today)
        .order_by("completed_at", "pk")
        .values(
            *(c for c in CERTIFICATE_COLUMNS if c not in ("standing", "superseded_by_certificate_id")),
            "standing",
            "superseded_by__certificate_id",
        )
    )
    for row in completions:
        row["superseded_by_certificate_id"] = row.pop("superseded_by__certificate_id")
        yield {column: row[column] for column in CERTIFICATE_COLUMNS}


UPDATE_COLUMNS = (
    "course_code",
    "certificate_id",
    "module_title",
    "module_key",
    "version",
    "summary",
    "opened_at",
    "due_date",
    "completed_at",
)


def update_rows(person, options):
    rows = ModuleUpdate.objects.filter(user=person.pk).order_by("opened_at", "pk")
    for row in rows.values(
        *(c for c in UPDATE_COLUMNS if c != "certificate_id"), "completion__certificate_id"
    ):
        row["certificate_id"] = row.pop("completion__certificate_id")
        yield {column: row[column] for column in UPDATE_COLUMNS}


REMINDER_COLUMNS = ("kind", "course_code", "certificate_id", "key", "created_at", "sent_at", "requested_by")


def reminder_rows(person, options):
    rows = ReminderLog.objects.filter(recipient=person.pk).order_by("created_at", "pk")
    for row in rows.values(
        "kind",
        "enrolment__course_code",
        "completion__course_code",
        "completion__certificate_id",
        "key",
        "created_at",
        "sent_at",
        "requested_by__full_name",
        "requested_by__username",
    ):
        yield {
            "kind": row["kind"],
            "course_code": row["enrolment__course_code"] or row["completion__course_code"],
            "certificate_id": row["completion__certificate_id"],
            "key": row["key"],
            "created_at": row["created_at"],
            "sent_at": row["sent_at"],
            # The manager who sent it (their name is on the email); empty for the daily run's.
            "requested_by": (row["requested_by__full_name"] or "").strip() or row["requested_by__username"],
        }


SECURITY_COLUMNS = (
    "created_at",
    "event",
    "role",
    "by",
    "concerning",
    "object",
    "ip_address",
    "user_agent",
    "detail",
)


def security_rows(person, options):
    """Entries where the person is the subject (in full), and their own actions on the
    platform. Of an action that concerned someone else (an HR admin's change to another
    account), who it concerned and its details are that person's data and left out."""
    events = (
        SecurityEvent.objects.filter(Q(actor=person.pk) | Q(subject=person.pk))
        .order_by("created_at", "pk")
        .values(
            "created_at",
            "action",
            "actor_id",
            "actor_label",
            "subject_id",
            "subject_label",
            "object_label",
            "ip_address",
            "user_agent",
            "detail",
        )
        .iterator(chunk_size=CHUNK_SIZE)
    )
    for event in events:
        about_them = event["subject_id"] == person.pk
        by_them = event["actor_id"] == person.pk
        about_other = event["subject_id"] is not None and not about_them
        yield {
            "created_at": event["created_at"],
            "event": event["action"],
            "role": "actor and subject" if by_them and about_them else ("subject" if about_them else "actor"),
            "by": event["actor_label"],
            "concerning": "" if about_other else event["subject_label"],
            "object": event["object_label"],
            "ip_address": event["ip_address"],
            "user_agent": event["user_agent"],
            "detail": {} if about_other else event["detail"],
        }


DATASETS = (
    Dataset(
        "profile",
        gettext_lazy(
            "The staff record HR holds about you: name, work email, employee ID, department, "
            "country or office, language, manager, start and leaving dates, whether the account "
            "is active, when it was created and last signed in, and your admin roles."
        ),
        PROFILE_COLUMNS,
        profile_rows,
    ),
    Dataset(
        "enrolments",
        gettext_lazy(
            "The courses you are or were enrolled on: how (assigned or self-enrolled), status, "
            "due date, when you enrolled and completed."
        ),
        ENROLMENT_COLUMNS,
        enrolment_rows,
    ),
    Dataset(
        "module_progress",
        gettext_lazy("Each module you opened: when you started it, marked it as read and completed it."),
        PROGRESS_COLUMNS,
        progress_rows,
    ),
    Dataset(
        "quiz_attempts",
        gettext_lazy(
            "Each quiz attempt: the questions and choices exactly as they were shown to you, the "
            "answers you gave, the score and whether you passed."
        ),
        ATTEMPT_COLUMNS,
        attempt_rows,
    ),
    Dataset(
        "quiz_answers",
        gettext_lazy("The same answers as in quiz_attempts, one row per question, for a spreadsheet."),
        ANSWER_COLUMNS,
        answer_rows,
    ),
    Dataset(
        "reflections",
        gettext_lazy(
            "What you wrote in answer to the modules' reflection prompts, with the prompt as asked."
        ),
        REFLECTION_COLUMNS,
        reflection_rows,
    ),
    Dataset(
        "certificates",
        gettext_lazy(
            "Your course completions and their certificates: certificate ID, score, valid until, "
            "standing today (valid, expired, revoked), revocation and its reason, the newer "
            "certificate that superseded one, and the version of each module it covers."
        ),
        CERTIFICATE_COLUMNS,
        certificate_rows,
    ),
    Dataset(
        "module_updates",
        gettext_lazy(
            "Modules re-opened for you after a material change to a course, and when you finished them."
        ),
        UPDATE_COLUMNS,
        update_rows,
    ),
    Dataset(
        "reminders",
        gettext_lazy("The reminder emails sent to you: which kind, about which course, and when."),
        REMINDER_COLUMNS,
        reminder_rows,
    ),
    Dataset(
        "security_log",
        gettext_lazy(
            "Security log entries about your account (sign-ins, password and two-step sign-in "
            "changes, changes HR made to your record, exports of your data) and your own actions "
            "on the platform, with the network address and browser recorded."
        ),
        SECURITY_COLUMNS,
        security_rows,
    ),
)

# Every field that links a model to a person: "app_label.Model.field" -> the dataset that
# exports it, or (NOT_EXPORTED_LINKS) why it is not exported. A new link must be added to
# one of them (tests/records/test_privacy_export.py).
EXPORTED_LINKS = {
    "people.User.manager": "profile",
    "people.User_groups.user": "profile",
    "people.PartnerOrganisation_focal_points.user": "profile",
    "people.PartnerOrganisation.focal_points": "profile",
    "records.Enrolment.user": "enrolments",
    "records.ModuleProgress.user": "module_progress",
    "quizzes.Attempt.user": "quiz_attempts",
    "records.ReflectionAnswer.user": "reflections",
    "records.CourseCompletion.user": "certificates",
    "records.ModuleUpdate.user": "module_updates",
    "records.ReminderLog.recipient": "reminders",
    "security.SecurityEvent.actor": "security_log",
    "security.SecurityEvent.subject": "security_log",
}
_SIGN_IN_METHOD = "a sign-in secret: exporting it would let anyone holding the archive sign in as the person"
_AUTHORED = (
    "work done in an admin role (course content, its history and review), not data about the "
    "person as a learner; the admin keeps its own history"
)
NOT_EXPORTED_LINKS = {
    "people.User_user_permissions.user": "unused: access is given by role groups (the profile's roles)",
    "people.RosterImport.uploaded_by": "an HR admin's upload of the whole staff roster; the person's own row is the profile",
    "people.RosterImport.applied_by": "an HR admin's import of the whole staff roster; the person's own row is the profile",
    "records.CourseCompletion.revoked_by": "the HR admin who revoked someone's certificate: that certificate's holder's data",
    "records.ReminderLog.requested_by": "a reminder a manager sent to someone else: the recipient's data",
    "records.AssignmentRule.manager": "a rule assigning courses to a manager's reporting line; their own enrolments are exported",
    "courses.ModuleVersion.published_by": _AUTHORED,
    "courses.CoursePackageImport.imported_by": _AUTHORED,
    "api.ApiClient.created_by": "an HR system's API client set up by an admin; the security log has the event",
    "partners.Invitation.created_by": "an invitation to a partner organisation set up by an admin; the security log has the event",
    "otp_totp.TOTPDevice.user": _SIGN_IN_METHOD,
    "otp_static.StaticDevice.user": _SIGN_IN_METHOD,
    "django_otp_webauthn.WebAuthnCredential.user": _SIGN_IN_METHOD,
    "django_otp_webauthn.WebAuthnUserHandle.user": _SIGN_IN_METHOD,
    "wagtailusers.UserProfile.user": "admin screen preferences (theme, notifications); shown on the admin's Account page",
    "wagtailcore.APIToken.user": _SIGN_IN_METHOD,
    "wagtailadmin.EditingSession.user": "who has a page open in the editor, kept for minutes",
    "wagtailadmin.FormState.user": "an admin form's unsaved state, kept for the editor",
    "wagtailcore.Page.owner": _AUTHORED,
    "wagtailcore.Page.locked_by": _AUTHORED,
    "wagtailcore.Revision.user": _AUTHORED,
    "wagtailcore.PageLogEntry.user": _AUTHORED,
    "wagtailcore.ModelLogEntry.user": _AUTHORED,
    "wagtailcore.WorkflowState.requested_by": _AUTHORED,
    "wagtailcore.TaskState.finished_by": _AUTHORED,
    "wagtailcore.Comment.user": _AUTHORED,
    "wagtailcore.Comment.resolved_by": _AUTHORED,
    "wagtailcore.CommentReply.user": _AUTHORED,
    "wagtailcore.PageSubscription.user": _AUTHORED,
    "wagtailcore.UploadedFile.uploaded_by_user": _AUTHORED,
    "wagtaildocs.Document.uploaded_by_user": _AUTHORED,
    "wagtailimages.Image.uploaded_by_user": _AUTHORED,
}


# --- The archive ------------------------------------------------------------------------------


def archive_name(person, day=None):
    """``personal-data-<employee ID>-<date>.zip`` (the username when there is no employee ID),
    with letters, digits, dots and hyphens only (in any script: IDs may be written in Arabic)."""
    ident = re.sub(r"[^\w.-]+", "_", person.employee_id or person.username).strip("._-")
    ident = ident or str(person.pk)
    return f"personal-data-{ident}-{(day or timezone.localdate()).isoformat()}.zip"


# A dataset's CSV is kept in memory up to this size while its JSON is written, on disk beyond.
CSV_SPOOL_BYTES = 1024 * 1024


def _write_dataset(archive, dataset, rows):
    """``<name>.json`` and ``<name>.csv`` from one pass over the rows (one read of the
    database): the JSON goes straight into the archive, the CSV to a spool that follows it."""
    count = 0
    with tempfile.SpooledTemporaryFile(max_size=CSV_SPOOL_BYTES) as spool:
        # UTF-8 with a byte order mark, so spreadsheets read Arabic and accented names right.
        table = io.TextIOWrapper(spool, encoding="utf-8-sig", newline="")
        writer = csv.writer(table)
        writer.writerow(dataset.columns)
        with archive.open(f"{dataset.name}.json", "w") as raw:
            out = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
            out.write("[")
            for row in rows:
                out.write(",\n  " if count else "\n  ")
                out.write(json.dumps(json_value(dict(row)), ensure_ascii=False))
                writer.writerow([csv_value(row[column]) for column in dataset.columns])
                count += 1
            out.write("\n]\n" if count else "]\n")
            out.flush()
            out.detach()
        table.flush()
        table.detach()
        spool.seek(0)
        with archive.open(f"{dataset.name}.csv", "w") as raw:
            shutil.copyfileobj(spool, raw)
    return count


def _records(count):
    return ngettext("%(count)d record", "%(count)d records", count) % {"count": count}


def _heading(text, underline="-"):
    return [text, underline * len(text), ""]


def _readme(person, counts, generated_at, channel, options):
    title = _("Personal data archive")
    lines = [
        title,
        "=" * len(title),
        "",
        _("Person: %(name)s (employee ID: %(employee_id)s, username: %(username)s)")
        % {
            "name": person.get_full_name() or person.username,
            "employee_id": person.employee_id or "-",
            "username": person.username,
        },
        _("Generated: %(when)s") % {"when": _moment(generated_at)},
        _("Requested by: %(channel)s")
        % {
            "channel": {
                BY_COMMAND: _("HR, from the command line"),
                BY_HR: _("HR, from the admin"),
                BY_SELF: _("you, with Download my data"),
            }[channel]
        },
        "",
        _(
            "This archive holds the personal data the Learning Hub stores about you (what is left "
            "out, and why, is at the end). Each kind of record "
            "is in two files with the same content: NAME.json (for programs; a list of records, "
            "values exactly as stored) and NAME.csv (for a spreadsheet; UTF-8, the first row "
            "names the columns)."
        ),
        "",
        *_heading(_("Files")),
    ]
    for dataset in DATASETS:
        lines += [
            f"{dataset.name}.json, {dataset.name}.csv ({_records(counts[dataset.name])})",
            f"    {dataset.description}",
            "",
        ]
    lines += [
        *_heading(_("How to read the values")),
        _(
            "- Dates are written YYYY-MM-DD; times as ISO 8601 in the organisation's time zone, "
            "with the offset from UTC (2026-03-02T14:05:00+00:00)."
        ),
        _(
            "- In the CSV files, true and false are Yes and No, and values with parts (the questions of "
            "an attempt, module versions) are JSON text."
        ),
        _(
            "- A CSV cell that starts with =, +, - or @ has an apostrophe in front, so that a "
            "spreadsheet shows it as text instead of running it as a formula. The JSON files "
            "have the text as written."
        ),
        _(
            "- The security log names the person who acted; where one of your own actions "
            "concerned another person, who it concerned and its details are left out (they are "
            "that person's data). This export itself is recorded in the security log after the "
            "archive was made."
        ),
        "",
    ]
    if not options.reveal_answer_keys:
        lines += [
            _(
                "- Quiz attempts: where the quiz does not show the right answers to you (yet), "
                "the questions and your answers are included without which answers were right "
                "(answer_key_included is No). Your answers and scores are always included."
            ),
            "",
        ]
    lines += [
        *_heading(_("Not included")),
        _(
            "- Your two-step sign-in secrets (authenticator apps, passkeys, recovery codes): "
            "they would let anyone holding this archive sign in as you. Their use is in the "
            "security log, and the Two-step sign-in page lists your methods."
        ),
        _(
            "- Work done in an admin role (course pages, revisions, reviews, uploads, roster "
            "imports): kept with the content and its history in the admin."
        ),
        "",
        _("Questions about this archive, or a correction to your data: contact HR."),
        "",
    ]
    return "\n".join(str(line) for line in lines)


def write_archive(person, fileobj, *, channel=BY_COMMAND, options=None):
    """Write the archive of ``person``'s data to ``fileobj`` (any writable binary file; it
    need not seek). Returns the number of records of each dataset. Logs nothing: use
    ``export_person``."""
    options = options or Options()
    generated_at = timezone.now()
    counts = {}
    with zipfile.ZipFile(fileobj, mode="w", compression=zipfile.ZIP_DEFLATED) as archive:
        for dataset in DATASETS:
            counts[dataset.name] = _write_dataset(archive, dataset, dataset.rows(person, options))
        archive.writestr("README.txt", _readme(person, counts, generated_at, channel, options))
    return counts


def export_person(person, fileobj, *, channel, actor=None, request=None):
    """Write ``person``'s archive to ``fileobj`` and record the export in the security log
    (who exported whom, how, and how many records of each kind). A person's own download
    leaves out the answer keys they have not been shown (``Options``)."""
    options = Options(reveal_answer_keys=channel != BY_SELF)
    counts = write_archive(person, fileobj, channel=channel, options=options)
    record(
        Action.PERSONAL_DATA_EXPORTED,
        request=request,
        actor=actor,
        subject=person,
        channel=channel,
        records=counts,
    )
    return counts
