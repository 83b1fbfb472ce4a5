"""A library in one zip archive, and restoring one: checked in full before anything is touched.

An archive holds `library.sqlite3` (a snapshot by SQLite's online backup API, checked with
`PRAGMA integrity_check`), optionally the imported originals (`originals/xx/<sha256><ext>`),
and `manifest.json`: format and versions, the counts, and every member's size and SHA-256. It
is written under a temporary name, read back through the same checks a restore makes, and only
then renamed. The search index is never archived: it is rebuilt from the database.

Before a restore changes anything, the whole archive is checked: every member's path (no
`..`, absolute paths, drive letters, backslashes, links), only the expected members (an
`index/` member is refused), each member inflated by our own bounded reader (never past the
size its manifest declares: a zip bomb stops there), sizes and SHA-256 as declared, and the
database's integrity and schema (a newer one is refused, an older one migrated after).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import stat
import struct
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from desktop_app.core.backup import (
    BackupCancelled,
    BackupError,
    check_database,
)
from desktop_app.core.storage.db import DB_NAME, now_iso

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]

FORMAT = "hamish-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MAX_MANIFEST = 64 << 20
CHUNK = 1 << 20
COUNTED = ("articles", "highlights", "notes", "briefings")
# the name Library.original_path gives: the hash, then the file's own suffix (any characters
# but separators, colons and controls; the hash in front keeps it from being "..")
ORIGINAL = re.compile(r"originals/([0-9a-f]{2})/([0-9a-f]{64})(\.[^/\\:\x00-\x1f]{1,32})?")
DIRECTORY = re.compile(r"originals/([0-9a-f]{2}/)?")
LOCAL_HEADER = struct.Struct("<4s5H3I2H")


@dataclass(frozen=True)
class Member:
    """A member of an archive as its manifest lists it."""

    path: str
    size: int
    sha256: str


@dataclass
class ArchiveInfo:
    """A checked archive: its manifest, and the database extracted to a temporary file."""

    path: Path
    manifest: dict[str, Any]
    members: list[Member]
    database: Path
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Bytes of every member, inflated."""
        return sum(m.size for m in self.members)


class Steps:
    """Progress in bytes of a known total; raises BackupCancelled when cancel() says so."""

    def __init__(self, total: int, progress: ProgressFn | None, cancel: CancelFn | None) -> None:
        self.total, self.done = max(total, 1), 0
        self._progress, self._cancel = progress, cancel

    def check(self) -> None:
        if self._cancel is not None and self._cancel():
            raise BackupCancelled(code="backup.cancelled")

    def step(self, n: int, text: str) -> None:
        self.check()
        self.done += n
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total, text)


def count_rows(conn: sqlite3.Connection) -> dict[str, int]:
    """How many articles, highlights, notes and briefings a database holds (trash included)."""
    return {t: int(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in COUNTED}


def _originals(folder: Path) -> list[tuple[str, Path]]:
    """The library's originals as (member path, file), in a stable order."""
    root = folder / "originals"
    out = []
    for path in sorted(root.rglob("*")) if root.is_dir() else []:
        rel = path.relative_to(folder).as_posix()
        m = ORIGINAL.fullmatch(rel)
        if m and m[1] == m[2][:2] and path.is_file() and not path.is_symlink():
            out.append((rel, path))
    return out


# -- writing ----------------------------------------------------------------------------------
def write_archive(
    folder: Path,
    out: Path,
    with_originals: bool = False,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
    app_version: str = "",
) -> ArchiveInfo:
    """Write the library at folder to the zip archive out; returns the archive read back.

    app_version is the Hamish version the manifest names (the core does not know it).

    The archive is written as a hidden `.part` file beside out, checked like a restore would,
    then renamed: out is never a half-written archive. On failure or cancel nothing is left.
    """
    out = out.absolute()
    part = out.with_name(f".{out.name}.part")
    snapshot = out.with_name(f".{out.name}.db.part")
    originals = _originals(folder) if with_originals else []
    db_size = (folder / DB_NAME).stat().st_size
    # written, then read back: twice the bytes
    steps = Steps(2 * (db_size + sum(p.stat().st_size for _, p in originals)), progress, cancel)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        counts, version = _snapshot(folder, snapshot, steps)
        members: list[Member] = []
        with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            members.append(_add(zf, DB_NAME, snapshot, steps))
            for rel, path in originals:
                members.append(_add(zf, rel, path, steps))
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "hamish_version": app_version,
                "schema_version": version,
                "created": now_iso(),
                "counts": counts,
                "members": [asdict(m) for m in members],
            }
            zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        with part.open("rb+") as f:
            os.fsync(f.fileno())
        info = inspect_archive(part, steps=steps, name=out.name)
        shutil.rmtree(info.database.parent, ignore_errors=True)
        part.replace(out)
        info.path = out
        return info
    except BaseException as exc:
        part.unlink(missing_ok=True)
        if isinstance(exc, (OSError, sqlite3.Error, zipfile.BadZipFile)):
            raise BackupError(code="backup.cannot_write", path=out, reason=exc) from exc
        raise
    finally:
        snapshot.unlink(missing_ok=True)


def _snapshot(folder: Path, target: Path, steps: Steps) -> tuple[dict[str, int], int]:
    """The database copied by the online backup API from one read snapshot, and checked."""
    src = sqlite3.connect(str(folder / DB_NAME), isolation_level=None, timeout=30.0)
    target.unlink(missing_ok=True)
    try:
        page = int(src.execute("PRAGMA page_size").fetchone()[0])
        dest = sqlite3.connect(str(target))
        try:
            src.backup(dest, pages=256, progress=lambda *_: steps.step(256 * page, DB_NAME))
            ok = dest.execute("PRAGMA integrity_check").fetchone()[0]
            counts = count_rows(dest)
            version = int(dest.execute("PRAGMA user_version").fetchone()[0])
        finally:
            dest.close()
    finally:
        src.close()
    if ok != "ok":
        raise BackupError(code="backup.damaged_db", name=DB_NAME, reason=ok)
    return counts, version


def _add(zf: zipfile.ZipFile, name: str, path: Path, steps: Steps) -> Member:
    """Stream a file into the archive, hashing it on the way."""
    h = hashlib.sha256()
    size = 0
    info = zipfile.ZipInfo(name, time.localtime()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    with path.open("rb") as fin, zf.open(info, "w", force_zip64=True) as fout:
        while chunk := fin.read(CHUNK):
            fout.write(chunk)
            h.update(chunk)
            size += len(chunk)
            steps.step(len(chunk), name)
    return Member(name, size, h.hexdigest())


# -- checking ---------------------------------------------------------------------------------
def _unsafe(name: str) -> bool:
    """A member path that could land outside the folder it is extracted into."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return True
    if re.match(r"[A-Za-z]:", name):
        return True
    parts = name.rstrip("/").split("/")
    return any(p in ("", ".", "..") for p in parts)


def _check_entries(zf: zipfile.ZipFile, name: str) -> dict[str, zipfile.ZipInfo]:
    """Every entry's path, kind and compression; returns the file members by path."""
    files: dict[str, zipfile.ZipInfo] = {}
    for info in zf.infolist():
        member = info.filename
        mode = info.external_attr >> 16
        if _unsafe(member) or PurePosixPath(member).is_absolute():
            raise BackupError(code="backup.unsafe_member", name=name, member=member)
        if stat.S_ISLNK(mode):
            raise BackupError(code="backup.symlink_member", name=name, member=member)
        if member == "index" or member.startswith("index/"):
            raise BackupError(code="backup.index_member", name=name, member=member)
        if info.is_dir():
            if not DIRECTORY.fullmatch(member):
                raise BackupError(code="backup.unexpected_member", name=name, member=member)
            continue
        if member not in (MANIFEST, DB_NAME):
            m = ORIGINAL.fullmatch(member)
            if m is None or m[1] != m[2][:2]:
                raise BackupError(code="backup.unexpected_member", name=name, member=member)
        if info.flag_bits & 0x1 or info.compress_type not in (
            zipfile.ZIP_STORED,
            zipfile.ZIP_DEFLATED,
        ):
            raise BackupError(code="backup.unsupported_member", name=name, member=member)
        if member in files:
            raise BackupError(code="backup.duplicate_member", name=name, member=member)
        files[member] = info
    if MANIFEST not in files:
        raise BackupError(code="backup.no_manifest", name=name)
    return files


def read_member(fp: BinaryIO, info: zipfile.ZipInfo, limit: int, name: str) -> Iterator[bytes]:
    """A member's bytes, inflated by our own reader that never goes past limit bytes.

    Python's zipfile trusts the declared size; a member declared small that inflates large
    (a zip bomb) is refused here as soon as it passes limit. The CRC-32 is checked too.
    """
    member = info.filename
    fp.seek(info.header_offset)
    header = fp.read(LOCAL_HEADER.size)
    if len(header) < LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        raise BackupError(code="backup.truncated", name=name, member=member)
    fields = LOCAL_HEADER.unpack(header)
    fp.seek(info.header_offset + LOCAL_HEADER.size + fields[-2] + fields[-1])
    inflate = zlib.decompressobj(-zlib.MAX_WBITS) if info.compress_type else None
    left, size, crc = info.compress_size, 0, 0

    def out(data: bytes) -> bytes:
        nonlocal size, crc
        size += len(data)
        if size > limit:
            raise BackupError(code="backup.bomb", name=name, member=member, size=limit)
        crc = zlib.crc32(data, crc)
        return data

    while left > 0:
        raw = fp.read(min(CHUNK, left))
        if not raw:
            raise BackupError(code="backup.truncated", name=name, member=member)
        left -= len(raw)
        if inflate is None:
            yield out(raw)
            continue
        try:
            yield out(inflate.decompress(raw, CHUNK))
            while inflate.unconsumed_tail:
                yield out(inflate.decompress(inflate.unconsumed_tail, CHUNK))
        except zlib.error as exc:
            raise BackupError(code="backup.hash_mismatch", name=name, member=member) from exc
    if inflate is not None:
        yield out(inflate.flush())
        if not inflate.eof:
            raise BackupError(code="backup.truncated", name=name, member=member)
    if size != info.file_size:
        raise BackupError(
            code="backup.size_mismatch",
            name=name,
            member=member,
            actual=size,
            declared=info.file_size,
        )
    if crc != info.CRC:
        raise BackupError(code="backup.hash_mismatch", name=name, member=member)


def _manifest(fp: BinaryIO, info: zipfile.ZipInfo, name: str) -> dict[str, Any]:
    if info.file_size > MAX_MANIFEST:
        raise BackupError(code="backup.bad_manifest", name=name, reason="too large")
    data = b"".join(read_member(fp, info, info.file_size, name))
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BackupError(code="backup.bad_manifest", name=name, reason=exc) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(code="backup.no_manifest", name=name)
    found = manifest.get("format_version")
    if not isinstance(found, int) or found < 1:
        raise BackupError(code="backup.bad_manifest", name=name, reason="format_version")
    if found > FORMAT_VERSION:
        raise BackupError(
            code="backup.format_too_new", name=name, found=found, known=FORMAT_VERSION
        )
    return manifest


def _members(manifest: dict[str, Any], name: str) -> list[Member]:
    raw = manifest.get("members")
    if not isinstance(raw, list):
        raise BackupError(code="backup.bad_manifest", name=name, reason="members")
    out: list[Member] = []
    for row in raw:
        ok = isinstance(row, dict) and isinstance(row.get("path"), str)
        ok = ok and isinstance(row.get("size"), int) and row["size"] >= 0
        ok = ok and isinstance(row.get("sha256"), str) and len(row["sha256"]) == 64
        if not ok:
            raise BackupError(code="backup.bad_manifest", name=name, reason=f"member {row!r:.80}")
        out.append(Member(row["path"], row["size"], row["sha256"].lower()))
    return out


def inspect_archive(
    path: Path,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
    steps: Steps | None = None,
    name: str | None = None,
) -> ArchiveInfo:
    """Check a whole archive; its database is extracted to a temporary folder (the caller
    removes `info.database.parent`). Raises BackupError naming the first problem."""
    name = name or path.name
    if not path.is_file():
        raise BackupError(code="backup.not_found", path=path)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise BackupError(code="backup.not_zip", name=name) from exc
    with zf, path.open("rb") as fp:
        files = _check_entries(zf, name)
        manifest = _manifest(fp, files[MANIFEST], name)
        members = _members(manifest, name)
        listed = {m.path: m for m in members}
        for member in files:
            if member != MANIFEST and member not in listed:
                raise BackupError(code="backup.unexpected_member", name=name, member=member)
        for m in members:
            if m.path not in files:
                raise BackupError(code="backup.missing_member", name=name, member=m.path)
        if DB_NAME not in listed:
            raise BackupError(code="backup.missing_member", name=name, member=DB_NAME)
        for m in members:
            actual = files[m.path].file_size
            if actual != m.size:
                raise BackupError(
                    code="backup.size_mismatch",
                    name=name,
                    member=m.path,
                    actual=actual,
                    declared=m.size,
                )
        steps = steps or Steps(sum(m.size for m in members), progress, cancel)
        work = Path(tempfile.mkdtemp(prefix="hamish-restore-"))
        try:
            database = work / DB_NAME
            for m in members:
                verify_member(
                    fp, files[m.path], m, name, steps, database if m.path == DB_NAME else None
                )
            info = ArchiveInfo(path, manifest, members, database)
            _check_db(info, name)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
    return info


def verify_member(
    fp: BinaryIO, info: zipfile.ZipInfo, m: Member, name: str, steps: Steps, to: Path | None
) -> None:
    """Read a member through, checking size and SHA-256; write it to `to` when given."""
    h = hashlib.sha256()
    sink = to.open("wb") if to is not None else None
    try:
        for chunk in read_member(fp, info, m.size, name):
            h.update(chunk)
            if sink is not None:
                sink.write(chunk)
            steps.step(len(chunk), m.path)
    finally:
        if sink is not None:
            sink.close()
    if h.hexdigest() != m.sha256:
        raise BackupError(code="backup.hash_mismatch", name=name, member=m.path)


def _check_db(info: ArchiveInfo, name: str) -> None:
    """The extracted database: integrity, a Hamish schema this version reads, the counts."""
    version = check_database(info.database, name, full=True)
    if info.manifest.get("schema_version") != version:
        raise BackupError(code="backup.bad_manifest", name=name, reason="schema_version")
    conn = sqlite3.connect(f"file:{info.database}?mode=ro", uri=True)
    try:
        counts = {
            t: int(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])
            for t in COUNTED
            if conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (t,)
            ).fetchone()
        }
    finally:
        conn.close()
    declared = info.manifest.get("counts")
    if not isinstance(declared, dict) or any(declared.get(t) != n for t, n in counts.items()):
        raise BackupError(code="backup.bad_manifest", name=name, reason="counts")
    info.counts = counts
