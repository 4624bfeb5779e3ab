"""Upgrading a database built before the records app existed (learning records and quiz
authoring lived in quizzes) keeps every table, row and link, and it all works afterwards.

The database is migrated back to the last migrations before the move, filled through the
models as they were then, migrated to the latest, and read with today's code."""

import uuid
from datetime import timedelta
from decimal import Decimal
from io import StringIO

from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry, ReferenceIndex

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from courses.models import QuizChoice, QuizQuestion
from people.models import User
from people.roles import MANAGERS
from quizzes.models import AnswerRecord, Attempt, SelectedChoice
from records.models import (
    AssignmentRule,
    CourseCompletion,
    Enrolment,
    ModuleProgress,
    ReflectionAnswer,
    ReminderLog,
    SyncClock,
)
from tests.factories import make_course, make_module, make_site_tree

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Today's leaf migrations of the apps the move touches, before it.
BEFORE_THE_MOVE = {"courses": "0002_modulepage_quiz_attempt_limit_and_more", "quizzes": "0007_xapi_indexes"}
MOVED = {
    "records": ["syncclock", "assignmentrule", "enrolment", "coursecompletion", "moduleprogress"]
    + ["reflectionanswer", "reminderlog"],
    "courses": ["quizquestion", "quizchoice"],
}
CERTIFICATE = "K7QW2M9XH4TRB3NC8VJP"


def migrate_to_before_the_move():
    """Migrate back; returns the models as they were then."""
    executor = MigrationExecutor(connection)
    executor.migrate([("records", None), *BEFORE_THE_MOVE.items()])
    executor.loader.build_graph()
    others = [
        node for node in executor.loader.graph.leaf_nodes() if node[0] not in {"records", *BEFORE_THE_MOVE}
    ]
    return executor.loader.project_state([*others, *BEFORE_THE_MOVE.items()]).apps


def migrate_to_the_latest():
    executor = MigrationExecutor(connection)
    # The content types keep their ids, so ContentType's cache stays right (clearing it would
    # make the next test's serialized rollback create some before restoring them).
    executor.migrate(executor.loader.graph.leaf_nodes())


def fill(old, course, module):
    """What a site had before the move, written through the models of the time."""
    ContentType = old.get_model("contenttypes", "ContentType")
    Group = old.get_model("auth", "Group")
    Permission = old.get_model("auth", "Permission")
    User = old.get_model("people", "User")
    now = timezone.now()

    manager = User.objects.create(username="bruno", email="bruno@example.org", full_name="Bruno Costa")
    learner = User.objects.create(
        username="amira", email="amira@example.org", full_name="Amira Haddad", manager=manager
    )
    auditor = User.objects.create(username="ines", email="ines@example.org", full_name="Inês Duarte")
    manager.groups.add(Group.objects.get(name=MANAGERS))
    auditors = Group.objects.create(name="Auditors")
    auditors.permissions.set(
        Permission.objects.filter(
            content_type__app_label="quizzes",
            codename__in=["view_coursecompletion", "revoke_coursecompletion"],
        )
    )
    auditor.groups.add(auditors)

    question = old.get_model("quizzes", "QuizQuestion").objects.create(
        module_id=module.pk, sort_order=0, kind="single", prompt="Who signs off a partnership?", points=1
    )
    Choice = old.get_model("quizzes", "QuizChoice")
    right = Choice.objects.create(question=question, sort_order=0, text="The programme lead", is_correct=True)
    Choice.objects.create(question=question, sort_order=1, text="The creator", is_correct=False)
    served = [
        {
            "id": question.pk,
            "kind": "single",
            "prompt": question.prompt,
            "points": 1,
            "explanation": "",
            "choices": [{"id": right.pk, "text": right.text, "is_correct": True, "feedback": ""}],
        }
    ]
    attempt = old.get_model("quizzes", "Attempt").objects.create(
        user=learner,
        module_id=module.pk,
        module_key=module.translation_key,
        module_title=module.title,
        course_code=course.course_code,
        number=1,
        pass_mark=80,
        feedback_policy="after_each",
        questions=served,
        answers={str(question.pk): [right.pk]},
        score=1,
        max_score=1,
        percentage=Decimal("100.00"),
        passed=True,
        submitted_at=now,
    )
    record = old.get_model("quizzes", "AnswerRecord").objects.create(
        attempt=attempt,
        question=question,
        module_key=module.translation_key,
        prompt=question.prompt,
        is_correct=True,
        points=1,
    )
    old.get_model("quizzes", "SelectedChoice").objects.create(
        answer=record, choice=right, text=right.text, is_correct=True
    )

    # The sync clock stamps enrolments and completions inside the transaction that writes them.
    with transaction.atomic():
        rule = old.get_model("quizzes", "AssignmentRule").objects.create(
            course_id=course.pk, course_code=course.course_code, course_title=course.title, target="everyone"
        )
        enrolment = old.get_model("quizzes", "Enrolment").objects.create(
            user=learner,
            course_id=course.pk,
            course_code=course.course_code,
            course_title=course.title,
            source="assigned",
            status="in_progress",
            due_date=timezone.localdate() + timedelta(days=5),
            assignment_rule=rule,
        )
        completion = old.get_model("quizzes", "CourseCompletion").objects.create(
            user=learner,
            course_id=course.pk,
            course_code=course.course_code,
            course_title=course.title,
            course_language="en",
            completed_at=now,
            score=Decimal("100.00"),
            certificate_id=CERTIFICATE,
        )
    old.get_model("quizzes", "ModuleProgress").objects.create(
        user=learner,
        module_id=module.pk,
        module_key=module.translation_key,
        module_title=module.title,
        course_code=course.course_code,
        completed_at=now,
    )
    old.get_model("quizzes", "ReflectionAnswer").objects.create(
        user=learner,
        module_id=module.pk,
        module_title=module.title,
        block_id="b1",
        prompt="Why?",
        answer="Because.",
    )
    reminder = old.get_model("quizzes", "ReminderLog").objects.create(
        kind="due_soon", recipient=learner, enrolment=enrolment, key=enrolment.due_date.isoformat()
    )
    task = old.get_model("django_tasks_database", "DBTaskResult").objects.create(
        task_path="quizzes.tasks.send_reminder_email",
        args_kwargs={"args": [reminder.pk], "kwargs": {}},
        backend_name="default",
        run_after=now,
    )

    completion_type = ContentType.objects.get_or_create(app_label="quizzes", model="coursecompletion")[0]
    rule_type = ContentType.objects.get_or_create(app_label="quizzes", model="assignmentrule")[0]
    LogEntry = old.get_model("wagtailcore", "ModelLogEntry")
    revoked = LogEntry.objects.create(
        content_type=completion_type,
        object_id=str(completion.pk),
        label=str(completion.pk),
        action="quizzes.revoke_completion",
        timestamp=now,
        uuid=uuid.uuid4(),
        data={},
    )
    created = LogEntry.objects.create(
        content_type=rule_type,
        object_id=str(rule.pk),
        label=course.course_code,
        action="wagtail.create",
        timestamp=now,
        uuid=uuid.uuid4(),
        data={},
    )
    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    reference = old.get_model("wagtailcore", "ReferenceIndex").objects.create(
        content_type=rule_type,
        base_content_type=rule_type,
        object_id=str(rule.pk),
        to_content_type=page_type,
        to_object_id=str(course.pk),
        model_path="course",
        content_path="course",
        content_path_hash=uuid.uuid5(uuid.NAMESPACE_OID, "course"),
    )
    return {
        "manager": manager.pk,
        "learner": learner.pk,
        "auditor": auditor.pk,
        "question": question.pk,
        "attempt": attempt.pk,
        "enrolment": enrolment.pk,
        "rule": rule.pk,
        "completion": completion.pk,
        "reminder": reminder.pk,
        "task": task.pk,
        "log_entries": (revoked.pk, created.pk),
        "reference": reference.pk,
        "content_types": {"coursecompletion": completion_type.pk, "assignmentrule": rule_type.pk},
    }


ROW_LABELS = {
    # label before -> model after
    "quizzes.SyncClock": SyncClock,
    "quizzes.AssignmentRule": AssignmentRule,
    "quizzes.Enrolment": Enrolment,
    "quizzes.CourseCompletion": CourseCompletion,
    "quizzes.ModuleProgress": ModuleProgress,
    "quizzes.ReflectionAnswer": ReflectionAnswer,
    "quizzes.ReminderLog": ReminderLog,
    "quizzes.QuizQuestion": QuizQuestion,
    "quizzes.QuizChoice": QuizChoice,
    "quizzes.Attempt": Attempt,
    "quizzes.AnswerRecord": AnswerRecord,
    "quizzes.SelectedChoice": SelectedChoice,
}


def test_upgrading_keeps_every_row_and_it_all_still_works():
    home, catalogue = make_site_tree()
    course = make_course(catalogue, title="Working with influencers", course_code="INF-101")
    module = make_module(course, title="Choosing a creator")
    try:
        old = migrate_to_before_the_move()
        made = fill(old, course, module)
        before = {
            label: sorted(old.get_model(label).objects.values_list("pk", flat=True)) for label in ROW_LABELS
        }
    finally:
        migrate_to_the_latest()

    # Every row, with the same id, now read through the models' new homes.
    assert {
        label: sorted(model.objects.values_list("pk", flat=True)) for label, model in ROW_LABELS.items()
    } == before
    assert all(before[label] for label in ROW_LABELS if label != "quizzes.SyncClock")
    answer = AnswerRecord.objects.select_related("question").get(attempt_id=made["attempt"])
    assert answer.question.pk == made["question"]
    assert answer.question.module_id == module.pk
    assert answer.selected_choices.get().choice.is_correct
    enrolment = Enrolment.objects.get(pk=made["enrolment"])
    assert enrolment.assignment_rule_id == made["rule"]
    assert enrolment.assignment_rule.course_code == "INF-101"

    # The content types were relabelled, not recreated: same ids, new app labels.
    for app_label, models in MOVED.items():
        assert set(ContentType.objects.filter(model__in=models).values_list("app_label", flat=True)) == {
            app_label
        }
    assert not ContentType.objects.filter(app_label="quizzes", model__in=MOVED["records"] + MOVED["courses"])
    completion = CourseCompletion.objects.get(pk=made["completion"])
    assert ContentType.objects.get_for_model(completion).pk == made["content_types"]["coursecompletion"]
    assert ContentType.objects.get_for_model(AssignmentRule).pk == made["content_types"]["assignmentrule"]

    # So group permissions are the records app's, Wagtail's history and references follow.
    auditor = User.objects.get(pk=made["auditor"])
    assert auditor.has_perm("records.view_coursecompletion")
    assert auditor.has_perm("records.revoke_coursecompletion")
    revoked, created = (ModelLogEntry.objects.get(pk=pk) for pk in made["log_entries"])
    assert revoked.action == "records.revoke_completion"
    assert list(ModelLogEntry.objects.for_instance(completion)) == [revoked]
    assert revoked.message == "Course completion revoked"  # the action is still registered
    assert list(ModelLogEntry.objects.for_instance(enrolment.assignment_rule)) == [created]
    reference = ReferenceIndex.objects.get(pk=made["reference"])
    assert reference.content_type.model_class() is AssignmentRule

    # The certificate still verifies; the manager still sees the learner in their report.
    verified = Client().get(reverse("certificates:verify", args=[CERTIFICATE]))
    assert verified.status_code == 200
    assert "Working with influencers" in verified.content.decode()
    manager = Client()
    manager.force_login(User.objects.get(pk=made["manager"]))
    report = manager.get(reverse("staff_reports:team_completion"))
    assert report.status_code == 200
    assert [row.user_id for row in report.context["object_list"]] == [made["learner"]]

    # The reminder queued before the upgrade still runs, as the production worker runs it.
    queued = DBTaskResult.objects.get(pk=made["task"])
    assert queued.task_path == "records.services.reminders.send_reminder_email"
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO(), stderr=StringIO())
    queued.refresh_from_db()
    assert queued.status == TaskResultStatus.SUCCESSFUL
    assert [message.to for message in mail.outbox] == [["amira@example.org"]]
    assert ReminderLog.objects.get(pk=made["reminder"]).sent_at is not None
