"""The briefing composer: building from search, annotations, the reader and free text; drag and
drop; the live preview; export in the background."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from desktop_app.core.briefings import BriefingService
from desktop_app.ui.ref_mime import Refs, decode_refs, encode_refs
from tests.ui.helpers import select_text
from tests.ui.test_search_panel import ready, search


def panel_of(window):  # type: ignore[no-untyped-def]
    window.docks["briefingDock"].show()
    window.docks["briefingDock"].raise_()
    return window.briefing


def order(lib, bid: int) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(kind, text) of every item of a briefing, read back through the service."""
    return [(it.kind, it.text) for it in BriefingService(lib).get(bid).items()]


def new_briefing(panel, monkeypatch, title: str = "موجز الأسبوع Weekly brief") -> int:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (title, True)))
    panel.acts["newBriefing"].trigger()
    assert panel.briefing is not None and panel.briefing.title == title
    return panel.briefing.id


def drop(view, mime, pos: QPoint, action=Qt.DropAction.MoveAction) -> QDropEvent:  # type: ignore[no-untyped-def]
    """A drag entering the view, moving to pos and dropping there: real events, in order."""
    button, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, action, mime, button, mods)
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(pos, action, mime, button, mods)
    QApplication.sendEvent(view.viewport(), move)
    assert move.isAccepted()
    event = QDropEvent(QPointF(pos), action, mime, button, mods)
    QApplication.sendEvent(view.viewport(), event)
    return event


def test_build_from_search_annotations_reader_and_free_text(qtbot, window, library, monkeypatch):
    lib, ids = library
    h = lib.add_highlight_by_quote(
        ids["english"], "the budget was too small", note="الميزانية صغيرة 📌"
    )
    panel = panel_of(window)
    bid = new_briefing(panel, monkeypatch)
    # From a search result (a highlight hit), through the results' menu action.
    search_panel = ready(window)
    rows = search(qtbot, search_panel, "budget", {"kind": ["highlight"]})
    search_panel.list.setCurrentIndex(search_panel.model.index(0, 0))
    assert search_panel.add_selected_to_briefing() == Refs(highlights=(h.id,))
    # From the annotations panel's menu.
    window.open_article(ids["harakat"])
    hv = lib.add_highlight_by_quote(ids["harakat"], "الوَزِيرُ أَحْمَد")
    window.annotations.select_highlight(hv.id)
    assert window.annotation_to_briefing_action in window.annotations.list.actions()
    window.annotation_to_briefing_action.trigger()
    # From the reader's context menu, with text selected: it is highlighted first.
    window.open_article(ids["emoji"])
    select_text(window, "the meeting is tomorrow")
    assert window.add_to_briefing_action in window.reader.browser.context_actions
    window.add_to_briefing_action.trigger()
    # A paragraph of the analyst's own.
    monkeypatch.setattr(
        QInputDialog,
        "getMultiLineText",
        staticmethod(lambda *a, **k: ("تقييم: الخطة طموحة but underfunded.", True)),
    )
    panel.acts["addText"].trigger()
    assert rows[0].kind == "highlight"
    assert order(lib, bid) == [
        ("highlight", "the budget was too small"),
        ("highlight", "الوَزِيرُ أَحْمَد"),
        ("highlight", "the meeting is tomorrow"),
        ("text", "تقييم: الخطة طموحة but underfunded."),
    ]
    item = BriefingService(lib).get(bid).items()[0]
    assert item.note == "الميزانية صغيرة 📌" and item.citation.source == "Daily News"
    reader_hl = [x for x in lib.highlights(ids["emoji"]) if x.exact == "the meeting is tomorrow"]
    assert len(reader_hl) == 1


def test_drag_reorders_and_drops_search_results(qtbot, window, library, monkeypatch):
    lib, ids = library
    panel = panel_of(window)
    bid = new_briefing(panel, monkeypatch)
    svc = BriefingService(lib)
    for text in ("الأول first", "الثاني", "third"):
        panel.add_refs(Refs(texts=(text,)))
    tree, model = panel.tree, panel.model
    window.resize(1400, 900)
    tree.expandAll()
    qtbot.waitUntil(
        lambda: tree.visualRect(model.item_index(svc.get(bid).items()[2].id)).height() > 0
    )
    items = svc.get(bid).items()
    # Drag the last item above the first one: a real drop event on the tree.
    mime = model.mimeData([model.item_index(items[2].id)])
    top = tree.visualRect(model.item_index(items[0].id))
    event = drop(tree, mime, QPoint(top.center().x(), top.top() + 2))
    assert event.isAccepted()
    assert [t for _k, t in order(lib, bid)] == ["third", "الأول first", "الثاني"]
    # The same through the model, onto the section (appends), as a view without a pointer would.
    sec = model.section_index(svc.get(bid).sections[0].id)
    moved = svc.get(bid).items()[0]
    assert model.dropMimeData(
        model.mimeData([model.item_index(moved.id)]), Qt.DropAction.MoveAction, -1, 0, sec
    )
    assert [t for _k, t in order(lib, bid)] == ["الأول first", "الثاني", "third"]
    # A search result dragged in lands where it is dropped, as a highlight item.
    h = lib.add_highlight_by_quote(ids["arabic"], "خطة جديدة لإصلاح التعليم", note="ملاحظة")
    sp = ready(window)
    search(qtbot, sp, "لإصلاح", {"kind": ["highlight"]})
    result_mime = sp.model.mimeData([sp.model.index(0, 0)])
    assert decode_refs(result_mime) == Refs(highlights=(h.id,))
    second = tree.visualRect(model.item_index(svc.get(bid).items()[1].id))
    drop(tree, result_mime, QPoint(second.center().x(), second.top() + 2), Qt.DropAction.CopyAction)
    assert order(lib, bid)[1] == ("highlight", "خطة جديدة لإصلاح التعليم")
    # Move down / up buttons.
    tree.setCurrentIndex(model.item_index(svc.get(bid).items()[0].id))
    panel.acts["moveDown"].trigger()
    assert [t for _k, t in order(lib, bid)][:2] == ["خطة جديدة لإصلاح التعليم", "الأول first"]
    panel.acts["moveUp"].trigger()
    assert [t for _k, t in order(lib, bid)][:2] == ["الأول first", "خطة جديدة لإصلاح التعليم"]


def test_sections_edit_and_remove(qtbot, window, library, monkeypatch):
    lib, _ids = library
    panel = panel_of(window)
    bid = new_briefing(panel, monkeypatch, "Weekly")
    svc = BriefingService(lib)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("الخلفية", True)))
    panel.acts["addSection"].trigger()
    sid = svc.get(bid).sections[0].id
    panel.add_refs(Refs(texts=("نص أول",)))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Outlook", True)))
    panel.acts["addSection"].trigger()
    panel.add_refs(Refs(texts=("second text",)))
    assert [(s.heading, [i.text for i in s.items]) for s in svc.get(bid).sections] == [
        ("الخلفية", ["نص أول"]),
        ("Outlook", ["second text"]),
    ]
    # Rename a heading in the tree (F2 editing ends in setData).
    assert panel.model.setData(panel.model.section_index(sid), "الخلفية والسياق")
    assert svc.get(bid).sections[0].heading == "الخلفية والسياق"
    # Edit a free paragraph.
    panel.tree.setCurrentIndex(panel.model.item_index(svc.get(bid).items()[0].id))
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", staticmethod(lambda *a, **k: ("نص مُعدَّل 📌", True))
    )
    panel.acts["editItem"].trigger()
    assert svc.get(bid).items()[0].text == "نص مُعدَّل 📌"
    # Remove it, then delete the second section after confirming.
    panel.acts["removeItem"].trigger()
    assert [i.text for i in svc.get(bid).items()] == ["second text"]
    panel.tree.setCurrentIndex(panel.model.section_index(svc.get(bid).sections[1].id))
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    panel.acts["removeItem"].trigger()
    assert [s.heading for s in svc.get(bid).sections] == ["الخلفية والسياق"]
    # Refusals are messages in the panel, never tracebacks.
    panel.tree.setCurrentIndex(panel.model.section_index(sid))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("   ", True)))
    panel.acts["renameBriefing"].trigger()
    assert panel.last_error == "a briefing needs a title"
    assert panel.status.text() == "a briefing needs a title"
    assert svc.get(bid).title == "Weekly"


def test_details_and_live_preview(qtbot, window, library, monkeypatch):
    lib, ids = library
    h = lib.add_highlight_by_quote(ids["english"], "the budget was too small", note="ملاحظة المحلل")
    panel = panel_of(window)
    bid = new_briefing(panel, monkeypatch)
    panel.add_refs(Refs(highlights=(h.id,), texts=("الخلاصة: الخطة ممولة جزئيًا.",)))
    assert panel.preview.pending
    qtbot.waitUntil(lambda: not panel.preview.pending, timeout=5000)
    doc = panel.preview.document()
    blocks = {}
    b = doc.begin()
    while b.isValid():
        blocks[b.text()] = b.blockFormat().layoutDirection()
        b = b.next()
    assert blocks["«the budget was too small»"] == Qt.LayoutDirection.LeftToRight
    assert blocks["ملاحظة المحلل"] == Qt.LayoutDirection.RightToLeft
    assert blocks["الخلاصة: الخطة ممولة جزئيًا."] == Qt.LayoutDirection.RightToLeft
    # Editing the details saves them and redraws the preview.
    panel.tabs.setCurrentIndex(1)
    form = panel.form
    form.edits["marking"].setText("للاستخدام الداخلي فقط")
    form.edits["marking"].textEdited.emit("للاستخدام الداخلي فقط")
    form.summary.setPlainText("خلاصة تنفيذية مع English terms.")
    renders = panel.preview.renders
    form.flush()
    svc = BriefingService(lib)
    assert svc.get(bid).marking == "للاستخدام الداخلي فقط"
    assert svc.get(bid).summary == "خلاصة تنفيذية مع English terms."
    qtbot.waitUntil(
        lambda: panel.preview.renders > renders and not panel.preview.pending, timeout=5000
    )
    text = panel.preview.toPlainText()
    assert text.count("للاستخدام الداخلي فقط") == 2  # top and bottom
    assert "خلاصة تنفيذية مع English terms." in text
    # A changed note on a quoted highlight shows in the briefing.
    lib.set_highlight_note(h.id, "ملاحظة جديدة")
    qtbot.waitUntil(lambda: "ملاحظة جديدة" in panel.preview.toPlainText(), timeout=5000)


def test_export_docx_in_the_background_and_errors(
    qtbot, window, library, monkeypatch, tmp_path: Path
):
    lib, ids = library
    h = lib.add_highlight_by_quote(ids["harakat"], "الوَزِيرُ أَحْمَد", note="Note in English 📌")
    panel = panel_of(window)
    new_briefing(panel, monkeypatch)
    panel.add_refs(Refs(highlights=(h.id,), texts=("A closing paragraph.",)))
    target = tmp_path / "out" / "brief"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    with qtbot.waitSignal(panel.exported, timeout=20000) as sig:
        assert panel.export("docx")
        assert not panel.export_btn.isEnabled()  # running in the background
    written = Path(sig.args[0])
    assert written == target.with_suffix(".docx") and written.exists()
    with zipfile.ZipFile(written) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "الوَزِيرُ أَحْمَد" in xml and "Note in English" in xml and "<w:bidi" in xml
    assert panel.export_btn.isEnabled()
    assert str(written) in panel.status.text()
    # Markdown too, then a folder that does not exist: a message in the panel.
    with qtbot.waitSignal(panel.exported, timeout=20000):
        panel.export("md", str(tmp_path / "out" / "brief.md"))
    assert "الوَزِيرُ أَحْمَد" in (tmp_path / "out" / "brief.md").read_text(encoding="utf-8")
    with qtbot.waitSignal(panel.exported, timeout=30000) as sig:
        panel.export("pdf", str(tmp_path / "out" / "brief.pdf"))
    assert Path(sig.args[0]).read_bytes().startswith(b"%PDF")
    panel.export("docx", str(tmp_path / "missing" / "b.docx"))
    qtbot.waitUntil(lambda: panel.export_btn.isEnabled(), timeout=20000)
    assert panel.status.text().startswith("The export failed: ")
    assert "does not exist" in panel.last_error


def test_ref_mime_round_trip_and_garbage():
    mime = encode_refs(Refs(highlights=(3, 1), notes=(7,), texts=("نص 📌",)), "plain")
    assert decode_refs(mime) == Refs((3, 1), (7,), ("نص 📌",))
    assert mime.text() == "plain"
    from PySide6.QtCore import QMimeData

    bad = QMimeData()
    bad.setData("application/x-hamish-refs", b"\xff not json")
    assert decode_refs(bad) is None
    assert decode_refs(QMimeData()) is None


def test_briefing_edits_undo_and_redo(qtbot, window, library, monkeypatch):
    lib, ids = library
    h = lib.add_highlight_by_quote(ids["arabic"], "خطة جديدة لإصلاح التعليم")
    panel = panel_of(window)
    stack = window.undo_stack
    bid = new_briefing(panel, monkeypatch, "Undo 📌")
    svc = BriefingService(lib)

    def texts() -> list[str]:
        return [t for _k, t in order(lib, bid)]

    def layout() -> list[tuple[str, list[str]]]:
        return [(s.heading, [i.text for i in s.items]) for s in svc.get(bid).sections]

    start = stack.index()
    panel.add_refs(Refs(highlights=(h.id,), texts=("one", "اثنان")))  # one step (a macro)
    assert stack.index() == start + 1
    panel.tree.setCurrentIndex(panel.model.item_index(svc.get(bid).items()[2].id))
    panel.acts["moveUp"].trigger()
    assert texts() == ["خطة جديدة لإصلاح التعليم", "اثنان", "one"]
    panel.editor.edit_text(svc.get(bid).items()[2].id, "one, edited")
    panel.tree.setCurrentIndex(panel.model.item_index(svc.get(bid).items()[0].id))
    panel.acts["removeItem"].trigger()
    assert texts() == ["اثنان", "one, edited"]
    sec = svc.get(bid).sections[0]
    panel.editor.rename_section(sec.id, "القسم الأول")
    panel.fields_edited({"marking": "سري"})
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    panel.tree.setCurrentIndex(panel.model.section_index(sec.id))
    panel.acts["removeItem"].trigger()
    assert layout() == [] and svc.get(bid).marking == "سري"
    done = stack.index()
    history = [
        [("القسم الأول", ["اثنان", "one, edited"])],  # before deleting the section
        [("القسم الأول", ["اثنان", "one, edited"])],  # before the marking (layout unchanged)
        [("", ["اثنان", "one, edited"])],  # before the rename
        [("", ["خطة جديدة لإصلاح التعليم", "اثنان", "one, edited"])],  # before the removal
        [("", ["خطة جديدة لإصلاح التعليم", "اثنان", "one"])],  # before the edit
        [("", ["خطة جديدة لإصلاح التعليم", "one", "اثنان"])],  # before the move
    ]
    for expected in history:
        stack.undo()
        assert layout() == expected
    assert svc.get(bid).marking == ""
    stack.undo()  # the first add: the section stays, empty
    assert texts() == []
    for _ in range(done - stack.index()):
        stack.redo()
    assert layout() == [] and svc.get(bid).marking == "سري"
    stack.undo()
    assert layout() == [("القسم الأول", ["اثنان", "one, edited"])]
    assert panel.last_error == ""


def test_annotations_list_drags_the_selected_highlight(qtbot, window, library, monkeypatch):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QDrag, QMouseEvent

    lib, ids = library
    h = lib.add_highlight_by_quote(ids["mixed"], "The outlook remains uncertain")
    window.open_article(ids["mixed"])
    window.docks["annotationsDock"].raise_()
    ann = window.annotations
    ann.select_highlight(h.id)
    dragged = []

    def fake_exec(self, *args):  # type: ignore[no-untyped-def]
        dragged.append(decode_refs(self.mimeData()))
        return Qt.DropAction.CopyAction

    monkeypatch.setattr(QDrag, "exec", fake_exec)
    vp = ann.list.viewport()
    start = ann.list.visualItemRect(ann.list.currentItem()).center()
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    mods = Qt.KeyboardModifier.NoModifier
    press = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        QPointF(start),
        QPointF(vp.mapToGlobal(start)),
        left,
        left,
        mods,
    )
    QApplication.sendEvent(vp, press)
    end = start + QPoint(QApplication.startDragDistance() + 5, 0)
    move = QMouseEvent(
        QEvent.Type.MouseMove, QPointF(end), QPointF(vp.mapToGlobal(end)), none, left, mods
    )
    QApplication.sendEvent(vp, move)
    assert dragged == [Refs(highlights=(h.id,))]


def test_article_and_free_notes_add_to_the_briefing(qtbot, window, library, monkeypatch):
    lib, ids = library
    panel = panel_of(window)
    bid = new_briefing(panel, monkeypatch)
    note = lib.add_note("ملاحظة على المقال 📌", ids["arabic"])
    free = lib.add_note("A free note without an article.", None)
    window.open_article(ids["arabic"])
    window.annotations.set_article_notes(lib.article_notes(ids["arabic"]), note.id)
    window.reload_free_notes(free.id)
    assert window.annotations.notes.current_id() == note.id
    assert window.free_notes.current_id() == free.id
    for act in window.note_to_briefing_actions:
        act.trigger()
    items = BriefingService(lib).get(bid).items()
    assert [(i.kind, i.note_id, i.text) for i in items] == [
        ("note", note.id, "ملاحظة على المقال 📌"),
        ("note", free.id, "A free note without an article."),
    ]
    assert items[0].citation.title == "خطة لإصلاح التعليم" and items[1].citation is None


def test_briefing_list_create_rename_switch_delete(qtbot, window, library, monkeypatch):
    lib, _ids = library
    panel = panel_of(window)
    first = new_briefing(panel, monkeypatch, "الأول")
    panel.add_refs(Refs(texts=("نص",)))
    second = new_briefing(panel, monkeypatch, "Second")
    combo = panel.combo
    assert {combo.itemText(i) for i in range(combo.count())} == {"الأول", "Second"}
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("Second, renamed", True))
    )
    panel.acts["renameBriefing"].trigger()
    assert BriefingService(lib).get(second).title == "Second, renamed"
    combo.activated.emit(combo.findData(first))
    assert panel.bid == first and panel.model.rowCount() == 1
    assert lib.get_setting("gui.last_briefing") == str(first)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No)
    )
    panel.acts["deleteBriefing"].trigger()
    assert {b.id for b in BriefingService(lib).list()} == {first, second}
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    panel.acts["deleteBriefing"].trigger()
    assert [b.id for b in BriefingService(lib).list()] == [second]
    assert panel.bid == second and combo.count() == 1


def test_briefing_summary_typed_just_before_quitting_is_saved(qtbot, window, library, monkeypatch):
    lib, _ids = library
    panel = panel_of(window)
    bid = new_briefing(panel, monkeypatch)
    panel.tabs.setCurrentIndex(1)
    panel.form.summary.setPlainText("خلاصة كُتبت قبل الإغلاق مباشرة 📌 just before quitting")
    assert panel.form._timer.isActive()  # the delayed save has not run yet
    window.close()
    summary = BriefingService(lib).get(bid).summary
    assert summary == "خلاصة كُتبت قبل الإغلاق مباشرة 📌 just before quitting"
