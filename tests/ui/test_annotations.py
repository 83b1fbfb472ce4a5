"""Highlights and notes through the window: create, note, reopen, jump both ways, undo/redo."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from desktop_app.core.library import Library
from desktop_app.core.text.offsets import Utf16Map
from tests.ui.helpers import select_text


def _type_note(qtbot, editor, text: str) -> None:  # type: ignore[no-untyped-def]
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.insertPlainText(text)


def test_select_highlight_note_reopen(qtbot, window, library, settings_dir, tmp_path):
    from desktop_app.ui.main_window import MainWindow

    lib, ids = library
    aid = ids["arabic"]
    window.open_article(aid)
    start, end = select_text(window, "خطة جديدة لإصلاح التعليم")
    window.registry["label_2"].trigger()
    [h] = lib.highlights(aid)
    assert h.label_id == 2 and h.exact == "خطة جديدة لإصلاح التعليم"
    assert window.annotations.current_id() == h.id
    editor = window.annotations.editor
    assert editor.target == ("highlight", h.id)
    _type_note(qtbot, editor, "ملاحظة: The plan starts next year.")
    qtbot.waitUntil(
        lambda: lib.get_highlight(h.id).note == "ملاحظة: The plan starts next year.", timeout=3000
    )
    # An article note and a free note.
    window.new_article_note()
    _type_note(qtbot, window.annotations.notes.editor, "ملاحظة على المقال")
    window.new_free_note()
    _type_note(qtbot, window.free_notes.editor, "Free thought 📌")
    window.close()
    folder = lib.folder
    lib2 = Library(folder)
    try:
        w2 = MainWindow(lib2, theme="light")
        qtbot.addWidget(w2)
        w2.show()
        w2.open_article(aid)
        [h2] = lib2.highlights(aid)
        assert (h2.start, h2.end, h2.label_id) == (start, end, 2)
        assert w2.annotations.list.count() == 1
        assert [n.body for n in lib2.article_notes(aid)] == ["ملاحظة على المقال"]
        assert [n.body for n in lib2.free_notes()] == ["Free thought 📌"]
        assert w2.free_notes.list.count() == 1
        umap = Utf16Map(lib2.get_article(aid).text)
        cur = QTextCursor(w2.reader.browser.document())
        cur.setPosition(umap.to_utf16(start) + 1)
        assert cur.charFormat().background().style() != Qt.BrushStyle.NoBrush
        w2.close()
    finally:
        lib2.close()


def test_autosave_survives_closing_mid_typing(qtbot, window, library):
    lib, ids = library
    aid = ids["english"]
    window.open_article(aid)
    select_text(window, "new plan")
    window.registry["highlight"].trigger()
    [h] = lib.highlights(aid)
    editor = window.annotations.editor
    _type_note(qtbot, editor, "typed just before closing")
    assert editor._timer.isActive()  # the delayed save has not run yet
    window.close()
    assert lib.get_highlight(h.id).note == "typed just before closing"


def test_note_paragraphs_take_their_own_direction(qtbot, window, library):
    window.new_free_note()
    editor = window.free_notes.editor
    _type_note(qtbot, editor, "English first line\nسطر عربي ثانٍ\n")
    doc = editor.document()
    assert (
        doc.findBlockByNumber(0).blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight
    )
    assert (
        doc.findBlockByNumber(1).blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
    )


def _block_point(window, pos16: int) -> QPoint:  # type: ignore[no-untyped-def]
    browser = window.reader.browser
    cur = QTextCursor(browser.document())
    cur.setPosition(pos16)
    return browser.cursorRect(cur).center()


def test_jump_reader_click_to_panel_and_back(qtbot, window, library):
    lib, ids = library
    aid = ids["mixed"]
    text = lib.get_article(aid).text
    s1 = text.index("النمو بلغ")
    s2 = text.index("The outlook")
    h1 = lib.add_highlight(aid, s1, s1 + 9, 1, "note one")
    h2 = lib.add_highlight(aid, s2, s2 + 11, 2)
    window.open_article(aid)
    umap = Utf16Map(text)
    # Click inside the second highlight: the panel selects it.
    browser = window.reader.browser
    point = _block_point(window, umap.to_utf16(s2 + 4))
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.annotations.current_id() == h2.id
    # Activate the first one in the panel: the reader's cursor goes to it.
    ann = window.annotations
    item = None
    for i in range(ann.list.count()):
        if ann.list.item(i).data(Qt.ItemDataRole.UserRole + 3) == h1.id:
            item = ann.list.item(i)
    assert item is not None
    ann.list.itemActivated.emit(item)
    assert browser.textCursor().position() == umap.to_utf16(s1)
    assert window.reader.browser.layer.at(browser.textCursor().position()) == [h1.id]
    # Hovering shows the note.
    assert "note one" in window.reader._tooltip([h1.id])


def test_open_with_highlight_scrolls_and_selects(window, library):
    lib, ids = library
    aid = ids["harakat"]
    text = lib.get_article(aid).text
    s = text.index("الحُكُومَةَ")
    h = lib.add_highlight(aid, s, s + 5, 4)
    window.open_article(aid, h.id)
    assert window.annotations.current_id() == h.id
    assert window.reader.browser.textCursor().position() == Utf16Map(text).to_utf16(s)


def test_undo_redo_create_relabel_delete(window, library):
    lib, ids = library
    aid = ids["english"]
    window.open_article(aid)
    stack = window.undo_stack
    select_text(window, "Critics said")
    window.registry["label_1"].trigger()
    [h] = lib.highlights(aid)
    stack.undo()
    assert lib.highlights(aid) == []
    assert window.annotations.list.count() == 0
    stack.redo()
    [again] = lib.highlights(aid)
    assert again.id == h.id and again.label_id == 1
    window.annotations.select_highlight(h.id)
    window.session.relabel(h.id, 5)
    assert lib.get_highlight(h.id).label_id == 5
    stack.undo()
    assert lib.get_highlight(h.id).label_id == 1
    stack.redo()
    assert lib.get_highlight(h.id).label_id == 5
    lib.set_highlight_note(h.id, "keep me")
    window.delete_current_highlight()
    assert lib.highlights(aid) == []
    stack.undo()
    restored = lib.get_highlight(h.id)
    assert restored.note == "keep me" and restored.label_id == 5
    stack.redo()
    assert lib.highlights(aid) == []


def test_undo_redo_note_edit(qtbot, window, library):
    lib, ids = library
    aid = ids["english"]
    window.open_article(aid)
    select_text(window, "budget")
    window.registry["highlight"].trigger()
    [h] = lib.highlights(aid)
    editor = window.annotations.editor
    _type_note(qtbot, editor, "first")
    editor.flush()
    assert lib.get_highlight(h.id).note == "first"
    window.undo_stack.undo()
    assert lib.get_highlight(h.id).note == ""
    assert editor.toPlainText() == ""
    window.undo_stack.redo()
    assert lib.get_highlight(h.id).note == "first"
    assert editor.toPlainText() == "first"


def test_undo_delete_article(window, library):
    lib, ids = library
    aid = ids["english"]
    window.open_article(aid)
    window.registry["delete_article"].trigger()
    assert lib.get_article(aid).deleted_at is not None
    assert window.session.article_id is None
    assert aid not in window.library.model.ids
    window.undo_stack.undo()
    assert lib.get_article(aid).deleted_at is None
    assert aid in window.library.model.ids
    window.undo_stack.redo()
    assert lib.get_article(aid).deleted_at is not None


def test_orphaned_highlight_is_listed(window, library):
    lib, ids = library
    aid = ids["english"]
    text = lib.get_article(aid).text
    s = text.index("Critics said")
    lib.add_highlight(aid, s, s + 12, 2, "orphan note")
    lib.update_text(aid, ["Completely different text now.", "Nothing of the old words."])
    [h] = lib.highlights(aid)
    assert h.orphaned
    window.open_article(aid)
    assert window.annotations.list.count() == 1
    assert "Critics said" in window.annotations.list.item(0).text()


def test_rename_labels_dialog(window, library, monkeypatch):
    from desktop_app.ui.dialogs.labels_dialog import LabelsDialog

    lib, _ids = library

    def fake_exec(self):  # type: ignore[no-untyped-def]
        self.edits[1].setText("ادعاء رئيسي")
        return 1

    monkeypatch.setattr(LabelsDialog, "exec", fake_exec)
    window.registry["labels"].trigger()
    assert lib.labels()[0].name == "ادعاء رئيسي"
    assert "ادعاء رئيسي" in window.registry["label_1"].text()
    assert window.annotations.label_box.itemText(0) == "ادعاء رئيسي"


def test_hovering_a_highlight_shows_its_note(window, library, qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    lib, ids = library
    aid = ids["arabic"]
    text = lib.get_article(aid).text
    s = text.index("ميزانية إضافية")
    lib.add_highlight(aid, s, s + 14, 1, "تحقق من الرقم")
    window.open_article(aid)
    point = _block_point(window, Utf16Map(text).to_utf16(s + 3))
    viewport = window.reader.browser.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    window.reader.browser.viewportEvent(event)
    assert "تحقق من الرقم" in QToolTip.text()
    QToolTip.hideText()


def test_typing_on_after_an_autosave_continues_where_the_cursor_is(qtbot, window, library):
    # The notes list reloads after each save; the note being typed keeps its text and cursor.
    lib, ids = library
    window.open_article(ids["arabic"])
    window.new_article_note()
    editor = window.annotations.notes.editor
    nid = editor.target[1]
    _type_note(qtbot, editor, "ملاحظة أولى عن الوَزِيرُ")
    editor.flush()
    editor.insertPlainText(" then more 📌")
    assert editor.toPlainText() == "ملاحظة أولى عن الوَزِيرُ then more 📌"
    editor.flush()
    assert lib.get_note(nid).body == "ملاحظة أولى عن الوَزِيرُ then more 📌"


def test_typing_that_never_pauses_is_still_saved(qtbot, window, library, monkeypatch):
    from desktop_app.ui.panels import note_editor

    monkeypatch.setattr(note_editor, "MAX_UNSAVED_MS", 200)
    lib, _ids = library
    window.new_free_note()
    editor = window.free_notes.editor
    nid = editor.target[1]
    # A loaded machine can stretch a 30 ms wait past the debounce: make the debounce too long
    # to end during the test, so what is saved was saved by the longest-unsaved rule.
    editor._timer.setInterval(600_000)
    editor.setFocus()
    typed = ""
    for word in ["سطر", "mixed", "الوَزِيرُ", "📌"] * 5:  # a word every 30 ms: the debounce never ends
        editor.insertPlainText(word + " ")
        typed += word + " "
        qtbot.wait(30)
    saved = lib.get_note(nid).body
    assert saved and typed.startswith(saved)
    assert editor._timer.isActive()  # the rest waits for the pause, as before
