"""records.sanitise: what people type becomes safe, minimal HTML."""

from django.utils.safestring import SafeString

import pytest

from records.sanitise import answer_html, clean_html


def test_plain_text_becomes_a_paragraph():
    assert answer_html("Let them speak in their own words.") == "<p>Let them speak in their own words.</p>"


def test_blank_lines_start_new_paragraphs():
    assert answer_html("First.\n\nSecond.") == "<p>First.</p><p>Second.</p>"


def test_single_line_breaks_are_kept():
    assert answer_html("Line one\nLine two") == "<p>Line one<br>Line two</p>"


def test_windows_line_endings_are_handled():
    assert answer_html("One\r\n\r\nTwo\r\nThree") == "<p>One</p><p>Two<br>Three</p>"


def test_result_is_marked_safe():
    assert isinstance(answer_html("Hi"), SafeString)


@pytest.mark.parametrize("empty", ["", None, "   ", "\n\n"])
def test_empty_text_gives_empty_html(empty):
    assert answer_html(empty) == ""


def test_script_tags_are_removed():
    html = answer_html("Before <script>alert(1)</script> after")
    assert "<script" not in html
    assert "</script" not in html
    assert html.startswith("<p>Before") and html.endswith("after</p>")


def test_image_with_event_handler_is_removed():
    html = answer_html("<img src=x onerror=alert(1)>Look")
    assert "<img" not in html
    assert "onerror" not in html
    assert html == "<p>Look</p>"


@pytest.mark.parametrize(
    "attack",
    [
        '<a href="javascript:alert(1)">click</a>',
        "<svg onload=alert(1)>",
        '<iframe src="https://evil.example"></iframe>',
        "<style>body{display:none}</style>",
        '<p style="background:url(javascript:alert(1))">x</p>',
        '<strong onclick="alert(1)">bold</strong>',
        "<<script>script>alert(1)<</script>/script>",
        '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
        "<!--<img src=x onerror=alert(1)>-->",
    ],
)
def test_no_active_content_survives(attack):
    html = answer_html(attack).lower()
    for needle in (
        "<script",
        "<a ",
        "<svg",
        "<iframe",
        "<style",
        "<img",
        "<math",
        "javascript:",
        "onclick=",
        "onload=",
        "onerror=",
        "style=",
    ):
        assert needle not in html, (attack, html)


def test_allowed_formatting_is_kept_without_attributes():
    html = answer_html('<strong class="x" onclick="alert(1)">bold</strong> and <em>italic</em>')
    assert html == "<p><strong>bold</strong> and <em>italic</em></p>"


def test_lists_are_kept():
    assert "<ul><li>one</li><li>two</li></ul>" in answer_html("<ul><li>one</li><li>two</li></ul>")


def test_text_that_looks_like_markup_is_escaped_not_interpreted():
    assert answer_html("1 < 2 & 3 > 2") == "<p>1 &lt; 2 &amp; 3 &gt; 2</p>"


def test_escaped_markup_stays_escaped():
    html = answer_html("&lt;script&gt;alert(1)&lt;/script&gt;")
    assert "<script" not in html
    assert "&lt;script&gt;" in html


def test_unclosed_tags_are_balanced():
    html = answer_html("<em>unclosed\n\nnext paragraph")
    assert html.count("<em>") == html.count("</em>")
    assert html.count("<p>") == html.count("</p>") == 2


def test_clean_html_strips_tags_outside_the_allowlist():
    assert clean_html('<div><b>bold</b><span title="t">plain</span></div>') == "<b>bold</b>plain"
