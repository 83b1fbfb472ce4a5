"""Undo for briefing edits: commands hold ids and before/after values and call BriefingService.

Deleting and adding again gives an item or a section a new id; every command names them by
the id they first had, and an IdMap shared by the panel's commands says what that is now.
Each command is run once by the panel (so a refusal reaches the user as a message) and then
pushed already done; later redo/undo calls report failures through `on_error`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from desktop_app.core.errors import HamishError

Entry = tuple[str, Any]  # ("highlight_id", id) | ("note_id", id) | ("text", text)
Layout = list[tuple[int, list[int]]]  # (section id, item ids) in order; ids as first known


class IdMap:
    """First-known ids of items and sections -> their current ids."""

    def __init__(self) -> None:
        self._now: dict[tuple[str, int], int] = {}
        self._first: dict[tuple[str, int], int] = {}

    def cur(self, kind: str, first: int) -> int:
        """The current id of what first had id `first`."""
        return self._now.get((kind, first), first)

    def first(self, kind: str, current: int) -> int:
        """The first-known id of what now has id `current`."""
        return self._first.get((kind, current), current)

    def moved(self, kind: str, first: int, current: int) -> None:
        """What first had id `first` now has id `current`."""
        old = self._now.get((kind, first))
        if old is not None:
            self._first.pop((kind, old), None)
        self._now[(kind, first)] = current
        self._first[(kind, current)] = first


def entry_of(item: Any) -> Entry:
    """How to add an item again: its highlight, its note, or its text."""
    if item.kind == "highlight" and item.highlight_id is not None:
        return ("highlight_id", item.highlight_id)
    if item.kind == "note" and item.note_id is not None:
        return ("note_id", item.note_id)
    return ("text", item.text)


def layout_of(svc: Any, ids: IdMap, bid: int) -> Layout:
    """The order of a briefing's sections and items, in first-known ids."""
    return [
        (ids.first("section", s.id), [ids.first("item", it.id) for it in s.items])
        for s in svc.get(bid).sections
    ]


class BriefingCommand(QUndoCommand):
    """A briefing edit; `do` and `undo_it` call the service."""

    def __init__(self, text: str, svc: Any, ids: IdMap, bid: int) -> None:
        super().__init__(text)
        self.svc, self.ids, self.bid = svc, ids, bid
        self.on_error: Callable[[str], None] = lambda _m: None
        self._skip = False

    def run(self) -> None:
        """The first execution (errors propagate to the caller); the next redo() is skipped."""
        self.do()
        self._skip = True

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._guard(self.do)

    def undo(self) -> None:
        self._guard(self.undo_it)

    def _guard(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except (HamishError, ValueError) as exc:  # an exception cannot cross Qt's undo stack
            self.on_error(str(exc))

    def do(self) -> None:
        """Apply the edit."""

    def undo_it(self) -> None:
        """Take the edit back."""

    def _add(self, sid_first: int, entries: list[Entry], position: int | None) -> list[int]:
        created: list[int] = []
        for key, value in entries:
            ch = self.svc.add_item(
                self.ids.cur("section", sid_first), position=position, **{key: value}
            )
            created.append(int(ch.created))
            if position is not None:
                position += 1
        return created


class AddEntries(BriefingCommand):
    """Add highlights, notes or texts at a place of a section."""

    def __init__(
        self, svc: Any, ids: IdMap, bid: int, sid: int, entries: list[Entry], position: int | None
    ) -> None:
        super().__init__(
            QCoreApplication.translate("BriefingUndo", "Add to the briefing"), svc, ids, bid
        )
        self.sid, self.entries, self.position = ids.first("section", sid), entries, position
        self.items: list[int] = []

    def do(self) -> None:
        created = self._add(self.sid, self.entries, self.position)
        if not self.items:
            self.items = created
        for first, now in zip(self.items, created, strict=False):
            self.ids.moved("item", first, now)

    def undo_it(self) -> None:
        for first in self.items:
            self.svc.remove_item(self.ids.cur("item", first))


class RemoveEntries(BriefingCommand):
    """Remove items; undo adds them back where they were."""

    def __init__(self, svc: Any, ids: IdMap, bid: int, items: list[Any]) -> None:
        super().__init__(
            QCoreApplication.translate("BriefingUndo", "Remove from the briefing"), svc, ids, bid
        )
        self.saved = sorted(
            (
                ids.first("section", it.section_id),
                it.position,
                ids.first("item", it.id),
                entry_of(it),
            )
            for it in items
        )

    def do(self) -> None:
        for _sid, _pos, first, _entry in self.saved:
            self.svc.remove_item(self.ids.cur("item", first))

    def undo_it(self) -> None:
        for sid, pos, first, entry in self.saved:
            created = self._add(sid, [entry], pos)
            self.ids.moved("item", first, created[0])


class Reorder(BriefingCommand):
    """Moves of items and sections: the whole order before and after."""

    def __init__(
        self, svc: Any, ids: IdMap, bid: int, before: Layout, move: Callable[[], None]
    ) -> None:
        super().__init__(
            QCoreApplication.translate("BriefingUndo", "Move in the briefing"), svc, ids, bid
        )
        self.before, self.after = before, before
        self._move = move

    def do(self) -> None:
        if self._move is not None:
            self._move()
            self._move = None  # type: ignore[assignment]
            self.after = layout_of(self.svc, self.ids, self.bid)
        else:
            self._apply(self.after)

    def undo_it(self) -> None:
        self._apply(self.before)

    def _apply(self, layout: Layout) -> None:
        for spos, (sid, items) in enumerate(layout):
            cur_sid = self.ids.cur("section", sid)
            self.svc.move_section(cur_sid, spos)
            for pos, first in enumerate(items):
                self.svc.move_item(self.ids.cur("item", first), cur_sid, pos)


class EditText(BriefingCommand):
    """Change a free paragraph."""

    def __init__(
        self, svc: Any, ids: IdMap, bid: int, item_id: int, before: str, after: str
    ) -> None:
        super().__init__(
            QCoreApplication.translate("BriefingUndo", "Edit the paragraph"), svc, ids, bid
        )
        self.item, self.before, self.after = ids.first("item", item_id), before, after

    def do(self) -> None:
        self.svc.edit_text(self.ids.cur("item", self.item), self.after)

    def undo_it(self) -> None:
        self.svc.edit_text(self.ids.cur("item", self.item), self.before)


class RenameSection(BriefingCommand):
    """Change a section's heading."""

    def __init__(self, svc: Any, ids: IdMap, bid: int, sid: int, before: str, after: str) -> None:
        super().__init__(
            QCoreApplication.translate("BriefingUndo", "Rename the section"), svc, ids, bid
        )
        self.sid, self.before, self.after = ids.first("section", sid), before, after

    def do(self) -> None:
        self.svc.rename_section(self.ids.cur("section", self.sid), self.after)

    def undo_it(self) -> None:
        self.svc.rename_section(self.ids.cur("section", self.sid), self.before)


class AddSection(BriefingCommand):
    """A new section; undo deletes it (with whatever was added to it since)."""

    def __init__(self, svc: Any, ids: IdMap, bid: int, heading: str, position: int | None) -> None:
        super().__init__(QCoreApplication.translate("BriefingUndo", "Add a section"), svc, ids, bid)
        self.heading, self.position = heading, position
        self.sid: int | None = None

    def do(self) -> None:
        created = int(self.svc.add_section(self.bid, self.heading, self.position).created)
        if self.sid is None:
            self.sid = created
        self.ids.moved("section", self.sid, created)

    def undo_it(self) -> None:
        if self.sid is not None:
            self.svc.delete_section(self.ids.cur("section", self.sid))


class DeleteSection(BriefingCommand):
    """Delete a section and its items; undo brings both back."""

    def __init__(self, svc: Any, ids: IdMap, bid: int, section: Any) -> None:
        super().__init__(
            QCoreApplication.translate("BriefingUndo", "Delete the section"), svc, ids, bid
        )
        self.sid, self.heading, self.position = (
            ids.first("section", section.id),
            section.heading,
            section.position,
        )
        self.items = [(ids.first("item", it.id), entry_of(it)) for it in section.items]

    def do(self) -> None:
        self.svc.delete_section(self.ids.cur("section", self.sid))

    def undo_it(self) -> None:
        created = int(self.svc.add_section(self.bid, self.heading, self.position).created)
        self.ids.moved("section", self.sid, created)
        for pos, (first, entry) in enumerate(self.items):
            self.ids.moved("item", first, self._add(self.sid, [entry], pos)[0])


class UpdateFields(BriefingCommand):
    """Change the briefing's details; successive edits of the same fields undo as one."""

    def __init__(
        self, svc: Any, ids: IdMap, bid: int, before: dict[str, Any], after: dict[str, Any]
    ) -> None:
        super().__init__(
            QCoreApplication.translate("BriefingUndo", "Edit the briefing's details"), svc, ids, bid
        )
        self.before, self.after = before, after

    def do(self) -> None:
        self.svc.update(self.bid, **self.after)

    def undo_it(self) -> None:
        self.svc.update(self.bid, **self.before)

    def id(self) -> int:  # noqa: A003 - Qt's name
        return 2001

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, UpdateFields) or other.bid != self.bid:
            return False
        if set(other.after) != set(self.after):
            return False
        self.after = dict(other.after)
        return True
