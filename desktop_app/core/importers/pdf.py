"""PDF text layers (pypdf): lines joined into paragraphs, presentation forms folded, visual order undone."""

from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers.common import iso_date, make_document
from desktop_app.core.models import ImportedDocument, ParagraphKind
from desktop_app.core.text.normalize import fold_presentation_forms
from desktop_app.core.text.paragraphs import build_paragraphs

Block = tuple[str, ParagraphKind, int]

CORRUPT = "import.pdf_corrupt"  # message codes (desktop_app.core.messages)
NO_TEXT = "import.pdf_no_text"
UNREADABLE = "import.pdf_unreadable"
LOCKED = "import.pdf_locked"
GAP_FACTOR = 1.35  # a gap between baselines this much wider than usual starts a paragraph
WIDE_GAP = 2.5  # a gap of this many font sizes is a paragraph break even with no usual gap
HEADING_FACTOR = 1.25  # lines in a font this much larger than the body are headings
_ENDS_SENTENCE = tuple('.!?؟:…"»”)')
_PAGE_NUMBER = re.compile(r"^\s*[-–]?\s*[\d\u0660-\u0669]{1,4}\s*[-–]?\s*$")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]{2,}")
_LTR_RUN = re.compile(
    r"[0-9A-Za-z\u00c0-\u024f](?:[0-9A-Za-z\u00c0-\u024f .,:/%+\-']*[0-9A-Za-z\u00c0-\u024f])?"
)
_LEADING_STOP = re.compile(r"^\s*[.،؛:!؟]+\s*(?=[0-9A-Za-z\u0621-\u064a])")


_UNREADABLE = re.compile("[\x00-\x08\x0e-\x1f\ue000-\uf8ff\ufffd]")


def unreadable_share(text: str) -> float:
    """Share of control, private-use and replacement characters among the non-space ones."""
    visible = sum(1 for ch in text if not ch.isspace())
    return len(_UNREADABLE.findall(text)) / visible if visible else 0.0


@dataclass
class Line:
    """One extracted line with its baseline height and font size (0 when unknown)."""

    text: str
    y: float = 0.0
    size: float = 0.0


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


def _page_lines(page: object) -> list[Line]:
    """Lines of a page with the baseline and font size of each, when pypdf reports them."""
    fragments: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        y = tm[5] * cm[3] + tm[4] * cm[1] + cm[5]
        fragments.append((text, y, size * abs(tm[3] * cm[3] or 1.0)))

    text = page.extract_text(visitor_text=visit) or ""  # type: ignore[attr-defined]
    raw_lines = text.split("\n")
    # Baselines by line: split the fragment stream where pypdf put its line breaks.
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


def _usual(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def line_gaps(lines: list[Line]) -> list[float]:
    """Positive distances between the baselines of consecutive non-empty lines."""
    return [
        a.y - b.y
        for a, b in zip(lines, lines[1:], strict=False)
        if a.y and b.y and a.text.strip() and b.text.strip() and a.y - b.y > 0
    ]


def page_blocks(lines: list[Line], body_size: float, usual_gap: float) -> list[Block]:
    """Paragraphs of one page: lines joined, split at blank lines, wide gaps and font changes."""
    lines = [ln for ln in lines if not _PAGE_NUMBER.match(ln.text) or not ln.text.strip()]
    blocks: list[Block] = []
    current: list[str] = []
    current_kind: ParagraphKind = "body"
    prev: Line | None = None

    def flush() -> None:
        if current:
            blocks.append((_join(current), current_kind, 1 if current_kind == "heading" else 0))
            current.clear()

    for ln in lines:
        if not ln.text.strip():
            flush()
            prev = None
            continue
        kind: ParagraphKind = (
            "heading" if body_size and ln.size >= body_size * HEADING_FACTOR else "body"
        )
        new_para = prev is None or kind != current_kind
        if prev is not None and prev.y and ln.y:
            gap = prev.y - ln.y
            size = max(prev.size, ln.size)
            if (
                gap < 0
                or (usual_gap and gap > usual_gap * GAP_FACTOR)
                or (size and gap > size * WIDE_GAP)
            ):
                new_para = True
        if new_para:
            flush()
            current_kind = kind
        current.append(ln.text.strip())
        prev = ln
    flush()
    return blocks


def _join(lines: list[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        if re.search(r"[A-Za-z]-$", out) and line[:1].islower():
            out = out[:-1] + line  # a word hyphenated across lines
        else:
            out = f"{out} {line}"
    return out


def _open(data: bytes) -> object:
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


def parse(data: bytes, name: str) -> ImportedDocument:
    """Parse a PDF's text layer; scanned, encrypted and damaged files raise ImportFailed."""
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    reader = _open(data)
    try:
        pages = [_page_lines(page) for page in reader.pages]  # type: ignore[attr-defined]
        info = reader.metadata  # type: ignore[attr-defined]
    except FileNotDecryptedError as exc:
        raise ImportFailed(code=LOCKED) from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ImportFailed(code=CORRUPT) from exc
    if not any(ln.text.strip() for lines in pages for ln in lines):
        raise ImportFailed(code=NO_TEXT)
    folded = "\n".join(fold_presentation_forms(ln.text) for lines in pages for ln in lines)
    if unreadable_share(folded) > 0.1:
        raise ImportFailed(code=UNREADABLE)
    reverse = looks_reversed(folded)
    runs = has_visual_runs(folded.split("\n"))
    for lines in pages:
        for ln in lines:
            text = unreverse_line(ln.text) if reverse else ln.text
            text = reorder_runs(text) if runs else text
            ln.text = fold_presentation_forms(space_runs(text) if reverse or runs else text)
    body_size = _usual([ln.size for lines in pages for ln in lines if ln.size and ln.text.strip()])
    # Ignore gaps far below a line height: sub- and superscripts read as lines of their own.
    gaps = [g for lines in pages for g in line_gaps(lines) if g > body_size * 0.6]
    usual_gap = min(gaps) if gaps else 0.0
    blocks: list[Block] = []
    for lines in pages:
        page = page_blocks(lines, body_size, usual_gap)
        if blocks and page and blocks[-1][1] == "body" and page[0][1] == "body":
            if not blocks[-1][0].endswith(_ENDS_SENTENCE):
                page[0] = (_join([blocks.pop()[0], page[0][0]]), "body", 0)
        blocks.extend(page)
    paragraphs = build_paragraphs(blocks)
    if not paragraphs:
        raise ImportFailed(code=NO_TEXT)
    title, author, published, language = _metadata(reader, info)
    return make_document(
        paragraphs,
        name,
        "pdf",
        title=title,
        author=author,
        published=published,
        language=language,
    )


def _metadata(reader: object, info: object) -> tuple[str, str, str, str]:
    """(title, author, creation date, catalog /Lang); a malformed entry is left out."""
    title = author = published = language = ""
    try:
        if info is not None:
            title = str(info.title or "")  # type: ignore[attr-defined]
            author = str(info.author or "")  # type: ignore[attr-defined]
            if info.get("/CreationDate"):  # type: ignore[attr-defined]
                published = iso_date(info.creation_date)  # type: ignore[attr-defined]
    except (ValueError, TypeError, AttributeError):
        pass
    try:
        language = str(reader.trailer["/Root"].get("/Lang") or "")  # type: ignore[attr-defined]
    except (KeyError, ValueError, TypeError, AttributeError):
        pass
    return title, author, published, language
