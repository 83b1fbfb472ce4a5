"""Drag-and-drop payloads: references to highlights, notes and texts, and briefing items.

A reference payload carries ids only (plus free texts); the receiver reads the rows from the
library. A plain-text copy rides along so that a drop into any text editor still makes sense.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, Qt
from PySide6.QtGui import QDrag, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication

MIME_REFS = "application/x-hamish-refs"
MIME_BRIEFING_ITEMS = "application/x-hamish-briefing-items"


@dataclass(frozen=True)
class Refs:
    """What is being dragged: highlight ids, note ids and free texts, in order."""

    highlights: tuple[int, ...] = ()
    notes: tuple[int, ...] = ()
    texts: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.highlights or self.notes or self.texts)


def encode_refs(refs: Refs, plain_text: str = "") -> QMimeData:
    """A QMimeData carrying refs (and plain_text as text/plain when given)."""
    mime = QMimeData()
    payload = {
        "highlights": list(refs.highlights),
        "notes": list(refs.notes),
        "texts": list(refs.texts),
    }
    mime.setData(MIME_REFS, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    if plain_text:
        mime.setText(plain_text)
    return mime


def decode_refs(mime: QMimeData | None) -> Refs | None:
    """The refs of a QMimeData, or None when it carries none (or garbage)."""
    if mime is None or not mime.hasFormat(MIME_REFS):
        return None
    data = _load(bytes(mime.data(MIME_REFS).data()))
    if data is None:
        return None
    refs = Refs(
        highlights=_ints(data.get("highlights")),
        notes=_ints(data.get("notes")),
        texts=tuple(str(t) for t in data.get("texts") or () if str(t).strip()),
    )
    return refs or None


def encode_items(briefing_id: int, item_ids: list[int]) -> QMimeData:
    """A QMimeData carrying briefing item ids (moves inside one briefing)."""
    mime = QMimeData()
    payload = {"briefing": briefing_id, "items": list(item_ids)}
    mime.setData(MIME_BRIEFING_ITEMS, json.dumps(payload).encode("utf-8"))
    return mime


def decode_items(mime: QMimeData | None) -> tuple[int, list[int]] | None:
    """(briefing id, item ids) of a QMimeData, or None."""
    if mime is None or not mime.hasFormat(MIME_BRIEFING_ITEMS):
        return None
    data = _load(bytes(mime.data(MIME_BRIEFING_ITEMS).data()))
    if data is None or not isinstance(data.get("briefing"), int):
        return None
    items = list(_ints(data.get("items")))
    return (int(data["briefing"]), items) if items else None


def _load(raw: bytes) -> dict | None:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _ints(values: object) -> tuple[int, ...]:
    if not isinstance(values, list):
        return ()
    return tuple(int(v) for v in values if isinstance(v, int) and not isinstance(v, bool))


class RefDragStarter(QObject):
    """Lets a plain list drag references out: press, move past the drag distance, drop."""

    def __init__(self, view: QAbstractItemView, refs_fn: Callable[[], Refs | None]) -> None:
        super().__init__(view)
        self.view, self.refs_fn = view, refs_fn
        self._pressed: QPoint | None = None
        view.viewport().installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.LeftButton:
                self._pressed = event.position().toPoint()
        elif kind == QEvent.Type.MouseButtonRelease:
            self._pressed = None
        elif (
            kind == QEvent.Type.MouseMove
            and isinstance(event, QMouseEvent)
            and self._pressed is not None
        ):
            if not event.buttons() & Qt.MouseButton.LeftButton:
                self._pressed = None
            elif (event.position().toPoint() - self._pressed).manhattanLength() >= (
                QApplication.startDragDistance()
            ):
                self._pressed = None
                refs = self.refs_fn()
                if refs:
                    drag = QDrag(self.view)
                    drag.setMimeData(encode_refs(refs))
                    drag.exec(Qt.DropAction.CopyAction)
                    return True
        return False


def install_ref_drag(view: QAbstractItemView, refs_fn: Callable[[], Refs | None]) -> RefDragStarter:
    """Make view drag what refs_fn() returns (the selected highlights or notes)."""
    return RefDragStarter(view, refs_fn)
