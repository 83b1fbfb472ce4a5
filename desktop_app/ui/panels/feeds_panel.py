"""The feeds panel: each feed with its unread count, and add, remove, rename, refresh.

The panel lists and edits the feeds; refreshing is the window's FeedsFlow (asked for through
`refreshRequested`), showing a feed's articles is the library panel's (`showArticlesRequested`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import HamishError
from desktop_app.core.feeds import Feed, FeedService
from desktop_app.core.library import Library
from desktop_app.ui import jobs
from desktop_app.ui.actions import fill_menu
from desktop_app.ui.dialogs.feed_dialog import AddFeedDialog
from desktop_app.ui.messages import error_text, isolated, translated
from desktop_app.ui.tasks import TaskRunner

FeedIdRole = Qt.ItemDataRole.UserRole + 1
UnreadRole = Qt.ItemDataRole.UserRole + 2


class FeedsPanel(QWidget):
    """Lists the feeds; emits intents (refresh some or all, show a feed's articles)."""

    refreshRequested = Signal(object)  # list[int] of feed ids, or None for every feed
    showArticlesRequested = Signal(int)  # feed id
    message = Signal(str)

    def __init__(self, lib: Library, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedsPanel")
        self.lib = lib
        self.service = FeedService(lib)
        self.runner = runner
        self.add_dialog: AddFeedDialog | None = None
        self.feeds: list[Feed] = []
        self._build_actions()
        self._build()
        self.reload()

    # -- building ---------------------------------------------------------------------------
    def _action(self, name: str, text: str, slot: Callable[[], object]) -> QAction:
        act = QAction(text, self)
        act.setObjectName(name)
        act.triggered.connect(slot)
        return act

    def _build_actions(self) -> None:
        self.add_act = self._action("feedAdd", self.tr("Add…"), self.add_feed)
        self.refresh_act = self._action("feedRefresh", self.tr("Refresh"), self.refresh_selected)
        self.refresh_act.setToolTip(
            self.tr("Refresh the selected feeds (every feed when none is selected)")
        )
        self.refresh_all_act = self._action(
            "feedRefreshAll", self.tr("Refresh all"), lambda: self.refreshRequested.emit(None)
        )
        self.rename_act = self._action("feedRename", self.tr("Rename…"), self.rename_current)
        self.rename_act.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.remove_act = self._action("feedRemove", self.tr("Remove…"), self.remove_selected)
        self.remove_act.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.show_act = self._action(
            "feedShowArticles", self.tr("Show its articles"), self._show_current
        )
        # Checked and connected by the window (the periodic refresh is the flow's).
        self.auto_act = QAction(self)
        self.auto_act.setObjectName("feedAutoRefresh")
        self.auto_act.setCheckable(True)
        self.report_act = QAction(self.tr("Report of the last refresh"), self)
        self.report_act.setObjectName("feedReport")
        self.report_act.setEnabled(False)

    def set_interval(self, minutes: int) -> None:
        """The periodic refresh's label names its interval."""
        self.auto_act.setText(self.tr("Refresh every %n minute(s)", "", minutes))

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        buttons = []
        for act in (self.add_act, self.refresh_act, self.refresh_all_act):
            btn = QToolButton(self)
            btn.setObjectName(act.objectName() + "Button")
            btn.setDefaultAction(act)
            btn.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            row.addWidget(btn)
            buttons.append(btn)
        self.add_btn = buttons[0]
        row.addStretch(1)
        self.more_btn = QToolButton(self)
        self.more_btn.setObjectName("feedsMore")
        self.more_btn.setText("⋯")
        self.more_btn.setToolTip(self.tr("More"))
        self.more_btn.setAccessibleName(self.tr("More"))
        self.more_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_btn.setStyleSheet("QToolButton::menu-indicator { image: none; }")  # ⋯ says it
        more = QMenu(self.more_btn)
        fill_menu(more, [self.rename_act, self.remove_act, None, self.auto_act, self.report_act])
        self.more_btn.setMenu(more)
        row.addWidget(self.more_btn)
        lay.addLayout(row)
        self.list = QListWidget(self)
        self.list.setObjectName("feedsList")
        self.list.setAccessibleName(self.tr("Feeds"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setUniformItemSizes(True)  # every row as tall as one with the warning sign
        self.list.setStyleSheet("QListView::item { padding: 3px; }")
        self.list.itemActivated.connect(lambda item: self._show(item))
        self.list.itemSelectionChanged.connect(self._update_actions)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        for act in (self.rename_act, self.remove_act):
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.list.addAction(act)
        self.empty = QLabel(
            self.tr("No feeds yet. Add an outlet's RSS or Atom address with Add…."), self
        )
        self.empty.setObjectName("feedsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.empty, 1)

    # -- the list ---------------------------------------------------------------------------
    def reload(self, *_args: object) -> None:
        """Re-read the feeds and their unread counts, keeping the selection."""
        try:
            self.feeds = self.service.list()
        except HamishError as exc:
            self.message.emit(error_text(exc))
            return
        selected = set(self.selected_ids())
        current = self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        for feed in self.feeds:
            item = self._item(feed)
            self.list.addItem(item)
            item.setSelected(feed.id in selected)
            if feed.id == current:
                self.list.setCurrentItem(item, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.list.blockSignals(False)
        self.list.setVisible(bool(self.feeds))
        self.empty.setVisible(not self.feeds)
        self._update_actions()

    def _item(self, feed: Feed) -> QListWidgetItem:
        name = isolated(feed.display_name)
        text = self.tr("%1 (%n)", "", feed.unread).replace("%1", name) if feed.unread else name
        item = QListWidgetItem(text)
        item.setData(FeedIdRole, feed.id)
        item.setData(UnreadRole, feed.unread)
        tip = [feed.display_name, feed.url]
        tip.append(self.tr("%n unread article(s)", "", feed.unread))
        if feed.last_error:
            item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
            reason = translated(feed.last_error_code, feed.last_error_params, feed.last_error)
            tip.append(self.tr("The last refresh failed: %1").replace("%1", reason))
        item.setToolTip("\n".join(tip))
        if feed.unread:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        return item

    def item_of(self, feed_id: int) -> QListWidgetItem | None:
        """The list item of a feed."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item is not None and item.data(FeedIdRole) == feed_id:
                return item
        return None

    def selected_ids(self) -> list[int]:
        """The selected feeds' ids, in list order."""
        items = sorted(self.list.selectedItems(), key=self.list.row)
        return [int(it.data(FeedIdRole)) for it in items]

    def current_id(self) -> int | None:
        """The current feed's id (the selected one when a single feed is selected)."""
        ids = self.selected_ids()
        if len(ids) == 1:
            return ids[0]
        item = self.list.currentItem()
        return int(item.data(FeedIdRole)) if item is not None and item.isSelected() else None

    def select(self, feed_id: int) -> None:
        """Make a feed the only selected one."""
        item = self.item_of(feed_id)
        if item is not None:
            self.list.clearSelection()
            self.list.setCurrentItem(item)
            item.setSelected(True)

    def set_busy(self, busy: bool) -> None:
        """A refresh is running: no second one can be asked for."""
        for act in (self.refresh_act, self.refresh_all_act):
            act.setEnabled(not busy)

    def _update_actions(self) -> None:
        some = bool(self.list.selectedItems())
        self.remove_act.setEnabled(some)
        self.rename_act.setEnabled(self.current_id() is not None)
        self.show_act.setEnabled(self.current_id() is not None)

    # -- intents ----------------------------------------------------------------------------
    def refresh_selected(self) -> None:
        """Refresh the selected feeds, or every feed when none is selected."""
        self.refreshRequested.emit(self.selected_ids() or None)

    def _show(self, item: QListWidgetItem) -> None:
        self.showArticlesRequested.emit(int(item.data(FeedIdRole)))

    def _show_current(self) -> None:
        fid = self.current_id()
        if fid is not None:
            self.showArticlesRequested.emit(fid)

    def _context_menu(self, pos: QPoint) -> None:
        if self.list.itemAt(pos) is None:
            return
        menu = QMenu(self)
        fill_menu(menu, [self.show_act, self.refresh_act, None, self.rename_act, self.remove_act])
        menu.exec(self.list.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # -- add, rename, remove ----------------------------------------------------------------
    def add_feed(self) -> AddFeedDialog:
        """Ask for a feed (window-modal, not blocking); the check runs in the background."""
        if self.add_dialog is not None:
            self.add_dialog.raise_()
            return self.add_dialog
        dialog = AddFeedDialog([name for name, _n in self.lib.tags()], self)
        dialog.addRequested.connect(self._start_add)
        dialog.finished.connect(self._add_dialog_closed)
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def _add_dialog_closed(self, _result: int) -> None:
        if self.add_dialog is not None:
            self.add_dialog.deleteLater()
        self.add_dialog = None

    def _start_add(self, url: str, name: str, tag: str) -> None:
        self.runner.run(
            jobs.feed_add_job,
            str(self.lib.folder),
            url,
            name,
            tag,
            on_done=self._added,
            on_error=self._add_failed,
        )

    def _added(self, feed: Feed) -> None:
        self.reload()
        self.select(feed.id)
        self.message.emit(
            self.tr("The feed “%1” was added; Refresh fetches its articles.").replace(
                "%1", feed.display_name
            )
        )
        if self.add_dialog is not None:
            self.add_dialog.added()

    def _add_failed(self, message: str) -> None:
        if self.add_dialog is not None:
            self.add_dialog.failed(message)
        else:  # the dialog was closed while the feed was being read
            self.message.emit(self.tr("The feed could not be added: %1").replace("%1", message))

    def rename_current(self) -> None:
        """Rename the current feed (an empty name goes back to the feed's own title)."""
        fid = self.current_id()
        feed = next((f for f in self.feeds if f.id == fid), None)
        if feed is None:
            return
        text, ok = QInputDialog.getText(
            self,
            self.tr("Rename the feed"),
            self.tr("Name of the feed (empty: its own title):"),
            text=feed.name or feed.display_name,
        )
        if not ok:
            return
        try:
            self.service.rename(feed.id, text.strip())
        except HamishError as exc:
            self.message.emit(error_text(exc))
        self.reload()

    def remove_selected(self) -> None:
        """Remove the selected feeds after a confirmation; their articles stay."""
        ids = self.selected_ids()
        if not ids:
            return
        if len(ids) == 1:
            feed = next(f for f in self.feeds if f.id == ids[0])
            question = self.tr("Remove the feed “%1”? Its articles stay in the library.").replace(
                "%1", feed.display_name
            )
        else:
            question = self.tr(
                "Remove %n feed(s)? Their articles stay in the library.", "", len(ids)
            )
        answer = QMessageBox.question(
            self,
            self.tr("Remove feeds"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            for fid in ids:
                self.service.remove(fid)
        except HamishError as exc:
            self.message.emit(error_text(exc))
        self.reload()
