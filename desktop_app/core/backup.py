"""Backups of a library's database, and restoring one without losing the current state."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from desktop_app.core.errors import HamishError
from desktop_app.core.storage.db import DB_NAME, SCHEMA_VERSION, backup_to, connect, schema_version


class BackupError(HamishError):
    """A backup could not be written or restored."""


def backups_dir(folder: Path) -> Path:
    """Where a library keeps its backups."""
    return folder / "backups"


def make_backup(
    conn: sqlite3.Connection, folder: Path, out: Path | None = None, prefix: str = "hamish"
) -> Path:
    """Write a consistent copy of the database (SQLite backup API, checked, then renamed)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    if out is None:
        target = backups_dir(folder) / f"{prefix}-{stamp}.sqlite3"
    elif out.is_dir():
        target = out / f"{prefix}-{stamp}.sqlite3"
    else:
        target = out
    n = 1
    while target.exists():
        target = target.with_name(f"{prefix}-{stamp}-{n}.sqlite3")
        n += 1
    try:
        return backup_to(conn, target)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"cannot write the backup to {target}: {exc}") from exc


def list_backups(folder: Path) -> list[Path]:
    """Backups in the library's backups folder, newest first."""
    return sorted(
        backups_dir(folder).glob("*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True
    )


def check_backup(path: Path) -> int:
    """Check that a file is a sound Hamish database; returns its schema version."""
    if not path.is_file():
        raise BackupError(f"no such backup: {path}")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA quick_check").fetchone()[0]
            version = schema_version(conn)
            has_articles = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='articles'"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path.name} is not a Hamish library database ({exc})") from exc
    if ok != "ok":
        raise BackupError(f"{path.name} is damaged: {ok}")
    if not has_articles or version < 1:
        raise BackupError(f"{path.name} is not a Hamish library database")
    if version > SCHEMA_VERSION:
        raise BackupError(f"{path.name} was written by a newer Hamish (schema {version})")
    return version


def restore_backup(folder: Path, backup: Path) -> Path:
    """Replace the library's database by a backup; the current state is kept as a backup first.

    The search index is dropped, so it is rebuilt from the restored database. Returns the path
    of the safety copy of the state before the restore.
    """
    check_backup(backup)
    live = connect(folder / DB_NAME)
    try:
        safety = make_backup(live, folder, prefix="before-restore")
        src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            src.backup(live)
        finally:
            src.close()
    finally:
        live.close()
    connect(folder / DB_NAME).close()  # migrates an older backup to the current schema
    shutil.rmtree(folder / "index", ignore_errors=True)
    return safety
