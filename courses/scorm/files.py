"""What goes into the package besides the pages: the images and documents the modules use,
copied in (nothing points back at this installation), and how rich text links are made
relative to them."""

import posixpath
import re

from django.utils.safestring import mark_safe

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

# Large enough to read on a wide screen, small enough for a package LMSs accept.
IMAGE_SPEC = "max-1200x1200"
MODULES_DIR = "modules"

_LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.DOTALL | re.IGNORECASE)
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
# Rich text in the database holds nothing else that points outside, but an embed left by a
# feature since removed must not carry an address into the package.
_EMBED = re.compile(r"<embed\b[^>]*/?>", re.IGNORECASE)
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def link_attributes(html):
    for match in _LINK.finditer(html or ""):
        yield dict(_ATTRIBUTE.findall(match.group(1)))


def _walk(raw, images, documents):
    """The image and document ids a StreamField's stored form refers to, nested blocks too."""
    if isinstance(raw, str):
        for attributes in link_attributes(raw):
            if attributes.get("linktype") == "document" and attributes.get("id", "").isdigit():
                documents.add(int(attributes["id"]))
    elif isinstance(raw, dict):
        kind, value = raw.get("type"), raw.get("value")
        if kind == "image" and isinstance(value, dict) and isinstance(value.get("image"), int):
            images.add(value["image"])
        if kind == "download" and isinstance(value, dict) and isinstance(value.get("document"), int):
            documents.add(value["document"])
        for item in raw.values():
            _walk(item, images, documents)
    elif isinstance(raw, list | tuple):
        for item in raw:
            _walk(item, images, documents)


def _safe_name(name):
    base = posixpath.basename(name or "")
    return _SAFE_NAME.sub("-", base).strip("-.") or "file"


class PackageFiles:
    """The files of the package by path, and each module's own files (for its manifest
    resource). Images and documents are read in one query each for the whole course."""

    def __init__(self, modules):
        image_ids, document_ids = set(), set()
        for module in modules:
            _walk(list(module.body.raw_data), image_ids, document_ids)
        self.images = {
            image.pk: image
            for image in get_image_model().objects.filter(pk__in=image_ids).prefetch_renditions(IMAGE_SPEC)
        }
        self.documents = {
            document.pk: document for document in get_document_model().objects.filter(pk__in=document_ids)
        }
        # Links to another module of the course become links to its page in the package.
        self.module_pages = {}
        self.contents = {}
        self.used = set()
        self.missing = 0

    def add(self, path, content):
        self.contents[path] = content
        self.used.add(path)

    def start_module(self):
        """The files the module about to be rendered uses, collected from here on."""
        self.used = set()
        return self.used

    def _copy(self, folder, pk, field):
        path = f"{folder}/{pk}-{_safe_name(field.name)}"
        if path not in self.contents:
            try:
                with field.open("rb") as source:
                    self.contents[path] = source.read()
            except OSError:
                self.missing += 1
                return None
        self.used.add(path)
        return f"../{path}"  # pages live in MODULES_DIR/

    def image(self, image):
        """The image's package path relative to a module page, and its rendition, or None
        when its file is gone from storage."""
        image = self.images.get(getattr(image, "pk", None))
        if image is None:
            return None, None
        try:
            rendition = image.get_rendition(IMAGE_SPEC)
        except OSError:  # SourceImageIOError too: the original is gone
            self.missing += 1
            return None, None
        return self._copy("images", image.pk, rendition.file), rendition

    def document(self, document):
        document = self.documents.get(getattr(document, "pk", document))
        if document is None:
            return None, None
        return self._copy("documents", document.pk, document.file), document

    def rich_text(self, value):
        """Rich text as package HTML: document links to the copied file, links to another
        module of the course to its page, e-mail and in-page links kept; any other link
        (another site, a page outside the course) becomes its plain text, so nothing in the
        package points outside it."""
        source = _EMBED.sub("", getattr(value, "source", value) or "")

        def link(match):
            attributes = dict(_ATTRIBUTE.findall(match.group(1)))
            text = match.group(2)
            href = None
            kind = attributes.get("linktype")
            if kind == "document" and attributes.get("id", "").isdigit():
                href, _document = self.document(int(attributes["id"]))
            elif kind == "page" and attributes.get("id", "").isdigit():
                href = self.module_pages.get(int(attributes["id"]))
            elif kind is None and attributes.get("href", "").startswith(("mailto:", "#")):
                href = attributes["href"]
            if href is None:
                return text
            # Kept e-mail and anchor addresses are already escaped in the stored HTML.
            return f'<a href="{href}">{text}</a>'

        return mark_safe(_LINK.sub(link, source))  # noqa: S308 (stored rich text, made by Wagtail's editor)
