"""The library panel: filter, sort, tag filter, Trash view, and the lazy article list."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.library import Library
from desktop_app.ui import jobs
from desktop_app.ui.models.library_model import ArticleIdRole, LibraryModel
from desktop_app.ui.tasks import TaskRunner

SORTS = ("imported", "title", "source", "date", "highlights")


class LibraryPanel(QWidget):
    """Lists articles; emits intents (open, import, delete, restore, edit tags)."""

    openArticleRequested = Signal(int)
    importRequested = Signal()
    demoRequested = Signal()
    deleteRequested = Signal(int)
    restoreRequested = Signal(int)
    editTagsRequested = Signal(int)

    def __init__(
        self, lib: Library, parent: QWidget | None = None, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPanel")
        self.lib = lib
        self.runner = runner
        self.model = LibraryModel(lib, self, runner)
        self.model.idsLoaded.connect(self._update_state)
        self._build()
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(250)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter.textChanged.connect(lambda _t: self._filter_timer.start())
        self.sort.currentIndexChanged.connect(lambda i: self._requery(sort=SORTS[i]))
        self.tag.currentIndexChanged.connect(
            lambda _i: self._requery(tag=self.tag.currentData() or None)
        )
        self.view_mode.currentIndexChanged.connect(lambda i: self._requery(trash=i == 1))
        self.reload_tags()
        self.model.reload()
        self._update_state()

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("libraryFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Filter by title, source or author"))
        row = QHBoxLayout()
        self.sort = QComboBox(self)
        self.sort.setObjectName("librarySort")
        for text in (
            self.tr("Newest first"),
            self.tr("Title"),
            self.tr("Source"),
            self.tr("Date"),
            self.tr("Most highlighted"),
        ):
            self.sort.addItem(text)
        self.tag = QComboBox(self)
        self.tag.setObjectName("libraryTag")
        self.view_mode = QComboBox(self)
        self.view_mode.setObjectName("libraryView")
        self.view_mode.addItems([self.tr("Library"), self.tr("Trash")])
        for w in (self.view_mode, self.sort, self.tag):
            row.addWidget(w)
        # "Articles of <feed>" while the list shows a chosen set of articles, with Show all.
        self.only_bar = QWidget(self)
        self.only_bar.setObjectName("libraryOnly")
        only_row = QHBoxLayout(self.only_bar)
        only_row.setContentsMargins(0, 0, 0, 0)
        self.only_label = QLabel(self.only_bar)
        self.only_label.setObjectName("libraryOnlyLabel")
        self.only_label.setTextFormat(Qt.TextFormat.PlainText)
        self.show_all_btn = QPushButton(self.tr("Show all"), self.only_bar)
        self.show_all_btn.setObjectName("libraryShowAll")
        self.show_all_btn.clicked.connect(self.show_all)
        only_row.addWidget(self.only_label, 1)
        only_row.addWidget(self.show_all_btn)
        self.only_bar.hide()
        self.table = QTableView(self)
        self.table.setObjectName("libraryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        vh = self.table.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 10)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        hh.setStretchLastSection(False)
        for col, width in ((1, 92), (2, 84), (3, 34)):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            hh.resizeSection(col, width)
        hh.setMinimumSectionSize(30)
        hh.setSectionsClickable(True)
        hh.sectionClicked.connect(self._header_clicked)
        self.table.clicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.restore_btn = QPushButton(self.tr("Restore the selected article"), self)
        self.restore_btn.setObjectName("restoreButton")
        self.restore_btn.clicked.connect(self._restore_selected)
        self.count = QLabel(self)
        self.count.setObjectName("libraryCount")
        # The empty-library hint.
        self.hint = QWidget(self)
        hl = QVBoxLayout(self.hint)
        msg = QLabel(
            self.tr("The library is empty. Import files or folders, or drop them on the window."),
            self.hint,
        )
        msg.setWordWrap(True)
        msg.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.import_btn = QPushButton(self.tr("Import…"), self.hint)
        self.import_btn.setObjectName("hintImport")
        self.import_btn.clicked.connect(self.importRequested)
        self.demo_btn = QPushButton(self.tr("Add the demo articles"), self.hint)
        self.demo_btn.setObjectName("hintDemo")
        self.demo_btn.clicked.connect(self.demoRequested)
        hl.addStretch(1)
        hl.addWidget(msg)
        hl.addWidget(self.import_btn)
        hl.addWidget(self.demo_btn)
        hl.addStretch(2)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.hint)
        lay.addWidget(self.filter)
        lay.addLayout(row)
        lay.addWidget(self.only_bar)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.restore_btn)
        lay.addWidget(self.count)
        # Tab follows the panel from top to bottom (the combo boxes were made out of that order).
        chain = (self.filter, self.view_mode, self.sort, self.tag, self.table, self.restore_btn)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- queries ----------------------------------------------------------------------------
    def stop_timers(self) -> None:
        """The window is closing: no delayed query may run afterwards."""
        self._filter_timer.stop()

    def apply_filter(self) -> None:
        """Run the filter text through SQL."""
        self._requery(text=self.filter.text().strip())

    def _requery(self, **kw: object) -> None:
        self.model.set_query(**kw)  # type: ignore[arg-type]
        self._update_state()

    def _header_clicked(self, section: int) -> None:
        self.sort.setCurrentIndex(SORTS.index(("title", "source", "date", "highlights")[section]))

    def show_only(self, article_ids: Iterable[int], title: str) -> None:
        """List just these articles (a feed's), under a line naming them, until Show all."""
        self.only_label.setText(self.tr("Articles of “%1”").replace("%1", title))
        self.only_bar.show()
        self._requery(only=frozenset(article_ids), trash=False)
        if self.view_mode.currentIndex() != 0:
            self.view_mode.blockSignals(True)
            self.view_mode.setCurrentIndex(0)
            self.view_mode.blockSignals(False)

    def show_all(self) -> None:
        """Back to every article (the filter, sort and tag stay)."""
        self.only_bar.hide()
        self._requery(only=None)

    def reload(self, article_ids: set[int] | None = None) -> None:
        """Articles changed: refresh some rows, or everything when ids were added or removed."""
        self.model.reload()
        self._update_state()

    def reload_tags(self) -> None:
        """Refill the tag filter (counted on the thread pool for a large library)."""
        if self.runner is not None and self.lib.article_count() >= self.model.background_from:
            self.runner.run(jobs.tags_job, str(self.lib.folder), on_done=self._fill_tags)
        else:
            self._fill_tags(self.lib.tags())

    def _fill_tags(self, tags: list[tuple[str, int]]) -> None:
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("All tags"), None)
        for name, n in tags:
            self.tag.addItem(self.tr("%1 (%n)", "", n).replace("%1", name), name)
        i = self.tag.findData(current)
        self.tag.setCurrentIndex(max(0, i))
        self.tag.blockSignals(False)

    def _update_state(self) -> None:
        if self.model.loading:
            return
        n = self.model.rowCount()
        trash = self.model.trash
        m = self.model
        empty_library = n == 0 and not trash and not m.text and not m.tag and m.only is None
        self.stack.setCurrentWidget(self.hint if empty_library else self.table)
        self.restore_btn.setVisible(trash)
        self.count.setText(
            self.tr("%n article(s) in the trash", "", n)
            if trash
            else self.tr("%n article(s)", "", n)
        )

    # -- selection --------------------------------------------------------------------------
    def current_id(self) -> int | None:
        """The selected article id."""
        idx = self.table.currentIndex()
        return int(self.model.data(idx, ArticleIdRole)) if idx.isValid() else None

    def select_article(self, article_id: int) -> None:
        """Select an article's row if it is listed."""
        row = self.model.row_of(article_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid() and not self.model.trash:
            self.openArticleRequested.emit(int(self.model.data(index, ArticleIdRole)))

    def _restore_selected(self) -> None:
        aid = self.current_id()
        if aid is not None:
            self.restoreRequested.emit(aid)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        aid = int(self.model.data(index, ArticleIdRole))
        menu = QMenu(self)
        if self.model.trash:
            act = QAction(self.tr("Restore"), menu)
            act.triggered.connect(lambda: self.restoreRequested.emit(aid))
            menu.addAction(act)
        else:
            open_act = QAction(self.tr("Open"), menu)
            open_act.triggered.connect(lambda: self.openArticleRequested.emit(aid))
            tags_act = QAction(self.tr("Edit tags…"), menu)
            tags_act.triggered.connect(lambda: self.editTagsRequested.emit(aid))
            del_act = QAction(self.tr("Move to the trash"), menu)
            del_act.triggered.connect(lambda: self.deleteRequested.emit(aid))
            for a in (open_act, tags_act, del_act):
                menu.addAction(a)
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()
