"""The library list model: holds article ids (filtered and sorted in SQL), fetches rows a page at a time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QIcon

from desktop_app.core.library import Library
from desktop_app.core.models import ArticleSummary
from desktop_app.resources import resource_path
from desktop_app.ui import jobs
from desktop_app.ui.tasks import TaskRunner

PAGE = 200
BACKGROUND_FROM = 2000  # from this many articles, filtering and sorting leave the GUI thread
COLUMNS = ("title", "source", "date", "highlights")
SORT_KEYS = {0: "title", 1: "source", 2: "date", 3: "highlights"}
ArticleIdRole = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractTableModel):
    """Rows are article ids; summaries are loaded lazily in pages of PAGE rows."""

    idsLoaded = Signal()

    def __init__(self, lib: Library, parent: Any = None, runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.lib = lib
        self.runner = runner
        self.background_from = BACKGROUND_FROM
        self._request = 0
        self.loading = False
        self.ids: list[int] = []
        self._rows: dict[int, ArticleSummary] = {}
        self._pages: set[int] = set()
        self.text = ""
        self.tag: str | None = None
        self.sort_key = "imported"
        self.trash = False
        self.only: frozenset[int] | None = None  # list only these ids (a feed's articles)
        self.pages_fetched = 0

    # -- query ------------------------------------------------------------------------------
    def set_query(
        self,
        text: str | None = None,
        tag: str | None | bool = False,
        sort: str | None = None,
        trash: bool | None = None,
        only: frozenset[int] | None | bool = False,
    ) -> None:
        """Change the filter/sort and reload the ids (SQL does the work).

        only: list just these article ids (None lists every article; False leaves it as is).
        """
        if text is not None:
            self.text = text
        if tag is not False:
            self.tag = tag or None  # type: ignore[assignment]
        if sort is not None:
            self.sort_key = sort
        if trash is not None:
            self.trash = trash
        if only is not False:
            self.only = only if isinstance(only, frozenset) else None
        self.reload()

    def reload(self) -> None:
        """Re-read the ids; on a large library the query runs on the thread pool."""
        self._request += 1
        query = (self.text, self.tag, self.sort_key, self.trash)
        if self.runner is None or self.lib.article_count(self.trash) < self.background_from:
            self._apply(self._request, self.lib.article_ids(*query))
            return
        self.loading = True
        request = self._request
        self.runner.run(
            jobs.article_ids_job,
            str(self.lib.folder),
            query,
            on_done=lambda ids: self._apply(request, ids),
        )

    def _apply(self, request: int, ids: list[int]) -> None:
        if request != self._request:  # a newer query was asked for meanwhile
            return
        self.loading = False
        if self.only is not None:
            ids = [i for i in ids if i in self.only]
        self.beginResetModel()
        self.ids = ids
        self._rows.clear()
        self._pages.clear()
        self.endResetModel()
        self.idsLoaded.emit()

    def refresh_rows(self, article_ids: set[int]) -> None:
        """Re-fetch the rows of some articles (their counts or titles changed)."""
        for aid in article_ids:
            self._rows.pop(aid, None)
        rows = [r for r in (self.row_of(a) for a in article_ids) if r >= 0]
        for r in rows:
            self._pages.discard(r // PAGE)
            self.dataChanged.emit(self.index(r, 0), self.index(r, len(COLUMNS) - 1))

    def row_of(self, article_id: int) -> int:
        """Row of an article id, or -1."""
        try:
            return self.ids.index(article_id)
        except ValueError:
            return -1

    def summary(self, row: int) -> ArticleSummary | None:
        """The summary of a row, fetching its page when needed."""
        if not 0 <= row < len(self.ids):
            return None
        page = row // PAGE
        aid = self.ids[row]
        if page not in self._pages or aid not in self._rows:
            chunk = self.ids[page * PAGE : (page + 1) * PAGE]
            self._rows.update(self.lib.summaries(chunk))
            self._pages.add(page)
            self.pages_fetched += 1
            if len(self._rows) > 20 * PAGE:  # keep memory bounded on long scrolls
                keep = set(chunk)
                self._rows = {k: v for k, v in self._rows.items() if k in keep}
                self._pages = {page}
        return self._rows.get(aid)

    # -- Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        names = [self.tr("Title"), self.tr("Source"), self.tr("Date"), self.tr("Highlights")]
        if section == 3 and role == Qt.ItemDataRole.DecorationRole:
            return QIcon(str(resource_path("icons", "highlight.svg")))
        if role == Qt.ItemDataRole.ToolTipRole or (
            role == Qt.ItemDataRole.DisplayRole and section < 3
        ):
            return names[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == ArticleIdRole:
            return self.ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
        ):
            return None
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == 3:
                return int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        s = self.summary(index.row())
        if s is None:
            return None
        if col == 0:
            return s.title
        if col == 1:
            return s.source
        if col == 2:
            return s.published or s.imported_at[:10]
        return (
            s.highlights
            if role == Qt.ItemDataRole.DisplayRole
            else self.tr("%n highlight(s)", "", s.highlights)
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting goes to SQL; the order given is the natural one of each key."""
        self.set_query(sort=SORT_KEYS.get(column, "imported"))
