"""Menus and the toolbar of the main window, built from the action registry."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QToolBar

from desktop_app.resources import resource_path
from desktop_app.ui.actions import Actions, standard_or
from desktop_app.ui.i18n import label_display_name
from desktop_app.ui.panels.annotations_panel import swatch

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

READER_KEYS = Qt.ShortcutContext.WidgetWithChildrenShortcut


def build_actions(w: MainWindow) -> Actions:
    """Every action of the window, with its shortcut."""
    a = Actions(w)
    sk = QKeySequence.StandardKey
    a.add("import_files", w.import_files, sk.Open)
    a.add("import_folder", w.import_folder)
    a.add("add_demo", w.add_demo)
    a.add("quit", w.close, sk.Quit)
    a.add("find", w.reader.find_bar.open, sk.Find)
    a.add("find_next", w.reader.find_bar.next, sk.FindNext)
    a.add("highlight", lambda: w.highlight_selection(None), "H", context=READER_KEYS)
    a.add("delete_highlight", w.delete_current_highlight)
    a.add("labels", w.edit_labels)
    a.add("zoom_in", lambda: w.reader.zoom(1), sk.ZoomIn)
    a.add("zoom_out", lambda: w.reader.zoom(-1), sk.ZoomOut)
    a.add("zoom_reset", lambda: w.reader.set_font_size(15.0), "Ctrl+0")
    a.add("spacing_more", lambda: w.reader.set_line_height(w.reader.line_height + 0.1))
    a.add("spacing_less", lambda: w.reader.set_line_height(w.reader.line_height - 0.1))
    for name in ("system", "light", "dark", "sepia"):
        a.add(f"theme_{name}", partial(w.set_theme, name), checkable=True)
    a.add("delete_article", w.delete_current_article, sk.Delete, context=READER_KEYS)
    a.add("edit_tags", lambda: w.edit_tags(None))
    a.add("new_free_note", w.new_free_note)
    a.add("about", w.about)
    prefs = a.add("preferences", w.preferences)
    prefs.setShortcuts(standard_or(sk.Preferences, "Ctrl+,"))
    prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
    zoom_in = a["zoom_in"]
    zoom_in.setShortcuts([QKeySequence(sk.ZoomIn), QKeySequence("Ctrl+=")])
    for i in range(1, 7):
        a.add(
            f"label_{i}",
            partial(w.highlight_selection, i),
            str(i),
            text=f"{i}",
            context=READER_KEYS,
        )
    undo_act = w.undo_stack.createUndoAction(w, QCoreApplication.translate("Menus", "Undo"))
    undo_act.setShortcut(QKeySequence(sk.Undo))
    undo_act.setObjectName("action_undo")
    redo_act = w.undo_stack.createRedoAction(w, QCoreApplication.translate("Menus", "Redo"))
    redo_act.setShortcut(QKeySequence(sk.Redo))
    redo_act.setObjectName("action_redo")
    for act, icon in ((undo_act, "undo.svg"), (redo_act, "redo.svg")):
        act.setIcon(QIcon(str(resource_path("icons", icon))))
    a.by_name["undo"], a.by_name["redo"] = undo_act, redo_act
    group = QActionGroup(w)
    for name in ("system", "light", "dark", "sepia"):
        group.addAction(a[f"theme_{name}"])
    for name in ("highlight", "delete_article", *(f"label_{i}" for i in range(1, 7))):
        w.reader.addAction(a[name])
    w.reader.browser.context_actions = [
        a["highlight"],
        *(a[f"label_{i}"] for i in range(1, 7)),
        None,
        a["delete_highlight"],
    ]
    return a


def label_texts(w: MainWindow) -> None:
    """The label actions show each label's current name and colour."""
    for lab in w.lib.labels():
        act = w.registry[f"label_{lab.id}"]
        name = label_display_name(lab.name)
        act.setText(QCoreApplication.translate("Menus", "Highlight as “%1”").replace("%1", name))
        act.setIcon(swatch(lab.color))
        act.setToolTip(
            QCoreApplication.translate("Menus", "Highlight as “%1” (key %2)")
            .replace("%1", name)
            .replace("%2", str(lab.id))  # the key as its keycap reads
        )


def build_menus(w: MainWindow) -> None:
    """The menu bar and the toolbar."""
    a = w.registry
    mb = w.menuBar()
    file_menu = mb.addMenu(QCoreApplication.translate("Menus", "&File"))
    for n in ("import_files", "import_folder", "add_demo"):
        file_menu.addAction(a[n])
    file_menu.addSeparator()
    file_menu.addAction(a["quit"])
    edit = mb.addMenu(QCoreApplication.translate("Menus", "&Edit"))
    edit.addAction(a["undo"])
    edit.addAction(a["redo"])
    edit.addSeparator()
    edit.addAction(a["find"])
    edit.addAction(a["find_next"])
    edit.addSeparator()
    edit.addAction(a["preferences"])
    hl = mb.addMenu(QCoreApplication.translate("Menus", "&Highlight"))
    hl.addAction(a["highlight"])
    for i in range(1, 7):
        hl.addAction(a[f"label_{i}"])
    hl.addSeparator()
    hl.addAction(a["delete_highlight"])
    hl.addAction(a["labels"])
    art = mb.addMenu(QCoreApplication.translate("Menus", "&Article"))
    art.addAction(a["edit_tags"])
    art.addAction(a["delete_article"])
    art.addSeparator()
    art.addAction(a["new_free_note"])
    view = mb.addMenu(QCoreApplication.translate("Menus", "&View"))
    for n in ("zoom_in", "zoom_out", "zoom_reset", "spacing_more", "spacing_less"):
        view.addAction(a[n])
    theme = view.addMenu(QCoreApplication.translate("Menus", "Reading theme"))
    for n in ("system", "light", "dark", "sepia"):
        theme.addAction(a[f"theme_{n}"])
    w.panels_menu = view.addMenu(QCoreApplication.translate("Menus", "Panels"))
    help_menu = mb.addMenu(QCoreApplication.translate("Menus", "&Help"))
    help_menu.addAction(a["about"])
    tb = QToolBar(QCoreApplication.translate("Menus", "Main toolbar"), w)
    tb.setObjectName("mainToolbar")
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    for n in ("import_files", "undo", "redo", "find", "highlight"):
        tb.addAction(a[n])
    for i in range(1, 7):
        tb.addAction(a[f"label_{i}"])
    tb.addSeparator()
    tb.addAction(a["zoom_out"])
    tb.addAction(a["zoom_in"])
    w.addToolBar(tb)
    w.toolbar = tb
    label_texts(w)
