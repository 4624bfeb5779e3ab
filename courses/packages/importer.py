"""Importing a course package: the course and its translations as drafts (a revision
saved, nothing published) under the catalogue of each language, with their images and
documents. Everything happens in one transaction: a refused package writes nothing, and
the files saved on the way are removed.

Importing the same course again updates it in place: the course is matched by its code
and language, a module by the package's key (its translation key where it was exported,
kept here) and language. A page edited here since the import that wrote it (its latest
revision is not that import's, and its content differs) is a conflict: that page is left
as it is and reported, and the rest of the package is imported. Skipping the page rather
than refusing the whole package keeps every page an import writes a draft to review: the
conflicting page's local edit is kept, and the reviewer sees the newer package's pages
beside it before publishing anything."""

import contextlib
import hashlib
import json
from dataclasses import dataclass, field
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Revision

from PIL import Image as PillowImage

from courses.models import CourseCatalogue, CoursePackageImport, CoursePage, ModulePage
from courses.packages.content import DOCUMENT, IMAGE, PAGE, PAGE_TYPES, apply_state, page_state
from courses.packages.errors import PackageError
from courses.packages.manifest import CONTENT, MANIFEST, read_manifest, sha256
from courses.packages.safety import read_archive

CREATE, UPDATE, UNCHANGED, CONFLICT = "create", "update", "unchanged", "conflict"


@dataclass
class PageOutcome:
    action: str
    kind: str
    locale: str
    title: str
    page_id: int | None = None
    reason: str = ""
    revision_id: int | None = None


@dataclass
class ImportReport:
    course_code: str
    dry_run: bool
    pages: list = field(default_factory=list)
    files: dict = field(default_factory=lambda: {"images": [0, 0], "documents": [0, 0]})
    locales_created: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    record: CoursePackageImport | None = None

    def count(self, action):
        return sum(1 for page in self.pages if page.action == action)

    @property
    def conflicts(self):
        return [page for page in self.pages if page.action == CONFLICT]

    def summary(self):
        would = _("would be ") if self.dry_run else ""
        return _(
            "%(code)s: %(create)s page(s) %(would)screated, %(update)s %(would)supdated, %(unchanged)s unchanged, "
            "%(conflict)s in conflict (left as they are); images %(images_new)s new, %(images_same)s already here; "
            "documents %(docs_new)s new, %(docs_same)s already here."
        ) % {
            "code": self.course_code,
            "would": would,
            **{action: self.count(action) for action in (CREATE, UPDATE, UNCHANGED, CONFLICT)},
            "images_new": self.files["images"][0],
            "images_same": self.files["images"][1],
            "docs_new": self.files["documents"][0],
            "docs_same": self.files["documents"][1],
        }


def import_package(fileobj, user=None, dry_run=False):
    """Import (or with ``dry_run``, only check and report) a course package. Raises
    PackageError, having written nothing, for a package that is refused."""
    members = read_archive(fileobj)
    manifest = read_manifest(members)
    try:
        content = json.loads(members[CONTENT].decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise PackageError(
            _("%(member)s: not valid JSON (%(error)s).") % {"member": CONTENT, "error": error}
        ) from None
    saved_files = []
    try:
        with transaction.atomic():
            report = _Import(content, members, user, saved_files, dry_run).run()
            if dry_run:
                transaction.set_rollback(True)
            else:
                report.record = CoursePackageImport.objects.create(
                    course_code=report.course_code,
                    manifest_sha256=sha256(members[MANIFEST]),
                    source_installation=str(manifest.get("source_installation") or "")[:300],
                    exported_at=str(manifest.get("exported_at") or "")[:40],
                    imported_by=user,
                    pages={
                        str(page.page_id): page.revision_id
                        for page in report.pages
                        if page.action != CONFLICT and page.page_id
                    },
                    summary=report.summary(),
                )
    except BaseException:
        _remove(saved_files)
        raise
    if dry_run:
        _remove(saved_files)
    return report


def _remove(files):
    for field_file in files:
        with contextlib.suppress(OSError):  # already gone: nothing to clean
            field_file.storage.delete(field_file.name)


class _Import:
    def __init__(self, content, members, user, saved_files, dry_run):
        if not isinstance(content, dict) or not isinstance(content.get("pages"), list):
            raise PackageError(_("%(member)s: the list of pages is missing.") % {"member": CONTENT})
        self.content, self.members, self.user = content, members, user
        self.saved_files = saved_files
        self.code = content.get("course_code")
        if not isinstance(self.code, str) or not self.code:
            raise PackageError(_("%(member)s: the course code is missing.") % {"member": CONTENT})
        self.report = ImportReport(course_code=self.code, dry_run=dry_run)
        self.local = {IMAGE: {}, DOCUMENT: {}}
        self.local_pages = {}  # (package key, language) -> local page id
        self.refs = _ImportRefs(self)
        self.languages = dict(settings.WAGTAIL_CONTENT_LANGUAGES)

    # --- references ---------------------------------------------------------------------

    def resolve(self, kind, value, where):
        if kind == PAGE:
            key = str(value).removeprefix("page:")
            page_id = self.local_pages.get((key, self.language)) or next(
                (pk for (k, _lang), pk in self.local_pages.items() if k == key), None
            )
            return page_id if page_id is not None else {"href": "#"}
        local = self.local[kind].get(str(value))
        if local is None:
            raise PackageError(
                _("%(where)s: refers to %(kind)s %(key)s, which the package does not hold.")
                % {"where": where, "kind": kind, "key": value}
            )
        return local

    # --- files ----------------------------------------------------------------------------

    def _files(self, kind, model, listed):
        if not isinstance(listed, list):
            raise PackageError(
                _("%(member)s: the list of %(kind)ss is not a list.") % {"member": CONTENT, "kind": kind}
            )
        counts = self.report.files[f"{kind}s"]
        collection = Collection.get_first_root_node()
        for item in listed:
            if (
                not isinstance(item, dict)
                or not isinstance(item.get("key"), str)
                or item.get("file") not in self.members
            ):
                raise PackageError(
                    _("%(member)s: a %(kind)s without a key or whose file is not in the package.")
                    % {"member": CONTENT, "kind": kind}
                )
            data = self.members[item["file"]]
            if kind == IMAGE:
                self._check_image(item["file"], data)
            file_hash = hashlib.sha1(data).hexdigest()  # noqa: S324 (Wagtail's own file_hash)
            existing = model.objects.filter(file_hash=file_hash).first()
            if existing is not None:
                counts[1] += 1
                self.local[kind][item["key"]] = existing.pk
                continue
            name = item["file"].rsplit("/", 1)[-1]
            wrapper = ImageFile if kind == IMAGE else ContentFile
            obj = model(
                title=str(item.get("title") or name)[:255],
                file=wrapper(BytesIO(data), name=name) if kind == IMAGE else ContentFile(data, name=name),
                collection=collection,
                file_hash=file_hash,
            )
            for attr, value in item.items():
                if attr not in ("key", "file", "title") and attr in {
                    f.name for f in model._meta.concrete_fields
                }:
                    setattr(obj, attr, value)
            if kind == IMAGE:
                obj.file_size = len(data)
            try:
                obj.full_clean(exclude=["file", "file_hash", "width", "height", "uploaded_by_user"])
            except ValidationError as error:
                raise PackageError(f"{item['file']}: {'; '.join(error.messages)}") from None
            obj.save()
            self.saved_files.append(obj.file)
            counts[0] += 1
            self.local[kind][item["key"]] = obj.pk

    def _check_image(self, name, data):
        try:
            with PillowImage.open(BytesIO(data)) as image:
                image.verify()
        except Exception:  # noqa: BLE001 (any of Pillow's errors means the same to the importer)
            raise PackageError(_("%(member)s: not an image Pillow can open.") % {"member": name}) from None

    # --- pages ----------------------------------------------------------------------------

    def _locale(self, language):
        if not isinstance(language, str) or language not in self.languages:
            raise PackageError(
                _("The package has pages in %(language)s, which this installation does not offer.")
                % {"language": language}
            )
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            locale = Locale.objects.create(language_code=language)
            self.report.locales_created.append(language)
        return locale

    def _catalogue(self, locale):
        catalogue = CourseCatalogue.objects.filter(locale=locale).first()
        if catalogue is not None:
            return catalogue
        source = (
            CourseCatalogue.objects.filter(locale=Locale.get_default()).first()
            or CourseCatalogue.objects.first()
        )
        if source is None:
            raise PackageError(_("This installation has no course catalogue to import the course into."))
        # The catalogue in a new language, as Wagtail translates it: a draft copy.
        return source.copy_for_translation(locale, copy_parents=True).specific

    def _records(self):
        pages = self.content["pages"]
        for item in pages:
            if (
                not isinstance(item, dict)
                or item.get("type") not in PAGE_TYPES
                or not isinstance(item.get("key"), str)
            ):
                raise PackageError(
                    _("%(member)s: a page of an unknown type or without a key.") % {"member": CONTENT}
                )
        courses = [item for item in pages if item["type"] == "courses.coursepage"]
        course_keys = {item["key"] for item in courses}
        if not courses or len(course_keys) != 1:
            raise PackageError(_("%(member)s: the package must hold one course.") % {"member": CONTENT})
        modules = [item for item in pages if item["type"] == "courses.modulepage"]
        for item in modules:
            if item.get("parent") not in course_keys:
                raise PackageError(_("%(member)s: a module outside the course.") % {"member": CONTENT})
        return courses, modules

    def run(self):
        courses, modules = self._records()
        locales = {item.get("locale"): self._locale(item.get("locale")) for item in [*courses, *modules]}
        self._files(IMAGE, get_image_model(), self.content.get("images", []))
        self._files(DOCUMENT, get_document_model(), self.content.get("documents", []))
        package_key = courses[0]["key"]
        local_course = CoursePage.objects.filter(course_code=self.code).first()
        course_key = str(local_course.translation_key) if local_course else package_key
        existing_courses = {
            page.locale.language_code: page
            for page in CoursePage.objects.filter(course_code=self.code).select_related("locale")
        }
        module_keys = [item["key"] for item in modules]
        existing_modules = {
            (str(page.translation_key), page.locale.language_code): page
            for page in ModulePage.objects.filter(translation_key__in=module_keys).select_related("locale")
        }
        matched = [*existing_courses.values(), *existing_modules.values()]
        self.imported_revisions = CoursePackageImport.objects.filter(course_code=self.code).revisions_by_page(
            [page.pk for page in matched]
        )
        codes = {
            code for item in courses for code in (item.get("prerequisites") or []) if isinstance(code, str)
        }
        self.prerequisites = {}
        for page in CoursePage.objects.filter(course_code__in=codes).select_related("locale"):
            self.prerequisites.setdefault(page.course_code, page)
        missing = sorted(codes - set(self.prerequisites))
        if missing:
            self.report.warnings.append(
                _("Prerequisites not found here, left out: %(codes)s.") % {"codes": ", ".join(missing)}
            )
        course_pages = {}
        self.foreign = set()  # local courses not written by an import
        for item in courses:
            language = item["locale"]
            self.language = language
            parent = self._catalogue(locales[language])
            page = self._page(
                item, CoursePage, existing_courses.get(language), parent, course_key, locales[language]
            )
            course_pages[language] = page
        for item in modules:
            language = item["locale"]
            self.language = language
            parent = course_pages.get(language)
            if parent is None:
                raise PackageError(
                    _("%(member)s: a module in %(language)s, where the package has no course.")
                    % {"member": CONTENT, "language": language}
                )
            if parent.pk in self.foreign:
                # The course here was not imported: its modules are not the package's to add to.
                self.report.pages.append(
                    PageOutcome(
                        CONFLICT,
                        ModulePage._meta.verbose_name,
                        language,
                        self._label(item),
                        reason=_("Its course exists here and was not written by an import of the package."),
                    )
                )
                continue
            existing = existing_modules.get((item["key"], language))
            self._page(item, ModulePage, existing, parent, item["key"], locales[language])
        return self.report

    def _label(self, item):
        title = (item.get("fields") or {}).get("title") if isinstance(item.get("fields"), dict) else None
        return f"{item.get('locale')}/{title or item.get('key')}"

    def _page(self, item, model, existing, parent, key, locale):
        label = self._label(item)
        kind = model._meta.verbose_name
        if existing is None:
            page = model(locale=locale, translation_key=key, live=False, owner=self.user)
            apply_state(page, item, self.refs, label, self.prerequisites)
            page.slug = page.slug or "imported"
            self._check(page, label)
            parent.add_child(instance=page)
            self._validate(page, label)
            revision = page.save_revision(user=self.user, log_action=True)
            outcome = PageOutcome(CREATE, kind, locale.language_code, page.title, page.pk)
        else:
            page = existing.specific if not isinstance(existing, model) else existing
            self.local_pages[(key, locale.language_code)] = page.pk
            latest = page.get_latest_revision_as_object()
            conflict = self._conflict(page, latest)
            if conflict:
                outcome = PageOutcome(CONFLICT, kind, locale.language_code, page.title, page.pk, conflict)
                self.report.pages.append(outcome)
                return page
            before = page_state(latest, _same, label)
            apply_state(latest, item, self.refs, label, self.prerequisites)
            self._check(latest, label)
            if page_state(latest, _same, label) == before:
                outcome = PageOutcome(UNCHANGED, kind, locale.language_code, latest.title, page.pk)
                outcome.revision_id = page.latest_revision_id
                self.report.pages.append(outcome)
                return page
            self._validate(latest, label)
            revision = latest.save_revision(user=self.user, log_action=True)
            outcome = PageOutcome(UPDATE, kind, locale.language_code, latest.title, page.pk)
        self.local_pages[(key, locale.language_code)] = page.pk
        outcome.revision_id = revision.pk
        self.report.pages.append(outcome)
        return page

    def _conflict(self, page, latest):
        imported = self.imported_revisions.get(page.pk)
        if imported is None:
            self.foreign.add(page.pk)
            return _("This page exists here and was not written by an earlier import of the course.")
        if page.latest_revision_id == imported:
            return ""
        base = Revision.objects.filter(pk=imported).first()
        if base is not None and page_state(base.as_object(), _same, "") == page_state(latest, _same, ""):
            return ""
        return _("This page was edited here since it was last imported; the local edit is kept.")

    def _check(self, page, label):
        """The StreamFields' blocks validated as the editor validates them (required fields,
        lengths, the chosen images and documents exist)."""
        for model_field in type(page)._meta.concrete_fields:
            stream_block = getattr(model_field, "stream_block", None)
            if stream_block is None:
                continue
            try:
                stream_block.clean(getattr(page, model_field.name))
            except ValidationError as error:
                raise PackageError(
                    _("%(where)s: the %(field)s is not valid here: %(error)s")
                    % {"where": label, "field": model_field.name, "error": "; ".join(_messages(error))}
                ) from None

    def _validate(self, page, label):
        try:
            page.full_clean()
        except ValidationError as error:
            raise PackageError(f"{label}: {'; '.join(_messages(error))}") from None


class _ImportRefs:
    """Package keys -> local ids; rich text from the package is cleaned (content.map_rich_text)."""

    sanitise = True

    def __init__(self, importer):
        self.importer = importer

    def __call__(self, kind, value, where):
        return self.importer.resolve(kind, value, where)


def _same(kind, value, where):
    """References left as the local ids they are: comparing two local states."""
    return value


def _messages(error):
    if hasattr(error, "error_dict"):
        return [
            f"{name}: {' '.join(str(m) for m in messages)}" for name, messages in error.message_dict.items()
        ]
    return [str(message) for message in error.messages]
