"""The highlight layer: highlights painted as character formats; overlaps blend their colours.

The layer splits the article into segments between highlight boundaries; each segment is
painted once with the blend of the labels covering it. Positions convert through Utf16Map.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QTextCursor, QTextDocument

from desktop_app.core.models import Highlight
from desktop_app.core.text.offsets import Utf16Map
from desktop_app.ui.theme import blend

FALLBACK = QColor("#ffd54f")


@dataclass(frozen=True)
class Segment:
    """A code-point range covered by the same set of highlights."""

    start: int
    end: int
    highlight_ids: tuple[int, ...]


def segments(highlights: Sequence[Highlight]) -> list[Segment]:
    """Split anchored highlights into non-overlapping segments (sweep over boundaries)."""
    live = [h for h in highlights if not h.orphaned and h.end > h.start]
    if not live:
        return []
    points = sorted({h.start for h in live} | {h.end for h in live})
    events: dict[int, list[tuple[int, Highlight]]] = {}
    for h in live:
        events.setdefault(h.start, []).append((1, h))
        events.setdefault(h.end, []).append((-1, h))
    active: dict[int, Highlight] = {}
    out: list[Segment] = []
    for i, pt in enumerate(points):
        for kind, h in events.get(pt, []):
            if kind < 0:
                active.pop(h.id, None)
        for kind, h in events.get(pt, []):
            if kind > 0:
                active[h.id] = h
        if active and i + 1 < len(points):
            ids = tuple(sorted(active, key=lambda k: (active[k].start, k)))
            out.append(Segment(pt, points[i + 1], ids))
    return out


class HighlightLayer:
    """Paints highlights on a QTextDocument and answers 'which highlights are at this position'."""

    def __init__(self, doc: QTextDocument) -> None:
        self.doc = doc
        self.umap = Utf16Map("")
        self.highlights: dict[int, Highlight] = {}
        self.segments: list[Segment] = []
        self._starts: list[int] = []

    def attach(self, doc: QTextDocument, text: str, umap: Utf16Map | None = None) -> None:
        """Paint on another document (a new article); nothing is painted yet."""
        self.doc = doc
        self.reset(text, umap)

    def reset(self, text: str, umap: Utf16Map | None = None) -> None:
        """A new article was loaded into the document."""
        self.umap = umap or Utf16Map(text)
        self.highlights = {}
        self.segments = []
        self._starts = []

    def paint(
        self, highlights: Sequence[Highlight], colors: dict[int, QColor], alpha: int, paper: QColor
    ) -> None:
        """Replace the painted highlights with these."""
        cursor = QTextCursor(self.doc)
        cursor.beginEditBlock()
        if self.segments:
            clear = QTextCharFormat()
            clear.setBackground(QBrush(Qt.BrushStyle.NoBrush))
            for seg in self.segments:
                self._apply(cursor, seg.start, seg.end, clear)
        self.highlights = {h.id: h for h in highlights}
        self.segments = segments(highlights)
        self._starts = [s.start for s in self.segments]
        cache: dict[tuple[int, ...], QTextCharFormat] = {}
        for seg in self.segments:
            labels = tuple(self.highlights[i].label_id for i in seg.highlight_ids)
            fmt = cache.get(labels)
            if fmt is None:
                fmt = QTextCharFormat()
                shade = blend([colors.get(lab) or FALLBACK for lab in labels], alpha, paper)
                fmt.setBackground(QBrush(shade))
                cache[labels] = fmt
            self._apply(cursor, seg.start, seg.end, fmt)
        cursor.endEditBlock()

    def _apply(self, cursor: QTextCursor, start: int, end: int, fmt: QTextCharFormat) -> None:
        cursor.setPosition(self.umap.to_utf16(start))
        cursor.setPosition(self.umap.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

    def at(self, position16: int) -> list[int]:
        """Ids of the highlights covering a document position (UTF-16), innermost last."""
        cp = self.umap.to_codepoint(position16)
        i = bisect_right(self._starts, cp) - 1
        if i < 0:
            return []
        seg = self.segments[i]
        return list(seg.highlight_ids) if seg.start <= cp < seg.end else []

    def range16(self, highlight_id: int) -> tuple[int, int] | None:
        """The UTF-16 range of a highlight, or None when it is orphaned or unknown."""
        h = self.highlights.get(highlight_id)
        if h is None or h.orphaned:
            return None
        return self.umap.to_utf16(h.start), self.umap.to_utf16(h.end)
