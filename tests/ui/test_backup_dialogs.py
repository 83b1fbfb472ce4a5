"""File › Back up library… and File › Restore from backup…, and the backup made on closing."""

from __future__ import annotations

import logging
import sqlite3
import zipfile
from datetime import date, timedelta
from pathlib import Path

from desktop_app.core.backup import auto_backups
from desktop_app.core.backup_archive import MANIFEST, inspect_archive, write_archive
from desktop_app.ui import backup_flow
from desktop_app.ui.dialogs.backup_dialogs import BackupDialog, RestoreDialog

NOTE = "ملاحظة بعد النسخة 📌 written after the backup"


def test_both_entries_are_in_the_file_menu(window) -> None:  # type: ignore[no-untyped-def]
    file_menu = window.menuBar().actions()[0].menu()
    names = [a.objectName() for a in file_menu.actions()]
    assert names.index("action_backup_library") < names.index("action_restore_library")
    assert names.index("action_restore_library") < names.index("action_quit")


def test_the_backup_dialog_writes_a_checked_archive_in_the_background(
    qtbot, window, tmp_path: Path
) -> None:
    dlg = BackupDialog(window)
    qtbot.addWidget(dlg)
    out = tmp_path / "نسخة المكتبة 📦"  # .zip is added
    dlg.path.setText(str(out))
    assert dlg.originals.isChecked()
    seen: list[int] = []
    dlg.progress.valueChanged.connect(seen.append)
    task = dlg.start()
    assert task is not None and dlg.busy() and not dlg.cancel_button.isHidden()
    assert not dlg.action.isEnabled() and not dlg.close_button.isEnabled()
    qtbot.waitUntil(lambda: not dlg.busy(), timeout=30000)
    written = out.with_name(out.name + ".zip")
    assert dlg.written is not None and dlg.written.path == written
    assert "backed up" in dlg.status.text() and dlg.progress.isHidden()
    assert seen and max(seen) == 1000
    info = inspect_archive(written)
    assert info.counts["articles"] == 5
    info.database.unlink()
    assert "backed up" in window.status_label.text()


def test_cancelling_a_backup_never_leaves_a_half_written_archive(
    qtbot, window, tmp_path: Path
) -> None:
    dlg = BackupDialog(window)
    qtbot.addWidget(dlg)
    out = tmp_path / "b.zip"
    dlg.path.setText(str(out))
    dlg.start()
    dlg.cancel_button.click()
    qtbot.waitUntil(lambda: not dlg.busy(), timeout=30000)
    # Either the cancel came in time and nothing is there, or the archive is whole.
    if out.exists():
        with zipfile.ZipFile(out) as zf:
            assert zf.testzip() is None and MANIFEST in zf.namelist()
    else:
        assert "nothing was changed" in dlg.status.text()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_restore_checks_confirms_restores_and_reloads_the_window(
    qtbot, host, library, tmp_path: Path
) -> None:
    lib, ids = library
    archive = tmp_path / "before.zip"
    write_archive(lib.folder, archive, with_originals=True)
    old_window = host.window
    lib.add_note(NOTE, article_id=ids["harakat"])
    dlg = RestoreDialog(old_window)
    qtbot.addWidget(dlg)
    assert "safety backup" in dlg.warning.text()
    dlg.path.setText(str(archive))
    assert not dlg.action.isEnabled()  # nothing to restore before the check
    dlg.check()
    qtbot.waitUntil(lambda: not dlg.busy(), timeout=30000)
    assert dlg.action.isEnabled(), dlg.status.text()
    assert "Articles: 5" in dlg.summary.text()
    assert [n.body for n in lib.article_notes(ids["harakat"])] == [NOTE]  # nothing changed yet
    with qtbot.waitSignal(host.windowReplaced, timeout=30000):
        dlg.action.click()
    new = host.window
    assert new is not old_window
    assert new.lib.article_notes(ids["harakat"]) == []
    assert new.lib.get_article(ids["harakat"]).title == "القَرَارُ النِّهَائِيُّ"
    assert "restored" in new.status_label.text()
    safety = list((lib.folder / "backups").glob("before-restore-*.sqlite3"))
    assert len(safety) == 1
    conn = sqlite3.connect(safety[0])
    assert NOTE in {r[0] for r in conn.execute("SELECT body FROM notes")}
    conn.close()
    # the reloaded window searches the restored library (its index rebuilt)
    assert new.search_writer is not None
    new.search_writer.flush()
    assert new.search_service is not None
    assert new.search_service.search("الوزير").total >= 1


def test_a_refused_backup_says_why_and_changes_nothing(qtbot, host, library, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lib, _ids = library
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("../../evil.txt", "x")
    dump = "\n".join(lib.conn.iterdump())
    dlg = RestoreDialog(host.window)
    qtbot.addWidget(dlg)
    dlg.path.setText(str(bad))
    dlg.check()
    qtbot.waitUntil(lambda: not dlg.busy(), timeout=30000)
    assert "outside the library" in dlg.status.text() and "\n" not in dlg.status.text()
    assert not dlg.action.isEnabled()
    assert dlg.status.property("error") is True
    assert host.window.search_writer is not None  # the window was never disturbed
    assert not (lib.folder / "backups").exists()
    assert "\n".join(lib.conn.iterdump()) == dump


def test_closing_the_window_backs_up_once_a_day(qtbot, library, settings_dir, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.main_window import MainWindow

    lib, ids = library
    day = date(2026, 3, 9)
    monkeypatch.setattr(backup_flow, "today", lambda: day)

    def open_and_close() -> None:
        w = MainWindow(lib, theme="light")
        qtbot.addWidget(w)
        w.show()
        w.close()
        w.runner.drain()

    open_and_close()
    made = auto_backups(lib.folder)
    assert list(made) == [day]
    first = made[day].read_bytes()
    lib.add_note("ملاحظة اليوم نفسه")
    open_and_close()
    assert auto_backups(lib.folder)[day].read_bytes() == first  # once a day
    day = day + timedelta(days=1)
    open_and_close()
    assert sorted(auto_backups(lib.folder)) == [date(2026, 3, 9), date(2026, 3, 10)]


def test_a_failed_backup_on_closing_is_logged_and_the_window_closes(
    qtbot, library, settings_dir, caplog
) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.main_window import MainWindow

    lib, _ids = library
    (lib.folder / "backups").write_text("a file where the folder should be")
    w = MainWindow(lib, theme="light")
    qtbot.addWidget(w)
    w.show()
    with caplog.at_level(logging.WARNING, logger="hamish.backup"):
        assert w.close()
    w.runner.drain()
    assert not w.isVisible()
    assert any("automatic backup" in r.getMessage() for r in caplog.records)
    assert lib.article_count() == 5  # the library is intact


def test_quitting_without_closing_the_window_still_backs_up(
    qtbot, qapp, library, settings_dir, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.main_window import MainWindow

    lib, _ids = library
    monkeypatch.setattr(backup_flow, "today", lambda: date(2026, 3, 9))
    w = MainWindow(lib, theme="light")
    qtbot.addWidget(w)
    w.show()
    qapp.aboutToQuit.emit()  # what QApplication.quit() sends before the event loop ends
    assert list(auto_backups(lib.folder)) == [date(2026, 3, 9)]
    made = auto_backups(lib.folder)[date(2026, 3, 9)].stat().st_mtime_ns
    w.close()  # the close that follows makes no second copy
    w.runner.drain()
    assert auto_backups(lib.folder)[date(2026, 3, 9)].stat().st_mtime_ns == made
