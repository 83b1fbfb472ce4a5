"""The search panel in the window: as-you-type search, facets, opening matches, saved searches."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QInputDialog

from desktop_app.core.saved_searches import SavedSearches
from desktop_app.ui.models.search_model import SearchRow
from desktop_app.ui.panels.search_delegate import build_result_document
from tests.ui.conftest import add


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type text into a widget key by key (QTest's keyClicks only knows ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)


def ready(window):  # type: ignore[no-untyped-def]
    """The window's search panel once the index has caught up with the library."""
    window.search_writer.flush(timeout=30)
    QApplication.processEvents()  # deliver the writer's "committed" to the panel now
    window.docks["searchDock"].show()
    window.docks["searchDock"].raise_()
    return window.search


def search(qtbot, panel, query: str, filters=None) -> list[SearchRow]:  # type: ignore[no-untyped-def]
    """Run a search and wait for its results."""
    with qtbot.waitSignal(panel.resultsShown, timeout=10000):
        panel.set_query(query, filters)
    return list(panel.model.rows)


def facet_texts(panel, facet: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    tree = panel.facets
    for i in range(tree.topLevelItemCount()):
        head = tree.topLevelItem(i)
        if head.data(0, Qt.ItemDataRole.UserRole + 10) == facet:
            return {
                head.child(j).data(0, Qt.ItemDataRole.UserRole + 11): head.child(j)
                .text(0)
                .replace("\u200e", "")
                for j in range(head.childCount())
            }
    return {}


def test_ctrl_k_then_typing_searches_once_and_marks_the_word(qtbot, window, library):
    lib, ids = library
    panel = ready(window)
    window.reader.browser.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert panel.edit.hasFocus()
    before = panel.request
    with qtbot.waitSignal(panel.resultsShown, timeout=10000):
        type_text(panel.edit, "الوزير")
        # Six keystrokes, no search yet: the debounce waits for the typing to stop.
        assert panel.request == before
    assert panel.request == before + 1
    rows = panel.model.rows
    assert {r.article_id for r in rows} == {ids["arabic"], ids["harakat"]}
    vocalised = next(r for r in rows if r.article_id == ids["harakat"])
    # The snippet keeps the harakat as written and marks the word the query matched.
    assert [vocalised.snippet[s:e] for s, e in vocalised.marks] == ["الوَزِيرُ"]
    assert vocalised.direction == "rtl"
    assert panel.stack.currentWidget() is panel.list
    assert "2" in panel.status.text()


def test_result_documents_mark_words_and_take_their_own_direction(qtbot, window, library):
    panel = ready(window)
    rows = search(qtbot, panel, "الوزير")
    font = QFont()
    doc = build_result_document(
        rows[0], font, Qt.GlobalColor.black, Qt.GlobalColor.gray, Qt.GlobalColor.red
    )
    last = doc.lastBlock()
    assert last.text() == rows[0].snippet
    assert last.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
    s, e = rows[0].marks[0]
    cur = QTextCursor(doc)
    cur.setPosition(last.position() + s + 1)
    assert cur.charFormat().fontWeight() == QFont.Weight.Bold
    cur.setPosition(last.position() + max(1, s - 1))
    assert cur.charFormat().fontWeight() != QFont.Weight.Bold
    english = search(qtbot, panel, "budget")
    assert english and english[0].direction == "ltr"
    doc = build_result_document(
        english[0], font, Qt.GlobalColor.black, Qt.GlobalColor.gray, Qt.GlobalColor.red
    )
    assert doc.lastBlock().blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight
    # The delegate lays results out at least as tall as their text.
    hint = panel.delegate.sizeHint(_option(panel), panel.model.index(0, 0))
    assert hint.height() > 2 * panel.fontMetrics().height()


def _option(panel):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QStyleOptionViewItem

    opt = QStyleOptionViewItem()
    opt.initFrom(panel.list)
    opt.widget = panel.list
    opt.font = panel.list.font()
    return opt


def test_a_newer_search_drops_the_older_result(qtbot, window, library):
    _lib, ids = library
    panel = ready(window)
    shown: list[str] = []
    panel.resultsShown.connect(lambda _n: shown.append(panel.shown_query))
    panel.edit.setText("الوزير")
    first = panel.search_now()
    panel.edit.setText("budget")
    with qtbot.waitSignal(panel.resultsShown, timeout=10000):
        second = panel.search_now()
    qtbot.waitUntil(lambda: window.runner.running == 0, timeout=10000)
    assert second == first + 1
    # The Arabic search finished too, but its result arrived after a newer search had started.
    assert panel.dropped >= 1
    assert shown and set(shown) == {"budget"}
    assert {r.article_id for r in panel.model.rows} == {ids["english"]}
    assert panel.shown_query == "budget"


def test_facets_show_counts_and_filter(qtbot, window, library):
    lib, ids = library
    add(
        lib,
        "Minister visits Cairo",
        ["The minister said the budget will grow next year."],
        "Daily News",
        "",
        "2023-02-01",
    )
    hid = lib.add_highlight_by_quote(
        ids["english"], "the budget was too small", note="عجز الميزانية"
    ).id
    panel = ready(window)
    rows = search(qtbot, panel, "budget")
    assert len(rows) == 3
    kinds = facet_texts(panel, "kind")
    assert kinds == {"article": "Articles (2)", "highlight": "Highlights (1)"}
    assert facet_texts(panel, "year") == {"2024": "2024 (2)", "2023": "2023 (1)"}
    with qtbot.waitSignal(panel.resultsShown, timeout=10000):
        panel.facets.set_checked("kind", "highlight", True)
    assert [(r.kind, r.highlight_id) for r in panel.model.rows] == [("highlight", hid)]
    # Other kinds still show their counts, so the user sees what unchecking would bring back.
    assert facet_texts(panel, "kind")["article"] == "Articles (2)"
    assert facet_texts(panel, "year") == {"2024": "2024 (1)"}
    # The filter stays for the next query; nothing there is a highlight.
    with qtbot.waitSignal(panel.resultsShown, timeout=10000):
        panel.edit.setText("minister")
        panel.search_now()
    assert panel.model.rows == []
    assert facet_texts(panel, "kind") == {"article": "Articles (2)", "highlight": "Highlights (0)"}
    assert "filters" in panel.note_label.text()
    assert panel.clear_btn.isVisibleTo(panel)
    with qtbot.waitSignal(panel.resultsShown, timeout=10000):
        qtbot.mouseClick(panel.clear_btn, Qt.MouseButton.LeftButton)
    assert len(panel.model.rows) == 2 and panel.facets.plain_filters() == {}
    assert {r.kind for r in panel.model.rows} == {"article"}


def test_opening_an_article_hit_selects_the_word_as_written(qtbot, window, library):
    _lib, ids = library
    panel = ready(window)
    rows = search(qtbot, panel, "الوزير")
    row = panel.model.index(
        next(i for i, r in enumerate(rows) if r.article_id == ids["harakat"]), 0
    )
    panel.list.setCurrentIndex(row)
    with qtbot.waitSignal(window.bus.openArticleRequested, timeout=5000) as sig:
        panel.list.activated.emit(row)
    assert sig.args == [ids["harakat"], -1]
    assert window.reader.article.id == ids["harakat"]
    cursor = window.reader.browser.textCursor()
    assert cursor.selectedText() == "الوَزِيرُ"
    start, end = window.reader.selection()
    assert window.reader.article.text[start:end] == "الوَزِيرُ"
    assert window.flasher.active
    qtbot.waitUntil(lambda: not window.flasher.active, timeout=5000)


def test_opening_matches_past_an_emoji_and_a_highlight_hit(qtbot, window, library):
    lib, ids = library
    h = lib.add_highlight_by_quote(
        ids["mixed"], "The outlook remains uncertain", note="📌 key line"
    )
    panel = ready(window)
    rows = search(qtbot, panel, "tomorrow")
    assert [r.article_id for r in rows] == [ids["emoji"]]
    panel.open_row(rows[0])
    text = window.reader.article.text
    start, end = window.reader.selection()
    assert text[start:end] == "tomorrow" and "📌" in text[:start]
    assert window.reader.browser.textCursor().selectedText() == "tomorrow"
    rows = search(qtbot, panel, "outlook", {"kind": ["highlight"]})
    assert [(r.kind, r.highlight_id) for r in rows] == [("highlight", h.id)]
    with qtbot.waitSignal(window.bus.openArticleRequested, timeout=5000) as sig:
        panel.open_row(rows[0])
    assert sig.args == [ids["mixed"], h.id]
    start, end = window.reader.selection()
    assert (start, end) == (h.start, h.end)


def test_malformed_query_and_no_match_messages(qtbot, window, library):
    panel = ready(window)
    rows = search(qtbot, panel, 'الوزير "غير مغلق')
    assert rows == []
    assert panel.stack.currentWidget() is panel.note
    assert panel.note_label.text().startswith("This query cannot be read: unbalanced quote")
    assert "Traceback" not in panel.note_label.text()
    rows = search(qtbot, panel, "زقزقة")
    assert rows == [] and panel.note_label.text().startswith("Nothing matches this search.")
    assert not panel.clear_btn.isVisibleTo(panel)
    panel.edit.clear()
    panel.search_now()
    assert panel.note_label.text().startswith("Type to search")


def test_saved_searches_round_trip(qtbot, window, library, monkeypatch):
    lib, ids = library
    panel = ready(window)
    search(qtbot, panel, "الوزير", {"source": ["وكالة"]})
    assert [r.article_id for r in panel.model.rows] == [ids["harakat"]]
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("وزير 📌", True)))
    qtbot.mouseClick(panel.saved.save_btn, Qt.MouseButton.LeftButton)
    stored = SavedSearches(lib).list()
    assert [(s.name, s.query, s.filters) for s in stored] == [
        ("وزير 📌", "الوزير", {"source": ["وكالة"]})
    ]
    search(qtbot, panel, "budget")
    assert panel.facets.plain_filters() == {}
    combo = panel.saved.combo
    index = combo.findText("وزير 📌")
    assert index > 0
    with qtbot.waitSignal(panel.resultsShown, timeout=10000):
        combo.activated.emit(index)
    assert panel.edit.text() == "الوزير"
    assert panel.facets.plain_filters() == {"source": ["وكالة"]}
    assert [r.article_id for r in panel.model.rows] == [ids["harakat"]]
    qtbot.mouseClick(panel.saved.delete_btn, Qt.MouseButton.LeftButton)
    assert SavedSearches(lib).list() == [] and combo.count() == 1


def test_a_note_hit_opens_its_article_without_selecting(qtbot, window, library):
    lib, ids = library
    note = lib.add_note("متابعة: الخطة تحتاج ميزانية 📌 follow-up", ids["arabic"])
    panel = ready(window)
    rows = search(qtbot, panel, "متابعة")
    assert [(r.kind, r.note_id) for r in rows] == [("note", note.id)]
    with qtbot.waitSignal(window.bus.openArticleRequested, timeout=5000) as sig:
        panel.open_row(rows[0])
    assert sig.args == [ids["arabic"], -1]
    assert window.reader.article.id == ids["arabic"]
    assert window.reader.selection() is None


def test_results_follow_the_index_and_keep_the_selection(qtbot, window, library):
    lib, ids = library
    panel = ready(window)
    rows = search(qtbot, panel, "budget")
    assert [(r.kind, r.article_id) for r in rows] == [("article", ids["english"])]
    panel.list.setCurrentIndex(panel.model.index(0, 0))
    h = lib.add_highlight_by_quote(ids["english"], "the budget was too small", note="ميزانية")
    # The index writer commits in the background; the panel searches again by itself.
    qtbot.waitUntil(lambda: any(r.highlight_id == h.id for r in panel.model.rows), timeout=20000)
    assert [r.key() for r in panel.selected_rows()] == [("article", ids["english"], None, None)]


def test_a_missing_index_is_a_message_not_a_query_error(qtbot, library, settings_dir):
    from desktop_app.core.search.service import SearchService
    from desktop_app.ui.bus import Bus
    from desktop_app.ui.panels.search_panel import SearchPanel
    from desktop_app.ui.tasks import TaskRunner

    lib, _ids = library
    runner = TaskRunner()
    service = SearchService(lib.folder)  # nobody built an index for this library
    panel = SearchPanel(Bus(), runner, service)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.resultsShown, timeout=10000):
        panel.set_query("الوزير")
    assert panel.note_label.text().startswith("Search is not available right now: ")
    assert "index" in panel.last_error
    runner.drain()
    service.close()


def test_article_hits_add_a_quoted_paragraph_and_words_are_found_without_marks():
    from desktop_app.ui.models.search_model import refs_of
    from desktop_app.ui.panels.search_reveal import find_match, query_words

    art = SearchRow(
        "article",
        4,
        None,
        None,
        "القَرَارُ النِّهَائِيُّ",
        "وكالة",
        "2024-05-04",
        1.0,
        "قَالَ الوَزِيرُ",
        ((6, 15),),
    )
    hl = SearchRow("highlight", 2, 7, None, "Plan", "Daily", "", 1.0, "budget", ((0, 6),))
    refs = refs_of([art, hl])
    assert refs.highlights == (7,)
    assert refs.texts == ("«قَالَ الوَزِيرُ» (القَرَارُ النِّهَائِيُّ، وكالة، \u200e2024-05-04\u200e)",)
    assert query_words('title:الوزير AND "خطة جديدة" OR -x NOT y*') == [
        "الوزير",
        "خطة",
        "جديدة",
        "x",
        "y",
    ]
    text = "قال الوزير ثم قَالَ الوَزِيرُ أَحْمَد"
    unmarked = SearchRow("article", 4, None, None, "t", "", "", 1.0, "ثم قَالَ الوَزِيرُ أَحْمَد", ())
    # No marks: the query's words are looked for, nearest the snippet's place in the article,
    # and the whole word is selected as written.
    s, e = find_match(text, unmarked, "وزير")
    assert text[s:e] == "الوَزِيرُ"
    first = SearchRow("article", 4, None, None, "t", "", "", 1.0, "", ())
    s, e = find_match(text, first, "وزير")
    assert text[s:e] == "الوزير"
