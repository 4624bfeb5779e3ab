"""Rules about the page tree, written once as QuerySet methods in Wagtail's own style."""

from django.db.models import Count, Q

from wagtail.models import Page
from wagtail.query import PageQuerySet


class ModulePageQuerySet(PageQuerySet):
    def with_question_counts(self):
        """Each module with its number of quiz questions (``question_count``), in the same query."""
        return self.annotate(question_count=Count("quiz_questions"))

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
