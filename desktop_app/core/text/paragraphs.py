"""Build paragraphs from text: NFC, trimmed, direction per paragraph, code-point offsets."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from desktop_app.core.models import Paragraph, ParagraphKind
from desktop_app.core.text.direction import detect_direction

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_SPLIT = re.compile(r"\n\s*\n")


def clean_line(text: str) -> str:
    """NFC, runs of spaces collapsed, ends trimmed; line breaks inside become spaces."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", " ")
    return _SPACES.sub(" ", text).strip()


def build_paragraphs(
    items: Iterable[str | tuple[str, ParagraphKind] | tuple[str, ParagraphKind, int]],
) -> list[Paragraph]:
    """Paragraphs with direction and start offsets; empty ones dropped."""
    out: list[Paragraph] = []
    start = 0
    for item in items:
        kind: ParagraphKind = "body"
        level = 0
        if isinstance(item, str):
            text = item
        elif len(item) == 2:
            text, kind = item
        else:
            text, kind, level = item
        text = clean_line(text)
        if not text:
            continue
        out.append(
            Paragraph(
                text=text, direction=detect_direction(text), kind=kind, start=start, level=level
            )
        )
        start += len(text) + 1
    return out


def split_plain_text(text: str) -> list[str]:
    """Split plain text into paragraphs.

    Blank lines separate paragraphs when the text has any; otherwise each line is a paragraph
    (news text is often one paragraph a line).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n\n").strip("\n")
    if _BLANK_SPLIT.search(text):
        return [block for block in _BLANK_SPLIT.split(text) if block.strip()]
    return [line for line in text.split("\n") if line.strip()]
