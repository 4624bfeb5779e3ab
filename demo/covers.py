"""Course cover images drawn with Pillow, so the demo needs no network and no image files.

A cover spec is a dict: title (the image's title in the library, also its lookup key),
filename, motif ("phone" or "voices"), background and colours (RGB tuples), alt (the
course page's alternative text)."""

from io import BytesIO

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from PIL import Image as PILImage
from PIL import ImageDraw

SIZE = (1200, 675)


def ensure_cover_image(spec):
    Image = get_image_model()
    image = Image.objects.filter(title=spec["title"]).first()
    if image is None:
        image = Image(title=spec["title"], file=ImageFile(_draw(spec), name=spec["filename"]))
        image._set_image_file_metadata()
        image.save()
    return image


def _draw(spec):
    canvas = PILImage.new("RGB", SIZE, spec["background"])
    MOTIFS[spec["motif"]](ImageDraw.Draw(canvas), spec["colours"])
    buffer = BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    buffer.seek(0)
    return buffer


def _phone(draw, colours):
    """A phone showing a row of story rings and a play button."""
    ring, screen, accent = colours
    draw.rounded_rectangle((450, 60, 750, 615), radius=40, fill=screen, outline=ring, width=10)
    for index, x in enumerate((495, 575, 655)):
        draw.ellipse((x - 5, 105, x + 55, 165), outline=ring if index else accent, width=8)
    draw.rounded_rectangle((485, 200, 715, 560), radius=20, fill=ring)
    draw.polygon([(565, 320), (565, 440), (665, 380)], fill=accent)
    for x, y, r in ((200, 180, 60), (1000, 480, 80), (160, 520, 35), (1040, 160, 40)):
        draw.ellipse((x - r, y - r, x + r, y + r), outline=ring, width=8)


def _voices(draw, colours):
    """Three overlapping speech bubbles."""
    for (x, y, w, h), colour in zip(
        ((170, 140, 480, 260), (520, 250, 500, 260), (330, 400, 420, 200)), colours, strict=True
    ):
        draw.rounded_rectangle((x, y, x + w, y + h), radius=60, fill=colour)
        draw.polygon([(x + 80, y + h - 5), (x + 60, y + h + 60), (x + 150, y + h - 5)], fill=colour)


MOTIFS = {"phone": _phone, "voices": _voices}
