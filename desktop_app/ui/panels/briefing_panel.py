"""The briefing composer: briefings, their details, sections and items, a live preview, export.

Every edit goes through BriefingService; the library's change reaches this panel again through
the bus (briefingsChanged), which reloads the model. Drops and tree edits arrive as model signals.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.briefings import Briefing, BriefingService, Entry
from desktop_app.core.errors import HamishError
from desktop_app.core.library import Library
from desktop_app.core.models import Changes
from desktop_app.exporters import EXPORTERS
from desktop_app.ui.bus import Bus
from desktop_app.ui.messages import error_text
from desktop_app.ui.models.briefing_model import BriefingModel
from desktop_app.ui.panels.briefing_editor import BriefingEditor
from desktop_app.ui.panels.briefing_exporter import (
    BriefingExporter,
    default_marking,
    format_label,
)
from desktop_app.ui.panels.briefing_form import BriefingForm
from desktop_app.ui.panels.briefing_preview import BriefingPreview
from desktop_app.ui.panels.briefing_undo import BriefingCommand, IdMap, UpdateFields
from desktop_app.ui.ref_mime import Refs
from desktop_app.ui.tasks import TaskRunner

T = TypeVar("T")


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
        self,
        lib: Library,
        bus: Bus,
        runner: TaskRunner,
        parent: QWidget | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("briefingPanel")
        self.lib, self.bus, self.runner = lib, bus, runner
        self.undo_stack = undo_stack
        self.ids = IdMap()  # ids that adding again after an undo changes
        self.service = BriefingService(lib)
        self.bid: int | None = None
        self.briefing: Briefing | None = None
        self.last_error = ""
        self.editor = BriefingEditor(self)
        self.exporter = BriefingExporter(self, runner)
        self._build()
        bus.briefingsChanged.connect(self._briefings_changed)
        bus.annotationsChanged.connect(self._annotations_changed)
        self.reload_list(self._remembered())

    # -- building -----------------------------------------------------------------------------
    def _act(self, name: str, text: str, tip: str, slot: Callable[[], object]) -> QAction:
        act = QAction(text, self)
        act.setObjectName(name)
        act.setToolTip(tip)
        act.triggered.connect(slot)
        self.acts[name] = act
        return act

    def _toolbar(self, name: str, acts: list[QAction]) -> QToolBar:
        bar = QToolBar(self)
        bar.setObjectName(name)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.setIconSize(QSize(16, 16))
        for act in acts:
            bar.addAction(act)
        return bar

    def _build(self) -> None:
        self.acts: dict[str, QAction] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.combo = QComboBox(self)
        self.combo.setObjectName("briefingCombo")
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(8)
        self.combo.activated.connect(lambda i: self.select_briefing(self.combo.itemData(i)))
        top.addWidget(self.combo, 1)
        top.addWidget(
            self._toolbar(
                "briefingBar",
                [
                    self._act(
                        "newBriefing",
                        self.tr("New…"),
                        self.tr("Start a new briefing"),
                        self.new_briefing,
                    ),
                    self._act(
                        "renameBriefing",
                        self.tr("Rename…"),
                        self.tr("Rename this briefing"),
                        self.rename_briefing,
                    ),
                    self._act(
                        "deleteBriefing",
                        self.tr("Delete"),
                        self.tr("Delete this briefing"),
                        self.delete_briefing,
                    ),
                ],
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
        self.tree.doubleClicked.connect(lambda _i: self.editor.edit_current())
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self.editor.menu)
        self.model.itemsDropped.connect(self.editor.move_items)
        self.model.refsDropped.connect(self.editor.add_refs)
        self.model.sectionRenamed.connect(self.editor.rename_section)
        self.model.textEdited.connect(self.editor.edit_text)
        edits = [
            self._act(
                "addSection", self.tr("Section…"), self.tr("Add a section"), self.editor.add_section
            ),
            self._act(
                "addText",
                self.tr("Paragraph…"),
                self.tr("Add a paragraph of your own"),
                self.editor.add_text,
            ),
            self._act(
                "editItem",
                self.tr("Edit…"),
                self.tr("Edit the selected paragraph or heading"),
                self.editor.edit_current,
            ),
            self._act(
                "removeItem",
                self.tr("Remove"),
                self.tr("Remove the selected entry from the briefing"),
                self.editor.remove_current,
            ),
            self._act(
                "moveUp",
                self.tr("Up"),
                self.tr("Move the selected entry up"),
                lambda: self.editor.move_current(-1),
            ),
            self._act(
                "moveDown",
                self.tr("Down"),
                self.tr("Move the selected entry down"),
                lambda: self.editor.move_current(1),
            ),
        ]
        row = self._toolbar("briefingEditBar", edits)
        self._act(  # in the Briefing menu and on Enter in the tree, not on the toolbar
            "goToSource",
            self.tr("Go to the source"),
            self.tr("Open the article of the selected entry at its highlight"),
            self.editor.go_to_source,
        )
        self.preview = BriefingPreview(page)
        split = QSplitter(Qt.Orientation.Vertical, page)
        split.setObjectName("briefingSplitter")
        split.addWidget(self.tree)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        pl.addWidget(row)
        pl.addWidget(split, 1)
        self.tabs.addTab(page, self.tr("Contents"))
        self.form = BriefingForm(self)
        self.form.fieldsEdited.connect(self.fields_edited)
        scroll = QScrollArea(self)
        scroll.setObjectName("briefingFormScroll")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        self.tabs.addTab(scroll, self.tr("Details"))
        lay.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        self.export_btn = QToolButton(self)
        self.export_btn.setObjectName("exportBriefing")
        self.export_btn.setText(self.tr("Export"))
        self.export_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_btn)
        for fmt in EXPORTERS:
            act = menu.addAction(
                self.tr("%1 (%2)…").replace("%1", format_label(fmt)).replace("%2", fmt.extension)
            )
            act.setObjectName(f"export_{fmt.name}")
            act.triggered.connect(lambda _c=False, n=fmt.name: self.export(n))
        self.export_btn.setMenu(menu)
        self.status = QLabel(self)
        self.status.setObjectName("briefingStatus")
        self.status.setWordWrap(True)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.export_btn)
        lay.addLayout(bottom)

    # -- feedback -----------------------------------------------------------------------------
    def show_error(self, text: str) -> None:
        """Show a refusal or failure in the panel's status line."""
        self.last_error = text
        self.status.setStyleSheet("color: #b3261e;")
        self.status.setText(text)

    def show_info(self, text: str) -> None:
        """Show what happened in the status line and the window's status bar."""
        self.status.setStyleSheet("")
        self.status.setText(text)
        self.message.emit(text)

    def plural_text(self, key: str, n: int) -> str:
        """A message with a count, in the interface language's plural form."""
        if key == "added":
            return self.tr("%n entry(ies) added to the briefing.", "", n)
        return self.tr("Delete the section “%1” and its %n entry(ies)?", "", n)

    def do(self, cmd: BriefingCommand) -> bool:
        """Run an edit once (a refusal becomes a message), then keep it on the undo stack."""
        cmd.on_error = self.show_error
        try:
            cmd.run()
        except HamishError as exc:
            self.show_error(error_text(exc))
            return False
        if self.undo_stack is not None:
            self.undo_stack.push(cmd)
        return True

    def attempt(self, fn: Callable[..., T], *args: object, **kwargs: object) -> T | None:
        """Call a service method; a refusal becomes a message in the panel, never a traceback."""
        try:
            return fn(*args, **kwargs)
        except HamishError as exc:
            self.show_error(error_text(exc))
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
        keep = self.editor.selected_key()
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
            self.editor.select_key(*keep)

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
        ch = self.attempt(self.service.create, title, marking=default_marking())
        if ch is None:
            return None
        self.reload_list(ch.created)
        self.show_info(self.tr("The briefing “%1” was created.").replace("%1", title.strip()))
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
        if ok and self.attempt(self.service.update, self.briefing.id, title=title) is not None:
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
        if answer == QMessageBox.StandardButton.Yes and (
            self.attempt(self.service.delete, self.briefing.id) is not None
        ):
            self.bid = None
            self.reload_list()

    def fields_edited(self, fields: dict[str, object]) -> None:
        """The details form changed fields: write them as one undoable edit."""
        if self.bid is None or self.briefing is None:
            return
        before = {k: getattr(self.briefing, k) for k in fields}
        cmd = UpdateFields(self.service, self.ids, self.bid, before, dict(fields))
        if not self.do(cmd):
            self.form.load(self.briefing)
        elif "title" in fields:
            self.combo.setItemText(
                max(0, self.combo.findData(self.bid)), str(fields["title"]).strip()
            )

    # -- what the window asks of the panel -----------------------------------------------------
    def add_refs(self, refs: Refs) -> list[int]:
        """Add highlights, notes and texts after the selection; returns the new item ids."""
        return self.editor.add_refs(refs)

    def export(self, fmt: str, path: str | None = None) -> bool:
        """Export the shown briefing in a format of desktop_app.exporters (asks for a file)."""
        return self.exporter.export(fmt, path)

    def new_from_search(self, title: str, entries: list[Entry]) -> int | None:
        """A new briefing filled with search results' highlights and notes, by article."""
        ch = self.attempt(self.service.create, title, marking=default_marking())
        if ch is None or ch.created is None:
            return None
        self.attempt(self.service.fill, ch.created, entries)
        self.reload_list(ch.created)
        self.show_info(self.tr("The briefing “%1” was created.").replace("%1", title.strip()))
        return ch.created

    def index_of_item(self, item_id: int) -> QModelIndex:
        """The tree index of an item (for tests and the window)."""
        return self.model.item_index(item_id)
