"""Search results as a list model: plain rows (ids, snippet, marks) built from core hits.

`row_from_hit` and `facets_from_result` turn the search service's `Hit` and `SearchResult`
into the panel's rows; everything else in the panel works on SearchRow and FacetValue.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.core.search.schema import FACETS
from desktop_app.core.search.service import Hit, SearchResult
from desktop_app.core.text.direction import LRM, detect_direction
from desktop_app.ui.ref_mime import MIME_REFS, Refs, encode_refs

RowRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class SearchRow:
    """One result: what it is, where it lives, and its snippet with marked ranges (code points)."""

    kind: str
    article_id: int | None
    highlight_id: int | None
    note_id: int | None
    title: str
    source: str
    date: str
    score: float
    snippet: str
    marks: tuple[tuple[int, int], ...] = ()
    snippet_start: int | None = None  # code-point offset of the snippet in the article, if known

    @property
    def direction(self) -> str:
        """The snippet's direction, from its own content."""
        return detect_direction(self.snippet or self.title)

    @property
    def title_direction(self) -> str:
        """The title's direction, from its own content."""
        return detect_direction(self.title or self.snippet)

    def terms(self) -> list[str]:
        """The marked words as written in the snippet (harakat kept), each once, in order."""
        out: list[str] = []
        for s, e in self.marks:
            word = self.snippet[s:e]
            if word.strip() and word not in out:
                out.append(word)
        return out

    def key(self) -> tuple[str, int | None, int | None, int | None]:
        """Identity of the result (stable across searches)."""
        return (self.kind, self.article_id, self.highlight_id, self.note_id)


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet with its count in the current results."""

    facet: str
    value: str
    label: str
    count: int


def row_from_hit(hit: Hit) -> SearchRow:
    """A SearchRow from one of the search service's hits."""
    text = hit.snippet_text
    marks = tuple(sorted({(s, e) for s, e in hit.snippet_spans if 0 <= s < e <= len(text)}))
    return SearchRow(
        kind=hit.kind,
        article_id=hit.article_id,
        highlight_id=hit.highlight_id,
        note_id=hit.note_id,
        title=hit.title,
        source=hit.source,
        date=hit.date,
        score=hit.score,
        snippet=text,
        marks=marks,
        snippet_start=hit.snippet_offset if text else None,
    )


def facets_from_result(result: SearchResult) -> dict[str, list[FacetValue]]:
    """Facet values with counts, by facet name (in the core's facet order), from a result."""
    out: dict[str, list[FacetValue]] = {}
    for facet in FACETS:
        values = [
            FacetValue(facet, value, value, count)
            for value, count in result.facets.get(facet, {}).items()
            if value
        ]
        if values:
            out[facet] = values
    return out


class SearchModel(QAbstractListModel):
    """The current results; rows are plain SearchRow values, dragged as highlight/note refs."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[SearchRow] = []
        self.total = 0

    def set_rows(self, rows: Sequence[SearchRow], total: int | None = None) -> None:
        """Replace the results."""
        self.beginResetModel()
        self.rows = list(rows)
        self.total = len(self.rows) if total is None else total
        self.endResetModel()

    def row_at(self, index: Index) -> SearchRow | None:
        """The SearchRow of an index, or None."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.rows[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.title}\n{row.snippet}" if row.snippet else row.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return " · ".join(x for x in (row.title, row.source, row.date) if x)
        if role == RowRole:
            return row
        if role == KindRole:
            return row.kind
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if self.row_at(index) is not None:
            base |= Qt.ItemFlag.ItemIsDragEnabled
        return base

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_REFS, "text/plain"]

    def mimeData(self, indexes: Sequence[Index]) -> QMimeData:  # noqa: N802
        rows = [r for r in (self.row_at(i) for i in indexes) if r is not None]
        return encode_refs(refs_of(rows), "\n\n".join(r.snippet or r.title for r in rows))


def keep_ltr(text: str) -> str:
    """A date or number that reads left to right even inside an Arabic line (LRM on each side)."""
    return f"{LRM}{text}{LRM}" if text and any(ch.isdigit() for ch in text) else text


def meta_line(*parts: str) -> str:
    """Parts joined by a middle dot; dates and numbers kept left to right."""
    return " · ".join(keep_ltr(p) for p in parts if p)


def citation_text(row: SearchRow) -> str:
    """Title, source and date of a result, for a free paragraph quoting an article."""
    sep = "، " if row.title_direction == "rtl" else ", "
    return sep.join(keep_ltr(x) for x in (row.title, row.source, row.date) if x)


def refs_of(rows: Iterable[SearchRow]) -> Refs:
    """What dropping these results into a briefing adds: highlights, notes, else quoted text."""
    hls: list[int] = []
    notes: list[int] = []
    texts: list[str] = []
    for r in rows:
        if r.kind == "highlight" and r.highlight_id is not None:
            hls.append(r.highlight_id)
        elif r.kind == "note" and r.note_id is not None:
            notes.append(r.note_id)
        elif r.snippet.strip():
            cite = citation_text(r)
            texts.append(f"«{r.snippet.strip()}» ({cite})" if cite else r.snippet.strip())
    return Refs(tuple(hls), tuple(notes), tuple(texts))
