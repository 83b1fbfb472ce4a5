"""Editing a briefing's sections and items: the composer panel's editor.

Each operation asks the BriefingService through an undoable command; refusals become a message
in the panel. The panel owns the tree, the model, the service and the shown briefing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPoint
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from desktop_app.ui.panels.briefing_undo import (
    AddEntries,
    AddSection,
    DeleteSection,
    EditText,
    RemoveEntries,
    RenameSection,
    Reorder,
    layout_of,
)
from desktop_app.ui.ref_mime import Refs

if TYPE_CHECKING:
    from desktop_app.ui.panels.briefing_panel import BriefingPanel


class BriefingEditor(QObject):
    """Sections and items of the panel's briefing: add, edit, remove, move."""

    def __init__(self, panel: BriefingPanel) -> None:
        super().__init__(panel)
        self.panel = panel

    # -- selection ----------------------------------------------------------------------------
    def current_section_id(self) -> int | None:
        """The section of the selected row (or None)."""
        sec = self.panel.model.section_at(self.panel.tree.currentIndex())
        return sec.id if sec is not None else None

    def selected_key(self) -> tuple[str, int] | None:
        idx = self.panel.tree.currentIndex()
        item = self.panel.model.item_at(idx)
        if item is not None:
            return ("item", item.id)
        sec = self.panel.model.section_at(idx)
        return ("section", sec.id) if sec is not None else None

    def select_key(self, kind: str, ident: int | None) -> None:
        if ident is None:
            return
        idx = (
            self.panel.model.item_index(ident)
            if kind == "item"
            else self.panel.model.section_index(ident)
        )
        if idx.isValid():
            self.panel.tree.setCurrentIndex(idx)
            self.panel.tree.scrollTo(idx)

    def _ensure_briefing(self) -> int | None:
        if self.panel.bid is not None:
            return self.panel.bid
        ch = self.panel.attempt(
            self.panel.service.create,
            QCoreApplication.translate("BriefingEdits", "Untitled briefing"),
        )
        if ch is None:
            return None
        self.panel.reload_list(ch.created)
        return ch.created

    def _target(self) -> tuple[int, int | None] | None:
        """Where new entries go: after the selected item, or at the end of the selected section."""
        bid = self._ensure_briefing()
        if bid is None:
            return None
        idx = self.panel.tree.currentIndex()
        item = self.panel.model.item_at(idx)
        if item is not None:
            return item.section_id, idx.row() + 1
        sec = self.panel.model.section_at(idx)
        if sec is not None:
            return sec.id, None
        return self.panel.service.last_section(bid), None

    # -- sections -----------------------------------------------------------------------------
    def add_section(self) -> int | None:
        """Ask for a heading and add a section after the selected one."""
        bid = self._ensure_briefing()
        if bid is None:
            return None
        heading, ok = QInputDialog.getText(
            self.panel,
            QCoreApplication.translate("BriefingEdits", "New section"),
            QCoreApplication.translate("BriefingEdits", "Heading of the section:"),
        )
        if not ok:
            return None
        sec = self.panel.model.section_at(self.panel.tree.currentIndex())
        position = sec.position + 1 if sec is not None else None
        cmd = AddSection(self.panel.service, self.panel.ids, bid, heading, position)
        if self.panel.do(cmd) and cmd.sid is not None:
            self.select_key("section", cmd.sid)
            return cmd.sid
        return None

    def rename_section(self, sid: int, heading: str) -> None:
        """Change a section's heading."""
        sec = next((s for s in self.panel.model.sections if s.id == sid), None)
        before = sec.heading if sec is not None else ""
        self.panel.do(
            RenameSection(
                self.panel.service, self.panel.ids, self.panel.bid or 0, sid, before, heading
            )
        )

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
                target = (self.panel.service.last_section(bid), None)
            sid, position = target
        created: list[int] = []
        entries: list[tuple[str, int | str]] = [("highlight_id", h) for h in refs.highlights]
        entries += [("note_id", n) for n in refs.notes]
        entries += [("text", t) for t in refs.texts]
        stack = self.panel.undo_stack
        if stack is not None and len(entries) > 1:
            stack.beginMacro(QCoreApplication.translate("BriefingEdits", "Add to the briefing"))
        for entry in entries:
            cmd = AddEntries(
                self.panel.service, self.panel.ids, self.panel.bid or 0, sid, [entry], position
            )
            if self.panel.do(cmd):
                created.append(cmd.items[0])
                if position is not None:
                    position += 1
        if stack is not None and len(entries) > 1:
            stack.endMacro()
        if created:
            self.select_key("item", created[-1])
            self.panel.show_info(self.panel.plural_text("added", len(created)))
        return created

    def add_highlight(self, highlight_id: int) -> list[int]:
        """Add one highlight (the reader's and annotations panel's "Add to Briefing")."""
        return self.add_refs(Refs(highlights=(highlight_id,)))

    def add_text(self) -> int | None:
        """Ask for a paragraph and add it after the selection."""
        text, ok = QInputDialog.getMultiLineText(
            self.panel,
            QCoreApplication.translate("BriefingEdits", "New paragraph"),
            QCoreApplication.translate("BriefingEdits", "Text of the paragraph:"),
        )
        if not ok:
            return None
        if not text.strip():
            self.panel.show_error(
                QCoreApplication.translate(
                    "BriefingEdits", "The paragraph is empty; nothing was added."
                )
            )
            return None
        created = self.add_refs(Refs(texts=(text,)))
        return created[0] if created else None

    def edit_text(self, item_id: int, text: str) -> None:
        """Change a free paragraph."""
        item = (
            next((it for it in self.panel.briefing.items() if it.id == item_id), None)
            if self.panel.briefing
            else None
        )
        before = item.text if item is not None else text
        self.panel.do(
            EditText(self.panel.service, self.panel.ids, self.panel.bid or 0, item_id, before, text)
        )

    def edit_current(self) -> None:
        """Edit the selected paragraph or section heading."""
        idx = self.panel.tree.currentIndex()
        item = self.panel.model.item_at(idx)
        if item is None:
            sec = self.panel.model.section_at(idx)
            if sec is not None:
                heading, ok = QInputDialog.getText(
                    self.panel,
                    QCoreApplication.translate("BriefingEdits", "Rename the section"),
                    QCoreApplication.translate("BriefingEdits", "Heading of the section:"),
                    text=sec.heading,
                )
                if ok:
                    self.rename_section(sec.id, heading)
            return
        if item.kind != "text":
            self.panel.show_error(
                QCoreApplication.translate(
                    "BriefingEdits",
                    "Quoted highlights and notes are edited where they live: in the reader or the notes.",
                )
            )
            return
        text, ok = QInputDialog.getMultiLineText(
            self.panel,
            QCoreApplication.translate("BriefingEdits", "Edit the paragraph"),
            QCoreApplication.translate("BriefingEdits", "Text of the paragraph:"),
            item.text,
        )
        if ok:
            self.edit_text(item.id, text)

    def go_to_source(self) -> bool:
        """Ask for the selected entry's article, at its highlight; False when it has none."""
        item = self.panel.model.item_at(self.panel.tree.currentIndex())
        if item is None or item.citation is None or item.citation.article_id is None:
            return False
        self.panel.bus.openArticleRequested.emit(item.citation.article_id, item.highlight_id or -1)
        return True

    def remove_current(self) -> None:
        """Remove the selected items (or the selected section, after asking)."""
        indexes = self.panel.tree.selectionModel().selectedIndexes() or [
            self.panel.tree.currentIndex()
        ]
        items = [it for it in (self.panel.model.item_at(i) for i in indexes) if it is not None]
        if items:
            self.panel.do(
                RemoveEntries(self.panel.service, self.panel.ids, self.panel.bid or 0, items)
            )
            return
        sec = self.panel.model.section_at(self.panel.tree.currentIndex())
        if sec is None:
            return
        if sec.items:
            answer = QMessageBox.question(
                self.panel,
                QCoreApplication.translate("BriefingEdits", "Delete the section"),
                self.panel.plural_text("delete_section", len(sec.items)).replace("%1", sec.heading),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.panel.do(DeleteSection(self.panel.service, self.panel.ids, self.panel.bid or 0, sec))

    def move_items(self, item_ids: list[int], sid: int, position: int) -> None:
        """Move items (in order) to a position of a section (a drop)."""
        self._reorder(lambda: self._move_items(item_ids, sid, position))

    def _move_items(self, item_ids: list[int], sid: int, position: int) -> None:
        order = {
            it.id: (it.section_id, it.position)
            for it in (self.panel.briefing.items() if self.panel.briefing else [])
        }
        bid = self.panel.bid
        if bid is None:
            return
        pos = position
        for iid in item_ids:
            src = order.get(iid)
            if src is None:
                continue
            if src[0] == sid and src[1] < pos:
                pos -= 1
            if self.panel.attempt(self.panel.service.move_item, iid, sid, pos) is None:
                return
            order = {
                it.id: (it.section_id, it.position) for it in self.panel.service.get(bid).items()
            }
            pos += 1
        if item_ids:
            self.select_key("item", item_ids[-1])

    def move_current(self, delta: int) -> None:
        """Move the selected item (across section ends) or section one place up or down."""
        self._reorder(lambda: self._move_current(delta))

    def _reorder(self, move: Callable[[], None]) -> None:
        if self.panel.bid is None:
            return
        cmd = Reorder(
            self.panel.service,
            self.panel.ids,
            self.panel.bid,
            layout_of(self.panel.service, self.panel.ids, self.panel.bid),
            move,
        )
        cmd.on_error = self.panel.show_error
        cmd.run()
        if cmd.after != cmd.before and self.panel.undo_stack is not None:
            self.panel.undo_stack.push(cmd)

    def _move_current(self, delta: int) -> None:
        idx = self.panel.tree.currentIndex()
        item = self.panel.model.item_at(idx)
        secs = self.panel.model.sections
        if item is None:
            sec = self.panel.model.section_at(idx)
            if sec is not None:
                self.panel.attempt(
                    self.panel.service.move_section, sec.id, max(0, sec.position + delta)
                )
                self.select_key("section", sec.id)
            return
        srow = next(i for i, s in enumerate(secs) if s.id == item.section_id)
        row = idx.row() + delta
        if 0 <= row < len(secs[srow].items):
            self.panel.attempt(self.panel.service.move_item, item.id, item.section_id, row)
        elif row < 0 and srow > 0:
            prev = secs[srow - 1]
            self.panel.attempt(self.panel.service.move_item, item.id, prev.id, len(prev.items))
        elif row >= len(secs[srow].items) and srow + 1 < len(secs):
            self.panel.attempt(self.panel.service.move_item, item.id, secs[srow + 1].id, 0)
        self.select_key("item", item.id)

    def menu(self, pos: QPoint) -> None:
        """The tree's context menu at pos."""
        idx = self.panel.tree.indexAt(pos)
        if idx.isValid():
            self.panel.tree.setCurrentIndex(idx)
        menu = QMenu(self.panel)
        menu.addAction(
            QCoreApplication.translate("BriefingEdits", "Add a section…"), self.add_section
        )
        menu.addAction(
            QCoreApplication.translate("BriefingEdits", "Add a paragraph…"), self.add_text
        )
        if idx.isValid():
            menu.addSeparator()
            menu.addAction(QCoreApplication.translate("BriefingEdits", "Edit…"), self.edit_current)
            menu.addAction(
                QCoreApplication.translate("BriefingEdits", "Move up"),
                lambda: self.move_current(-1),
            )
            menu.addAction(
                QCoreApplication.translate("BriefingEdits", "Move down"),
                lambda: self.move_current(1),
            )
            menu.addAction(
                QCoreApplication.translate("BriefingEdits", "Remove"), self.remove_current
            )
        menu.exec(self.panel.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()
