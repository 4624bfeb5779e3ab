"""``manage.py seed_demo``: real demo content and accounts, and safe to run again.

Marked ``seed`` (deselect with ``-m "not seed"``). The command runs once for this module, in
a transaction rolled back at its end; each test runs in a savepoint inside it. Tests that
need an empty database are in test_seed_demo_fresh.py."""

from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.http import HttpRequest
from django.test import Client

from wagtail.models import Page, Revision, Site

import pytest

from courses.models import CourseCatalogue, CoursePage, HomePage, ModulePage
from people.models import PartnerOrganisation, User
from people.roles import PARTNERSHIPS

pytestmark = [pytest.mark.seed, pytest.mark.django_db]

DEMO_PASSWORD = "seed-test-passphrase-2026"  # noqa: S105
# The lockout backend (django-axes) refuses authenticate() without a request, so Client.login
# is given one; force_login needs none.


def _seed(**options):
    out = StringIO()
    call_command("seed_demo", stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


def _snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "users": User.objects.count(),
        "groups": Group.objects.count(),
        "sites": Site.objects.count(),
        "latest_revisions": dict(Page.objects.values_list("pk", "latest_revision_id")),
        "live_revisions": dict(Page.objects.values_list("pk", "live_revision_id")),
        "passwords": dict(User.objects.values_list("username", "password")),
    }


@pytest.fixture(scope="module")
def _seeded_once(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        output = _seed(password=DEMO_PASSWORD)
        yield output
        transaction.set_rollback(True)


@pytest.fixture
def seeded(_seeded_once, db):
    return _seeded_once


def test_seed_creates_two_courses_with_at_least_five_live_modules_each(seeded):
    english_courses = CoursePage.objects.live().filter(locale__language_code="en")
    assert english_courses.count() >= 2
    for course in english_courses:
        assert ModulePage.objects.child_of(course).live().count() >= 5, course.title
        assert course.course_code
        course.full_clean()


def test_seed_covers_influencers_and_storytelling(seeded):
    titles = " ".join(CoursePage.objects.values_list("title", flat=True)).lower()
    assert "influencer" in titles
    assert "stor" in titles


def test_seeded_pages_are_published_with_a_revision(seeded):
    for page in Page.objects.type(HomePage, CourseCatalogue, CoursePage, ModulePage).live():
        assert page.live_revision_id is not None, page.title


def test_seed_serves_the_home_page_and_catalogue(seeded):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert CourseCatalogue.objects.child_of(site.root_page).live().exists()


@pytest.mark.parametrize(
    ("username", "group"),
    [("editor", "Editors"), ("manager", "Managers"), ("hr", "HR admins")],
)
def test_seed_creates_demo_accounts_in_their_groups(seeded, username, group):
    user = User.objects.get(username=username)
    assert user.is_active
    assert user.groups.filter(name=group).exists()


def test_seeded_staff_account_is_a_plain_learner(seeded):
    staff = User.objects.get(username="staff")
    assert not staff.is_staff and not staff.is_superuser
    assert not staff.groups.filter(name__in=["Editors", "Reviewers", "HR admins"]).exists()


def test_seeded_staff_reports_to_manager_who_has_several_reports(seeded):
    staff = User.objects.get(username="staff")
    manager = User.objects.get(username="manager")
    assert staff.manager == manager
    assert manager.reports.count() >= 3


def test_seed_creates_about_thirty_staff_with_departments(seeded):
    assert 25 <= User.objects.count() <= 80
    assert User.objects.filter(department__isnull=False).count() >= 25
    assert User.objects.exclude(employee_id=None).count() >= 25


def test_seeded_demo_accounts_sign_in_with_the_given_password(seeded):
    for username in ("staff", "editor", "manager", "hr"):
        client = Client()
        assert client.login(request=HttpRequest(), username=username, password=DEMO_PASSWORD), username


def test_seeded_staff_can_read_a_module(seeded):
    client = Client()
    client.login(request=HttpRequest(), username="staff", password=DEMO_PASSWORD)
    module = ModulePage.objects.live().filter(locale__language_code="en").first()
    assert client.get(module.url).status_code == 200
    assert client.get("/courses/").status_code == 200


def test_seed_prints_the_demo_logins(seeded):
    for username in ("staff", "editor", "manager", "hr"):
        assert username in seeded
    assert DEMO_PASSWORD in seeded


def test_second_seed_changes_nothing(seeded):
    before = _snapshot()
    _seed()
    assert _snapshot() == before


def test_second_seed_with_the_same_password_changes_no_content(seeded):
    before = _snapshot()
    _seed(password=DEMO_PASSWORD)
    after = _snapshot()
    del before["passwords"], after["passwords"]  # --password resets them, with a new salt
    assert after == before


def test_staff_completes_the_demo_influencers_course(seeded):
    """The journey of issue 3 on the demo content: enrol, read every module, fail a quiz,
    pass it on retry, pass the rest, see the completion, download and verify the certificate."""
    from quizzes.models import Attempt
    from records.models import CourseCompletion

    client = Client()
    assert (
        client.post("/accounts/login/", {"username": "staff", "password": DEMO_PASSWORD}).status_code == 302
    )
    course = CoursePage.objects.get(course_code="INF-101", locale__language_code="en")
    client.post(f"/learning/courses/{course.pk}/enrol/")
    failed_once = False
    for module in ModulePage.objects.child_of(course).live().order_by("path"):
        assert client.get(module.url).status_code == 200
        if not module.quiz_questions.exists():
            client.post(f"/learning/modules/{module.pk}/complete/")
            continue
        # The first quiz is failed once, then passed; every other quiz is passed at once.
        for wrong in [False] if failed_once else [True, False]:
            response = client.post(f"/learning/modules/{module.pk}/quiz/")
            attempt = Attempt.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))
            data = {}
            for question in attempt.questions:
                choices = [c for c in question["choices"] if c["is_correct"] != wrong]
                data[f"question-{question['id']}"] = [str(c["id"]) for c in choices[: 1 if wrong else None]]
            result = client.post(f"/learning/attempts/{attempt.pk}/submit/", data)
            assert result.status_code == 302, result.content.decode()[:500]
            attempt.refresh_from_db()
            assert attempt.passed is (not wrong)
        failed_once = True
    completion = CourseCompletion.objects.get(user__username="staff", course_code="INF-101")
    dashboard = client.get("/my-learning/").content.decode()
    assert completion.certificate_id in dashboard
    pdf = client.get(f"/certificates/{completion.certificate_id}/certificate.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    verify = Client().get(f"/certificates/{completion.certificate_id}/")
    assert verify.status_code == 200 and "Working with influencers" in verify.content.decode()


def test_seed_assigns_the_demo_courses_so_the_team_report_has_rows(seeded):
    from records.models import AssignmentRule, Enrolment

    assert AssignmentRule.objects.count() == 2
    manager = User.objects.get(username="manager")
    team = Enrolment.objects.filter(user__manager=manager, course_code="STO-101")
    assert team.count() == manager.reports.filter(is_active=True).count()
    assert Enrolment.objects.filter(
        user__username="staff", course_code="INF-101", due_date__isnull=False
    ).exists()


# The four languages: Arabic STO-101 (demo/storytelling_ar.py), Spanish and French INF-101
# (demo/influencers_es.py, demo/influencers_fr.py).
@pytest.mark.parametrize(
    ("language", "course_title", "module_titles"),
    [
        (
            "es",
            "Trabajar con influencers",
            ["¿Por qué trabajar con influencers?", "Elegir a los aliados adecuados"],
        ),
        (
            "fr",
            "Travailler avec des influenceurs",
            ["Pourquoi travailler avec des influenceurs ?", "Choisir les bons partenaires"],
        ),
    ],
)
def test_seed_translates_inf_101_into_spanish_and_french(seeded, language, course_title, module_titles):
    course = CoursePage.objects.live().get(course_code="INF-101", locale__language_code=language)
    assert course.title == course_title
    english = CoursePage.objects.get(course_code="INF-101", locale__language_code="en")
    assert course.translation_key == english.translation_key
    assert course.summary != english.summary
    modules = ModulePage.objects.child_of(course).live().order_by("path")
    assert [module.title for module in modules] == module_titles
    client = Client()
    client.login(request=HttpRequest(), username="staff", password=DEMO_PASSWORD)
    for page in (course, *modules):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert f'lang="{language}"' in response.content.decode()


def test_seed_leaves_the_first_inf_101_module_translations_behind_a_later_english_revision(seeded):
    from courses.models import TranslationBase

    lagging = TranslationBase.objects.lagging().with_revisions()
    assert sorted(base.page.locale.language_code for base in lagging) == ["es", "fr"]
    for base in lagging:
        assert base.source_page.slug == "why-influencers"
        assert base.source_page.live_revision_id > base.source_revision_id  # a real, later revision
        assert base.changes.material
        assert [(change.kind, change.block_type) for change in base.changes.blocks] == [
            ("changed", "callout")
        ]
    # The Arabic STO-101 translations are up to date.
    assert TranslationBase.objects.filter(page__locale__language_code="ar").count() == 3


def test_seed_enrols_no_superuser(seeded):
    from records.models import CourseCompletion, Enrolment

    assert User.objects.filter(username="admin", is_superuser=True).exists()
    assert not Enrolment.objects.filter(user__is_superuser=True).exists()
    assert not CourseCompletion.objects.filter(user__is_superuser=True).exists()


def test_seed_imports_hr_roster_once_through_the_real_import(seeded):
    """The HR dashboard's *Roster last imported* has an import to show on a fresh demo, and it
    is a real one: the joiner exists, the move is applied, the security log has it."""
    from people.models import RosterImport
    from people.roster_imports import last_applied
    from security.models import SecurityEvent

    latest = last_applied()
    assert latest is not None and latest.source == RosterImport.Source.COMMAND
    assert (latest.created_count, latest.changed_count, latest.deactivated_count) == (1, 1, 0)
    joiner = User.objects.get(employee_id="E1043")
    assert joiner.manager.employee_id == "E1005" and joiner.department.name == "Research"
    assert User.objects.get(employee_id="E1074").country == "Indonesia (Jakarta)"
    assert SecurityEvent.objects.filter(action="roster_imported").exists()

    _seed()
    assert RosterImport.objects.filter(status=RosterImport.Status.APPLIED).count() == 1


# The translated modules' quizzes, in their language (demo/*_ar_quizzes.py, *_es_quizzes.py,
# *_fr_quizzes.py), scoring as the English ones.
TRANSLATED_QUIZZES = [
    ("ar", "STO-101", "demo.storytelling_ar_quizzes"),
    ("es", "INF-101", "demo.influencers_es_quizzes"),
    ("fr", "INF-101", "demo.influencers_fr_quizzes"),
]


def _quiz(module):
    """A module's settings, and its questions as (kind, points, correct flags) and as words."""
    questions = list(module.quiz_questions.prefetch_related("choices"))
    settings = {name: getattr(module, name) for name in module.setting_names}
    scoring = [(q.kind, q.points, [c.is_correct for c in q.choices.all()]) for q in questions]
    words = [
        text
        for q in questions
        for text in (q.prompt, q.explanation, *(t for c in q.choices.all() for t in (c.text, c.feedback)))
    ]
    return settings, scoring, words, questions


@pytest.mark.parametrize(("language", "code", "data_module"), TRANSLATED_QUIZZES)
def test_translated_modules_have_their_quiz_in_their_language_scoring_as_the_english_one(
    seeded, language, code, data_module
):
    from importlib import import_module

    quizzes = import_module(data_module).QUIZZES
    english_course = CoursePage.objects.get(course_code=code, locale__language_code="en")
    course = CoursePage.objects.get(course_code=code, locale__language_code=language)
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    assert sorted(module.slug for module in modules) == sorted(quizzes)
    for module in modules:
        source = ModulePage.objects.child_of(english_course).get(slug=module.slug)
        settings, scoring, words, questions = _quiz(module)
        english_settings, english_scoring, english_words, english_questions = _quiz(source)
        assert questions[0].prompt == quizzes[module.slug]["questions"][0]["prompt"]
        assert questions[0].prompt != english_questions[0].prompt
        # Every word is translated; nothing else differs.
        assert not set(words) & set(english_words), module.slug
        assert len(words) == len(english_words)
        assert scoring == english_scoring
        assert settings == english_settings


def test_a_spanish_learner_takes_the_spanish_quiz_and_passes_with_the_english_correct_answers(seeded):
    from demo.influencers_es_quizzes import QUIZZES
    from quizzes.models import Attempt

    client = Client()
    client.login(request=HttpRequest(), username="staff", password=DEMO_PASSWORD)
    course = CoursePage.objects.get(course_code="INF-101", locale__language_code="es")
    module = ModulePage.objects.child_of(course).get(slug="why-influencers")
    client.post(f"/learning/courses/{course.pk}/enrol/")
    response = client.post(f"/learning/modules/{module.pk}/quiz/")
    attempt = Attempt.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))
    page = client.get(response["Location"]).content.decode()
    assert QUIZZES["why-influencers"]["questions"][1]["prompt"] in page
    spanish = {question["prompt"] for question in QUIZZES["why-influencers"]["questions"]}
    assert {question["prompt"] for question in attempt.questions} == spanish
    data = {
        f"question-{question['id']}": [str(c["id"]) for c in question["choices"] if c["is_correct"]]
        for question in attempt.questions
    }
    assert client.post(f"/learning/attempts/{attempt.pk}/submit/", data).status_code == 302
    attempt.refresh_from_db()
    assert attempt.passed


def test_seed_gives_partner_organisations_a_focal_point_and_a_partnerships_account(seeded):
    assert all(username in seeded for username in ("partner", "focal", "partnerships"))
    organisation = PartnerOrganisation.objects.get(name="Digital Rights Network")
    assert list(organisation.focal_points.values_list("username", flat=True)) == ["focal"]
    partnerships = User.objects.get(username="partnerships")
    assert partnerships.partner_organisation is None
    assert list(partnerships.groups.values_list("name", flat=True)) == [PARTNERSHIPS]
    # Each lands where their first question is answered.
    focal = Client()
    response = focal.post("/accounts/login/", {"username": "focal", "password": DEMO_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/my-learning/organisation/"
    staff = Client()
    staff.force_login(partnerships)
    assert staff.get("/admin/snippets/people/partnerorganisation/").status_code == 200
    assert staff.get("/admin/users/").status_code in (302, 403)
