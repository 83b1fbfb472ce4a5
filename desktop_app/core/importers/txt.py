"""Plain text: encoding detection, a title line, paragraphs."""

from __future__ import annotations

import codecs
from pathlib import Path

from desktop_app.core.errors import ImportFailed
from desktop_app.core.models import ImportedDocument
from desktop_app.core.text.direction import guess_language
from desktop_app.core.text.paragraphs import build_paragraphs, split_plain_text


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes: BOM, then strict UTF-8, then Arabic code pages, then charset-normalizer."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise ImportFailed(f"undecodable bytes after a {enc} byte-order mark") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ImportFailed("undecodable bytes: not UTF-8, UTF-16 or a known legacy encoding")
    return str(best), best.encoding


def parse(data: bytes, name: str) -> ImportedDocument:
    """Parse a .txt file; a short first line followed by a blank line is the title."""
    text, encoding = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    title = ""
    lines = text.lstrip("\n").split("\n")
    if len(lines) > 2 and lines[0].strip() and not lines[1].strip() and len(lines[0]) <= 200:
        title = lines[0].strip()
        text = "\n".join(lines[2:])
    paragraphs = build_paragraphs(split_plain_text(text))
    if not title:
        title = Path(name).stem
    return ImportedDocument(
        paragraphs=paragraphs,
        title=title,
        format="txt",
        encoding=encoding,
        language=guess_language(text),
    )
