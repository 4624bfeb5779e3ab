"""The querysets behind the endpoints: what a client may see, and the few per-page
lookups (progress, the catalogue) done in a constant number of queries."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q

from wagtail.models import Page

from courses.models import CoursePage, ModulePage
from records.models import CourseCompletion, Enrolment, ModuleProgress


def visible_people_filter(client, prefix="user__"):
    """A client limited to departments sees only their staff; others see everyone."""
    if not client.department_ids:
        return Q()
    return Q(**{f"{prefix}department__in": client.department_ids})


def completions_for(client):
    return CourseCompletion.objects.filter(visible_people_filter(client)).select_related(
        "user", "user__department"
    )


def enrolments_for(client):
    return Enrolment.objects.filter(visible_people_filter(client)).select_related("user", "user__department")


def _required_modules_by_code(codes):
    """{course code: [translation keys of its required modules]}, from the course in the
    default language (whose modules define completion), in two queries."""
    courses = (
        CoursePage.objects.live()
        .filter(course_code__in=codes, locale__language_code=settings.LANGUAGE_CODE)
        .only("path", "course_code")
    )
    modules = ModulePage.objects.required().only("path", "translation_key").by_course(courses)
    return {
        course.course_code: [module.translation_key for module in found] for course, found in modules.items()
    }


def progress_by_enrolment(enrolments):
    """{enrolment id: percent of required modules completed} for a page of enrolments,
    in three queries whatever the page size. Only modules completed since the person's
    last completion of the course count towards the next one."""
    enrolments = list(enrolments)
    if not enrolments:
        return {}
    required = _required_modules_by_code({e.course_code for e in enrolments})
    keys = {key for module_keys in required.values() for key in module_keys}
    completed = defaultdict(set)
    if keys:  # else no course on the page has a required module: nothing to count
        rows = (
            ModuleProgress.objects.counting()
            .filter(user_id__in={e.user_id for e in enrolments}, module_key__in=keys)
            .values_list("user_id", "module_key")
        )
        for user_id, key in rows:
            completed[user_id].add(key)
    result = {}
    for enrolment in enrolments:
        if enrolment.status == Enrolment.Status.COMPLETED:
            result[enrolment.pk] = 100
            continue
        module_keys = required.get(enrolment.course_code, [])
        if not module_keys:
            result[enrolment.pk] = 0
            continue
        done = sum(1 for key in module_keys if key in completed[enrolment.user_id])
        result[enrolment.pk] = round(100 * done / len(module_keys))
    return result


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
    required = _required_modules_by_code(list(by_code))
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
