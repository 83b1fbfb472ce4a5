"""The action registry: each action has a stable name, a default shortcut and a translated label."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop_app.resources import resource_path

Shortcut = QKeySequence.StandardKey | str | None


def _labels() -> dict[str, str]:
    """Translated labels by action name (a function so that tr() runs after the translator)."""
    return {
        "import_files": QCoreApplication.translate("Actions", "Import files…"),
        "import_folder": QCoreApplication.translate("Actions", "Import a folder…"),
        "import_address": QCoreApplication.translate("Actions", "Import from address…"),
        "paste_article": QCoreApplication.translate("Actions", "Paste as new article"),
        "add_demo": QCoreApplication.translate("Actions", "Add the demo articles"),
        "backup_library": QCoreApplication.translate("Actions", "Back up library…"),
        "restore_library": QCoreApplication.translate("Actions", "Restore from backup…"),
        "quit": QCoreApplication.translate("Actions", "Quit"),
        "undo": QCoreApplication.translate("Actions", "Undo"),
        "redo": QCoreApplication.translate("Actions", "Redo"),
        "find": QCoreApplication.translate("Actions", "Find in the article…"),
        "find_next": QCoreApplication.translate("Actions", "Find the next match"),
        "find_previous": QCoreApplication.translate("Actions", "Find the previous match"),
        "highlight": QCoreApplication.translate("Actions", "Highlight the selection"),
        "delete_highlight": QCoreApplication.translate("Actions", "Delete the selected highlight"),
        "labels": QCoreApplication.translate("Actions", "Rename the labels…"),
        "zoom_in": QCoreApplication.translate("Actions", "Larger text"),
        "zoom_out": QCoreApplication.translate("Actions", "Smaller text"),
        "zoom_reset": QCoreApplication.translate("Actions", "Default text size"),
        "spacing_more": QCoreApplication.translate("Actions", "More line spacing"),
        "spacing_less": QCoreApplication.translate("Actions", "Less line spacing"),
        "theme_system": QCoreApplication.translate("Actions", "Follow the system"),
        "theme_light": QCoreApplication.translate("Actions", "Light"),
        "theme_dark": QCoreApplication.translate("Actions", "Dark"),
        "theme_sepia": QCoreApplication.translate("Actions", "Sepia"),
        "delete_article": QCoreApplication.translate("Actions", "Move the article to the trash"),
        "edit_tags": QCoreApplication.translate("Actions", "Edit the tags…"),
        "new_free_note": QCoreApplication.translate("Actions", "New free note"),
        "new_article_note": QCoreApplication.translate("Actions", "New note on the article"),
        "focus_library": QCoreApplication.translate("Actions", "Go to the library"),
        "focus_reader": QCoreApplication.translate("Actions", "Go to the article"),
        "focus_search": QCoreApplication.translate("Actions", "Go to the search"),
        "focus_annotations": QCoreApplication.translate("Actions", "Go to the annotations"),
        "focus_briefing": QCoreApplication.translate("Actions", "Go to the briefing"),
        "focus_free_notes": QCoreApplication.translate("Actions", "Go to the free notes"),
        "focus_feeds": QCoreApplication.translate("Actions", "Go to the feeds"),
        "shortcuts": QCoreApplication.translate("Actions", "Keyboard shortcuts"),
        "menu_bar": QCoreApplication.translate("Actions", "Open the menu bar"),
        "about": QCoreApplication.translate("Actions", "About Hamish"),
        "preferences": QCoreApplication.translate("Actions", "Preferences…"),
    }


ICONS = {
    "import_files": "import.svg",
    "highlight": "highlight.svg",
    "find": "find.svg",
    "undo": "undo.svg",
    "redo": "redo.svg",
    "zoom_in": "zoom-in.svg",
    "zoom_out": "zoom-out.svg",
}


def standard_or(key: QKeySequence.StandardKey, fallback: str) -> list[QKeySequence]:
    """The platform's shortcuts for a standard key, or the fallback where it has none."""
    bindings = QKeySequence.keyBindings(key)
    return list(bindings) if bindings else [QKeySequence(fallback)]


def fill_menu(menu: QMenu, actions: Iterable[QAction | None]) -> QMenu:
    """Add actions to a menu, in order (None: a separator)."""
    for act in actions:
        if act is None:
            menu.addSeparator()
        else:
            menu.addAction(act)
    return menu


class Actions:
    """Creates and holds the window's actions by name."""

    def __init__(self, parent: QObject) -> None:
        self.parent = parent
        self.by_name: dict[str, QAction] = {}

    def add(
        self,
        name: str,
        slot: Callable[[], object],
        shortcut: Shortcut = None,
        text: str | None = None,
        context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
        checkable: bool = False,
    ) -> QAction:
        """Create (or return) the action called name."""
        if name in self.by_name:
            return self.by_name[name]
        act = QAction(text or _labels().get(name, name), self.parent)
        act.setObjectName(f"action_{name}")
        icon = ICONS.get(name)
        if icon:
            path = resource_path("icons", icon)
            if path.exists():
                act.setIcon(QIcon(str(path)))
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.setShortcutContext(context)
        act.setCheckable(checkable)
        act.triggered.connect(lambda _checked=False: slot())
        self.by_name[name] = act
        return act

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    def retranslate(self) -> None:
        """Set every label again (after the language changed)."""
        labels = _labels()
        for name, act in self.by_name.items():
            if name in labels:
                act.setText(labels[name])
