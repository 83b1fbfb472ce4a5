"""Plain text: encoding detection, a title line, paragraphs, text wrapped at a fixed width."""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop_app.core.importers.common import make_document
from desktop_app.core.importers.encoding import decode, strip_controls
from desktop_app.core.models import ImportedDocument, Remark
from desktop_app.core.text.paragraphs import build_paragraphs, split_plain_text

TITLE_MAX = 200
_NOT_TITLE_END = tuple(".:;,،")
# Headlines end in a suspension ("..", "…"), "!" or "?" as often as in nothing at all.
_TITLE_END = ("..", "…", "!", "?", "؟")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = tuple(".!?؟…:\"'»”)")

# Wrapping at a fixed width: lines no longer than WRAP_MAX characters, at least WRAP_LINES of
# them, and at least WRAP_SHARE of the lines inside a paragraph full: the next line's first
# word would not have fitted on them (what a greedy wrapper such as fmt, textwrap or an e-mail
# client leaves), most of them inside a sentence. One-paragraph-a-line news text has lines of
# every length, each ending a sentence: none of the 20,000 corpus articles passes.
WRAP_MIN, WRAP_MAX = 30, 100
WRAP_LINES = 4
WRAP_SHARE = 0.6


def split_title(text: str) -> tuple[str, str]:
    """(title, rest): a short first line followed by a blank line is the title, else ("", text).

    When the rest also separates paragraphs by blank lines, a first line that ends like a
    sentence (a full stop, a colon) is the first paragraph rather than a title; a headline's
    suspension ("..", "…"), "!" or "?" does not make it a sentence.
    """
    lines = text.lstrip("\n").split("\n")
    if len(lines) < 3:
        return "", text
    first = lines[0].strip()
    if not first or lines[1].strip() or len(first) > TITLE_MAX:
        return "", text
    rest = "\n".join(lines[2:])
    if not rest.strip():
        return "", text
    sentence = first.endswith(_NOT_TITLE_END) and not first.endswith(_TITLE_END)
    if sentence and _BLANK_LINE.search(rest.strip("\n")):
        return "", text
    return first, rest


def _first_word(line: str) -> str:
    parts = line.split(None, 1)
    return parts[0] if parts else ""


def _chars(s: str) -> int:
    return len(s)


def _bytes(s: str) -> int:
    return len(s.encode("utf-8"))


Measure = Callable[[str], int]


def wrap_width(text: str) -> tuple[int, Measure]:
    """The width a text was wrapped at and how it was measured, or (0, _) when not wrapped.

    Some wrappers count characters (textwrap, editors), others bytes (GNU fmt, fold): an Arabic
    letter is two bytes of UTF-8, so both are tried.
    """
    lines = text.split("\n")
    if len(lines) < WRAP_LINES or max(map(len, lines)) > 2 * WRAP_MAX:
        return 0, _chars  # too few lines, or one longer than any wrap in characters or bytes
    for measure in (_chars, _bytes):
        width = _wrapped_at(text, measure)
        if width:
            return width, measure
    return 0, _chars


def _wrapped_at(text: str, measure: Measure) -> int:
    lines = [ln.rstrip() for ln in text.split("\n")]
    body = [ln for ln in lines if ln.strip()]
    if len(body) < WRAP_LINES:
        return 0
    width = max(measure(ln) for ln in body)
    # Nobody wraps prose at under WRAP_MIN characters, whatever the wrapper counts.
    if max(map(len, body)) < WRAP_MIN or width > WRAP_MAX * (1 if measure is _chars else 2):
        return 0
    pairs = full = ends = 0
    for line, nxt in zip(lines, lines[1:], strict=False):
        if not line.strip() or not nxt.strip():
            continue
        pairs += 1
        full += measure(line) + 1 + measure(_first_word(nxt)) > width
        ends += line.endswith(_SENTENCE_END)
    # Wrapped lines mostly break inside a sentence; lines that each end one are paragraphs.
    # Two full lines out of three can be chance (four short lines of a news item): a wrapped
    # text has at least WRAP_LINES - 1 of them.
    wrapped = (
        full >= WRAP_LINES - 1 and full / pairs >= WRAP_SHARE and ends / pairs < 1 - WRAP_SHARE
    )
    return width if wrapped else 0


def reflow(text: str, width: int, measure: Measure = _chars) -> list[str]:
    """Paragraphs of text wrapped at `width`: blank lines, indents and short sentence ends decide.

    A line ends its paragraph when the next line is blank or indented, or when it ends a
    sentence and the next line's first word would have fitted on it.
    """
    paragraphs: list[str] = []
    current: list[str] = []
    lines = text.split("\n")
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        current.append(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        indented = nxt[:1] in (" ", "\t") and nxt.strip()
        short = measure(raw.rstrip()) + 1 + measure(_first_word(nxt)) <= width
        if indented or (line.endswith(_SENTENCE_END) and short):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def parse(data: bytes, name: str) -> ImportedDocument:
    """Parse a .txt file; a short first line followed by a blank line is the title."""
    text, encoding = decode(data)
    text = strip_controls(text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"))
    title, body = split_title(text)
    width, measure = wrap_width(body.strip("\n"))
    remarks: tuple[Remark, ...] = ()
    if width:
        blocks = reflow(body.strip("\n"), width, measure)
        remarks = (Remark("import.remark_reflowed", {"width": width}),)
    else:
        blocks = split_plain_text(body)
    paragraphs = build_paragraphs(blocks)
    return make_document(paragraphs, name, "txt", title=title, encoding=encoding, remarks=remarks)
