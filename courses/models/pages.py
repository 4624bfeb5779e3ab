"""The page tree editors write in: home > catalogue (/courses/) > course > module."""

import html
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models, transaction
from django.db.models import Prefetch
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Orderable, Page, PageManager
from wagtail.search import index

from courses.admin_forms import ModulePageForm
from courses.blocks import RICH_TEXT_FEATURES, ModuleBodyBlock
from courses.models.querysets import CoursePageQuerySet, ModulePageQuerySet, audiences_for
from courses.models.quiz import QuizSettings
from courses.models.routing import TypedChildRoute, ViewRestrictionsInOneQuery
from courses.models.translations import learner_notice
from courses.models.tree_version import kept_for_tree
from courses.panels import TranslationLagPanel

# The extension point through which the app that keeps learning records (records) adds a
# signed-in person's state to a course or module page, so pages never import it. Each
# function registered with ``@hooks.register(LEARNER_PAGE_CONTEXT)`` is called as
# ``fn(request, page, context)`` for a signed-in person (previews included: check
# ``request.is_preview``) and returns a dict merged into the template context.
LEARNER_PAGE_CONTEXT = "learner_page_context"


def add_learner_context(request, page, context):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return
    for learner_context in hooks.get_hooks(LEARNER_PAGE_CONTEXT):
        context.update(learner_context(request, page, context))


def translation_notice(request, page):
    """The learner's notice on a translation whose source changed materially since it was
    brought up to date (``learner_notice``), kept on the page tree's version: a source's
    publish and a translation's base both change it."""
    site = getattr(request, "_wagtail_site", None)
    return kept_for_tree(
        request,
        f"translation-notice.{page.pk}.site.{site.pk if site else ''}",
        lambda: learner_notice(page, request),
    )


def refuse_unless_open(request, course):
    """A course, or anything in it, for someone it is not open to (``CoursePage.is_open_to``):
    not found, as if it did not exist. Signed-out visitors are sent to sign in before a page
    is served (courses/serving.py), so they meet this only on a path that skipped that."""
    if course is None or not course.is_open_to(request.user):
        raise Http404("No such course.")


COURSE_CODE_VALIDATOR = RegexValidator(
    r"^[A-Z0-9][A-Z0-9-]{1,31}$",
    _("Use 2 to 32 capital letters, digits and hyphens, for example INF-101."),
)
CATALOGUE_COVER_SPEC = "fill-640x320|format-webp"


SNIPPET_LENGTH = 200
# Parts of a block that are not text a reader sees: settings, addresses, editors' notes.
_NOT_TEXT = frozenset({"type", "id", "level", "tone", "url", "consent", "consent_note"})


def _texts(value):
    """The strings a StreamField's stored form holds for readers, rich text as plain text."""
    if isinstance(value, str):
        if value and not value.startswith(("http://", "https://")):
            yield html.unescape(strip_tags(value))
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in _NOT_TEXT:
                yield from _texts(item)
    elif isinstance(value, Sequence):  # lists, and the StreamField's RawDataView
        for item in value:
            yield from _texts(item)


@dataclass(slots=True)
class ModuleLength:
    """A module as a course's length counts it."""

    translation_key: UUID
    estimated_minutes: int


def followed_modules(own, originals):
    """A translated course's modules as learners follow them: the original course's
    modules in order, each in the translation where it has one (the others are read in the
    original's language), then any module only the translation has. ``own`` and
    ``originals``: module rows with a ``translation_key`` (``ModuleListing``, ``ModuleLength``)."""
    translated = {module.translation_key: module for module in own}
    listed = [translated.pop(module.translation_key, module) for module in originals]
    return listed + list(translated.values())


def course_length(modules):
    """Minutes for a course without its own estimate: the sum of the modules it is followed
    with (``followed_modules``), the same in the catalogue and on the course page."""
    return sum(module.estimated_minutes or 0 for module in modules)


class HomePage(TypedChildRoute, ViewRestrictionsInOneQuery, Page):
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseCatalogue"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["catalogue"] = CourseCatalogue.objects.child_of(self).live().first()
        add_learner_context(request, self, context)
        return context


class CourseCatalogue(TypedChildRoute, ViewRestrictionsInOneQuery, Page):
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["courses.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def courses(self, user=None):
        """Live courses open to ``user`` (``CoursePage.open_to_user``; None: every course),
        with their total minutes, in a fixed number of queries. A catalogue in another
        language also lists the courses not yet translated into it, in the default language,
        so nobody is kept from a course by the language they read."""
        # Renditions are prefetched with the exact spec the catalogue template uses.
        images = get_image_model().objects.prefetch_renditions(CATALOGUE_COVER_SPEC)
        catalogues = [self]
        original = self.original_catalogue()
        if original is not None:
            catalogues.append(original)
        by_catalogue = [
            list(
                (CoursePage.objects if user is None else CoursePage.objects.open_to_user(user))
                .child_of(catalogue)
                .live()
                .select_related("locale")
                .prefetch_related(Prefetch("cover_image", queryset=images))
            )
            for catalogue in catalogues
        ]
        courses, seen = [], set()
        for listed in by_catalogue:
            courses += [course for course in listed if course.translation_key not in seen]
            seen.update(course.translation_key for course in listed)
        # A translation's length counts the original's modules it is followed with (course_length).
        originals = {course.translation_key: course.path for course in by_catalogue[-1]} if original else {}
        modules_by_course = defaultdict(list)
        for catalogue in catalogues:
            step = len(catalogue.path) + Page.steplen
            modules = (
                ModulePage.objects.descendant_of(catalogue)
                .live()
                .order_by("path")
                .values_list("path", "translation_key", "estimated_minutes")
            )
            for path, key, minutes in modules:
                modules_by_course[path[:step]].append(ModuleLength(key, minutes))
        for course in courses:
            own = modules_by_course[course.path]
            original_path = originals.get(course.translation_key)
            if original_path is not None and original_path != course.path:
                own = followed_modules(own, modules_by_course[original_path])
            course.modules_minutes = course_length(own)
        return courses

    def original_catalogue(self):
        """This catalogue in the default language, when this one is a translation."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return None
        return (
            CourseCatalogue.objects.live()
            .filter(translation_key=self.translation_key, locale=default)
            .first()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = self.courses(getattr(request, "user", None) or AnonymousUser())
        return context


class CoursePrerequisite(Orderable):
    course = ParentalKey("courses.CoursePage", related_name="prerequisite_links", on_delete=models.CASCADE)
    prerequisite = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("prerequisite course"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("prerequisite")]

    class Meta(Orderable.Meta):
        verbose_name = _("prerequisite")
        verbose_name_plural = _("prerequisites")

    def clean(self):
        super().clean()
        if self.prerequisite_id and self.prerequisite_id == self.course_id:
            raise ValidationError({"prerequisite": _("A course cannot be its own prerequisite.")})


class CoursePage(TypedChildRoute, ViewRestrictionsInOneQuery, Page):
    class OpenTo(models.TextChoices):
        STAFF = "staff", _("Staff only")
        PARTNERS = "partners", _("Staff and partner organisations")
        PUBLIC = "public", _("Everyone (readable signed out; quizzes and certificates need an account)")

    course_code = models.CharField(
        _("course code"),
        max_length=32,
        validators=[COURSE_CODE_VALIDATOR],
        db_index=True,
        help_text=_(
            "The stable code HR systems use for this course, such as INF-101. "
            "Translations share it. Do not change it once staff have completed the course."
        ),
    )
    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("One or two sentences shown in the catalogue.")
    )
    learning_objectives = RichTextField(
        _("learning objectives"),
        features=["bold", "italic", "ul", "ol"],
        help_text=_("What staff will be able to do afterwards."),
    )
    audience = models.CharField(
        _("audience"), max_length=300, blank=True, help_text=_("Who the course is for.")
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(6000)],
        help_text=_("Leave blank to add up the modules' estimates."),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_(
            "How long a completion stays valid before staff must retake the course. Blank: it never expires."
        ),
    )
    certificate_enabled = models.BooleanField(_("certificate on completion"), default=True)
    open_to = models.CharField(
        _("open to"),
        max_length=10,
        choices=OpenTo.choices,
        default=OpenTo.STAFF,
        db_index=True,
        help_text=_("Who may take the course. Translations share it."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_image_alt = models.CharField(
        _("cover image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Required with a cover image."),
    )

    content_panels = [
        TranslationLagPanel(),
        *Page.content_panels,
        FieldPanel("course_code"),
        FieldPanel("summary"),
        FieldPanel("learning_objectives"),
        FieldPanel("audience"),
        FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("validity_months")]),
        FieldPanel("certificate_enabled"),
        FieldPanel("open_to"),
        MultiFieldPanel([FieldPanel("cover_image"), FieldPanel("cover_image_alt")], heading=_("Cover image")),
        InlinePanel("prerequisite_links", label=_("Prerequisites"), heading=_("Prerequisites")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("course_code_search_terms"),
        index.SearchField("summary"),
        index.SearchField("learning_objectives"),
        index.SearchField("audience"),
    ]
    parent_page_types = ["courses.CourseCatalogue"]
    subpage_types = ["courses.ModulePage"]
    objects = PageManager.from_queryset(CoursePageQuerySet)()
    # What learners read of a course: a change to these makes its translations stale
    # (courses/translation_changes.py); the title or promote fields alone do not.
    translation_material_fields = ("summary", "learning_objectives", "audience")

    class Meta:
        verbose_name = _("course")

    def clean(self):
        super().clean()
        errors = {}
        if self.cover_image_id and not self.cover_image_alt.strip():
            errors["cover_image_alt"] = _(
                "Describe the cover image: alternative text is required with an image."
            )
        if self.course_code:
            # Translations of a course share its code; no other course may use it.
            clash = CoursePage.objects.filter(course_code=self.course_code).exclude(
                translation_key=self.translation_key
            )
            if clash.exists():
                errors["course_code"] = _("Another course already uses the code %(code)s.") % {
                    "code": self.course_code
                }
        if errors:
            raise ValidationError(errors)

    def is_open_to(self, user):
        """Whether ``user`` may see and take this course (``audiences_for``)."""
        audiences = audiences_for(user)
        return audiences is None or self.open_to in audiences

    def save(self, *args, update_fields=None, **kwargs):
        # Translations share who the course is open to, as they share its code: the course in
        # the default language decides. A translation takes its source's value whenever it is
        # saved in full (publishing), and the source passes its value on when it is.
        if update_fields is not None and "open_to" not in update_fields:
            return super().save(*args, update_fields=update_fields, **kwargs)
        with transaction.atomic():
            if self.pk and self.translation_key and self.locale_id:
                if self.locale_id == Locale.get_default().pk:
                    # Before the save: it raises the page tree's version (courses/serving.py),
                    # so no kept route keeps a translation's old audience.
                    CoursePage.objects.filter(translation_key=self.translation_key).exclude(
                        pk=self.pk
                    ).exclude(open_to=self.open_to).update(open_to=self.open_to)
                else:
                    source = (
                        CoursePage.objects.filter(
                            translation_key=self.translation_key, locale=Locale.get_default()
                        )
                        .values_list("open_to", flat=True)
                        .first()
                    )
                    if source is not None:
                        self.open_to = source
            return super().save(*args, update_fields=update_fields, **kwargs)

    def serve(self, request, *args, **kwargs):
        refuse_unless_open(request, self)
        return super().serve(request, *args, **kwargs)

    def search_snippet(self, length=SNIPPET_LENGTH):
        """Plain text to show under the course in search results."""
        return Truncator(" ".join((self.search_description or self.summary).split())).chars(length)

    def course_code_search_terms(self):
        # PostgreSQL splits "INF-101" into "inf" and "-101"; index the other spellings too.
        code = self.course_code or ""
        return f"{code} {code.replace('-', ' ')} {code.replace('-', '')}"

    @property
    def language_name(self):
        return get_language_info(self.locale.language_code)["name_local"]

    def modules(self):
        return ModulePage.objects.child_of(self).live().select_related("locale").order_by("path")

    def canonical(self):
        """The course in the default language when it exists there: its modules define what
        completing the course means, whichever translation the person reads."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        original = (
            CoursePage.objects.live()
            .filter(translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE)
            .first()
        )
        return original or self

    def required_modules(self):
        """The modules to complete for a completion of this course, in any language (what
        completing them means is in their settings: their bodies stay in the database)."""
        return list(ModulePage.objects.required().child_of(self.canonical()).defer("body").order_by("path"))

    def modules_for_learners(self, request=None):
        """The modules as learners follow them, as ``ModuleListing`` rows, and the required
        ones (``required_modules``, from the same rows). A translation that lacks some modules
        shows the original's list, each module in this language where it exists."""
        own = self.modules().listings(self.get_url(request))
        original = self.canonical()
        if original.pk == self.pk:
            originals = listed = own
        else:
            originals = original.modules().listings(original.get_url(request))
            listed = followed_modules(own, originals)
        return listed, [module for module in originals if module.required_for_completion]

    @cached_property
    def total_minutes(self):
        """The course's length, as the catalogue and the course page state it: its own
        estimate when an editor gave one, else its modules' as learners follow them
        (``course_length``). ``modules_minutes`` is set by whoever read the modules."""
        if self.estimated_minutes:
            return self.estimated_minutes
        if not hasattr(self, "modules_minutes"):
            self.modules_minutes = course_length(self.modules_for_learners()[0])
        return self.modules_minutes

    def prerequisites(self):
        return [link.prerequisite for link in self.prerequisite_links.select_related("prerequisite")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = getattr(request, "_wagtail_site", None)
        modules, required, prerequisites = kept_for_tree(
            request,
            f"course.{self.pk}.site.{site.pk if site else ''}",
            lambda: (*self.modules_for_learners(request), self.prerequisites()),
        )
        self.modules_minutes = course_length(modules)
        context["modules"] = modules
        context["required_modules"] = required
        context["prerequisites"] = prerequisites
        context["translation_notice"] = translation_notice(request, self)
        add_learner_context(request, self, context)
        return context


class ModulePage(QuizSettings, ViewRestrictionsInOneQuery, Page):
    body = StreamField(ModuleBodyBlock(), verbose_name=_("body"))
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=10, validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    required_for_completion = models.BooleanField(
        _("required for completion"),
        default=True,
        help_text=_("Staff must complete this module to complete the course."),
    )
    # The editor's word on the change being published (courses/versions.py): read once on
    # publish, which moves the module to its next version, then cleared, so the next
    # publish is a minor one unless marked again.
    material_change = models.BooleanField(
        _("This change is material"),
        default=False,
        help_text=_(
            "Tick when what people were trained on changed (not for typo fixes): on publishing, "
            "people who completed the course must complete this module again."
        ),
    )
    material_change_summary = models.TextField(
        _("What changed"),
        max_length=1000,
        blank=True,
        help_text=_("A short summary for the people who must complete the module again."),
    )

    content_panels = [
        TranslationLagPanel(),
        *Page.content_panels,
        FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("required_for_completion")]),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("material_change"), FieldPanel("material_change_summary")],
            heading=_("Change for people already trained"),
            classname="material-change",
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(QuizSettings.quiz_panels, heading=_("Quiz")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    base_form_class = ModulePageForm
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []
    # What learners read or answer: the body's blocks and the quiz (questions and settings).
    translation_material_fields = ("body", "quiz_questions", *QuizSettings.setting_names)

    objects = PageManager.from_queryset(ModulePageQuerySet)()
    # A copy (or a new translation) is not a change to the module.
    exclude_fields_in_copy = ["material_change", "material_change_summary"]

    class Meta:
        verbose_name = _("module")

    def clean(self):
        super().clean()
        if not self.material_change:
            return
        if not self.material_change_summary.strip():
            raise ValidationError(
                {
                    "material_change_summary": _(
                        "Say what changed: people who must complete the module again read it."
                    )
                }
            )
        if not self.live and self.first_published_at is None:
            raise ValidationError(
                {"material_change": _("A module not yet published has no earlier version to change.")}
            )
        if not self.is_version_source():
            raise ValidationError(
                {
                    "material_change": _(
                        "Mark a material change on the module in the source language: its "
                        "translations share its versions."
                    )
                }
            )

    def is_version_source(self):
        """Whether material changes are marked on this page: the module in the default
        language, or the page itself when the module has no such translation (the course's
        ``canonical`` page is then in another language)."""
        if self.locale_id is None or self.locale.language_code == settings.LANGUAGE_CODE:
            return True
        return not ModulePage.objects.filter(
            translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).exists()

    def serve(self, request, *args, **kwargs):
        course = self.parent_course()
        if course is not None:
            refuse_unless_open(request, course)
        elif not request.user.is_authenticated:
            raise Http404("No such page.")
        return super().serve(request, *args, **kwargs)

    def search_snippet(self, length=SNIPPET_LENGTH):
        """Plain text to show under the module in search results: its search description,
        else the start of its body's text (tags removed; the template escapes it)."""
        text = self.search_description or " ".join(_texts(self.body.raw_data))
        return Truncator(" ".join(text.split())).chars(length)

    def parent_course(self):
        """The course this module is in, if any. Served through Wagtail's routing, the page
        holds the course it was routed through (treebeard's parent cache, which routing
        fills), so this costs no query; elsewhere (previews), one."""
        parent = getattr(self, "_cached_parent_obj", None)
        if isinstance(parent, CoursePage):
            return parent
        return CoursePage.objects.parent_of(self).first()

    def course_for(self, request):
        """``parent_course()``, kept on the page tree's version outside the page's own
        serving (the quiz pages), where routing has not filled it."""
        if isinstance(getattr(self, "_cached_parent_obj", None), CoursePage):
            return self._cached_parent_obj
        return kept_for_tree(request, f"course-of.{self.pk}", self.parent_course)

    def listed_in_course(self, request, course):
        """The live modules of the module's course as listings (``ModuleListing``: titles,
        addresses, question counts), in order: the pager's and the quiz result's "next module",
        kept on the page tree's version, per course and site."""
        site = getattr(request, "_wagtail_site", None)
        return kept_for_tree(
            request,
            f"modules-in.{course.pk if course else self.pk}.site.{site.pk if site else ''}",
            lambda: (
                ModulePage.objects.sibling_of(self)
                .live()
                .order_by("path")
                .listings(course.get_url(request) if course is not None else None)
            ),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        course = self.parent_course()
        # The pager needs titles and addresses only: the modules are read as listings.
        siblings = self.listed_in_course(request, course)
        position = next((i for i, page in enumerate(siblings) if page.pk == self.pk), None)
        if position is not None:
            context["previous_module"] = siblings[position - 1] if position > 0 else None
            context["next_module"] = siblings[position + 1] if position + 1 < len(siblings) else None
            context["module_number"] = position + 1
            if not getattr(request, "is_preview", False):
                # The live page's count, for the quiz panel (a preview counts its draft's questions).
                self.question_count = siblings[position].question_count
        context["module_count"] = len(siblings)
        context["course"] = course
        context["translation_notice"] = translation_notice(request, self)
        context["reflections"] = {}
        if course is not None:
            add_learner_context(request, self, context)
        return context
