"""Editorial history for the editors' dashboard, so it has something to show on a fresh
``make run``:

- a later change to an English demo module, published after its Spanish and French
  translations were made: those translations are really behind their source (a newer source
  revision with one changed block), for the *Translations behind their source* panel and
  report, the translation's editor banner and the learner's notice;
- a draft by the demo editor, for *Your drafts*.

Each is made once: a module whose history already holds it, or that has an unpublished draft,
is left to its editors."""

import json

from wagtail.models import Locale

from courses.models import CoursePage, ModulePage
from people.models import User

COURSE_CODE = "INF-101"
MODULE_SLUG = "why-influencers"
CALLOUT_TITLE = "Smaller accounts often work better"
ADDITION = (
    "<p>Ask about fees in your first conversation: many micro-influencers earn their living from "
    "partnerships, and a fair fee, agreed in writing, is part of a fair partnership.</p>"
)


def ensure_source_update(report):
    course = CoursePage.objects.filter(course_code=COURSE_CODE, locale=Locale.get_default()).first()
    module = ModulePage.objects.child_of(course).filter(slug=MODULE_SLUG).first() if course else None
    if module is None or module.has_unpublished_changes:
        return False
    if any(ADDITION in json.dumps(content) for content in module.revisions.values_list("content", flat=True)):
        return False
    body = [dict(block) for block in module.body.raw_data]
    for block in body:
        if block["type"] == "callout" and block["value"].get("title") == CALLOUT_TITLE:
            block["value"] = {**block["value"], "body": block["value"]["body"] + ADDITION}
            break
    else:
        return False
    module.body = body
    module.save_revision().publish()
    report.change(f"module {COURSE_CODE}/{MODULE_SLUG}: published a later change to its call-out")
    return True


DRAFT_MODULE_SLUG = "toolkit"
DRAFT_ADDITION = (
    "<p>Coming soon: a one-page safety plan template to fill in with each creator before the first post.</p>"
)


def ensure_editor_draft(report, username="editor"):
    """A draft by the demo editor on an English INF-101 module, not yet submitted, so their
    dashboard's *Your drafts* has a row. Made once: a module with any revision by the editor,
    or with a draft already, is left alone."""
    editor = User.objects.filter(username=username).first()
    course = CoursePage.objects.filter(course_code=COURSE_CODE, locale=Locale.get_default()).first()
    module = ModulePage.objects.child_of(course).filter(slug=DRAFT_MODULE_SLUG).first() if course else None
    if editor is None or module is None or module.has_unpublished_changes:
        return False
    if module.revisions.filter(user=editor).exists():
        return False
    body = [dict(block) for block in module.body.raw_data]
    body.append({"type": "paragraph", "value": DRAFT_ADDITION})
    module.body = body
    module.save_revision(user=editor, log_action=True)
    report.change(f"module {COURSE_CODE}/{DRAFT_MODULE_SLUG}: a draft by {username}")
    return True
