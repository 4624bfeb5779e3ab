"""Icons are inline SVG (courses/icons.py), not symbol or emoji characters that render as
empty boxes on a device without such a font; every icon is hidden from screen readers, the
words beside it say what it means."""

import re

from django.urls import reverse

from records.services import progress
from tests.factories import add_quiz, every_block_body, make_document, make_image, make_module, take_quiz
from tests.htmlutils import elements, main_html

# Arrows, shapes, dingbats, emoji and their variation selector: the characters the learner
# site used for icons (✓ ✗ ◐ ○ ★ ✦ ✎ ⚠ ⬇ ▶ ← → 🔒).
SYMBOLS = re.compile("[\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff\ufe0f\U0001f000-\U0001faff]")


def _check(html):
    main = main_html(html)
    assert SYMBOLS.findall(main) == []
    icons = elements(main, "svg")
    assert icons
    for icon in icons:
        assert icon["aria-hidden"] == "true" and icon["focusable"] == "false"
        assert not icon.has_attr("style")
    return icons


def test_learner_pages_draw_icons_as_svg(amira, amira_client, course):
    module = make_module(
        course, body=every_block_body(make_image("Activists filming"), make_document("Briefing"))
    )
    quiz_module = add_quiz(make_module(course))
    progress.enrol(amira, course)
    amira_client.get(module.url)
    amira_client.post(reverse("quizzes:mark_complete", args=[module.pk]))
    attempt = take_quiz(amira, quiz_module, course)  # passed: the course is complete

    for url in (
        module.url,
        quiz_module.url,
        course.url,
        reverse("dashboard"),
        reverse("quizzes:result", args=[attempt.pk]),
        reverse("quizzes:course_complete", args=[course.pk]),
    ):
        response = amira_client.get(url)
        assert response.status_code == 200, url
        _check(response)
