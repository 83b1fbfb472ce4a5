"""A briefing's sections and items as a two-level tree model, with drag and drop.

The model holds the resolved Briefing (ids and texts) and never writes: a drop or an edit is
announced by a signal, the panel asks the BriefingService, and the bus brings the reload.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop_app.core.briefings import Briefing, BriefingItem, BriefingSection
from desktop_app.core.text.direction import LRM, RLM, detect_direction
from desktop_app.ui.models.search_model import meta_line
from desktop_app.ui.panels.search_delegate import kind_icon
from desktop_app.ui.ref_mime import (
    MIME_BRIEFING_ITEMS,
    MIME_REFS,
    Refs,
    decode_items,
    decode_refs,
    encode_items,
)

Index = QModelIndex | QPersistentModelIndex
ItemIdRole = Qt.ItemDataRole.UserRole + 20
SectionIdRole = Qt.ItemDataRole.UserRole + 21
KindRole = Qt.ItemDataRole.UserRole + 22
_SECTION = 0  # internalId of top-level (section) rows; items carry their section row + 1


def item_summary(item: BriefingItem, limit: int = 220) -> str:
    """One or two lines that show an item in the tree."""
    text = " ".join(item.text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    if item.kind == "highlight":
        text = f"«{text}»"
        if item.note.strip():
            note = " ".join(item.note.split())
            text += "\n— " + (note if len(note) <= limit else note[: limit - 1] + "…")
    if item.citation is not None and (item.citation.source or item.citation.title):
        text += "\n" + meta_line(item.citation.source, item.citation.title)
    # Quote marks and dots at a line's ends take the view's direction: give each line its own.
    return "\n".join(_own_direction(line) for line in text.split("\n"))


def _own_direction(line: str) -> str:
    mark = RLM if detect_direction(line) == "rtl" else LRM
    return f"{mark}{line}{mark}"


def _alignment(text: str) -> int:
    """Content alignment: an Arabic entry flush right, a Latin one flush left, in any UI."""
    rtl = detect_direction(text) == "rtl"
    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    return int(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)


class BriefingModel(QAbstractItemModel):
    """Sections at the top level, their items under them; drags carry item ids."""

    itemsDropped = Signal(list, int, int)  # item ids, section id, position
    refsDropped = Signal(object, int, int)  # Refs, section id (-1: a new one), position
    sectionRenamed = Signal(int, str)
    textEdited = Signal(int, str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.briefing: Briefing | None = None

    # -- content ------------------------------------------------------------------------------
    def set_briefing(self, briefing: Briefing | None) -> None:
        """Show this briefing (None: nothing)."""
        self.beginResetModel()
        self.briefing = briefing
        self.endResetModel()

    @property
    def sections(self) -> list[BriefingSection]:
        """The sections shown, in order."""
        return self.briefing.sections if self.briefing is not None else []

    def section_at(self, index: Index) -> BriefingSection | None:
        """The section of an index (a section row, or the section of an item row)."""
        if not index.isValid():
            return None
        secs = self.sections
        srow = index.row() if index.internalId() == _SECTION else index.internalId() - 1
        return secs[srow] if 0 <= srow < len(secs) else None

    def item_at(self, index: Index) -> BriefingItem | None:
        """The item of an item row, or None."""
        if not index.isValid() or index.internalId() == _SECTION:
            return None
        sec = self.section_at(index)
        if sec is None or not 0 <= index.row() < len(sec.items):
            return None
        return sec.items[index.row()]

    def section_index(self, section_id: int) -> QModelIndex:
        """The index of a section by id."""
        for i, s in enumerate(self.sections):
            if s.id == section_id:
                return self.index(i, 0)
        return QModelIndex()

    def item_index(self, item_id: int) -> QModelIndex:
        """The index of an item by id."""
        for i, s in enumerate(self.sections):
            for j, it in enumerate(s.items):
                if it.id == item_id:
                    return self.index(j, 0, self.index(i, 0))
        return QModelIndex()

    # -- tree ---------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _SECTION) if row < len(self.sections) else QModelIndex()
        if parent.internalId() != _SECTION:
            return QModelIndex()
        sec = self.section_at(parent)
        if sec is None or row >= len(sec.items):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _SECTION:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _SECTION)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if not parent.isValid():
            return len(self.sections)
        if parent.internalId() != _SECTION:
            return 0
        sec = self.section_at(parent)
        return len(sec.items) if sec is not None else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index)
        if item is not None:
            return self._item_data(item, role)
        sec = self.section_at(index)
        if sec is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return sec.heading or self.tr("(a section without a heading)")
        if role == Qt.ItemDataRole.EditRole:
            return sec.heading
        if role == Qt.ItemDataRole.DecorationRole:
            return kind_icon("section")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(sec.heading)
        if role == SectionIdRole:
            return sec.id
        if role == KindRole:
            return "section"
        if role == Qt.ItemDataRole.FontRole:
            from PySide6.QtGui import QFont

            f = QFont()
            f.setBold(True)
            return f
        return None

    def _item_data(self, item: BriefingItem, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return item_summary(item)
        if role == Qt.ItemDataRole.EditRole:
            return item.text
        if role == Qt.ItemDataRole.DecorationRole:
            return kind_icon("text" if item.kind == "text" else item.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            if item.from_snapshot:
                return self.tr("The original was deleted; the briefing keeps the text it quoted.")
            return item.text[:600]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(item.text)
        if role == ItemIdRole:
            return item.id
        if role == SectionIdRole:
            return item.section_id
        if role == KindRole:
            return item.kind
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return (
                Qt.ItemFlag.ItemIsDropEnabled
                if self.briefing is not None
                else Qt.ItemFlag.NoItemFlags
            )
        item = self.item_at(index)
        if item is None:
            return f | Qt.ItemFlag.ItemIsDropEnabled | Qt.ItemFlag.ItemIsEditable
        f |= Qt.ItemFlag.ItemIsDragEnabled
        if item.kind == "text":
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole:
            return False
        item = self.item_at(index)
        if item is not None:
            if item.kind != "text" or not str(value).strip() or str(value) == item.text:
                return False
            self.textEdited.emit(item.id, str(value))
            return True
        sec = self.section_at(index)
        if sec is None or str(value).strip() == sec.heading:
            return False
        self.sectionRenamed.emit(sec.id, str(value).strip())
        return True

    # -- drag and drop ------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_BRIEFING_ITEMS, MIME_REFS]

    def mimeData(self, indexes: Sequence[Index]) -> QMimeData:  # noqa: N802
        ids: list[int] = []
        for idx in sorted(indexes, key=lambda i: (self.section_row(i), i.row())):
            item = self.item_at(idx)
            if item is not None and item.id not in ids:
                ids.append(item.id)
        return encode_items(self.briefing.id if self.briefing else 0, ids)

    def section_row(self, index: Index) -> int:
        """The row of an index's section (for sorting)."""
        return index.row() if index.internalId() == _SECTION else index.internalId() - 1

    def drop_target(self, row: int, parent: Index) -> tuple[int, int]:
        """(section id, position) where a drop at (row, parent) lands; -1: a new section."""
        secs = self.sections
        if parent.isValid():
            item = self.item_at(parent)
            sec = self.section_at(parent)
            if sec is None:
                return (-1, 0)
            if item is not None:  # dropped onto an item: before it
                return (sec.id, parent.row())
            return (sec.id, len(sec.items) if row < 0 else row)
        if not secs:
            return (-1, 0)
        if 0 < row <= len(secs):  # between sections: the end of the one above
            return (secs[row - 1].id, len(secs[row - 1].items))
        if row == 0:
            return (secs[0].id, 0)
        return (secs[-1].id, len(secs[-1].items))

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:  # noqa: N802
        if self.briefing is None:
            return False
        moved = decode_items(data)
        if moved is not None:
            return moved[0] == self.briefing.id
        return decode_refs(data) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:  # noqa: N802
        if action == Qt.DropAction.IgnoreAction or self.briefing is None:
            return action == Qt.DropAction.IgnoreAction
        sid, pos = self.drop_target(row, parent)
        moved = decode_items(data)
        if moved is not None:
            if moved[0] != self.briefing.id or sid < 0:
                return False
            self.itemsDropped.emit(moved[1], sid, pos)
            return True
        refs: Refs | None = decode_refs(data)
        if refs is None:
            return False
        self.refsDropped.emit(refs, sid, pos)
        return True
