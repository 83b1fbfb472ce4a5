"""Backups and restore: nothing the analyst wrote is lost."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from desktop_app.cli.main import main
from desktop_app.core.backup import (
    BackupError,
    check_backup,
    list_backups,
    make_backup,
    restore_backup,
)
from desktop_app.core.library import Library
from tests.conftest import ARABIC_PARAGRAPHS, make_doc


def test_backup_and_restore_bring_back_a_deleted_note(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    lib = Library(folder)
    aid = lib.add_document(make_doc(ARABIC_PARAGRAPHS, "عنوان")).article_id or 0
    note = lib.add_note("ملاحظة ثمينة 📌", article_id=aid)
    backup = make_backup(lib.conn, folder)
    assert backup in list_backups(folder) and check_backup(backup) >= 1
    lib.delete_note(note.id)
    lib.add_note("written after the backup", article_id=aid)
    lib.close()

    safety = restore_backup(folder, backup)
    again = Library(folder)
    assert [n.body for n in again.article_notes(aid)] == ["ملاحظة ثمينة 📌"]
    again.close()
    # The state before the restore was kept, so restoring is itself undoable.
    old = sqlite3.connect(safety)
    assert {r[0] for r in old.execute("SELECT body FROM notes")} == {"written after the backup"}


def test_a_broken_backup_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    lib = Library(folder)
    lib.add_document(make_doc(ARABIC_PARAGRAPHS, "عنوان"))
    lib.close()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(BackupError, match="not a Hamish library"):
        restore_backup(folder, junk)
    with pytest.raises(BackupError, match="no such backup"):
        restore_backup(folder, tmp_path / "missing.sqlite3")
    assert len(Library(folder).article_ids()) == 1


def test_backup_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib_dir = str(tmp_path / "lib")
    assert main(["--library", lib_dir, "note", "--text", "قبل"]) == 0
    capsys.readouterr()
    assert main(["--library", lib_dir, "backup", "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert Path(made["path"]).exists() and made["bytes"] > 0
    assert main(["--library", lib_dir, "note", "--text", "بعد"]) == 0
    assert main(["--library", lib_dir, "restore", made["path"], "--json"]) == 0
    capsys.readouterr()
    lib = Library(tmp_path / "lib")
    assert [n.body for n in lib.free_notes()] == ["قبل"]
    assert main(["--library", lib_dir, "restore", str(tmp_path / "nope.sqlite3")]) == 1
    assert "no such backup" in capsys.readouterr().err
