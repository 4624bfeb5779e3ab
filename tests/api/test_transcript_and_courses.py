"""GET /api/v1/learners/<employee_id>/transcript/ and GET /api/v1/courses/."""

from records.services import progress
from tests.factories import (
    CourseCompletionFactory,
    EnrolmentFactory,
    make_course,
    make_module,
    make_translation,
)


def test_a_transcript_has_every_enrolment_and_completion(hr_api, amira, course, module):
    progress.enrol(amira, course)
    progress.mark_module_read(amira, module, course)
    old = CourseCompletionFactory(user=amira, course_code="STO-101", days_ago=400)
    progress.revoke_completion(old, None, "Wrong person.")
    body = hr_api.get(f"/api/v1/learners/{amira.employee_id}/transcript/").json()
    assert body["employee_id"] == amira.employee_id
    assert body["name"] == "Amira Haddad"
    assert body["is_active"] is True
    assert [e["course_code"] for e in body["enrolments"]] == [course.course_code]
    assert body["enrolments"][0]["progress"] == 100
    assert [(c["course_code"], c["status"]) for c in body["completions"]] == [
        (course.course_code, "valid"),
        ("STO-101", "revoked"),
    ]


def test_a_leaver_keeps_their_transcript(hr_api, amira):
    CourseCompletionFactory(user=amira)
    amira.is_active = False
    amira.save()
    body = hr_api.get(f"/api/v1/learners/{amira.employee_id}/transcript/").json()
    assert body["is_active"] is False
    assert len(body["completions"]) == 1


def test_transcript_queries_do_not_grow_with_records(hr_api, amira, django_assert_max_num_queries):
    for index in range(15):
        EnrolmentFactory(user=amira, course_code=f"C-{index}")
        CourseCompletionFactory(user=amira, course_code=f"C-{index}")
    with django_assert_max_num_queries(9):
        response = hr_api.get(f"/api/v1/learners/{amira.employee_id}/transcript/")
    assert len(response.json()["completions"]) == 15


def test_the_catalogue_lists_each_course_once_with_its_languages(hr_api, course, module):
    make_module(course, title="Optional extra", required_for_completion=False)
    translation = make_translation(course, "ar")
    translation.title = "العمل مع المؤثرين"
    translation.save_revision().publish()
    [entry] = hr_api.get("/api/v1/courses/").json()
    assert entry["course_code"] == course.course_code
    assert entry["original_language"] == "en"
    assert sorted(entry["languages"]) == ["ar", "en"]
    assert entry["titles"]["ar"] == "العمل مع المؤثرين"
    assert entry["required_modules"] == 1
    assert entry["last_content_change"] is not None


def test_catalogue_queries_do_not_grow_with_courses(hr_api, catalogue, django_assert_max_num_queries):
    for _ in range(6):
        make_module(make_course(catalogue))
    with django_assert_max_num_queries(8):
        response = hr_api.get("/api/v1/courses/")
    assert len(response.json()) == 6
