"""An editor marks a module's publish as a material change (courses.versions): the
module's editor has the mark and the summary, the summary is required with it, the
publish writes the next version and the mark is cleared for the next publish."""

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from courses.models import ModulePage, ModuleVersion
from tests.adminforms import field_names
from tests.factories import make_module, make_translation, publish


@pytest.fixture
def live_module(course):
    return make_module(course, title="Consent", publish_revision=True)


def edit_data(module, *, publish_it=True, **fields):
    data = {
        "title": module.title,
        "slug": module.slug,
        "estimated_minutes": "10",
        "required_for_completion": "on",
        "body": streamfield([("paragraph", rich_text("<p>Consent is recorded in writing.</p>"))]),
        "material_change_summary": "",
        "quiz_pass_mark": "80",
        "quiz_attempt_limit": "",
        "quiz_draw_count": "",
        "quiz_time_limit_minutes": "",
        "quiz_feedback_policy": "after_each",
        "quiz_questions-TOTAL_FORMS": "0",
        "quiz_questions-INITIAL_FORMS": "0",
        "quiz_questions-MIN_NUM_FORMS": "0",
        "quiz_questions-MAX_NUM_FORMS": "1000",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        **fields,
    }
    if publish_it:
        data["action-publish"] = "action-publish"
    return nested_form_data(data)


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def versions(module):
    return list(
        ModuleVersion.objects.filter(module_key=module.translation_key).values_list("number", "summary")
    )


def test_the_editor_offers_the_mark_and_the_summary(superuser_client, live_module):
    response = superuser_client.get(edit_url(live_module))
    assert {"material_change", "material_change_summary"} <= field_names(response, edit_url(live_module))
    assert "This change is material" in response.content.decode()


def test_a_module_published_for_the_first_time_is_version_1(live_module):
    assert versions(live_module) == [(1, "")]
    first = ModuleVersion.objects.get(module_key=live_module.translation_key)
    assert first.revision_id == live_module.live_revision_id


def test_a_material_change_publishes_the_next_version(superuser, superuser_client, live_module):
    response = superuser_client.post(
        edit_url(live_module),
        edit_data(live_module, material_change="on", material_change_summary="Consent is now in writing."),
    )
    assert response.status_code == 302
    assert versions(live_module) == [(1, ""), (2, "Consent is now in writing.")]
    version = ModuleVersion.objects.get(module_key=live_module.translation_key, number=2)
    fresh = ModulePage.objects.get(pk=live_module.pk)
    assert version.revision_id == fresh.live_revision_id and version.published_by == superuser
    assert version.course_code == live_module.get_parent().specific.course_code
    # The mark was for that publish: the editor shows it cleared, the next publish is minor.
    assert not fresh.material_change and fresh.material_change_summary == ""
    response = superuser_client.get(edit_url(live_module))
    assert 'name="material_change" checked' not in response.content.decode()
    superuser_client.post(edit_url(live_module), edit_data(live_module))
    assert len(versions(live_module)) == 2


def test_a_change_not_marked_keeps_the_version(superuser_client, live_module):
    superuser_client.post(edit_url(live_module), edit_data(live_module, title="Consent (typo fixed)"))
    assert ModulePage.objects.get(pk=live_module.pk).title == "Consent (typo fixed)"
    assert versions(live_module) == [(1, "")]


def test_the_mark_needs_a_summary(superuser_client, live_module):
    response = superuser_client.post(edit_url(live_module), edit_data(live_module, material_change="on"))
    assert response.status_code == 200
    assert "Say what changed" in response.content.decode()
    assert versions(live_module) == [(1, "")]


def test_saving_a_draft_with_the_mark_changes_no_version(superuser_client, live_module):
    superuser_client.post(
        edit_url(live_module),
        edit_data(live_module, publish_it=False, material_change="on", material_change_summary="Draft."),
    )
    assert versions(live_module) == [(1, "")]
    draft = ModulePage.objects.get(pk=live_module.pk).get_latest_revision_as_object()
    assert draft.material_change and draft.material_change_summary == "Draft."
    # Published later (for instance by a reviewer), the draft's mark counts.
    publish(draft)
    assert versions(live_module) == [(1, ""), (2, "Draft.")]


def test_a_translation_cannot_be_marked(superuser_client, live_module):
    spanish = make_translation(live_module, "es")
    response = superuser_client.post(
        edit_url(spanish),
        edit_data(spanish, material_change="on", material_change_summary="Consentimiento por escrito."),
    )
    assert response.status_code == 200
    assert "Mark a material change on the module in the source language" in response.content.decode()
    # Publishing a translation never moves the version the module and its translations share.
    assert versions(live_module) == [(1, "")]


def test_a_translation_does_not_copy_the_mark(live_module):
    live_module.material_change, live_module.material_change_summary = True, "Pending."
    live_module.save_revision()
    spanish = make_translation(ModulePage.objects.get(pk=live_module.pk), "es")
    assert not spanish.material_change and spanish.material_change_summary == ""


def test_a_new_module_cannot_be_marked(course):
    draft = make_module(course, live=False)
    draft.material_change, draft.material_change_summary = True, "New."
    with pytest.raises(Exception) as error:
        draft.full_clean()
    assert "not yet published" in str(error.value)
