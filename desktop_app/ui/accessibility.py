"""Accessible names and descriptions of the main window's widgets (what a screen reader says).

One place, so that a language change can name everything again with name_widgets().
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QToolBar, QToolButton, QWidget

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


def _name(widget: QWidget, name: str, description: str = "") -> None:
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)


def name_widgets(w: MainWindow) -> None:
    """Give the window's panels, lists, fields and editors their accessible names."""
    _reader(w)
    _library(w)
    _search(w)
    _annotations(w)
    _briefing(w)
    for dock in w.docks.values():
        _name(dock, dock.windowTitle())
    if w.toolbar is not None:
        _name(w.toolbar, QCoreApplication.translate("Accessibility", "Main toolbar"))
    _name(w.menuBar(), QCoreApplication.translate("Accessibility", "Menu bar"))
    _name(w.statusBar(), QCoreApplication.translate("Accessibility", "Status bar"))
    _name(w.imports.progress, QCoreApplication.translate("Accessibility", "Import progress"))
    _name(
        w.feeds_flow.progress, QCoreApplication.translate("Accessibility", "Feeds refresh progress")
    )
    for bar in w.findChildren(QToolBar):
        # The » button a toolbar shows when its buttons do not fit has neither text nor tip.
        more = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        if more is not None:
            _name(more, QCoreApplication.translate("Accessibility", "More buttons"))
            more.setToolTip(QCoreApplication.translate("Accessibility", "More buttons"))


def _reader(w: MainWindow) -> None:
    rd = w.reader
    _name(rd, QCoreApplication.translate("Accessibility", "Reader"))
    _name(
        rd.browser,
        QCoreApplication.translate("Accessibility", "Article text"),
        QCoreApplication.translate(
            "Accessibility",
            "The open article. Select text with the mouse, or with Shift and the arrow keys; "
            "H highlights the selection, 1 to 6 with a label.",
        ),
    )
    _name(
        rd.tags,
        QCoreApplication.translate("Accessibility", "Tags of the article"),
        QCoreApplication.translate("Accessibility", "Separated by commas."),
    )
    _name(rd.find_bar, QCoreApplication.translate("Accessibility", "Find bar"))
    _name(
        rd.find_bar.edit,
        QCoreApplication.translate("Accessibility", "Find in the article"),
        QCoreApplication.translate("Accessibility", "Ignores harakat and hamza forms."),
    )
    _name(rd.find_bar.count, QCoreApplication.translate("Accessibility", "Matches found"))


def _library(w: MainWindow) -> None:
    lib = w.library
    _name(lib, QCoreApplication.translate("Accessibility", "Library"))
    _name(
        lib.filter,
        QCoreApplication.translate("Accessibility", "Filter the library"),
        QCoreApplication.translate("Accessibility", "By title, source or author."),
    )
    _name(
        lib.view_mode, QCoreApplication.translate("Accessibility", "Show the library or the trash")
    )
    _name(lib.sort, QCoreApplication.translate("Accessibility", "Sort the articles by"))
    _name(lib.tag, QCoreApplication.translate("Accessibility", "Show the articles with the tag"))
    _name(
        lib.table,
        QCoreApplication.translate("Accessibility", "Articles"),
        QCoreApplication.translate(
            "Accessibility", "Enter opens the selected article; Delete moves it to the trash."
        ),
    )


def _search(w: MainWindow) -> None:
    sp = w.search
    _name(sp, QCoreApplication.translate("Accessibility", "Search"))
    _name(
        sp.edit,
        QCoreApplication.translate("Accessibility", "Search"),
        QCoreApplication.translate(
            "Accessibility",
            'Words, "a phrase", AND, OR, NOT; every form of an Arabic word is found.',
        ),
    )
    _name(sp.saved.combo, QCoreApplication.translate("Accessibility", "Saved searches"))
    _name(
        sp.facets,
        QCoreApplication.translate("Accessibility", "Search filters"),
        QCoreApplication.translate("Accessibility", "Space checks or unchecks a value."),
    )
    _name(
        sp.list,
        QCoreApplication.translate("Accessibility", "Search results"),
        QCoreApplication.translate(
            "Accessibility",
            "Enter opens the result in the article; the menu key adds it to the briefing.",
        ),
    )


def _annotations(w: MainWindow) -> None:
    ann = w.annotations
    _name(ann, QCoreApplication.translate("Accessibility", "Annotations"))
    _name(
        ann.tabs, QCoreApplication.translate("Accessibility", "Highlights and notes of the article")
    )
    _name(
        ann.list,
        QCoreApplication.translate("Accessibility", "Highlights of the article"),
        QCoreApplication.translate("Accessibility", "Enter goes to the highlight in the article."),
    )
    _name(ann.label_box, QCoreApplication.translate("Accessibility", "Label of the highlight"))
    _name(
        ann.editor,
        QCoreApplication.translate("Accessibility", "Note on the highlight"),
        QCoreApplication.translate("Accessibility", "Saved as you type."),
    )
    _name(ann.notes.list, QCoreApplication.translate("Accessibility", "Notes on the article"))
    _name(
        ann.notes.editor,
        QCoreApplication.translate("Accessibility", "Note on the article"),
        QCoreApplication.translate("Accessibility", "Saved as you type."),
    )
    _name(w.free_notes.list, QCoreApplication.translate("Accessibility", "Free notes"))
    _name(
        w.free_notes.editor,
        QCoreApplication.translate("Accessibility", "Free note"),
        QCoreApplication.translate("Accessibility", "Saved as you type."),
    )


def _briefing(w: MainWindow) -> None:
    br = w.briefing
    _name(br, QCoreApplication.translate("Accessibility", "Briefing"))
    _name(br.combo, QCoreApplication.translate("Accessibility", "Briefing shown"))
    _name(
        br.tree,
        QCoreApplication.translate("Accessibility", "Contents of the briefing"),
        QCoreApplication.translate(
            "Accessibility", "Delete removes the entry; Ctrl+Shift+Up and Down move it."
        ),
    )
    _name(br.preview, QCoreApplication.translate("Accessibility", "Preview of the briefing"))
    _name(
        br.tabs, QCoreApplication.translate("Accessibility", "Contents and details of the briefing")
    )
    _name(br.form.language, QCoreApplication.translate("Accessibility", "Language of the briefing"))
    for bar in br.findChildren(QWidget, "briefingBar"):
        _name(bar, QCoreApplication.translate("Accessibility", "Briefing actions"))
    for bar in br.findChildren(QWidget, "briefingEditBar"):
        _name(bar, QCoreApplication.translate("Accessibility", "Entries of the briefing"))
