"""A person's own learning: enrolling, marking modules complete, starting a quiz, retaking,
the dashboard. Every change is a POST; what counts is decided from what the server recorded."""

from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from wagtail.models import Page

from courses.models import CoursePage, ModulePage, QuizQuestion
from courses.models.pages import refuse_unless_open
from courses.serving import read_tree
from elearning.compiled import CompiledQuery
from quizzes.services.attempts import AttemptLimitReached
from records.services import learner, progress


@require_POST
def enrol(request, course_id):
    course = get_object_or_404(CoursePage.objects.live().open_to_user(request.user), pk=course_id)
    try:
        progress.enrol(request.user, course)
    except progress.PrerequisitesIncomplete as error:
        titles = ", ".join(p.title for p in error.missing)
        messages.error(request, _("This course opens once you complete: %(courses)s.") % {"courses": titles})
        return redirect(course.url)
    first = course.modules().first()
    messages.success(request, _("You are enrolled in “%(title)s”.") % {"title": course.title})
    return redirect(first.url if first else course.url)


@require_POST
def retake(request, course_id):
    course = get_object_or_404(CoursePage.objects.live().open_to_user(request.user), pk=course_id)
    if progress.current_completion(request.user, course.course_code):
        messages.info(request, _("Your completion of this course is still valid."))
    else:
        progress.retake(request.user, course)
        messages.success(request, _("You are taking “%(title)s” again.") % {"title": course.title})
    return redirect(course.url)


@require_POST
def mark_complete(request, module_id):
    module = get_object_or_404(ModulePage.objects.live(), pk=module_id)
    course = CoursePage.objects.parent_of(module).live().first()
    if course is None:
        return redirect(module.url)
    refuse_unless_open(request, course)
    if progress.missing_prerequisites(request.user, course) and not _enrolled(request.user, course):
        messages.error(request, _("Complete this course's prerequisites first."))
        return redirect(course.url)
    if not _enrolled(request.user, course):
        progress.enrol(request.user, course)
    state = progress.mark_module_read(request.user, module, course)
    if state.course_completion is not None:
        return redirect("quizzes:course_complete", course_id=course.pk)
    if state.completed_at:
        messages.success(request, _("Module complete."))
    else:
        messages.info(request, _("Marked as read. Pass the quiz to complete this module."))
    return redirect(module.url)


# The quiz is built from the module's settings and questions: its body stays in the database.
_QUIZ_MODULE = CompiledQuery(
    lambda module_id: (
        ModulePage.objects.live()
        .defer("body")
        .annotate(has_quiz=Exists(QuizQuestion.objects.filter(module=OuterRef("pk"))))
        .filter(pk=module_id)
    ),
    int,
)
# The live course at a path: a module's parent, as Wagtail's ``parent_of`` finds it.
_LIVE_COURSE_AT = CompiledQuery(lambda path: CoursePage.objects.live().filter(path=path), str)


@require_POST
def start_quiz(request, module_id):
    module = _QUIZ_MODULE.first(module_id)
    if module is None:
        raise Http404("No such module.")
    course = _LIVE_COURSE_AT.first(Page._get_parent_path_from_path(module.path))
    if course is None or not module.has_quiz:
        raise Http404("This module has no quiz.")
    refuse_unless_open(request, course)
    enrolled, cycle = progress.enrolment_and_cycle(request.user, course.course_code)
    if not enrolled:
        try:
            progress.enrol(request.user, course)
        except progress.PrerequisitesIncomplete:
            messages.error(request, _("Complete this course's prerequisites first."))
            return redirect(course.url)
    try:
        attempt = progress.start_quiz(request.user, module, course, cycle=cycle)
    except AttemptLimitReached as error:
        messages.error(request, str(error))
        return redirect(module.url)
    return redirect("quizzes:attempt", attempt_id=attempt.pk)


@require_safe
def course_complete(request, course_id):
    """What finishing a course's last required module leads to: the course is complete,
    with the certificate. Without a valid completion, the course page says where things are."""
    course = get_object_or_404(CoursePage.objects.live().open_to_user(request.user), pk=course_id)
    context = {"course": course, **learner.course_complete_context(request.user, course)}
    if context["course_completion"] is None:
        return redirect(course.url)
    return TemplateResponse(request, "records/course_complete.html", context)


def _enrolled(user, course):
    return user.enrolments.filter(course_code=course.course_code).exists()


@require_safe
def dashboard(request):
    read_tree(request)
    context = learner.dashboard(request.user, request)
    return TemplateResponse(request, "records/dashboard.html", context)
