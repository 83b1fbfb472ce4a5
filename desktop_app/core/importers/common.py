"""Helpers shared by the importers: titles, dates, languages, the document they return, bounds."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, Unpack

from desktop_app.core.errors import ImportFailed
from desktop_app.core.models import ImportedComment, ImportedDocument, Paragraph, Remark
from desktop_app.core.text.language import detect_language, document_sample

if TYPE_CHECKING:
    from lxml import etree

_WORD3 = re.compile(r"[^\W\d_]{3,}")
_DATE = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")
_LANG = re.compile(r"^[A-Za-z]{2,3}")
TITLE_WORDS = 10
TITLE_CHARS = 80


def is_machine_name(stem: str) -> bool:
    """True for file names made by a machine (digits, hex, ids): no word of 3+ letters."""
    return _WORD3.search(stem) is None


def opening_words(text: str, words: int = TITLE_WORDS, limit: int = TITLE_CHARS) -> str:
    """The first words of a text, at most `limit` characters, with an ellipsis when cut."""
    parts = text.split()
    out = ""
    for i, word in enumerate(parts[:words]):
        candidate = word if not out else f"{out} {word}"
        if len(candidate) > limit:
            break
        out = candidate
        if i == len(parts) - 1:
            return out
    if not out and parts:
        return parts[0][:limit] + "…"
    return out + "…" if len(parts) > len(out.split()) else out


def fallback_title(name: str, paragraphs: Sequence[Paragraph]) -> str:
    """The file stem, or when it is a machine name the opening words of the text."""
    stem = Path(name).stem.strip()
    if stem and not is_machine_name(stem):
        return stem
    body = " ".join(p.text for p in paragraphs[:3])
    return opening_words(body) if body else stem


def iso_date(value: object) -> str:
    """An ISO date (YYYY-MM-DD, YYYY-MM or YYYY) from a date, datetime or string; "" if none."""
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        formatted: str = value.strftime("%Y-%m-%d")  # a date or datetime
        return formatted
    m = _DATE.search(str(value))
    if not m:
        return ""
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month and not 1 <= int(month) <= 12:
        return year
    if day and not 1 <= int(day) <= 31:
        day = None
    return "-".join([year] + [f"{int(x):02d}" for x in (month, day) if x])


def language_code(value: str | None) -> str:
    """An ISO 639 code from a metadata value such as 'ar-EG', 'en_US' or 'AR'; "" when none."""
    if not value:
        return ""
    m = _LANG.match(str(value).strip())
    return m.group(0).lower() if m else ""


def split_tags(value: object) -> tuple[str, ...]:
    """Tags from a list or a comma / semicolon separated string, trimmed, no duplicates."""
    if value is None:
        return ()
    items: Iterable[str]
    if isinstance(value, list | tuple):
        items = (str(v) for v in value)
    else:
        items = re.split(r"[,;،]", str(value))
    out: list[str] = []
    for item in items:
        tag = item.strip().strip("\"'").strip()
        if tag and tag not in out:
            out.append(tag)
    return tuple(out)


def first_heading(paragraphs: list[Paragraph]) -> str:
    """The text of the first level-1 heading, or "" (a title for formats that have headings)."""
    return next((p.text for p in paragraphs if p.kind == "heading" and p.level == 1), "")


class DocumentMeta(TypedDict, total=False):
    """The optional metadata fields of ImportedDocument that importers pass to make_document."""

    source: str
    author: str
    url: str
    canonical_url: str
    published: str
    encoding: str
    tags: tuple[str, ...]
    remarks: tuple[Remark, ...]
    comments: tuple[ImportedComment, ...]


def make_document(
    paragraphs: list[Paragraph],
    name: str,
    fmt: str,
    *,
    title: str = "",
    language: str = "",
    **meta: Unpack[DocumentMeta],
) -> ImportedDocument:
    """The ImportedDocument of an importer: a title always, the language from the text.

    Metadata (`language`) only names a language the text's letters allow: an Arabic article in a
    page marked en-US is Arabic, a French one in a PDF marked fr-FR is French.
    """
    title = " ".join(title.split())
    if not title:
        title = fallback_title(name, paragraphs)
    lang = detect_language(f"{title}\n{document_sample(paragraphs)}", language_code(language))
    return ImportedDocument(
        paragraphs=paragraphs,
        title=title,
        format=fmt,
        language=lang,
        **meta,
    )


# -- bounds: what one file may unpack to ------------------------------------------------------

MAX_PART_BYTES = 200_000_000  # one compressed part (zip entry, PDF stream) inflated
MAX_UNPACKED_BYTES = 400_000_000  # every part of one package together
MAX_TEXT_CHARS = 50_000_000  # the text of one article
_CHUNK = 1024 * 1024


def part_too_large(limit: int = MAX_PART_BYTES) -> ImportFailed:
    """The refusal of a part that unpacks past the limit (a zip bomb, or a file no article is)."""
    return ImportFailed(code="import.part_too_large", limit_mb=f"{limit / 1e6:g}")


def check_zip(zf: zipfile.ZipFile, limit: int = MAX_PART_BYTES) -> None:
    """Refuse a package a member of which unpacks past `limit`, or all of them past the total.

    Each member is measured twice: by the size its header declares, then by inflating it in
    chunks and counting, never trusting the header (and never holding more than a chunk).
    """
    infos = [i for i in zf.infolist() if not i.is_dir()]
    if any(i.file_size > limit for i in infos):
        raise part_too_large(limit)
    if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
        raise part_too_large(MAX_UNPACKED_BYTES)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            continue  # encrypted: the importer refuses it in its own words
        total += sum(len(chunk) for chunk in _inflated(zf, info, limit))
        if total > MAX_UNPACKED_BYTES:
            raise part_too_large(MAX_UNPACKED_BYTES)


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int = MAX_PART_BYTES) -> bytes:
    """A zip member's bytes, refused when declared or found larger than `limit`."""
    if info.file_size > limit:
        raise part_too_large(limit)
    return b"".join(_inflated(zf, info, limit))


def _inflated(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> Iterator[bytes]:
    """A member's inflated bytes chunk by chunk, stopped as soon as they pass `limit`."""
    size = 0
    with zf.open(info) as f:
        while chunk := f.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise part_too_large(limit)
            yield chunk


def check_text(paragraphs: Sequence[Paragraph], limit: int | None = None) -> None:
    """Refuse an article whose text is over `limit` (MAX_TEXT_CHARS) characters."""
    limit = MAX_TEXT_CHARS if limit is None else limit
    size = 0
    for p in paragraphs:
        size += len(p.text) + 1
        if size > limit:
            raise ImportFailed(code="import.text_too_large", limit_mb=f"{limit / 1e6:g}")


def safe_xml_parser(recover: bool = False) -> etree.XMLParser:
    """An lxml parser that expands no entity, loads no DTD and fetches nothing.

    A new parser a call: a parser must not be shared between threads.
    """
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
        recover=recover,
    )
