"""Factories for the test suite.

Users and departments are plain model factories. Wagtail pages are made with helper
functions, because a page only exists once it is placed in the tree with
``parent.add_child(instance=...)``.
"""

import itertools
import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from io import BytesIO

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

import factory
from factory.django import DjangoModelFactory
from PIL import Image as PILImage

from courses.models import CourseCatalogue, CoursePage, HomePage, ModulePage
from people.models import Department, User

PASSWORD = "correct-horse-battery-staple"  # noqa: S105 - test accounts only

_course_codes = itertools.count(1)
_slugs = itertools.count(1)


class DepartmentFactory(DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Department {n}")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n:04d}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    employee_id = factory.Sequence(lambda n: f"E{n:06d}")
    full_name = factory.LazyAttribute(lambda user: user.username.replace(".", " ").title())
    first_name = factory.LazyAttribute(lambda user: user.username.split(".")[0].title())
    password = factory.django.Password(PASSWORD)
    is_active = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        """``UserFactory(groups=["Editors"])`` puts the user in those role groups."""
        if create and extracted:
            self.groups.add(*(Group.objects.get(name=name) for name in extracted))


# --- Files ---------------------------------------------------------------------------------


def png_bytes(size=(40, 30), colour="teal"):
    buffer = BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def make_image(title="A test image", size=(40, 30), colour="teal"):
    name = f"{slugify(title) or 'image'}.png"
    return get_image_model().objects.create(
        title=title, file=ImageFile(BytesIO(png_bytes(size, colour)), name=name)
    )


def make_document(title="Briefing template", content=b"A briefing template for influencers.\n", name=None):
    name = name or f"{slugify(title) or 'document'}.txt"
    return get_document_model().objects.create(title=title, file=ContentFile(content, name=name))


# --- Pages ---------------------------------------------------------------------------------


def make_site_tree():
    """Home > Courses (the catalogue) under Wagtail's root, served by the default Site.

    Wagtail's initial migration leaves a "Welcome" page and a Site pointing at it;
    both are replaced, as the demo seed does."""
    root = Page.get_first_root_node()
    home = HomePage.objects.child_of(root).filter(locale=Locale.get_default()).first()
    if home is None:
        for page in root.get_children().not_type(HomePage):
            page.delete()  # deleting the welcome page deletes its Site too
        home = root.add_child(instance=HomePage(title="Learning Hub", slug="home"))
    Site.objects.exclude(root_page=home).delete()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Learning Hub"},
    )
    catalogue = CourseCatalogue.objects.child_of(home).first()
    if catalogue is None:
        catalogue = home.add_child(instance=CourseCatalogue(title="Courses", slug="courses"))
    return home, catalogue


def publish(page):
    """Publish through a revision, as the admin does; returns the fresh specific page."""
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def _slug(title):
    return f"{slugify(title)[:40] or 'page'}-{next(_slugs)}"


def make_course(catalogue, *, publish_revision=False, **fields):
    number = next(_course_codes)
    fields.setdefault("title", f"Course {number}")
    fields.setdefault("slug", _slug(fields["title"]))
    fields.setdefault("course_code", f"TST-{number:03d}")
    fields.setdefault("summary", "What staff learn in this course.")
    fields.setdefault("learning_objectives", "<ul><li>Work with influencers</li></ul>")
    course = catalogue.add_child(instance=CoursePage(**fields))
    return publish(course) if publish_revision else course


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def reflection(prompt, guidance="", block_id="reflect-1"):
    return {"type": "reflection", "value": {"prompt": prompt, "guidance": guidance}, "id": block_id}


def make_module(course, body=None, *, publish_revision=False, live=True, **fields):
    """A module under ``course``; ``body`` is raw StreamField data (a list of
    ``{"type": ..., "value": ..., "id": ...}`` dicts). ``live=False`` makes a draft that
    was never published."""
    fields.setdefault("title", f"Module {next(_slugs)}")
    fields.setdefault("slug", _slug(fields["title"]))
    if body is None:
        body = [paragraph(f"<p>What {fields['title']} teaches.</p>")]
    module = ModulePage(body=body, live=live, **fields)
    module = course.add_child(instance=module)
    if not live:
        module.save_revision()
        return ModulePage.objects.get(pk=module.pk)
    return publish(module) if publish_revision else module


def make_translation(page, language_code, *, publish_revision=True):
    """A translation of ``page`` (and of its parents where they are missing)."""
    locale = Locale.objects.get(language_code=language_code)
    translation = page.copy_for_translation(locale, copy_parents=True)
    return publish(translation.specific) if publish_revision else translation.specific


# --- Quizzes -------------------------------------------------------------------------------


def question(prompt, choices, kind="single", points=1, explanation=""):
    """``choices``: (text, is_correct) or (text, is_correct, feedback) tuples."""
    from quizzes.models import QuizChoice, QuizQuestion

    return QuizQuestion(
        kind=kind,
        prompt=prompt,
        points=points,
        explanation=explanation or f"Why: {prompt}",
        choices=[
            QuizChoice(text=c[0], is_correct=c[1], feedback=c[2] if len(c) > 2 else f"About {c[0]}")
            for c in choices
        ],
    )


def standard_questions():
    """Three questions, one of each kind, 4 points in all."""
    return [
        question(
            "Which voice do audiences trust most?", [("An authentic voice", True), ("A press release", False)]
        ),
        question(
            "Which of these are platform-native formats?",
            [("Instagram Stories", True), ("Short video", True), ("A 40-page PDF", False)],
            kind="multiple",
            points=2,
        ),
        question(
            "Consent can be assumed for public posts.", [("True", False), ("False", True)], kind="true_false"
        ),
    ]


def add_quiz(module, questions=None, **settings):
    """Give ``module`` a published quiz; ``settings`` are QuizSettings fields without the
    ``quiz_`` prefix (``pass_mark=80``, ``attempt_limit=3`` ...)."""
    module.quiz_questions = questions if questions is not None else standard_questions()
    for name, value in settings.items():
        setattr(module, f"quiz_{name}", value)
    return publish(module)


def correct_answers(attempt):
    return {q["id"]: [c["id"] for c in q["choices"] if c["is_correct"]] for q in attempt.questions}


def wrong_answers(attempt):
    return {q["id"]: [next(c["id"] for c in q["choices"] if not c["is_correct"])] for q in attempt.questions}


# --- Learning records ------------------------------------------------------------------------
# Made directly (not by taking the course), for tests that need a record in a given state.
# ``course=`` fills the code and title from the page; without it, ``course_code`` is enough.


class EnrolmentFactory(DjangoModelFactory):
    class Meta:
        model = "quizzes.Enrolment"

    user = factory.SubFactory(UserFactory)
    course = None
    course_code = factory.LazyAttribute(lambda o: o.course.course_code if o.course else "INF-101")
    course_title = factory.LazyAttribute(lambda o: o.course.title if o.course else f"Course {o.course_code}")


def _midnight(day):
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


class CourseCompletionFactory(DjangoModelFactory):
    """``CourseCompletionFactory(days_ago=3, revoked=True)`` for a revoked one three days old;
    ``completed_on=date(...)`` for one completed at midnight that day."""

    class Meta:
        model = "quizzes.CourseCompletion"

    class Params:
        days_ago = 1
        completed_on = None
        revoked = factory.Trait(
            revoked_at=factory.LazyFunction(timezone.now), revoked_reason="Entered by mistake"
        )

    user = factory.SubFactory(UserFactory)
    course = None
    course_code = factory.LazyAttribute(lambda o: o.course.course_code if o.course else "INF-101")
    course_title = factory.LazyAttribute(lambda o: o.course.title if o.course else f"Course {o.course_code}")
    course_language = factory.LazyAttribute(lambda o: o.course.locale.language_code if o.course else "en")
    completed_at = factory.LazyAttribute(
        lambda o: _midnight(o.completed_on) if o.completed_on else timezone.now() - timedelta(days=o.days_ago)
    )
    score = Decimal("87.50")


class AttemptFactory(DjangoModelFactory):
    """An attempt at ``module`` with ``standard_questions``-shaped snapshot; pass ``submitted=True``
    with ``passed=`` for a scored one."""

    class Meta:
        model = "quizzes.Attempt"

    class Params:
        submitted = factory.Trait(
            submitted_at=factory.LazyFunction(timezone.now),
            score=factory.LazyAttribute(lambda o: o.max_score if o.passed else 0),
            percentage=factory.LazyAttribute(lambda o: Decimal("100.00") if o.passed else Decimal("0.00")),
            passed=True,
        )

    user = factory.SubFactory(UserFactory)
    module = None
    module_key = factory.LazyAttribute(lambda o: o.module.translation_key if o.module else uuid.uuid4())
    module_title = factory.LazyAttribute(lambda o: o.module.title if o.module else "A module")
    course_code = "INF-101"
    number = factory.Sequence(lambda n: n + 1)
    pass_mark = 70
    feedback_policy = "after_each"
    questions = factory.LazyFunction(list)
    max_score = 1


class ModuleProgressFactory(DjangoModelFactory):
    """A module started (``read_at``/``completed_at`` for further along); the course code is
    the module's course's."""

    class Meta:
        model = "quizzes.ModuleProgress"

    user = factory.SubFactory(UserFactory)
    module = None
    module_key = factory.LazyAttribute(lambda o: o.module.translation_key if o.module else uuid.uuid4())
    module_title = factory.LazyAttribute(lambda o: o.module.title if o.module else "A module")
    course_code = factory.LazyAttribute(
        lambda o: o.module.get_parent().specific.course_code if o.module else "INF-101"
    )


class ReflectionAnswerFactory(DjangoModelFactory):
    class Meta:
        model = "quizzes.ReflectionAnswer"

    user = factory.SubFactory(UserFactory)
    module = None
    module_title = factory.LazyAttribute(lambda o: o.module.title if o.module else "A module")
    block_id = "reflect-1"
    prompt = "What did you learn?"
    answer = "Plenty."


class AssignmentRuleFactory(DjangoModelFactory):
    """A rule assigning ``course`` (required: the rule copies its code and title) to
    everyone, due 30 days after the assignment."""

    class Meta:
        model = "quizzes.AssignmentRule"

    target = "everyone"
    due_days = 30
