"""A sync's page query is compiled once and reused with each page's position
(api/statements.py): every reused page must be exactly the page a fresh compile gives, and
anything the SQL depends on (scope, page size, day, filters) must give a new compile."""

from datetime import timedelta

from django.utils import timezone

import pytest

from api import driver, statements
from api.models import ApiClient
from records.models import CourseCompletion, Enrolment
from tests.api.records import sync_all
from tests.factories import CourseCompletionFactory, EnrolmentFactory, UserFactory

pytestmark = pytest.mark.django_db

COMPLETIONS = "/api/v1/completions/"
ENROLMENTS = "/api/v1/enrolments/"


@pytest.fixture
def compiles(monkeypatch):
    """Counts the feeds' page queries compiled (reused ones are not)."""
    calls = []
    compile_values = driver.compile_values

    def counted(queryset):
        if queryset.model in (CourseCompletion, Enrolment):
            calls.append(queryset)
        return compile_values(queryset)

    monkeypatch.setattr(driver, "compile_values", counted)
    return calls


@pytest.fixture
def records(amira, chen):
    for index in range(4):
        CourseCompletionFactory(user=amira if index % 2 else chen, course_code=f"C-{index}", days_ago=index)
    CourseCompletionFactory(
        user=chen, course_code="OLD", valid_until=timezone.localdate() - timedelta(days=1)
    )
    CourseCompletionFactory(user=amira, course_code="GONE", revoked=True)
    for index in range(5):
        EnrolmentFactory(user=amira if index % 2 else chen, course_code=f"C-{index}")


def page_bodies(api, url):
    """Every page of a sync, as the bytes sent."""
    bodies = []
    response = api.get(url, {"page_size": 2})
    while True:
        bodies.append(response.content)
        following = response.json()["next"]
        if not following:
            return bodies
        response = api.get(following)


@pytest.mark.parametrize("url", [COMPLETIONS, ENROLMENTS])
def test_a_reused_page_is_the_page_a_fresh_compile_gives(hr_api, records, url, monkeypatch):
    reused = page_bodies(hr_api, url)
    assert len(reused) >= 3
    monkeypatch.setattr(statements, "page", lambda key, build, position: driver.tuples(build(position)))
    assert page_bodies(hr_api, url) == reused  # byte for byte, cursors included


def test_a_sync_compiles_its_page_query_once(hr_api, records, compiles):
    rows = sync_all(hr_api, COMPLETIONS, page_size=2)
    assert len(rows) == 6
    assert len(compiles) == 1
    sync_all(hr_api, COMPLETIONS, page_size=2)
    assert len(compiles) == 1
    sync_all(hr_api, COMPLETIONS, page_size=3)  # another page size: another LIMIT
    assert len(compiles) == 2


def test_a_filtered_request_is_compiled_each_time(hr_api, records, compiles):
    for _ in range(2):
        body = hr_api.get(COMPLETIONS, {"status": "revoked"}).json()
        assert [row["course_code"] for row in body["results"]] == ["GONE"]
    assert len(compiles) == 2


def test_a_scope_change_holds_from_the_next_page_on(make_api_client, amira, chen, compiles):
    """The scope is read inside the kept statement: narrowing and widening it needs no new
    compile, and the very next request sees it."""
    CourseCompletionFactory(user=amira)
    CourseCompletionFactory(user=chen)
    client, api = make_api_client()
    assert len(api.get(COMPLETIONS).json()["results"]) == 2
    client.departments.set([amira.department])
    results = api.get(COMPLETIONS).json()["results"]
    assert [row["employee_id"] for row in results] == [amira.employee_id]
    client.departments.set([chen.department])
    results = api.get(COMPLETIONS).json()["results"]
    assert [row["employee_id"] for row in results] == [chen.employee_id]
    client.departments.clear()
    assert len(api.get(COMPLETIONS).json()["results"]) == 2
    assert len(compiles) == 1


def test_the_day_is_part_of_the_statement(hr_api, amira, monkeypatch):
    """The standing is computed in the SQL for a day: tomorrow, a completion valid until
    today has expired, whatever was compiled today."""
    today = timezone.localdate()
    CourseCompletionFactory(user=amira, valid_until=today)
    assert hr_api.get(COMPLETIONS).json()["results"][0]["status"] == "valid"
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today + timedelta(days=1))
    assert hr_api.get(COMPLETIONS).json()["results"][0]["status"] == "expired"


def test_without_the_sentinel_nothing_is_reused(amira):
    """A query whose parameters do not hold the position cannot be reused: it is compiled
    for each page instead of serving the first page's rows again."""
    from records.models import CourseCompletion

    CourseCompletionFactory(user=amira, course_code="A")
    CourseCompletionFactory(user=UserFactory(), course_code="B")

    def build(position):  # ignores the position
        return CourseCompletion.objects.order_by("course_code").values("course_code")

    key = ("test", "default", (), 1, timezone.localdate())
    assert statements.page(key, build, statements.SENTINEL) == (["course_code"], [("A",), ("B",)])
    assert statements._statements[key] is None


def test_a_kept_key_lookup_finds_each_client_by_its_own_key(make_api_client, monkeypatch):
    """The key lookup is compiled once and run with each request's prefix: each key finds
    its own client, a revoked one none, and a wrong secret is refused."""
    first, first_api = make_api_client()
    second, second_api = make_api_client(name="Regional HR")
    lookups = []
    compile_values = driver.compile_values

    def counted(queryset):
        if queryset.model is ApiClient:
            lookups.append(queryset)
        return compile_values(queryset)

    monkeypatch.setattr(driver, "compile_values", counted)
    assert ApiClient.objects.get_from_key(first_api.key) == first
    assert ApiClient.objects.get_from_key(second_api.key) == second
    assert ApiClient.objects.get_from_key(second_api.key).scopes == second.scopes
    prefix = second_api.key.partition(".")[0]
    with pytest.raises(ApiClient.DoesNotExist):
        ApiClient.objects.get_from_key(f"{prefix}.wrongsecretwrongsecretwrongsecre")
    ApiClient.objects.filter(pk=first.pk).update(revoked=True)
    with pytest.raises(ApiClient.DoesNotExist):
        ApiClient.objects.get_from_key(first_api.key)
    assert len(lookups) == 1
