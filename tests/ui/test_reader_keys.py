"""The reader reads like an e-reader: no caret, keys scroll, Shift + arrows select, H highlights."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import ARABIC, ENGLISH, HARAKAT, add


def _click_at(qtbot, window, pos16: int) -> None:  # type: ignore[no-untyped-def]
    """Click the reader's text at a UTF-16 position, as a user puts the pointer there."""
    browser = window.reader.browser
    cursor = QTextCursor(browser.document())
    cursor.setPosition(pos16)
    rect = browser.cursorRect(cursor)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_reader_has_no_caret_and_cannot_be_edited(qtbot, window, library):
    _lib, ids = library
    window.open_article(ids["emoji"])
    browser = window.reader.browser
    flags = browser.textInteractionFlags()
    assert browser.isReadOnly()
    assert browser.cursorWidth() == 0
    assert not flags & Qt.TextInteractionFlag.TextEditable
    assert not flags & Qt.TextInteractionFlag.TextSelectableByKeyboard  # no caret to move
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    before = browser.document().toPlainText()
    browser.setFocus()
    for key in (Qt.Key.Key_X, Qt.Key.Key_Backspace, Qt.Key.Key_Return):
        qtbot.keyClick(browser, key)
    # An Arabic letter and an emoji, as a keyboard layout would send them.
    for text in ("ب", "📌", "َ"):
        QApplication.sendEvent(
            browser, QKeyEvent(QKeyEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, text)
        )
    qtbot.keyClick(browser, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert browser.document().toPlainText() == before
    assert not browser.document().isUndoAvailable()


def test_arrow_and_page_keys_scroll_the_page(qtbot, window, library):
    lib, _ids = library
    long_id = add(lib, "مقال طويل Long read", (ARABIC[1:] + ENGLISH + HARAKAT) * 12, "وكالة")
    window.library.reload()
    window.open_article(long_id)
    browser = window.reader.browser
    bar = browser.verticalScrollBar()
    bar.setValue(0)
    browser.setFocus()
    assert bar.maximum() > 0
    qtbot.keyClick(browser, Qt.Key.Key_Down)
    after_down = bar.value()
    assert after_down > 0
    qtbot.keyClick(browser, Qt.Key.Key_PageDown)
    assert bar.value() > after_down
    qtbot.keyClick(browser, Qt.Key.Key_Home)
    assert bar.value() == 0
    assert not browser.textCursor().hasSelection()  # scrolling selects nothing


def test_shift_arrows_select_from_the_click_and_h_highlights(qtbot, window, library):
    lib, ids = library
    window.open_article(ids["english"])
    text = lib.get_article(ids["english"]).text
    browser = window.reader.browser
    umap = browser.layer.umap
    start = text.index("budget")
    _click_at(qtbot, window, umap.to_utf16(start))
    assert not browser.textCursor().hasSelection()
    assert browser.textCursor().position() == umap.to_utf16(start)
    qtbot.keyClick(browser, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert browser.textCursor().selectedText() == "b"
    qtbot.keyClick(
        browser,
        Qt.Key.Key_Right,
        Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier,
    )
    assert browser.textCursor().selectedText().strip() == "budget"
    qtbot.keyClick(browser, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text().strip() == "budget"
    qtbot.keyClick(browser, Qt.Key.Key_H)
    [h] = lib.highlights(ids["english"])
    assert h.exact == "budget" and h.start == start


def test_shift_left_in_arabic_selects_the_next_letter_in_reading_order(qtbot, window, library):
    lib, ids = library
    window.open_article(ids["harakat"])
    text = lib.get_article(ids["harakat"]).text
    browser = window.reader.browser
    umap = browser.layer.umap
    start = text.index("أَكَّدَ")
    _click_at(qtbot, window, umap.to_utf16(start))
    # Left points forward in a right-to-left line: the selection follows the reading.
    qtbot.keyClick(
        browser,
        Qt.Key.Key_Left,
        Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier,
    )
    selected = browser.textCursor().selectedText()
    assert selected.strip() == "أَكَّدَ"
    qtbot.keyClick(browser, Qt.Key.Key_2)
    [h] = lib.highlights(ids["harakat"])
    assert (h.exact, h.label_id) == ("أَكَّدَ", 2)


def test_shift_down_without_a_click_starts_at_the_top_of_the_page(qtbot, window, library):
    lib, _ids = library
    long_id = add(lib, "Long 📌", ENGLISH * 30, "Wire")
    window.library.reload()
    window.open_article(long_id)
    browser = window.reader.browser
    bar = browser.verticalScrollBar()
    browser.document().size()  # the whole article laid out (Qt lays out the rest later)
    browser.place_cursor(0)
    bar.setValue(bar.maximum() // 2)
    browser.setFocus()
    top = browser.top_position()
    qtbot.keyClick(browser, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    cursor = browser.textCursor()
    assert cursor.hasSelection()
    assert cursor.anchor() == top  # not the start of the article, far above
    assert cursor.position() > top
