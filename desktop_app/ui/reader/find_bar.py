"""Find in the article, ignoring harakat and hamza forms ("احمد" finds "أَحْمَد")."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget

from desktop_app.core.text.normalize import find_all_folded
from desktop_app.core.text.offsets import Utf16Map
from desktop_app.ui.i18n import format_number
from desktop_app.ui.reader.browser import ReaderBrowser

MAX_PAINTED = 500  # extra selections are slow in bulk; the count still covers every match


class FindBar(QWidget):
    """A bar under the reader: the text to find, previous/next, and the match count."""

    closed = Signal()

    def __init__(self, browser: ReaderBrowser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.browser = browser
        self.text = ""
        self.umap = Utf16Map("")
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.match_color = QColor("#ff9f1c")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(self.tr("Find in the article (ignores harakat and hamza)"))
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.prev_btn = QToolButton(self)
        self.prev_btn.setText(self.tr("Previous"))
        self.next_btn = QToolButton(self)
        self.next_btn.setText(self.tr("Next"))
        self.close_btn = QToolButton(self)
        self.close_btn.setText(self.tr("Close"))
        for w in (self.edit, self.count, self.prev_btn, self.next_btn, self.close_btn):
            lay.addWidget(w)
        lay.setStretch(0, 1)
        self.edit.textChanged.connect(self.search)
        self.edit.returnPressed.connect(self.next)
        self.next_btn.clicked.connect(self.next)
        self.prev_btn.clicked.connect(self.previous)
        self.close_btn.clicked.connect(self.close_bar)
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self,
            self.close_bar,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.hide()

    def set_text(self, text: str, umap: Utf16Map | None = None) -> None:
        """The article text (code points) the bar searches."""
        self.text = text
        self.umap = umap or Utf16Map(text)
        if self.isVisible() and self.edit.text():
            self.search(self.edit.text())
        else:
            self.matches = []
            self.current = -1

    def open(self) -> None:
        """Show the bar and focus the field (the selection, if any, becomes the query)."""
        sel = self.browser.textCursor().selectedText()
        self.show()
        if sel and "\u2029" not in sel:
            self.edit.setText(sel)
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and its marks."""
        self.browser.setExtraSelections([])
        self.hide()
        self.browser.setFocus()
        self.closed.emit()

    def search(self, needle: str) -> None:
        """Find every match of needle, mark them, go to the first one."""
        self.matches = find_all_folded(self.text, needle) if needle.strip() else []
        self.current = -1
        self._mark()
        if self.matches:
            self.go(0)
        else:
            self._update_count()

    def go(self, i: int) -> None:
        """Select match i and scroll to it."""
        if not self.matches:
            return
        self.current = i % len(self.matches)
        s, e = self.matches[self.current]
        self.browser.place_cursor(self.umap.to_utf16(s), self.umap.to_utf16(e))
        self._update_count()

    def next(self) -> None:
        """The next match (wraps around)."""
        self.go(self.current + 1)

    def previous(self) -> None:
        """The previous match (wraps around)."""
        self.go(self.current - 1 if self.current >= 0 else -1)

    def _mark(self) -> None:
        sels = []
        fmt = QTextCharFormat()
        fmt.setBackground(self.match_color)
        doc = self.browser.document()
        for s, e in self.matches[:MAX_PAINTED]:
            sel = QTextEdit.ExtraSelection()
            cur = QTextCursor(doc)
            cur.setPosition(self.umap.to_utf16(s))
            cur.setPosition(self.umap.to_utf16(e), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cur
            sel.format = fmt
            sels.append(sel)
        self.browser.setExtraSelections(sels)

    def _update_count(self) -> None:
        n = len(self.matches)
        if not self.edit.text().strip():
            self.count.setText("")
        elif n == 0:
            self.count.setText(self.tr("No matches"))
        else:
            self.count.setText(
                self.tr("%1 of %n match(es)", "", n).replace("%1", format_number(self.current + 1))
            )
