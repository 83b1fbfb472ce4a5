"""Menus and the toolbar of the main window, built from the action registry."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from desktop_app.resources import resource_path
from desktop_app.ui.actions import Actions, fill_menu, standard_or
from desktop_app.ui.dialogs.shortcuts import show_shortcuts
from desktop_app.ui.i18n import label_display_name
from desktop_app.ui.keyboard import PANELS, focus_panel, install_mnemonics
from desktop_app.ui.panels.annotations_panel import swatch

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

READER_KEYS = Qt.ShortcutContext.WidgetWithChildrenShortcut
# The briefing panel's own actions, by registry name.
BRIEFING_ACTS = {
    "briefing_new": "newBriefing",
    "briefing_rename": "renameBriefing",
    "briefing_delete": "deleteBriefing",
    "briefing_add_section": "addSection",
    "briefing_add_text": "addText",
    "briefing_edit": "editItem",
    "briefing_remove": "removeItem",
    "briefing_up": "moveUp",
    "briefing_down": "moveDown",
    "briefing_go_to_source": "goToSource",
}


def build_actions(w: MainWindow) -> Actions:
    """Every action of the window, with its shortcut."""
    a = Actions(w)
    sk = QKeySequence.StandardKey
    a.add("import_files", w.import_files, sk.Open)
    a.add("import_folder", w.import_folder)
    a.add("import_address", w.web.import_from_address, "Ctrl+L")
    a.add("paste_article", w.web.paste_as_article, "Ctrl+Shift+V")
    a.add("add_demo", w.add_demo)
    a.add("backup_library", w.back_up_library)
    a.add("restore_library", w.restore_library)
    a.add("quit", w.close, sk.Quit)
    a.add("find", w.reader.find_bar.open, sk.Find)
    a.add("find_next", w.reader.find_bar.next, sk.FindNext)
    a.add("find_previous", w.reader.find_bar.previous, sk.FindPrevious)
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
    a.add("new_free_note", w.new_free_note, sk.New)
    a.add("new_article_note", w.new_article_note)
    for i, panel in enumerate(PANELS, start=1):
        a.add(f"focus_{panel}", partial(focus_panel, w, panel), f"Ctrl+{i}")
    a["focus_search"].setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("Ctrl+3")])
    a.add("shortcuts", lambda: show_shortcuts(w, w.registry))
    a["shortcuts"].setShortcuts([QKeySequence(sk.HelpContents), QKeySequence("Ctrl+/")])
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
    w.library.table.addAction(a["delete_article"])  # Delete on a row trashes that article
    _briefing_actions(w, a)
    w.reader.browser.context_actions = [
        a["highlight"],
        *(a[f"label_{i}"] for i in range(1, 7)),
        None,
        a["delete_highlight"],
    ]
    return a


def _briefing_actions(w: MainWindow, a: Actions) -> None:
    """The briefing panel's and the search panel's actions join the registry (menus, keys)."""
    panel = w.briefing
    for name, key in BRIEFING_ACTS.items():
        a.by_name[name] = panel.acts[key]
    tree_keys = {
        "briefing_remove": QKeySequence(QKeySequence.StandardKey.Delete),
        "briefing_up": QKeySequence("Ctrl+Shift+Up"),
        "briefing_down": QKeySequence("Ctrl+Shift+Down"),
    }
    for name, seq in tree_keys.items():
        act = a[name]
        act.setShortcut(seq)
        act.setShortcutContext(READER_KEYS)  # only while the tree has the focus
        panel.tree.addAction(act)
    go = a["briefing_go_to_source"]
    go.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
    go.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # not while a row is edited
    panel.tree.addAction(go)
    menu = panel.export_btn.menu()
    for act in menu.actions() if menu is not None else []:
        a.by_name[f"briefing_{act.objectName()}"] = act
    a.by_name["search_to_briefing"] = w.search.add_act
    a.by_name["briefing_from_search"] = w.search.new_briefing_act


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
    """The menu bar (every command, each entry with a mnemonic) and the toolbar."""
    a = w.registry
    add_to_briefing = w.add_to_briefing_action
    add_to_briefing.setShortcut(QKeySequence("B"))
    add_to_briefing.setShortcutContext(READER_KEYS)
    w.reader.addAction(add_to_briefing)
    a.by_name["add_to_briefing"] = add_to_briefing
    mb = w.menuBar()
    _fill(
        mb.addMenu(QCoreApplication.translate("Menus", "&File")),
        a,
        [
            "import_files",
            "import_folder",
            "import_address",
            "add_demo",
            None,
            "backup_library",
            "restore_library",
            None,
            "quit",
        ],
    )
    _fill(
        mb.addMenu(QCoreApplication.translate("Menus", "&Edit")),
        a,
        [
            "undo",
            "redo",
            None,
            "paste_article",
            None,
            "find",
            "find_next",
            "find_previous",
            None,
            "preferences",
        ],
    )
    _fill(
        mb.addMenu(QCoreApplication.translate("Menus", "&Highlight")),
        a,
        ["highlight", *(f"label_{i}" for i in range(1, 7)), None, "delete_highlight", "labels"],
    )
    _fill(
        mb.addMenu(QCoreApplication.translate("Menus", "&Article")),
        a,
        ["edit_tags", "delete_article", None, "new_article_note", "new_free_note"],
    )
    _briefing_menu(w, mb.addMenu(QCoreApplication.translate("Menus", "&Briefing")))
    view = mb.addMenu(QCoreApplication.translate("Menus", "&View"))
    _fill(view, a, ["zoom_in", "zoom_out", "zoom_reset", "spacing_more", "spacing_less"])
    theme = view.addMenu(QCoreApplication.translate("Menus", "Reading theme"))
    _fill(theme, a, [f"theme_{n}" for n in ("system", "light", "dark", "sepia")])
    w.panels_menu = view.addMenu(QCoreApplication.translate("Menus", "Panels"))
    _fill(mb.addMenu(QCoreApplication.translate("Menus", "&Go")), a, [f"focus_{p}" for p in PANELS])
    _fill(mb.addMenu(QCoreApplication.translate("Menus", "&Help")), a, ["shortcuts", None, "about"])
    install_mnemonics(mb)
    # F10 opens the first menu, as on Windows, GNOME and KDE (Alt works through the mnemonics).
    w.addAction(a.add("menu_bar", lambda: mb.setActiveAction(mb.actions()[0]), "F10"))
    _toolbar(w)
    label_texts(w)


def _fill(menu: QMenu, a: Actions, names: list[str | None]) -> QMenu:
    """Add the named actions to menu (None: a separator)."""
    return fill_menu(menu, [None if name is None else a[name] for name in names])


def _briefing_menu(w: MainWindow, menu: QMenu) -> None:
    a = w.registry
    _fill(
        menu,
        a,
        [
            "add_to_briefing",
            "search_to_briefing",
            "briefing_from_search",
            None,
            *BRIEFING_ACTS,
        ],
    )
    menu.insertSeparator(a["briefing_add_section"])
    export = menu.addMenu(QCoreApplication.translate("Menus", "Export the briefing"))
    formats = w.briefing.export_btn.menu()
    export.addActions(formats.actions() if formats is not None else [])


def _toolbar(w: MainWindow) -> None:
    a = w.registry
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
