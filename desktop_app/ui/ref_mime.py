"""Drag-and-drop payloads: references to highlights, notes and texts, and briefing items.

A reference payload carries ids only (plus free texts); the receiver reads the rows from the
library. A plain-text copy rides along so that a drop into any text editor still makes sense.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QMimeData

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
