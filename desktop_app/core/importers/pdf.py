"""PDF text layers (pypdf): glyphs placed on lines by position, read in reading order.

Producers write Arabic lines differently: Chromium, LibreOffice, fpdf2 (HarfBuzz) and most
others draw the glyphs left to right as they appear (visual order), some in reading order,
LibreOffice stretches justified lines with kashida glyphs that have no character. So the
importer walks the content stream itself: every glyph with its position, lines from the
baselines, each line put in reading order from the glyphs' x positions by the Unicode bidi
algorithm. When positions cannot be had, the text pypdf extracts is used with text heuristics.
"""

from __future__ import annotations

import io
import math
import re
import statistics
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers.common import first_heading, iso_date, make_document, part_too_large
from desktop_app.core.models import ImportedDocument, Paragraph, ParagraphKind, Remark
from desktop_app.core.text.bidi import brackets_nest, logical_line
from desktop_app.core.text.direction import first_strong, has_rtl, strong, strong_counts
from desktop_app.core.text.normalize import TATWEEL, fold_presentation_forms
from desktop_app.core.text.paragraphs import build_paragraphs

Matrix = tuple[float, float, float, float, float, float]

CORRUPT = "import.pdf_corrupt"  # message codes (desktop_app.core.messages)
NO_TEXT = "import.pdf_no_text"
UNREADABLE = "import.pdf_unreadable"
LOCKED = "import.pdf_locked"
REMARK_VISUAL_ORDER = "import.remark_visual_order"
REMARK_KASHIDA = "import.remark_kashida"
REMARK_RUNNING_HEADS = "import.remark_running_heads"

GAP_FACTOR = 1.35  # a gap between baselines this much wider than usual starts a paragraph
WIDE_GAP = 2.5  # a gap of this many font sizes is a paragraph break even with no usual gap
HEADING_FACTOR = 1.25  # lines in a font this much larger than the body are headings
WORD_GAP = 0.2  # a horizontal gap of this many font sizes between glyphs is a space
INDENT = 0.8  # a line starting this many font sizes in from the margin opens a paragraph
SHORT_LINE = 0.3  # a line ending this share of the column before the margin may end a paragraph
MAX_INDENT = 10.0  # ... up to this many (further in, the line is aligned or centred otherwise)
RUN_SLACK = 0.15  # a glyph this many font sizes left of the last one still continues its run
ORDER_MARGIN = 3  # word evidence a line needs to read otherwise than a clearly decided document
SAME_LINE = 0.5  # baselines closer than this many font sizes are one line
IMPLAUSIBLE_SHARE = 0.1  # more than this share of implausible characters: refuse the layer
RUNNING_PAGES = 3  # a line repeated at the top or bottom of this many pages is a running head
RUNNING_WORDS = 12  # running heads are short: at most this many words
EDGE_LINES = 2  # lines at the top and at the bottom of a page that may be running heads
MAX_FORM_DEPTH = 8
PDF_STREAM_LIMIT = 75_000_000  # what pypdf lets one stream inflate to (its default, kept)
_INFLATING = re.compile(r"decompress|decoding|Declared size|exceeds maximum allowed length", re.I)

_ENDS_SENTENCE = tuple('.!?؟:…"»”)')
_NUM = r"[\d\u0660-\u0669\u06f0-\u06f9]{1,4}"
# A page number at a page's edge, bare or labelled: "7", "- 7 -", "7 / 12", "صفحة 7",
# "الصفحة 7 من 12", "Page 7 of 12", "p. 7".
_PAGE_NUMBER = re.compile(
    rf"(?i)^\s*(?:(?:ال)?صفحة|page|p\.)?\s*[-–]?\s*{_NUM}\s*[-–]?\s*"
    rf"(?:(?:من|of|/)\s*{_NUM}\s*)?$"
)
_DIGITS = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]{2,}")
_LTR_RUN = re.compile(
    r"[0-9A-Za-z\u00c0-\u024f](?:[0-9A-Za-z\u00c0-\u024f .,:/%+\-']*[0-9A-Za-z\u00c0-\u024f])?"
)
_LEADING_STOP = re.compile(r"^\s*[.،؛:!؟]+\s*(?=[0-9A-Za-z\u0621-\u064a])")
_FILE_NAME = re.compile(r"(?i)(^microsoft word - )|(\.(html?|docx?|odt|rtf|txt|pdf|php|aspx?)$)")
_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06fc]")
# Two or more tatweel in a row stretch a word for justification; a single one may be the
# author's (الـ, مـحمد) and stays.
_TATWEEL_RUN = re.compile(f"{TATWEEL}{{2,}}")
_UNREADABLE = re.compile("[\x00-\x08\x0e-\x1f\ue000-\uf8ff\ufffd]")
_REPLACEMENT = "\ufffd"


# -- what makes a text layer unreadable ----------------------------------------------------------
def unreadable_share(text: str) -> float:
    """Share of control, private-use and replacement characters among the non-space ones."""
    visible = sum(1 for ch in text if not ch.isspace())
    return len(_UNREADABLE.findall(text)) / visible if visible else 0.0


def _script(ch: str) -> str:
    """The script of a letter, in the groups the plausibility rule compares."""
    o = ord(ch)
    if o < 0x250 or 0x1E00 <= o <= 0x1EFF or 0x2C60 <= o <= 0x2C7F or 0xA720 <= o <= 0xA7FF:
        return "latin"
    if 0x600 <= o <= 0x6FF or 0x750 <= o <= 0x77F or 0x8A0 <= o <= 0x8FF or 0xFB50 <= o <= 0xFEFF:
        return "arabic"
    if 0x370 <= o <= 0x3FF or 0x1F00 <= o <= 0x1FFF:
        return "greek"
    if 0x400 <= o <= 0x52F:
        return "cyrillic"
    if 0x590 <= o <= 0x5FF:
        return "hebrew"
    if (
        0x3040 <= o <= 0x30FF
        or 0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x3FFFF
    ):
        return "cjk"
    if 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF:
        return "hangul"
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "unknown"


def _latin_extended(ch: str) -> bool:
    return 0x100 <= ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF


def implausible_share(text: str, rtl_page: bool = False) -> float:
    """Share of the non-space characters that no real text layer would have.

    Counted: replacement characters and U+FFFF, control, private-use and unassigned code
    points; the letters of words that mix scripts (a font whose character map is wrong gives
    'soup' such as Han and Latin-Extended letters in one word); words of Latin-Extended letters
    only; and Han or kana letters spaced like words of an alphabet (a CJK page has few spaces)
    or on a page with Arabic or Hebrew text (rtl_page).
    """
    visible = 0
    bad = 0
    cjk_letters = 0
    cjk_words = 0
    for word in text.split():
        letters: list[str] = []
        for ch in word:
            visible += 1
            cat = unicodedata.category(ch)
            if (
                ch in "\ufffd\uffff\ufffe"
                or cat in ("Co", "Cn", "Cs")
                or (cat == "Cc" and not ch.isspace())
            ):
                bad += 1
            elif cat.startswith("L"):
                letters.append(ch)
        if not letters:
            continue
        scripts = {_script(ch) for ch in letters}
        if len(scripts) > 1:
            bad += len(letters)
        elif scripts == {"latin"} and len(letters) > 1 and all(map(_latin_extended, letters)):
            bad += len(letters)
        elif scripts == {"cjk"}:
            cjk_letters += len(letters)
            cjk_words += 1
    if cjk_letters and (rtl_page or cjk_words * 8 >= cjk_letters):
        bad += cjk_letters
    return bad / visible if visible else 0.0


# -- glyphs from the content stream ----------------------------------------------------------------
@dataclass(slots=True)
class Glyph:
    """One drawn glyph (or a span with its own text), where it is drawn on the page."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    seq: int  # drawing order
    mapped: bool = True  # False: the font has no character for it
    hint_visual: bool = False  # inside /ReversedChars marked content
    marks: str = ""  # combining marks drawn over it
    kashida: bool = False

    @property
    def full(self) -> str:
        return self.text + self.marks


def _mul(a: Matrix, b: Matrix) -> Matrix:
    return (
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    )


IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _matrix(values: Iterable[Any]) -> Matrix:
    v = [float(x) for x in values]
    if len(v) != 6:
        raise ValueError("a matrix has six numbers")
    return (v[0], v[1], v[2], v[3], v[4], v[5])


@dataclass
class _Font:
    """What the walker needs of a font: characters, widths, whether codes are two bytes."""

    characters: dict[Any, Any]
    encoding: str | dict[int, str]
    widths: dict[str, float]
    default_width: float
    scale: float  # glyph space to text space
    composite: bool
    to_unicode: bool
    identity: bool  # composite font with glyph ids for codes (Identity-H/V)
    named: bool = False  # a simple font with its own /Encoding: codes missing from ToUnicode
    cache: dict[str, tuple[str, float, bool]] = field(default_factory=dict)

    def glyphs(self, data: bytes) -> list[tuple[str, float, bool, bool]]:
        """(text, width in text space per unit of font size, mapped, is a one-byte space)."""
        out: list[tuple[str, float, bool, bool]] = []
        if self.composite:
            if isinstance(self.encoding, str) and self.encoding != "utf-16-be":
                codes = list(data.decode(self.encoding, "replace"))
            else:
                codes = [chr(data[i] << 8 | data[i + 1]) for i in range(0, len(data) - 1, 2)]
        else:
            codes = [chr(b) for b in data]
        for code in codes:
            hit = self.cache.get(code)
            if hit is None:
                hit = self._decode(code)
                self.cache[code] = hit
            out.append((hit[0], hit[1], hit[2], not self.composite and code == " "))
        return out

    def _decode(self, code: str) -> tuple[str, float, bool]:
        width = self.widths.get(code, self.default_width) * self.scale
        if self.composite:
            decoded = code
            if code == "\x00" and self.identity:
                return "", width, True  # glyph 0, .notdef: the producer had no glyph
        else:
            enc = self.encoding
            decoded = enc.get(ord(code), code) if isinstance(enc, dict) else code
        if self.to_unicode:
            text = self.characters.get(decoded)
            if text is None and self.named and len(decoded) == 1 and decoded.isprintable():
                return decoded, width, True  # ... read by the encoding, as viewers do
            if text is None or text in ("", "\x00", _REPLACEMENT):
                return _REPLACEMENT, width, False
            return str(text), width, True
        if self.composite:
            if self.identity:
                return _REPLACEMENT, width, False
            return decoded, width, True
        if decoded in ("/.notdef", "/g0"):
            return "", width, True
        if len(decoded) > 1 and decoded.startswith("/"):
            return _REPLACEMENT, width, False  # a glyph name with no known character
        return str(self.characters.get(decoded, decoded)), width, True


def _load_font(obj: Any) -> _Font:
    from pypdf.generic._font import Font

    font_dict = obj.get_object()
    font = Font.from_font_resource(font_dict)
    subtype = font_dict.get("/Subtype")
    scale = 0.001
    if subtype == "/Type3":
        fm = font_dict.get("/FontMatrix")
        if fm is not None:
            scale = abs(float(fm.get_object()[0])) or 0.001
    encoding_name = font_dict.get("/Encoding")
    identity = subtype == "/Type0" and str(encoding_name or "") in ("/Identity-H", "/Identity-V")
    return _Font(
        characters=font.character_map,
        encoding=font.encoding,
        widths=dict(font.character_widths),
        default_width=float(font.character_widths.get("default", 500)),
        scale=scale,
        composite=subtype == "/Type0",
        to_unicode="/ToUnicode" in font_dict,
        identity=identity,
        named=subtype != "/Type0" and "/Encoding" in font_dict,
    )


@dataclass
class _State:
    ctm: Matrix = IDENTITY
    font: _Font | None = None
    size: float = 0.0
    char_space: float = 0.0
    word_space: float = 0.0
    scale: float = 100.0  # horizontal scaling (Tz), percent
    leading: float = 0.0
    rise: float = 0.0


class _Walker:
    """Runs a page's content stream and records every glyph drawn (forms included)."""

    def __init__(self, reader: Any, fonts: dict[int, _Font]) -> None:
        self.reader = reader
        self.fonts = fonts
        self.glyphs: list[Glyph] = []
        self.rotated = 0
        self.seq = 0

    def font(self, resources: Any, name: Any) -> _Font | None:
        try:
            table = resources["/Font"].get_object()
            ref = table.raw_get(name) if hasattr(table, "raw_get") else table[name]
        except (KeyError, TypeError, AttributeError):
            return None
        key = getattr(ref, "idnum", None)
        key = id(ref.get_object()) if key is None else -int(key)
        if key not in self.fonts:
            self.fonts[key] = _load_font(ref)
        return self.fonts[key]

    def run(self, content: Any, resources: Any, ctm: Matrix, depth: int = 0) -> None:
        from pypdf.generic import ContentStream

        if content is None:
            return
        if not isinstance(content, ContentStream):
            content = ContentStream(content, self.reader)
        resources = resources.get_object() if resources is not None else {}
        gs = _State(ctm=ctm)
        stack: list[_State] = []
        tm: Matrix = IDENTITY
        tlm: Matrix = IDENTITY
        marked: list[tuple[str | None, bool, int]] = []  # (actual text, reversed, first glyph)

        def show(data: bytes) -> None:
            nonlocal tm
            font = gs.font
            if font is None or not gs.size:
                return
            th = gs.scale / 100.0
            for text, width, mapped, space in font.glyphs(data):
                advance = (width * gs.size + gs.char_space + (gs.word_space if space else 0.0)) * th
                m = _mul(tm, gs.ctm)
                x = gs.rise * m[2] + m[4]
                y = gs.rise * m[3] + m[5]
                dx = advance * m[0]
                size = gs.size * math.hypot(m[2], m[3])
                if abs(m[1]) > abs(m[0]) + 1e-9:
                    self.rotated += 1
                elif text:
                    self.glyphs.append(
                        Glyph(
                            text,
                            min(x, x + dx),
                            max(x, x + dx),
                            y,
                            size,
                            self.seq,
                            mapped,
                            any(rev for _, rev, _ in marked),
                        )
                    )
                    self.seq += 1
                tm = (tm[0], tm[1], tm[2], tm[3], tm[4] + advance * tm[0], tm[5] + advance * tm[1])

        def move(tx: float, ty: float) -> None:
            nonlocal tm, tlm
            tlm = _mul((1.0, 0.0, 0.0, 1.0, tx, ty), tlm)
            tm = tlm

        for operands, op in content.operations:
            if op == b"Tj" or op == b"'" or op == b'"':
                if op != b"Tj":
                    move(0.0, -gs.leading)
                if op == b'"' and len(operands) >= 3:
                    gs.word_space, gs.char_space = float(operands[0]), float(operands[1])
                if operands:
                    show(_bytes(operands[-1]))
            elif op == b"TJ":
                for item in operands[0] if operands else []:
                    if isinstance(item, int | float):
                        adj = -float(item) / 1000.0 * gs.size * gs.scale / 100.0
                        tm = (tm[0], tm[1], tm[2], tm[3], tm[4] + adj * tm[0], tm[5] + adj * tm[1])
                    else:
                        show(_bytes(item))
            elif op == b"Td" or op == b"TD":
                if op == b"TD":
                    gs.leading = -float(operands[1])
                move(float(operands[0]), float(operands[1]))
            elif op == b"T*":
                move(0.0, -gs.leading)
            elif op == b"Tm":
                tlm = tm = _matrix(operands)
            elif op == b"BT":
                tlm = tm = IDENTITY
            elif op == b"Tf":
                gs.font = self.font(resources, operands[0])
                gs.size = float(operands[1])
            elif op == b"Tc":
                gs.char_space = float(operands[0])
            elif op == b"Tw":
                gs.word_space = float(operands[0])
            elif op == b"Tz":
                gs.scale = float(operands[0])
            elif op == b"TL":
                gs.leading = float(operands[0])
            elif op == b"Ts":
                gs.rise = float(operands[0])
            elif op == b"q":
                stack.append(replace(gs))
            elif op == b"Q":
                if stack:
                    gs = stack.pop()
            elif op == b"cm":
                gs.ctm = _mul(_matrix(operands), gs.ctm)
            elif op == b"BMC" or op == b"BDC":
                tag = str(operands[0]) if operands else ""
                actual: str | None = None
                if op == b"BDC" and len(operands) > 1:
                    props = operands[1]
                    if not hasattr(props, "get"):
                        try:
                            props = resources["/Properties"][props]
                        except (KeyError, TypeError):
                            props = {}
                    props = props.get_object() if hasattr(props, "get_object") else props
                    value = props.get("/ActualText") if hasattr(props, "get") else None
                    actual = None if value is None else str(value)
                marked.append((actual, tag == "/ReversedChars", len(self.glyphs)))
            elif op == b"EMC":
                if marked:
                    actual, _, start = marked.pop()
                    if actual is not None:
                        self._replace(start, actual)
            elif op == b"Do" and depth < MAX_FORM_DEPTH:
                self._form(resources, operands[0], gs.ctm, depth)

    def _replace(self, start: int, actual: str) -> None:
        """The glyphs of an /ActualText span become one piece with that text."""
        span = self.glyphs[start:]
        if not span:
            return
        del self.glyphs[start:]
        text = actual.replace("\u00ad", "")
        if text.strip():
            first = span[0]
            self.glyphs.append(
                Glyph(
                    text,
                    min(g.x0 for g in span),
                    max(g.x1 for g in span),
                    first.y,
                    max(g.size for g in span),
                    first.seq,
                )
            )
        elif text:
            self.glyphs.append(Glyph(" ", span[0].x0, span[-1].x1, span[0].y, span[0].size, 0))

    def _form(self, resources: Any, name: Any, ctm: Matrix, depth: int) -> None:
        try:
            xobj = resources["/XObject"][name].get_object()
        except (KeyError, TypeError, AttributeError):
            return
        if xobj.get("/Subtype") != "/Form":
            return
        matrix = _matrix(xobj["/Matrix"]) if "/Matrix" in xobj else IDENTITY
        self.run(xobj, xobj.get("/Resources") or resources, _mul(matrix, ctm), depth + 1)


def _bytes(value: Any) -> bytes:
    if isinstance(value, bytes):
        return value
    original = getattr(value, "original_bytes", None)
    if isinstance(original, bytes):
        return original
    return str(value).encode("latin-1", "replace")


# -- lines from glyphs ---------------------------------------------------------------------------
@dataclass
class Line:
    """One line of a page: its text in reading order, baseline, font size and extent."""

    text: str
    y: float = 0.0
    size: float = 0.0
    x0: float = 0.0
    x1: float = 0.0
    stored_visual: bool = False  # the text layer had it in drawing (visual) order
    kashida: bool = False  # justification kashida were taken out


def _is_mark(text: str) -> bool:
    return bool(text) and all(unicodedata.category(ch) in ("Mn", "Me") for ch in text)


def mark_side(glyphs: list[Glyph]) -> int:
    """Which side of its base a producer draws a mark: 1 before, -1 after, 0 unknown.

    A producer draws a mark next to its base, always on the same side in the stream: before it
    (HarfBuzz, Chromium) or after it. The side is the one a mark next to a space (or at the end
    of a run) leaves; a side is known when its evidence is at least twice the other's.
    """
    before = after = 0
    for i, g in enumerate(glyphs):
        if _is_mark(g.text):
            prev, nxt = _adjacent(glyphs, i, -1), _adjacent(glyphs, i, 1)
            before += _letter(nxt) and _boundary(prev)
            after += _letter(prev) and _boundary(nxt)
    if before > 2 * after:
        return 1
    return -1 if after > 2 * before else 0


def _attach_marks(glyphs: list[Glyph], side: int = 0) -> list[Glyph]:
    """Combining marks (harakat) joined to the glyph they are drawn over.

    side: see mark_side (the document's evidence). Without evidence, a stream drawn left to
    right is taken to be HarfBuzz's visual order, which draws a mark just before its base; a
    stream in reading order (right to left for Arabic) has each mark after its base, as typed.
    """
    marks: set[int] = set()
    for i, g in enumerate(glyphs):
        if not _is_mark(g.text):
            continue
        prev, nxt = _neighbour(glyphs, i, -1), _neighbour(glyphs, i, 1)
        if side > 0:
            base = nxt or prev
        elif side < 0:
            base = prev or nxt
        elif prev is not None and nxt is not None:
            base = nxt if prev.x0 < nxt.x0 else prev
        else:
            base = nxt or prev
        if base is not None:
            base.marks += g.text
            marks.add(i)
    return [g for i, g in enumerate(glyphs) if i not in marks]


def _adjacent(glyphs: list[Glyph], i: int, step: int) -> Glyph | None:
    """The glyph drawn just before or after glyph i (other marks skipped), on the same line."""
    j = i + step
    while 0 <= j < len(glyphs) and _is_mark(glyphs[j].text):
        j += step
    if not 0 <= j < len(glyphs):
        return None
    g = glyphs[j]
    return g if abs(g.y - glyphs[i].y) <= 1.5 * max(g.size, glyphs[i].size) else None


def _boundary(g: Glyph | None) -> bool:
    return g is None or g.text.isspace()


def _letter(g: Glyph | None) -> bool:
    return g is not None and g.mapped and bool(g.text.strip())


def _neighbour(glyphs: list[Glyph], i: int, step: int) -> Glyph | None:
    """The nearest glyph that is not a mark, a space or unmapped, before or after glyph i."""
    mark = glyphs[i]
    j = i + step
    while 0 <= j < len(glyphs) and abs(j - i) <= 4:
        g = glyphs[j]
        if g.mapped and g.text.strip() and not _is_mark(g.text):
            if abs(g.y - mark.y) <= 1.5 * max(g.size, mark.size):
                return g
            return None
        j += step
    return None


def _group_lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs on the same baseline, lines from the top of the page down.

    Baselines are clustered: a line breaks where the next baseline down is more than SAME_LINE
    font sizes lower, so glyphs raised or lowered a little (cursive fonts, marks) stay on it.
    """
    lines: list[list[Glyph]] = []
    prev: Glyph | None = None
    for g in sorted(glyphs, key=lambda g: (-g.y, g.seq)):
        if prev is not None:
            size = min(prev.size, g.size) or max(prev.size, g.size)
            if prev.y - g.y <= SAME_LINE * size:
                lines[-1].append(g)
                prev = g
                continue
        lines.append([g])
        prev = g
    return lines


def _mark_kashida(row: list[Glyph]) -> None:
    """Flag the kashida LibreOffice stretches justified lines with (glyphs in drawing order).

    They are runs of two or more glyphs with no character, drawn between two Arabic letters of
    a word. (Producers that stretch with tatweel characters are handled on the line's text:
    see _TATWEEL_RUN.)
    """
    n = len(row)
    i = 0
    while i < n:
        if row[i].mapped:
            i += 1
            continue
        j = i
        while j < n and not row[j].mapped:
            j += 1
        if (
            j - i >= 2
            and i > 0
            and j < n
            and _ARABIC_LETTER.search(row[i - 1].text)
            and _ARABIC_LETTER.search(row[j].text)
        ):
            for k in row[i:j]:
                k.kashida = True
        i = j


def _drawing_order(row: list[Glyph]) -> list[Glyph]:
    """The glyphs of a line left to right.

    Runs the stream draws left to right keep their order (glyphs of a run may overlap a little:
    kerning, ligatures); the runs are put in order by where they start.
    """
    runs: list[list[Glyph]] = []
    for g in sorted(row, key=lambda g: g.seq):
        if runs and g.x0 >= runs[-1][-1].x0 - RUN_SLACK * g.size:
            runs[-1].append(g)
        else:
            runs.append([g])
    runs.sort(key=lambda run: (min(g.x0 for g in run), run[0].seq))
    for a, b in zip(runs, runs[1:], strict=False):
        if min(g.x0 for g in b) < max(g.x1 for g in a) - 0.3 * b[0].size:
            return sorted(row, key=lambda g: (g.x0, g.seq))  # runs drawn over each other
    return [g for run in runs for g in run]


def _pieces(row: list[Glyph]) -> tuple[list[Glyph], str]:
    """Glyphs of a line in drawing order with spaces where the gaps are, kashida left out.

    Also the line as drawn with the glyphs that have no character (U+FFFD), for the
    plausibility of the text layer.
    """
    row = _drawing_order(row)
    _mark_kashida(row)
    out: list[Glyph] = []
    raw: list[str] = []
    prev: Glyph | None = None
    for g in row:
        if prev is not None:
            gap = g.x0 - prev.x1
            if gap > WORD_GAP * max(g.size, prev.size) and prev.text != " " and g.text != " ":
                out.append(Glyph(" ", prev.x1, g.x0, g.y, g.size, -1))
                raw.append(" ")
        prev = g
        if g.kashida or (not g.mapped and g.x1 - g.x0 < 0.05 * g.size):
            continue  # no text, or a piece drawn over another glyph (a mark's part, say)
        raw.append(g.full)
        if g.mapped:
            out.append(g)
    return out, "".join(raw)


def order_score(text: str) -> int:
    """Evidence that Arabic words read forward (positive) or back to front (negative).

    Words often start with the article 'ال' and end with 'ة' or 'ى'; read back to front they end
    with 'لا' and start with 'ة' or 'ى'.
    """
    score = 0
    for m in _ARABIC_WORD.finditer(fold_presentation_forms(text)):
        w = m.group(0)
        score += (w[-1] in "ةى") - (w[0] in "ةى")
        if len(w) > 3:  # 'لا', 'ولا', 'فلا', 'إلا' read back to front start with 'ال'
            score += w.startswith("ال") - w.endswith("لا")
    return score


@dataclass
class _LineDraft:
    pieces: list[Glyph]
    y: float
    size: float
    x0: float
    x1: float
    stream: str  # the characters in the order they were drawn in the stream
    hint_visual: bool
    drawn_ltr: bool  # the right-to-left letters were drawn left to right
    kashida: bool


def _draft(row: list[Glyph]) -> tuple[_LineDraft | None, str]:
    """A line's pieces in drawing order and what is known of it, and its text as drawn."""
    pieces, raw = _pieces(row)
    while pieces and pieces[0].text == " ":
        pieces.pop(0)
    while pieces and pieces[-1].text == " ":
        pieces.pop()
    if not pieces:
        return None, raw
    rtl_glyphs = sorted((g for g in pieces if g.seq >= 0 and has_rtl(g.text)), key=lambda g: g.seq)
    steps = [b.x0 - a.x0 for a, b in zip(rtl_glyphs, rtl_glyphs[1:], strict=False)]
    drawn_ltr = bool(steps) and sum(s > 0 for s in steps) > 0.8 * len(steps)
    stream = "".join(g.full for g in sorted(row, key=lambda g: g.seq) if g.mapped)
    sizes = [g.size for g in pieces if g.text.strip()]
    draft = _LineDraft(
        pieces,
        statistics.median([g.y for g in pieces]),
        statistics.median(sizes) if sizes else 0.0,
        min(g.x0 for g in pieces),
        max(g.x1 for g in pieces),
        stream,
        any(g.hint_visual for g in pieces),
        drawn_ltr,
        any(g.kashida for g in row),
    )
    return draft, raw


def _squash(text: str) -> str:
    return "".join(fold_presentation_forms(text).split())


@dataclass
class _Reading:
    """Document-wide choices for lines whose own evidence is not enough."""

    rtl_document: bool = True
    mirrored: bool = True
    keep_drawn: bool = False  # right-to-left letters drawn left to right are in reading order
    decided: bool = False  # the document's lines agree on it clearly (ORDER_MARGIN)
    mirror_decided: bool = False  # lines agree clearly on how brackets are named


def _line_rtl(text: str, pieces: list[Glyph], reading: _Reading) -> bool:
    rtl, ltr = strong_counts(text)
    if rtl != ltr:
        if rtl == 0 and reading.rtl_document:
            # Left-to-right text in a right-to-left paragraph: its final stop drawn at the left.
            first = pieces[0].text[:1]
            return first in ".!?:;،؛…" and strong(pieces[-1].text[-1:]) == "ltr"
        if rtl and ltr:
            # A line of both: the side it starts from decides, when it agrees with the
            # document ("واختيار Unmute post." ends a paragraph with more Latin than Arabic).
            if reading.rtl_document and first_strong(text[::-1]) == "rtl":
                return True
            if not reading.rtl_document and first_strong(text) == "ltr":
                return False
        return rtl > ltr
    return reading.rtl_document


def _read_line(draft: _LineDraft, reading: _Reading, before: str = "") -> str:
    """The text of a drafted line in reading order.

    before: the text of the line above, the context of a number that opens this line.
    """
    texts = [g.full for g in draft.pieces]
    drawn = "".join(texts)
    rtl = _line_rtl(drawn, draft.pieces, reading)
    if not has_rtl(drawn):
        return logical_line(texts, True, reading.mirrored) if rtl else drawn
    text = logical_line(texts, rtl, reading.mirrored, before)
    if brackets_nest(text) is False and not reading.mirror_decided:
        # (A document that clearly names its brackets one way keeps it: a quotation that
        # runs over lines closes on a line where it did not open.)
        other = logical_line(texts, rtl, not reading.mirrored, before)
        if brackets_nest(other):
            text = other
    if draft.drawn_ltr and not draft.hint_visual:
        # Right-to-left letters drawn left to right: visual order, or reading order drawn by a
        # producer that did not shape the text. The words tell which.
        # Against a document that clearly goes one way, a line needs as clear evidence of its
        # own: 'ولا' and names such as 'غوارديولا' end like words read back to front.
        evidence = order_score(drawn) - order_score(text)
        if reading.decided:
            keep = evidence > -ORDER_MARGIN if reading.keep_drawn else evidence >= ORDER_MARGIN
        else:
            keep = evidence > 0 or (evidence == 0 and reading.keep_drawn)
        if keep:
            text = drawn
    return text


def _lines_of_page(drafts: list[_LineDraft], reading: _Reading) -> list[Line]:
    out: list[Line] = []
    before = ""
    for d in drafts:
        text = _read_line(d, reading, before)
        text = fold_presentation_forms(text)
        unstretched = _TATWEEL_RUN.sub("", text)
        kashida = d.kashida or unstretched != text
        text = before = unstretched
        stored_visual = has_rtl(text) and _squash(text) != _squash(_TATWEEL_RUN.sub("", d.stream))
        out.append(Line(text, d.y, d.size, d.x0, d.x1, stored_visual, kashida))
    return out


def _decide_reading(drafts: list[_LineDraft]) -> _Reading:
    """Document-wide defaults: paragraph direction, bracket naming, left-to-right drawn order."""
    rtl = ltr = 0
    for d in drafts:
        for g in d.pieces:
            side = strong(g.text[0]) if g.text else None
            rtl += side == "rtl"
            ltr += side == "ltr"
    reading = _Reading(rtl_document=rtl >= ltr and rtl > 0)
    mirror_votes = keep_votes = 0
    order_votes = 0
    for d in drafts:
        texts = [g.full for g in d.pieces]
        drawn = "".join(texts)
        if not has_rtl(drawn):
            continue
        rtl_line = _line_rtl(drawn, d.pieces, reading)
        as_named = logical_line(texts, rtl_line, True)
        a = brackets_nest(as_named)
        b = brackets_nest(logical_line(texts, rtl_line, False))
        mirror_votes += bool(a) and b is False
        keep_votes += bool(b) and a is False
        if d.drawn_ltr and not d.hint_visual:
            order_votes += order_score(drawn) - order_score(as_named)
    reading.mirrored = mirror_votes > keep_votes
    reading.mirror_decided = abs(mirror_votes - keep_votes) >= 2
    reading.keep_drawn = order_votes > 0
    reading.decided = abs(order_votes) >= ORDER_MARGIN
    return reading


def page_glyphs(reader: Any, page: Any, fonts: dict[int, _Font]) -> tuple[list[Glyph], int]:
    """Every glyph the page draws, and how many were drawn rotated (left out)."""
    walker = _Walker(reader, fonts)
    walker.run(page.get_contents(), page.get("/Resources"), IDENTITY)
    return walker.glyphs, walker.rotated


# -- text-only fallback (no positions) -----------------------------------------------------------
def looks_reversed(text: str) -> bool:
    """True when Arabic words read back to front (visual order): 'لا' ends and 'ة' starts words."""
    forward = backward = 0
    for m in _ARABIC_WORD.finditer(text):
        w = m.group(0)
        forward += w.startswith("ال") + (w[-1] in "ةى")
        backward += w.endswith("لا") + (w[0] in "ةى")
    return backward >= 3 and backward > 2 * forward


def unreverse_line(line: str) -> str:
    """Logical order of a line extracted back to front: reversed, Latin and digit runs kept."""
    return _LTR_RUN.sub(lambda m: m.group(0)[::-1], line[::-1])


_TOUCHING = re.compile(
    r"(?<=[0-9A-Za-z])(?=[\u0621-\u064a])|(?<=[\u0621-\u064a\u064b-\u0652])(?=[0-9A-Za-z])"
)


def space_runs(line: str) -> str:
    """A space where a reordered Latin/digit run touches an Arabic letter (the gap was lost)."""
    return _TOUCHING.sub(" ", line)


def _arabic_majority(line: str) -> bool:
    arabic = sum(1 for ch in line if "\u0600" <= ch <= "\u06ff")
    latin = sum(1 for ch in line if ch.isascii() and ch.isalnum())
    return arabic > latin


def has_visual_runs(lines: list[str]) -> bool:
    """True when Arabic lines start with their final stop: runs were written left to right."""
    return any(_LEADING_STOP.match(ln) and _arabic_majority(ln) for ln in lines)


def reorder_runs(line: str) -> str:
    """Logical order of an Arabic line whose Latin/digit runs came out in left-to-right order."""
    if not _arabic_majority(line) or not (_LTR_RUN.search(line) or _LEADING_STOP.match(line)):
        return line
    tokens: list[str] = []
    pos = 0
    stop = _LEADING_STOP.match(line)
    if stop:
        tokens.append(stop.group(0))
        pos = stop.end()
    for m in _LTR_RUN.finditer(line, pos):
        if m.start() > pos:
            tokens.append(line[pos : m.start()])
        tokens.append(m.group(0))
        pos = m.end()
    if pos < len(line):
        tokens.append(line[pos:])
    out: list[str] = []
    for tok in reversed(tokens):
        core = tok.strip()
        if core and _LTR_RUN.fullmatch(tok):
            out.append(tok)
            continue
        lead = tok[: len(tok) - len(tok.lstrip())]
        trail = tok[len(tok.rstrip()) :]
        out.append(trail + core + lead if core else tok)
    return "".join(out).strip()


def _text_page_lines(page: Any) -> list[Line]:
    """Lines pypdf extracts, with the baseline and font size of each when it reports them."""
    fragments: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        y = tm[5] * cm[3] + tm[4] * cm[1] + cm[5]
        fragments.append((text, y, size * abs(tm[3] * cm[3] or 1.0)))

    text = page.extract_text(visitor_text=visit) or ""
    raw_lines = text.split("\n")
    marks: list[tuple[float, float] | None] = [None]
    for frag, y, size in fragments:
        parts = frag.split("\n")
        for k, part in enumerate(parts):
            if k:
                marks.append(None)
            if part.strip() and marks[-1] is None:
                marks[-1] = (y, size)
    if len(marks) != len(raw_lines):
        return [Line(t) for t in raw_lines]
    return [Line(t, m[0], m[1]) if m else Line(t) for t, m in zip(raw_lines, marks, strict=True)]


def _text_fallback(reader: Any) -> list[list[Line]]:
    """Lines from pypdf's own text extraction, put in order with text heuristics."""
    pages = [_text_page_lines(page) for page in reader.pages]
    folded = "\n".join(fold_presentation_forms(ln.text) for lines in pages for ln in lines)
    reverse = looks_reversed(folded)
    runs = has_visual_runs(folded.split("\n"))
    for lines in pages:
        for ln in lines:
            text = unreverse_line(ln.text) if reverse else ln.text
            text = reorder_runs(text) if runs else text
            text = fold_presentation_forms(space_runs(text) if reverse or runs else text)
            ln.stored_visual = text != ln.text and has_rtl(text)
            ln.text = text
    return [[ln for ln in lines if ln.text.strip()] for lines in pages]


# -- running heads and feet ------------------------------------------------------------------------
def _number(text: str) -> int | None:
    m = _DIGITS.search(text)
    if not m:
        return None
    return int("".join(str(unicodedata.decimal(ch, 0)) for ch in m.group(0)))


def drop_running_heads(pages: list[list[Line]]) -> tuple[list[list[Line]], int]:
    """Pages without their running heads and feet, and how many distinct ones were dropped.

    A running head is a line among the top (or bottom) EDGE_LINES of a page repeated on
    RUNNING_PAGES pages or more, or on most pages: the same text, or the same text with a number
    that goes up with the page (a page number). A lone page number at an edge is dropped too.
    """
    seen: dict[tuple[str, str], list[tuple[int, Line]]] = defaultdict(list)
    for index, lines in enumerate(pages):
        edges = {"top": lines[:EDGE_LINES], "bottom": lines[-EDGE_LINES:]}
        for where, group in edges.items():
            for ln in group:
                key = _DIGITS.sub("#", " ".join(ln.text.split()))
                if key and len(key.split()) <= RUNNING_WORDS:
                    seen[(where, key)].append((index, ln))
    needed = min(RUNNING_PAGES, max(2, len(pages) // 2 + 1))
    drop: set[int] = set()
    keys: set[str] = set()
    for (_, key), hits in seen.items():
        pages_hit = {i for i, _ in hits}
        same = Counter(" ".join(ln.text.split()) for _, ln in hits).most_common(1)[0]
        if "#" in key and same[1] >= needed and len(pages) >= 2:
            # The same text with a number in it ("france24 - ...") on every page.
            drop.update(id(ln) for _, ln in hits if " ".join(ln.text.split()) == same[0])
        elif "#" in key:
            # A number that goes up with the page: the same offset from the page index.
            offsets = Counter(
                n - i for i, ln in hits if (n := _number(ln.text)) is not None
            ).most_common(1)
            if not offsets:
                continue
            offset, count = offsets[0]
            if count < needed or len(pages) < 2:
                continue
            for i, ln in hits:
                if _number(ln.text) == i + offset:
                    drop.add(id(ln))
        elif len(pages_hit) >= needed and len(pages) >= 2:
            drop.update(id(ln) for _, ln in hits)
        else:
            continue
        keys.add(key)
    out: list[list[Line]] = []
    for lines in pages:
        kept = [ln for ln in lines if id(ln) not in drop]
        numbers = {id(ln) for ln in kept[:1] + kept[-1:] if _PAGE_NUMBER.match(ln.text)}
        out.append([ln for ln in kept if id(ln) not in numbers])
    return out, len(keys)


# -- paragraphs ------------------------------------------------------------------------------------
def _usual(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def line_gaps(lines: list[Line]) -> list[float]:
    """Positive distances between the baselines of consecutive non-empty lines."""
    return [
        a.y - b.y
        for a, b in zip(lines, lines[1:], strict=False)
        if a.y and b.y and a.text.strip() and b.text.strip() and a.y - b.y > 0
    ]


@dataclass
class _Para:
    lines: list[Line]
    kind: ParagraphKind
    indented: bool = False  # its first line is indented


@dataclass
class _Layout:
    body_size: float
    usual_gap: float
    rtl: bool  # paragraphs start at the right margin


def _inset(ln: Line, margin: float, layout: _Layout) -> float:
    """How far a line starts in from the margin where its paragraph starts, in font sizes."""
    if not ln.size or not (ln.x0 or ln.x1):
        return 0.0
    return ((margin - ln.x1) if layout.rtl else (ln.x0 - margin)) / ln.size


def _page_paras(lines: list[Line], layout: _Layout) -> tuple[list[_Para], float]:
    """Paragraphs of one page, split at blank lines, wide gaps, indents and font changes."""
    body = [ln for ln in lines if ln.text.strip() and (ln.x0 or ln.x1)]
    sized = [ln for ln in body if not layout.body_size or ln.size < layout.body_size * 1.1]
    edges = [ln.x1 if layout.rtl else ln.x0 for ln in sized or body]
    margin = (max(edges) if layout.rtl else min(edges)) if edges else 0.0
    ends = [ln.x0 if layout.rtl else ln.x1 for ln in sized or body]
    end_margin = (min(ends) if layout.rtl else max(ends)) if ends else 0.0

    width = abs(margin - end_margin)

    def short(ln: Line) -> bool:
        """True when a line ends well before the margin where full lines end."""
        end = ln.x0 if layout.rtl else ln.x1
        return bool(width) and abs(end - end_margin) > SHORT_LINE * width

    def indent(ln: Line) -> float:
        """The first-line indent of a line: it starts in from the margin, runs to the other."""
        inset = _inset(ln, margin, layout)
        reach = abs((ln.x0 if layout.rtl else ln.x1) - end_margin) / ln.size if ln.size else 9.0
        return inset if INDENT < inset < MAX_INDENT and reach < 2 else 0.0

    paras: list[_Para] = []
    prev: Line | None = None
    for ln in lines:
        if not ln.text.strip():
            prev = None
            continue
        big = layout.body_size and ln.size >= layout.body_size * HEADING_FACTOR
        kind: ParagraphKind = "heading" if big else "body"
        inset = indent(ln) if kind == "body" else 0.0
        new = prev is None or kind != paras[-1].kind
        indented = False
        if prev is not None and not new:
            gap = prev.y - ln.y
            size = max(prev.size, ln.size)
            # Lines in a larger font (headings) are further apart.
            usual = layout.usual_gap * max(1.0, size / layout.body_size if layout.body_size else 1)
            if (
                prev.y
                and ln.y
                and (
                    gap < 0
                    or (usual and gap > usual * GAP_FACTOR)
                    or (size and gap > size * WIDE_GAP)
                )
            ):
                new = True
            elif inset and not indent(prev):
                new = indented = True
            elif prev.text.rstrip().endswith(_ENDS_SENTENCE) and short(prev):
                new = True  # the last line of a paragraph: a sentence ends well before the margin
        elif kind == "body":
            indented = inset > INDENT
        if new:
            paras.append(_Para([], kind, indented))
        paras[-1].lines.append(ln)
        prev = ln
    return paras, margin


# Producers break lines after a slash, a tatweel, an underscore or an opening bracket with no
# space there, and no space comes before a closing bracket or a stop: lines join there without
# one. In the 20,000 corpus articles these are followed by no space 79% of the time (slash,
# 4,317 to 1,143), 72% (a tatweel before a Latin word or a number, 3,595 to 1,381), 99.6%
# (underscore) and 98.5% (opening bracket).
_NO_SPACE_AFTER = re.compile(r"(?:\S[/_\u0640]|[(\[{«])$")
_NO_SPACE_BEFORE = re.compile(r"[)\]}»،؛.,:;!?؟](?:\s|$)")
# LibreOffice breaks "و10" between the letter and the number: a one-letter proclitic is
# written onto a number 88% of the time in the corpus (3,648 to 509).
_PROCLITIC_END = re.compile(r"(?<!\S)[وبلف]$")
_DIGIT_START = re.compile(r"[0-9\u0660-\u0669]")


def join_lines(lines: list[str]) -> str:
    """The lines of a paragraph as one text: a space between them unless a word was broken."""
    out = lines[0]
    for line in lines[1:]:
        if re.search(r"[A-Za-z]-$", out) and line[:1].islower():
            out = out[:-1] + line  # a word hyphenated across lines
        elif (
            _NO_SPACE_AFTER.search(out)
            or _NO_SPACE_BEFORE.match(line)
            or (_PROCLITIC_END.search(out) and _DIGIT_START.match(line))
        ):
            out += line  # a line broken inside a word: "ديسمبر/" "كانون", "لـ" "CNN", "(" "2586)"
        else:
            out = f"{out} {line}"
    return out


def _full_line(
    ln: Line, page_lines: list[Line], layout: _Layout, after: Line | None = None
) -> bool:
    """True when a line runs to the margin where lines end (it does not end a paragraph).

    after: the line that follows; in ragged text a line is full as well when the first word
    of that line would not have fitted on it (its width estimated from the line's own).
    """
    ends = [ln.x0 if layout.rtl else ln.x1 for ln in page_lines if ln.x0 or ln.x1]
    if not ends or not ln.size:
        return False
    margin = min(ends) if layout.rtl else max(ends)
    end = ln.x0 if layout.rtl else ln.x1
    room = abs(end - margin)
    if room < ln.size:
        return True
    words = after.text.split() if after is not None else []
    if not words or not ln.text.strip() or ln.x1 <= ln.x0:
        return False
    per_char = (ln.x1 - ln.x0) / len(ln.text.strip())
    return room < 1.25 * per_char * (len(words[0]) + 1)  # letters vary in width


def layout_paragraphs(pages: list[list[Line]]) -> list[Paragraph]:
    """Paragraphs of the pages' lines: indents, gaps, short lines and page breaks decide."""
    all_lines = [ln for lines in pages for ln in lines if ln.text.strip()]
    body_size = _usual([ln.size for ln in all_lines if ln.size])
    # Ignore gaps far below a line height: sub- and superscripts read as lines of their own.
    gaps = [g for lines in pages for g in line_gaps(lines) if g > body_size * 0.6]
    rtl = sum(has_rtl(ln.text) for ln in all_lines) * 2 > len(all_lines)
    layout = _Layout(body_size, min(gaps) if gaps else 0.0, rtl)
    paged = [_page_paras(lines, layout) for lines in pages]
    uses_indents = any(p.indented for paras, _ in paged for p in paras)
    merged: list[_Para] = []
    last_page: list[Line] = []
    for (paras, _), lines in zip(paged, pages, strict=True):
        if merged and paras and merged[-1].kind == "body" and paras[0].kind == "body":
            last, first = merged[-1], paras[0]
            ends = join_lines([ln.text for ln in last.lines[-1:]]).endswith(_ENDS_SENTENCE)
            if uses_indents:
                joined = not first.indented
            else:
                joined = not ends or _full_line(last.lines[-1], last_page, layout, first.lines[0])
            if joined:
                last.lines.extend(first.lines)
                paras = paras[1:]
        merged.extend(paras)
        last_page = lines
    return build_paragraphs(
        (join_lines([ln.text.strip() for ln in p.lines]), p.kind, 1 if p.kind == "heading" else 0)
        for p in merged
    )


# -- the importer ----------------------------------------------------------------------------------
def _open(data: bytes) -> Any:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    head = data[:1024]
    if b"%PDF-" not in head or b"%%EOF" not in data[-2048:]:
        raise ImportFailed(code=CORRUPT)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise ImportFailed(code=LOCKED)
            except DependencyError as exc:
                raise ImportFailed(code="import.pdf_aes") from exc
            except FileNotDecryptedError as exc:
                raise ImportFailed(code=LOCKED) from exc
        len(reader.pages)
    except ImportFailed:
        raise
    except (PdfReadError, ValueError, KeyError, OSError, TypeError) as exc:
        raise ImportFailed(code=CORRUPT) from exc
    return reader


@dataclass
class _Extracted:
    pages: list[list[Line]]
    visual_lines: int = 0
    kashida_lines: int = 0


def _glyph_pages(reader: Any) -> tuple[list[list[_LineDraft]], float] | None:
    """Drafted lines of every page and the share of implausible text; None without positions."""
    fonts: dict[int, _Font] = {}
    drafts: list[list[_LineDraft]] = []
    total = rotated = 0
    raw: list[str] = []
    pages: list[list[Glyph]] = []
    for page in reader.pages:
        glyphs, turned = page_glyphs(reader, page, fonts)
        total += len(glyphs) + turned
        rotated += turned
        pages.append(glyphs)
    side = mark_side([g for glyphs in pages for g in glyphs])
    for glyphs in pages:
        page_drafts: list[_LineDraft] = []
        for row in _group_lines(_attach_marks(glyphs, side)):
            draft, drawn = _draft(row)
            raw.append(drawn)
            if draft is not None:
                page_drafts.append(draft)
        drafts.append(page_drafts)
    if not total or rotated * 2 > total:
        return None
    text = "\n".join(raw)
    return drafts, implausible_share(text, rtl_page=has_rtl(text))


def _extract(reader: Any) -> _Extracted:
    from pypdf.errors import PyPdfError

    try:
        found = _glyph_pages(reader)
    except (
        PyPdfError,
        ImportError,
        AttributeError,
        KeyError,
        IndexError,
        TypeError,
        ValueError,
        ArithmeticError,
        RecursionError,
        AssertionError,  # pypdf asserts on some damaged streams (an object reference in one)
    ):
        found = None  # a content stream the walker cannot follow: pypdf's own extraction
    if found is None:
        pages = _text_fallback(reader)
        text = "\n".join(ln.text for lines in pages for ln in lines)
        if text.strip() and (
            unreadable_share(text) > IMPLAUSIBLE_SHARE
            or implausible_share(text, rtl_page=has_rtl(text)) > IMPLAUSIBLE_SHARE
        ):
            raise ImportFailed(code=UNREADABLE)
        return _Extracted(pages, sum(ln.stored_visual for lines in pages for ln in lines))
    drafts, share = found
    if share > IMPLAUSIBLE_SHARE:
        raise ImportFailed(code=UNREADABLE)
    reading = _decide_reading([d for page in drafts for d in page])
    pages = [_lines_of_page(page, reading) for page in drafts]
    flat = [ln for lines in pages for ln in lines]
    return _Extracted(
        pages,
        sum(ln.stored_visual for ln in flat),
        sum(ln.kashida for ln in flat),
    )


def parse(data: bytes, name: str) -> ImportedDocument:
    """Parse a PDF's text layer; scanned, encrypted, unreadable and damaged files raise.

    pypdf bounds what one stream may inflate to (FlateDecode, LZW, run-length, JBIG2): past
    it, the file is refused as a possible bomb.
    """
    from pypdf.errors import LimitReachedError

    try:
        return _parse(data, name)
    except LimitReachedError as exc:
        # pypdf's limits guard decompression and also stop loops in a damaged object graph.
        if _INFLATING.search(str(exc)):
            raise part_too_large(PDF_STREAM_LIMIT) from exc
        raise ImportFailed(code=CORRUPT) from exc
    except NotImplementedError as exc:  # a filter pypdf does not know: a damaged stream name
        raise ImportFailed(code=CORRUPT) from exc


def _parse(data: bytes, name: str) -> ImportedDocument:
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    reader = _open(data)
    try:
        extracted = _extract(reader)
        info = reader.metadata
    except FileNotDecryptedError as exc:
        raise ImportFailed(code=LOCKED) from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, AssertionError) as exc:
        raise ImportFailed(code=CORRUPT) from exc
    if not any(ln.text.strip() for lines in extracted.pages for ln in lines):
        raise ImportFailed(code=NO_TEXT)
    pages, running = drop_running_heads(extracted.pages)
    paragraphs = layout_paragraphs(pages)
    if not paragraphs:
        raise ImportFailed(code=NO_TEXT)
    title, author, published, language = _metadata(reader, info)
    if not title.strip() or _FILE_NAME.search(title.strip()):
        title = first_heading(paragraphs) or ("" if _FILE_NAME.search(title.strip()) else title)
    remarks = [
        Remark(code, {"count": count})
        for code, count in (
            (REMARK_VISUAL_ORDER, extracted.visual_lines),
            (REMARK_KASHIDA, extracted.kashida_lines),
            (REMARK_RUNNING_HEADS, running),
        )
        if count
    ]
    return make_document(
        paragraphs,
        name,
        "pdf",
        title=title,
        author=author,
        published=published,
        language=language,
        remarks=tuple(remarks),
    )


def _metadata(reader: Any, info: Any) -> tuple[str, str, str, str]:
    """(title, author, creation date, catalog /Lang); a malformed entry is left out."""
    title = author = published = language = ""
    try:
        if info is not None:
            title = str(info.title or "")
            author = str(info.author or "")
            if info.get("/CreationDate"):
                published = iso_date(info.creation_date)
    except (ValueError, TypeError, AttributeError):
        pass
    try:
        language = str(reader.trailer["/Root"].get("/Lang") or "")
    except (KeyError, ValueError, TypeError, AttributeError):
        pass
    return title, author, published, language


__all__ = [
    "CORRUPT",
    "LOCKED",
    "NO_TEXT",
    "UNREADABLE",
    "implausible_share",
    "join_lines",
    "layout_paragraphs",
    "looks_reversed",
    "order_score",
    "parse",
    "reorder_runs",
    "unreadable_share",
    "unreverse_line",
]
