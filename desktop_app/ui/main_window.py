"""The main window: composes the panels, wires their signals, remembers the layout."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolBar,
    QWidget,
)

from desktop_app.core.briefings import FROM_SEARCH_LIMIT
from desktop_app.core.errors import HamishError, NotFound
from desktop_app.core.library import Library
from desktop_app.core.models import Changes
from desktop_app.core.search.live import attach
from desktop_app.core.search.rebuild import Progress
from desktop_app.core.search.service import SearchService
from desktop_app.core.search.writer import IndexWriter
from desktop_app.resources import resource_path
from desktop_app.ui import settings as st
from desktop_app.ui.accessibility import name_widgets
from desktop_app.ui.backup_flow import backup_on_close
from desktop_app.ui.bus import Bus
from desktop_app.ui.dialogs.labels_dialog import LabelsDialog
from desktop_app.ui.feeds_flow import FeedsFlow
from desktop_app.ui.import_flow import ImportFlow
from desktop_app.ui.menus import build_actions, build_menus, label_texts
from desktop_app.ui.messages import error_text, translated
from desktop_app.ui.models.search_model import SearchRow
from desktop_app.ui.panels.annotations_panel import AnnotationsPanel
from desktop_app.ui.panels.briefing_panel import BriefingPanel
from desktop_app.ui.panels.feeds_panel import FeedsPanel
from desktop_app.ui.panels.library_panel import LibraryPanel
from desktop_app.ui.panels.note_editor import NoteEditor
from desktop_app.ui.panels.notes_list import NotesList
from desktop_app.ui.panels.search_panel import SearchPanel
from desktop_app.ui.panels.search_reveal import Flasher, reveal_match
from desktop_app.ui.reader.view import ReaderView
from desktop_app.ui.ref_mime import RefDragStarter, Refs, install_ref_drag
from desktop_app.ui.session import Session
from desktop_app.ui.tasks import Task, TaskRunner
from desktop_app.ui.theme import load_theme
from desktop_app.ui.web_capture import WebCapture, dropped_items

SIDES = {
    "left": Qt.DockWidgetArea.LeftDockWidgetArea,
    "right": Qt.DockWidgetArea.RightDockWidgetArea,
    "bottom": Qt.DockWidgetArea.BottomDockWidgetArea,
}


class IndexRelay(QObject):
    """Carries the index writer's callbacks (its own thread) to the GUI thread."""

    committed = Signal(int)
    progress = Signal(object)  # a rebuild's Progress, None when it has ended


class MainWindow(QMainWindow):
    """Library on one side, the reader in the centre, annotations on the other, a status bar."""

    # folder of the library to open instead of this one; a CopyReport when it was moved there
    # (the old folder is removed once the new window is open), else None
    libraryChosen = Signal(str, object)
    # a restore replaced the library's database: reopen the window on it (message to show)
    libraryRestored = Signal(str)

    def __init__(self, lib: Library, theme: str | None = None, remember: bool = True) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Hamish"))
        self.setWindowIcon(QIcon(str(resource_path("icons", "hamish.svg"))))
        self.lib = lib
        self.remember = remember
        self.backup_on_close = True  # today's automatic backup when the window closes
        self._backed_up = False
        self.theme_name = "system"
        self.bus = Bus(self)
        self.undo_stack = QUndoStack(self)
        self.runner = TaskRunner(self)
        self.session = Session(lib, self.bus, self.undo_stack, self)
        self.docks: dict[str, QDockWidget] = {}
        self.panels_menu: QMenu | None = None
        self.toolbar: QToolBar | None = None
        self.status_label = QLabel(self)
        self.index_label = QLabel(self)  # "indexing: 45%" while the index is being rebuilt
        self.index_label.setObjectName("indexProgress")
        self.index_label.hide()
        self.search_service, self.search_writer = self._start_search()
        self.index_relay = IndexRelay(self)
        # the panels
        self.reader = ReaderView(self)
        self.flasher = Flasher(self.reader.browser)
        self.library = LibraryPanel(lib, self, self.runner)
        self.annotations = AnnotationsPanel(self)
        self.free_notes = NotesList("freeNotes", self)
        self.search = SearchPanel(self.bus, self.runner, self.search_service, self)
        self.briefing = BriefingPanel(lib, self.bus, self.runner, self, self.undo_stack)
        self.imports = ImportFlow(self.runner, lib.folder, self)
        self.web = WebCapture(self.runner, lib.folder, self.imports, self)
        self.shown_feed: int | None = None  # the feed whose articles the library lists
        self.feeds = FeedsPanel(lib, self.runner, self)
        self.feeds_flow = FeedsFlow(self.runner, lib.folder, self)
        # actions and menus
        self.registry = build_actions(self)
        self.add_to_briefing_action = self._briefing_action("action_add_to_briefing")
        self.annotation_to_briefing_action = self._briefing_action("action_annotation_to_briefing")
        self.note_to_briefing_actions = [
            self._briefing_action(f"action_{n.objectName()}_to_briefing")
            for n in (self.annotations.notes, self.free_notes)
        ]
        self.drags: list[RefDragStarter] = []
        build_menus(self)
        self._compose()
        name_widgets(self)
        self._wire()
        self._wire_search_and_briefing()
        self._wire_feeds()
        self.labels_changed()
        self.reload_free_notes()
        self.set_theme(theme or st.get_str("reader/theme", "system"), store=theme is None)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        app = QCoreApplication.instance()
        if app is not None:  # a quit that closes no window still makes the day's backup
            app.aboutToQuit.connect(self.backup_once)
        self.setAcceptDrops(True)
        self.resize(1280, 820)
        self.resizeDocks(
            [self.docks["libraryDock"], self.docks["annotationsDock"]],
            [330, 300],
            Qt.Orientation.Horizontal,
        )
        if remember:
            self._restore_layout()
        for ended in lib.ended_sessions[:1]:
            self.show_message(translated("library.ended_unexpectedly", {"pid": ended.pid}))

    def _start_search(self) -> tuple[SearchService | None, IndexWriter | None]:
        """The search service and the index writer (indexing every change in the background)."""
        try:
            writer = attach(self.lib, background=True)
            return SearchService(self.lib.folder), writer
        except HamishError as exc:
            self.show_message(self.tr("Search is not available: %1").replace("%1", error_text(exc)))
            return None, None

    def _compose(self) -> None:
        """Put the panels in docks, the reader in the centre, the import controls in the status bar."""
        self.setCentralWidget(self.reader)
        self.add_panel(self.library, "libraryDock", self.tr("Library"), "left")
        self.add_panel(self.search, "searchDock", self.tr("Search"), "left")
        self.add_panel(self.feeds, "feedsDock", self.tr("Feeds"), "left")
        self.add_panel(self.annotations, "annotationsDock", self.tr("Annotations"), "right")
        self.add_panel(self.free_notes, "freeNotesDock", self.tr("Free notes"), "right")
        self.add_panel(self.briefing, "briefingDock", self.tr("Briefing"), "right")
        self.tabifyDockWidget(self.docks["libraryDock"], self.docks["searchDock"])
        self.tabifyDockWidget(self.docks["libraryDock"], self.docks["feedsDock"])
        self.tabifyDockWidget(self.docks["annotationsDock"], self.docks["freeNotesDock"])
        self.tabifyDockWidget(self.docks["annotationsDock"], self.docks["briefingDock"])
        self.docks["libraryDock"].raise_()
        self.docks["annotationsDock"].raise_()
        # The minimum size cached while the docks were stacked would outlive the tabbing, and
        # restoreGeometry() would then grow a small remembered window.
        layout = self.layout()
        if layout is not None:
            layout.invalidate()
            layout.activate()
        sb = self.statusBar()
        sb.setObjectName("statusBar")
        sb.addWidget(self.status_label, 1)
        sb.addPermanentWidget(self.index_label)
        for widget in (*self.imports.widgets(), *self.feeds_flow.widgets()):
            sb.addPermanentWidget(widget)

    # -- composition ------------------------------------------------------------------------
    def add_panel(self, widget: QWidget, name: str, title: str, side: str) -> QDockWidget:
        """Put a panel in a dock (named for saveState) and list it in View > Panels.

        side is logical: "left" is the leading side (the right in a right-to-left interface).
        """
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            side = {"left": "right", "right": "left"}.get(side, side)
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(SIDES.get(side, Qt.DockWidgetArea.RightDockWidgetArea), dock)
        self.docks[name] = dock
        if self.panels_menu is not None:
            self.panels_menu.addAction(dock.toggleViewAction())
        return dock

    def _wire(self) -> None:
        lib_p, ann, rd, bus, ses = (
            self.library,
            self.annotations,
            self.reader,
            self.bus,
            self.session,
        )
        lib_p.openArticleRequested.connect(lambda aid: bus.openArticleRequested.emit(aid, -1))
        self.imports.message.connect(self.show_message)
        self.imports.articlesAdded.connect(self.articles_added)
        self.web.message.connect(self.show_message)
        self.web.articlesAdded.connect(self.articles_added)
        self.web.openRequested.connect(lambda aid: bus.openArticleRequested.emit(aid, -1))
        lib_p.importRequested.connect(self.import_files)
        lib_p.demoRequested.connect(self.add_demo)
        lib_p.deleteRequested.connect(ses.delete_article)
        lib_p.restoreRequested.connect(ses.restore_article)
        lib_p.editTagsRequested.connect(self.edit_tags)
        bus.openArticleRequested.connect(self.open_article)
        bus.articlesChanged.connect(self.articles_changed)
        bus.annotationsChanged.connect(self.annotations_changed)
        bus.labelsChanged.connect(self.labels_changed)
        bus.tagsChanged.connect(lib_p.reload_tags)
        rd.highlightClicked.connect(ann.select_highlight)
        rd.tagsEdited.connect(ses.set_tags)
        rd.positionChanged.connect(ses.save_position)
        ann.highlightActivated.connect(rd.scroll_to_highlight)
        ann.relabelRequested.connect(ses.relabel)
        ann.deleteRequested.connect(ses.delete_highlight)
        ann.notes.newRequested.connect(self.new_article_note)
        ann.notes.deleteRequested.connect(ses.delete_note)
        self.free_notes.newRequested.connect(self.new_free_note)
        self.free_notes.deleteRequested.connect(ses.delete_note)
        for editor in self.note_editors():
            editor.save_fn = ses.save_note
        ses.message.connect(self.show_message)
        ses.articleClosed.connect(self._article_closed)

    def _wire_search_and_briefing(self) -> None:
        search, briefing = self.search, self.briefing
        search.set_service(self.search_service, self.lib)
        search.revealRequested.connect(
            lambda row, query: reveal_match(self.reader, self.flasher, row, query)
        )
        search.addToBriefingRequested.connect(self.add_to_briefing)
        search.briefingFromResultsRequested.connect(self.new_briefing_from_results)
        search.message.connect(self.show_message)
        briefing.message.connect(self.show_message)
        self.bus.indexStateChanged.connect(self._index_state)
        self.bus.indexStateChanged.connect(search.set_index_progress)
        if self.search_writer is not None:
            self.index_relay.committed.connect(lambda _seq: self.search.refresh())
            self.search_writer.add_listener(self.index_relay.committed.emit)
            self.index_relay.progress.connect(self.bus.indexStateChanged.emit)
            self.search_writer.add_progress_listener(self.index_relay.progress.emit)
            # A rebuild may have started before the listener was added.
            self.bus.indexStateChanged.emit(self.search_writer.progress)
        self.add_to_briefing_action.triggered.connect(self.add_reader_selection_to_briefing)
        self.reader.browser.context_actions.extend([None, self.add_to_briefing_action])
        ann = self.annotations

        def selected_highlight() -> Refs | None:
            hid = ann.current_id()
            return Refs(highlights=(hid,)) if hid is not None else None

        self._offer_to_briefing(ann.list, self.annotation_to_briefing_action, selected_highlight)
        for notes, act in zip(
            (ann.notes, self.free_notes), self.note_to_briefing_actions, strict=True
        ):
            self._offer_to_briefing(notes.list, act, partial(_selected_note, notes))

    def _wire_feeds(self) -> None:
        feeds, flow = self.feeds, self.feeds_flow
        feeds.refreshRequested.connect(flow.start)
        feeds.showArticlesRequested.connect(self.show_feed_articles)
        feeds.message.connect(self.show_message)
        flow.message.connect(self.show_message)
        flow.articlesAdded.connect(self.articles_added)
        flow.refreshed.connect(feeds.reload)
        flow.refreshed.connect(self._feeds_refreshed)
        flow.refreshed.connect(lambda: feeds.report_act.setEnabled(flow.last is not None))
        flow.busyChanged.connect(feeds.set_busy)
        feeds.set_interval(flow.interval)
        feeds.auto_act.setChecked(flow.auto)
        feeds.auto_act.toggled.connect(flow.set_auto)
        feeds.report_act.triggered.connect(flow.show_report)
        # Unread counts: an article shown is read; a deleted one no longer counts.
        self.session.articleRead.connect(feeds.reload)
        self.bus.articlesChanged.connect(feeds.reload)

    def _offer_to_briefing(
        self, view: QAbstractItemView, act: QAction, selected: Callable[[], Refs | None]
    ) -> None:
        """ "Add to Briefing" in a list's context menu, and dragging its selection, both
        carrying what selected() returns."""
        act.triggered.connect(lambda: self.add_to_briefing(selected() or Refs()))
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.addAction(act)
        self.drags.append(install_ref_drag(view, selected))

    def _briefing_action(self, name: str) -> QAction:
        act = QAction(
            QIcon(str(resource_path("icons", "briefing.svg"))), self.tr("Add to Briefing"), self
        )
        act.setObjectName(name)
        return act

    def note_editors(self) -> list[NoteEditor]:
        """Every note editor of the window (flushed on switch, close and quit)."""
        return [self.annotations.editor, self.annotations.notes.editor, self.free_notes.editor]

    # -- opening ----------------------------------------------------------------------------
    def open_article(self, article_id: int, highlight_id: int = -1) -> bool:
        """Show an article (and scroll to a highlight when given)."""
        for editor in self.note_editors():
            editor.flush()
        article = self.session.open_article(article_id)
        if article is None:
            return False
        highlights = self.lib.highlights(article_id)
        self.reader.show_article(article, highlights, self.lib.labels())
        self.annotations.set_highlights(highlights)
        self.annotations.set_article_notes(self.lib.article_notes(article_id))
        self.library.select_article(article_id)
        self.setWindowTitle(self.tr("%1 — Hamish").replace("%1", article.title))
        n = len(highlights)
        self.show_message(self.tr("%n highlight(s) in this article.", "", n))
        self.reader.browser.setFocus()
        if highlight_id > 0:
            self.reader.scroll_to_highlight(highlight_id)
            self.annotations.select_highlight(highlight_id)
        return True

    def show_feed_articles(self, feed_id: int) -> None:
        """List a feed's articles in the library panel."""
        try:
            feed = self.feeds.service.get(feed_id)
            ids = self.feeds.service.article_ids(feed_id)
        except HamishError as exc:
            self.show_message(error_text(exc))
            return
        self.shown_feed = feed_id
        self.library.show_only(ids, feed.display_name)
        self._show_dock("libraryDock")

    def _feeds_refreshed(self) -> None:
        """A feed's articles listed in the library take in those the refresh brought."""
        fid = self.shown_feed
        if fid is None or self.library.model.only is None:
            return
        try:
            feed, ids = self.feeds.service.get(fid), self.feeds.service.article_ids(fid)
        except HamishError:  # the feed was removed meanwhile
            self.shown_feed = None
            return
        self.library.show_only(ids, feed.display_name)

    def _article_closed(self) -> None:
        self.reader.clear()
        self.annotations.set_highlights([])
        self.annotations.set_article_notes([])
        self.setWindowTitle(self.tr("Hamish"))

    # -- reactions to changes ---------------------------------------------------------------
    def articles_changed(self, ids: set[int]) -> None:
        """Articles were added, removed or renamed."""
        self.library.reload(ids)
        aid = self.session.article_id
        if aid is not None and aid in ids:
            try:
                art = self.lib.get_article(aid)
            except NotFound:
                self.session.close_article()
                return
            if art.deleted_at:
                self.session.close_article()
            else:
                self.reader.show_header(art)
                self.reader.article = art

    def annotations_changed(self, changes: Changes) -> None:
        """Highlights or notes changed: redraw what shows them."""
        self.library.model.refresh_rows(set(changes.articles))
        aid = self.session.article_id
        if aid is not None and (
            aid in changes.articles or changes.highlights & set(self.annotations.highlights)
        ):
            highlights = self.lib.highlights(aid)
            self.reader.set_highlights(highlights)
            self.annotations.set_highlights(highlights)
            self.annotations.set_article_notes(self.lib.article_notes(aid))
        if changes.notes:
            self.reload_free_notes()

    def articles_added(self, ids: set[int]) -> None:
        """An import (or the demo) finished: the list reloads once, the tag filter too."""
        self.bus.articlesChanged.emit(set(ids))
        self.library.reload_tags()

    def labels_changed(self) -> None:
        """Label names changed."""
        labels = self.lib.labels()
        self.reader.set_labels(labels)
        self.annotations.set_labels(labels)
        label_texts(self)

    def reload_free_notes(self, select: int | None = None) -> None:
        """Refill the free notes panel."""
        self.free_notes.set_notes(self.lib.free_notes(), select)

    # -- intents ----------------------------------------------------------------------------
    def highlight_selection(self, label_id: int | None) -> None:
        """Highlight the reader's selection; with none, relabel the selected highlight."""
        sel = self.reader.selection()
        if sel is None:
            hid = self.annotations.current_id()
            if label_id is not None and hid is not None:
                self.session.relabel(hid, label_id)
            else:
                self.show_message(self.tr("Select some text of the article first."))
            return
        hid = self.session.highlight(sel[0], sel[1], label_id)
        if hid is not None:
            cursor = self.reader.browser.textCursor()
            cursor.clearSelection()
            self.reader.browser.setTextCursor(cursor)
            self.annotations.select_highlight(hid)

    def add_to_briefing(self, refs: Refs) -> list[int]:
        """Add highlights, notes or texts to the shown briefing, and show it."""
        ids = self.briefing.add_refs(refs)
        if ids:
            self._show_dock("briefingDock")
        return ids

    def add_reader_selection_to_briefing(self) -> list[int]:
        """Add the reader's selection (highlighting it first) or the selected highlight."""
        sel = self.reader.selection()
        if sel is not None:
            hid = self.session.highlight(sel[0], sel[1], None)
            if hid is None:
                return []
            self.annotations.select_highlight(hid)
        else:
            hid = self.annotations.current_id()
        if hid is None:
            self.show_message(self.tr("Select some text or a highlight first."))
            return []
        return self.add_to_briefing(Refs(highlights=(hid,)))

    def new_briefing_from_results(self, rows: list[SearchRow], query: str) -> int | None:
        """A new briefing of the search results' highlights and notes, a section per article."""
        title, ok = QInputDialog.getText(
            self,
            self.tr("New briefing from the search"),
            self.tr("Title of the briefing:"),
            text=query,
        )
        if not ok:
            return None
        entries = self.briefing.service.entries_from_hits(rows[:FROM_SEARCH_LIMIT])
        bid = self.briefing.new_from_search(title, entries)
        if bid is not None:
            self._show_dock("briefingDock")
        return bid

    def _show_dock(self, name: str) -> None:
        dock = self.docks[name]
        dock.show()
        dock.raise_()

    def delete_current_highlight(self) -> None:
        """Delete the highlight selected in the annotations panel."""
        hid = self.annotations.current_id()
        if hid is not None:
            self.annotations.editor.edit(None, "")
            self.session.delete_highlight(hid)

    def delete_current_article(self) -> None:
        """Move the article to the trash: the row chosen in the library list, else the open one."""
        lib = self.library
        if lib.table.hasFocus():
            aid = lib.current_id()
            if aid is not None and not lib.model.trash:
                self.session.delete_article(aid)
        elif self.session.article_id is not None:
            self.session.delete_article(self.session.article_id)

    def new_article_note(self) -> None:
        """A new note on the open article."""
        if self.session.article_id is None:
            return
        nid = self.session.new_note(self.session.article_id)
        self.annotations.tabs.setCurrentWidget(self.annotations.notes)
        self.annotations.set_article_notes(self.lib.article_notes(self.session.article_id), nid)
        self.annotations.notes.editor.setFocus()

    def new_free_note(self) -> None:
        """A new free-standing note."""
        nid = self.session.new_note(None)
        self._show_dock("freeNotesDock")
        self.reload_free_notes(nid)
        self.free_notes.editor.setFocus()

    def edit_tags(self, article_id: int | None) -> None:
        """Ask for an article's tags (comma separated)."""
        aid = article_id if article_id is not None else self.session.article_id
        if aid is None:
            return
        art = self.lib.get_article(aid)
        text, ok = QInputDialog.getText(
            self,
            self.tr("Tags"),
            self.tr("Tags of “%1”, separated by commas:").replace("%1", art.title),
            text=", ".join(art.tags),
        )
        if ok:
            self.session.set_tags(
                aid, [t.strip() for t in text.replace("،", ",").split(",") if t.strip()]
            )

    def edit_labels(self) -> None:
        """Rename the six labels."""
        dlg = LabelsDialog(self.lib.labels(), self)
        if dlg.exec():
            self.session.rename_labels(dlg.changes())

    def preferences(self) -> None:
        """Edit › Preferences: language, reading, labels, export defaults, the library folder."""
        from desktop_app.ui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(self)
        dialog.exec()
        dialog.deleteLater()

    def set_theme(self, name: str, store: bool = True) -> None:
        """Switch the reading theme ('system' follows the system's dark mode)."""
        self.theme_name = name
        if store:
            st.put("reader/theme", name)
        self.reader.apply_theme(load_theme(name))
        act = self.registry.by_name.get(f"theme_{name}")
        if act is not None:
            act.setChecked(True)

    def _system_scheme_changed(self, _scheme: object) -> None:
        if self.theme_name == "system":
            self.set_theme("system", store=False)

    def about(self) -> None:
        """About box."""
        QMessageBox.about(
            self,
            self.tr("About Hamish"),
            self.tr("Hamish (هامش) is a reading and notes application for analysts."),
        )

    def show_message(self, text: str) -> None:
        """A message in the status bar."""
        self.status_label.setText(text)

    # -- backups ----------------------------------------------------------------------------
    def back_up_library(self) -> None:
        """File › Back up library…: the whole library into one .zip archive."""
        from desktop_app.ui.dialogs.backup_dialogs import BackupDialog

        dialog = BackupDialog(self)
        dialog.exec()
        dialog.deleteLater()

    def restore_library(self) -> None:
        """File › Restore from backup…: check a backup, confirm, restore, reload."""
        from desktop_app.ui.dialogs.backup_dialogs import RestoreDialog

        dialog = RestoreDialog(self)
        dialog.exec()
        dialog.deleteLater()

    def backup_once(self) -> None:
        """Today's automatic backup, once per window (closing, or quitting without a close)."""
        if self.backup_on_close and not self._backed_up:
            self._backed_up = True
            backup_on_close(self.lib)

    def stop_search(self) -> None:
        """Let go of the search index (a restore replaces the database under it)."""
        self._stop_search()

    # -- import -----------------------------------------------------------------------------
    def import_files(self) -> None:
        """File > Import files."""
        self.imports.import_files()

    def import_folder(self) -> None:
        """File > Import a folder."""
        self.imports.import_folder()

    def start_import(self, paths: list[str]) -> Task | None:
        """Import paths in the background (progress bar and Cancel in the status bar)."""
        return self.imports.start(paths)

    def add_demo(self) -> None:
        """Add the demo articles."""
        self.imports.add_demo()

    def dragEnterEvent(self, e: QDragEnterEvent) -> None:  # noqa: N802
        if dropped_items(e.mimeData()):  # files, or links from a browser
            e.acceptProposedAction()

    def dropEvent(self, e: QDropEvent) -> None:  # noqa: N802
        if self.web.drop(e.mimeData()):
            e.acceptProposedAction()

    # -- layout memory and closing ----------------------------------------------------------
    def _splitters(self) -> list[QSplitter]:
        return [s for s in self.findChildren(QSplitter) if s.objectName()]

    def _restore_layout(self) -> None:
        s = st.settings()
        geo, state = s.value("window/geometry"), s.value("window/state")
        if isinstance(geo, QByteArray):
            self.restoreGeometry(geo)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        for sp in self._splitters():
            v = s.value(f"splitters/{sp.objectName()}")
            if isinstance(v, QByteArray):
                sp.restoreState(v)

    def save_layout(self) -> None:
        """Remember geometry, docks and splitters."""
        s = st.settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        for sp in self._splitters():
            s.setValue(f"splitters/{sp.objectName()}", sp.saveState())
        s.sync()

    def flush(self) -> None:
        """Save everything pending: notes and briefing details being typed, the reading position."""
        for editor in self.note_editors():
            editor.flush()
        self.briefing.form.flush()
        if self.remember:
            self.reader.flush_position()

    def closeEvent(self, e: QCloseEvent) -> None:  # noqa: N802
        self.flush()
        if self.remember:
            self.save_layout()
        self.feeds_flow.stop()
        self.runner.drain()
        self.library.stop_timers()
        self.reader.stop_timers()
        self.session.detach()
        self._stop_search()
        self.backup_once()
        super().closeEvent(e)

    def _index_state(self, progress: Progress | None) -> None:
        """Show how far a rebuild of the index is, in the status bar."""
        if progress is None:
            self.index_label.hide()
            return
        self.index_label.setText(translated("index.rebuilding", {"percent": progress.percent}))
        self.index_label.show()

    def _stop_search(self) -> None:
        """Close the search service and the index writer (their threads end with the window).

        A rebuild under way stops within a moment and goes on at the next start.
        """
        if self.search_writer is not None:
            self.search_writer.remove_listener(self.index_relay.committed.emit)
            self.search_writer.remove_progress_listener(self.index_relay.progress.emit)
        for closable in (self.search_service, self.search_writer):
            if closable is not None:
                try:
                    closable.close()
                except HamishError:
                    pass
        self.search_service, self.search_writer = None, None
        self.search.set_service(None)


def _selected_note(notes: NotesList) -> Refs | None:
    nid = notes.current_id()
    return Refs(notes=(nid,)) if nid is not None else None


def screen_fits(w: QMainWindow) -> None:
    """Keep the window on the screen it opens on."""
    screen = QGuiApplication.primaryScreen()
    if screen is not None:
        avail = screen.availableGeometry()
        w.resize(min(w.width(), avail.width()), min(w.height(), avail.height()))
