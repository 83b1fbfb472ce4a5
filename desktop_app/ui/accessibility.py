"""Accessible names and descriptions of the main window's widgets (what a screen reader says).

One place, so that a language change can name everything again with name_widgets().
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QToolBar, QToolButton, QWidget

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("Accessibility", text)


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
        _name(w.toolbar, _t("Main toolbar"))
    _name(w.menuBar(), _t("Menu bar"))
    _name(w.statusBar(), _t("Status bar"))
    _name(w.imports.progress, _t("Import progress"))
    for bar in w.findChildren(QToolBar):
        # The » button a toolbar shows when its buttons do not fit has neither text nor tip.
        more = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        if more is not None:
            _name(more, _t("More buttons"))
            more.setToolTip(_t("More buttons"))


def _reader(w: MainWindow) -> None:
    rd = w.reader
    _name(rd, _t("Reader"))
    _name(
        rd.browser,
        _t("Article text"),
        _t(
            "The open article. Select text with the mouse, or with Shift and the arrow keys; "
            "H highlights the selection, 1 to 6 with a label."
        ),
    )
    _name(rd.tags, _t("Tags of the article"), _t("Separated by commas."))
    _name(rd.find_bar, _t("Find bar"))
    _name(rd.find_bar.edit, _t("Find in the article"), _t("Ignores harakat and hamza forms."))
    _name(rd.find_bar.count, _t("Matches found"))


def _library(w: MainWindow) -> None:
    lib = w.library
    _name(lib, _t("Library"))
    _name(lib.filter, _t("Filter the library"), _t("By title, source or author."))
    _name(lib.view_mode, _t("Show the library or the trash"))
    _name(lib.sort, _t("Sort the articles by"))
    _name(lib.tag, _t("Show the articles with the tag"))
    _name(
        lib.table,
        _t("Articles"),
        _t("Enter opens the selected article; Delete moves it to the trash."),
    )


def _search(w: MainWindow) -> None:
    sp = w.search
    _name(sp, _t("Search"))
    _name(
        sp.edit,
        _t("Search"),
        _t('Words, "a phrase", AND, OR, NOT; every form of an Arabic word is found.'),
    )
    _name(sp.saved.combo, _t("Saved searches"))
    _name(sp.facets, _t("Search filters"), _t("Space checks or unchecks a value."))
    _name(
        sp.list,
        _t("Search results"),
        _t("Enter opens the result in the article; the menu key adds it to the briefing."),
    )


def _annotations(w: MainWindow) -> None:
    ann = w.annotations
    _name(ann, _t("Annotations"))
    _name(ann.tabs, _t("Highlights and notes of the article"))
    _name(
        ann.list,
        _t("Highlights of the article"),
        _t("Enter goes to the highlight in the article."),
    )
    _name(ann.label_box, _t("Label of the highlight"))
    _name(ann.editor, _t("Note on the highlight"), _t("Saved as you type."))
    _name(ann.notes.list, _t("Notes on the article"))
    _name(ann.notes.editor, _t("Note on the article"), _t("Saved as you type."))
    _name(w.free_notes.list, _t("Free notes"))
    _name(w.free_notes.editor, _t("Free note"), _t("Saved as you type."))


def _briefing(w: MainWindow) -> None:
    br = w.briefing
    _name(br, _t("Briefing"))
    _name(br.combo, _t("Briefing shown"))
    _name(
        br.tree,
        _t("Contents of the briefing"),
        _t("Delete removes the entry; Ctrl+Shift+Up and Down move it."),
    )
    _name(br.preview, _t("Preview of the briefing"))
    _name(br.tabs, _t("Contents and details of the briefing"))
    _name(br.form.language, _t("Language of the briefing"))
    for bar in br.findChildren(QWidget, "briefingBar"):
        _name(bar, _t("Briefing actions"))
    for bar in br.findChildren(QWidget, "briefingEditBar"):
        _name(bar, _t("Entries of the briefing"))
