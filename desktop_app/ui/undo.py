"""Undo commands: they hold ids and before/after values and call the core, never widgets."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from desktop_app.core.library import Library
from desktop_app.core.models import Changes, Highlight

Broadcast = Callable[[Changes], None]


class CreateHighlight(QUndoCommand):
    """Highlight a range; undo deletes it, redo puts the same id back."""

    def __init__(
        self, lib: Library, article_id: int, start: int, end: int, label_id: int, note: str = ""
    ) -> None:
        super().__init__(QCoreApplication.translate("UndoCommands", "Highlight text"))
        self.lib, self.article_id, self.start, self.end = lib, article_id, start, end
        self.label_id, self.note = label_id, note
        self.highlight_id: int | None = None
        self._snapshot: Highlight | None = None

    def redo(self) -> None:
        if self._snapshot is None:
            h = self.lib.add_highlight(
                self.article_id, self.start, self.end, self.label_id, self.note
            )
            self.highlight_id = h.id
        else:
            self.lib.restore_highlight(self._snapshot)

    def undo(self) -> None:
        if self.highlight_id is None:
            return
        self._snapshot = self.lib.get_highlight(self.highlight_id)
        self.lib.delete_highlight(self.highlight_id)


class RelabelHighlight(QUndoCommand):
    """Give a highlight another label."""

    def __init__(self, lib: Library, highlight_id: int, before: int, after: int) -> None:
        super().__init__(QCoreApplication.translate("UndoCommands", "Change the label"))
        self.lib, self.highlight_id, self.before, self.after = lib, highlight_id, before, after

    def redo(self) -> None:
        self.lib.relabel_highlight(self.highlight_id, self.after)

    def undo(self) -> None:
        self.lib.relabel_highlight(self.highlight_id, self.before)


class DeleteHighlight(QUndoCommand):
    """Delete a highlight with its note; undo restores both with their ids."""

    def __init__(self, lib: Library, highlight_id: int) -> None:
        super().__init__(QCoreApplication.translate("UndoCommands", "Delete the highlight"))
        self.lib, self.highlight_id = lib, highlight_id
        self._snapshot = lib.get_highlight(highlight_id)

    def redo(self) -> None:
        self._snapshot = self.lib.get_highlight(self.highlight_id)
        self.lib.delete_highlight(self.highlight_id)

    def undo(self) -> None:
        self.lib.restore_highlight(self._snapshot)


class EditNote(QUndoCommand):
    """A saved note edit: kind 'highlight' (note of a highlight) or 'note' (by note id)."""

    def __init__(self, lib: Library, kind: str, target_id: int, before: str, after: str) -> None:
        super().__init__(QCoreApplication.translate("UndoCommands", "Edit the note"))
        self.lib, self.kind, self.target_id = lib, kind, target_id
        self.before, self.after = before, after

    def _write(self, body: str) -> None:
        if self.kind == "highlight":
            self.lib.set_highlight_note(self.target_id, body)
        else:
            self.lib.update_note(self.target_id, body)

    def redo(self) -> None:
        self._write(self.after)

    def undo(self) -> None:
        self._write(self.before)

    def id(self) -> int:  # noqa: A003 - Qt's name
        return 1001

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        """Successive autosaves of the same note undo as one edit."""
        if not isinstance(other, EditNote) or (other.kind, other.target_id) != (
            self.kind,
            self.target_id,
        ):
            return False
        self.after = other.after
        return True


class DeleteArticle(QUndoCommand):
    """Move an article to the trash; undo restores it."""

    def __init__(self, lib: Library, article_id: int) -> None:
        super().__init__(
            QCoreApplication.translate("UndoCommands", "Move the article to the trash")
        )
        self.lib, self.article_id = lib, article_id

    def redo(self) -> None:
        self.lib.delete_article(self.article_id)

    def undo(self) -> None:
        self.lib.restore_article(self.article_id)
