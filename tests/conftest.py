"""Shared fixtures: the page tree, a course with modules, and the people in the story.

- amira: a learner in Communications; bruno is her manager
- bruno: a manager (Managers group) with amira in his reporting line
- chen: another learner, in another department, outside bruno's team
- eve: an editor (Editors group): writes content but cannot publish
- rita: a reviewer (Reviewers group): approves and publishes
- hana: an HR admin (HR admins group)
- tom: an ordinary member of staff
"""

from django.core.cache import cache
from django.db import connections
from django.test import Client, override_settings
from django.utils import translation

import pytest

from people.roles import EDITORS, HR_ADMINS, MANAGERS, REVIEWERS
from tests.factories import (
    PASSWORD,
    DepartmentFactory,
    UserFactory,
    add_quiz,
    heading,
    make_course,
    make_module,
    make_site_tree,
    paragraph,
    reflection,
)
from tests.replica import REPLICA, ROUTER, Queries


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Every test gets the ordinary database marker unless it asks for another. pytest-django
    runs unmarked tests last, after the transactional ones have flushed the database (roles,
    locales and the page root gone); a test that reaches the database through a fixture it
    requests later would then find it empty."""
    for item in items:
        if item.get_closest_marker("django_db") is None:
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="session", autouse=True)
def _media_root(tmp_path_factory):
    """Uploaded images, documents and renditions go to a throwaway folder."""
    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Wagtail caches site root paths and renditions by primary key; ids are reused after
    a rolled-back test, so every test starts with an empty cache (and so do tree versions:
    what each process keeps of them goes too)."""
    from courses.models.tree_version import forget_kept

    cache.clear()
    forget_kept()
    yield
    cache.clear()
    forget_kept()


@pytest.fixture(autouse=True)
def _english():
    """LocaleMiddleware leaves the language of the last request active in the test thread;
    each test starts in English, so reverse() gives unprefixed URLs."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def password():
    return PASSWORD


# --- The page tree -------------------------------------------------------------------------


@pytest.fixture
def site_tree(db):
    """(home, catalogue): HomePage > CourseCatalogue, with the default Site on the home page."""
    return make_site_tree()


@pytest.fixture
def home(site_tree):
    return site_tree[0]


@pytest.fixture
def catalogue(site_tree):
    return site_tree[1]


@pytest.fixture
def course(catalogue):
    return make_course(
        catalogue,
        title="Working with influencers",
        slug="working-with-influencers",
        course_code="INF-101",
        summary="How to partner with creators who speak to audiences aged 16 to 34.",
    )


REFLECTION_ID = "reflect-voice"


@pytest.fixture
def module(course):
    """A live module with a heading, a paragraph and one reflection prompt."""
    return make_module(
        course,
        title="Why authentic voices matter",
        slug="why-authentic-voices-matter",
        body=[
            heading("Why people trust influencers"),
            paragraph("<p>Audiences tire of an <b>official institutional voice</b>.</p>"),
            reflection(
                "Think of a campaign you worked on. Whose voice told the story?",
                guidance="A few sentences are enough.",
                block_id=REFLECTION_ID,
            ),
        ],
    )


@pytest.fixture
def quiz_module(module):
    """``module`` with a published quiz: the three standard questions, pass mark 75 %."""
    return add_quiz(module, pass_mark=75)


# --- People --------------------------------------------------------------------------------


@pytest.fixture
def communications(db):
    return DepartmentFactory(name="Communications")


@pytest.fixture
def bruno(communications):
    return UserFactory(
        username="bruno",
        email="bruno@example.org",
        full_name="Bruno Costa",
        department=communications,
        groups=[MANAGERS],
    )


@pytest.fixture
def amira(communications, bruno):
    return UserFactory(
        username="amira",
        email="Amira.Haddad@example.org",
        full_name="Amira Haddad",
        department=communications,
        manager=bruno,
    )


@pytest.fixture
def chen(db):
    return UserFactory(
        username="chen",
        email="chen@example.org",
        full_name="Chen Wei",
        department=DepartmentFactory(name="Research"),
    )


@pytest.fixture
def eve(db):
    return UserFactory(username="eve", email="eve@example.org", full_name="Eve Martin", groups=[EDITORS])


@pytest.fixture
def rita(db):
    return UserFactory(username="rita", email="rita@example.org", full_name="Rita Okafor", groups=[REVIEWERS])


@pytest.fixture
def hana(db):
    """An HR admin (HR admins group): staff records, assignments, API clients, every report."""
    return UserFactory(
        username="hana",
        email="hana@example.org",
        full_name="Hana Sato",
        employee_id="HR0001",
        groups=[HR_ADMINS],
    )


@pytest.fixture
def tom(db):
    return UserFactory(username="tom", email="tom@example.org", full_name="Tom Reyes")


@pytest.fixture
def superuser(db):
    return UserFactory(
        username="root-admin", email="root-admin@example.org", is_staff=True, is_superuser=True
    )


def _client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def amira_client(amira):
    return _client_for(amira)


@pytest.fixture
def bruno_client(bruno):
    return _client_for(bruno)


@pytest.fixture
def chen_client(chen):
    return _client_for(chen)


@pytest.fixture
def eve_client(eve):
    return _client_for(eve)


@pytest.fixture
def hana_client(hana):
    return _client_for(hana)


@pytest.fixture
def superuser_client(superuser):
    return _client_for(superuser)


def pytest_addoption(parser):
    # tests/elearning/test_permission_matrix.py: print what each role gets, to review new rows.
    parser.addoption("--matrix-record", action="store_true", default=False)


# --- The read replica (tests/replica.py) ----------------------------------------------------


@pytest.fixture
def replica(settings):
    """The replica router installed; the queries of "default" and "replica" recorded
    (a ``Queries``). For tests marked ``tests.replica.uses_replica``."""
    settings.DATABASE_ROUTERS = [ROUTER]
    queries = Queries()
    with (
        connections["default"].execute_wrapper(queries.recorder("default")),
        connections[REPLICA].execute_wrapper(queries.recorder(REPLICA)),
    ):
        yield queries
