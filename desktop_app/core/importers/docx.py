"""Word documents (python-docx): paragraphs, headings, quotes, lists, tables, core properties."""

from __future__ import annotations

import io
import re
import zipfile

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers.common import first_heading, iso_date, make_document, split_tags
from desktop_app.core.models import ImportedDocument, ParagraphKind

Block = tuple[str, ParagraphKind, int]

CORRUPT = "import.docx_corrupt"  # a message code
_HEADING = re.compile(r"^(?:heading|titre|überschrift|عنوان)\s*(\d)$", re.I)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def paragraph_kind(style_name: str, has_numbering: bool) -> tuple[ParagraphKind, int]:
    """(kind, level) of a Word paragraph from its style name and list numbering."""
    name = (style_name or "").strip()
    m = _HEADING.match(name)
    if m:
        return "heading", int(m.group(1))
    low = name.lower()
    if low == "title":
        return "heading", 1
    if low == "subtitle":
        return "heading", 2
    if "quote" in low:
        return "quote", 0
    if has_numbering or low.startswith("list"):
        digits = re.search(r"(\d)$", low)
        return "list", int(digits.group(1)) if digits else 1
    return "body", 0


def _style_name(paragraph: object) -> str:
    try:
        style = paragraph.style  # type: ignore[attr-defined]
    except (KeyError, ValueError):
        return ""
    return style.name if style is not None and style.name else ""


def _numbering_level(p_el: object) -> int | None:
    ppr = p_el.find(f"{_W}pPr")  # type: ignore[attr-defined]
    if ppr is None:
        return None
    num = ppr.find(f"{_W}numPr")
    if num is None:
        return None
    ilvl = num.find(f"{_W}ilvl")
    value = ilvl.get(f"{_W}val") if ilvl is not None else None
    return int(value) + 1 if value and value.isdigit() else 1


def body_blocks(document: object) -> list[Block]:
    """Blocks of the document body in order: paragraphs and table rows."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    out: list[Block] = []
    body = document.element.body  # type: ignore[attr-defined]
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            para = DocxParagraph(child, document)  # type: ignore[arg-type]
            numbering = _numbering_level(child)
            kind, level = paragraph_kind(_style_name(para), numbering is not None)
            if kind == "list" and numbering is not None:
                level = numbering
            for line in para.text.split("\n"):
                out.append((line, kind, level))
        elif child.tag == f"{_W}tbl":
            out.extend(_table_blocks(Table(child, document)))  # type: ignore[arg-type]
    return out


def _table_blocks(table: object) -> list[Block]:
    out: list[Block] = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
            if text and (not cells or cells[-1] != text):  # merged cells repeat their text
                cells.append(text)
        if cells:
            out.append((" | ".join(cells), "body", 0))
    return out


def parse(data: bytes, name: str) -> ImportedDocument:
    """Parse a .docx file; a corrupt or truncated one raises ImportFailed."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    from desktop_app.core.text.paragraphs import build_paragraphs

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ImportFailed(code=CORRUPT)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = body_blocks(document)
        props = document.core_properties
        title, author = props.title or "", props.author or ""
        created, language, keywords = props.created, props.language or "", props.keywords or ""
    except (zipfile.BadZipFile, KeyError, XMLSyntaxError, PackageNotFoundError, EOFError) as exc:
        raise ImportFailed(code=CORRUPT) from exc
    except Exception as exc:  # zlib, CRC and XML errors of a damaged package: same cause
        raise ImportFailed(code=CORRUPT) from exc
    paragraphs = build_paragraphs(blocks)
    if not title:
        title = first_heading(paragraphs)
    return make_document(
        paragraphs,
        name,
        "docx",
        title=title,
        language=language,
        author=author,
        published=iso_date(created),
        tags=split_tags(keywords),
    )
