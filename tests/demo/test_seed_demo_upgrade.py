"""``manage.py seed_demo`` on a database an earlier demo loaded, before the Spanish and French
INF-101 modules had their own quizzes: the next run puts the translated quizzes on them,
once, without duplicating questions, and the first module stays behind its later English
revision (demo/updates.py)."""

from wagtail.models import Revision

import pytest

from courses.models import CoursePage, ModulePage, TranslationBase
from demo.influencers_es_quizzes import QUIZZES as SPANISH
from demo.influencers_fr_quizzes import QUIZZES as FRENCH
from demo.influencers_quizzes import QUIZZES as ENGLISH
from demo.management.commands import seed_demo
from tests.demo.test_seed_demo import _seed

pytestmark = [pytest.mark.seed, pytest.mark.django_db]

TRANSLATED = {"es": SPANISH, "fr": FRENCH}


def _prompts(language):
    course = CoursePage.objects.get(course_code="INF-101", locale__language_code=language)
    return {
        module.slug: list(module.quiz_questions.values_list("prompt", flat=True))
        for module in ModulePage.objects.child_of(course)
    }


def _bases():
    return dict(
        TranslationBase.objects.filter(page__locale__language_code__in=["es", "fr"]).values_list(
            "page_id", "source_revision_id"
        )
    )


def _lagging():
    return sorted(
        (base.page.locale.language_code, base.page.slug)
        for base in TranslationBase.objects.lagging().select_related("page", "page__locale")
    )


def test_an_earlier_demo_database_gets_the_translated_quizzes_once_and_keeps_its_lag(monkeypatch):
    earlier = tuple(
        (translation, {} if translation["language_code"] in TRANSLATED else quizzes)
        for translation, quizzes in seed_demo.TRANSLATIONS
    )
    with monkeypatch.context() as patch:
        patch.setattr(seed_demo, "TRANSLATIONS", earlier)
        _seed()
    english = {slug: [q["prompt"] for q in ENGLISH[slug]["questions"]] for slug in SPANISH}
    assert _prompts("es") == english  # the copy of the English quiz
    lagging, bases = _lagging(), _bases()
    assert lagging == [("es", "why-influencers"), ("fr", "why-influencers")]

    output = _seed()

    for language, quizzes in TRANSLATED.items():
        assert _prompts(language) == {
            slug: [q["prompt"] for q in quiz["questions"]] for slug, quiz in quizzes.items()
        }
        assert f"module INF-101/why-influencers ({language}): added its quiz" in output
    assert _lagging() == lagging
    assert _bases() == bases

    revisions = Revision.objects.count()
    output = _seed()
    assert "added its quiz" not in output
    assert Revision.objects.count() == revisions
