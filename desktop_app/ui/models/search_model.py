"""Search results as a list model: plain rows (ids, snippet, marks) built from core hits.

`row_from_hit` and `facets_from_result` are the one place that knows the shape of the search
core's results; everything else in the panel works on SearchRow and FacetValue.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.core.text.direction import detect_direction
from desktop_app.ui.ref_mime import MIME_REFS, Refs, encode_refs

RowRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
FACETS = ("kind", "source", "year", "language", "label")
KINDS = ("article", "highlight", "note")
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


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _opt_int(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        v = int(value)
    except (TypeError, ValueError):
        return None
    return v if v >= 0 else None


def _marks(snippet_obj: Any, text: str) -> tuple[tuple[int, int], ...]:
    raw = _get(snippet_obj, "marks", None) or _get(snippet_obj, "offsets", None) or ()
    out: list[tuple[int, int]] = []
    for m in raw:
        try:
            s, e = (int(m[0]), int(m[1])) if not hasattr(m, "start") else (m.start, m.end)
        except (TypeError, ValueError, IndexError):
            continue
        s, e = max(0, s), min(len(text), e)
        if e > s:
            out.append((s, e))
    return tuple(sorted(set(out)))


def row_from_hit(hit: Any) -> SearchRow:
    """A SearchRow from one search-core hit (an object or a mapping)."""
    snip = _get(hit, "snippet", "")
    if _get(hit, "snippet_text", None) is not None:  # SearchService's Hit
        text = str(_get(hit, "snippet_text") or "")
        spans = {"marks": _get(hit, "snippet_spans", None) or ()}
        marks = _marks(spans, text)
        start = _opt_int(_get(hit, "snippet_offset")) if text else None
    elif isinstance(snip, str):
        text = snip
        marks = _marks(hit, text)
        start = _opt_int(_get(hit, "snippet_start"))
    else:
        text = str(_get(snip, "text", "") or "")
        marks = _marks(snip, text)
        start = _opt_int(_get(snip, "start", _get(hit, "snippet_start")))
    return SearchRow(
        kind=str(_get(hit, "kind", "article") or "article"),
        article_id=_opt_int(_get(hit, "article_id")),
        highlight_id=_opt_int(_get(hit, "highlight_id")),
        note_id=_opt_int(_get(hit, "note_id")),
        title=str(_get(hit, "title", "") or ""),
        source=str(_get(hit, "source", "") or ""),
        date=str(_get(hit, "date", "") or _get(hit, "published", "") or ""),
        score=float(_get(hit, "score", 0.0) or 0.0),
        snippet=text,
        marks=marks,
        snippet_start=start,
    )


def _pairs(values: Any) -> Iterable[tuple[Any, int]]:
    if isinstance(values, Mapping):
        yield from values.items()
        return
    for v in values or ():
        if isinstance(v, tuple | list) and len(v) >= 2:
            yield v[0], int(v[1])
        else:
            yield _get(v, "value"), int(_get(v, "count", 0) or 0)


def facets_from_result(result: Any) -> dict[str, list[FacetValue]]:
    """Facet values with counts, by facet name, from a search-core result."""
    raw = _get(result, "facets", None) or {}
    out: dict[str, list[FacetValue]] = {}
    for facet in FACETS:
        values = _get(raw, facet, None)
        if not values:
            continue
        items = []
        for value, count in _pairs(values):
            if value is None or str(value) == "":
                continue
            label = value
            if isinstance(value, tuple | list) and len(value) == 2:  # (id, name), e.g. labels
                value, label = value
            items.append(FacetValue(facet, str(value), str(label), int(count)))
        out[facet] = items
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


LRM = "\u200e"
RLM = "\u200f"


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
