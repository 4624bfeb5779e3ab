"""Saving an answer to a module's reflection prompt: private to its author, cleaned when
shown, refused when empty, and only through a CSRF-protected POST."""

from django.test import Client
from django.urls import reverse

import pytest

from records.models import ReflectionAnswer
from tests.conftest import REFLECTION_ID
from tests.factories import make_module, reflection
from tests.htmlutils import elements, text_of

XSS_ANSWER = "I would ask <script>alert(1)</script> them first.\n\n<img src=x onerror=alert(1)> Then listen."


def save_url(module, block_id=REFLECTION_ID):
    return reverse("quizzes:save_reflection", args=[module.pk, block_id])


def test_saving_a_reflection_stores_it_for_that_user_only(amira_client, amira, chen, module):
    response = amira_client.post(save_url(module), {"answer": "The creator's own voice."})

    assert response.status_code == 302
    assert response["Location"] == f"{module.url}#reflection-{REFLECTION_ID}"
    answer = ReflectionAnswer.objects.get()
    assert answer.user == amira
    assert answer.module.pk == module.pk
    assert answer.block_id == REFLECTION_ID
    assert answer.answer == "The creator's own voice."
    assert answer.prompt == "Think of a campaign you worked on. Whose voice told the story?"
    assert answer.module_title == module.title
    assert not ReflectionAnswer.objects.filter(user=chen).exists()


def test_saved_reflection_is_shown_to_its_author_on_the_module(amira_client, module):
    amira_client.post(save_url(module), {"answer": "The creator's own voice."})
    response = amira_client.get(module.url)
    assert response.status_code == 200
    assert "The creator&#x27;s own voice." in response.content.decode()


def test_saving_again_replaces_the_answer(amira_client, module):
    amira_client.post(save_url(module), {"answer": "First thoughts."})
    amira_client.post(save_url(module), {"answer": "Second thoughts."})
    assert list(ReflectionAnswer.objects.values_list("answer", flat=True)) == ["Second thoughts."]


def test_answer_is_stored_as_typed(amira_client, module):
    amira_client.post(save_url(module), {"answer": XSS_ANSWER})
    assert ReflectionAnswer.objects.get().answer == XSS_ANSWER


def test_script_and_event_handlers_in_an_answer_are_not_rendered(amira_client, module):
    amira_client.post(save_url(module), {"answer": XSS_ANSWER})
    html = amira_client.get(module.url).content.decode()

    saved = elements(html, "div", class_="reflection__answer")
    assert saved, "the saved answer is shown"
    rendered = saved[0].decode_contents()
    assert "<script" not in rendered
    assert "onerror" not in rendered
    assert "<img" not in rendered
    assert "them first." in rendered and "Then listen." in rendered
    # Nowhere on the page does the answer become markup: no script runs alert(1), no
    # element carries an event handler, no image points at "x".
    for element in elements(html):
        assert not any(name.startswith("on") for name in element.attrs), element
        assert not (element.name == "img" and element.get("src") == "x")
        if element.name == "script":
            assert "alert(" not in text_of(element)
    assert "<script>alert(1)" not in html


def test_another_user_does_not_see_the_answer(amira_client, chen_client, module):
    amira_client.post(save_url(module), {"answer": "Only for my eyes: the zebra plan."})
    html = chen_client.get(module.url).content.decode()
    assert "zebra plan" not in html


def test_answers_to_different_prompts_are_kept_apart(amira_client, course):
    module = make_module(
        course,
        body=[
            reflection("First question?", block_id="first"),
            reflection("Second question?", block_id="second"),
        ],
    )
    amira_client.post(save_url(module, "first"), {"answer": "Answer one."})
    amira_client.post(save_url(module, "second"), {"answer": "Answer two."})
    assert dict(ReflectionAnswer.objects.values_list("block_id", "answer")) == {
        "first": "Answer one.",
        "second": "Answer two.",
    }


@pytest.mark.parametrize("answer", ["", "   \n  "])
def test_empty_answer_is_refused_next_to_the_field_and_nothing_saved(amira_client, module, answer):
    response = amira_client.post(save_url(module), {"answer": answer})

    assert response.status_code == 400
    assert not ReflectionAnswer.objects.exists()
    html = response.content.decode()
    textarea_id = f"id_answer_{REFLECTION_ID}"
    textarea = elements(html, "textarea", id=textarea_id)
    assert textarea, "the field is shown again"
    assert textarea[0].get("aria-invalid") == "true"
    [form] = elements(html, "form", action=save_url(module))
    assert "Write an answer before saving." in text_of(form)
    described_by = textarea[0].get("aria-describedby", "").split()
    error_ids = [
        e["id"] for e in elements(html) if "Write an answer before saving." in text_of(e) and e.get("id")
    ]
    assert set(described_by) & set(error_ids), "the error is linked to the field"


def test_too_long_answer_is_refused_and_kept(amira_client, module):
    response = amira_client.post(save_url(module), {"answer": "word " * 1001})
    assert response.status_code == 400
    assert not ReflectionAnswer.objects.exists()
    assert "word word word" in response.content.decode()


def test_unknown_block_id_is_not_found(amira_client, module):
    response = amira_client.post(save_url(module, "no-such-block"), {"answer": "Hello"})
    assert response.status_code == 404
    assert not ReflectionAnswer.objects.exists()


def test_block_id_of_a_non_reflection_block_is_not_found(amira_client, course):
    module = make_module(course, body=[{"type": "paragraph", "value": "<p>Hi</p>", "id": "para-1"}])
    response = amira_client.post(save_url(module, "para-1"), {"answer": "Hello"})
    assert response.status_code == 404


def test_unknown_module_is_not_found(amira_client, module):
    response = amira_client.post(
        reverse("quizzes:save_reflection", args=[999999, REFLECTION_ID]), {"answer": "x"}
    )
    assert response.status_code == 404


def test_draft_module_is_not_found(amira_client, course):
    draft = make_module(course, live=False, body=[reflection("Draft question?", block_id="draft-q")])
    response = amira_client.post(save_url(draft, "draft-q"), {"answer": "Hello"})
    assert response.status_code == 404
    assert not ReflectionAnswer.objects.exists()


def test_get_on_the_save_url_is_not_allowed(amira_client, module):
    response = amira_client.get(save_url(module))
    assert response.status_code == 405
    assert not ReflectionAnswer.objects.exists()


def test_anonymous_post_is_sent_to_login(client, module):
    response = client.post(save_url(module), {"answer": "Hello"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert not ReflectionAnswer.objects.exists()


def test_post_without_csrf_token_is_forbidden(amira, module):
    client = Client(enforce_csrf_checks=True)
    client.force_login(amira)
    response = client.post(save_url(module), {"answer": "Hello"})
    assert response.status_code == 403
    assert not ReflectionAnswer.objects.exists()


def test_post_with_the_pages_csrf_token_is_accepted(amira, module):
    client = Client(enforce_csrf_checks=True)
    client.force_login(amira)
    html = client.get(module.url).content.decode()
    [form] = elements(html, "form", action=save_url(module))
    token = elements(form, "input", name="csrfmiddlewaretoken")[0]["value"]
    response = client.post(save_url(module), {"answer": "Hello", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert ReflectionAnswer.objects.filter(user=amira).count() == 1
