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


def test_window_refuses_a_read_only_library_with_a_message(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with small_disk(tmp_path) as disk:
        lib = open_library(disk / "lib")
        lib.add_document(make_doc(["قال الوزير 📌"], "اجتماع"))
        lib.close()
        close_all()
        remount_read_only(disk)
        with pytest.raises(LibraryReadOnly) as caught:
            open_for_gui(LibraryLocation(disk / "lib"))
        box = unavailable_box(caught.value)
        qtbot.addWidget(box)
        assert "read-only" in box.informativeText()
        assert str(disk / "lib") in box.informativeText()
