"""The read-only text view: QTextBrowser (QPlainTextEdit lays Arabic out flush left).

It reads like an e-reader or a web page: no text cursor is drawn, the arrow and page keys
scroll, and Shift with a movement key selects from the last click (or from the top of the
page), so text can be selected with the keyboard, copied and highlighted.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from desktop_app.ui.reader.highlights import HighlightLayer

MAX_COLUMN_PX = 760

_SK, _OP = QKeySequence.StandardKey, QTextCursor.MoveOperation
# Shift + a movement key extends the selection; the other movement keys scroll the page.
SELECTION_KEYS: dict[QKeySequence.StandardKey, QTextCursor.MoveOperation] = {
    _SK.SelectNextChar: _OP.Right,
    _SK.SelectPreviousChar: _OP.Left,
    _SK.SelectNextWord: _OP.WordRight,
    _SK.SelectPreviousWord: _OP.WordLeft,
    _SK.SelectNextLine: _OP.Down,
    _SK.SelectPreviousLine: _OP.Up,
    _SK.SelectStartOfLine: _OP.StartOfLine,
    _SK.SelectEndOfLine: _OP.EndOfLine,
    _SK.SelectStartOfBlock: _OP.StartOfBlock,
    _SK.SelectEndOfBlock: _OP.EndOfBlock,
    _SK.SelectStartOfDocument: _OP.Start,
    _SK.SelectEndOfDocument: _OP.End,
}


class ReaderBrowser(QTextBrowser):
    """Shows an article; reports clicks on highlights and shows their notes on hover."""

    highlightClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerBrowser")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        # Without TextSelectableByKeyboard Qt neither draws a caret nor moves one with the
        # arrow keys (they scroll); keyboard selection is done in keyPressEvent instead.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setCursorWidth(0)
        self.layer = HighlightLayer(self.document())
        self.context_actions: list[QAction | None] = []  # None: a separator
        self.tooltip_for: Callable[[list[int]], str] = lambda ids: ""
        self._margin = -1

    def setDocument(self, document: QTextDocument) -> None:  # noqa: N802
        """Show a document; the caret width lives on its layout, so it is set to 0 again."""
        super().setDocument(document)
        self.setCursorWidth(0)

    def position_at(self, point: QPoint) -> int:
        """The document position (UTF-16) under a viewport point."""
        return self.cursorForPosition(point).position()

    def highlights_at_point(self, point: QPoint) -> list[int]:
        """Ids of the highlights under a viewport point."""
        cursor = self.cursorForPosition(point)
        ids = self.layer.at(cursor.position())
        if not ids and cursor.position() > 0:
            ids = self.layer.at(cursor.position() - 1)
        return ids

    def keyPressEvent(self, e: QKeyEvent) -> None:  # noqa: N802
        for key, op in SELECTION_KEYS.items():
            if e.matches(key):
                self.extend_selection(op)
                e.accept()
                return
        super().keyPressEvent(e)

    def extend_selection(self, op: QTextCursor.MoveOperation) -> None:
        """Move the selection's free end (visually, as the arrow keys point); never edits."""
        cursor = self.textCursor()
        if not cursor.hasSelection() and not self.viewport().rect().contains(
            self.cursorRect(cursor)
        ):
            # Nothing clicked on this page: start where the reader is looking.
            cursor.setPosition(self.top_position())
        cursor.setVisualNavigation(True)
        cursor.movePosition(op, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(e)
        if e.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            ids = self.highlights_at_point(e.position().toPoint())
            if ids:
                self.highlightClicked.emit(ids[-1])

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            ids = self.highlights_at_point(event.pos())
            text = self.tooltip_for(ids) if ids else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, e: QContextMenuEvent) -> None:  # noqa: N802
        menu = self.createStandardContextMenu(e.pos())
        if self.context_actions:
            menu.addSeparator()
            for act in self.context_actions:
                if act is None:
                    menu.addSeparator()
                else:
                    menu.addAction(act)
        menu.exec(e.globalPos())
        menu.deleteLater()

    def resizeEvent(self, e: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(e)
        self.fit_column()

    def fit_column(self, doc: QTextDocument | None = None) -> None:
        """Keep lines at a readable length: side margins grow on wide windows."""
        width = self.viewport().width()
        margin = max(24, (width - MAX_COLUMN_PX) // 2)
        if doc is None and margin == self._margin:
            return
        self._margin = margin
        root = (doc or self.document()).rootFrame()
        fmt = root.frameFormat()
        fmt.setLeftMargin(margin)
        fmt.setRightMargin(margin)
        fmt.setTopMargin(12)
        fmt.setBottomMargin(48)
        root.setFrameFormat(fmt)

    def top_position(self) -> int:
        """Document position (UTF-16) at the top of the visible page."""
        return self.cursorForPosition(QPoint(self.viewport().width() // 2, 6)).position()

    def scroll_to_position(self, pos16: int, fraction: float = 0.0) -> None:
        """Scroll so that pos16 sits at `fraction` of the viewport height from the top."""
        doc = self.document()
        block = doc.findBlock(pos16)
        if not block.isValid():
            return
        rect = doc.documentLayout().blockBoundingRect(block)
        y = rect.top()
        layout = block.layout()
        if layout is not None and layout.lineCount() > 0:
            line = layout.lineForTextPosition(max(0, pos16 - block.position()))
            if line.isValid():
                y += line.y()
        bar = self.verticalScrollBar()
        bar.setValue(int(y - self.viewport().height() * fraction))

    def place_cursor(self, pos16: int, end16: int | None = None) -> None:
        """Move the text cursor (optionally selecting to end16) and bring it into view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(pos16)
        if end16 is not None:
            cursor.setPosition(end16, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if not self.viewport().rect().contains(self.cursorRect(cursor)):
            self.scroll_to_position(pos16, 0.3)
