"""Moving a library to another folder safely: copy, verify, and only then let the old one go.

The database is copied with SQLite's online backup API from one read snapshot (consistent
while the window has the library open); the counts the copy is checked against are read in that
same snapshot. Every other file (originals, backups, logs) is copied with its SHA-256. The copy
is verified before anything uses it: `PRAGMA integrity_check` on the copied database, the same
numbers of articles, highlights and notes, every file read back from the new place with the
same size and hash. The search index is not copied: it is rebuilt from the database when the
library opens. A failure or a cancel removes what was written at the new place and leaves the
old library untouched.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.errors import HamishError
from desktop_app.core.storage.db import DB_NAME

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]

SKIPPED_FILES = {DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", f"{DB_NAME}.part"}
SKIPPED_DIRS = {"index"}  # rebuilt from the database when the library opens
CHUNK = 1 << 20
DB_PAGES_PER_STEP = 256
COUNTED = ("articles", "highlights", "notes")


class RelocateError(HamishError):
    """A library could not be moved (or opened, or created) at a folder; the old one is intact."""


class RelocateCancelled(RelocateError):
    """The user cancelled the move; nothing was changed."""


@dataclass(frozen=True)
class Counts:
    """How many articles, highlights and notes a library database holds."""

    articles: int
    highlights: int
    notes: int


@dataclass(frozen=True)
class CopiedFile:
    """A file copied beside the database: its path inside the library, size and SHA-256."""

    relative: str
    size: int
    sha256: str


@dataclass(frozen=True)
class CopyReport:
    """What a copy wrote: the folders, the source's counts, every file with its hash."""

    source: Path
    target: Path
    counts: Counts
    files: tuple[CopiedFile, ...]
    bytes: int


def count_rows(conn: sqlite3.Connection) -> Counts:
    """The counts of a library database (every row, the trash included)."""
    n = [int(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in COUNTED]
    return Counts(*n)


def is_library(folder: Path) -> bool:
    """True when folder holds a library database."""
    return (folder / DB_NAME).is_file()


def _is_empty_or_missing(folder: Path) -> bool:
    return not folder.exists() or (folder.is_dir() and not any(folder.iterdir()))


def check_target(source: Path, target: Path) -> None:
    """Refuse a target that is the library itself, inside it, holds it, or is not empty."""
    src, dst = source.resolve(), target.resolve()
    if src == dst:
        raise RelocateError(code="relocate.same_folder", folder=target)
    if dst.is_relative_to(src) or src.is_relative_to(dst):
        raise RelocateError(code="relocate.nested", folder=target)
    if not _is_empty_or_missing(target):
        raise RelocateError(code="relocate.not_empty", folder=target)


def check_new_library_folder(folder: Path) -> None:
    """A new library needs an empty (or not yet existing) folder."""
    if not _is_empty_or_missing(folder):
        raise RelocateError(code="relocate.not_empty", folder=folder)


def check_existing_library(folder: Path) -> Counts:
    """A folder to open must hold a sound library database; returns its counts."""
    db = folder / DB_NAME
    if not db.is_file():
        raise RelocateError(code="relocate.not_a_library", folder=folder)
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA quick_check").fetchone()[0]
            counts = count_rows(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise RelocateError(code="relocate.not_a_library", folder=folder) from exc
    if ok != "ok":
        raise RelocateError(code="relocate.damaged", folder=folder, reason=ok)
    return counts


def _files(source: Path) -> list[Path]:
    """Every file of the library to copy besides the database, in a stable order."""
    out: list[Path] = []
    for root, dirs, names in os.walk(source):
        here = Path(root)
        if here == source:
            dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS]
        dirs.sort()
        for name in sorted(names):
            if here == source and name in SKIPPED_FILES:
                continue
            path = here / name
            if path.is_file() and not path.is_symlink():
                out.append(path)
    return out


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


class _Copier:
    """One copy in progress: reports bytes done of the total, stops when cancel() says so."""

    def __init__(self, total: int, progress: ProgressFn | None, cancel: CancelFn | None) -> None:
        self.total, self.done = max(total, 1), 0
        self._progress, self._cancel = progress, cancel

    def step(self, n: int, text: str) -> None:
        if self._cancel is not None and self._cancel():
            raise RelocateCancelled(code="relocate.cancelled")
        self.done += n
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total, text)

    def copy_database(self, source: Path, target: Path) -> Counts:
        src = sqlite3.connect(str(source / DB_NAME), isolation_level=None, timeout=30.0)
        part = target / f"{DB_NAME}.part"
        try:
            src.execute("BEGIN")  # one read snapshot: the counts and the copy agree
            counts = count_rows(src)
            page_size = int(src.execute("PRAGMA page_size").fetchone()[0])
            dest = sqlite3.connect(str(part))
            try:
                src.backup(
                    dest,
                    pages=DB_PAGES_PER_STEP,
                    progress=lambda _s, _r, _t: self.step(DB_PAGES_PER_STEP * page_size, DB_NAME),
                )
            finally:
                dest.close()
            src.execute("COMMIT")
        finally:
            src.close()
        part.replace(target / DB_NAME)
        return counts

    def copy_file(self, path: Path, source: Path, target: Path) -> CopiedFile:
        rel = path.relative_to(source)
        out = target / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        h = hashlib.sha256()
        size = 0
        with path.open("rb") as fin, out.open("wb") as fout:
            while chunk := fin.read(CHUNK):
                fout.write(chunk)
                h.update(chunk)
                size += len(chunk)
                self.step(len(chunk), rel.as_posix())
            fout.flush()
            os.fsync(fout.fileno())
        shutil.copystat(path, out)
        return CopiedFile(rel.as_posix(), size, h.hexdigest())


def copy_library(
    source: Path, target: Path, progress: ProgressFn | None = None, cancel: CancelFn | None = None
) -> CopyReport:
    """Copy a library (database by the backup API, files with their hashes) into target."""
    files = _files(source)
    db_size = (source / DB_NAME).stat().st_size
    copier = _Copier(db_size + sum(p.stat().st_size for p in files), progress, cancel)
    target.mkdir(parents=True, exist_ok=True)
    counts = copier.copy_database(source, target)
    copied = tuple(copier.copy_file(p, source, target) for p in files)
    return CopyReport(source, target, counts, copied, sum(f.size for f in copied))


def verify_copy(report: CopyReport) -> None:
    """Check the copy at its new place: database integrity and counts, every file's hash."""
    target = report.target
    db = target / DB_NAME
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            counts = count_rows(conn) if ok == "ok" else None
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise RelocateError(code="relocate.verify_failed", reason=str(exc)) from exc
    if ok != "ok":
        raise RelocateError(code="relocate.verify_failed", reason=f"integrity_check: {ok}")
    if counts != report.counts:
        raise RelocateError(
            code="relocate.verify_failed", reason=f"copied {counts}, expected {report.counts}"
        )
    for f in report.files:
        path = target / f.relative
        if not path.is_file() or path.stat().st_size != f.size or sha256_of(path) != f.sha256:
            raise RelocateError(code="relocate.verify_failed", reason=f"{f.relative} differs")


def relocate(
    source: Path,
    target: Path,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
    after_copy: Callable[[CopyReport], None] | None = None,
) -> CopyReport:
    """Check the target, copy the library there and verify the copy; raise RelocateError.

    On any failure (or cancel) what was written at target is removed; the source is never
    changed. after_copy runs between the copy and the check (tests use it to damage a copy).
    """
    check_target(source, target)
    existed = target.exists()
    try:
        report = copy_library(source, target, progress, cancel)
        if after_copy is not None:
            after_copy(report)
        verify_copy(report)
    except BaseException as exc:
        if existed:
            _empty_folder(target)
        else:
            shutil.rmtree(target, ignore_errors=True)
        if isinstance(exc, HamishError):
            raise
        if isinstance(exc, (OSError, sqlite3.Error)):
            raise RelocateError(code="relocate.copy_failed", reason=str(exc)) from exc
        raise
    return report


def remove_old(report: CopyReport) -> list[Path]:
    """Remove the old library's files that were copied; returns what was left (if anything).

    Only files the copy verified (plus the database, its journal and the search index) are
    removed, so a file that appeared in the old folder after the copy is never lost.
    """
    source = report.source
    for name in SKIPPED_FILES:
        (source / name).unlink(missing_ok=True)
    for d in SKIPPED_DIRS:
        shutil.rmtree(source / d, ignore_errors=True)
    for f in report.files:
        (source / f.relative).unlink(missing_ok=True)
    _prune_empty(source)
    if not source.exists():
        return []
    return sorted(p for p in source.rglob("*") if p.is_file())


def _empty_folder(folder: Path) -> None:
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def _prune_empty(folder: Path) -> None:
    """Remove empty folders under folder, and folder itself when it ends up empty."""
    if not folder.is_dir():
        return
    for root, _dirs, _names in sorted(os.walk(folder), key=lambda t: -len(t[0])):
        try:
            Path(root).rmdir()
        except OSError:
            pass
