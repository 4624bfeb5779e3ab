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

from courses.models import CourseCatalogue, CoursePage, HomePage, ModulePage, QuizChoice, QuizQuestion
from people.models import Department, User
from quizzes.services import attempts
from records.services import progress

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


# A module body using every block type once (tests/courses/test_module_blocks.py reads it back).
VIDEO_URL = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
CONSENT_NOTE = "Signed form CN-4471 in the consent register"


def every_block_body(image, document):
    return [
        {
            "type": "heading",
            "id": "b-heading",
            "value": {"text": "Why people trust influencers", "level": "h2"},
        },
        {"type": "heading", "id": "b-subheading", "value": {"text": "Speaking plainly", "level": "h3"}},
        {
            "type": "paragraph",
            "id": "b-paragraph",
            "value": "<p>Audiences tire of an <b>official institutional voice</b>.</p>",
        },
        {
            "type": "image",
            "id": "b-image",
            "value": {
                "image": image.pk,
                "alt_text": "Two activists filming an Instagram Story",
                "caption": "Filming on a phone at a march",
                "credit": "Photo: press office",
            },
        },
        {
            "type": "video",
            "id": "b-video",
            "value": {
                "title": "An influencer explains why she speaks up",
                "url": VIDEO_URL,
                "duration": "2:30",
                "transcript": "<p>I started posting about rights because my followers asked me to.</p>",
            },
        },
        {
            "type": "quote",
            "id": "b-quote",
            "value": {
                "quote": "When they shared our story, people in my town finally listened.",
                "speaker": "Community organiser",
                "role": "Partner organisation",
                "consent": True,
                "consent_note": CONSENT_NOTE,
            },
        },
        {
            "type": "case_study",
            "id": "b-case",
            "value": {
                "title": "A partnership that reached new audiences",
                "context": "<p>A campaign needed to reach people aged 16 to 34.</p>",
                "what_happened": "<p>Three creators made Stories in their own words.</p>",
                "what_we_learned": "<p>Creative freedom made the content feel authentic.</p>",
            },
        },
        {
            "type": "do_dont",
            "id": "b-dodont",
            "value": {
                "title": "Briefing an influencer",
                "dos": ["Share the key facts and let them use their own voice"],
                "donts": ["Send a script to read word for word"],
            },
        },
        {
            "type": "checklist",
            "id": "b-checklist",
            "value": {
                "title": "Before you publish",
                "items": ["Consent is recorded", "Captions are added", "Sources are checked"],
            },
        },
        {
            "type": "key_takeaways",
            "id": "b-takeaways",
            "value": {
                "title": "Key takeaways",
                "items": ["Authentic voices reach further than official statements"],
            },
        },
        {
            "type": "content_note",
            "id": "b-note",
            "value": {
                "note": "This section quotes abusive messages sent to an activist.",
                "content": [
                    {
                        "type": "paragraph",
                        "id": "b-note-para",
                        "value": "<p>The messages arrived within an hour of the post.</p>",
                    }
                ],
            },
        },
        {
            "type": "reflection",
            "id": "b-reflection",
            "value": {
                "prompt": "Whose voice told the story in your last campaign?",
                "guidance": "A few sentences are enough.",
            },
        },
        {
            "type": "download",
            "id": "b-download",
            "value": {
                "document": document.pk,
                "title": "Influencer briefing template",
                "description": "A one-page template to share with creators.",
            },
        },
        {
            "type": "callout",
            "id": "b-callout",
            "value": {
                "tone": "tip",
                "title": "Ask about formats",
                "body": "<p>Ask the influencer which format their audience prefers.</p>",
            },
        },
    ]


def make_translation(page, language_code, *, publish_revision=True):
    """A translation of ``page`` (and of its parents where they are missing)."""
    locale = Locale.objects.get(language_code=language_code)
    translation = page.copy_for_translation(locale, copy_parents=True)
    return publish(translation.specific) if publish_revision else translation.specific


# --- Quizzes -------------------------------------------------------------------------------


def question(prompt, choices, kind="single", points=1, explanation=""):
    """``choices``: (text, is_correct) or (text, is_correct, feedback) tuples."""
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


def add_question(module, prompt, choices, kind="single", order=0):
    """A question saved straight onto ``module`` (no new revision); ``choices``: (text, is_correct)
    pairs. Returns the question and its choices by text."""
    question = QuizQuestion.objects.create(module=module, prompt=prompt, kind=kind, sort_order=order)
    by_text = {
        text: QuizChoice.objects.create(question=question, text=text, is_correct=correct, sort_order=i)
        for i, (text, correct) in enumerate(choices)
    }
    return question, by_text


def take_quiz(user, module, course, picks=None, *, passing=True, now=None):
    """One attempt through the real services, submitted; returns it. ``picks`` maps questions
    to the choices picked; without it, every answer is right (or, ``passing=False``, wrong)."""
    attempt = progress.start_quiz(user, module, course, now=now)
    if picks is not None:
        answers = {question.pk: sorted(choice.pk for choice in chosen) for question, chosen in picks.items()}
    else:
        answers = correct_answers(attempt) if passing else wrong_answers(attempt)
    return attempts.submit_attempt(attempt.pk, user, answers, now=now)


def correct_answers(attempt):
    return {q["id"]: [c["id"] for c in q["choices"] if c["is_correct"]] for q in attempt.questions}


def wrong_answers(attempt):
    return {q["id"]: [next(c["id"] for c in q["choices"] if not c["is_correct"])] for q in attempt.questions}


# --- Learning records ------------------------------------------------------------------------
# Made directly (not by taking the course), for tests that need a record in a given state.
# ``course=`` fills the code and title from the page; without it, ``course_code`` is enough.
# Likewise ``module=`` for the records of one module.


class _CourseRecordFactory(DjangoModelFactory):
    class Meta:
        abstract = True

    user = factory.SubFactory(UserFactory)
    course = None
    course_code = factory.LazyAttribute(lambda o: o.course.course_code if o.course else "INF-101")
    course_title = factory.LazyAttribute(lambda o: o.course.title if o.course else f"Course {o.course_code}")


class _ModuleRecordFactory(DjangoModelFactory):
    class Meta:
        abstract = True

    user = factory.SubFactory(UserFactory)
    module = None
    module_title = factory.LazyAttribute(lambda o: o.module.title if o.module else "A module")


class EnrolmentFactory(_CourseRecordFactory):
    class Meta:
        model = "records.Enrolment"


def _midnight(day):
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


class CourseCompletionFactory(_CourseRecordFactory):
    """``CourseCompletionFactory(days_ago=3, revoked=True)`` for a revoked one three days old;
    ``completed_on=date(...)`` for one completed at midnight that day."""

    class Meta:
        model = "records.CourseCompletion"

    class Params:
        days_ago = 1
        completed_on = None
        revoked = factory.Trait(
            revoked_at=factory.LazyFunction(timezone.now), revoked_reason="Entered by mistake"
        )

    course_language = factory.LazyAttribute(lambda o: o.course.locale.language_code if o.course else "en")
    completed_at = factory.LazyAttribute(
        lambda o: _midnight(o.completed_on) if o.completed_on else timezone.now() - timedelta(days=o.days_ago)
    )
    score = Decimal("87.50")


class ModuleProgressFactory(_ModuleRecordFactory):
    """A module started (``read_at``/``completed_at`` for further along)."""

    class Meta:
        model = "records.ModuleProgress"

    module_key = factory.LazyAttribute(lambda o: o.module.translation_key if o.module else uuid.uuid4())
    course_code = factory.LazyAttribute(
        lambda o: o.module.get_parent().specific.course_code if o.module else "INF-101"
    )


class AttemptFactory(_ModuleRecordFactory):
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

    module_key = factory.LazyAttribute(lambda o: o.module.translation_key if o.module else uuid.uuid4())
    course_code = "INF-101"
    number = factory.Sequence(lambda n: n + 1)
    pass_mark = 70
    feedback_policy = "after_each"
    questions = factory.LazyFunction(list)
    max_score = 1


class ReflectionAnswerFactory(_ModuleRecordFactory):
    class Meta:
        model = "records.ReflectionAnswer"

    block_id = "reflect-1"
    prompt = "What did you learn?"
    answer = "Plenty."


class AssignmentRuleFactory(DjangoModelFactory):
    """A rule assigning ``course`` (required: the rule copies its code and title) to
    everyone, due 30 days after the assignment."""

    class Meta:
        model = "records.AssignmentRule"

    target = "everyone"
    due_days = 30
