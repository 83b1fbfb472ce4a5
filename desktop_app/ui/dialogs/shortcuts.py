"""Help › Keyboard shortcuts: every action of the registry with its keys, grouped by menu.

Built from the window's action registry and menu bar each time it opens, so renamed labels,
a new action or another language show without a hand-kept list. Keys read as Qt writes them
on this platform (NativeText); the filter ignores case, harakat and hamza forms.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMenuBar,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.text.normalize import normalize
from desktop_app.ui.actions import Actions
from desktop_app.ui.keyboard import WIDGET_CONTEXTS, strip_mnemonic

NameRole = Qt.ItemDataRole.UserRole + 1
KeysRole = Qt.ItemDataRole.UserRole + 2
SEPARATOR = "  ·  "  # between two keys of one action (a comma or slash could be a key)
LRE, PDF = "\u202a", "\u202c"  # keys keep their left-to-right order in a right-to-left list


def key_text(act: QAction) -> str:
    """An action's shortcuts as the platform writes them, e.g. 'Ctrl+Shift+Z  ·  Ctrl+Y'."""
    keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in act.shortcuts()]
    return SEPARATOR.join(k for k in keys if k)


def where_text(act: QAction) -> str:
    """Where a key that listens in some panels only works (those panels' accessible names)."""
    if act.shortcutContext() not in WIDGET_CONTEXTS or act.shortcut().isEmpty():
        return ""
    places = [
        w.accessibleName()
        for w in act.associatedObjects()
        if isinstance(w, QWidget) and not isinstance(w, (QMenu, QToolBar)) and w.accessibleName()
    ]
    return QCoreApplication.translate("ShortcutsDialog", ", ").join(places)


def command_text(act: QAction) -> str:
    """An action's label without mnemonic marks."""
    return strip_mnemonic(act.text()).replace("\t", " ").strip()


def menu_groups(bar: QMenuBar, registry: Actions) -> list[tuple[str, list[tuple[str, QAction]]]]:
    """(menu title, [(path label, action)]) for each menu of the bar, registry actions only.

    Actions of a submenu read 'Submenu › Action'; registry actions in no menu come last.
    """
    names = {id(act): name for name, act in registry.by_name.items()}
    groups: list[tuple[str, list[tuple[str, QAction]]]] = []
    placed: set[str] = set()
    for top in bar.actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        rows = [(label, act) for label, act in _walk(menu, "") if id(act) in names]
        for _label, act in rows:
            placed.add(names[id(act)])
        if rows:
            groups.append((strip_mnemonic(top.text()), rows))
    rest = [
        (command_text(act), act) for name, act in registry.by_name.items() if name not in placed
    ]
    if rest:
        groups.append((QCoreApplication.translate("ShortcutsDialog", "Other"), rest))
    return groups


def _walk(menu: QMenu, prefix: str) -> Iterable[tuple[str, QAction]]:
    for act in menu.actions():
        sub = act.menu()
        if isinstance(sub, QMenu):
            title = strip_mnemonic(act.text())
            yield from _walk(sub, _path(prefix, title))
        elif not act.isSeparator():
            yield _path(prefix, command_text(act)), act


def _path(prefix: str, text: str) -> str:
    """'Submenu › Entry' (the arrow's side follows the interface's direction)."""
    if not prefix:
        return text
    return (
        QCoreApplication.translate("ShortcutsDialog", "%1 › %2")
        .replace("%1", prefix)
        .replace("%2", text)
    )


class ShortcutsDialog(QDialog):
    """A filterable list of commands and their keys."""

    def __init__(self, bar: QMenuBar, registry: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts")
        self.bar, self.registry = bar, registry
        lay = QVBoxLayout(self)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("shortcutsFilter")
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcutsTree")
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay.addWidget(self.filter)
        lay.addWidget(self.tree, 1)
        lay.addWidget(buttons)
        self.filter.textChanged.connect(self.apply_filter)
        self.resize(720, 640)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the dialog's own texts (again, after the language changed) and refill the list."""
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.filter.setPlaceholderText(self.tr("Filter by command or key"))
        self.filter.setAccessibleName(self.tr("Filter the shortcuts"))
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Shortcut"), self.tr("Where")])
        self.tree.setAccessibleName(self.tr("Commands and their shortcuts"))
        self.rebuild()

    def changeEvent(self, e: QEvent) -> None:  # noqa: N802
        super().changeEvent(e)
        if e.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def rebuild(self) -> None:
        """Fill the list again from the registry and the menus (labels may have changed)."""
        self.tree.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        names = {id(act): name for name, act in self.registry.by_name.items()}
        for title, rows in menu_groups(self.bar, self.registry):
            head = QTreeWidgetItem(self.tree, [title])
            head.setFont(0, bold)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.setFirstColumnSpanned(True)
            for label, act in rows:
                keys = key_text(act)
                shown_keys = f"{LRE}{keys}{PDF}" if keys else ""
                item = QTreeWidgetItem(head, [label, shown_keys, where_text(act)])
                item.setData(0, NameRole, names[id(act)])
                item.setData(1, KeysRole, keys)
                item.setToolTip(0, act.toolTip() if act.toolTip() != label else "")
            head.setExpanded(True)
        self.apply_filter(self.filter.text())

    def apply_filter(self, text: str) -> None:
        """Show the commands whose label, menu or keys contain text (case and harakat ignored)."""
        needle = normalize(text.strip())
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            if head is None:
                continue
            group_hit = bool(needle) and needle in normalize(head.text(0))
            shown = 0
            for j in range(head.childCount()):
                item = head.child(j)
                if item is None:
                    continue
                hay = normalize(f"{item.text(0)}\n{item.data(1, KeysRole)}\n{item.text(2)}")
                visible = not needle or group_hit or needle in hay
                item.setHidden(not visible)
                shown += visible
            head.setHidden(shown == 0)

    def rows(self, visible_only: bool = False) -> dict[str, tuple[str, str]]:
        """{action name: (command, keys)} as listed (for tests and for reading the list out)."""
        out: dict[str, tuple[str, str]] = {}
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            if head is None or (visible_only and head.isHidden()):
                continue
            for j in range(head.childCount()):
                item = head.child(j)
                if item is None or (visible_only and item.isHidden()):
                    continue
                out[str(item.data(0, NameRole))] = (item.text(0), str(item.data(1, KeysRole)))
        return out

    def open_filtered(self, text: str = "") -> None:
        """Show the dialog (rebuilt) with the filter field focused."""
        self.rebuild()
        self.filter.setText(text)
        self.show()
        self.raise_()
        self.activateWindow()
        self.filter.setFocus(Qt.FocusReason.OtherFocusReason)


def show_shortcuts(window: QWidget, registry: Actions) -> ShortcutsDialog:
    """Open the window's shortcuts dialog (one per window, rebuilt each time it opens)."""
    dlg = window.findChild(ShortcutsDialog, "shortcuts")
    if not isinstance(dlg, ShortcutsDialog):
        bar = window.findChild(QMenuBar)
        dlg = ShortcutsDialog(bar if isinstance(bar, QMenuBar) else QMenuBar(), registry, window)
    dlg.open_filtered()
    return dlg
