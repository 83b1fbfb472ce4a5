"""The index folder: open, create, wipe, read the meta document, take the writer lock."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import FileIndex, LockError
from whoosh.writing import SegmentWriter

from desktop_app.core.errors import HamishError
from desktop_app.core.search.schema import INDEX_VERSION, KIND_META, META_ID, build_schema

INDEX_DIR = "index"
INDEX_NAME = "MAIN"
# Bulk writers keep postings in memory up to this size before spilling runs to disk.
CHECKSUMS = "checksums.json"
# Who holds the writer lock (pid, since when, what for); read only while the lock is taken.
OWNER = "writer.json"
BULK_LIMIT_MB = 384
LIVE_LIMIT_MB = 64


class IndexBusy(HamishError):
    """Another process holds the index's writer lock for too long."""


class IndexBroken(HamishError):
    """The index cannot be read; `hamish check` rebuilds it."""


@dataclass(frozen=True)
class Cursor:
    """How far an unfinished rebuild got, in the order it goes: articles, then free notes."""

    article: int = 0  # every live article up to this id is in, with its highlights and notes
    note: int = 0  # every free note up to this id is in
    notes: bool = False  # True once the articles are done and the free notes are under way
    # The highest ids when the rebuild began: what came after is in change_log, after its seq.
    last_article: int = 1 << 62
    last_note: int = 1 << 62


@dataclass(frozen=True)
class Meta:
    """What the index says about itself: the change_log seq it reflects and its version.

    An unfinished rebuild records a cursor and, as seq, the change_log seq it started at.
    """

    seq: int
    version: str
    cursor: Cursor | None = None

    @property
    def current(self) -> bool:
        """True for a whole index of this version."""
        return self.version == INDEX_VERSION

    @property
    def partial(self) -> bool:
        """True when a rebuild of this version was interrupted."""
        return self.version == PARTIAL_VERSION

    @property
    def resumable(self) -> bool:
        """True when that rebuild can go on where it stopped (older ones start again)."""
        return self.partial and self.cursor is not None


def index_dir(library_folder: Path) -> Path:
    """Where a library keeps its search index."""
    return Path(library_folder) / INDEX_DIR


def create(folder: Path) -> FileIndex:
    """A new empty index in folder (anything there before is removed)."""
    wipe(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return whoosh_index.create_in(str(folder), build_schema(), indexname=INDEX_NAME)


def wipe(folder: Path) -> None:
    """Remove the index files (the folder itself may stay)."""
    if folder.exists():
        shutil.rmtree(folder, ignore_errors=True)
        if folder.exists():  # a file handle still open somewhere (Windows): remove what we can
            for child in folder.iterdir():
                try:
                    child.unlink()
                except OSError:
                    pass


def open_index(folder: Path) -> FileIndex | None:
    """The index in folder, or None when there is none (missing, empty, or unreadable TOC)."""
    if not folder.is_dir():
        return None
    try:
        if not whoosh_index.exists_in(str(folder), indexname=INDEX_NAME):
            return None
        return whoosh_index.open_dir(str(folder), indexname=INDEX_NAME)
    except Exception:  # a truncated or garbled TOC: treat as no index
        return None


def read_meta(ix: FileIndex) -> Meta | None:
    """The meta document, or None when it is missing (a new or foreign index)."""
    with ix.searcher() as s:
        doc = s.document(id=META_ID)
    if not doc or not isinstance(doc.get("meta"), dict):
        return None
    m = doc["meta"]
    cursor = None
    r = m.get("rebuild")
    if isinstance(r, dict):
        try:
            cursor = Cursor(
                int(r["article"]),
                int(r["note"]),
                bool(r["notes"]),
                int(r["last_article"]),
                int(r["last_note"]),
            )
        except (KeyError, TypeError, ValueError):
            cursor = None
    return Meta(int(m.get("seq", 0)), str(m.get("version", "")), cursor)


# The version a rebuild records until its last commit: an index left with it was interrupted.
PARTIAL = "partial"
PARTIAL_VERSION = f"{INDEX_VERSION}-{PARTIAL}"


def write_meta(
    writer: SegmentWriter, seq: int, partial: bool = False, cursor: Cursor | None = None
) -> None:
    """Record, in the same commit as the documents, the change_log seq they reflect.

    A rebuild's commits before its last one are partial; with a cursor they say where it got.
    """
    partial = partial or cursor is not None
    meta: dict[str, Any] = {
        "seq": int(seq),
        "version": PARTIAL_VERSION if partial else INDEX_VERSION,
    }
    if cursor is not None:
        meta["rebuild"] = asdict(cursor)  # read back field by field in read_meta
    writer.update_document(id=META_ID, kind=KIND_META, meta=meta)


def open_writer(
    ix: FileIndex,
    timeout: float = 10.0,
    bulk: bool = False,
    purpose: str = "",
    writer_class: type[SegmentWriter] = SegmentWriter,
) -> SegmentWriter:
    """A writer; waits up to timeout for another process's lock, then IndexBusy.

    Whoosh's lock is an OS file lock, so one left by a dead process is already free. The
    holder's pid is recorded beside it, so that a waiting process can say who it waits for.
    """
    kwargs: dict[str, Any] = {"limitmb": BULK_LIMIT_MB if bulk else LIVE_LIMIT_MB}
    try:
        writer = writer_class(ix, timeout=timeout, delay=0.05, **kwargs)
    except LockError as exc:
        raise IndexBusy(busy_message(Path(ix.storage.folder))) from exc
    record_owner(Path(ix.storage.folder), purpose or ("bulk" if bulk else "live"))
    return writer


def record_owner(folder: Path, purpose: str) -> None:
    """Write who holds the writer lock now (best effort: it only serves messages)."""
    part = folder / f"{OWNER}.{os.getpid()}.part"
    try:
        data = {"pid": os.getpid(), "since": time.time(), "purpose": purpose}
        part.write_text(json.dumps(data), encoding="utf-8")
        part.replace(folder / OWNER)
    except OSError:
        pass


def lock_holder(folder: Path) -> int | None:
    """The pid of the process holding the index's writer lock, 0 if unknown, None if free."""
    from whoosh.util.filelock import FileLock

    if not (folder / f"{INDEX_NAME}_WRITELOCK").exists():
        return None
    lock = FileLock(str(folder / f"{INDEX_NAME}_WRITELOCK"))
    try:
        if lock.acquire(blocking=False):
            lock.release()
            return None
    except OSError:
        return 0
    try:
        pid = int(json.loads((folder / OWNER).read_text(encoding="utf-8"))["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0
    return pid if pid != os.getpid() else 0


def busy_message(folder: Path) -> str:
    """What to tell a user whose command waits for another process's index writer."""
    pid = lock_holder(folder)
    who = f" (pid {pid})" if pid else ""
    return f"another process is updating the search index{who}; try again when it has finished"


def verify(ix: FileIndex, deep: bool = False) -> None:
    """Read the index's structures; raises on corrupt files (deep: checksums, stored fields)."""
    if deep:
        verify_checksums(Path(ix.storage.folder))
    with ix.searcher() as s:
        for reader, _offset in s.reader().leaf_readers():
            reader.doc_count_all()
            if deep:
                for _ in reader.all_stored_fields():
                    pass
                for name in ("body", "title"):
                    if name in reader.schema:
                        for _ in reader.lexicon(name):
                            pass


def _digest(path: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def record_checksums(folder: Path) -> None:
    """After a commit: remember a hash of each segment file (segments never change)."""
    path = folder / CHECKSUMS
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        old = {}
    new = {}
    for seg in folder.glob("*.seg"):
        size = seg.stat().st_size
        prev = old.get(seg.name)
        new[seg.name] = prev if prev and prev[0] == size else [size, _digest(seg)]
    part = path.with_name(path.name + ".part")
    part.write_text(json.dumps(new), encoding="utf-8")
    part.replace(path)


def verify_checksums(folder: Path) -> None:
    """Raise IndexBroken when a segment file differs from what was written."""
    try:
        known = json.loads((folder / CHECKSUMS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return  # written by a version without checksums: the deep read has to do
    for seg in folder.glob("*.seg"):
        want = known.get(seg.name)
        if want is not None and (seg.stat().st_size != want[0] or _digest(seg) != want[1]):
            raise IndexBroken(f"segment {seg.name} is damaged")
