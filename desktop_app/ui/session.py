"""The reading session: which article is open, and the operations the window's intents map to.

Operations go through undo commands that call the core; the core's Changes reach every panel
through the bus. Nothing here builds widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from desktop_app.core.errors import HamishError, NotFound
from desktop_app.core.library import Library
from desktop_app.core.models import Article, Changes, Note
from desktop_app.ui import undo
from desktop_app.ui.bus import Bus


class DeleteNote(undo.QUndoCommand):
    """Delete a note; undo puts it back with its id."""

    def __init__(self, lib: Library, note: Note) -> None:
        super().__init__(QCoreApplication.translate("UndoCommands", "Delete the note"))
        self.lib, self.note = lib, note

    def redo(self) -> None:
        self.lib.delete_note(self.note.id)

    def undo(self) -> None:
        self.lib.add_note(self.note.body, self.note.article_id, note_id=self.note.id)


class Session(QObject):
    """Holds the open article id; turns intents into undoable core operations."""

    message = Signal(str)
    articleOpened = Signal(int)
    articleRead = Signal(int)  # opened for the first time (its feeds count one unread less)
    articleClosed = Signal()

    def __init__(
        self, lib: Library, bus: Bus, stack: QUndoStack, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.lib, self.bus, self.stack = lib, bus, stack
        self.article_id: int | None = None
        self.last_label = 1
        lib.add_listener(self._changed)

    def _changed(self, changes: Changes) -> None:
        self.bus.broadcast(changes)

    def detach(self) -> None:
        """Stop listening to the library (the window is closing)."""
        self.lib.remove_listener(self._changed)

    # -- articles ---------------------------------------------------------------------------
    def open_article(self, article_id: int) -> Article | None:
        """Make an article the open one and return it (the window shows it); None when missing."""
        try:
            article = self.lib.get_article(article_id)
        except NotFound as exc:
            self.message.emit(str(exc))
            return None
        self.article_id = article_id
        self.lib.set_setting("gui.last_article", str(article_id))
        if self.lib.mark_opened(article_id):
            self.articleRead.emit(article_id)
        self.articleOpened.emit(article_id)
        return article

    def close_article(self) -> None:
        """No article open."""
        self.article_id = None
        self.articleClosed.emit()

    def delete_article(self, article_id: int) -> None:
        """Move an article to the trash (undoable)."""
        self.stack.push(undo.DeleteArticle(self.lib, article_id))
        if article_id == self.article_id:
            self.close_article()
        self.message.emit(self.tr("The article was moved to the trash; Undo brings it back."))

    def restore_article(self, article_id: int) -> None:
        """Bring an article back from the trash."""
        self.lib.restore_article(article_id)

    def set_tags(self, article_id: int, tags: list[str]) -> None:
        """Replace an article's tags."""
        self.lib.set_tags(article_id, tags)

    def save_position(self, article_id: int, cp: int) -> None:
        """Remember the reading position."""
        try:
            self.lib.set_reading_position(article_id, cp)
        except HamishError:
            pass

    # -- highlights -------------------------------------------------------------------------
    def highlight(self, start: int, end: int, label_id: int | None = None) -> int | None:
        """Highlight a code-point range of the open article; returns the new id."""
        if self.article_id is None:
            return None
        label = label_id or self.last_label
        self.last_label = label
        length = len(self.lib.get_article(self.article_id).text)
        if not 0 <= start < end <= length:
            self.message.emit(self.tr("Select some text of the article first."))
            return None
        cmd = undo.CreateHighlight(self.lib, self.article_id, start, end, label)
        self.stack.push(cmd)
        return cmd.highlight_id

    def relabel(self, hid: int, label_id: int) -> None:
        """Give a highlight another label (undoable)."""
        h = self.lib.get_highlight(hid)
        if h.label_id != label_id:
            self.last_label = label_id
            self.stack.push(undo.RelabelHighlight(self.lib, hid, h.label_id, label_id))

    def delete_highlight(self, hid: int) -> None:
        """Delete a highlight and its note (undoable)."""
        self.stack.push(undo.DeleteHighlight(self.lib, hid))

    # -- notes ------------------------------------------------------------------------------
    def save_note(self, target: tuple[str, int], before: str, after: str) -> None:
        """An editor's autosave: write the note through an undoable command."""
        kind, tid = target
        try:
            # Check first: an exception inside a command's redo() cannot reach us through Qt.
            if kind == "highlight":
                self.lib.get_highlight(tid)
            else:
                self.lib.get_note(tid)
        except NotFound:
            # The highlight or note went away meanwhile: keep the words as a free note.
            self.lib.add_note(after, None)
            self.message.emit(
                self.tr("The note's highlight was gone; the text was kept as a free note.")
            )
            return
        self.stack.push(undo.EditNote(self.lib, kind, tid, before, after))

    def new_note(self, article_id: int | None) -> int:
        """A new empty note on an article (or free-standing); returns its id."""
        return self.lib.add_note("", article_id).id

    def delete_note(self, nid: int) -> None:
        """Delete a note (undoable)."""
        try:
            note = self.lib.get_note(nid)
        except NotFound:
            return
        self.stack.push(DeleteNote(self.lib, note))

    def rename_labels(self, names: dict[int, str]) -> None:
        """Rename labels."""
        for lid, name in names.items():
            self.lib.rename_label(lid, name)
