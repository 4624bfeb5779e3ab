"""What one person sees of their own learning: statuses for a course page, a module
page and the dashboard, each in a fixed number of queries."""

import hashlib
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Case, Count, Max, Value, When, Window
from django.utils.translation import get_language

from wagtail.models import Page

from courses.models import CoursePage, ModulePage
from courses.models.querysets import audiences_for
from courses.models.tree_version import kept_for_tree
from elearning.compiled import CompiledQuery
from quizzes.models import Attempt
from records.certificates import certificate_offered
from records.models import CourseCompletion, Enrolment, ModuleProgress, ModuleUpdate, ReflectionAnswer
from records.services import progress, recertification


@dataclass
class ModuleStatus:
    module: object
    has_quiz: bool
    started: bool = False
    completed: bool = False
    # The open update (records.ModuleUpdate) that re-opened it, if a material change did.
    update: object = None

    @property
    def label(self):
        if self.completed:
            return "completed"
        if self.update is not None:
            return "update_required"
        return "in_progress" if self.started else "not_started"


@dataclass
class CourseState:
    enrolment: object = None
    completion: object = None
    latest_completion: object = None
    missing_prerequisites: list = field(default_factory=list)
    modules: list = field(default_factory=list)
    required_count: int = 0
    completed_count: int = 0
    next_module: object = None
    # Modules re-opened by a material change (``ModuleStatus`` rows with their ``update``),
    # while the completion still stands.
    updates: list = field(default_factory=list)

    @property
    def percent(self):
        return round(100 * self.completed_count / self.required_count) if self.required_count else 0

    @property
    def locked(self):
        return bool(self.missing_prerequisites) and self.enrolment is None

    @property
    def can_retake(self):
        return self.completion is None and self.latest_completion is not None


_ENROLMENT = CompiledQuery(
    lambda user_id, course_code: Enrolment.objects.filter(
        user=user_id, course_code=course_code
    ).select_related("assignment_rule"),
    int,
    str,
)

_PROGRESS_COUNTS = CompiledQuery(
    lambda user_id, keys: (
        ModuleProgress.objects.with_counts()
        .filter(user=user_id, module_key__in=keys)
        .values_list("module_key", "counts")
    ),
    int,
    [uuid.UUID],
)


def course_state(user, course, modules, required_modules=None, prerequisites=None):
    """``modules``: the course's live modules annotated with ``question_count``.
    ``required_modules`` (``course.required_modules()``) and ``prerequisites``
    (``course.prerequisites()``): when the caller has them already."""
    if required_modules is None:
        required_modules = course.required_modules()
    state = CourseState()
    state.enrolment = _ENROLMENT.first(user.pk, course.course_code)
    state.latest_completion = progress.latest_completion(user, course.course_code)
    if state.latest_completion and not state.latest_completion.is_expired:
        state.completion = state.latest_completion
    if state.enrolment is None:
        state.missing_prerequisites = progress.missing_prerequisites(user, course, prerequisites)
    required_keys = {module.translation_key for module in required_modules}
    rows = _PROGRESS_COUNTS(user.pk, [m.translation_key for m in modules] + list(required_keys))
    started, completed = set(), set()
    for key, counts in rows:
        started.add(key)
        if counts:
            completed.add(key)
    reopened = _reopened(user, state)
    state.modules = [
        ModuleStatus(
            module=module,
            has_quiz=bool(getattr(module, "question_count", 0)),
            started=module.translation_key in started,
            completed=module.translation_key in completed
            or (bool(state.completion) and module.translation_key not in reopened),
            update=reopened.get(module.translation_key),
        )
        for module in modules
    ]
    state.updates = [status for status in state.modules if status.update is not None]
    state.required_count = len(required_keys)
    if state.completion:
        still_to_do = {key for key in reopened if key not in completed}
        state.completed_count = len(required_keys - still_to_do)
    else:
        state.completed_count = len(required_keys & completed)
    state.next_module = next((status.module for status in state.modules if not status.completed), None)
    return state


def _reopened(user, state):
    """{module key: open update} of the person's standing completion of the course: one
    query, only when the enrolment says an update is required (or overdue)."""
    enrolment, completion = state.enrolment, state.completion
    if completion is None or enrolment is None or enrolment.status not in recertification.UPDATING:
        return {}
    updates = recertification.pending_updates(user, completion.course_code)
    return {update.module_key: update for update in updates if update.completion_id == completion.pk}


def _recent_attempts(user_id, module_key, course_code):
    """The person's latest five attempts in their cycle of the course."""
    attempts = Attempt.objects.filter(
        user=user_id, module_key=module_key, cycle=progress.current_cycle_expression(user_id, course_code)
    )
    # The summary of all the attempts rides along on the latest five: window aggregates are
    # taken over every row that matches, before the limit.
    everything = {
        "cycle_best": Window(Max("percentage")),
        "cycle_count": Window(Count("pk")),
        "cycle_passes": Window(Count(Case(When(passed=True, then=Value(1))))),
    }
    # The panel lists the attempts, not what was asked and answered in them.
    return attempts.defer("questions", "answers").annotate(**everything).order_by("-number")[:5]


_RECENT_ATTEMPTS = CompiledQuery(_recent_attempts, int, uuid.UUID, str)


@dataclass
class QuizState:
    question_count: int = 0
    attempts: list = field(default_factory=list)
    open_attempt: object = None
    best: object = None
    passed: bool = False
    attempts_left: int = None

    @property
    def can_start(self):
        return self.open_attempt is not None or self.attempts_left is None or self.attempts_left > 0


def module_page_context(user, module, course):
    """A person's reflections, progress and quiz on a module page they opened, and the
    open update of it (``module_update``) when a material change re-opened it for them."""
    # Opening a module is what "started" means; this records it, nothing more.
    module_progress = progress.record_activity(user, module, course)
    return {
        "reflections": ReflectionAnswer.answers_for(user, module) if _asks_to_reflect(module) else {},
        "progress": module_progress,
        "quiz": quiz_state(user, module, course),
        "module_update": _module_update(user, module, module_progress),
    }


_OPEN_UPDATE = CompiledQuery(
    lambda user_id, module_key: (
        ModuleUpdate.objects.awaiting()
        .filter(user=user_id, module_key=module_key)
        .select_related("completion")
    ),
    int,
    uuid.UUID,
)


def _module_update(user, module, module_progress):
    """The pending update of the module for the person: read only when their progress
    says there is one (``update_id``, read with it), so no query for anyone else."""
    if getattr(module_progress, "update_id", None) is None:
        return None
    update = _OPEN_UPDATE.first(user.pk, module.translation_key)
    # ``pending``'s expiry, checked here: a compiled query holds no date.
    return update if update is not None and not update.completion.is_expired else None


def _asks_to_reflect(module):
    # Read from the body's stored form: no block is built to find out.
    return any(block.get("type") == "reflection" for block in module.body.raw_data)


def quiz_state(user, module, course):
    """The person's attempts at a module's quiz in the current cycle of the course. One
    query (two when ``module`` has no ``question_count`` annotation)."""
    question_count = getattr(module, "question_count", None)
    if question_count is None:
        question_count = module.quiz_questions.count()
    state = QuizState(question_count=question_count)
    if not state.question_count:
        return state
    recent = _RECENT_ATTEMPTS(user.pk, module.translation_key, course.course_code)
    latest = recent[0] if recent else None
    if latest and latest.accepts_answers():
        state.open_attempt = latest
    state.attempts = [attempt for attempt in recent if attempt.is_submitted]
    state.best = latest.cycle_best if latest else None
    state.passed = bool(latest and latest.cycle_passes)
    if module.quiz_attempt_limit is not None:
        state.attempts_left = max(module.quiz_attempt_limit - (latest.cycle_count if latest else 0), 0)
    return state


_ENROLMENTS = CompiledQuery(
    lambda user_id: (
        Enrolment.objects.filter(user=user_id)
        .with_started()
        .select_related("assignment_rule")
        .order_by("due_date", "-enrolled_at")
    ),
    int,
)
_COMPLETIONS = CompiledQuery(
    lambda user_id: CourseCompletion.objects.not_revoked().filter(user=user_id).order_by("completed_at"), int
)
_COUNTING_KEYS = CompiledQuery(
    lambda user_id: (
        ModuleProgress.objects.counting().filter(user=user_id).values_list("module_key", flat=True)
    ),
    int,
)


def dashboard(user, request=None):
    """Enrolments with progress, and completions, for the "My learning" page: ``in_progress``
    (begun: ``Enrolment.objects.started_q``), ``to_do`` (the other open ones), ``completed``
    and ``completions``. The courses and their required modules are pages alone: kept on the
    page tree's version when the view has read it (``courses.serving.read_tree``); they are
    given in the reader's language where translated."""
    enrolments = _ENROLMENTS(user.pk)
    codes = sorted({enrolment.course_code for enrolment in enrolments})

    def find_courses():
        courses = {
            course.course_code: course
            # Only courses still open to the person: one closed since shows without its link.
            for course in CoursePage.objects.live()
            .open_to_user(user)
            .filter(course_code__in=codes, locale__language_code=settings.LANGUAGE_CODE)
        }
        # The dashboard links to modules and counts them: read as listings, not pages.
        return courses, ModulePage.objects.required().by_course(courses.values(), request)

    audiences = audiences_for(user)
    named = hashlib.sha256("\n".join([*codes, "|", *(audiences or ())]).encode()).hexdigest()
    site = getattr(request, "_wagtail_site", None)
    courses, required = kept_for_tree(
        request, f"courses-by-code.{named}.site.{site.pk if site else ''}", find_courses
    )
    completions = {}
    for completion in _COMPLETIONS(user.pk):
        completions[completion.course_code] = completion  # the latest wins
    counting = set(_COUNTING_KEYS(user.pk))
    updates = defaultdict(list)
    if any(enrolment.status in recertification.UPDATING for enrolment in enrolments):
        for update in recertification.pending_updates(user):
            updates[update.completion_id].append(update)
    items = []
    for enrolment in enrolments:
        course = courses.get(enrolment.course_code)
        course_modules = required.get(course, [])
        completion = completions.get(enrolment.course_code)
        done = [module for module in course_modules if module.translation_key in counting]
        current = completion if completion and not completion.is_expired else None
        item = {
            "enrolment": enrolment,
            "started": enrolment.started,
            "course_language": settings.LANGUAGE_CODE,
            "course": course,
            "completion": current,
            "expired_completion": completion if completion and completion.is_expired else None,
            "required_count": len(course_modules),
            "completed_count": len(course_modules) if current else len(done),
            "percent": 100
            if current
            else (round(100 * len(done) / len(course_modules)) if course_modules else 0),
            "next_module": None if current else next((m for m in course_modules if m not in done), None),
            "updates": [],
        }
        items.append(item)
        if current is not None and updates.get(current.pk):
            # Re-opened by a material change: each module with what changed, to do again.
            by_key = {module.translation_key: module for module in course_modules}
            item["updates"] = [
                {"update": update, "module": by_key.get(update.module_key)} for update in updates[current.pk]
            ]
            item["next_module"] = next((row["module"] for row in item["updates"] if row["module"]), None)
            item["completed_count"] = max(len(course_modules) - len(item["updates"]), 0)
            item["percent"] = (
                round(100 * item["completed_count"] / len(course_modules)) if course_modules else 0
            )
    _in_reader_language(items)
    return {
        "updates": [item for item in items if item["updates"]],
        "in_progress": [item for item in items if not item["completion"] and item["started"]],
        "to_do": [item for item in items if not item["completion"] and not item["started"]],
        "completed": [item for item in items if item["completion"] and not item["updates"]],
        "completions": sorted(completions.values(), key=lambda c: c.completed_at, reverse=True),
    }


def home_page_courses(user, request=None):
    """The person's open courses for the home page, soonest due first: the dashboard's
    ``in_progress`` and ``to_do``, each with where to continue."""
    state = dashboard(user, request)
    items = state["updates"] + state["in_progress"] + state["to_do"]
    return sorted(items, key=lambda item: item["enrolment"].due_date or date.max)


def _in_reader_language(items):
    """Courses and next modules in the language the person reads the site in, where they
    have been translated, so a reader of /ar/my-learning/ stays on Arabic pages. One query,
    and one per page type, whatever the number of courses."""
    language = get_language()
    if language == settings.LANGUAGE_CODE:
        return
    keys = {
        page.translation_key
        for item in items
        for page in (item["course"], item["next_module"], *(row["module"] for row in item["updates"]))
        if page is not None
    }
    if not keys:
        return
    translations = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(translation_key__in=keys, locale__language_code=language)
        .specific()
    }
    for item in items:
        for name in ("course", "next_module"):
            if item[name] is not None:
                item[name] = translations.get(item[name].translation_key, item[name])
        for row in item["updates"]:
            if row["module"] is not None:
                row["module"] = translations.get(row["module"].translation_key, row["module"])
        if item["course"] is not None and item["course"].translation_key in translations:
            item["course_language"] = language


def course_complete_context(user, course):
    """``course_completion`` (the person's valid completion of the course, or None) and
    ``certificate`` (whether it comes with one), for the pages that say a course is
    complete. One query, two if the course has a completion."""
    completion = progress.current_completion(user, course.course_code)
    if completion is None:
        return {"course_completion": None}
    return {"course_completion": completion, "certificate": certificate_offered(completion)}
