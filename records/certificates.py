"""Course certificates: the PDF a person downloads and the rules for who may have it.

The PDF is drawn with ReportLab on one A4 landscape page. Names and course titles may be
in any script, so the text is set in a TrueType font with wide coverage when the machine
has one (DejaVu Sans, at the usual system paths), else in the Bitstream Vera font that
ReportLab itself ships (Latin scripts with accents), with ReportLab's built-in CID fonts
for Chinese, Japanese and Korean. Arabic and Hebrew are joined and put in visual order
with ``arabic-reshaper`` and ``python-bidi`` when they are installed; without them the
letters still print, unjoined. A character no font has prints as an empty box: building a
certificate never fails because of the text on it.
"""

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from io import BytesIO
from pathlib import Path

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

try:  # Arabic letters take their joined forms; right-to-left runs are put in visual order.
    import arabic_reshaper
    from bidi import get_display

    # Keep diacritics such as the shadda: they are part of how a person writes their name.
    RESHAPER = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})
except ImportError:  # pragma: no cover - both are in requirements.txt
    RESHAPER = None
    get_display = None

# --- Who may have a certificate -------------------------------------------------------------

CODE_SEPARATORS = re.compile(r"[\s\-‐‑‒–—]+")


def normalise_code(code):
    """A certificate code as typed or read out: any case, with spaces or hyphens."""
    return CODE_SEPARATORS.sub("", code or "").upper()


def can_download(user, completion):
    """The person it belongs to, and HR or learning admins who may see every completion."""
    if not user.is_authenticated:
        return False
    return (
        completion.user_id == user.pk or user.is_superuser or user.has_perm("records.view_coursecompletion")
    )


def certificate_offered(completion):
    """A certificate exists for a completion when its course gives one. If the course page
    has since been deleted, the completion still stands, and so does its certificate."""
    return completion.course is None or completion.course.certificate_enabled


def holder_name(user):
    return user.get_full_name() or user.get_username()


def holder_organisation(user):
    """The partner organisation a partner learner belongs to, by name, as certificates state
    it; "" for staff (the certificate is the organisation's own)."""
    organisation = user.partner_organisation if user.partner_organisation_id else None
    return organisation.name if organisation is not None else ""


# --- Fonts ----------------------------------------------------------------------------------

# Where DejaVu Sans lives on common Linux distributions (Debian/Ubuntu, Fedora, Arch/Alpine).
FONT_DIRECTORIES = [
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu-sans-fonts",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
]
WIDE_FONT_FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
# Bitstream Vera ships inside the reportlab package, so it is always there.
BUNDLED_FONT_FILES = {"regular": "Vera.ttf", "bold": "VeraBd.ttf"}
BUILTIN_FONTS = {"regular": "Helvetica", "bold": "Helvetica-Bold"}
MONOSPACE_FONT = "Courier"  # codes and addresses are ASCII

# ReportLab's CID fonts need no font file; PDF readers supply the glyphs.
CJK_FONTS = [
    ("HYGothic-Medium", re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")),  # Hangul
    ("HeiseiKakuGo-W5", re.compile(r"[\u3040-\u30ff\u31f0-\u31ff]")),  # kana
    ("STSong-Light", re.compile(r"[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")),
]


@dataclass(frozen=True)
class FontFamily:
    regular: str
    bold: str
    embedded: bool  # a TrueType font whose character map tells what it covers


def _register_ttf(name, path):
    try:
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, path))
        return True
    except Exception:  # an unreadable or unusual font file: try the next one
        return False


@cache
def font_families():
    """The font families to try, best first; the last one always works."""
    families = []
    for directory in FONT_DIRECTORIES:
        regular = Path(directory, WIDE_FONT_FILES["regular"])
        bold = Path(directory, WIDE_FONT_FILES["bold"])
        if regular.is_file() and _register_ttf("Certificate-Wide", str(regular)):
            bold_name = "Certificate-Wide-Bold"
            if not (bold.is_file() and _register_ttf(bold_name, str(bold))):
                bold_name = "Certificate-Wide"
            families.append(FontFamily("Certificate-Wide", bold_name, embedded=True))
            break
    if _register_ttf("Certificate-Vera", BUNDLED_FONT_FILES["regular"]):
        bold_name = "Certificate-Vera-Bold"
        if not _register_ttf(bold_name, BUNDLED_FONT_FILES["bold"]):
            bold_name = "Certificate-Vera"
        families.append(FontFamily("Certificate-Vera", bold_name, embedded=True))
    families.append(FontFamily(BUILTIN_FONTS["regular"], BUILTIN_FONTS["bold"], embedded=False))
    return families


@cache
def _cid_font(name):
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(name))
    return name


def _font_for_char(char, bold):
    families = font_families()
    for family in families:
        name = family.bold if bold else family.regular
        if family.embedded and ord(char) in pdfmetrics.getFont(name).face.charToGlyph:
            return name
    for name, pattern in CJK_FONTS:
        if pattern.match(char):
            try:
                return _cid_font(name)
            except Exception:  # noqa: S112 - then the widest embedded font, with a box
                continue
    return families[0].bold if bold else families[0].regular


def runs(text, bold=False):
    """``text`` cut into ``(font, text)`` runs, each in the first font that has its
    characters. Spaces and punctuation stay in the run they are in."""
    result = []
    for char in text:
        if result and (char.isspace() or not char.isalnum()) and _has_glyph(result[-1][0], char):
            font = result[-1][0]
        else:
            font = _font_for_char(char, bold)
        if result and result[-1][0] == font:
            result[-1] = (font, result[-1][1] + char)
        else:
            result.append((font, char))
    return result


def _has_glyph(font_name, char):
    font = pdfmetrics.getFont(font_name)
    face = getattr(font, "face", None)
    glyphs = getattr(face, "charToGlyph", None)
    return glyphs is None or ord(char) in glyphs


def visual(text):
    """``text`` as it must be drawn left to right: Arabic letters joined, right-to-left
    runs reversed. Left-to-right text comes back unchanged."""
    if RESHAPER is None or not any(unicodedata.bidirectional(char) in ("R", "AL") for char in text):
        return text
    try:
        return get_display(RESHAPER.reshape(text))
    except Exception:  # never let a name stop the certificate
        return text


# --- Drawing --------------------------------------------------------------------------------

INK = HexColor("#1d2939")
ACCENT = HexColor("#0b5563")
MUTED = HexColor("#475467")
PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
MARGIN = 56
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN - 40


def _clean(text):
    """One line of text: control characters out, whitespace collapsed. Format characters
    (joiners, direction marks) stay until the text is put in visual order."""
    text = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn") else char for char in str(text)
    )
    return " ".join(text.split())


def _drawable(text):
    """A logical line as drawn: in visual order, without the invisible format characters
    that fonts have no glyph for."""
    return "".join(char for char in visual(text) if unicodedata.category(char) != "Cf")


def _width(text, bold, size):
    """The drawn width of a logical line of text."""
    return sum(pdfmetrics.stringWidth(part, font, size) for font, part in runs(_drawable(text), bold))


def _wrap(text, bold, size, width):
    """Lines (in logical order) of at most ``width`` points, breaking between words, or
    inside a word too long for a line."""
    lines, line = [], ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if _width(candidate, bold, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while _width(line, bold, size) > width and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and _width(line[:cut], bold, size) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    if line:
        lines.append(line)
    return lines


def _fit(text, bold, largest, smallest, width, max_lines):
    """The largest size from ``largest`` down to ``smallest`` at which ``text`` takes at
    most ``max_lines`` lines; at the smallest size, extra lines are cut with an ellipsis."""
    size = largest
    while True:
        lines = _wrap(text, bold, size, width)
        if len(lines) <= max_lines or size <= smallest:
            break
        size = max(smallest, size - 2)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip() + "…"
    return size, lines


class _Page:
    """Lines centred one under another, from ``top`` down. With ``pdf=None`` nothing is
    drawn: a dry run tells how tall the text is."""

    def __init__(self, pdf, top):
        self.pdf = pdf
        self.y = top

    def _draw(self, parts, size, colour):
        if self.pdf is None:
            return
        x = (PAGE_WIDTH - sum(pdfmetrics.stringWidth(part, font, size) for font, part in parts)) / 2
        self.pdf.setFillColor(colour)
        for font, part in parts:
            self.pdf.setFont(font, size)
            self.pdf.drawString(x, self.y, part)
            x += pdfmetrics.stringWidth(part, font, size)

    def text(self, text, size, *, bold=False, colour=INK, space_before=0, largest=None, max_lines=1):
        text = _clean(text)
        if not text:
            return
        size, lines = _fit(text, bold, largest or size, size, TEXT_WIDTH, max_lines)
        self.y -= space_before
        for line in lines:
            self.y -= size * 1.3
            self._draw(runs(_drawable(line), bold), size, colour)

    def mono(self, text, size, *, colour=INK, space_before=0):
        """A code or an address, on one line."""
        text = _clean(text)
        parts = [(MONOSPACE_FONT, text)] if text.isascii() else runs(_drawable(text))
        while sum(pdfmetrics.stringWidth(p, f, size) for f, p in parts) > TEXT_WIDTH and size > 6:
            size -= 0.5
        self.y -= space_before + size * 1.3
        self._draw(parts, size, colour)


def _date(value):
    return formats.date_format(value, "DATE_FORMAT")


def _score(score):
    """92.50 as "92.5", 100.00 as "100", in the active language's number format."""
    score = Decimal(score)
    places = next(places for places in (0, 1, 2) if score == round(score, places))
    return formats.number_format(score, decimal_pos=places)


def certificate_lines(completion, verify_url):
    """What the certificate says, in order, in the active language: a list of
    ``(role, text)`` pairs."""
    completed_on = timezone.localdate(completion.completed_at)
    if completion.valid_until:
        validity = _("Valid until %(date)s") % {"date": _date(completion.valid_until)}
    else:
        validity = _("Does not expire")
    lines = [
        ("organisation", _("Learning Hub")),
        ("heading", _("Certificate of completion")),
        ("intro", _("This certifies that")),
        ("name", holder_name(completion.user)),
        *(
            [("affiliation", _("of %(organisation)s") % {"organisation": organisation})]
            if (organisation := holder_organisation(completion.user))
            else []
        ),
        ("intro", _("has completed the course")),
        ("course", completion.course_title),
        ("detail", _("Course code: %(code)s") % {"code": completion.course_code}),
        ("detail", _("Completed on %(date)s") % {"date": _date(completed_on)}),
        ("detail", validity),
    ]
    if completion.score is not None:
        lines.append(("detail", _("Score: %(score)s%%") % {"score": _score(completion.score)}))
    lines += [
        ("label", _("Verification code")),
        ("code", completion.certificate_id),
        ("label", _("Check this certificate at")),
        ("url", verify_url),
    ]
    return lines


def _lay_out(page, lines):
    details = []
    for role, text in lines:
        if role == "organisation":
            page.text(text, 15, bold=True, colour=ACCENT)
        elif role == "heading":
            page.text(text, 32, bold=True, colour=ACCENT, space_before=12)
        elif role == "intro":
            page.text(text, 13, colour=MUTED, space_before=16)
        elif role == "name":
            page.text(text, 18, largest=32, bold=True, space_before=8, max_lines=2)
        elif role == "affiliation":
            page.text(text, 13, largest=16, colour=MUTED, space_before=4, max_lines=2)
        elif role == "course":
            page.text(text, 13, largest=22, bold=True, space_before=8, max_lines=3)
        elif role == "detail":
            details.append(text)
        elif role == "label":
            for index, detail in enumerate(details):
                page.text(detail, 12, space_before=20 if index == 0 else 3)
            if details:
                page.y -= 14
            details = []
            page.text(text, 10, colour=MUTED, space_before=8)
        elif role in ("code", "url"):
            page.mono(text, 13 if role == "code" else 10, space_before=2)


def build_certificate_pdf(completion, verify_url, *, compress=True):
    """The certificate for ``completion`` as PDF bytes."""
    lines = certificate_lines(completion, verify_url)
    buffer = BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=int(compress))
    name = holder_name(completion.user)
    pdf.setTitle(f"{_('Certificate of completion')}: {completion.course_title} – {name}")
    pdf.setAuthor(_("Learning Hub"))
    pdf.setSubject(f"{completion.course_code} {completion.certificate_id}")
    pdf.setCreator(_("Learning Hub"))

    # A double frame.
    pdf.setStrokeColor(ACCENT)
    pdf.setLineWidth(3)
    pdf.rect(MARGIN / 2, MARGIN / 2, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - MARGIN)
    pdf.setLineWidth(0.75)
    pdf.rect(MARGIN / 2 + 8, MARGIN / 2 + 8, PAGE_WIDTH - MARGIN - 16, PAGE_HEIGHT - MARGIN - 16)

    # Lay the text out once to measure it, then again centred between the frames.
    top = PAGE_HEIGHT - MARGIN
    dry_run = _Page(None, top)
    _lay_out(dry_run, lines)
    text_height = top - dry_run.y
    _lay_out(_Page(pdf, top - max(0, (PAGE_HEIGHT - 2 * MARGIN - text_height) / 2)), lines)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
