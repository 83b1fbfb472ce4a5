"""Keyboard reach: shortcuts window, no clashes, panel focus, Enter on lists, mnemonics, names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from desktop_app.ui.dialogs.shortcuts import ShortcutsDialog, key_text
from desktop_app.ui.keyboard import (
    assign_mnemonics,
    clashes,
    has_mnemonic,
    mnemonic_char,
    strip_mnemonic,
    with_mnemonic,
)


def _dialog(window) -> ShortcutsDialog | None:  # type: ignore[no-untyped-def]
    dlg = window.findChild(ShortcutsDialog, "shortcuts")
    return dlg if isinstance(dlg, ShortcutsDialog) and dlg.isVisible() else None


def test_f1_and_ctrl_slash_open_the_shortcuts_window(qtbot, window):
    assert _dialog(window) is None
    window.reader.browser.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dlg = _dialog(window)
    assert dlg is not None and dlg.objectName() == "shortcuts"
    assert dlg.focusWidget() is dlg.filter  # typing filters at once
    dlg.close()
    assert _dialog(window) is None
    qtbot.keyClick(window.library.table, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    assert _dialog(window) is dlg  # the same window again, not a second one
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert _dialog(window) is None


def test_every_registry_action_is_listed_with_its_native_keys(qtbot, window):
    window.registry["shortcuts"].trigger()
    dlg = _dialog(window)
    assert dlg is not None
    rows = dlg.rows()
    assert set(rows) == set(window.registry.by_name)
    native = QKeySequence.SequenceFormat.NativeText
    for name, act in window.registry.by_name.items():
        command, keys = rows[name]
        assert strip_mnemonic(act.text()) in command, name
        assert keys == key_text(act)
        for seq in act.shortcuts():
            assert seq.toString(native) in keys, name
    assert rows["shortcuts"][1].split("  ·  ") == ["F1", "Ctrl+/"]
    assert "Ctrl+K" in rows["focus_search"][1]
    # Grouped by menu: the label shortcuts sit under the Highlight menu.
    groups = {
        dlg.tree.topLevelItem(i).text(0): dlg.tree.topLevelItem(i)
        for i in range(dlg.tree.topLevelItemCount())
    }
    highlight = groups["Highlight"]
    names = {highlight.child(j).data(0, Qt.ItemDataRole.UserRole + 1) for j in range(7)}
    assert names == {"highlight", *(f"label_{i}" for i in range(1, 7))}


def test_the_filter_narrows_the_list(qtbot, window):
    window.registry["shortcuts"].trigger()
    dlg = _dialog(window)
    assert dlg is not None
    everything = dlg.rows(visible_only=True)
    qtbot.keyClicks(dlg.filter, "zoom")
    assert dlg.rows(visible_only=True) == {}
    dlg.filter.setText("larger")
    assert set(dlg.rows(visible_only=True)) == {"zoom_in"}
    dlg.filter.setText("Ctrl+Shift")  # keys are searched too
    assert set(dlg.rows(visible_only=True)) >= {"briefing_up", "briefing_down"}
    dlg.filter.setText("")
    assert dlg.rows(visible_only=True) == everything


def test_the_arabic_shortcuts_window_is_translated_mirrored_and_filters_in_arabic(
    qtbot, qapp, library, settings_dir
):
    from desktop_app.ui.i18n import install_translators
    from desktop_app.ui.main_window import MainWindow

    lib, ids = library
    try:
        install_translators(qapp, "ar")
        w = MainWindow(lib, theme="light", remember=False)
        qtbot.addWidget(w)
        w.show()
        w.open_article(ids["harakat"])
        w.registry["shortcuts"].trigger()
        dlg = _dialog(w)
        assert dlg is not None
        assert dlg.layoutDirection() == Qt.LayoutDirection.RightToLeft
        rows = dlg.rows()
        assert rows["zoom_in"][0] == "تكبير النص"  # the Arabic label, from the translation
        assert rows["zoom_in"][1] == key_text(w.registry["zoom_in"])  # keys as Qt writes them
        # Vocalised and with hamza, the filter still finds the plain word (تكبير, إضافة).
        dlg.filter.setText("تَكْبِير")
        assert set(dlg.rows(visible_only=True)) == {"zoom_in"}
        dlg.filter.setText("اضافة")
        shown = dlg.rows(visible_only=True)
        assert "add_to_briefing" in shown and "zoom_in" not in shown
        dlg.close()
        w.close()
    finally:
        install_translators(qapp, "en")


def test_no_two_shortcuts_clash(window):
    assert clashes(window) == []
    # The check sees a clash when there is one: Ctrl+K again, for the whole window.
    extra = window.registry.add("test_clash", lambda: None, "Ctrl+K")
    window.addAction(extra)
    found = clashes(window)
    assert ("Ctrl+K", "action_focus_search", "action_test_clash") in found
    window.removeAction(extra)
    extra.deleteLater()


def test_widget_scoped_keys_only_clash_where_they_listen(window):
    # Delete trashes an article in the reader and the library; it removes a briefing entry in
    # the briefing's list. Those places never hold the focus at once, so this is no clash.
    delete = QKeySequence(QKeySequence.StandardKey.Delete)
    assert window.registry["delete_article"].shortcut() == delete
    assert window.registry["briefing_remove"].shortcut() == delete
    assert not any(c[0] == delete.toString() for c in clashes(window))


def test_focus_shortcuts_move_between_the_panels(qtbot, window, library):
    _lib, ids = library
    window.search.edit.setFocus()
    qtbot.keyClick(window.search.edit, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.library.table  # no article yet: choose one
    assert window.status_label.text() == "Open an article from the library to read it here."
    window.open_article(ids["arabic"])
    steps = [
        (Qt.Key.Key_1, window.library.table, "libraryDock"),
        (Qt.Key.Key_2, window.reader.browser, None),
        (Qt.Key.Key_3, window.search.edit, "searchDock"),
        (Qt.Key.Key_4, window.annotations.list, "annotationsDock"),
        (Qt.Key.Key_5, window.briefing.combo, "briefingDock"),
        (Qt.Key.Key_6, window.free_notes.list, "freeNotesDock"),
        (Qt.Key.Key_7, window.feeds.add_btn, "feedsDock"),  # no feed yet: add one
    ]
    for key, target, dock in steps:
        qtbot.keyClick(
            QApplication.focusWidget() or window, key, Qt.KeyboardModifier.ControlModifier
        )
        assert QApplication.focusWidget() is target, key
        if dock is not None:
            assert not window.docks[dock].visibleRegion().isEmpty(), dock  # its tab is raised
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search.edit.hasFocus()
    window.library.table.clearSelection()
    qtbot.keyClick(window.search.edit, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.library.current_id() == ids["arabic"]  # the list opens at the article read


def test_enter_opens_an_article_and_goes_to_a_highlight(qtbot, window, library):
    lib, ids = library
    table = window.library.table
    row = window.library.model.row_of(ids["harakat"])
    table.setFocus()
    table.setCurrentIndex(window.library.model.index(row, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.session.article_id == ids["harakat"]
    text = lib.get_article(ids["harakat"]).text
    start = text.index("أَحْمَدُ")
    hid = window.session.highlight(start, start + len("أَحْمَدُ"), 2)
    assert hid is not None
    window.reader.browser.place_cursor(0)
    ann = window.annotations.list
    ann.setFocus()
    ann.setCurrentRow(0)
    qtbot.keyClick(ann, Qt.Key.Key_Enter)
    r = window.reader.browser.layer.range16(hid)
    assert r is not None and window.reader.browser.textCursor().position() == r[0]


def test_delete_in_the_library_list_trashes_the_chosen_row(qtbot, window, library):
    lib, ids = library
    window.open_article(ids["arabic"])
    table = window.library.table
    table.setFocus()
    table.setCurrentIndex(window.library.model.index(window.library.model.row_of(ids["emoji"]), 0))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert lib.get_article(ids["emoji"]).deleted_at
    assert not lib.get_article(ids["arabic"]).deleted_at  # not the open one


def test_tab_goes_down_the_library_panel(window):
    lib = window.library
    chain = [lib.filter, lib.view_mode, lib.sort, lib.tag, lib.table]
    for first, second in zip(chain, chain[1:], strict=False):
        w = first.nextInFocusChain()
        while w is not None and w is not second and w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            w = w.nextInFocusChain()
        assert w is second, (first.objectName(), second.objectName())


def test_f10_opens_the_menu_bar(qtbot, window):
    bar = window.menuBar()
    file_menu = bar.actions()[0].menu()
    assert isinstance(file_menu, QMenu) and not file_menu.isVisible()
    qtbot.keyClick(window.library.table, Qt.Key.Key_F10)
    assert bar.activeAction() is bar.actions()[0]
    assert file_menu.isVisible()
    file_menu.close()


def test_every_menu_entry_gets_a_unique_mnemonic(window):
    bar = window.menuBar()
    tops = [a.text() for a in bar.actions() if a.menu() is not None]
    letters = [mnemonic_char(t) for t in tops]
    assert all(has_mnemonic(t) for t in tops)
    assert len(set(letters)) == len(letters), tops
    assert tops[-1] == "He&lp"  # "&Help" gave its H to "&Highlight", which comes first
    for top in bar.actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        menu.aboutToShow.emit()  # what opening it does
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        assert all(has_mnemonic(t) for t in texts), texts
        keys = [mnemonic_char(t) for t in texts]
        assert len(set(keys)) == len(keys), texts
    assert "&" not in window.registry["find"].toolTip()  # tooltips read without the marks


def test_mnemonics_in_arabic_english_and_with_ampersands():
    taken: set[str] = set()
    assert with_mnemonic("إضافة إلى الموجز", taken) == "&إضافة إلى الموجز"
    assert with_mnemonic("إعادة تسمية", taken) == "إعادة &تسمية"  # إ is taken
    assert with_mnemonic("Q&&A 📌", set()) == "&Q&&A 📌"
    assert strip_mnemonic("&Q&&A 📌") == "Q&A 📌"
    assert with_mnemonic("📌", set()) == "📌"  # nothing to mark
    menu = QMenu()
    for text in ("&Open", "&Options", "Ordnung مَقال"):  # two entries marked with O
        menu.addAction(text)
    assign_mnemonics(menu)
    assert [a.text() for a in menu.actions()] == ["&Open", "O&ptions", "Ordnung &مَقال"]


INTERACTIVE = (QAbstractItemView, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox)


def _has_label(widget: QWidget, labels: list[QLabel]) -> bool:
    return any(label.buddy() is widget and label.text() for label in labels)


def _unnamed(window) -> list[str]:  # type: ignore[no-untyped-def]
    """Visible interactive widgets a screen reader could not name."""
    labels = window.findChildren(QLabel)
    missing = []
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window) or isinstance(w, QHeaderView):  # a header is its view's
            continue
        if isinstance(w, QAbstractButton):
            if not (w.accessibleName() or w.text() or w.toolTip()):
                missing.append(f"button {w.objectName() or type(w).__name__}")
        elif isinstance(w, INTERACTIVE):
            if not (w.accessibleName() or _has_label(w, labels)):
                missing.append(f"{type(w).__name__} {w.objectName()}")
    return missing


def test_interactive_widgets_have_accessible_names(qtbot, window, library):
    _lib, ids = library
    window.open_article(ids["mixed"])
    window.reader.find_bar.open()
    for dock in window.docks.values():
        dock.show()
    window.annotations.tabs.setCurrentIndex(1)
    window.briefing.tabs.setCurrentIndex(1)
    assert _unnamed(window) == []
    assert window.reader.browser.accessibleName() == "Article text"
    assert window.reader.browser.accessibleDescription()
    assert window.toolbar is not None and window.toolbar.accessibleName()
    assert all(d.accessibleName() == d.windowTitle() for d in window.docks.values())


def test_the_check_finds_a_widget_without_a_name(window):
    from desktop_app.ui.accessibility import name_widgets

    window.search.edit.setAccessibleName("")
    window.docks["searchDock"].show()
    assert _unnamed(window) == ["QLineEdit searchEdit"]
    name_widgets(window)  # naming again (after a language change) restores it
    assert _unnamed(window) == []
    assert window.search.edit.accessibleName() == "Search"


def test_enter_on_a_briefing_entry_opens_its_article_at_the_highlight(qtbot, window, library):
    from desktop_app.ui.ref_mime import Refs

    lib, ids = library
    text = lib.get_article(ids["mixed"]).text
    start = text.index("وزارة المالية")
    window.open_article(ids["mixed"])
    hid = window.session.highlight(start, start + len("وزارة المالية"), 4)
    assert hid is not None
    [item_id] = window.add_to_briefing(Refs(highlights=(hid,)))
    window.open_article(ids["emoji"])  # read something else meanwhile
    tree = window.briefing.tree
    tree.setFocus()
    tree.setCurrentIndex(window.briefing.index_of_item(item_id))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.session.article_id == ids["mixed"]
    r = window.reader.browser.layer.range16(hid)
    assert r is not None and window.reader.browser.textCursor().position() == r[0]
    assert window.annotations.current_id() == hid
