"""A later change to an English demo module, published after its Spanish and French
translations were made, so that on a fresh ``make run`` those translations are really behind
their source (a newer source revision, with one changed block): the editors' dashboard
panel, the *Translations behind their source* report, the translation's editor banner and
the learner's notice all have something to show.

Applied once: a module whose history already holds the change, or that has an unpublished
draft, is left to its editors."""

import json

from wagtail.models import Locale

from courses.models import CoursePage, ModulePage

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
