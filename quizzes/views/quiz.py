"""Taking a quiz: answer (GET shows the served questions without any hint of which choice
is right), submit (POST, scored once), result (GET). Starting one enrols the person on the
course, so it is a learning-records view (``records.views.learning.start_quiz``).

The result page's "what next" depends on the person's course (attempts left in their
current cycle of it): the app that keeps learning records adds it through the
``QUIZ_RESULT_CONTEXT`` Wagtail hook, called as ``fn(request, attempt, context)`` and
returning a dict merged into the template context."""

from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from wagtail import hooks

from courses.models.pages import refuse_unless_open
from courses.models.querysets import audiences_for
from courses.serving import read_tree
from elearning.compiled import CompiledQuery
from quizzes.models import Attempt
from quizzes.services import attempts as attempt_service

QUIZ_RESULT_CONTEXT = "quiz_result_context"


# The quiz pages show the module's title and link to it: its body stays in the database.
_OWN_ATTEMPT = CompiledQuery(
    lambda attempt_id, user_id: (
        Attempt.objects.select_related("module__locale")
        .defer("module__body")
        .filter(pk=attempt_id, user_id=user_id)
    ),
    int,
    int,
)
_OWN_ATTEMPT_LOCKED = CompiledQuery(
    lambda attempt_id, user_id: attempt_service.locked_attempts().filter(pk=attempt_id, user_id=user_id),
    int,
    int,
)


def _own_attempt(request, attempt_id, locked=False):
    # Another person's attempt does not exist, as far as this person can tell.
    attempt = (_OWN_ATTEMPT_LOCKED if locked else _OWN_ATTEMPT).first(attempt_id, request.user.pk)
    if attempt is None:
        raise Http404("No such attempt.")
    return attempt


def _question_views(attempt, answers=None, errors=None, reveal=False):
    """The served questions for the template. Correctness and feedback are included only
    when ``reveal`` is set, after submission and as the feedback policy allows."""
    answers = answers or {}
    errors = errors or {}
    views = []
    for number, question in enumerate(attempt.questions, start=1):
        chosen = set(answers.get(question["id"], ()))
        views.append(
            {
                "number": number,
                "id": question["id"],
                "field": f"question-{question['id']}",
                "kind": question["kind"],
                "multiple": question["kind"] == "multiple",
                "prompt": question["prompt"],
                "points": question["points"],
                "error": errors.get(question["id"]),
                "explanation": question["explanation"] if reveal else "",
                "correct": (
                    {c["id"] for c in question["choices"] if c["is_correct"]} == chosen if reveal else None
                ),
                "choices": [
                    {
                        "id": choice["id"],
                        "text": choice["text"],
                        "selected": choice["id"] in chosen,
                        "is_correct": choice["is_correct"] if reveal else None,
                        "feedback": choice["feedback"] if reveal and choice["id"] in chosen else "",
                    }
                    for choice in question["choices"]
                ],
            }
        )
    return views


def _attempt_context(request, attempt, **extra):
    """The attempt, its module and the module's course; the page tree read as pages read it
    (``serving.read_tree``), so the links to them cost no query."""
    module = attempt.module
    course = None
    if module is not None:
        read_tree(request)
        course = module.course_for(request)
        if course is not None:
            # A course closed to the person since they began (``CoursePage.is_open_to``).
            refuse_unless_open(request, course)
    return {
        "attempt": attempt,
        "module": module,
        "course": course,
        "now": timezone.now(),
        **extra,
    }


@require_safe
def attempt_page(request, attempt_id):
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_submitted:
        return redirect("quizzes:result", attempt_id=attempt.pk)
    context = _attempt_context(request, attempt, questions=_question_views(attempt))
    return TemplateResponse(request, "quizzes/attempt.html", context)


@require_POST
def submit(request, attempt_id):
    # Read once, locked: checked here, then scored in the same transaction.
    with transaction.atomic():
        attempt = _own_attempt(request, attempt_id, locked=True)
        if attempt.is_submitted:
            # A second submission (double click, back button, replay) shows the first result.
            return redirect("quizzes:result", attempt_id=attempt.pk)
        if attempt.module is not None and audiences_for(request.user) is not None:
            # Not for staff, who may take every course: no query for them.
            course = attempt.module.course_for(request)
            if course is not None:
                refuse_unless_open(request, course)
        answers, errors = attempt_service.parse_answers(attempt, request.POST)
        late = not attempt.accepts_answers()
        if errors and not late:
            context = _attempt_context(
                request, attempt, questions=_question_views(attempt, answers, errors), errors=errors
            )
            return TemplateResponse(request, "quizzes/attempt.html", context, status=400)
        attempt = attempt_service.submit_attempt(attempt.pk, request.user, answers, locked=attempt)
    return redirect(reverse("quizzes:result", kwargs={"attempt_id": attempt.pk}))


@require_safe
def result(request, attempt_id):
    attempt = _own_attempt(request, attempt_id)
    if not attempt.is_submitted:
        return redirect("quizzes:attempt", attempt_id=attempt.pk)
    answers = {int(key): value for key, value in (attempt.answers or {}).items()}
    context = _attempt_context(
        request, attempt, questions=_question_views(attempt, answers, reveal=attempt.shows_feedback)
    )
    module = attempt.module
    if module is not None:
        siblings = module.listed_in_course(request, context["course"])
        index = next((i for i, page in enumerate(siblings) if page.pk == module.pk), None)
        context["next_module"] = (
            siblings[index + 1] if index is not None and index + 1 < len(siblings) else None
        )
        if index is not None:
            module.question_count = siblings[index].question_count  # for the hooks: no count query
        for result_context in hooks.get_hooks(QUIZ_RESULT_CONTEXT):
            context.update(result_context(request, attempt, context))
    return TemplateResponse(request, "quizzes/result.html", context)
