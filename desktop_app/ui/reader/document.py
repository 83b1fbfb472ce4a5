"""Build the reader's QTextDocument: one block per paragraph, each with its own direction.

Blocks are separated by one position each, exactly like the "\\n" that joins Article.text,
so a UTF-16 position in the document is Utf16Map(article.text).to_utf16(code point).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from desktop_app.core.models import Article, Paragraph

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


def build_document(doc: QTextDocument, article: Article, font: QFont, line_height: float) -> None:
    """Fill doc with the article's paragraphs (replacing what was there)."""
    doc.setUndoRedoEnabled(False)
    doc.clear()
    doc.setDefaultFont(font)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    indent = font.pointSizeF() * 2.0
    for i, p in enumerate(article.paragraphs):
        bf = block_format(p, line_height, indent)
        cf = char_format(p, font)
        if i == 0:
            cursor.setBlockFormat(bf)
            cursor.setBlockCharFormat(cf)
        else:
            cursor.insertBlock(bf, cf)
        cursor.insertText(p.text, cf)
    cursor.endEditBlock()


def set_line_height(doc: QTextDocument, line_height: float) -> None:
    """Change the line spacing of every block."""
    cursor = QTextCursor(doc)
    cursor.select(QTextCursor.SelectionType.Document)
    fmt = QTextBlockFormat()
    fmt.setLineHeight(
        line_height * 100.0, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    )
    cursor.mergeBlockFormat(fmt)
