"""The window makes a private library too, and refuses a read-only one with a clear message."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from desktop_app.core.errors import LibraryReadOnly
from desktop_app.core.opening import LibraryLocation, open_library
from desktop_app.core.search.writer import close_all
from desktop_app.ui.errors import unavailable_box
from desktop_app.ui.jobs import open_for_gui
from tests.conftest import make_doc
from tests.core.disk_checks import assert_private, remount_read_only, sample_files, small_disk

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX only")


def test_window_import_makes_a_private_library(qtbot, tmp_path: Path, settings_dir) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.main_window import MainWindow

    old = os.umask(0o022)
    try:
        lib = open_for_gui(LibraryLocation(tmp_path / "مكتبة"))
        w = MainWindow(lib, theme="light")
        qtbot.addWidget(w)
        w.show()
        try:
            assert w.start_import([str(p) for p in sample_files(tmp_path / "in")]) is not None
            qtbot.waitUntil(lambda: w.imports.task is None, timeout=30000)
            results, _cancelled = w.imports.last
            assert [r.status for r in results] == ["imported"] * 3
            found = assert_private(lib.folder)
            assert "library.sqlite3-wal" in found
            assert any(name.startswith("originals/") for name in found)
        finally:
            w.close()
            w.runner.drain()
            QThreadPool.globalInstance().waitForDone(10000)
            close_all()
            lib.close()
        assert_private(lib.folder)
    finally:
        os.umask(old)


@pytest.mark.parametrize("lang, words", [("en", "read-only"), ("ar", "للقراءة فقط")])
def test_window_refuses_a_read_only_library_with_a_message(  # type: ignore[no-untyped-def]
    qtbot, qapp, tmp_path: Path, lang: str, words: str
) -> None:
    from desktop_app.ui.i18n import install_translators

    with small_disk(tmp_path) as disk:
        lib = open_library(disk / "lib")
        lib.add_document(make_doc(["قال الوزير 📌"], "اجتماع"))
        lib.close()
        close_all()
        remount_read_only(disk)
        with pytest.raises(LibraryReadOnly) as caught:
            open_for_gui(LibraryLocation(disk / "lib"))
        install_translators(qapp, lang)
        try:
            box = unavailable_box(caught.value)
            qtbot.addWidget(box)
            assert words in box.informativeText()
            assert str(disk / "lib") in box.informativeText()
        finally:
            install_translators(qapp, "en")


def test_a_full_disk_in_the_window_shows_a_message_not_a_traceback(  # type: ignore[no-untyped-def]
    qtbot, window, library, capsys
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.core.errors import StorageFull
    from desktop_app.ui.errors import ErrorDialog, ExceptionHook

    lib, ids = library
    hook = ExceptionHook(lib.folder, window)
    lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = lib.conn.execute("PRAGMA page_count").fetchone()[0]
    lib.conn.execute(f"PRAGMA max_page_count={pages}")
    before = lib.article_notes(ids["arabic"])
    try:
        with pytest.raises(StorageFull) as caught:
            window.session.new_note(None)
            window.session.new_note(ids["arabic"])  # what the window's note commands call
            lib.add_note("ملاحظة طويلة 📌 Mixed وَالقَرَار " * 2000, ids["arabic"])
        hook.handle(StorageFull, caught.value, caught.value.__traceback__)
        qtbot.waitUntil(lambda: hook.refusal is not None and hook.refusal.isVisible())
        box = hook.refusal
        assert isinstance(box, QMessageBox) and box.objectName() == "storageRefused"
        assert "disk is full" in box.informativeText()
        assert not [d for d in window.findChildren(ErrorDialog) if d.isVisible()]
        assert "Traceback" not in capsys.readouterr().err
        box.close()
    finally:
        lib.conn.execute("PRAGMA max_page_count=1073741823")
    after = lib.article_notes(ids["arabic"])
    assert [n.body for n in after][: len(before)] == [n.body for n in before]
    assert all("ملاحظة طويلة" not in n.body for n in after)
