"""Markdown (markdown-it-py): headings, quotes, list items, front matter; inline markup to text."""

from __future__ import annotations

import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from desktop_app.core.importers.common import first_heading, iso_date, make_document, split_tags
from desktop_app.core.importers.encoding import decode, strip_controls
from desktop_app.core.models import ImportedDocument, ParagraphKind
from desktop_app.core.text.paragraphs import build_paragraphs

_FRONT = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n(.*?)\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*[:=]\s*(.*)$")
_ITEM = re.compile(r"^\s*-\s+(.*)$")
_FIELDS = {
    "title",
    "author",
    "date",
    "source",
    "url",
    "tags",
    "lang",
    "language",
    "published",
    "link",
    "site",
}


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(fields, rest): YAML-ish `key: value` front matter between --- lines, lists for tags."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    fields: dict[str, Any] = {}
    last_key = ""
    for line in m.group(1).split("\n"):
        item = _ITEM.match(line)
        if item and last_key:
            current = fields.get(last_key)
            values = current if isinstance(current, list) else []
            values.append(_unquote(item.group(1)))
            fields[last_key] = values
            continue
        kv = _KEY.match(line.strip())
        if not kv:
            continue
        key, value = kv.group(1).lower(), kv.group(2).strip()
        last_key = key
        if value.startswith("[") and value.endswith("]"):
            fields[key] = [_unquote(v) for v in value[1:-1].split(",") if v.strip()]
        elif value:
            fields[key] = _unquote(value)
    if not fields.keys() & _FIELDS:
        return {}, text
    return fields, text[m.end() :]


def inline_text(token: Token) -> str:
    """The plain text of an inline token: markup dropped, links and images by their text."""
    out: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif child.type == "image":
            out.append(inline_text(child))
    return "".join(out)


def blocks(tokens: list[Token]) -> list[tuple[str, ParagraphKind, int]]:
    """(text, kind, level) of each block: heading levels, quotes, list items, table rows."""
    out: list[tuple[str, ParagraphKind, int]] = []
    quote = lists = 0
    heading = 0
    row: list[str] | None = None
    for tok in tokens:
        if tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close" and row is not None:
            out.append((" | ".join(cell for cell in row if cell.strip()), "body", 0))
            row = None
        elif tok.type == "inline" and row is not None:
            row.append(inline_text(tok))
        elif tok.type == "blockquote_open":
            quote += 1
        elif tok.type == "blockquote_close":
            quote -= 1
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            lists += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        elif tok.type == "heading_open":
            heading = int(tok.tag[1:])
        elif tok.type == "heading_close":
            heading = 0
        elif tok.type == "inline":
            text = inline_text(tok)
            if heading:
                out.append((text, "heading", heading))
            elif quote:
                out.append((text, "quote", 0))
            elif lists:
                out.append((text, "list", lists))
            else:
                out.append((text, "body", 0))
        elif tok.type in ("fence", "code_block"):
            kind: ParagraphKind = "quote" if quote else "body"
            out.extend((line, kind, 0) for line in tok.content.split("\n") if line.strip())
    return out


def parse(data: bytes, name: str) -> ImportedDocument:
    """Parse a Markdown file; the front matter title, else the first level-1 heading, is the title."""
    text, encoding = decode(data)
    text = strip_controls(text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"))
    meta, body = front_matter(text)
    md = MarkdownIt("commonmark").enable("table")
    paragraphs = build_paragraphs(blocks(md.parse(body)))
    title = str(meta.get("title", "") or "")
    if not title:
        title = first_heading(paragraphs)
    return make_document(
        paragraphs,
        name,
        "md",
        title=title,
        language=str(meta.get("lang") or meta.get("language") or ""),
        encoding=encoding,
        author=str(meta.get("author", "") or ""),
        source=str(meta.get("source") or meta.get("site") or ""),
        url=str(meta.get("url") or meta.get("link") or ""),
        published=iso_date(meta.get("date") or meta.get("published")),
        tags=split_tags(meta.get("tags")),
    )
