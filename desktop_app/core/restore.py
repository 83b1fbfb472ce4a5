"""Restoring a backup (a zip archive or a .sqlite3 database): checked in full first.

In place, the library's current database is kept as `backups/before-restore-*.sqlite3` before
it is replaced; the archive's originals are only added. Into a new folder (missing or empty),
the library is built in a hidden folder beside it and renamed into place at the end. The search
index is never restored: it is rebuilt from the database when the library opens.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.backup import BackupError, check_backup, replace_database
from desktop_app.core.backup_archive import (
    ArchiveInfo,
    CancelFn,
    Member,
    ProgressFn,
    Steps,
    count_rows,
    inspect_archive,
    verify_member,
)
from desktop_app.core.relocate import sha256_of
from desktop_app.core.storage.db import DB_NAME, connect


def is_library(folder: Path) -> bool:
    """True when folder holds a library database."""
    return (folder / DB_NAME).is_file()


def check_target(folder: Path) -> bool:
    """True for an in-place restore (folder holds a library), False for a new library (folder
    missing or empty); anything else is refused."""
    if is_library(folder):
        return True
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BackupError(code="backup.target_not_empty", folder=folder)
    return False


def _check_space(folder: Path, need: int) -> None:
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    free = shutil.disk_usage(probe).free
    if need > free:
        raise BackupError(
            code="backup.no_space", folder=probe, need_mb=need >> 20, free_mb=free >> 20
        )


@dataclass(frozen=True)
class RestoreReport:
    """What a restore did: where, in place or new, the counts, the safety copy (in place)."""

    folder: Path
    in_place: bool
    counts: dict[str, int]
    originals: int
    previous_state: Path | None


@dataclass
class Prepared:
    """A backup checked for restoring into folder (the database extracted when zipped)."""

    info: ArchiveInfo
    folder: Path
    in_place: bool

    def discard(self) -> None:
        """Remove the extracted database (a .sqlite3 backup is left alone)."""
        if self.info.database != self.info.path:
            shutil.rmtree(self.info.database.parent, ignore_errors=True)


def check_restore(
    backup: Path,
    folder: Path,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> Prepared:
    """Check a zip archive or a .sqlite3 backup, and the folder, for a restore; changes nothing.

    The caller applies it with apply_restore() or drops it with Prepared.discard().
    """
    in_place = check_target(folder)
    if not backup.is_file():
        raise BackupError(code="backup.not_found", path=backup)
    with backup.open("rb") as f:
        head = f.read(4)
    if backup.suffix.lower() == ".zip" or head == b"PK\x03\x04" or zipfile.is_zipfile(backup):
        info = inspect_archive(backup, progress, cancel)
    else:
        check_backup(backup)
        conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            counts = count_rows(conn) if "briefings" in _tables(conn) else {}
        finally:
            conn.close()
        info = ArchiveInfo(backup, {}, [Member(DB_NAME, backup.stat().st_size, "")], backup)
        info.counts = counts
    prepared = Prepared(info, folder, in_place)
    try:
        _check_space(folder, info.total)
    except BaseException:
        prepared.discard()
        raise
    return prepared


def apply_restore(
    prepared: Prepared, progress: ProgressFn | None = None, cancel: CancelFn | None = None
) -> RestoreReport:
    """Restore a checked backup (cancel is honoured until the database is replaced)."""
    info, folder = prepared.info, prepared.folder
    try:
        steps = Steps(info.total, progress, cancel)
        if prepared.in_place:
            return _restore_in_place(info, folder, steps)
        return _restore_new(info, folder, steps)
    except (OSError, sqlite3.Error, zipfile.BadZipFile) as exc:
        raise BackupError(code="backup.restore_failed", reason=exc) from exc


def restore(
    backup: Path,
    folder: Path,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> RestoreReport:
    """Restore a zip archive or a .sqlite3 backup into folder (in place, or a new library).

    Everything is checked before anything is changed; a refusal changes nothing. In place,
    the current database is kept as `backups/before-restore-*.sqlite3` and originals are only
    added (the safety copy may refer to the ones there). A new library is built in a hidden
    folder beside folder and renamed into place, so a failure leaves no half-made library.
    """
    prepared = check_restore(backup, folder, progress, cancel)
    try:
        return apply_restore(prepared, progress, cancel)
    finally:
        prepared.discard()


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _copy_originals(info: ArchiveInfo, folder: Path, steps: Steps) -> int:
    """Write the archive's originals into folder/originals (verified again as they are written;
    one already there with the same bytes is kept). Returns how many the archive holds."""
    originals = [m for m in info.members if m.path != DB_NAME]
    if not originals:
        return 0
    with zipfile.ZipFile(info.path) as zf, info.path.open("rb") as fp:
        for m in originals:
            target = folder / m.path
            if target.is_file() and target.stat().st_size == m.size:
                if sha256_of(target) == m.sha256:
                    steps.step(m.size, m.path)
                    continue
            target.parent.mkdir(parents=True, exist_ok=True)
            part = target.with_name(target.name + ".part")
            try:
                verify_member(fp, zf.getinfo(m.path), m, info.path.name, steps, part)
                part.replace(target)
            finally:
                part.unlink(missing_ok=True)
    return len(originals)


def _restore_in_place(info: ArchiveInfo, folder: Path, steps: Steps) -> RestoreReport:
    n = _copy_originals(info, folder, steps)
    steps.check()  # the last moment a cancel is honoured: the database is replaced next
    safety = replace_database(folder, info.database)
    return RestoreReport(folder, True, info.counts, n, safety)


def _restore_new(info: ArchiveInfo, folder: Path, steps: Steps) -> RestoreReport:
    folder = folder.absolute()
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = folder.with_name(f".{folder.name}.restoring-{os.getpid()}-{time.monotonic_ns()}")
    staging.mkdir()  # not mkdtemp: the library gets the usual permissions
    try:
        src = sqlite3.connect(f"file:{info.database}?mode=ro", uri=True)
        try:
            dest = sqlite3.connect(str(staging / DB_NAME))
            try:
                src.backup(dest)
            finally:
                dest.close()
        finally:
            src.close()
        steps.step(info.members[0].size if info.members else 0, DB_NAME)
        n = _copy_originals(info, staging, steps)
        connect(staging / DB_NAME).close()  # WAL, and an older schema migrated
        steps.check()
        if folder.exists():
            folder.rmdir()  # empty, checked before
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return RestoreReport(folder, False, info.counts, n, None)
