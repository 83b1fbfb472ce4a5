"""Helpers shared by the importers: titles, dates, languages, the document they return."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TypedDict, Unpack

from desktop_app.core.models import ImportedComment, ImportedDocument, Paragraph, Remark
from desktop_app.core.text.language import detect_language, document_sample

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
