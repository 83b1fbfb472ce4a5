"""The window: layout memory, library list (lazy, filter, sort, tags, trash), import, threads."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDockWidget, QTextBrowser

from desktop_app.core.library import Library
from desktop_app.core.models import ImportedDocument
from desktop_app.core.text.paragraphs import build_paragraphs
from tests.child import run_hamish

ROOT = Path(__file__).resolve().parents[2]


def test_docks_have_names_and_layout_is_remembered(qtbot, window, library, settings_dir):
    from desktop_app.ui.main_window import MainWindow

    names = {d.objectName() for d in window.findChildren(QDockWidget)}
    assert {"libraryDock", "annotationsDock", "freeNotesDock"} <= names
    window.docks["freeNotesDock"].hide()
    window.resize(700, 520)
    window.close()
    ini = list(settings_dir.rglob("*.ini"))
    assert ini, "settings were written under tmp_path"
    assert QSettings().fileName().startswith(str(settings_dir))
    lib, _ = library
    w2 = MainWindow(lib, theme="light")
    qtbot.addWidget(w2)
    w2.show()
    assert not w2.docks["freeNotesDock"].isVisible()
    assert (w2.size().width(), w2.size().height()) == (700, 520)
    w2.close()


def test_add_panel_leaves_room_for_more(window):
    browser = QTextBrowser()
    dock = window.add_panel(browser, "searchDock", "Search", "left")
    assert dock.objectName() == "searchDock"
    assert window.docks["searchDock"] is dock
    assert dock.toggleViewAction() in window.panels_menu.actions()


def test_library_list_filter_sort_tags_trash(window, library, qtbot):
    lib, ids = library
    panel = window.library
    assert panel.model.rowCount() == 5
    panel.filter.setText("School")
    panel.apply_filter()
    assert panel.model.ids == [ids["english"]]
    panel.filter.setText("")
    panel.apply_filter()
    panel.sort.setCurrentIndex(1)  # title
    titles = [panel.model.summary(r).title for r in range(panel.model.rowCount())]
    assert titles == [s.title for s in lib.list_articles(sort="title")]
    lib.set_tags(ids["arabic"], ["تعليم"])
    panel.reload_tags()
    panel.tag.setCurrentIndex(panel.tag.findData("تعليم"))
    assert panel.model.ids == [ids["arabic"]]
    panel.tag.setCurrentIndex(0)
    window.session.delete_article(ids["mixed"])
    assert ids["mixed"] not in panel.model.ids
    panel.view_mode.setCurrentIndex(1)
    assert panel.model.ids == [ids["mixed"]]
    assert panel.restore_btn.isVisibleTo(panel)
    panel.table.selectRow(0)
    panel.restore_btn.click()
    assert lib.get_article(ids["mixed"]).deleted_at is None
    assert panel.model.ids == []


def test_library_model_fetches_lazily(tmp_path, qtbot):
    from desktop_app.ui.models.library_model import PAGE, LibraryModel

    lib = Library(tmp_path / "big")
    try:
        for i in range(PAGE * 3):
            lib.add_document(
                ImportedDocument(
                    build_paragraphs([f"مقال رقم {i} عن الاقتصاد"]), title=f"عنوان {i}"
                )
            )
        model = LibraryModel(lib)
        model.reload()
        assert model.rowCount() == PAGE * 3
        assert model.pages_fetched == 0
        assert model.data(model.index(PAGE * 2 + 5, 0)).startswith("عنوان")
        assert model.pages_fetched == 1
        model.data(model.index(PAGE * 2 + 6, 1))
        assert model.pages_fetched == 1
    finally:
        lib.close()


def test_tags_edited_in_header(window, library):
    lib, ids = library
    window.open_article(ids["english"])
    window.reader.tags.setText("economy, تعليم")
    window.reader.tags.editingFinished.emit()
    assert lib.get_article(ids["english"]).tags == sorted(["economy", "تعليم"])


def _write_files(folder: Path, n: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for i in range(n):
        p = folder / f"article-{i}.txt"
        p.write_text(
            f"عنوان المقال {i}\n\nهذا نص المقال رقم {i} عن موضوع مختلف {i * 7}.\n", encoding="utf-8"
        )
        paths.append(p)
    (folder / "broken.pdf").write_bytes(b"not a pdf at all")
    return paths


def test_import_in_background_with_progress_and_errors(window, library, tmp_path, qtbot):
    lib, _ids = library
    src = tmp_path / "incoming"
    _write_files(src, 6)
    seen: list[tuple[int, int]] = []
    # The bar is updated on the GUI thread from the task's progress; connected before the start,
    # so not one step can be missed however fast the worker is.
    bar = window.imports.progress
    bar.valueChanged.connect(lambda v: seen.append((v, bar.maximum())))
    task = window.start_import([str(src)])
    assert task is not None
    qtbot.waitUntil(lambda: window.imports.task is None, timeout=20000)
    results, cancelled = window.imports.last
    assert not cancelled
    assert sum(r.status == "imported" for r in results) == 6
    failed = [r for r in results if r.status == "failed"]
    assert len(failed) == 1 and failed[0].path.endswith("broken.pdf") and failed[0].error
    assert seen and seen[-1][0] == seen[-1][1] == 7
    assert window.library.model.rowCount() == 5 + 6
    assert not window.imports.progress.isVisible()
    from desktop_app.ui.dialogs.import_report import ImportReport

    [report] = [d for d in window.findChildren(ImportReport) if d.isVisible()]
    rows = [report.tree.topLevelItem(i).text(0) for i in range(report.tree.topLevelItemCount())]
    assert len(rows) == 1 and rows[0].endswith("broken.pdf")
    assert report.tree.topLevelItem(0).text(1) == failed[0].error


def test_import_report_lists_remarks_of_imported_files(window, library, tmp_path, qtbot):
    import textwrap

    from desktop_app.ui.dialogs.import_report import ImportReport

    src = tmp_path / "wrapped"
    src.mkdir()
    paragraph = (
        "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية، وقال وزير "
        "الزراعة إن الخطة تشمل قروضا ميسرة لمدة ثلاث سنوات 🌾 وبرنامج OPEC+ للطاقة."
    )
    body = "\n".join(textwrap.fill(paragraph, 60) for _ in range(2))
    (src / "wrapped.txt").write_text(f"العنوان..\n\n{body}\n", encoding="utf-8")
    window.start_import([str(src)])
    qtbot.waitUntil(lambda: window.imports.task is None, timeout=20000)
    results, _cancelled = window.imports.last
    [result] = results
    assert result.status == "imported"
    assert [m.code for m in result.remarks] == ["import.remark_reflowed"]
    [report] = [d for d in window.findChildren(ImportReport) if d.isVisible()]
    assert report.tree.topLevelItemCount() == 1
    item = report.tree.topLevelItem(0)
    assert item.text(0).endswith("wrapped.txt")
    assert (
        item.text(1)
        == "the text was wrapped at a fixed width: its lines were joined into paragraphs"
    )
    lib, _ids = library
    article = lib.get_article(result.article_id)
    assert article.title == "العنوان.."
    assert [p.text for p in article.paragraphs] == [paragraph, paragraph]


def test_import_can_be_cancelled(window, library, tmp_path, qtbot, monkeypatch):
    import threading

    from desktop_app.core import library as core_library

    lib, _ids = library
    src = tmp_path / "incoming"
    _write_files(src, 8)
    gate = threading.Event()
    real = core_library.Library.import_file

    def slow_import(self, path):  # type: ignore[no-untyped-def]
        gate.wait(5)
        return real(self, path)

    monkeypatch.setattr(core_library.Library, "import_file", slow_import)
    task = window.start_import([str(src)])
    assert window.imports.cancel_btn.isVisible()
    window.imports.cancel_btn.click()
    gate.set()
    qtbot.waitUntil(lambda: window.imports.task is None, timeout=20000)
    results, cancelled = window.imports.last
    assert cancelled
    assert len(results) < 9
    assert task.ctx.cancelled()
    QThreadPool.globalInstance().waitForDone(5000)
    assert QThreadPool.globalInstance().activeThreadCount() == 0


def test_twenty_thousand_void_qt_calls(window, library):
    """PySide6 6.12 on Python 3.11 aborted (none_dealloc) after a few thousand such calls."""
    lib, ids = library
    window.open_article(ids["arabic"])
    cursor = QTextCursor(window.reader.browser.document())
    length = window.reader.browser.document().characterCount() - 1
    for i in range(20000):
        cursor.setPosition(i % length)
        window.reader.browser.setObjectName("readerBrowser")
    assert cursor.position() == 19999 % length


def _cli(*args: str, env_home: Path) -> subprocess.CompletedProcess[str]:
    import os

    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(env_home),
        XDG_CONFIG_HOME=str(env_home / ".config"),
    )
    return run_hamish(env, *args, cwd=ROOT)


def test_screenshot_writes_a_png(library, tmp_path):
    lib, ids = library
    shot = tmp_path / "shot.png"
    res = _cli(
        "--library",
        str(lib.folder),
        "gui",
        "--open",
        str(ids["arabic"]),
        "--screenshot",
        str(shot),
        env_home=tmp_path,
    )
    assert res.returncode == 0, res.stderr
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10000


def test_bad_open_id_exits_1_with_one_line(library, tmp_path):
    lib, _ids = library
    res = _cli(
        "--library",
        str(lib.folder),
        "gui",
        "--open",
        "999",
        "--screenshot",
        str(tmp_path / "x.png"),
        env_home=tmp_path,
    )
    assert res.returncode == 1
    assert res.stderr.strip().count("\n") == 0 and "999" in res.stderr
    assert not (tmp_path / "x.png").exists()


def test_empty_library_hint_and_demo_articles(qtbot, tmp_path, settings_dir):
    from desktop_app.ui.main_window import MainWindow

    lib = Library(tmp_path / "empty")
    try:
        w = MainWindow(lib, theme="light")
        qtbot.addWidget(w)
        w.show()
        panel = w.library
        assert panel.stack.currentWidget() is panel.hint
        panel.demo_btn.click()
        qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=30000)
        assert panel.stack.currentWidget() is panel.table
        w.close()
    finally:
        lib.close()


def test_arabic_interface_is_translated_and_mirrored(qapp):
    from PySide6.QtCore import QCoreApplication, Qt

    from desktop_app.ui.i18n import install_translators

    try:
        assert install_translators(qapp, "ar") == "ar"
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert QCoreApplication.translate("MainWindow", "Library") == "المكتبة"
        assert QCoreApplication.translate("LibraryPanel", "%n article(s)", "", 2) == "مقالان"
        # Qt's own strings come from qtbase_ar.qm.
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"
    finally:
        install_translators(qapp, "en")
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert QCoreApplication.translate("MainWindow", "Library") == "Library"


def test_drop_files_on_the_window_imports_them(window, library, tmp_path, qtbot):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    src = tmp_path / "dropped"
    paths = _write_files(src, 2)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.imports.task is None, timeout=20000)
    results, _ = window.imports.last
    assert [r.status for r in results] == ["imported", "imported"]
    assert window.library.model.rowCount() == 7


def test_large_library_lists_in_the_background(window, library, qtbot):
    lib, ids = library
    panel = window.library
    panel.model.background_from = 0  # behave as with a library of 20,000 articles
    before = panel.model.pages_fetched
    panel.filter.setText("School")
    panel.apply_filter()
    assert panel.model.loading
    qtbot.waitUntil(lambda: not panel.model.loading, timeout=10000)
    assert panel.model.ids == [ids["english"]]
    # A newer query wins over one still running.
    panel.model.set_query(text="تقرير")
    panel.model.set_query(text="")
    qtbot.waitUntil(lambda: not panel.model.loading, timeout=10000)
    assert len(panel.model.ids) == 5
    assert panel.model.pages_fetched >= before
    panel.reload_tags()
    qtbot.waitUntil(lambda: window.runner.running == 0, timeout=10000)
    assert panel.tag.itemData(0) is None


def test_library_can_list_just_some_articles(window, library, qtbot):
    lib, ids = library
    panel = window.library
    chosen = {ids["harakat"], ids["emoji"], ids["mixed"]}
    panel.show_only(chosen, "وكالة الأنباء 📰 News")
    assert set(panel.model.ids) == chosen
    assert panel.only_bar.isVisibleTo(panel)
    assert "وكالة الأنباء 📰 News" in panel.only_label.text()
    # The filter text and the sort still apply inside the chosen articles.
    panel.filter.setText("القَرَارُ")
    panel.apply_filter()
    assert panel.model.ids == [ids["harakat"]]
    panel.filter.setText("")
    panel.apply_filter()
    panel.sort.setCurrentIndex(1)  # title
    titles = [panel.model.summary(r).title for r in range(panel.model.rowCount())]
    assert titles == [s.title for s in lib.list_articles(sort="title") if s.id in chosen]
    # A feed without articles: an empty list, not the hint of an empty library.
    panel.show_only(set(), "فارغ")
    assert panel.model.ids == []
    assert panel.stack.currentWidget() is panel.table
    panel.show_all()
    assert len(panel.model.ids) == 5
    assert not panel.only_bar.isVisibleTo(panel)
