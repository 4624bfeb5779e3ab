"""Which revision of its source each translation was last brought up to date against, so a
translation can tell whether its source (the page in the default language, same
``translation_key``) changed since, what changed and since when.

Wagtail's simple translation copies a page once and keeps no link to the copy's source
revision. This keeps it: when a translation is created (the copy is of the source's live
revision, or its latest draft if it was never published) and each time the translation is
published, which is when a translator's update reaches learners."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, PageLogEntry
from wagtail.signals import copy_for_translation_done, page_published

from courses.translation_changes import Changes, content_changes


def is_tracked(page_class):
    """Course and module pages say what in them is material; other pages are not tracked."""
    return hasattr(page_class, "translation_material_fields")


class TranslationBaseQuerySet(models.QuerySet):
    def lagging(self):
        """Translations whose source has been published since their base revision (revision
        ids only grow: reverting publishes a new revision). The change may be minor
        (``TranslationBase.changes().material``)."""
        return self.filter(source_page__live=True, source_page__live_revision__isnull=False).filter(
            Q(source_revision__isnull=True) | Q(source_revision_id__lt=F("source_page__live_revision_id"))
        )

    def with_since(self):
        """``since``: when the source was first published after the translation's base."""
        first_publish = (
            PageLogEntry.objects.filter(
                page_id=OuterRef("source_page_id"),
                action="wagtail.publish",
                revision_id__gt=Coalesce(OuterRef("source_revision_id"), 0),
            )
            .order_by("timestamp")
            .values("timestamp")[:1]
        )
        return self.annotate(since=Coalesce(Subquery(first_publish), F("source_page__last_published_at")))

    def with_revisions(self):
        """With both pages, the translation's locale and both source revisions' content: what
        ``changes()`` reads, in the same query."""
        return self.select_related(
            "page", "page__locale", "source_page", "source_revision", "source_page__live_revision"
        )


class TranslationBase(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("translation"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="translation_base",
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("source page"), on_delete=models.CASCADE, related_name="+"
    )
    # Null when that revision was purged: the translation then counts as behind.
    source_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("source revision"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("brought up to date at"), default=timezone.now)

    objects = TranslationBaseQuerySet.as_manager()

    class Meta:
        # Each row stands for a translation (a report counts them as such).
        verbose_name = _("translation")
        verbose_name_plural = _("translations")

    def __str__(self):
        return f"{self.page_id} ← {self.source_page_id} @ {self.source_revision_id}"

    @property
    def is_lagging(self):
        live = self.source_page.live_revision_id
        return bool(self.source_page.live and live) and (
            self.source_revision_id is None or self.source_revision_id < live
        )

    @cached_property
    def changes(self):
        """What changed in the source between the base and its live revision (``Changes``);
        read with ``with_revisions()`` it costs no query."""
        if not self.is_lagging:
            return Changes()
        old = self.source_revision.content if self.source_revision_id else {}
        new = self.source_page.live_revision.content
        page_class = ContentType.objects.get_for_id(self.source_page.content_type_id).model_class()
        return content_changes(old, new, page_class)

    @property
    def compare_url(self):
        """Wagtail's comparison of the source's base revision with its live one."""
        return reverse(
            "wagtailadmin_pages:revisions_compare",
            args=[self.source_page_id, self.source_revision_id or "earliest", "live"],
        )


def lagging_base(page):
    """The page's ``TranslationBase`` when its source has been published since the
    translation was brought up to date, with what changed read in the same query; else None."""
    if not getattr(page, "pk", None):
        return None
    return TranslationBase.objects.lagging().with_since().with_revisions().filter(page_id=page.pk).first()


def learner_notice(page, request):
    """What a learner is told on a translation whose source changed materially since it was
    brought up to date (the source's address and title, when it was last published), or
    False. Plain values, to be kept on the page tree's version."""
    base = lagging_base(page)
    if base is None or not base.changes.material:
        return False
    source = base.source_page
    return {
        "source_url": source.get_url(request),
        "source_title": source.title,
        "updated_at": source.last_published_at,
        "language_code": settings.LANGUAGE_CODE,
    }


def source_of(page):
    """The page in the default language with ``page``'s translation key, as values
    (``pk``, ``live_revision_id``, ``latest_revision_id``), or None."""
    return (
        Page.objects.filter(
            translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
        )
        .exclude(pk=page.pk)
        .values("pk", "live_revision_id", "latest_revision_id")
        .first()
    )


def record_base(page):
    """``page`` (a translation) is now up to date with its source's live revision."""
    if not is_tracked(page.specific_class):
        return None
    if page.alias_of_id:  # an alias shows its source as it is: never behind
        TranslationBase.objects.filter(page_id=page.pk).delete()
        return None
    source = source_of(page)
    if source is None:  # the page is in the default language, or its source is gone
        TranslationBase.objects.filter(page_id=page.pk).delete()
        return None
    base, _created = TranslationBase.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "source_page_id": source["pk"],
            "source_revision_id": source["live_revision_id"] or source["latest_revision_id"],
            "updated_at": timezone.now(),
        },
    )
    return base


def _translation_copied(sender, source_obj, target_obj, **kwargs):
    if not isinstance(target_obj, Page):
        return
    record_base(target_obj)


def _page_published(sender, instance, **kwargs):
    if is_tracked(sender) and instance.locale_id != Locale.get_default().pk:
        record_base(instance)


def connect():
    copy_for_translation_done.connect(_translation_copied, dispatch_uid="courses.translation_base.copied")
    page_published.connect(_page_published, dispatch_uid="courses.translation_base.published")
