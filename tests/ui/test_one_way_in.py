"""The window's one way in: errors reach the person, registries drive dialogs and menus,
the library list reloads once after an import, a briefing can be made from a search."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QPushButton

from desktop_app.core.briefings import BriefingService
from desktop_app.core.errors import ImportFailed, SchemaTooNew
from desktop_app.core.importers import IMPORTERS
from desktop_app.core.logs import log_file
from desktop_app.core.opening import LibraryLocation
from desktop_app.exporters import EXPORTERS
from desktop_app.ui.errors import ErrorDialog, ExceptionHook, unavailable_box
from desktop_app.ui.import_flow import file_filter
from desktop_app.ui.messages import translated
from tests.ui.test_search_panel import ready, search


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_a_dialog_and_is_logged(window, qtbot):
    hook = ExceptionHook(window.lib.folder, window)
    hook.install()
    try:
        timer = QTimer(window)
        timer.setSingleShot(True)

        def broken_slot() -> None:
            raise RuntimeError("وقع خطأ 📌 in a slot")

        timer.timeout.connect(broken_slot)
        timer.start(0)
        qtbot.waitUntil(lambda: hook.dialog is not None and hook.dialog.isVisible(), timeout=5000)
    finally:
        hook.uninstall()
    dialog = hook.dialog
    assert isinstance(dialog, ErrorDialog)
    assert "RuntimeError: وقع خطأ 📌 in a slot" in dialog.summary.text()
    assert "broken_slot" in dialog.details.toPlainText()
    dialog.copy_btn.click()
    assert "وقع خطأ 📌 in a slot" in QApplication.clipboard().text()
    log = log_file(window.lib.folder).read_text(encoding="utf-8")
    assert "uncaught exception" in log and "وقع خطأ 📌 in a slot" in log
    assert "broken_slot" in log
    assert sys.excepthook != hook.handle  # given back
    dialog.close()


def test_a_library_written_by_a_newer_hamish_gets_a_dialog(tmp_path, qtbot, monkeypatch, capsys):
    from desktop_app import app

    folder = tmp_path / "newer"
    folder.mkdir()
    conn = sqlite3.connect(folder / "library.sqlite3")
    conn.execute("PRAGMA user_version=999")
    conn.close()
    shown: list[tuple[str, str]] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append((box.text(), box.informativeText()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    code = app.run(LibraryLocation(folder), app.GuiOptions())
    assert code == 1
    assert len(shown) == 1
    assert "cannot be opened" in shown[0][0]
    assert "newer Hamish" in shown[0][1] and "999" in shown[0][1]
    assert "newer Hamish" in capsys.readouterr().err  # and one line on stderr


def test_unavailable_box_shows_the_message_in_the_interface_language(qapp):
    exc = SchemaTooNew(code="library.schema_too_new", folder="/x/مكتبة", found=9, known=4)
    box = unavailable_box(exc)
    assert "/x/مكتبة" in box.informativeText() and "9" in box.informativeText()
    box.deleteLater()


def test_import_failures_carry_codes_the_interface_translates(qapp):
    exc = ImportFailed(code="import.unsupported", ext=".xyz")
    assert str(exc) == "unsupported file type .xyz"
    assert exc.code == "import.unsupported" and exc.params == {"ext": ".xyz"}
    # No translator: the English template, each parameter isolated for mixed directions.
    assert translated(exc.code, exc.params) == "unsupported file type \u2068.xyz\u2069"
    assert translated("no.such.code", {}, "fallback") == "fallback"


def test_import_dialog_filter_comes_from_the_importers_table(window, monkeypatch):
    seen: list[str] = []

    def fake_open(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(args[3])
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(fake_open))
    window.registry["import_files"].trigger()
    assert seen == [file_filter()]
    for imp in IMPORTERS:
        for ext in imp.extensions:
            assert f"*{ext}" in seen[0]
    assert "*.epub" in seen[0]


def test_export_menu_lists_every_exporter(window):
    names = [a.objectName() for a in window.briefing.export_btn.menu().actions()]
    assert names == [f"export_{e.name}" for e in EXPORTERS]
    assert "export_html" in names


def test_after_an_import_the_library_list_reloads_once(window, library, tmp_path, qtbot):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("خبر جديد\n\nقال الوزير إن الخطة تبدأ غدًا 📌.", encoding="utf-8")
    (src / "b.txt").write_text(
        "New item\n\nThe plan starts tomorrow, OPEC+ said.", encoding="utf-8"
    )
    model = window.library.model
    calls: list[int] = []
    original = model.reload

    def counting() -> None:
        calls.append(1)
        original()

    model.reload = counting  # type: ignore[method-assign]
    window.start_import([str(src)])
    qtbot.waitUntil(lambda: window.imports.task is None, timeout=20000)
    QCoreApplication.processEvents()
    assert len(calls) == 1
    assert model.rowCount() == 5 + 2


def test_a_new_briefing_from_search_results_groups_them_by_article(
    window, library, qtbot, monkeypatch
):
    lib, ids = library
    h1 = lib.add_highlight_by_quote(ids["arabic"], "أعلن الوزير اليوم")
    h2 = lib.add_highlight_by_quote(ids["harakat"], "قَالَ الوَزِيرُ")
    panel = ready(window)
    rows = search(qtbot, panel, "الوزير", {"kind": ["highlight"]})
    assert {r.highlight_id for r in rows} == {h1.id, h2.id}
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("موجز الوزير 📌", True))
    )
    assert panel.new_briefing_act.isEnabled()
    panel.new_briefing_act.trigger()
    bid = window.briefing.bid
    assert bid is not None
    b = BriefingService(lib).get(bid)
    assert b.title == "موجز الوزير 📌"
    assert {s.heading for s in b.sections} == {
        lib.get_article(ids["arabic"]).title,
        lib.get_article(ids["harakat"]).title,
    }
    assert sorted(it.highlight_id for it in b.items()) == sorted([h1.id, h2.id])


def test_error_dialog_has_a_copy_button(qapp):
    d = ErrorDialog("x", "Traceback: وقع خطأ")
    assert isinstance(d.copy_btn, QPushButton)
    d.copy_details()
    assert QApplication.clipboard().text() == "Traceback: وقع خطأ"
    d.deleteLater()


def test_core_messages_and_the_import_report_read_in_arabic(qapp):
    from desktop_app.core.models import ImportResult
    from desktop_app.ui.dialogs.import_report import ImportReport
    from desktop_app.ui.i18n import install_translators

    failed = ImportResult.failure(
        "/in/ملف.xyz", ImportFailed(code="import.unsupported", ext=".xyz")
    )
    try:
        install_translators(qapp, "ar")
        assert translated("import.empty", {}) == "الملف فارغ"
        arabic = "نوع ملف غير مدعوم \u2068.xyz\u2069"
        assert translated(failed.error_code, failed.error_params) == arabic
        report = ImportReport([failed], False)
        assert report.tree.topLevelItem(0).text(1) == arabic
        report.deleteLater()
        assert QCoreApplication.translate("Exporters", "Word document") == "مستند Word"
        assert QCoreApplication.translate("ImportFlow", "%n article(s) imported.", "", 2) == (
            "استُورد مقالان."
        )
    finally:
        install_translators(qapp, "en")
    assert failed.error == "unsupported file type .xyz"  # the command line's English stays
