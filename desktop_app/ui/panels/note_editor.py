"""The note editor: plain text (Markdown stored); each paragraph takes its own content's direction.

Saves about a second after typing stops, at least every few seconds while typing goes on, and
whenever it is flushed (switch, close, quit).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from desktop_app.core.text.direction import detect_direction, first_strong

SAVE_DELAY_MS = 1000
# Typing that never pauses is still saved this often: a crash loses at most this much.
MAX_UNSAVED_MS = 3000

# save(target, before, after): writes the note; the editor keeps `before` for undo.
SaveFn = Callable[[tuple[str, int], str, str], None]


class NoteEditor(QTextEdit):
    """Edits one note at a time; the target is ('highlight', id) or ('note', id)."""

    saved = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.target: tuple[str, int] | None = None
        self.saved_text = ""
        self.save_fn: SaveFn | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._unsaved_since = QElapsedTimer()  # started by the first change after a save
        self._fixing = False
        self.document().contentsChange.connect(self._contents_change)
        self.textChanged.connect(self._changed)
        self.setEnabled(False)

    @property
    def dirty(self) -> bool:
        """True when the text differs from what was last saved."""
        return self.target is not None and self.toPlainText() != self.saved_text

    def edit(self, target: tuple[str, int] | None, body: str) -> None:
        """Save the current note, then edit another (None: nothing to edit).

        The note already being edited (a list refreshed after a save) keeps its text and cursor.
        """
        if target is not None and target == self.target:
            self.reload(body)
            return
        self.flush()
        self.target = target
        self.saved_text = body
        self.blockSignals(True)
        self.setPlainText(body)
        self.blockSignals(False)
        self._fix_directions(0, self.document().characterCount())
        self.setEnabled(target is not None)

    def reload(self, body: str) -> None:
        """The stored note changed elsewhere (undo): show it unless the user is typing."""
        if self.dirty or body == self.toPlainText():
            self.saved_text = body if not self.dirty else self.saved_text
            return
        self.saved_text = body
        self.blockSignals(True)
        self.setPlainText(body)
        self.blockSignals(False)
        self._fix_directions(0, self.document().characterCount())

    def flush(self) -> None:
        """Save now if anything changed."""
        self._timer.stop()
        self._unsaved_since.invalidate()
        if not self.dirty or self.save_fn is None or self.target is None:
            return
        before, after = self.saved_text, self.toPlainText()
        self.saved_text = after
        self.save_fn(self.target, before, after)
        self.saved.emit(*self.target)

    def _changed(self) -> None:
        if self.target is None:
            return
        if not self._unsaved_since.isValid():
            self._unsaved_since.start()
        if self._unsaved_since.elapsed() >= MAX_UNSAVED_MS:
            self.flush()
        else:
            self._timer.start()

    def focusOutEvent(self, e: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(e)
        self.flush()

    def _contents_change(self, position: int, _removed: int, added: int) -> None:
        if not self._fixing:
            self._fix_directions(position, position + added)

    def _fix_directions(self, start: int, end: int) -> None:
        """Give every block touched by an edit the direction of its own content."""
        doc = self.document()
        block = doc.findBlock(start)
        last = doc.findBlock(max(start, end))
        self._fixing = True
        try:
            while block.isValid():
                text = block.text()
                d = detect_direction(text) if first_strong(text) else None
                want = (
                    Qt.LayoutDirection.RightToLeft
                    if d == "rtl"
                    else (Qt.LayoutDirection.LeftToRight if d == "ltr" else self.layoutDirection())
                )
                if block.blockFormat().layoutDirection() != want:
                    fmt = QTextBlockFormat()
                    fmt.setLayoutDirection(want)
                    cur = QTextCursor(block)
                    cur.mergeBlockFormat(fmt)
                if block == last:
                    break
                block = block.next()
        finally:
            self._fixing = False
