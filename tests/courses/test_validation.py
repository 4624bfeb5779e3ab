"""What editors are stopped from saving: missing alt text, bad course codes,
circular prerequisites and video links the player cannot load privately."""

from django.core.exceptions import ValidationError

from wagtail.blocks.struct_block import StructBlockValidationError

import pytest

from courses.blocks import ImageBlock, VideoBlock, video_embed_url
from courses.models import CoursePage, CoursePrerequisite
from tests.factories import make_course, make_image, make_translation

# --- Alt text ------------------------------------------------------------------------------


def _image_value(block, image, alt_text):
    return block.to_python({"image": image.pk, "alt_text": alt_text, "caption": "", "credit": ""})


@pytest.mark.parametrize("alt_text", ["", "   "])
def test_image_block_without_alt_text_is_refused(db, alt_text):
    block = ImageBlock()
    value = _image_value(block, make_image(), alt_text)
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "alt_text" in error.value.block_errors


def test_image_block_with_alt_text_is_accepted(db):
    block = ImageBlock()
    value = block.clean(_image_value(block, make_image(), "A march in the rain"))
    assert value["alt_text"] == "A march in the rain"


def test_course_cover_image_without_alt_text_is_refused(catalogue):
    course = make_course(catalogue)
    course.cover_image = make_image("Cover")
    course.cover_image_alt = ""
    with pytest.raises(ValidationError) as error:
        course.full_clean()
    assert "cover_image_alt" in error.value.message_dict


def test_course_cover_image_with_blank_alt_text_is_refused(catalogue):
    course = make_course(catalogue)
    course.cover_image = make_image("Cover")
    course.cover_image_alt = "   "
    with pytest.raises(ValidationError) as error:
        course.clean()
    assert "cover_image_alt" in error.value.message_dict


def test_course_cover_image_with_alt_text_is_accepted(catalogue):
    course = make_course(catalogue)
    course.cover_image = make_image("Cover")
    course.cover_image_alt = "A creator recording a video on a phone"
    course.full_clean()


def test_course_without_cover_image_needs_no_alt_text(catalogue):
    course = make_course(catalogue)
    course.full_clean()


# --- Course code ---------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["INF-101", "HR2", "STORY-2025-A", "A" * 32])
def test_course_code_in_the_expected_format_is_accepted(catalogue, code):
    course = make_course(catalogue, course_code="OK-001")
    course.course_code = code
    course.full_clean()


@pytest.mark.parametrize("code", ["inf-101", "I", "-INF", "INF 101", "INF_101", "A" * 33, "ÉTÉ-1"])
def test_course_code_in_another_format_is_refused(catalogue, code):
    course = make_course(catalogue, course_code="OK-002")
    course.course_code = code
    with pytest.raises(ValidationError) as error:
        course.full_clean()
    assert "course_code" in error.value.message_dict


def test_another_course_with_the_same_code_is_refused(catalogue):
    make_course(catalogue, title="Working with influencers", course_code="INF-101")
    other = make_course(catalogue, title="Storytelling", course_code="STO-101")
    other.course_code = "INF-101"
    with pytest.raises(ValidationError) as error:
        other.full_clean()
    assert "course_code" in error.value.message_dict


def test_adding_a_new_course_with_a_taken_code_is_refused(catalogue):
    make_course(catalogue, course_code="INF-101")
    with pytest.raises(ValidationError):
        make_course(catalogue, course_code="INF-101")
    assert CoursePage.objects.filter(course_code="INF-101").count() == 1


def test_translation_shares_the_course_code(course):
    spanish = make_translation(course, "es")
    assert spanish.course_code == course.course_code == "INF-101"
    assert spanish.translation_key == course.translation_key
    spanish.full_clean()
    course.full_clean()


def test_course_keeps_its_own_code_when_saved_again(course):
    course.summary = "A new summary."
    course.full_clean()
    course.save()


# --- Prerequisites -------------------------------------------------------------------------


def test_course_cannot_be_its_own_prerequisite(course):
    link = CoursePrerequisite(course=course, prerequisite=course)
    with pytest.raises(ValidationError) as error:
        link.full_clean()
    assert "prerequisite" in error.value.message_dict


def test_another_course_can_be_a_prerequisite(catalogue, course):
    basics = make_course(catalogue, title="Social media basics", course_code="SOC-100")
    CoursePrerequisite(course=course, prerequisite=basics).full_clean()


# --- Video ---------------------------------------------------------------------------------


def _video(url):
    return {"title": "A talk", "url": url, "duration": "", "transcript": "<p>Words.</p>"}


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/video.mp4",
        "https://www.dailymotion.com/video/x7tgad0",
        "https://www.youtube.com/watch",
        "https://www.youtube.com/channel/UCabc123",
        "https://vimeo.com/channels/staffpicks",
    ],
)
def test_video_that_is_not_youtube_or_vimeo_is_refused(url):
    block = VideoBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(_video(url)))
    assert "url" in error.value.block_errors


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        "https://youtu.be/aqz-KE-bpKQ",
        "https://vimeo.com/76979871",
    ],
)
def test_youtube_and_vimeo_videos_are_accepted(url):
    block = VideoBlock()
    assert block.clean(block.to_python(_video(url)))["url"] == url


def test_video_without_transcript_is_refused():
    block = VideoBlock()
    value = block.to_python({**_video("https://youtu.be/aqz-KE-bpKQ"), "transcript": ""})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "transcript" in error.value.block_errors


YOUTUBE_EMBED = "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"
VIMEO_EMBED = "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.youtube.com/watch?v=aqz-KE-bpKQ", YOUTUBE_EMBED),
        ("https://youtube.com/watch?v=aqz-KE-bpKQ&t=30s", YOUTUBE_EMBED),
        ("https://m.youtube.com/watch?feature=share&v=aqz-KE-bpKQ", YOUTUBE_EMBED),
        ("https://WWW.YOUTUBE.COM/watch?v=aqz-KE-bpKQ", YOUTUBE_EMBED),
        ("https://youtu.be/aqz-KE-bpKQ", YOUTUBE_EMBED),
        ("https://youtu.be/aqz-KE-bpKQ?t=42", YOUTUBE_EMBED),
        ("https://www.youtube.com/embed/aqz-KE-bpKQ", YOUTUBE_EMBED),
        ("https://www.youtube.com/shorts/aqz-KE-bpKQ", YOUTUBE_EMBED),
        ("https://www.youtube.com/live/aqz-KE-bpKQ?si=abc", YOUTUBE_EMBED),
        ("https://vimeo.com/76979871", VIMEO_EMBED),
        ("https://vimeo.com/76979871/", VIMEO_EMBED),
        ("https://player.vimeo.com/video/76979871", VIMEO_EMBED),
        ("https://vimeo.com/channels/staffpicks/76979871", VIMEO_EMBED),
    ],
)
def test_video_embed_url_gives_the_privacy_friendly_player(url, expected):
    assert video_embed_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "not a url",
        "https://example.com/watch?v=aqz-KE-bpKQ",
        "https://youtube.com.evil.example/watch?v=aqz-KE-bpKQ",
        "https://www.youtube.com/watch?v=%22%3E%3Cscript%3E",
        "https://www.youtube.com/watch?v=",
        "https://youtu.be/",
        "https://vimeo.com/staffpicks",
        "javascript:alert(1)//youtube.com",
    ],
)
def test_video_embed_url_is_none_for_anything_else(url):
    assert video_embed_url(url) is None
