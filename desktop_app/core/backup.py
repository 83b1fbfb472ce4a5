"""Backups of a library's database: on demand, automatic and rotated, and restoring one.

Automatic backups are named `auto-YYYY-MM-DD.sqlite3` in the library's `backups/` folder: at
most one a day (the window makes it when it closes). The rotation keeps the 7 newest and, for
each of the 4 newest ISO weeks that have one, the oldest of that week (so a week's weekly
backup never changes once made). Only automatic backups are ever pruned: the ones written
before a migration (`before-v*`), before a restore (`before-restore-*`) and by `hamish backup`
(`hamish-*`) stay until the user removes them. Zip archives are in `backup_archive`.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import time
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from desktop_app.core.errors import HamishError
from desktop_app.core.storage.db import DB_NAME, SCHEMA_VERSION, backup_to, connect, schema_version

AUTO_NAME = re.compile(r"auto-(\d{4}-\d{2}-\d{2})\.sqlite3")
KEEP_DAILY = 7
KEEP_WEEKLY = 4


class BackupError(HamishError):
    """A backup could not be written or restored; nothing was changed."""


class BackupCancelled(BackupError):
    """The user cancelled a backup or a restore before anything was changed."""


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
        raise BackupError(code="backup.cannot_write", path=target, reason=exc) from exc


def list_backups(folder: Path) -> list[Path]:
    """Backups in the library's backups folder (databases and archives), newest first."""
    found = [*backups_dir(folder).glob("*.sqlite3"), *backups_dir(folder).glob("*.zip")]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


# -- automatic backups and their rotation ------------------------------------------------------
def auto_backup_name(day: date) -> str:
    """The file name of the automatic backup of a day."""
    return f"auto-{day.isoformat()}.sqlite3"


def auto_backups(folder: Path) -> dict[date, Path]:
    """The library's automatic backups by day (other backups are not listed)."""
    found: dict[date, Path] = {}
    for path in backups_dir(folder).glob("auto-*.sqlite3"):
        m = AUTO_NAME.fullmatch(path.name)
        if m is None:
            continue
        try:
            found[date.fromisoformat(m[1])] = path
        except ValueError:
            continue
    return found


def days_to_keep(
    days: Iterable[date], daily: int = KEEP_DAILY, weekly: int = KEEP_WEEKLY
) -> set[date]:
    """The rotation: the `daily` newest days, and the oldest day of each of the `weekly`
    newest ISO weeks that have one. Counted in backups, not calendar days, so a month away
    from the library never prunes every backup at the next quit."""
    ordered = sorted(set(days), reverse=True)
    keep = set(ordered[:daily])
    weeks: dict[tuple[int, int], date] = {}
    for day in ordered:  # newest first: the last one seen of a week is its oldest
        iso = day.isocalendar()
        weeks[(iso.year, iso.week)] = day
    for week in sorted(weeks, reverse=True)[:weekly]:
        keep.add(weeks[week])
    return keep


def prune_auto_backups(folder: Path) -> list[Path]:
    """Remove the automatic backups the rotation does not keep; returns the removed files."""
    found = auto_backups(folder)
    keep = days_to_keep(found)
    removed = []
    for day, path in sorted(found.items()):
        if day not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def auto_backup(conn: sqlite3.Connection, folder: Path, today: date | None = None) -> Path | None:
    """Today's automatic backup, then the rotation; None (one stat, no copy) when it exists."""
    day = today or date.today()
    target = backups_dir(folder) / auto_backup_name(day)
    if target.exists():
        return None
    try:
        backup_to(conn, target)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(code="backup.cannot_write", path=target, reason=exc) from exc
    prune_auto_backups(folder)
    return target


# -- a .sqlite3 backup --------------------------------------------------------------------------
def check_database(path: Path, name: str, full: bool = False) -> int:
    """Check that a file is a sound Hamish database this Hamish can read; its schema version."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            pragma = "integrity_check" if full else "quick_check"
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
            version = schema_version(conn)
            has_articles = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='articles'"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) or "file is encrypted" in str(exc):
            raise BackupError(code="backup.not_hamish_db", name=name) from exc
        raise BackupError(code="backup.damaged_db", name=name, reason=exc) from exc
    ok = "; ".join(str(r[0]) for r in rows[:3])
    if ok != "ok":
        raise BackupError(code="backup.damaged_db", name=name, reason=ok)
    if not has_articles or version < 1:
        raise BackupError(code="backup.not_hamish_db", name=name)
    if version > SCHEMA_VERSION:
        raise BackupError(
            code="backup.schema_too_new", name=name, found=version, known=SCHEMA_VERSION
        )
    return version


def check_backup(path: Path) -> int:
    """Check that a .sqlite3 backup is a sound Hamish database; returns its schema version."""
    if not path.is_file():
        raise BackupError(code="backup.not_found", path=path)
    return check_database(path, path.name, full=True)


def replace_database(folder: Path, source: Path) -> Path:
    """Copy a checked database over the library's (the current state is backed up first).

    The backup API writes the whole copy in one transaction, so a failure leaves the
    library's database as it was. An older schema is migrated; the search index is dropped,
    to be rebuilt from the restored database. Returns the safety copy of the state before.
    """
    live = connect(folder / DB_NAME)
    try:
        safety = make_backup(live, folder, prefix="before-restore")
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            src.backup(live)
        finally:
            src.close()
    finally:
        live.close()
    connect(folder / DB_NAME).close()  # migrates an older backup to the current schema
    shutil.rmtree(folder / "index", ignore_errors=True)
    return safety


def restore_backup(folder: Path, backup: Path) -> Path:
    """Replace the library's database by a .sqlite3 backup; returns the safety copy's path."""
    check_backup(backup)
    return replace_database(folder, backup)
