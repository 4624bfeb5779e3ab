"""Query counts per page stay the same whatever the size of a course or catalogue."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from tests.factories import (
    EnrolmentFactory,
    ModuleProgressFactory,
    ReflectionAnswerFactory,
    add_quiz,
    make_course,
    make_image,
    make_module,
    paragraph,
    reflection,
    take_quiz,
)
from tests.htmlutils import elements
from tests.querylog import describe, query_log

# What a learner's pages cost, whatever the length of the course: enrolled in a course she has
# started, on a module with a quiz she has tried (``started_course``). Three of them come with
# every page: the session, the user and the page tree's version (courses/serving.py keeps the
# site, its home page, the route to each page and the privacy restrictions on it, and the
# pages keep their lists of modules and prerequisites on it too).
MODULE_PAGE_QUERIES = 6  # + reflections, progress, the quiz attempts
COURSE_PAGE_QUERIES = 6  # + enrolment, latest completion, progress
# After any change to the tree, once: the site, the active locale, the home page in its
# specific form, then one query per level below it (catalogue, course, module), and what
# the page keeps (the course: its modules and prerequisites; a module: its course's modules),
# every site's home pages in every language, for page addresses (the sites, their home
# pages' translations), and the privacy restrictions on the page and its ancestors (one).
SITE_HOME_QUERIES = 3 + 2 + 1
DASHBOARD_QUERIES = 8


def _queries_for(client, url):
    with CaptureQueriesContext(connection) as context, query_log() as queries:
        response = client.get(url)
        assert response.status_code == 200
    print(f"{url}: {len(queries)} queries\n{describe(queries)}")
    return len(context.captured_queries), context


def _modules(course, count):
    return [
        make_module(
            course,
            title=f"Module {number}",
            slug=f"module-{number}",
            body=[
                paragraph(f"<p>Part {number}.</p>"),
                reflection("What did you learn?", block_id=f"r{number}"),
            ],
        )
        for number in range(1, count + 1)
    ]


def _assert_bounded(client, django_assert_max_num_queries, small_url, large_url):
    # Warm up both pages once (caches of site root paths, content types, renditions).
    client.get(small_url)
    client.get(large_url)
    bound, _ = _queries_for(client, small_url)
    with django_assert_max_num_queries(bound):
        response = client.get(large_url)
        assert response.status_code == 200


def test_course_page_queries_do_not_grow_with_its_modules(
    amira_client, catalogue, django_assert_max_num_queries
):
    small = make_course(catalogue, title="Short course")
    large = make_course(catalogue, title="Long course")
    _modules(small, 5)
    _modules(large, 50)
    _assert_bounded(amira_client, django_assert_max_num_queries, small.url, large.url)


def test_course_page_queries_do_not_grow_with_its_prerequisites(
    amira_client, catalogue, django_assert_max_num_queries
):
    from courses.models import CoursePrerequisite

    basics = [make_course(catalogue, title=f"Basics {n}") for n in range(6)]
    small = make_course(catalogue, title="One prerequisite")
    large = make_course(catalogue, title="Many prerequisites")
    CoursePrerequisite.objects.create(course=small, prerequisite=basics[0])
    for basic in basics:
        CoursePrerequisite.objects.create(course=large, prerequisite=basic)
    _assert_bounded(amira_client, django_assert_max_num_queries, small.url, large.url)


def test_catalogue_queries_do_not_grow_with_its_courses(
    amira_client, home, catalogue, django_assert_max_num_queries
):
    from courses.models import CourseCatalogue

    # Only one catalogue is allowed in the admin; a second one, made directly, holds the larger list.
    large = home.add_child(instance=CourseCatalogue(title="More courses", slug="more-courses"))
    for parent, count in ((catalogue, 3), (large, 15)):
        for n in range(count):
            course = make_course(
                parent,
                title=f"Course {count}-{n}",
                cover_image=make_image(f"Cover {count}-{n}"),
                cover_image_alt="A creator filming",
            )
            _modules(course, 2)
    _assert_bounded(amira_client, django_assert_max_num_queries, catalogue.url, large.url)
    cards = [element for element in elements(amira_client.get(large.url)) if element.get("class") == ["card"]]
    assert len(cards) == 15


def test_module_page_queries_do_not_grow_with_its_siblings(
    amira_client, catalogue, amira, django_assert_max_num_queries
):
    small = _modules(make_course(catalogue, title="Three modules"), 3)
    large = _modules(make_course(catalogue, title="Thirty modules"), 30)
    for module in (small[1], large[15]):
        ReflectionAnswerFactory(user=amira, module=module, block_id=module.body[1].id)
    _assert_bounded(amira_client, django_assert_max_num_queries, small[1].url, large[15].url)


@pytest.mark.parametrize("blocks", [1, 20])
def test_module_page_query_count_is_small(amira_client, course, blocks, django_assert_max_num_queries):
    module = make_module(course, body=[reflection(f"Q{n}?", block_id=f"q{n}") for n in range(blocks)])
    amira_client.get(module.url)
    # No quiz: the quiz panel asks nothing more.
    with django_assert_max_num_queries(MODULE_PAGE_QUERIES - 1):
        amira_client.get(module.url)


def test_a_module_without_reflections_or_quiz_reads_neither(
    amira_client, course, django_assert_max_num_queries
):
    module = make_module(course, body=[paragraph("<p>Read this.</p>")])
    amira_client.get(module.url)
    with django_assert_max_num_queries(MODULE_PAGE_QUERIES - 2):
        amira_client.get(module.url)


@pytest.fixture(params=[5, 50], ids=lambda count: f"{count}-modules")
def started_course(request, catalogue, amira):
    """(course, the module with a quiz): amira is enrolled, has completed the first module,
    and has failed the quiz on the second once."""
    course = make_course(catalogue, title=f"A course of {request.param} modules")
    modules = _modules(course, request.param)
    quiz_module = add_quiz(modules[1], pass_mark=75, attempt_limit=3)
    EnrolmentFactory(user=amira, course=course, status="in_progress")
    now = timezone.now()
    ModuleProgressFactory(user=amira, module=modules[0], read_at=now, completed_at=now)
    take_quiz(amira, quiz_module, course, passing=False)
    return course, quiz_module


def _assert_at_most(client, url, bound, django_assert_max_num_queries):
    client.get(url)  # caches warm (site root paths, content types, admin access)
    with django_assert_max_num_queries(bound), query_log() as queries:
        response = client.get(url)
        print(f"{url}: {len(queries)} queries\n{describe(queries)}")  # shown if the bound fails
    assert response.status_code == 200
    return response.content.decode()


def test_module_page_queries_for_a_learner(amira_client, started_course, django_assert_max_num_queries):
    _course, quiz_module = started_course
    html = _assert_at_most(amira_client, quiz_module.url, MODULE_PAGE_QUERIES, django_assert_max_num_queries)
    assert "Try again" in html and "Module 2 of" in html


def test_course_page_queries_for_a_learner(amira_client, started_course, django_assert_max_num_queries):
    course, _quiz_module = started_course
    html = _assert_at_most(amira_client, course.url, COURSE_PAGE_QUERIES, django_assert_max_num_queries)
    assert "1 of" in html and "Includes a quiz" in html


@pytest.mark.parametrize("page", ["course", "module"])
def test_a_change_to_the_tree_costs_the_route_once(
    amira_client, started_course, page, django_assert_max_num_queries
):
    from courses import serving

    course, quiz_module = started_course
    # The levels routed through, then what the page keeps, and whether it is a translation
    # behind its source (one: courses.models.translations.learner_notice).
    url, bound, again = (
        (course.url, COURSE_PAGE_QUERIES, 2 + 2 + 1)
        if page == "course"
        else (quiz_module.url, MODULE_PAGE_QUERIES, 3 + 1 + 1)
    )
    amira_client.get(url)
    serving.tree_changed()
    with django_assert_max_num_queries(bound + SITE_HOME_QUERIES + again), query_log() as queries:
        assert amira_client.get(url).status_code == 200
        print(describe(queries))  # shown if the bound fails
    with django_assert_max_num_queries(bound):
        assert amira_client.get(url).status_code == 200


def test_dashboard_queries_for_a_learner(amira_client, started_course, django_assert_max_num_queries):
    course, quiz_module = started_course
    html = _assert_at_most(
        amira_client, reverse("dashboard"), DASHBOARD_QUERIES, django_assert_max_num_queries
    )
    assert course.title in html and quiz_module.url in html


def test_catalogue_queries_do_not_grow_with_cover_images_on_a_cold_cache(amira_client, home, catalogue):
    """After a deploy or a cache eviction the renditions of the cover images are in the
    database but not in the cache: fetching them must not cost one query per course."""
    from django.core.cache import cache

    from courses.models import CourseCatalogue

    large = home.add_child(instance=CourseCatalogue(title="More courses", slug="more-courses"))
    for parent, count in ((catalogue, 3), (large, 15)):
        for n in range(count):
            make_course(
                parent,
                title=f"Course {count}-{n}",
                cover_image=make_image(f"Cover {count}-{n}"),
                cover_image_alt="A creator filming",
            )
    amira_client.get(catalogue.url)  # renditions are generated and stored
    amira_client.get(large.url)

    cache.clear()
    small_count, _ = _queries_for(amira_client, catalogue.url)
    cache.clear()
    large_count, context = _queries_for(amira_client, large.url)
    assert large_count <= small_count, "\n".join(q["sql"][:120] for q in context.captured_queries)


# The quiz pages, for the same learner (session, user and, where pages are shown, the tree's
# version come with each): starting the quiz (the module without its body and whether it has
# a quiz, its course, the enrolment and cycle, the row lock, the latest attempt, the
# questions and their choices, the new attempt, the module's progress; and here the two
# statements of a savepoint, as the test's transaction holds the attempt's), the quiz form (the
# attempt with its module) and the result (the attempt, the quiz panel's attempts and, for a
# pass, whether the course is now complete; the module's course and its modules are kept on
# the tree's version).
START_QUIZ_QUERIES = 13
QUIZ_FORM_QUERIES = 4
QUIZ_RESULT_QUERIES = 6
# Submitting a pass that leaves the course open, through the form: the session and the
# user, then what tests/quizzes/test_submission.py counts for the service, with the attempt
# read once (locked) for both the view's checks and the scoring, in one transaction.
SUBMIT_QUERIES = 17


def test_quiz_pages_queries_for_a_learner(amira_client, started_course, django_assert_max_num_queries):
    _course, quiz_module = started_course
    amira_client.get(quiz_module.url)  # caches warm
    with django_assert_max_num_queries(START_QUIZ_QUERIES), query_log() as queries:
        response = amira_client.post(reverse("quizzes:start_quiz", args=[quiz_module.pk]))
        print(describe(queries))
    assert response.status_code == 302
    form_url = response["Location"]
    html = _assert_at_most(amira_client, form_url, QUIZ_FORM_QUERIES, django_assert_max_num_queries)
    assert "Submit my answers" in html
    # Resuming the open attempt asks less than starting one.
    with django_assert_max_num_queries(START_QUIZ_QUERIES - 3):
        assert amira_client.post(reverse("quizzes:start_quiz", args=[quiz_module.pk]))["Location"] == form_url
    attempt_id = int(form_url.rstrip("/").rsplit("/", 1)[1])
    amira_client.post(reverse("quizzes:submit", args=[attempt_id]), {})  # unanswered: 400, nothing kept
    from quizzes.models import Attempt

    take = Attempt.objects.get(pk=attempt_id)
    answers = {
        f"question-{q['id']}": [c["id"] for c in q["choices"] if c["is_correct"]] for q in take.questions
    }
    with django_assert_max_num_queries(SUBMIT_QUERIES), query_log() as queries:
        assert amira_client.post(reverse("quizzes:submit", args=[attempt_id]), answers).status_code == 302
        print(describe(queries))
    html = _assert_at_most(
        amira_client,
        reverse("quizzes:result", args=[attempt_id]),
        QUIZ_RESULT_QUERIES,
        django_assert_max_num_queries,
    )
    assert "Module 3" in html  # what comes next, from the kept list of the course's modules
