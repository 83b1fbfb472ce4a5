"""Paints a search result: kind icon, title, source and date, and the snippet with its marks.

Each block takes the direction of its own content, so an Arabic snippet reads right-to-left
(flush right) under an English title, whatever the interface language.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop_app.resources import resource_path
from desktop_app.ui.models.search_model import RowRole, SearchRow, meta_line

ICON_SIZE = 20
PAD = 6
MARK_COLOR = "#b3261e"
_icons: dict[str, QIcon] = {}


def kind_icon(kind: str) -> QIcon:
    """The small icon of a result kind (article, highlight, note, text)."""
    if kind not in _icons:
        path = resource_path("icons", f"kind-{kind}.svg")
        _icons[kind] = QIcon(str(path)) if path.exists() else QIcon()
    return _icons[kind]


def _block(direction: str) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    rtl = direction == "rtl"
    fmt.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    fmt.setAlignment(Qt.AlignmentFlag.AlignLeading)
    fmt.setBottomMargin(2.0)
    return fmt


def build_result_document(
    row: SearchRow, font: QFont, text: QColor, muted: QColor, mark: QColor
) -> QTextDocument:
    """The rich text of one result: title, meta line, snippet with marked words bold."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(font)
    opt = QTextOption()
    opt.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(opt)
    cur = QTextCursor(doc)
    title = QTextCharFormat()
    title.setFontWeight(QFont.Weight.Bold)
    title.setForeground(text)
    cur.setBlockFormat(_block(row.title_direction))
    cur.insertText(row.title or "—", title)
    meta_text = meta_line(row.source, row.date)
    if meta_text:
        meta = QTextCharFormat()
        meta.setForeground(muted)
        meta.setFontPointSize(max(7.0, font.pointSizeF() * 0.85))
        cur.insertBlock(_block(row.title_direction), meta)
        cur.insertText(meta_text, meta)
    if row.snippet:
        plain = QTextCharFormat()
        plain.setForeground(text)
        marked = QTextCharFormat(plain)
        marked.setFontWeight(QFont.Weight.Bold)
        marked.setForeground(mark)
        cur.insertBlock(_block(row.direction), plain)
        at = 0
        for s, e in row.marks:
            if s < at:
                continue
            if s > at:
                cur.insertText(row.snippet[at:s], plain)
            cur.insertText(row.snippet[s:e], marked)
            at = e
        if at < len(row.snippet):
            cur.insertText(row.snippet[at:], plain)
    return doc


class SearchDelegate(QStyledItemDelegate):
    """Draws results with a QTextDocument each (cached per result, width and selection)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mark_color = QColor(MARK_COLOR)
        self._cache: dict[tuple[object, ...], QTextDocument] = {}

    def clear_cache(self) -> None:
        """Forget laid-out results (new results, new font or colours)."""
        self._cache.clear()

    def _doc(
        self, row: SearchRow, option: QStyleOptionViewItem, width: int, selected: bool
    ) -> QTextDocument:
        key = (row.key(), row.snippet, width, selected, option.font.key())
        doc = self._cache.get(key)
        if doc is None:
            pal = option.palette
            role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            text = pal.color(role)
            muted = QColor(text)
            muted.setAlphaF(0.65)
            mark = text if selected else self.mark_color
            doc = build_result_document(row, option.font, text, muted, mark)
            doc.setTextWidth(max(40, width))
            if len(self._cache) > 600:
                self._cache.clear()
            self._cache[key] = doc
        return doc

    def _text_rect(self, option: QStyleOptionViewItem) -> QRect:
        r = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        if option.direction == Qt.LayoutDirection.RightToLeft:
            return r.adjusted(0, 0, -(ICON_SIZE + PAD), 0)
        return r.adjusted(ICON_SIZE + PAD, 0, 0, 0)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row = index.data(RowRole)
        if not isinstance(row, SearchRow):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        painter.save()
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_rect = self._text_rect(opt)
        icon_x = (
            text_rect.right() + PAD
            if opt.direction == Qt.LayoutDirection.RightToLeft
            else opt.rect.left() + PAD
        )
        kind_icon(row.kind).paint(
            painter, QRect(icon_x, opt.rect.top() + PAD + 1, ICON_SIZE, ICON_SIZE)
        )
        doc = self._doc(row, opt, text_rect.width(), selected)
        painter.translate(text_rect.topLeft())
        painter.setClipRect(QRect(0, 0, text_rect.width(), text_rect.height()))
        ctx = QAbstractTextDocumentLayout.PaintContext()
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:  # noqa: N802
        row = index.data(RowRole)
        if not isinstance(row, SearchRow):
            return super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = opt.widget
        width = view.viewport().width() if isinstance(view, QAbstractScrollArea) else 320
        fake = QStyleOptionViewItem(opt)
        fake.rect = QRect(0, 0, width, 100)
        text_w = self._text_rect(fake).width()
        doc = self._doc(row, opt, text_w, False)
        return QSize(width, int(doc.size().height()) + 2 * PAD)
