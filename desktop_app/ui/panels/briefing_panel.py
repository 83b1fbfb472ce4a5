"""The briefing composer: briefings, their details, sections and items, a live preview, export.

Every edit goes through BriefingService; the library's change reaches this panel again through
the bus (briefingsChanged), which reloads the model. Drops and tree edits arrive as model signals.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.briefings import Briefing, BriefingService
from desktop_app.core.errors import HamishError
from desktop_app.core.models import Changes
from desktop_app.ui import settings as st
from desktop_app.ui.models.briefing_model import BriefingModel
from desktop_app.ui.panels.briefing_export import default_name, export_job, with_suffix
from desktop_app.ui.panels.briefing_form import BriefingForm
from desktop_app.ui.panels.briefing_preview import BriefingPreview
from desktop_app.ui.ref_mime import Refs
from desktop_app.ui.tasks import TaskRunner


class BriefingTree(QTreeView):
    """Sections and items; drag to reorder, drop highlights, notes and results in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefingTree")
        self.setHeaderHidden(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setExpandsOnDoubleClick(False)


class BriefingPanel(QWidget):
    """Compose briefings from highlights, notes and free text; export them."""

    message = Signal(str)
    exported = Signal(str)  # the written path

    def __init__(
        self, lib: Any, bus: Any, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("briefingPanel")
        self.lib, self.bus, self.runner = lib, bus, runner
        self.service = BriefingService(lib)
        self.bid: int | None = None
        self.briefing: Briefing | None = None
        self.last_error = ""
        self._build()
        bus.briefingsChanged.connect(self._briefings_changed)
        bus.annotationsChanged.connect(self._annotations_changed)
        self.reload_list(self._remembered())

    # -- building -----------------------------------------------------------------------------
    def _button(self, name: str, text: str, tip: str, slot: Any) -> QToolButton:
        b = QToolButton(self)
        b.setObjectName(name)
        b.setText(text)
        b.setToolTip(tip)
        b.clicked.connect(slot)
        return b

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.combo = QComboBox(self)
        self.combo.setObjectName("briefingCombo")
        self.combo.activated.connect(lambda i: self.select_briefing(self.combo.itemData(i)))
        top.addWidget(self.combo, 1)
        top.addWidget(
            self._button(
                "newBriefing", self.tr("New…"), self.tr("Start a new briefing"), self.new_briefing
            )
        )
        top.addWidget(
            self._button(
                "renameBriefing",
                self.tr("Rename…"),
                self.tr("Rename this briefing"),
                self.rename_briefing,
            )
        )
        top.addWidget(
            self._button(
                "deleteBriefing",
                self.tr("Delete"),
                self.tr("Delete this briefing"),
                self.delete_briefing,
            )
        )
        lay.addLayout(top)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("briefingTabs")
        page = QWidget(self)
        pl = QVBoxLayout(page)
        pl.setContentsMargins(0, 0, 0, 0)
        self.model = BriefingModel(self)
        self.tree = BriefingTree(page)
        self.tree.setModel(self.model)
        self.tree.doubleClicked.connect(lambda _i: self.edit_current())
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.model.itemsDropped.connect(self.move_items)
        self.model.refsDropped.connect(self.add_refs)
        self.model.sectionRenamed.connect(self.rename_section)
        self.model.textEdited.connect(self.edit_text)
        row = QHBoxLayout()
        for name, text, tip, slot in (
            ("addSection", self.tr("Section…"), self.tr("Add a section"), self.add_section),
            (
                "addText",
                self.tr("Paragraph…"),
                self.tr("Add a paragraph of your own"),
                self.add_text,
            ),
            (
                "editItem",
                self.tr("Edit…"),
                self.tr("Edit the selected paragraph or heading"),
                self.edit_current,
            ),
            (
                "removeItem",
                self.tr("Remove"),
                self.tr("Remove the selected entry from the briefing"),
                self.remove_current,
            ),
            (
                "moveUp",
                self.tr("Up"),
                self.tr("Move the selected entry up"),
                lambda: self.move_current(-1),
            ),
            (
                "moveDown",
                self.tr("Down"),
                self.tr("Move the selected entry down"),
                lambda: self.move_current(1),
            ),
        ):
            row.addWidget(self._button(name, text, tip, slot))
        row.addStretch(1)
        self.preview = BriefingPreview(page)
        split = QSplitter(Qt.Orientation.Vertical, page)
        split.setObjectName("briefingSplitter")
        split.addWidget(self.tree)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        pl.addLayout(row)
        pl.addWidget(split, 1)
        self.tabs.addTab(page, self.tr("Contents"))
        self.form = BriefingForm(self)
        self.form.fieldsEdited.connect(self._fields_edited)
        self.tabs.addTab(self.form, self.tr("Details"))
        lay.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        self.export_btn = QToolButton(self)
        self.export_btn.setObjectName("exportBriefing")
        self.export_btn.setText(self.tr("Export"))
        self.export_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_btn)
        menu.addAction(self.tr("Word document (.docx)…"), lambda: self.export("docx"))
        menu.addAction(self.tr("Markdown (.md)…"), lambda: self.export("md"))
        menu.addAction(self.tr("PDF (.pdf)…"), lambda: self.export("pdf"))
        self.export_btn.setMenu(menu)
        self.status = QLabel(self)
        self.status.setObjectName("briefingStatus")
        self.status.setWordWrap(True)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.export_btn)
        lay.addLayout(bottom)

    # -- feedback -----------------------------------------------------------------------------
    def _error(self, text: str) -> None:
        self.last_error = text
        self.status.setStyleSheet("color: #b3261e;")
        self.status.setText(text)

    def _info(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)
        self.message.emit(text)

    def _try(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """Call a service method; a refusal becomes a message in the panel, never a traceback."""
        try:
            return fn(*args, **kwargs)
        except (HamishError, ValueError) as exc:
            self._error(str(exc))
            return None

    # -- the list of briefings ----------------------------------------------------------------
    def _remembered(self) -> int | None:
        value = self.lib.get_setting("gui.last_briefing")
        return int(value) if value and value.isdigit() else None

    def reload_list(self, select: int | None = None) -> None:
        """Refill the briefing box and show the chosen (or first) briefing."""
        summaries = self.service.list()
        self.combo.blockSignals(True)
        self.combo.clear()
        for s in summaries:
            self.combo.addItem(s.title, s.id)
        self.combo.blockSignals(False)
        ids = [s.id for s in summaries]
        keep = (
            select
            if select in ids
            else (self.bid if self.bid in ids else (ids[0] if ids else None))
        )
        self.select_briefing(keep)

    def select_briefing(self, bid: int | None) -> None:
        """Show a briefing (None: none)."""
        self.form.flush()
        self.bid = bid
        if bid is not None:
            self.combo.setCurrentIndex(max(0, self.combo.findData(bid)))
            self.lib.set_setting("gui.last_briefing", str(bid))
        self.reload()

    def reload(self) -> None:
        """Re-read the shown briefing and redraw the tree, form and (soon) the preview."""
        keep = self._selected_key()
        try:
            self.briefing = self.service.get(self.bid) if self.bid is not None else None
        except HamishError:
            self.briefing, self.bid = None, None
        self.model.set_briefing(self.briefing)
        self.tree.expandAll()
        self.form.load(self.briefing)
        self.preview.schedule(self.briefing)
        for w in (self.tree, self.export_btn):
            w.setEnabled(self.briefing is not None)
        if keep is not None:
            self._select_key(*keep)

    def _briefings_changed(self, ids: set[int]) -> None:
        listed = {self.combo.itemData(i) for i in range(self.combo.count())}
        if ids and not (ids - listed) and self.bid not in ids:
            return
        self.reload_list(self.bid)

    def _annotations_changed(self, changes: Changes) -> None:
        if self.bid is None:
            return
        if self.bid in self.service.briefings_using(changes.highlights, changes.notes):
            self.reload()

    def new_briefing(self) -> int | None:
        """Ask for a title and start a briefing."""
        title, ok = QInputDialog.getText(
            self, self.tr("New briefing"), self.tr("Title of the briefing:")
        )
        if not ok:
            return None
        ch = self._try(self.service.create, title)
        if ch is None:
            return None
        self.reload_list(ch.created)
        self._info(self.tr("The briefing “%1” was created.").replace("%1", title.strip()))
        return ch.created

    def rename_briefing(self) -> None:
        """Ask for a new title."""
        if self.briefing is None:
            return
        title, ok = QInputDialog.getText(
            self,
            self.tr("Rename the briefing"),
            self.tr("Title of the briefing:"),
            text=self.briefing.title,
        )
        if ok and self._try(self.service.update, self.briefing.id, title=title) is not None:
            self.reload_list(self.bid)

    def delete_briefing(self) -> None:
        """Delete the shown briefing after asking."""
        if self.briefing is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete the briefing"),
            self.tr(
                "Delete the briefing “%1”? Its highlights and notes stay in the library."
            ).replace("%1", self.briefing.title),
        )
        if answer == QMessageBox.StandardButton.Yes and self._try(
            self.service.delete, self.briefing.id
        ):
            self.bid = None
            self.reload_list()

    def _fields_edited(self, fields: dict) -> None:
        if self.bid is not None and self._try(self.service.update, self.bid, **fields) is None:
            self.form.load(self.briefing)
        elif "title" in fields:
            self.combo.setItemText(
                max(0, self.combo.findData(self.bid)), str(fields["title"]).strip()
            )

    # -- selection ----------------------------------------------------------------------------
    def current_section_id(self) -> int | None:
        """The section of the selected row (or None)."""
        sec = self.model.section_at(self.tree.currentIndex())
        return sec.id if sec is not None else None

    def _selected_key(self) -> tuple[str, int] | None:
        idx = self.tree.currentIndex()
        item = self.model.item_at(idx)
        if item is not None:
            return ("item", item.id)
        sec = self.model.section_at(idx)
        return ("section", sec.id) if sec is not None else None

    def _select_key(self, kind: str, ident: int | None) -> None:
        if ident is None:
            return
        idx = self.model.item_index(ident) if kind == "item" else self.model.section_index(ident)
        if idx.isValid():
            self.tree.setCurrentIndex(idx)
            self.tree.scrollTo(idx)

    def _ensure_briefing(self) -> int | None:
        if self.bid is not None:
            return self.bid
        ch = self._try(self.service.create, self.tr("Untitled briefing"))
        if ch is None:
            return None
        self.reload_list(ch.created)
        return ch.created

    def _target(self) -> tuple[int, int | None] | None:
        """Where new entries go: after the selected item, or at the end of the selected section."""
        bid = self._ensure_briefing()
        if bid is None:
            return None
        idx = self.tree.currentIndex()
        item = self.model.item_at(idx)
        if item is not None:
            return item.section_id, idx.row() + 1
        sec = self.model.section_at(idx)
        if sec is not None:
            return sec.id, None
        return self.service.last_section(bid), None

    # -- sections -----------------------------------------------------------------------------
    def add_section(self) -> int | None:
        """Ask for a heading and add a section after the selected one."""
        bid = self._ensure_briefing()
        if bid is None:
            return None
        heading, ok = QInputDialog.getText(
            self, self.tr("New section"), self.tr("Heading of the section:")
        )
        if not ok:
            return None
        sec = self.model.section_at(self.tree.currentIndex())
        position = sec.position + 1 if sec is not None else None
        ch = self._try(self.service.add_section, bid, heading, position)
        if ch is not None:
            self._select_key("section", ch.created)
            return ch.created
        return None

    def rename_section(self, sid: int, heading: str) -> None:
        """Change a section's heading."""
        self._try(self.service.rename_section, sid, heading)

    # -- items --------------------------------------------------------------------------------
    def add_refs(
        self, refs: Refs, sid: int | None = None, position: int | None = None
    ) -> list[int]:
        """Add highlights, notes and texts (in that order) at a place; returns the new item ids."""
        if sid is None or sid < 0:
            target = self._target() if sid is None else None
            if target is None:
                bid = self._ensure_briefing()
                if bid is None:
                    return []
                target = (self.service.last_section(bid), None)
            sid, position = target
        created: list[int] = []
        entries = [("highlight_id", h) for h in refs.highlights]
        entries += [("note_id", n) for n in refs.notes]
        entries += [("text", t) for t in refs.texts]
        for key, value in entries:
            ch = self._try(self.service.add_item, sid, position=position, **{key: value})
            if ch is not None and ch.created is not None:
                created.append(ch.created)
                if position is not None:
                    position += 1
        if created:
            self._select_key("item", created[-1])
            self._info(self.tr("%n entry(ies) added to the briefing.", "", len(created)))
        return created

    def add_highlight(self, highlight_id: int) -> list[int]:
        """Add one highlight (the reader's and annotations panel's "Add to Briefing")."""
        return self.add_refs(Refs(highlights=(highlight_id,)))

    def add_text(self) -> int | None:
        """Ask for a paragraph and add it after the selection."""
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("New paragraph"), self.tr("Text of the paragraph:")
        )
        if not ok:
            return None
        if not text.strip():
            self._error(self.tr("The paragraph is empty; nothing was added."))
            return None
        created = self.add_refs(Refs(texts=(text,)))
        return created[0] if created else None

    def edit_text(self, item_id: int, text: str) -> None:
        """Change a free paragraph."""
        self._try(self.service.edit_text, item_id, text)

    def edit_current(self) -> None:
        """Edit the selected paragraph or section heading."""
        idx = self.tree.currentIndex()
        item = self.model.item_at(idx)
        if item is None:
            sec = self.model.section_at(idx)
            if sec is not None:
                heading, ok = QInputDialog.getText(
                    self,
                    self.tr("Rename the section"),
                    self.tr("Heading of the section:"),
                    text=sec.heading,
                )
                if ok:
                    self.rename_section(sec.id, heading)
            return
        if item.kind != "text":
            self._error(
                self.tr(
                    "Quoted highlights and notes are edited where they live: in the reader or the notes."
                )
            )
            return
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Edit the paragraph"), self.tr("Text of the paragraph:"), item.text
        )
        if ok:
            self.edit_text(item.id, text)

    def remove_current(self) -> None:
        """Remove the selected items (or the selected section, after asking)."""
        indexes = self.tree.selectionModel().selectedIndexes() or [self.tree.currentIndex()]
        items = [it for it in (self.model.item_at(i) for i in indexes) if it is not None]
        if items:
            for it in items:
                self._try(self.service.remove_item, it.id)
            return
        sec = self.model.section_at(self.tree.currentIndex())
        if sec is None:
            return
        if sec.items:
            answer = QMessageBox.question(
                self,
                self.tr("Delete the section"),
                self.tr(
                    "Delete the section “%1” and its %n entry(ies)?", "", len(sec.items)
                ).replace("%1", sec.heading),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._try(self.service.delete_section, sec.id)

    def move_items(self, item_ids: list[int], sid: int, position: int) -> None:
        """Move items (in order) to a position of a section (a drop)."""
        order = {
            it.id: (it.section_id, it.position)
            for it in (self.briefing.items() if self.briefing else [])
        }
        pos = position
        for iid in item_ids:
            src = order.get(iid)
            if src is None:
                continue
            if src[0] == sid and src[1] < pos:
                pos -= 1
            if self._try(self.service.move_item, iid, sid, pos) is None:
                return
            order = {
                it.id: (it.section_id, it.position) for it in self.service.get(self.bid).items()
            }  # type: ignore[arg-type]
            pos += 1
        if item_ids:
            self._select_key("item", item_ids[-1])

    def move_current(self, delta: int) -> None:
        """Move the selected item (across section ends) or section one place up or down."""
        idx = self.tree.currentIndex()
        item = self.model.item_at(idx)
        secs = self.model.sections
        if item is None:
            sec = self.model.section_at(idx)
            if sec is not None:
                self._try(self.service.move_section, sec.id, max(0, sec.position + delta))
                self._select_key("section", sec.id)
            return
        srow = next(i for i, s in enumerate(secs) if s.id == item.section_id)
        row = idx.row() + delta
        if 0 <= row < len(secs[srow].items):
            self._try(self.service.move_item, item.id, item.section_id, row)
        elif row < 0 and srow > 0:
            prev = secs[srow - 1]
            self._try(self.service.move_item, item.id, prev.id, len(prev.items))
        elif row >= len(secs[srow].items) and srow + 1 < len(secs):
            self._try(self.service.move_item, item.id, secs[srow + 1].id, 0)
        self._select_key("item", item.id)

    def _menu(self, pos: Any) -> None:
        idx = self.tree.indexAt(pos)
        if idx.isValid():
            self.tree.setCurrentIndex(idx)
        menu = QMenu(self)
        menu.addAction(self.tr("Add a section…"), self.add_section)
        menu.addAction(self.tr("Add a paragraph…"), self.add_text)
        if idx.isValid():
            menu.addSeparator()
            menu.addAction(self.tr("Edit…"), self.edit_current)
            menu.addAction(self.tr("Move up"), lambda: self.move_current(-1))
            menu.addAction(self.tr("Move down"), lambda: self.move_current(1))
            menu.addAction(self.tr("Remove"), self.remove_current)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # -- export -------------------------------------------------------------------------------
    def export(self, fmt: str, path: str | None = None) -> bool:
        """Ask for a file (unless given) and write the briefing in the background."""
        if self.briefing is None:
            self._error(self.tr("Create a briefing first."))
            return False
        self.form.flush()
        filters = {
            "docx": self.tr("Word documents (*.docx)"),
            "md": self.tr("Markdown files (*.md)"),
            "pdf": self.tr("PDF files (*.pdf)"),
        }
        if path is None:
            folder = st.get_str("briefing/exportFolder", str(Path.home()))
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export the briefing"),
                str(Path(folder) / default_name(self.briefing, fmt)),
                filters[fmt],
            )
            if not path:
                return False
        path = with_suffix(path, fmt)
        st.put("briefing/exportFolder", str(Path(path).parent))
        briefing = self.service.get(self.briefing.id)
        self.export_btn.setEnabled(False)
        self._info(self.tr("Exporting to %1…").replace("%1", Path(path).name))
        self.runner.run(
            export_job, fmt, briefing, path, on_done=self._exported, on_error=self._export_failed
        )
        return True

    def _exported(self, result: dict) -> None:
        self.export_btn.setEnabled(self.briefing is not None)
        if result.get("error"):
            self._export_failed(result["error"])
            return
        self.last_error = ""
        self._info(self.tr("The briefing was exported to %1.").replace("%1", result["path"]))
        self.exported.emit(result["path"])

    def _export_failed(self, message: str) -> None:
        self.export_btn.setEnabled(self.briefing is not None)
        self._error(self.tr("The export failed: %1").replace("%1", message))

    # -- helpers for the window ---------------------------------------------------------------
    def index_of_item(self, item_id: int) -> QModelIndex:
        """The tree index of an item (for tests and the window)."""
        return self.model.item_index(item_id)
