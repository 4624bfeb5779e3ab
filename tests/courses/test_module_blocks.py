"""A module using every block type renders for a learner, with each block's key content."""

from django.urls import reverse

import pytest

from courses.blocks import ModuleBodyBlock
from tests.factories import CONSENT_NOTE, VIDEO_URL, every_block_body, make_document, make_image, make_module
from tests.htmlutils import elements, main_html, text_of, texts


@pytest.fixture
def image(db):
    return make_image("Activists filming")


@pytest.fixture
def document(db):
    return make_document("Influencer briefing template")


@pytest.fixture
def rich_module(course, image, document):
    return make_module(
        course, title="Every block", slug="every-block", body=every_block_body(image, document)
    )


@pytest.fixture
def page_html(amira_client, rich_module):
    response = amira_client.get(rich_module.url)
    assert response.status_code == 200
    return response.content.decode()


def test_body_fixture_uses_every_block_type(image, document):
    used = {block["type"] for block in every_block_body(image, document)}
    assert used == set(ModuleBodyBlock().child_blocks)


def test_module_with_every_block_renders_for_a_learner(amira_client, rich_module):
    response = amira_client.get(rich_module.url)
    assert response.status_code == 200
    assert rich_module.title in texts(response.content, "h1")


def test_heading_block_renders_at_its_level(page_html):
    assert "Why people trust influencers" in texts(page_html, "h2")
    assert "Speaking plainly" in texts(page_html, "h3")


def test_paragraph_block_keeps_its_rich_text(page_html):
    assert "<b>official institutional voice</b>" in page_html


def test_image_block_has_its_alt_text_caption_and_credit(page_html):
    images = elements(page_html, "img", alt="Two activists filming an Instagram Story")
    assert len(images) == 1, "the image is rendered once, with the editor's alt text"
    assert images[0].get("src") or images[0].get("srcset")
    figure = images[0].find_parent("figure")
    assert "Filming on a phone at a march" in text_of(figure)
    assert "Photo: press office" in text_of(figure)


def test_video_block_shows_title_transcript_and_a_plain_link(page_html):
    assert "An influencer explains why she speaks up" in page_html
    assert "I started posting about rights because my followers asked me to." in page_html
    assert VIDEO_URL in [a.get("href") for a in elements(page_html, "a")]


def test_video_block_loads_nothing_from_the_video_host_before_play(page_html):
    assert "<iframe" not in page_html.lower()
    for element in elements(page_html):
        for name in ("src", "srcset", "poster", "data-src"):
            value = (element.get(name) or "").lower()
            assert "youtube" not in value and "vimeo" not in value, (element.name, name, value)
    # The only references to the host: the link's href and the play button's data- attribute.
    for element in elements(page_html):
        for name in element.attrs:
            value = element.get_attribute_list(name)
            if any("youtube" in part or "vimeo" in part for part in value):
                assert name == "href" or name.startswith("data-"), (element.name, name, value)


def test_quote_block_shows_quote_and_speaker_but_not_the_consent_note(page_html):
    assert "When they shared our story, people in my town finally listened." in page_html
    assert "Community organiser" in page_html
    assert "Partner organisation" in page_html
    assert "CN-4471" not in page_html
    assert CONSENT_NOTE not in page_html


def test_case_study_block_shows_its_three_parts(page_html):
    assert "A partnership that reached new audiences" in page_html
    assert "A campaign needed to reach people aged 16 to 34." in page_html
    assert "Three creators made Stories in their own words." in page_html
    assert "Creative freedom made the content feel authentic." in page_html


def test_do_dont_block_lists_both_sides(page_html):
    items = texts(page_html, "li")
    assert any("Share the key facts and let them use their own voice" in item for item in items)
    assert any("Send a script to read word for word" in item for item in items)
    headings = texts(page_html, "h3")
    assert any(h.endswith("Do") for h in headings)
    assert any(h.endswith("Don't") or h.endswith("Don’t") for h in headings)


def test_checklist_and_key_takeaways_list_their_items(page_html):
    items = texts(page_html, "li")
    for expected in (
        "Consent is recorded",
        "Captions are added",
        "Sources are checked",
        "Authentic voices reach further than official statements",
    ):
        assert any(expected in item for item in items), expected
    assert "Before you publish" in page_html
    assert "Key takeaways" in page_html


def test_content_note_is_a_closed_summary_before_the_material(page_html):
    summaries = texts(page_html, "summary")
    assert any("This section quotes abusive messages sent to an activist." in s for s in summaries)
    note = next(d for d in elements(page_html, "details") if "abusive messages" in text_of(d))
    assert not note.has_attr("open")
    assert "The messages arrived within an hour of the post." in text_of(note)


def test_reflection_block_has_a_form_posting_to_the_save_url(page_html, rich_module):
    save_url = reverse("quizzes:save_reflection", args=[rich_module.pk, "b-reflection"])
    assert "Whose voice told the story in your last campaign?" in page_html
    assert "A few sentences are enough." in page_html
    forms = elements(page_html, "form", action=save_url)
    assert len(forms) == 1
    assert forms[0].get("method", "").lower() == "post"
    textareas = [t for t in elements(page_html, "textarea", name="answer") if t.find_parent("form")]
    assert textareas
    tokens = elements(page_html, "input", name="csrfmiddlewaretoken")
    assert tokens


def test_download_block_links_to_the_document(page_html, document):
    links = elements(page_html, "a", href=document.url)
    assert links
    assert "Influencer briefing template" in text_of(links[0])
    assert "A one-page template to share with creators." in page_html


def test_callout_block_shows_title_and_text(page_html):
    assert "Ask about formats" in page_html
    assert "Ask the influencer which format their audience prefers." in page_html


def test_module_page_escapes_editor_plain_text(amira_client, course):
    module = make_module(
        course,
        body=[
            {
                "type": "quote",
                "value": {
                    "quote": "<script>alert('q')</script>",
                    "speaker": "<b>X</b>",
                    "role": "",
                    "consent": True,
                    "consent_note": "",
                },
            }
        ],
    )
    html = main_html(amira_client.get(module.url))
    assert "<script>alert('q')" not in html
    assert "&lt;script&gt;" in html
