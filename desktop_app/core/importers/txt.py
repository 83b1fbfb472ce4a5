"""Plain text: encoding detection, a title line, paragraphs."""

from __future__ import annotations

import re

from desktop_app.core.importers.common import make_document
from desktop_app.core.importers.encoding import decode, strip_controls
from desktop_app.core.models import ImportedDocument
from desktop_app.core.text.paragraphs import build_paragraphs, split_plain_text

TITLE_MAX = 200
_NOT_TITLE_END = tuple(".:;,،")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def split_title(text: str) -> tuple[str, str]:
    """(title, rest): a short first line followed by a blank line is the title, else ("", text).

    When the rest also separates paragraphs by blank lines, a first line that ends like a
    sentence (a full stop, a colon) is the first paragraph rather than a title.
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
    if first.endswith(_NOT_TITLE_END) and _BLANK_LINE.search(rest.strip("\n")):
        return "", text
    return first, rest


def parse(data: bytes, name: str) -> ImportedDocument:
    """Parse a .txt file; a short first line followed by a blank line is the title."""
    text, encoding = decode(data)
    text = strip_controls(text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"))
    title, body = split_title(text)
    paragraphs = build_paragraphs(split_plain_text(body))
    return make_document(paragraphs, name, "txt", title=title, encoding=encoding)
