"""The annotations panel: the open article's highlights (orphans listed too) and its notes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.models import Highlight, Label, Note
from desktop_app.core.text.direction import first_strong
from desktop_app.ui.i18n import label_display_name
from desktop_app.ui.panels.note_editor import NoteEditor
from desktop_app.ui.panels.notes_list import NotesList

HighlightIdRole = Qt.ItemDataRole.UserRole + 3


_SWATCHES: dict[str, QIcon] = {}


def swatch(color: str) -> QIcon:
    """A small square of a label's colour (made once per colour)."""
    icon = _SWATCHES.get(color)
    if icon is None:
        pix = QPixmap(12, 12)
        pix.fill(QColor(color))
        icon = _SWATCHES[color] = QIcon(pix)
    return icon


class AnnotationsPanel(QWidget):
    """Highlights of the open article with the selected one's note, label and delete button."""

    highlightActivated = Signal(int)
    relabelRequested = Signal(int, int)
    deleteRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationsPanel")
        self.labels: dict[int, Label] = {}
        self.highlights: dict[int, Highlight] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("annotationTabs")
        # Highlights tab.
        page = QWidget(self)
        pl = QVBoxLayout(page)
        pl.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(page)
        self.list.setObjectName("highlightList")
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        row = QHBoxLayout()
        self.label_box = QComboBox(page)
        self.label_box.setObjectName("highlightLabel")
        self.delete_btn = QPushButton(self.tr("Delete highlight"), page)
        self.delete_btn.setObjectName("deleteHighlight")
        row.addWidget(self.label_box, 1)
        row.addWidget(self.delete_btn)
        self.editor = NoteEditor(page)
        self.editor.setObjectName("highlightNoteEditor")
        self.editor.setPlaceholderText(
            self.tr("A note on this highlight; it is saved as you type.")
        )
        self.empty = QLabel(
            self.tr("Select text in the article and press H to highlight it."), page
        )
        self.empty.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Vertical, page)
        split.setObjectName("highlightSplitter")
        split.addWidget(self.list)
        box = QWidget(split)
        bl = QVBoxLayout(box)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addLayout(row)
        bl.addWidget(self.editor, 1)
        split.addWidget(box)
        pl.addWidget(self.empty)
        pl.addWidget(split, 1)
        self.tabs.addTab(page, self.tr("Highlights"))
        self.notes = NotesList("articleNotes", self)
        self.tabs.addTab(self.notes, self.tr("Article notes"))
        lay.addWidget(self.tabs)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemActivated.connect(
            lambda it: self.highlightActivated.emit(int(it.data(HighlightIdRole)))
        )
        self.list.itemDoubleClicked.connect(
            lambda it: self.highlightActivated.emit(int(it.data(HighlightIdRole)))
        )
        self.label_box.activated.connect(self._relabel)
        self.delete_btn.clicked.connect(self._delete)
        self._set_controls(None)

    # -- content ----------------------------------------------------------------------------
    def set_labels(self, labels: list[Label]) -> None:
        """Label names/colours for the list and the label box."""
        self.labels = {lab.id: lab for lab in labels}
        self.label_box.blockSignals(True)
        self.label_box.clear()
        for lab in labels:
            self.label_box.addItem(swatch(lab.color), label_display_name(lab.name), lab.id)
        self.label_box.blockSignals(False)
        self.set_highlights(list(self.highlights.values()))

    def set_highlights(self, highlights: list[Highlight], select: int | None = None) -> None:
        """Show an article's highlights in text order, orphans last (never dropped)."""
        keep = select if select is not None else self.current_id()
        self.highlights = {h.id: h for h in highlights}
        self.list.blockSignals(True)
        self.list.clear()
        chosen = None
        orphans = [h for h in highlights if h.orphaned]
        for h in [h for h in highlights if not h.orphaned] + orphans:
            item = self._item(h)
            self.list.addItem(item)
            if h.id == keep:
                chosen = item
        self.list.blockSignals(False)
        self.empty.setVisible(not highlights)
        if chosen is not None:
            self.list.setCurrentItem(chosen)
            self._show(self.highlights[keep])  # type: ignore[index]
        else:
            self.editor.edit(None, "")
            self._set_controls(None)

    def _item(self, h: Highlight) -> QListWidgetItem:
        lab = self.labels.get(h.label_id)
        quote = h.exact if len(h.exact) <= 160 else h.exact[:157] + "…"
        text = quote
        if h.note:
            text += "\n— " + h.note.splitlines()[0][:120]
        if h.orphaned:
            text = self.tr("Orphaned (the text changed): %1").replace("%1", text)
        item = QListWidgetItem(swatch(lab.color if lab else "#cccccc"), text)
        item.setData(HighlightIdRole, h.id)
        item.setToolTip(label_display_name(lab.name) if lab else "")
        rtl = first_strong(h.exact) == "rtl"
        align = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        item.setTextAlignment(
            align | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        )
        if h.orphaned:
            f = QFont(item.font())
            f.setItalic(True)
            item.setFont(f)
        return item

    def set_article_notes(self, notes: list[Note], select: int | None = None) -> None:
        """The notes on the open article."""
        self.notes.set_notes(notes, select)

    def current_id(self) -> int | None:
        """The selected highlight id."""
        item = self.list.currentItem()
        return int(item.data(HighlightIdRole)) if item is not None else None

    def select_highlight(self, hid: int) -> None:
        """Select a highlight (after a click on it in the reader)."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(HighlightIdRole) == hid:
                self.tabs.setCurrentIndex(0)
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item)
                return

    def _current_changed(self, item: QListWidgetItem | None, _prev: object) -> None:
        if item is None:
            self.editor.edit(None, "")
            self._set_controls(None)
            return
        self._show(self.highlights[int(item.data(HighlightIdRole))])

    def _show(self, h: Highlight) -> None:
        target = ("highlight", h.id)
        if self.editor.target != target:
            self.editor.edit(target, h.note)
        else:
            self.editor.reload(h.note)
        self._set_controls(h)

    def _set_controls(self, h: Highlight | None) -> None:
        self.label_box.setEnabled(h is not None)
        self.delete_btn.setEnabled(h is not None)
        if h is not None:
            i = self.label_box.findData(h.label_id)
            self.label_box.setCurrentIndex(max(0, i))

    def _relabel(self, index: int) -> None:
        hid = self.current_id()
        lid = self.label_box.itemData(index)
        if hid is not None and lid is not None and self.highlights[hid].label_id != lid:
            self.relabelRequested.emit(hid, int(lid))

    def _delete(self) -> None:
        hid = self.current_id()
        if hid is not None:
            self.editor.edit(None, "")
            self.deleteRequested.emit(hid)
