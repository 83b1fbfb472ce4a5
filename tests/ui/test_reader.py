"""The reader: paragraph directions, highlight offsets (emoji, harakat), find, themes, fonts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from desktop_app.core.text.offsets import Utf16Map
from tests.ui.conftest import EMOJI, HARAKAT, MIXED
from tests.ui.helpers import background_at, select_text


def blocks(window):  # type: ignore[no-untyped-def]
    doc = window.reader.browser.document()
    b = doc.begin()
    out = []
    while b.isValid():
        out.append(b)
        b = b.next()
    return out


def test_reader_is_a_text_browser(window, library):
    from PySide6.QtWidgets import QPlainTextEdit, QTextBrowser

    lib, ids = library
    window.open_article(ids["arabic"])
    assert isinstance(window.reader.browser, QTextBrowser)
    assert not isinstance(window.reader.browser, QPlainTextEdit)
    assert window.reader.browser.isReadOnly()


def test_paragraph_directions_in_a_mixed_article(window, library):
    lib, ids = library
    window.open_article(ids["mixed"])
    bl = blocks(window)
    assert [b.text() for b in bl] == [p.text for p in lib.get_article(ids["mixed"]).paragraphs]
    dirs = [b.blockFormat().layoutDirection() for b in bl]
    rtl, ltr = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
    # The Arabic sentence that opens with an English quote is still laid out right to left.
    assert MIXED[1].startswith('"The outlook')
    assert dirs == [rtl, rtl, ltr, rtl]


def test_arabic_article_reads_rtl_in_an_english_ui(window, library):
    lib, ids = library
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    window.open_article(ids["arabic"])
    assert all(
        b.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft for b in blocks(window)
    )
    window.open_article(ids["english"])
    assert all(
        b.blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight for b in blocks(window)
    )


def test_highlight_right_after_an_emoji(window, library, qtbot):
    lib, ids = library
    window.open_article(ids["emoji"])
    text = lib.get_article(ids["emoji"]).text
    needle = "note: the meeting"
    start, end = select_text(window, needle)
    assert text[start - 2 : start] == "📌 "
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_H)
    hls = lib.highlights(ids["emoji"])
    assert len(hls) == 1
    h = hls[0]
    assert (h.start, h.end) == (start, end)
    assert h.exact == needle == text[h.start : h.end]
    umap = Utf16Map(text)
    # Two emoji before this point (one in each paragraph) shift UTF-16 positions by two.
    assert umap.to_utf16(start) == start + 2
    assert background_at(window, umap.to_utf16(start)).style() != Qt.BrushStyle.NoBrush
    assert background_at(window, umap.to_utf16(end) - 1).style() != Qt.BrushStyle.NoBrush
    assert background_at(window, umap.to_utf16(start) - 1).style() == Qt.BrushStyle.NoBrush
    assert background_at(window, umap.to_utf16(end)).style() == Qt.BrushStyle.NoBrush
    # What the reader shows highlighted is exactly the stored quote.
    cur = QTextCursor(window.reader.browser.document())
    cur.setPosition(umap.to_utf16(start))
    cur.setPosition(umap.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    assert cur.selectedText() == h.exact
    assert EMOJI[1].startswith("Pinned 📌")


def test_highlight_inside_vocalised_arabic(window, library, qtbot):
    lib, ids = library
    window.open_article(ids["harakat"])
    needle = "الوَزِيرُ أَحْمَد"
    assert needle in HARAKAT[0]
    start, end = select_text(window, needle)
    selected = window.reader.browser.textCursor().selectedText()
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_3)
    [h] = lib.highlights(ids["harakat"])
    assert h.exact == selected == needle
    assert h.label_id == 3
    assert (h.start, h.end) == (start, end)


def test_overlapping_highlights_blend(window, library):
    lib, ids = library
    aid = ids["english"]
    window.open_article(aid)
    text = lib.get_article(aid).text
    s = text.index("new plan")
    lib.add_highlight(aid, s, s + 8, 1)
    lib.add_highlight(aid, s + 4, s + 20, 2)
    only_first = background_at(window, s).color()
    both = background_at(window, s + 5).color()
    only_second = background_at(window, s + 10).color()
    assert len({only_first.name(), both.name(), only_second.name()}) == 3


def test_find_ignores_harakat_and_hamza(window, library, qtbot):
    lib, ids = library
    window.open_article(ids["harakat"])
    window.registry["find"].trigger()
    bar = window.reader.find_bar
    assert bar.isVisible()
    bar.edit.setText("احمد")
    assert len(bar.matches) == 2
    assert bar.count.text() == "1 of 2 matches" or "2" in bar.count.text()
    text = lib.get_article(ids["harakat"]).text
    s, e = bar.matches[0]
    assert text[s:e].startswith("أَحْمَد")
    cur = window.reader.browser.textCursor()
    assert cur.selectedText() == text[s:e]
    bar.next()
    assert bar.current == 1
    bar.next()
    assert bar.current == 0
    bar.previous()
    assert bar.current == 1


def test_font_size_and_line_spacing(window, library):
    lib, ids = library
    window.open_article(ids["arabic"])
    before = window.reader.font_size
    window.registry["zoom_in"].trigger()
    assert window.reader.font_size == before + 1
    assert window.reader.browser.document().defaultFont().pointSizeF() == before + 1
    window.registry["zoom_out"].trigger()
    window.registry["zoom_out"].trigger()
    assert window.reader.font_size == before - 1
    window.reader.set_line_height(2.0)
    assert blocks(window)[1].blockFormat().lineHeight() == 200.0


def test_arabic_is_served_by_amiri(window, library):
    from PySide6.QtGui import QFontDatabase

    window.open_article(library[1]["arabic"])
    fams = window.reader.browser.document().defaultFont().families()
    assert "Amiri" in fams
    assert "Amiri" in QFontDatabase.families()
    latin = [f for f in fams if f != "Amiri"]
    assert all(
        QFontDatabase.WritingSystem.Arabic not in QFontDatabase.writingSystems(f) for f in latin
    )


def test_themes_change_the_page(window, library):
    window.open_article(library[1]["english"])
    colors = {}
    for name in ("light", "dark", "sepia"):
        window.set_theme(name)
        colors[name] = window.reader.browser.viewport().palette().base().color().name()
    assert len(set(colors.values())) == 3
    assert colors["dark"] == "#1e1f22"


def test_header_shows_title_source_date_link(window, library):
    lib, ids = library
    window.open_article(ids["arabic"])
    assert window.reader.title.text() == "خطة لإصلاح التعليم"
    meta = window.reader.meta.text()
    assert "الأهرام" in meta and "2024-05-01" in meta and "https://example.org/ar" in meta


def test_reading_position_is_remembered(window, library, qtbot):
    lib, ids = library
    aid = ids["english"]
    window.resize(900, 300)
    window.reader.set_font_size(30)
    window.open_article(aid)
    bar = window.reader.browser.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    pos = window.reader.reading_position()
    assert pos > 0
    window.open_article(ids["arabic"])
    assert lib.get_article(aid).reading_position == pos
    window.open_article(aid)
    assert abs(window.reader.reading_position() - pos) < 40


def test_latin_ending_in_neutrals_keeps_its_order_inside_arabic(window, library, qtbot):
    from desktop_app.core.text.direction import LRM
    from tests.conftest import make_doc

    lib, _ids = library
    para = "قال المتحدث إن تحالف OPEC+ سيجتمع مع حلف (NATO) غداً 📌."
    aid = lib.add_document(make_doc([para], "تحالف OPEC+")).article_id
    window.open_article(aid)
    shown = window.reader.browser.document().firstBlock().text()
    # Qt draws "+OPEC" without an LRM after the Latin stretch; the stored text stays as it was.
    assert "OPEC+" + LRM in shown and "(NATO)" + LRM in shown
    assert LRM not in lib.get_article(aid).text
    start, end = select_text(window, "(NATO)")
    assert window.reader.browser.textCursor().selectedText() == "(NATO)"
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_H)
    (h,) = lib.highlights(aid)
    assert (h.start, h.end, h.exact) == (start, end, "(NATO)")
    start, end = select_text(window, "غداً")
    assert window.reader.browser.textCursor().selectedText() == "غداً"
