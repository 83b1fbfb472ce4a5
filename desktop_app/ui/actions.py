"""The action registry: each action has a stable name, a default shortcut and a translated label."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence

from desktop_app.resources import resource_path

Shortcut = QKeySequence.StandardKey | str | None


def _t(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def _labels() -> dict[str, str]:
    """Translated labels by action name (a function so that tr() runs after the translator)."""
    return {
        "import_files": _t("Import files…"),
        "import_folder": _t("Import a folder…"),
        "add_demo": _t("Add the demo articles"),
        "quit": _t("Quit"),
        "undo": _t("Undo"),
        "redo": _t("Redo"),
        "find": _t("Find in the article…"),
        "find_next": _t("Find the next match"),
        "highlight": _t("Highlight the selection"),
        "delete_highlight": _t("Delete the selected highlight"),
        "labels": _t("Rename the labels…"),
        "zoom_in": _t("Larger text"),
        "zoom_out": _t("Smaller text"),
        "zoom_reset": _t("Default text size"),
        "spacing_more": _t("More line spacing"),
        "spacing_less": _t("Less line spacing"),
        "theme_system": _t("Follow the system"),
        "theme_light": _t("Light"),
        "theme_dark": _t("Dark"),
        "theme_sepia": _t("Sepia"),
        "delete_article": _t("Move the article to the trash"),
        "edit_tags": _t("Edit the tags…"),
        "new_free_note": _t("New free note"),
        "about": _t("About Hamish"),
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
