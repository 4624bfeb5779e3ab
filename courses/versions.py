"""A module's versions, kept as it is published: its first publish is version 1, and each
publish the editor marks as a material change ("This change is material", with what
changed) is the next. Typo fixes (any other publish) keep the version.

The mark is part of the page (two fields in its editor, so Wagtail's own form, validation
and revisions carry it) but only for the publish it came with: once read it is cleared on
the page and on the revision, so the next publish is minor unless marked again and
publishing the same revision again changes nothing.

Versions belong to the module across its translations (its ``translation_key``) and are
marked on the module in the source language (``ModulePage.is_version_source``);
translations follow it, and publishing one never changes the version."""

from django.db import transaction
from django.utils import timezone

from wagtail.models import Revision

from courses.models import CoursePage, ModulePage, ModuleVersion
from courses.signals import module_changed_materially


def on_page_published(sender, instance, revision=None, **kwargs):
    if isinstance(instance, ModulePage):
        record_publish(instance, revision)


def connect():
    from wagtail.signals import page_published

    page_published.connect(on_page_published, dispatch_uid="courses.versions.published")


def record_publish(page, revision=None):
    """Keep the module's version for this publish of ``page``; returns the new version when
    the publish was a material change, else None. In one transaction with whatever
    receivers of ``module_changed_materially`` record."""
    with transaction.atomic():
        marked = page.material_change
        summary = page.material_change_summary.strip()
        if marked:
            _clear_mark(page, revision)
        if revision is not None and ModuleVersion.objects.filter(revision=revision).exists():
            return None  # this revision was recorded already
        key = page.translation_key
        numbers = list(
            ModuleVersion.objects.select_for_update().filter(module_key=key).values_list("number", flat=True)
        )
        latest = max(numbers, default=0)
        material = marked and bool(summary) and page.is_version_source()
        if latest and not material:
            return None
        course = CoursePage.objects.parent_of(page).first()
        facts = {
            "module_key": key,
            "course_code": course.course_code if course is not None else "",
            "module": page,
        }
        by = revision.user if revision is not None else None
        if not latest:
            if not material:
                # Its first publish (or the first since versions were kept): version 1.
                ModuleVersion.objects.create(number=1, revision=revision, published_by=by, **facts)
                return None
            # A material change to a module published before versions were kept (a new
            # module cannot be marked: ``ModulePage.clean``): what people were trained on
            # is version 1.
            ModuleVersion.objects.create(
                number=1, published_at=page.first_published_at or timezone.now(), **facts
            )
            latest = 1
        version = ModuleVersion.objects.create(
            number=latest + 1, summary=summary, revision=revision, published_by=by, **facts
        )
        module_changed_materially.send(sender=ModuleVersion, version=version)
        return version


def _clear_mark(page, revision):
    """The mark was for this publish only: cleared on the live page and on the revisions an
    editor would open next (the published one and the latest draft)."""
    cleared = {"material_change": False, "material_change_summary": ""}
    ModulePage.objects.filter(pk=page.pk).update(**cleared)
    for name, value in cleared.items():
        setattr(page, name, value)
    revision_ids = {revision.pk if revision is not None else None, page.latest_revision_id} - {None}
    for stored in Revision.objects.filter(pk__in=revision_ids):
        if stored.content.get("material_change"):
            stored.content.update(cleared)
            stored.save(update_fields=["content"])
    if revision is not None:
        revision.content.update(cleared)
