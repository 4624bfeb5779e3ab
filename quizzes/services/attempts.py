"""Starting and submitting quiz attempts. The server decides everything: what was served,
what was answered, the score, and whether it came in time."""

import random
import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import QuizChoice, QuizQuestion
from elearning.compiled import CompiledQuery
from quizzes.models import AnswerRecord, Attempt, SelectedChoice
from quizzes.services.scoring import percentage, score_attempt
from quizzes.signals import attempt_submitted


class AttemptLimitReached(Exception):
    pass


_SERVED_QUESTIONS = CompiledQuery(
    lambda module_id: QuizQuestion.objects.filter(module=module_id).values(
        "id", "kind", "prompt", "points", "explanation"
    ),
    int,
)
_SERVED_CHOICES = CompiledQuery(
    lambda module_id: QuizChoice.objects.filter(question__module=module_id).values(
        "question_id", "id", "text", "is_correct", "feedback"
    ),
    int,
)


def build_snapshot(module, rng=None):
    """The questions as this attempt serves them: drawn, shuffled, and frozen. Read as
    values (two queries, in the editor's order), as the snapshot keeps nothing else."""
    rng = rng or random.SystemRandom()
    questions = _SERVED_QUESTIONS(module.pk)
    choices = {question["id"]: [] for question in questions}
    for choice in _SERVED_CHOICES(module.pk):
        choices[choice.pop("question_id")].append(choice)
    if module.quiz_draw_count and module.quiz_draw_count < len(questions):
        drawn = rng.sample(range(len(questions)), module.quiz_draw_count)
        questions = [questions[index] for index in sorted(drawn)]
    if module.quiz_shuffle_questions:
        rng.shuffle(questions)
    for question in questions:
        question["choices"] = choices[question["id"]]
        if module.quiz_shuffle_choices:
            rng.shuffle(question["choices"])
    return questions


# Starts by one person are serialised on their user row.
_LOCK_PERSON = CompiledQuery(
    lambda user_id: get_user_model().objects.select_for_update().filter(pk=user_id).values_list("pk"), int
)
_LATEST_ATTEMPT = CompiledQuery(
    lambda user_id, module_key, cycle: Attempt.objects.filter(
        user=user_id, module_key=module_key, cycle=cycle
    ).order_by("-number")[:1],
    int,
    uuid.UUID,
    int,
)


def start_attempt(user, module, course, cycle, now=None):
    """Resume the open attempt or start the next one in the person's ``cycle`` of the course
    (attempt limits count per cycle; the learning records know which cycle it is:
    ``records.services.progress.start_quiz``). Starts by one person are serialised on their
    user row, so a double click resumes rather than starts twice; the attempt limit itself is
    held by the database constraints whatever happens."""
    now = now or timezone.now()
    limit = module.quiz_attempt_limit
    try:
        with transaction.atomic():
            _LOCK_PERSON(user.pk)
            # Only the latest attempt can be open: a new one starts only when none is, and one
            # that no longer accepts answers never will again.
            latest = _LATEST_ATTEMPT.first(user.pk, module.translation_key, cycle)
            if latest is not None and latest.accepts_answers(now):
                return latest
            last = latest.number if latest is not None else 0
            if limit is not None and last >= limit:
                raise AttemptLimitReached(
                    _("You have used all %(limit)d attempts at this quiz.") % {"limit": limit}
                )
            snapshot = build_snapshot(module)
            attempt = Attempt.objects.create(
                user=user,
                module=module,
                module_key=module.translation_key,
                module_title=module.title,
                course_code=course.course_code,
                cycle=cycle,
                number=last + 1,
                attempt_limit=limit,
                pass_mark=module.quiz_pass_mark,
                feedback_policy=module.quiz_feedback_policy,
                deadline=now + timedelta(minutes=module.quiz_time_limit_minutes)
                if module.quiz_time_limit_minutes
                else None,
                questions=snapshot,
                max_score=sum(q["points"] for q in snapshot),
            )
    except IntegrityError as error:
        # Only reachable if the row lock was bypassed; the constraints still hold.
        raise AttemptLimitReached(_("You have used all the attempts at this quiz.")) from error
    return attempt


def parse_answers(attempt, data):
    """Read the answers from a submitted form. Returns (answers, errors), both keyed by
    question id; every answer given is kept, so a form with errors loses nothing."""
    answers, errors = {}, {}
    for question in attempt.questions:
        key = f"question-{question['id']}"
        valid_ids = {choice["id"] for choice in question["choices"]}
        raw = data.getlist(key) if hasattr(data, "getlist") else data.get(key, [])
        chosen = []
        tampered = False
        for value in raw:
            try:
                choice_id = int(value)
            except (TypeError, ValueError):
                tampered = True
                continue
            if choice_id in valid_ids:
                chosen.append(choice_id)
            else:
                tampered = True
        chosen = sorted(set(chosen))
        answers[question["id"]] = chosen
        if tampered:
            errors[question["id"]] = _("That answer is not one of this question's choices. Choose again.")
        elif not chosen:
            errors[question["id"]] = _("Choose an answer to this question.")
        elif question["kind"] != "multiple" and len(chosen) > 1:
            errors[question["id"]] = _("Choose only one answer to this question.")
    return answers, errors


def locked_attempts():
    """Attempts read to be submitted: the row locked until the transaction ends, with the
    module's settings (not its body, which scoring never reads)."""
    return Attempt.objects.select_for_update(of=("self",)).select_related("module").defer("module__body")


def submit_attempt(attempt_id, user, answers, now=None, *, locked=None):
    """Score an attempt once, and tell the apps above (``attempt_submitted``) in the same
    transaction: the answer records and whatever they record from it (the module's
    progress, the course completion and its certificate, the enrolment, the webhook
    deliveries) commit together or not at all, so a failure leaves the attempt unsubmitted
    and submitting again does it all. A repeated submission (double click, back button,
    replay) finds it already scored and returns it unchanged (a passed one is announced
    again, ``repeated=True``, for the receivers to repair what an old failure left).
    ``locked``: the attempt as the caller read it with ``locked_attempts()`` in the
    transaction it holds (the quiz form's view reads it to check the answers first), so it
    is not read twice."""
    now = now or timezone.now()
    # Inside the caller's transaction (which read ``locked``) no savepoint of its own: a
    # failure here undoes the caller's transaction whole.
    with transaction.atomic(savepoint=locked is None):
        attempt = locked or locked_attempts().get(pk=attempt_id, user=user)
        attempt.user = user  # already loaded: receivers of attempt_submitted need not fetch it
        if attempt.is_submitted:
            if attempt.passed:
                # Records written before submission was one transaction may lack what the
                # pass leads to; the receivers check and finish it, repeating nothing.
                attempt_submitted.send(sender=Attempt, attempt=attempt, repeated=True)
            return attempt
        attempt.late = not attempt.accepts_answers(now)
        results, earned, available = score_attempt(attempt.questions, answers)
        if attempt.late:
            earned = 0  # the quiz's stated rule: answers after the time limit are not scored
        attempt.answers = {str(question_id): chosen for question_id, chosen in answers.items()}
        attempt.score = earned
        attempt.max_score = available
        attempt.percentage = percentage(earned, available)
        attempt.passed = not attempt.late and attempt.percentage >= attempt.pass_mark
        attempt.submitted_at = now
        attempt.save()
        _record_answers(attempt, results)
        # Inside the transaction: what records make of it commits with the attempt, or
        # nothing does.
        attempt_submitted.send(sender=Attempt, attempt=attempt)
    return attempt


def _record_answers(attempt, results):
    """The answers as rows (two bulk inserts), linked to the questions and choices that
    still exist."""
    by_id = {question["id"]: question for question in attempt.questions}
    existing_questions, existing_choices = _still_existing(attempt)
    records = AnswerRecord.objects.bulk_create(
        [
            AnswerRecord(
                attempt=attempt,
                question_id=result.question_id if result.question_id in existing_questions else None,
                module_key=attempt.module_key,
                prompt=by_id[result.question_id]["prompt"],
                is_correct=result.correct,
                points=0 if attempt.late else result.earned,
            )
            for result in results
        ]
    )
    selections = []
    for record, result in zip(records, results, strict=True):
        choices = {choice["id"]: choice for choice in by_id[result.question_id]["choices"]}
        selections.extend(
            SelectedChoice(
                answer=record,
                choice_id=choice_id if choice_id in existing_choices else None,
                text=choices[choice_id]["text"],
                is_correct=choices[choice_id]["is_correct"],
            )
            for choice_id in result.selected
        )
    SelectedChoice.objects.bulk_create(selections)


def _still_existing(attempt):
    """(question ids, choice ids) of the served ones still in the module's quiz: one query."""
    if attempt.module_id is None:
        return set(), set()
    rows = list(
        QuizQuestion.objects.filter(
            module_id=attempt.module_id, pk__in=[question["id"] for question in attempt.questions]
        ).values_list("pk", "choices__pk")
    )
    return {question for question, _choice in rows}, {choice for _question, choice in rows if choice}
