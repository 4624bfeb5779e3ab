"""Rules about the page tree, written once as QuerySet methods in Wagtail's own style."""

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from wagtail.models import Page
from wagtail.query import PageQuerySet

from courses.models.quiz import QuizQuestion


class ModulePageQuerySet(PageQuerySet):
    def with_question_counts(self):
        """Each module with its number of quiz questions (``question_count``), in the same query."""
        # A correlated count rather than a join with GROUP BY: grouping would group by every
        # column of the page, the whole StreamField body included.
        questions = QuizQuestion.objects.filter(module=OuterRef("pk")).order_by().values("module")
        count = questions.annotate(count=Count("pk")).values("count")
        return self.annotate(question_count=Coalesce(Subquery(count), 0))

    def required(self):
        """The modules a course asks for to be completed: live, and marked required."""
        return self.live().filter(required_for_completion=True)

    def by_course(self, courses):
        """{course: [its modules here, in page order]} for many courses in one query."""
        by_path = {course.path: course for course in courses}
        result = {course: [] for course in by_path.values()}
        if not by_path:
            return result
        condition = Q()
        for path in by_path:
            condition |= Q(path__startswith=path, depth=len(path) // Page.steplen + 1)
        for module in self.filter(condition).order_by("path"):
            result[by_path[module.path[: -Page.steplen]]].append(module)
        return result
