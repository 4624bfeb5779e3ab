"""Builds the demo page tree: the Site's home page (/), the catalogue (/courses/), the
courses and their modules, and their translations.

Every function looks its page up first and creates it only when it is missing, so a second
run changes nothing: no new pages, no new revisions. Pages that already exist are never
overwritten, so editors' changes survive a re-seed. New pages are published with a revision,
so their history shows in the admin.

Quizzes (demo/*_quizzes.py) go in with a new module. A module that already exists
gets its demo quiz once, in one published revision, and only if it has never had questions;
after that it is the editors' (see add_missing_quiz)."""

import json

from django.core.exceptions import ValidationError
from django.db import transaction

from wagtail import blocks
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page, Site

from courses.admin_forms import question_problems
from courses.models import (
    CourseCatalogue,
    CoursePage,
    HomePage,
    ModulePage,
    QuizChoice,
    QuizQuestion,
    TranslationBase,
)
from demo.covers import ensure_cover_image
from demo.report import SeedReport

HOME_SLUG = "home"
CATALOGUE_SLUG = "courses"
SITE_NAME = "Learning Hub"
WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"

HOME = {
    "title": "Learning Hub",
    "intro": (
        "<p>Short, practical courses for everyone in the organisation: how to work with "
        "influencers and creators, how to tell human-rights stories that people believe, and "
        "how to keep yourself and your partners safe online.</p>"
        "<p>Each module takes about a quarter of an hour and works on a phone. Start with the "
        "courses assigned to you, then explore the rest.</p>"
    ),
}
CATALOGUE = {
    "title": "Courses",
    "intro": (
        "<p>Every course is written by colleagues who run campaigns, research and youth "
        "programmes. Pick a course to see its modules, how long it takes and what you will be "
        "able to do afterwards.</p>"
    ),
}
TRANSLATED_STRUCTURE = {
    "ar": {
        "home": {
            "title": "مركز التعلّم",
            "intro": (
                "<p>دورات قصيرة وعملية لكل العاملين في المنظمة: كيف نعمل مع المؤثرين وصنّاع "
                "المحتوى، وكيف نروي قصص حقوق الإنسان بطريقة يصدّقها الناس، وكيف نحمي أنفسنا "
                "وشركاءنا على الإنترنت.</p>"
                "<p>تستغرق كل وحدة نحو ربع ساعة وتعمل على الهاتف. ابدأ بالدورات المطلوبة منك، "
                "ثم استكشف بقية الدورات.</p>"
            ),
        },
        "catalogue": {
            "title": "الدورات",
            "intro": (
                "<p>كتب هذه الدورات زملاء يديرون الحملات والأبحاث وبرامج الشباب. اختر دورة "
                "لترى وحداتها ومدتها وما ستتمكن من فعله بعد إكمالها.</p>"
            ),
        },
    },
    "es": {
        "home": {
            "title": "Centro de aprendizaje",
            "intro": (
                "<p>Cursos breves y prácticos para todo el personal de la organización: cómo "
                "trabajar con influencers y creadores de contenido, cómo contar historias de "
                "derechos humanos que la gente crea y cómo protegernos, a nosotros y a nuestros "
                "aliados, en internet.</p>"
                "<p>Cada módulo dura aproximadamente un cuarto de hora y funciona en el teléfono. "
                "Empieza por los cursos que te han asignado y luego explora los demás.</p>"
            ),
        },
        "catalogue": {
            "title": "Cursos",
            "intro": (
                "<p>Cada curso lo escriben colegas que dirigen campañas, investigaciones y "
                "programas para jóvenes. Elige un curso para ver sus módulos, cuánto dura y qué "
                "sabrás hacer al terminarlo.</p>"
            ),
        },
    },
    "fr": {
        "home": {
            "title": "Centre de formation",
            "intro": (
                "<p>Des formations courtes et pratiques pour toutes les personnes de "
                "l’organisation : comment travailler avec des influenceurs et des créateurs, "
                "comment raconter des histoires de droits humains auxquelles les gens croient, et "
                "comment nous protéger en ligne, nous et nos partenaires.</p>"
                "<p>Chaque module dure environ un quart d’heure et fonctionne sur téléphone. "
                "Commencez par les formations qui vous sont attribuées, puis explorez les "
                "autres.</p>"
            ),
        },
        "catalogue": {
            "title": "Formations",
            "intro": (
                "<p>Chaque formation est écrite par des collègues qui mènent des campagnes, des "
                "recherches et des programmes pour les jeunes. Choisissez une formation pour voir "
                "ses modules, sa durée et ce que vous saurez faire à la fin.</p>"
            ),
        },
    },
}

COURSE_FIELDS = (
    "title",
    "slug",
    "course_code",
    "summary",
    "learning_objectives",
    "audience",
    "estimated_minutes",
    "validity_months",
    "certificate_enabled",
)
# A translation keeps the slug, course code and settings; these are its own.
TRANSLATED_COURSE_FIELDS = ("title", "summary", "learning_objectives", "audience", "cover_image_alt")
MODULE_FIELDS = ("title", "slug", "estimated_minutes", "required_for_completion")
QUIZ_SETTINGS = (
    "quiz_pass_mark",
    "quiz_attempt_limit",
    "quiz_shuffle_questions",
    "quiz_shuffle_choices",
    "quiz_draw_count",
    "quiz_feedback_policy",
    "quiz_time_limit_minutes",
)
QUESTION_KEYS = {"kind", "prompt", "points", "explanation", "choices"}


# The site: root > home (/) > catalogue (/courses/)


@transaction.atomic
def ensure_site_structure(report=None):
    """The English home page as the default Site's root and the catalogue under it.
    Returns (home, catalogue)."""
    report = report if report is not None else SeedReport()
    root = _ensure_root()
    _retire_wagtail_welcome_page(root, report)
    home = _ensure_home(root, report)
    _point_default_site_at(home, report)
    catalogue = _ensure_catalogue(home, report)
    return home, catalogue


def ensure_locale(language_code):
    return Locale.objects.get_or_create(language_code=language_code)[0]


def _ensure_root():
    root = Page.get_first_root_node()
    if root is None:  # a flushed test database has no page tree at all
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=ensure_locale("en")))
    return root


def _ensure_home(root, report):
    home = _find_home(root)
    created = home is None
    if created:
        slug = find_available_slug(root, HOME_SLUG)
        home = publish_child(root, HomePage(slug=slug, locale=root.locale, **HOME))
    report.record("home page /", created)
    return home


def _find_home(root):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    return HomePage.objects.child_of(root).filter(locale=root.locale).first()


def _retire_wagtail_welcome_page(root, report):
    """Wagtail's migration leaves a "Welcome to your new Wagtail site!" page as the Site's
    root, with the slug the home page wants. Delete it while nothing else uses it."""
    welcome = (
        Page.objects.child_of(root)
        .filter(
            title=WAGTAIL_WELCOME_TITLE,
            content_type__model="page",
            content_type__app_label="wagtailcore",
            numchild=0,
        )
        .first()
    )
    if welcome is None:
        return
    sites = Site.objects.filter(root_page=welcome)
    if sites.exclude(is_default_site=True).exists():
        return
    # Deleting a Site's root page deletes the Site: park the default Site on the tree root
    # until the home page exists, straight after.
    sites.update(root_page=root)
    welcome.delete()
    report.change("deleted Wagtail's default welcome page")


def _point_default_site_at(home, report):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=SITE_NAME
        )
        report.record("default site", created=True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site.site_name or SITE_NAME
        site.save()
        report.change("pointed the default site at the home page")


def _ensure_catalogue(home, report):
    catalogue = CourseCatalogue.objects.child_of(home).first()
    created = catalogue is None
    if created:
        catalogue = publish_child(home, CourseCatalogue(slug=CATALOGUE_SLUG, **CATALOGUE))
    report.record(f"catalogue /{catalogue.slug}/", created)
    return catalogue


def publish_child(parent, page):
    """Add a page under its parent and publish it through a revision, as an editor would."""
    page.live = False
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


# Courses and modules


def ensure_course(catalogue, data, report=None, quizzes=None):
    """A course from its data (see demo/influencers.py) with its modules, and their
    quizzes by module slug (see demo/influencers_quizzes.py)."""
    report = report if report is not None else SeedReport()
    code = data["course_code"]
    quizzes = quizzes or {}
    _check_quiz_slugs(quizzes, data, code)
    course = CoursePage.objects.filter(course_code=code, locale_id=catalogue.locale_id).first()
    created = course is None
    if created:
        course = publish_child(catalogue, CoursePage(**_course_fields(data)))
    report.record(f"course {code}: {course.title}", created)
    for module in data["modules"]:
        ensure_module(course, module, report, quizzes.get(module["slug"]))
    return course


def _course_fields(data):
    fields = {name: data[name] for name in COURSE_FIELDS if name in data}
    if data.get("cover"):
        fields["cover_image"] = ensure_cover_image(data["cover"])
        fields["cover_image_alt"] = data["cover"]["alt"]
    return fields


def ensure_module(course, data, report, quiz=None):
    label = f"module {course.course_code}/{data['slug']}"
    body = build_body(data["body"], label)
    quiz_fields = build_quiz(quiz, label) if quiz else {}
    module = ModulePage.objects.child_of(course).filter(slug=data["slug"]).first()
    created = module is None
    if created:
        fields = {name: data[name] for name in MODULE_FIELDS if name in data}
        module = publish_child(course, ModulePage(body=body, **fields, **quiz_fields))
    report.record(label, created)
    if quiz_fields and not created:
        add_missing_quiz(module, quiz_fields, label, report)
    return module


def _check_quiz_slugs(quizzes, data, code):
    unknown = set(quizzes) - {module["slug"] for module in data["modules"]}
    if unknown:
        raise ValidationError(
            f"quizzes for {code} name modules it does not have: {', '.join(sorted(unknown))}"
        )


# Quizzes: {"settings": {...}, "questions": [...]} to module fields, checked as the admin does


def build_quiz(quiz, label="demo module"):
    """The module fields for a quiz: every quiz setting (the model's default where the data
    gives none) and "quiz_questions", unsaved questions with their choices. Each question is
    checked with the admin's rules (question_problems) and its fields' validators, and must
    have an explanation and feedback on every choice, so bad demo content fails loudly."""
    settings = quiz.get("settings", {})
    unknown = set(settings) - set(QUIZ_SETTINGS)
    if unknown:
        raise ValidationError(f"{label}: unknown quiz settings {', '.join(sorted(unknown))}")
    fields = {}
    for name in QUIZ_SETTINGS:
        field = ModulePage._meta.get_field(name)
        try:
            fields[name] = field.clean(settings.get(name, field.get_default()), None)
        except ValidationError as error:
            raise ValidationError(f"{label}: quiz setting {name}: {_describe(error)}") from error
    questions = [
        _build_question(data, order, f"{label}: quiz question {order + 1}")
        for order, data in enumerate(quiz["questions"])
    ]
    if not questions:
        raise ValidationError(f"{label}: a quiz needs at least one question")
    draw = fields["quiz_draw_count"]
    if draw and draw > len(questions):
        raise ValidationError(f"{label}: draws {draw} questions from only {len(questions)}")
    fields["quiz_questions"] = questions
    return fields


def _build_question(data, order, where):
    unknown = set(data) - QUESTION_KEYS
    if unknown:
        raise ValidationError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    choices = [
        QuizChoice(sort_order=number, text=text, is_correct=is_correct, feedback=feedback)
        for number, (text, is_correct, feedback) in enumerate(data["choices"])
    ]
    question = QuizQuestion(
        sort_order=order,
        kind=data["kind"],
        prompt=data["prompt"],
        points=data.get("points", 1),
        explanation=data.get("explanation", ""),
        choices=choices,
    )
    problems = list(
        question_problems(question.kind, [(choice.text, choice.is_correct) for choice in choices])
    )
    if not question.explanation.strip():
        problems.append("Give an explanation.")
    try:
        question.full_clean(exclude=["module"])
    except ValidationError as error:
        problems.append(_field_errors(error))
    for number, choice in enumerate(choices, 1):
        if not choice.feedback.strip():
            problems.append(f"Choice {number} has no feedback.")
        try:
            choice.full_clean(exclude=["question"])
        except ValidationError as error:
            problems.append(f"Choice {number}: {_field_errors(error)}")
    if problems:
        raise ValidationError(f"{where} ({question.prompt[:60]!r}): {' '.join(problems)}")
    return question


def _field_errors(error):
    return "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())


def add_missing_quiz(module, quiz_fields, label, report, source=None):
    """Give a module that already exists its demo quiz (build_quiz's fields), in one
    published revision, if it has no questions and never had any in its history (an editor
    may have removed them on purpose). For a translation, pass its source module: a quiz
    still in the source's words (an untranslated copy) is replaced too. A module with an
    unpublished draft is left to its editor. Returns whether it added the quiz."""
    prompts = list(module.quiz_questions.values_list("prompt", flat=True))
    if prompts:
        if source is None or prompts != list(source.quiz_questions.values_list("prompt", flat=True)):
            return False
    elif _ever_had_questions(module):
        return False
    if module.has_unpublished_changes:
        return False
    for name, value in quiz_fields.items():
        setattr(module, name, value)
    module.save_revision().publish()
    report.change(f"{label}: added its quiz ({len(quiz_fields['quiz_questions'])} questions)")
    return True


def _ever_had_questions(page):
    return any(content.get("quiz_questions") for content in page.revisions.values_list("content", flat=True))


# Module bodies: (block_type, value) tuples to a validated StreamField value


def build_body(items, label="demo module"):
    """Turn [(block_type, value), ...] into a cleaned StreamField value. Unknown block types,
    unknown field names and values the blocks reject all raise ValidationError, so bad demo
    content fails loudly instead of vanishing."""
    stream_block = ModulePage._meta.get_field("body").stream_block
    raw = _to_raw(stream_block, items, label)
    try:
        return stream_block.clean(stream_block.to_python(raw))
    except ValidationError as error:
        raise ValidationError(f"{label}: {_describe(error)}") from error


def _to_raw(block, value, where):
    if isinstance(block, blocks.StreamBlock):
        return [
            {"type": name, "value": _to_raw(_child(block, name, where), child, f"{where} > {name}")}
            for name, child in value
        ]
    if isinstance(block, blocks.StructBlock):
        return {
            name: _to_raw(_child(block, name, where), child, f"{where}.{name}")
            for name, child in value.items()
        }
    return value


def _child(block, name, where):
    if name not in block.child_blocks:
        raise ValidationError(
            f"{where}: {block.__class__.__name__} has no {name!r} (it has {', '.join(block.child_blocks)})"
        )
    return block.child_blocks[name]


def _describe(error):
    if hasattr(error, "as_json_data"):
        return json.dumps(error.as_json_data(), ensure_ascii=False)
    return "; ".join(error.messages)


# Translations


def ensure_translation(source, locale, fields, report, label):
    """The translation of a page into a locale: Wagtail's copy for translation (same
    translation_key, under the parent's translation), with the translated fields, published."""
    translation = source.get_translation_or_none(locale)
    created = translation is None
    if created:
        translation = source.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
    report.record(f"{label} ({locale.language_code})", created)
    return translation.specific


@transaction.atomic
def ensure_translated_structure(language_code, report=None):
    """The home page and catalogue in another language (/ar/, /ar/courses/).
    Returns (home, catalogue) in that language."""
    report = report if report is not None else SeedReport()
    home, catalogue = ensure_site_structure(report)
    locale = ensure_locale(language_code)
    texts = TRANSLATED_STRUCTURE[language_code]
    home = ensure_translation(home, locale, texts["home"], report, "home page")
    catalogue = ensure_translation(catalogue, locale, texts["catalogue"], report, "catalogue")
    return home, catalogue


def ensure_course_translation(data, report=None, quizzes=None):
    """A course's translation and its translated modules, from a translation data module
    (see demo/storytelling_ar.py), with the modules' translated quizzes by slug (see
    demo/storytelling_ar_quizzes.py). The parents must already be translated
    (ensure_translated_structure). Returns None if the English course is missing."""
    report = report if report is not None else SeedReport()
    quizzes = quizzes or {}
    _check_quiz_slugs(quizzes, data, data["course_code"])
    locale = ensure_locale(data["language_code"])
    source = CoursePage.objects.filter(course_code=data["course_code"], locale=Locale.get_default()).first()
    if source is None:
        return None
    fields = {name: data[name] for name in TRANSLATED_COURSE_FIELDS if name in data}
    course = ensure_translation(source, locale, fields, report, f"course {data['course_code']}")
    for module in data["modules"]:
        _ensure_module_translation(source, locale, module, report, quizzes.get(module["slug"]))
    return course


def _ensure_module_translation(source_course, locale, data, report, quiz=None):
    label = f"module {source_course.course_code}/{data['slug']}"
    translated_label = f"{label} ({locale.language_code})"
    body = build_body(data["body"], translated_label)
    quiz_fields = build_quiz(quiz, translated_label) if quiz else {}
    source = ModulePage.objects.child_of(source_course).filter(slug=data["slug"]).first()
    if source is None:
        return None
    if not source.quiz_questions.exists():  # the translation follows its source: no quiz there, none here
        quiz_fields = {}
    # A new translation is a copy with the source's questions in English: quiz_fields
    # replaces them before its first revision.
    fields = {"title": data["title"], "body": body, **quiz_fields}
    translation = ensure_translation(source, locale, fields, report, label)
    if quiz_fields:
        base = TranslationBase.objects.filter(page_id=translation.pk).values("source_revision", "updated_at")
        kept = base.first()
        added = add_missing_quiz(
            translation, build_quiz(quiz, translated_label), translated_label, report, source=source
        )
        if added and kept:
            # Publishing records the translation as up to date with its source's live
            # revision; translating its quiz did not bring in a later source change (the one
            # demo/updates.py makes on purpose), so it keeps the base it had.
            base.update(**kept)
    return translation
