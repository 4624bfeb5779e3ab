"""What changed in a source page between two of its revisions, as a translator needs to know
it: which body blocks (matched by block id), whether the quiz changed, which other fields.

A change is *material* when what a learner reads or answers changed (a module's body or
quiz, a course's summary, objectives or audience), not when only the title, the slug, the
search description or other metadata did: a translation whose source changed materially
may teach something its source no longer says."""

import json
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from courses.blocks import ModuleBodyBlock

# Fields that never make a translation stale: Wagtail's bookkeeping, and what a
# translation keeps as its own (slug, locale, tree position).
BOOKKEEPING = {
    "pk",
    "id",
    "path",
    "depth",
    "numchild",
    "url_path",
    "slug",
    "locale",
    "translation_key",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision",
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "owner",
    "locked",
    "locked_at",
    "locked_by",
    "go_live_at",
    "expire_at",
    "expired",
    "content_type",
    "alias_of",
    "wagtail_admin_comments",
    "comments",
    "page_ptr",
}
# Questions and choices are compared by what learners see, not by their database ids.
QUESTION_FIELDS = ("kind", "prompt", "points", "explanation")
CHOICE_FIELDS = ("text", "is_correct", "feedback")

KIND_LABELS = {
    "added": _("added"),
    "changed": _("changed"),
    "removed": _("removed"),
    "moved": _("moved"),
}


@dataclass(frozen=True)
class BlockChange:
    kind: str  # added, changed, removed, moved
    position: int  # 1-based, in the newer revision (in the older one for a removed block)
    block_type: str
    excerpt: str

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]

    def __str__(self):
        # The export's cell: "changed: Text 3 (What the module says…)".
        text = f"{self.kind_label}: {self.block_label} {self.position}"
        return f"{text} ({self.excerpt})" if self.excerpt else text

    @property
    def block_label(self):
        block = ModuleBodyBlock.base_blocks.get(self.block_type)
        return str(block.label) if block is not None else self.block_type


@dataclass(frozen=True)
class Changes:
    blocks: list = field(default_factory=list)
    quiz_changed: bool = False
    fields: list = field(default_factory=list)  # names of other changed fields
    material: bool = False

    def summary(self):
        parts = [str(change) for change in self.blocks]
        if self.quiz_changed:
            parts.append(str(_("quiz changed")))
        if self.fields:
            parts.append(str(_("fields changed: %(fields)s")) % {"fields": ", ".join(self.fields)})
        return "; ".join(parts)


def _stream(raw):
    """A StreamField's raw data from a revision (a list, or the list as JSON text)."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw) if raw else []
        except ValueError:
            return []
    return raw or []


def _first_text(value):
    """The first words of a block's value, for telling blocks apart in a list."""
    if isinstance(value, str):
        return strip_tags(value).strip()
    if isinstance(value, dict):
        for key in ("text", "title", "heading", "prompt", "quote", "caption", "alt"):
            found = _first_text(value.get(key))
            if found:
                return found
        values = value.values()
    elif isinstance(value, list):
        values = value
    else:
        return ""
    for child in values:
        found = _first_text(child)
        if found:
            return found
    return ""


def _excerpt(value):
    return Truncator(_first_text(value)).chars(60)


def body_changes(old, new):
    """The blocks added, changed, removed or moved between two StreamField values (raw),
    matched by block id, in the newer value's order and then the removed ones."""
    old, new = _stream(old), _stream(new)
    old_by_id = {block.get("id"): (position, block) for position, block in enumerate(old, 1)}
    new_ids = {block.get("id") for block in new}
    changes = []
    # Blocks that kept their relative order are not "moved" because one before them went.
    kept_order = [block.get("id") for block in old if block.get("id") in new_ids]
    order_of_kept = {block_id: index for index, block_id in enumerate(kept_order)}
    index_in_new = 0
    for position, block in enumerate(new, 1):
        block_id = block.get("id")
        before = old_by_id.get(block_id) if block_id else None
        if before is None:
            changes.append(
                BlockChange("added", position, block.get("type", ""), _excerpt(block.get("value")))
            )
            continue
        _, old_block = before
        if old_block.get("type") != block.get("type") or old_block.get("value") != block.get("value"):
            changes.append(
                BlockChange("changed", position, block.get("type", ""), _excerpt(block.get("value")))
            )
        elif order_of_kept.get(block_id) != index_in_new:
            changes.append(
                BlockChange("moved", position, block.get("type", ""), _excerpt(block.get("value")))
            )
        index_in_new += 1
    for block_id, (position, block) in old_by_id.items():
        if block_id not in new_ids or not block_id:
            changes.append(
                BlockChange("removed", position, block.get("type", ""), _excerpt(block.get("value")))
            )
    return changes


def _questions(content):
    questions = content.get("quiz_questions") or []
    return [
        (
            [question.get(name) for name in QUESTION_FIELDS],
            [[choice.get(name) for name in CHOICE_FIELDS] for choice in question.get("choices") or []],
        )
        for question in questions
    ]


def content_changes(old, new, page_class):
    """``Changes`` between two revisions' content (dicts) of a page of ``page_class``, whose
    ``translation_material_fields`` say what counts as material."""
    material_fields = set(getattr(page_class, "translation_material_fields", ()))
    blocks = body_changes(old.get("body"), new.get("body")) if "body" in material_fields else []
    quiz_changed = "quiz_questions" in material_fields and _questions(old) != _questions(new)
    fields = []
    for name in sorted(set(old) | set(new)):
        if name in BOOKKEEPING or name in ("body", "quiz_questions"):
            continue
        if old.get(name) != new.get(name):
            fields.append(name)
    material = bool(blocks) or quiz_changed or any(name in material_fields for name in fields)
    labels = [_field_label(page_class, name) for name in fields]
    return Changes(blocks=blocks, quiz_changed=quiz_changed, fields=labels, material=material)


def _field_label(page_class, name):
    try:
        return str(page_class._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:  # a field since removed from the model: its name will do
        return name
