"""Translation lag: whether a translation's source was published since the translation was
brought up to date, which blocks changed, since when; the editor's banner and the
learner's notice (courses/models/translations.py, courses/translation_changes.py)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from courses.models import ModulePage, TranslationBase
from courses.models.translations import lagging_base
from tests.factories import add_question, heading, make_course, make_module, make_translation, paragraph
from tests.htmlutils import soup


@pytest.fixture
def source(catalogue):
    course = make_course(catalogue, title="Working with influencers", slug="inf", publish_revision=True)
    return make_module(
        course,
        title="Why influencers",
        slug="why-influencers",
        publish_revision=True,
        body=[
            {**heading("People tire of the official voice"), "id": "h1"},
            {**paragraph("<p>Audiences follow people.</p>"), "id": "p1"},
            {**paragraph("<p>Influencers bring trust.</p>"), "id": "p2"},
        ],
    )


@pytest.fixture
def spanish(source):
    make_translation(source.get_parent().specific, "es")
    return make_translation(source, "es")


def republish(page, **changes):
    page = ModulePage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return ModulePage.objects.get(pk=page.pk)


def edit_body(page, block_id, html):
    body = [
        {"type": b.block_type, "value": b.block.get_prep_value(b.value), "id": b.id}
        for b in ModulePage.objects.get(pk=page.pk).body
    ]
    for block in body:
        if block["id"] == block_id:
            block["value"] = html
    return republish(page, body=body)


def test_a_new_translation_is_not_lagging(source, spanish):
    base = TranslationBase.objects.get(page=spanish)
    assert base.source_page_id == source.pk
    assert base.source_revision_id == ModulePage.objects.get(pk=source.pk).live_revision_id
    assert lagging_base(spanish) is None
    assert not TranslationBase.objects.lagging().exists()


def test_a_source_body_change_makes_the_translation_lag_with_the_changed_block(source, spanish):
    edit_body(source, "p2", "<p>Influencers bring trust and reach.</p>")
    lag = lagging_base(spanish)
    assert lag is not None
    assert lag.changes.material
    assert [(c.kind, c.position, c.block_type) for c in lag.changes.blocks] == [("changed", 3, "paragraph")]
    assert "trust and reach" in lag.changes.blocks[0].excerpt
    assert lag.since is not None


def test_added_and_removed_blocks_are_named(source, spanish):
    body = [
        {
            "type": "heading",
            "value": {"text": "People tire of the official voice", "level": "h2"},
            "id": "h1",
        },
        {"type": "paragraph", "value": "<p>A new opening.</p>", "id": "new"},
        {"type": "paragraph", "value": "<p>Audiences follow people.</p>", "id": "p1"},
    ]
    republish(source, body=body)
    kinds = {(c.kind, c.block_type, c.position) for c in lagging_base(spanish).changes.blocks}
    assert kinds == {("added", "paragraph", 2), ("removed", "paragraph", 3)}


def test_only_a_title_change_lags_but_is_not_material(source, spanish):
    republish(source, title="Why work with influencers?")
    lag = lagging_base(spanish)
    assert lag is not None
    assert not lag.changes.material
    assert lag.changes.blocks == []
    assert lag.changes.fields == ["title"]


def test_a_quiz_change_is_material(source, spanish):
    add_question(source, "Who do audiences follow?", [("People", True), ("Logos", False)])
    republish(source)
    changes = lagging_base(spanish).changes
    assert changes.quiz_changed and changes.material and changes.blocks == []


def test_publishing_the_translation_brings_it_up_to_date(source, spanish):
    edit_body(source, "p1", "<p>Audiences follow people they trust.</p>")
    assert lagging_base(spanish) is not None
    republish(spanish, body=spanish.body)
    assert lagging_base(spanish) is None


def test_a_draft_of_the_source_does_not_make_a_translation_lag(source, spanish):
    page = ModulePage.objects.get(pk=source.pk)
    page.title = "A draft title"
    page.save_revision()
    assert lagging_base(spanish) is None


# --- The editor's banner -----------------------------------------------------------------


def test_the_editor_sees_a_banner_on_a_lagging_translation(eve_client, source, spanish):
    edit_body(source, "p2", "<p>Influencers bring trust and reach.</p>")
    response = eve_client.get(reverse("wagtailadmin_pages:edit", args=[spanish.pk]))
    assert response.status_code == 200
    (banner,) = soup(response).select(".translation-lag")
    text = banner.get_text(" ", strip=True)
    assert "Why influencers" in text
    assert "Text 3: changed" in text
    compare = banner.find("a", string="Compare the source's revisions")
    base = TranslationBase.objects.get(page=spanish)
    assert compare["href"] == reverse(
        "wagtailadmin_pages:revisions_compare", args=[source.pk, base.source_revision_id, "live"]
    )


def test_no_banner_on_an_up_to_date_translation_or_on_the_source(eve_client, source, spanish):
    for page in (spanish, source):
        response = eve_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200
        assert not soup(response).select(".translation-lag")


# --- The learner's notice ------------------------------------------------------------------


def _notice(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return soup(response).select(".translation-notice")


def test_the_learner_is_told_when_the_source_changed_materially(amira_client, source, spanish):
    assert not _notice(amira_client, spanish)
    edit_body(source, "p1", "<p>Audiences follow people they trust.</p>")
    (notice,) = _notice(amira_client, spanish)
    assert notice.find("a")["href"] == ModulePage.objects.get(pk=source.pk).url
    assert notice.find("a")["hreflang"] == "en"
    # In the page's language: the Spanish reader is told in Spanish.
    assert "El original de esta página se actualizó el" in notice.get_text()


def test_the_learner_is_not_told_about_a_title_change(amira_client, source, spanish):
    republish(source, title="Why work with influencers?")
    assert not _notice(amira_client, spanish)


def test_the_source_page_has_no_notice(amira_client, source, spanish):
    edit_body(source, "p1", "<p>Audiences follow people they trust.</p>")
    assert not _notice(amira_client, source)


def test_a_translated_course_page_is_told_when_its_summary_changed(amira_client, source, spanish):
    course = source.get_parent().specific
    spanish_course = spanish.get_parent().specific
    assert not _notice(amira_client, spanish_course)
    course.summary = "A new summary of the course."
    course.save_revision().publish()
    assert _notice(amira_client, spanish_course)


def test_the_notice_costs_no_query_once_kept(amira_client, source, spanish, django_assert_max_num_queries):
    edit_body(source, "p1", "<p>Audiences follow people they trust.</p>")
    english = ModulePage.objects.get(pk=source.pk)
    amira_client.get(english.url)
    amira_client.get(spanish.url)
    # A translated page costs what its source costs: the notice is kept on the tree version.
    with CaptureQueriesContext(connection) as english_queries:
        amira_client.get(english.url)
    with django_assert_max_num_queries(len(english_queries.captured_queries)):
        assert _notice(amira_client, spanish)


def test_the_migration_bases_existing_translations_on_the_source_live_when_they_were_published(
    source, spanish, catalogue
):
    """Translations made before TranslationBase existed (courses/migrations/0005) get the
    source revision that was live when they were last published, from Wagtail's publish log."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("courses.migrations.0005_translation_base")
    based_on = ModulePage.objects.get(pk=source.pk).live_revision_id
    edit_body(source, "p1", "<p>Audiences follow people they trust.</p>")
    TranslationBase.objects.all().delete()

    migration.record_existing_translations(apps, None)

    base = TranslationBase.objects.get(page=spanish)
    assert base.source_revision_id == based_on
    assert lagging_base(spanish).changes.blocks[0].kind == "changed"
    course_es = spanish.get_parent()
    assert lagging_base(course_es) is None  # its source did not change since


def test_blocks_that_swap_places_are_moved_and_the_others_unchanged():
    from courses.translation_changes import BlockChange, body_changes

    a, b, c = ({"type": "paragraph", "value": f"<p>{x}</p>", "id": x} for x in "abc")
    assert [(change.kind, change.position) for change in body_changes([a, b, c], [b, a, c])] == [
        ("moved", 1),
        ("moved", 2),
    ]
    assert body_changes([a, b, c], [a, c]) == [BlockChange("removed", 2, "paragraph", "b")]
