"""The StreamField blocks editors build course modules from. Every block has its own
accessible template under templates/courses/blocks/, an icon, a description and a
preview value, so editors can see what they are choosing."""

import re
from urllib.parse import parse_qs, urlparse

from django.forms.utils import ErrorList
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


def _template(name):
    return f"courses/blocks/{name}.html"


class HeadingValue(blocks.StructValue):
    def anchor(self):
        return slugify(self.get("text", ""))[:60] or None


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading (H2)")), ("h3", _("Sub-heading (H3)"))],
        default="h2",
        help_text=_("Use section headings first; sub-headings only inside a section."),
    )

    class Meta:
        icon = "title"
        template = _template("heading")
        value_class = HeadingValue
        description = _("A heading that starts a new section of the module.")
        preview_value = {"text": "Why people trust influencers", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = _template("paragraph")
        description = _("Text with bold, italic, links and lists.")
        preview_value = (
            "<p>Audiences tire of an <b>official institutional voice</b>. People who already "
            "follow an influencer trust them to speak plainly.</p>"
        )


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it. Required."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=200)

    class Meta:
        icon = "image"
        template = _template("image")
        description = _("An image with required alternative text, a caption and a credit.")


_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
_VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


def video_embed_url(url):
    """The privacy-friendly player address for a YouTube or Vimeo link, or None."""
    parsed = urlparse(url or "")
    host = (parsed.hostname or "").lower()
    video_id = None
    if host in _YOUTUBE_HOSTS:
        if host == "youtu.be":
            video_id = parsed.path.strip("/")
        elif parsed.path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = parsed.path.split("/")[2]
        else:
            video_id = (parse_qs(parsed.query).get("v") or [""])[0]
        if video_id and _VIDEO_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    elif host in _VIMEO_HOSTS:
        video_id = parsed.path.rstrip("/").split("/")[-1]
        if video_id.isdigit():
            return f"https://player.vimeo.com/video/{video_id}?autoplay=1&dnt=1"
    return None


class VideoValue(blocks.StructValue):
    def embed_url(self):
        return video_embed_url(self.get("url"))


class VideoBlock(blocks.StructBlock):
    """Nothing is fetched from the video host until the person chooses to play."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    url = blocks.URLBlock(label=_("Video address"), help_text=_("A YouTube or Vimeo link."))
    duration = blocks.CharBlock(
        label=_("Duration"), required=False, max_length=20, help_text=_("For example 3:45.")
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Required: people on slow connections or using screen readers rely on it."),
    )

    class Meta:
        icon = "media"
        template = _template("video")
        value_class = VideoValue
        description = _("A YouTube or Vimeo video that loads only when played, with its transcript.")
        preview_value = {
            "title": "An influencer explains why she speaks up",
            "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "duration": "2:30",
            "transcript": "<p>I started posting about rights because my followers asked me to.</p>",
        }

    def clean(self, value):
        value = super().clean(value)
        if value.get("url") and not video_embed_url(value["url"]):
            raise StructBlockValidationError(
                block_errors={
                    "url": ErrorList(
                        [_("Use a YouTube or Vimeo video link, such as https://www.youtube.com/watch?v=…")]
                    )
                }
            )
        return value


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote or testimony"))
    speaker = blocks.CharBlock(
        label=_("Speaker"), max_length=200, help_text=_("Name, or a description if anonymised.")
    )
    role = blocks.CharBlock(label=_("Role or context"), required=False, max_length=200)
    consent = blocks.BooleanBlock(
        label=_("Informed consent recorded"),
        required=True,
        help_text=_("Confirm the person agreed to be quoted in staff training."),
    )
    consent_note = blocks.CharBlock(
        label=_("Consent note"),
        required=False,
        max_length=300,
        help_text=_("For editors: where the consent is recorded. Not shown to staff."),
    )

    class Meta:
        icon = "openquote"
        template = _template("quote")
        description = _("A quote or testimony, with the speaker and their consent noted.")
        preview_value = {
            "quote": "When they shared our story, people in my town finally listened.",
            "speaker": "Community organiser",
            "role": "Partner organisation",
            "consent": True,
        }


class CaseStudyBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    context = blocks.RichTextBlock(label=_("Context"), features=RICH_TEXT_FEATURES)
    what_happened = blocks.RichTextBlock(label=_("What happened"), features=RICH_TEXT_FEATURES)
    what_we_learned = blocks.RichTextBlock(label=_("What we learned"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        template = _template("case_study")
        description = _("A real example in three parts: context, what happened, what we learned.")
        preview_value = {
            "title": "A partnership that reached new audiences",
            "context": "<p>A campaign needed to reach people aged 16 to 34.</p>",
            "what_happened": "<p>Three creators made Stories in their own words.</p>",
            "what_we_learned": "<p>Creative freedom made the content feel authentic.</p>",
        }


class DoDontBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    dos = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Do"), min_num=1)
    donts = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Don't"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = _template("do_dont")
        description = _("Two lists side by side: what to do and what not to do.")
        preview_value = {
            "title": "Briefing an influencer",
            "dos": ["Share the key facts and let them use their own voice"],
            "donts": ["Send a script to read word for word"],
        }


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    items = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Items"), min_num=1)

    class Meta:
        icon = "tasks"
        template = _template("checklist")
        description = _("Steps or checks to go through, in order.")
        preview_value = {
            "title": "Before you publish",
            "items": ["Consent is recorded", "Captions are added", "Sources are checked"],
        }


class KeyTakeawaysBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200, default=_("Key takeaways"))
    items = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Takeaways"), min_num=1)

    class Meta:
        icon = "pick"
        template = _template("key_takeaways")
        description = _("A short summary of what to remember from the module.")
        preview_value = {
            "title": "Key takeaways",
            "items": ["Authentic voices reach further than official statements"],
        }


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        label=_("Type"),
        choices=[("info", _("Information")), ("tip", _("Tip")), ("important", _("Important"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    body = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        template = _template("callout")
        description = _("A highlighted box for a tip, extra information or something important.")
        preview_value = {
            "tone": "tip",
            "title": "Tip",
            "body": "<p>Ask the influencer which format their audience prefers.</p>",
        }


class SensitiveContentBlock(blocks.StreamBlock):
    """What may sit behind a content note: the material the note warns about."""

    paragraph = ParagraphBlock(label=_("Text"))
    image = ImageBlock(label=_("Image"))
    video = VideoBlock(label=_("Video"))
    quote = QuoteBlock(label=_("Quote or testimony"))
    case_study = CaseStudyBlock(label=_("Case study"))


class ContentNoteBlock(blocks.StructBlock):
    note = blocks.TextBlock(
        label=_("Content note"),
        help_text=_("Say plainly what the material contains, for example: descriptions of online abuse."),
    )
    content = SensitiveContentBlock(label=_("Material behind the note"))

    class Meta:
        icon = "warning"
        template = _template("content_note")
        description = _(
            "A warning shown before distressing material, which stays closed until the reader chooses to continue."
        )
        preview_value = {
            "note": "This section quotes abusive messages sent to an activist.",
            "content": [("paragraph", "<p>The messages arrived within an hour of the post.</p>")],
        }


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Question to reflect on"))
    guidance = blocks.TextBlock(
        label=_("Guidance"), required=False, help_text=_("Optional hints on how to answer.")
    )

    class Meta:
        icon = "edit"
        template = _template("reflection")
        description = _("A question staff answer in their own words; their answer is saved for them only.")
        preview_value = {
            "prompt": "Think of a campaign you worked on. Whose voice told the story?",
            "guidance": "A few sentences are enough.",
        }


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=200, help_text=_("Defaults to the document's title.")
    )
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "download"
        template = _template("download")
        description = _("A document staff can download, with its type and size shown.")


class ModuleBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock(label=_("Heading"))
    paragraph = ParagraphBlock(label=_("Text"))
    image = ImageBlock(label=_("Image"))
    video = VideoBlock(label=_("Video"))
    quote = QuoteBlock(label=_("Quote or testimony"))
    case_study = CaseStudyBlock(label=_("Case study"))
    do_dont = DoDontBlock(label=_("Do and don't"))
    checklist = ChecklistBlock(label=_("Checklist"))
    key_takeaways = KeyTakeawaysBlock(label=_("Key takeaways"))
    content_note = ContentNoteBlock(label=_("Content note"))
    reflection = ReflectionBlock(label=_("Reflection prompt"))
    download = DownloadBlock(label=_("Download"))
    callout = CalloutBlock(label=_("Call-out"))
