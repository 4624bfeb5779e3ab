"""Rules about the page tree, written once as QuerySet methods in Wagtail's own style."""

from dataclasses import dataclass
from uuid import UUID

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import ngettext

from wagtail.models import Page
from wagtail.query import PageQuerySet

from courses.languages import lang_attributes
from courses.models.quiz import QuizQuestion


@dataclass(slots=True)
class ModuleListing:
    """A module as a list of modules shows it (the course page, the module pager): read as
    values, not as a page, so a long course costs little more than a short one."""

    pk: int
    title: str
    url: str
    translation_key: UUID
    language_code: str
    estimated_minutes: int
    required_for_completion: bool
    question_count: int

    @property
    def lang_attributes(self):
        return lang_attributes(self.language_code)

    @property
    def minutes_label(self):
        minutes = self.estimated_minutes
        return ngettext("%(minutes)s minute", "%(minutes)s minutes", minutes) % {"minutes": minutes}


def audiences_for(user):
    """The ``CoursePage.open_to`` values a person may take, or None for every course: staff
    (signed in, in no partner organisation) take every course, as before courses were
    shared; a partner organisation's people those open to partners or to everyone; a
    signed-out visitor only those open to everyone. The one home of who sees which course."""
    if user is not None and user.is_authenticated:
        if getattr(user, "partner_organisation_id", None) is None:
            return None
        return ("partners", "public")
    return ("public",)


class CoursePageQuerySet(PageQuerySet):
    def open_to_user(self, user):
        """The courses ``user`` may see and take (``audiences_for``)."""
        audiences = audiences_for(user)
        return self if audiences is None else self.filter(open_to__in=audiences)


class ModulePageQuerySet(PageQuerySet):
    def with_question_counts(self):
        """Each module with its number of quiz questions (``question_count``), in the same query."""
        # A correlated count rather than a join with GROUP BY: grouping would group by every
        # column of the page, the whole StreamField body included.
        questions = QuizQuestion.objects.filter(module=OuterRef("pk")).order_by().values("module")
        count = questions.annotate(count=Count("pk")).values("count")
        return self.annotate(question_count=Coalesce(Subquery(count), 0))

    def listings(self, parent_url):
        """The modules as ``ModuleListing`` rows, in one query; ``parent_url`` is the URL of
        the course they are in (a module's URL is its course's and its slug)."""
        return [_listing(row, parent_url) for row in self._listing_rows()]

    def _listing_rows(self, *more):
        return self.with_question_counts().values_list(*LISTING_FIELDS, *more)

    def required(self):
        """The modules a course asks for to be completed: live, and marked required."""
        return self.live().filter(required_for_completion=True)

    def by_course(self, courses, request=None):
        """{course: [its modules here as ``ModuleListing`` rows, in page order]} for many
        courses in one query."""
        by_path = {course.path: course for course in courses}
        result = {course: [] for course in by_path.values()}
        if not by_path:
            return result
        urls = {path: course.get_url(request) for path, course in by_path.items()}
        condition = Q()
        for path in by_path:
            condition |= Q(path__startswith=path, depth=len(path) // Page.steplen + 1)
        for *row, path in self.filter(condition).order_by("path")._listing_rows("path"):
            course_path = path[: -Page.steplen]
            result[by_path[course_path]].append(_listing(row, urls[course_path]))
        return result


LISTING_FIELDS = (
    "pk",
    "title",
    "slug",
    "translation_key",
    "locale__language_code",
    "estimated_minutes",
    "required_for_completion",
    "question_count",
)


def _listing(row, parent_url):
    pk, title, slug, key, *rest = row
    return ModuleListing(pk, title, f"{parent_url}{slug}/" if parent_url else "", key, *rest)
