"""A list of notes with an editor: the article's notes, or the free-standing ones."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.models import Note
from desktop_app.ui.panels.note_editor import NoteEditor

NoteIdRole = Qt.ItemDataRole.UserRole + 2


def note_title(body: str) -> str:
    """The first non-empty line of a note, shortened."""
    for line in body.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:80]
    return ""


class NotesList(QWidget):
    """Notes (by id) in a list; the selected one is edited below."""

    newRequested = Signal()
    deleteRequested = Signal(int)

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        self.new_btn = QPushButton(self.tr("New note"), self)
        self.new_btn.setObjectName("newNote")
        self.del_btn = QPushButton(self.tr("Delete note"), self)
        self.del_btn.setObjectName("deleteNote")
        buttons.addWidget(self.new_btn)
        buttons.addWidget(self.del_btn)
        buttons.addStretch(1)
        self.list = QListWidget(self)
        self.list.setObjectName(object_name + "List")
        self.editor = NoteEditor(self)
        self.editor.setPlaceholderText(self.tr("Write the note here; it is saved as you type."))
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName(object_name + "Splitter")
        split.addWidget(self.list)
        split.addWidget(self.editor)
        split.setStretchFactor(1, 2)
        lay.addLayout(buttons)
        lay.addWidget(split, 1)
        self.new_btn.clicked.connect(self.newRequested)
        self.del_btn.clicked.connect(self._delete)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemActivated.connect(lambda _item: self.editor.setFocus())  # Enter: write
        self.editor.saved.connect(self._saved)
        self._notes: dict[int, Note] = {}

    def set_notes(self, notes: list[Note], select: int | None = None) -> None:
        """Show these notes; keeps (or moves to) a selection."""
        keep = select if select is not None else self.current_id()
        self._notes = {n.id: n for n in notes}
        self.list.blockSignals(True)
        self.list.clear()
        chosen = None
        for n in notes:
            item = QListWidgetItem(note_title(n.body) or self.tr("(empty note)"))
            item.setData(NoteIdRole, n.id)
            self.list.addItem(item)
            if n.id == keep:
                chosen = item
        self.list.blockSignals(False)
        if chosen is not None:
            self.list.setCurrentItem(chosen)
            if keep is not None and self.editor.target != ("note", keep):
                self.editor.edit(("note", keep), self._notes[keep].body)
            elif keep is not None:
                self.editor.reload(self._notes[keep].body)
        else:
            self.editor.edit(None, "")
        self.del_btn.setEnabled(chosen is not None)

    def current_id(self) -> int | None:
        """The selected note's id."""
        item = self.list.currentItem()
        return int(item.data(NoteIdRole)) if item is not None else None

    def _current_changed(self, item: QListWidgetItem | None, _prev: object) -> None:
        if item is None:
            self.editor.edit(None, "")
            self.del_btn.setEnabled(False)
            return
        nid = int(item.data(NoteIdRole))
        note = self._notes.get(nid)
        self.editor.edit(("note", nid), note.body if note else "")
        self.del_btn.setEnabled(True)
        self.editor.setFocus()

    def _saved(self, _kind: str, nid: int) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(NoteIdRole) == nid:
                item.setText(note_title(self.editor.toPlainText()) or self.tr("(empty note)"))

    def _delete(self) -> None:
        nid = self.current_id()
        if nid is not None:
            self.editor.edit(None, "")
            self.deleteRequested.emit(nid)
