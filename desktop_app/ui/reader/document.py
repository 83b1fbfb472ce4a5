"""Build the reader's QTextDocument: one block per paragraph, each with its own direction.

Blocks are separated by one position each, exactly like the "\\n" that joins Article.text.
Inside right-to-left paragraphs an LRM follows a Latin stretch that ends in neutrals ("OPEC+",
"(NATO)"), or Qt would draw "+OPEC"; build_document returns where, so a UTF-16 position in the
document is Utf16Map(article.text, marks).to_utf16(code point).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from desktop_app.core.export.rtl import mark_positions
from desktop_app.core.models import Article, Paragraph
from desktop_app.core.text.direction import LRM

HEADING_SCALE = {1: 1.5, 2: 1.3, 3: 1.15}


def block_format(p: Paragraph, line_height: float, indent_px: float) -> QTextBlockFormat:
    """The block format of a paragraph: its own direction, logical alignment, spacing."""
    fmt = QTextBlockFormat()
    rtl = p.direction == "rtl"
    fmt.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    fmt.setAlignment(Qt.AlignmentFlag.AlignLeading)
    fmt.setLineHeight(
        line_height * 100.0, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    )
    fmt.setBottomMargin(10.0)
    if p.kind == "quote":
        fmt.setLeftMargin(indent_px)
        fmt.setRightMargin(indent_px)
    elif p.kind == "list":
        fmt.setIndent(1)
    elif p.kind == "heading":
        fmt.setTopMargin(8.0)
    return fmt


def char_format(p: Paragraph, base: QFont) -> QTextCharFormat:
    """The character format of a paragraph (headings larger and bold, quotes italic)."""
    fmt = QTextCharFormat()
    if p.kind == "heading":
        size = base.pointSizeF() * HEADING_SCALE.get(p.level or 2, 1.15)
        fmt.setFontPointSize(size)
        fmt.setFontWeight(QFont.Weight.Bold)
    elif p.kind == "quote":
        fmt.setFontItalic(True)
    return fmt


def build_document(
    doc: QTextDocument, article: Article, font: QFont, line_height: float
) -> list[int]:
    """Fill doc with the article's paragraphs; returns the offsets of the display marks."""
    doc.setUndoRedoEnabled(False)
    doc.clear()
    doc.setDefaultFont(font)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    indent = font.pointSizeF() * 2.0
    marks: list[int] = []
    for i, p in enumerate(article.paragraphs):
        bf = block_format(p, line_height, indent)
        cf = char_format(p, font)
        if i == 0:
            cursor.setBlockFormat(bf)
            cursor.setBlockCharFormat(cf)
        else:
            cursor.insertBlock(bf, cf)
        local = mark_positions(p.text, p.direction) if p.direction == "rtl" else []
        cursor.insertText(_with_marks_at(p.text, local), cf)
        marks.extend(p.start + m for m in local)
    cursor.endEditBlock()
    return marks


def _with_marks_at(text: str, positions: list[int]) -> str:
    if not positions:
        return text
    parts: list[str] = []
    prev = 0
    for pos in positions:
        parts.append(text[prev:pos])
        parts.append(LRM)
        prev = pos
    parts.append(text[prev:])
    return "".join(parts)


def set_line_height(doc: QTextDocument, line_height: float) -> None:
    """Change the line spacing of every block."""
    cursor = QTextCursor(doc)
    cursor.select(QTextCursor.SelectionType.Document)
    fmt = QTextBlockFormat()
    fmt.setLineHeight(
        line_height * 100.0, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    )
    cursor.mergeBlockFormat(fmt)
