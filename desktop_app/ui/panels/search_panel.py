"""The search panel: a box that searches as you type, facet filters, results, saved searches.

Searching runs on the window's task runner; a request counter drops results that arrive after
a newer search started. Opening a result asks the window (through the bus) to show the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Literal

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import HamishError
from desktop_app.core.library import Library
from desktop_app.core.search.query import QueryError
from desktop_app.core.search.rebuild import Progress
from desktop_app.core.search.service import SearchService
from desktop_app.ui.bus import Bus
from desktop_app.ui.messages import error_text, translated
from desktop_app.ui.models.search_model import (
    FacetValue,
    SearchModel,
    SearchRow,
    facets_from_result,
    refs_of,
    row_from_hit,
)
from desktop_app.ui.panels.saved_searches import SavedSearchBar
from desktop_app.ui.panels.search_delegate import SearchDelegate
from desktop_app.ui.panels.search_facets import FacetTree
from desktop_app.ui.ref_mime import Refs
from desktop_app.ui.tasks import TaskContext, TaskRunner

DEBOUNCE_MS = 250
LIMIT = 100
SNIPPETS = 40  # results that come with a snippet (each reads its text from the database)


@dataclass(frozen=True)
class SearchOutcome:
    """What a search job hands back: rows, facets and total, or a one-line error of a kind."""

    rows: list[SearchRow] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    total: int = 0
    error: str = ""
    error_kind: Literal["", "query", "index"] = ""


def search_job(
    ctx: TaskContext,
    service: SearchService,
    query: str,
    limit: int,
    filters: dict[str, list[str]],
) -> SearchOutcome:
    """Worker: run one search; plain data back, or the error of a malformed query or index."""
    del ctx
    try:
        result = service.search(query, limit=limit, filters=filters or None, snippets=SNIPPETS)
    except QueryError as exc:
        return SearchOutcome(error=error_text(exc), error_kind="query")
    except HamishError as exc:  # an index that cannot be read (missing, being rebuilt)
        return SearchOutcome(error=error_text(exc), error_kind="index")
    rows = [row_from_hit(h) for h in result.hits]
    return SearchOutcome(rows, facets_from_result(result), result.total)


class SearchPanel(QWidget):
    """Search articles, highlights and notes; emits intents, never edits the library."""

    revealRequested = Signal(object, str)  # SearchRow, query: select the match in the reader
    addToBriefingRequested = Signal(object)  # Refs
    briefingFromResultsRequested = Signal(object, str)  # list[SearchRow], the query
    resultsShown = Signal(int)  # how many results are listed (after each finished search)
    message = Signal(str)

    def __init__(
        self,
        bus: Bus,
        runner: TaskRunner,
        service: SearchService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.bus, self.runner, self.service = bus, runner, service
        self.request = 0  # counter of searches started; a result for an older one is dropped
        self.dropped = 0
        self.last_error = ""
        self.shown_query = ""
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.edit.textEdited.connect(lambda _t: self._timer.start())
        self.edit.returnPressed.connect(self.search_now)
        self.facets.filtersChanged.connect(lambda _f: self.search_now())
        self.saved.applyRequested.connect(self.apply_saved)
        self.saved.message.connect(self.message)
        self._show_message(self.tr("Type to search articles, highlights and notes."))

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("searchEdit")
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(self.tr('Search (Ctrl+K): words, "a phrase", AND, OR, NOT'))
        self.saved = SavedSearchBar(self.current_search, self)
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        # While the index is rebuilt: how far, and that results are partial meanwhile.
        self.indexing = QLabel(self)
        self.indexing.setObjectName("searchIndexing")
        self.indexing.setWordWrap(True)
        self.indexing.hide()
        self.facets = FacetTree(self)
        self.model = SearchModel(self)
        self.list = QListView(self)
        self.list.setObjectName("searchResults")
        self.list.setModel(self.model)
        self.delegate = SearchDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        # Results are laid out a few at a time between events, so typing never waits for them.
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(10)
        # A scroll bar that comes and goes would change the width the results were laid out for.
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.activated.connect(self._activated)
        self.list.doubleClicked.connect(self._activated)
        self.note = QWidget(self)
        nl = QVBoxLayout(self.note)
        self.note_label = QLabel(self.note)
        self.note_label.setObjectName("searchMessage")
        self.note_label.setWordWrap(True)
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.clear_btn = QPushButton(self.tr("Clear the filters"), self.note)
        self.clear_btn.setObjectName("clearFilters")
        self.clear_btn.clicked.connect(self.clear_filters)
        nl.addWidget(self.note_label)
        nl.addWidget(self.clear_btn, 0, Qt.AlignmentFlag.AlignHCenter)
        nl.addStretch(1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.note)
        self.stack.addWidget(self.list)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("searchSplitter")
        split.addWidget(self.facets)
        split.addWidget(self.stack)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        for w in (self.edit, self.saved, self.status, self.indexing):
            lay.addWidget(w)
        lay.addWidget(split, 1)
        self.open_act = QAction(self.tr("Open"), self)
        self.open_act.triggered.connect(lambda: self._activated(self.list.currentIndex()))
        self.add_act = QAction(self.tr("Add the selected results to the briefing"), self)
        self.add_act.setObjectName("action_search_add_to_briefing")
        self.add_act.triggered.connect(self.add_selected_to_briefing)
        self.new_briefing_act = QAction(self.tr("New briefing from these results…"), self)
        self.new_briefing_act.setObjectName("action_briefing_from_search")
        self.new_briefing_act.triggered.connect(self.briefing_from_results)

    # -- wiring helpers -----------------------------------------------------------------------
    def set_service(self, service: SearchService | None, lib: Library | None = None) -> None:
        """Search with this service; keep saved searches in lib."""
        self.service = service
        if lib is not None:
            self.saved.set_library(lib)

    def set_index_progress(self, progress: Progress | None) -> None:
        """Say how far a rebuild of the index is (None: the index is whole)."""
        if progress is None:
            self.indexing.hide()
            return
        self.indexing.setText(translated("index.partial_results", {"percent": progress.percent}))
        self.indexing.show()

    def focus_search(self) -> None:
        """Show the panel (its dock) and put the cursor in the search box."""
        dock = self.parent()
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parent()
        if isinstance(dock, QDockWidget):
            dock.show()
            dock.raise_()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def current_search(self) -> tuple[str, dict[str, list[str]]]:
        """The query text and the checked facet values."""
        return self.edit.text(), self.facets.plain_filters()

    # -- searching ----------------------------------------------------------------------------
    def search_now(self) -> int:
        """Start a search for the box's text and filters; returns its request number."""
        self._timer.stop()
        self.request += 1
        req = self.request
        query, filters = self.current_search()
        if not query.strip():
            self.model.set_rows([])
            self.facets.set_facets({})
            self.status.setText("")
            self._show_message(self.tr("Type to search articles, highlights and notes."))
            return req
        if self.service is None:
            self._show_message(self.tr("Search is not available: the library has no index yet."))
            return req
        self.status.setText(self.tr("Searching…"))
        self.runner.run(
            search_job,
            self.service,
            query,
            LIMIT,
            filters,
            on_done=partial(self._done, req, query),
            on_error=partial(self._failed, req),
        )
        return req

    def refresh(self) -> None:
        """Search again for what is shown (the index changed); nothing when the box is empty."""
        if self.edit.text().strip() and not self._timer.isActive():
            self.search_now()

    def _done(self, req: int, query: str, res: SearchOutcome) -> None:
        if req != self.request:
            self.dropped += 1
            return
        if res.error:
            self.last_error = res.error
            self.model.set_rows([])
            self.status.setText("")
            if res.error_kind == "index":
                text = self.tr("Search is not available right now: %1")
            else:
                text = self.tr("This query cannot be read: %1")
            self._show_message(text.replace("%1", res.error))
            self.resultsShown.emit(0)
            return
        self.last_error = ""
        rows = res.rows
        same = query == self.shown_query
        keep = [r.key() for r in self.selected_rows()] if same else []
        scroll = self.list.verticalScrollBar().value() if same else 0
        self.shown_query = query
        self.model.set_rows(rows, res.total)
        self._reselect(keep, scroll)
        self.facets.set_facets(res.facets)
        self.status.setText(self.tr("%n result(s)", "", res.total))
        if rows:
            self.stack.setCurrentWidget(self.list)
        elif self.facets.filters:
            self._show_message(
                self.tr(
                    "Nothing matches this search with the chosen filters. Clear the filters to search everything."
                ),
                filters=True,
            )
        else:
            self._show_message(
                self.tr(
                    "Nothing matches this search. Try fewer or shorter words, or check the spelling."
                )
            )
        self.resultsShown.emit(len(rows))

    def _reselect(self, keys: list[tuple], scroll: int) -> None:
        """After the same query ran again (the index changed): the same results selected."""
        sel = self.list.selectionModel()
        for i, row in enumerate(self.model.rows):
            if row.key() in keys:
                idx = self.model.index(i, 0)
                sel.select(idx, sel.SelectionFlag.Select)
                if row.key() == keys[-1]:
                    sel.setCurrentIndex(idx, sel.SelectionFlag.NoUpdate)
        self.list.verticalScrollBar().setValue(scroll)

    def _failed(self, req: int, message: str) -> None:
        if req != self.request:
            self.dropped += 1
            return
        self.last_error = message
        self.model.set_rows([])
        self._show_message(self.tr("The search failed: %1").replace("%1", message))
        self.resultsShown.emit(0)

    def _show_message(self, text: str, filters: bool = False) -> None:
        self.note_label.setText(text)
        self.clear_btn.setVisible(filters)
        self.stack.setCurrentWidget(self.note)

    def clear_filters(self) -> None:
        """Uncheck every facet value and search again."""
        self.facets.set_filters({})
        self.search_now()

    def set_query(self, query: str, filters: dict[str, list[str]] | None = None) -> int:
        """Put a query (and filters) in the panel and search at once."""
        self.edit.setText(query)
        self.facets.set_filters(filters or {})
        return self.search_now()

    def apply_saved(self, query: str, filters: dict[str, list[str]]) -> None:
        """Run a saved search."""
        self.set_query(query, filters)

    # -- results ------------------------------------------------------------------------------
    def selected_rows(self) -> list[SearchRow]:
        """The selected results, in list order."""
        idx = sorted(self.list.selectionModel().selectedIndexes(), key=lambda i: i.row())
        return [r for r in (self.model.row_at(i) for i in idx) if r is not None]

    def open_row(self, row: SearchRow) -> None:
        """Ask for the result's article (at its highlight), then for the match to be shown."""
        if row.article_id is None:
            self.message.emit(self.tr("This note is not attached to an article."))
            return
        self.bus.openArticleRequested.emit(row.article_id, row.highlight_id or -1)
        self.revealRequested.emit(row, self.shown_query)

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index)
        if row is not None:
            self.open_row(row)

    def add_selected_to_briefing(self) -> Refs | None:
        """Ask for the selected results to be added to the current briefing."""
        refs = refs_of(self.selected_rows())
        if refs:
            self.addToBriefingRequested.emit(refs)
            return refs
        return None

    def briefing_from_results(self) -> bool:
        """Ask for a new briefing made of the listed results (their highlights and notes)."""
        if not self.model.rows:
            self.message.emit(self.tr("Search first: the briefing is made of the results."))
            return False
        self.briefingFromResultsRequested.emit(list(self.model.rows), self.shown_query)
        return True

    def _menu(self, pos: QPoint) -> None:
        if self.model.row_at(self.list.indexAt(pos)) is None:
            return
        menu = QMenu(self)
        menu.addAction(self.open_act)
        menu.addAction(self.add_act)
        menu.addSeparator()
        menu.addAction(self.new_briefing_act)
        menu.exec(self.list.viewport().mapToGlobal(pos))
        menu.deleteLater()
