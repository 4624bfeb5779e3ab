"""The "My learning" dashboard."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from records.services import progress
from tests.factories import add_quiz, make_course, make_module


def _enrolled_courses(user, catalogue, count, modules=3):
    courses = []
    for _ in range(count):
        course = make_course(catalogue)
        readings = [make_module(course) for _ in range(modules)]
        progress.enrol(user, course)
        progress.mark_module_read(user, readings[0], course)
        courses.append((course, readings))
    return courses


def test_dashboard_requires_login(client, home):
    response = client.get("/my-learning/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_dashboard_shows_progress_and_where_to_continue(amira, amira_client, catalogue):
    [(course, readings)] = _enrolled_courses(amira, catalogue, 1)
    html = amira_client.get("/my-learning/").content.decode()
    assert course.title in html
    assert "1 of 3" in html
    assert readings[1].url in html


def test_dashboard_shows_completed_courses_with_certificates(amira, amira_client, catalogue):
    [(course, readings)] = _enrolled_courses(amira, catalogue, 1, modules=1)
    completion = amira.completions.get()
    html = amira_client.get("/my-learning/").content.decode()
    assert completion.certificate_id in html
    assert f"/certificates/{completion.certificate_id}/certificate.pdf" in html


def test_dashboard_shows_only_my_own_learning(amira, chen, chen_client, catalogue):
    [(course, _readings)] = _enrolled_courses(amira, catalogue, 1)
    html = chen_client.get("/my-learning/").content.decode()
    assert course.title not in html and course.url not in html


def test_dashboard_shows_due_dates_and_overdue(amira, amira_client, catalogue):
    from datetime import date

    [(course, _readings)] = _enrolled_courses(amira, catalogue, 1)
    amira.enrolments.update(due_date=date(2020, 1, 31))
    html = amira_client.get("/my-learning/").content.decode()
    assert "Overdue" in html


def _count(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_dashboard_queries_do_not_grow_with_courses_or_modules(amira, amira_client, catalogue):
    _enrolled_courses(amira, catalogue, 2, modules=2)
    small = _count(amira_client, "/my-learning/")
    _enrolled_courses(amira, catalogue, 8, modules=12)
    assert _count(amira_client, "/my-learning/") <= small


def test_course_page_with_progress_queries_do_not_grow_with_modules(amira, amira_client, catalogue):
    small_course = make_course(catalogue)
    small = [add_quiz(make_module(small_course)) for _ in range(2)]
    large_course = make_course(catalogue)
    large = [add_quiz(make_module(large_course)) for _ in range(25)]
    for course, modules in ((small_course, small), (large_course, large)):
        progress.enrol(amira, course)
        progress.mark_module_read(amira, modules[0], course)
        amira_client.get(course.url)  # caches warm on both sides (admin access: people.admin_access)
    assert _count(amira_client, large_course.url) <= _count(amira_client, small_course.url)


def test_dashboard_in_another_language_links_to_the_translations(amira, amira_client, catalogue):
    from tests.factories import make_translation

    [(course, readings)] = _enrolled_courses(amira, catalogue, 2)[:1]
    arabic_course = make_translation(course, "ar")
    arabic_next = make_translation(readings[1], "ar")
    html = amira_client.get("/ar/my-learning/").content.decode()
    assert f'href="{arabic_course.url}"' in html and arabic_next.url in html
    assert f'href="{course.url}"' not in html
    # One query for the translations and one per page type, however many courses.
    assert _count(amira_client, "/ar/my-learning/") <= _count(amira_client, "/my-learning/") + 3
    assert f'href="{course.url}"' in amira_client.get("/my-learning/").content.decode()


def _section(html, heading_id):
    """The cards listed under the heading with this id, by title."""
    from tests.htmlutils import elements, text_of

    lists = elements(html, "ul", **{"aria-labelledby": heading_id})
    return [text_of(title) for title in elements(lists[0], class_="card__title")] if lists else []


def test_in_progress_lists_only_started_courses_and_the_others_are_to_do(amira, amira_client, catalogue):
    [(started, _readings)] = _enrolled_courses(amira, catalogue, 1)
    waiting = make_course(catalogue, title="Not begun yet")
    make_module(waiting)
    progress.enrol(amira, waiting)
    response = amira_client.get("/my-learning/")
    assert _section(response, "in-progress") == [started.title]
    assert _section(response, "to-do") == [waiting.title]
    # Opening one module is what starting means: the course moves to "In progress".
    amira_client.get(waiting.get_children().first().url)
    response = amira_client.get("/my-learning/")
    assert sorted(_section(response, "in-progress")) == sorted([started.title, waiting.title])
    assert _section(response, "to-do") == []


def test_an_overdue_course_not_begun_is_to_do_with_start(amira, amira_client, catalogue):
    from datetime import date

    from tests.htmlutils import elements, text_of

    course = make_course(catalogue, title="Assigned and late")
    first = make_module(course)
    progress.enrol(amira, course)
    amira.enrolments.update(due_date=date(2020, 1, 31), status="overdue")
    response = amira_client.get("/my-learning/")
    assert _section(response, "to-do") == [course.title]
    [button] = elements(elements(response, "ul", **{"aria-labelledby": "to-do"})[0], "a", class_="button")
    assert text_of(button).startswith("Start") and button["href"] == first.url
