"""The querysets behind the endpoints: what a client may see, and the few per-page
lookups (progress, the catalogue) done in a constant number of queries."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr

from wagtail.models import Page

from courses.models import CoursePage, ModulePage
from people.models import staff_q
from records.models import CourseCompletion, Enrolment, ModuleProgress, ModuleUpdate

from . import scopes, statements
from .models import ApiClient, Tombstone


def _department_scope(client):
    return ApiClient.departments.through.objects.filter(apiclient_id=client.pk)


def visible_people_filter(client, prefix="user__"):
    """A client limited to departments sees only their staff; others see all staff, never a
    partner learner (``people.models.staff_q``): the feeds are HR's. Nobody
    sees a person whose personal data was erased (their records are tombstones now,
    ``visible_tombstones_filter``). The scope is read inside the query that uses it: no
    query of its own, and a change of scope holds from the next query on."""
    scope = _department_scope(client)
    return (
        (~Exists(scope) | Q(**{f"{prefix}department__in": scope.values("department_id")}))
        & Q(**{f"{prefix}erased_at__isnull": True})
        & staff_q(prefix)
    )


# Which scope shows the tombstones of each kind of record: the one that shows the record.
TOMBSTONE_SCOPES = {
    Tombstone.RecordType.COMPLETION: scopes.COMPLETIONS,
    Tombstone.RecordType.ENROLMENT: scopes.ENROLMENTS,
}


def visible_tombstones_filter(client):
    """The tombstones a client is told about: of the kinds of record its scopes read, and

    - ``erased``: if it could see the person, i.e. it is not limited to departments, or its
      departments hold the one the person was in;
    - ``left_scope``: if it is limited to departments and holds the one the person left but
      not the one they moved to (a client that still sees them has nothing to delete).

    The departments are read inside the query, as in ``visible_people_filter``. The record
    types come from the client's scopes, so a feed's compiled statement is kept per set of
    scopes (``TombstoneViewSet``)."""
    scope = _department_scope(client)
    held = scope.values("department_id")
    kinds = sorted(kind for kind, scope_name in TOMBSTONE_SCOPES.items() if client.has_scope(scope_name))
    erased = Q(reason=Tombstone.Reason.ERASED) & (~Exists(scope) | Q(department__in=held))
    left = (
        Q(reason=Tombstone.Reason.LEFT_SCOPE)
        & Q(department__in=held)
        & (Q(to_department__isnull=True) | ~Q(to_department__in=held))
    )
    return Q(record_type__in=kinds) & (erased | left)


def tombstones_for(client):
    return Tombstone.objects.filter(visible_tombstones_filter(client))


def completions_for(client):
    return CourseCompletion.objects.filter(visible_people_filter(client)).select_related(
        "user", "user__department"
    )


def enrolments_for(client):
    return Enrolment.objects.filter(visible_people_filter(client)).select_related("user", "user__department")


def required_module_keys():
    """{course code: [translation keys of its required modules]} for every live course, from
    the course in the default language (whose modules define completion; the same rule as
    ``CoursePage.required_modules``), in one query. Its SQL depends on nothing that changes,
    so it is compiled once per process and database (api/statements.py)."""
    key = ("required module keys", ModulePage.objects.db, settings.LANGUAGE_CODE)
    names, rows = statements.kept(key, _required_module_keys)
    code, key = names.index("code"), names.index("translation_key")
    by_code = defaultdict(list)
    for row in rows:
        by_code[row[code]].append(row[key])
    return by_code


def _required_module_keys():
    parent = CoursePage.objects.live().filter(
        locale__language_code=settings.LANGUAGE_CODE,
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen),
    )
    return (
        ModulePage.objects.required()
        .annotate(code=Subquery(parent.values("course_code")[:1]))
        .filter(code__isnull=False)
        .order_by("path")
        .values("code", "translation_key")
    )


def progress_by_enrolment(enrolments):
    """{enrolment id: percent of required modules completed} (``progress``)."""
    enrolments = list(enrolments)
    found = progress([(e.user_id, e.course_code, e.status) for e in enrolments])
    return {enrolment.pk: percent for enrolment, percent in zip(enrolments, found, strict=True)}


def progress(enrolments):
    """The percent of its course's required modules completed, for each of ``enrolments``
    (a list of (user id, course code, status) tuples), in order; in two queries whatever their number.
    Only modules completed since the person's last completion of the course count towards
    the next one."""
    if not enrolments:
        return []
    required = required_module_keys()
    codes = {code for _user, code, _status in enrolments}
    keys = {key for code in codes for key in required.get(code, ())}
    completed = defaultdict(set)
    if keys:  # else no course here has a required module: nothing to count
        rows = (
            ModuleProgress.objects.counting()
            .filter(user_id__in={user for user, _code, _status in enrolments}, module_key__in=keys)
            .values_list("user_id", "module_key")
        )
        for user_id, key in rows:
            completed[user_id].add(key)
    done_status = Enrolment.Status.COMPLETED.value
    found = []
    for user_id, code, status in enrolments:
        if status == done_status:
            found.append(100)
        elif module_keys := required.get(code):
            done = completed[user_id]
            found.append(round(100 * sum(1 for key in module_keys if key in done) / len(module_keys)))
        else:
            found.append(0)
    return found


def update_required(enrolments):
    """The ``update_required`` object of each of ``enrolments`` ((user id, course code,
    pending) tuples, ``pending`` false where the enrolment is known to have no pending
    update), in order: None, or its pending update (records.ModuleUpdate) as {"version":
    the lowest version to reach, "modules": [{"module_key", "title", "version"}],
    "due_date": the earliest due date}. One query, none when nothing is pending."""
    wanted = {(user, code) for user, code, pending in enrolments if pending}
    found = ModuleUpdate.objects.for_enrolments(wanted) if wanted else {}
    shaped = {}
    for pair, updates in found.items():
        dates = [update.due_date for update in updates if update.due_date]
        shaped[pair] = {
            "version": min(update.version for update in updates),
            "modules": [
                {
                    "module_key": str(update.module_key),
                    "title": update.module_title,
                    "version": update.version,
                }
                for update in updates
            ],
            "due_date": min(dates) if dates else None,
        }
    return [shaped.get((user, code)) for user, code, _pending in enrolments]


def update_required_by_enrolment(enrolments):
    """{enrolment id: ``update_required`` object or None}, for the serializers: one query."""
    enrolments = list(enrolments)
    found = update_required([(e.user_id, e.course_code, True) for e in enrolments])
    return {enrolment.pk: update for enrolment, update in zip(enrolments, found, strict=True)}


def catalogue():
    """Every live course, one entry per course code, in three queries."""
    by_code = {}
    for course in CoursePage.objects.live().select_related("locale").order_by("course_code", "path"):
        entry = by_code.setdefault(
            course.course_code,
            {
                "course_code": course.course_code,
                "title": course.title,
                "original_language": course.locale.language_code,
                "languages": [],
                "titles": {},
                "estimated_minutes": course.estimated_minutes,
                "validity_months": course.validity_months,
                "required_modules": 0,
                "last_content_change": course.last_published_at,
                "_paths": [],
                "_original": course,
            },
        )
        language = course.locale.language_code
        entry["languages"].append(language)
        entry["titles"][language] = course.title
        entry["_paths"].append(course.path)
        if language == settings.LANGUAGE_CODE:
            # The default-language version defines the course (see CoursePage.canonical).
            original = course
            entry.update(
                title=original.title,
                original_language=language,
                estimated_minutes=original.estimated_minutes,
                validity_months=original.validity_months,
                _original=original,
            )
        if course.last_published_at and (
            entry["last_content_change"] is None or course.last_published_at > entry["last_content_change"]
        ):
            entry["last_content_change"] = course.last_published_at
    required = required_module_keys()
    step = Page.steplen
    paths = {path: code for code, entry in by_code.items() for path in entry["_paths"]}
    if paths:
        condition = Q()
        for path in paths:
            condition |= Q(path__startswith=path, depth=len(path) // step + 1)
        latest = (
            ModulePage.objects.live()
            .filter(condition)
            .values_list("path", "estimated_minutes", "last_published_at")
        )
        minutes = defaultdict(int)
        for path, module_minutes, published in latest:
            code = paths[path[:-step]]
            entry = by_code[code]
            if path[:-step] == entry["_original"].path:
                minutes[code] += module_minutes or 0
            if published and (
                entry["last_content_change"] is None or published > entry["last_content_change"]
            ):
                entry["last_content_change"] = published
        for code, entry in by_code.items():
            if entry["estimated_minutes"] is None:
                entry["estimated_minutes"] = minutes[code] or None
    for code, entry in by_code.items():
        entry["required_modules"] = len(required.get(code, []))
        del entry["_paths"], entry["_original"]
    return list(by_code.values())
