"""A page as the package holds it, and back: its fields read generically from the model
(every concrete field the page type adds, and Wagtail's title, slug and promote fields),
StreamFields as their raw data (``stream_block.get_prep_value``), quizzes as lists. Images
and documents, wherever a field, a block or rich text refers to them, are rewritten by a
``refs`` function (local id -> package key on export, back on import); the walk over a
StreamField follows the local block definitions, so unknown blocks are refused."""

import re

from django.db import models
from django.utils.translation import gettext as _

from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

import bleach

from courses.models import CoursePage, CoursePrerequisite, ModulePage, QuizChoice, QuizQuestion
from courses.packages.errors import PackageError

IMAGE, DOCUMENT, PAGE = "image", "document", "page"
PAGE_TYPES = {"courses.coursepage": CoursePage, "courses.modulepage": ModulePage}
# Wagtail's own page fields that are content; the rest (tree, publishing, locking, owner)
# belong to the installation.
PAGE_FIELDS = ("title", "slug", "seo_title", "search_description", "show_in_menus")
ORDERABLE_SKIPPED = ("id", "sort_order")


def page_type(page):
    return f"{page._meta.app_label}.{page._meta.model_name}"


def page_fields(model):
    """The fields a package holds for a page type, by name."""
    excluded = set(getattr(model, "exclude_fields_in_copy", ()))
    fields = {name: model._meta.get_field(name) for name in PAGE_FIELDS}
    for field in model._meta.concrete_fields:
        if field.model is Page or field.primary_key or field.name in excluded:
            continue
        fields[field.name] = field
    return fields


def child_fields(model, parent_link):
    return {
        field.name: field
        for field in model._meta.concrete_fields
        if field.name not in ORDERABLE_SKIPPED and field.name != parent_link
    }


def _kind_of_model(model):
    if model is get_image_model():
        return IMAGE
    if model is get_document_model():
        return DOCUMENT
    return None


# --- rich text --------------------------------------------------------------------------

_TAG = re.compile(r"<(a|embed)\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r'\b(linktype|embedtype|id)="([^"]*)"')


# Wagtail's stored form of the features editors have (courses.blocks.RICH_TEXT_FEATURES).
RICH_TEXT_TAGS = ["p", "br", "b", "i", "a", "ol", "ul", "li"]
RICH_TEXT_ATTRIBUTES = {"a": ["href", "linktype", "id"]}
RICH_TEXT_PROTOCOLS = ["http", "https", "mailto", "tel"]


def clean_rich_text(html):
    """Rich text from a package, within what the editor could have written: a package is
    not trusted to hold only what an editor typed (scripts, event handlers, javascript:)."""
    return bleach.clean(
        html, tags=RICH_TEXT_TAGS, attributes=RICH_TEXT_ATTRIBUTES, protocols=RICH_TEXT_PROTOCOLS, strip=True
    )


def map_rich_text(html, refs, where):
    """Rich text with its document links, image embeds and page links rewritten by ``refs``;
    ``refs(kind, value, where)`` returns the new id, or a dict of attributes replacing the
    tag's (a page outside the package becomes an external link). ``refs.sanitise``: clean
    it first (on import)."""
    if not isinstance(html, str):
        raise PackageError(_("%(where)s: text was expected.") % {"where": where})
    if getattr(refs, "sanitise", False):
        html = clean_rich_text(html)

    def rewrite(match):
        attrs = dict(_ATTR.findall(match.group(2)))
        kind = {"document": DOCUMENT, "image": IMAGE, "page": PAGE}.get(
            attrs.get("linktype") or attrs.get("embedtype")
        )
        if kind is None or "id" not in attrs:
            return match.group(0)
        new = refs(kind, attrs["id"], where)
        if isinstance(new, dict):
            return "<{} {}>".format(match.group(1), " ".join(f'{k}="{v}"' for k, v in new.items()))
        return match.group(0).replace(f'id="{attrs["id"]}"', f'id="{new}"', 1)

    return _TAG.sub(rewrite, html or "")


# --- StreamField ------------------------------------------------------------------------


def map_stream(block, value, refs, where):
    """The raw data of ``block`` with its references rewritten, checked against the block
    definitions: unknown block types or struct fields raise PackageError."""
    if isinstance(block, blocks.StreamBlock):
        if not isinstance(value, list):
            raise PackageError(_("%(where)s: a stream of blocks was expected.") % {"where": where})
        mapped = []
        for item in value:
            if not isinstance(item, dict) or not isinstance(item.get("type"), str):
                raise PackageError(_("%(where)s: a block without a type.") % {"where": where})
            child = block.child_blocks.get(item["type"])
            if child is None:
                raise PackageError(
                    _("%(where)s: unknown block type %(type)s.") % {"where": where, "type": item["type"]}
                )
            inner = f"{where} › {item['type']}"
            mapped.append({**item, "value": map_stream(child, item.get("value"), refs, inner)})
        return mapped
    if isinstance(block, blocks.ListBlock):
        if not isinstance(value, list):
            raise PackageError(_("%(where)s: a list was expected.") % {"where": where})
        mapped = []
        for item in value:
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                mapped.append({**item, "value": map_stream(block.child_block, item["value"], refs, where)})
            else:
                mapped.append(map_stream(block.child_block, item, refs, where))
        return mapped
    if isinstance(block, blocks.StructBlock):
        if not isinstance(value, dict):
            raise PackageError(_("%(where)s: a group of fields was expected.") % {"where": where})
        unknown = sorted(set(value) - set(block.child_blocks))
        if unknown:
            raise PackageError(
                _("%(where)s: unknown field %(field)s in the block.") % {"where": where, "field": unknown[0]}
            )
        return {
            name: map_stream(block.child_blocks[name], item, refs, f"{where} › {name}")
            for name, item in value.items()
        }
    if isinstance(block, ImageChooserBlock):
        return None if value in (None, "") else refs(IMAGE, value, where)
    if isinstance(block, DocumentChooserBlock):
        return None if value in (None, "") else refs(DOCUMENT, value, where)
    if isinstance(block, blocks.RichTextBlock):
        return map_rich_text(value, refs, where)
    return value


# --- a page's values ----------------------------------------------------------------------


def field_value(field, value, refs, where):
    """One field's value mapped by ``refs``: the same rules on export and import, since a
    field's stored form is what the package holds."""
    if isinstance(field, StreamField):
        return map_stream(field.stream_block, value, refs, where)
    if isinstance(field, RichTextField):
        return map_rich_text(value, refs, where)
    if isinstance(field, models.ForeignKey):
        kind = _kind_of_model(field.related_model)
        if kind is None:
            raise PackageError(
                _("%(where)s: refers to a kind of object a package cannot hold.") % {"where": where}
            )
        return None if value in (None, "") else refs(kind, value, where)
    return value


def stored_value(page, field):
    """The field's value as stored: a StreamField's raw data, a foreign key's id."""
    if isinstance(field, StreamField):
        return field.stream_block.get_prep_value(getattr(page, field.name))
    if isinstance(field, models.ForeignKey):
        return getattr(page, field.attname)
    return field.value_from_object(page)


def page_state(page, refs, label):
    """A page's content as the package holds it: fields, quiz and prerequisites."""
    state = {
        "fields": {
            name: field_value(field, stored_value(page, field), refs, f"{label} › {name}")
            for name, field in page_fields(type(page)).items()
        }
    }
    if isinstance(page, ModulePage):
        state["quiz_questions"] = [
            {
                **{
                    name: field.value_from_object(question)
                    for name, field in child_fields(QuizQuestion, "module").items()
                },
                "choices": [
                    {
                        name: field.value_from_object(choice)
                        for name, field in child_fields(QuizChoice, "question").items()
                    }
                    for choice in question.choices.all()
                ],
            }
            for question in page.quiz_questions.all()
        ]
    if isinstance(page, CoursePage):
        state["prerequisites"] = [link.prerequisite.course_code for link in page.prerequisite_links.all()]
    return state


def apply_state(page, state, refs, label, prerequisites):
    """Set a page's fields and children from a package's state (references already checked
    and mapped by ``refs``). ``prerequisites``: {course code: local course}."""
    fields = page_fields(type(page))
    values = state.get("fields")
    if not isinstance(values, dict):
        raise PackageError(_("%(where)s: the page has no fields.") % {"where": label})
    unknown = sorted(set(values) - set(fields))
    if unknown:
        raise PackageError(
            _("%(where)s: unknown page field %(field)s.") % {"where": label, "field": unknown[0]}
        )
    for name, value in values.items():
        field = fields[name]
        mapped = field_value(field, value, refs, f"{label} › {name}")
        if isinstance(field, models.ForeignKey):
            setattr(page, field.attname, mapped)
        else:
            setattr(page, name, mapped)
    if isinstance(page, ModulePage):
        page.quiz_questions = [
            _question(item, label, number) for number, item in enumerate(state.get("quiz_questions") or [], 1)
        ]
    if isinstance(page, CoursePage):
        page.prerequisite_links = [
            CoursePrerequisite(prerequisite=prerequisites[code])
            for code in state.get("prerequisites") or []
            if code in prerequisites
        ]


def _children_values(model, parent_link, item, where):
    fields = child_fields(model, parent_link)
    if not isinstance(item, dict):
        raise PackageError(_("%(where)s: a group of fields was expected.") % {"where": where})
    unknown = sorted(set(item) - set(fields) - {"choices"})
    if unknown:
        raise PackageError(_("%(where)s: unknown field %(field)s.") % {"where": where, "field": unknown[0]})
    return {name: value for name, value in item.items() if name in fields}


def _question(item, label, number):
    where = _("%(page)s › question %(number)s") % {"page": label, "number": number}
    # The order is the lists' order: sort_order set here, or the database would order by nothing.
    question = QuizQuestion(sort_order=number, **_children_values(QuizQuestion, "module", item, where))
    question.choices = [
        QuizChoice(sort_order=index, **_children_values(QuizChoice, "question", choice, f"{where} › {index}"))
        for index, choice in enumerate(item.get("choices") or [], 1)
    ]
    return question
