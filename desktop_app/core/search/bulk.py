"""A spawned helper process that indexes a bulk import on another core while it is stored.

Spawned, never forked: safe in a process with threads (the GUI) and on Windows and macOS.
The helper only replays change_log, so the parent may stop it at any point and catch up itself.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from desktop_app.core.spawned import follow_parent

# The helper indexes changes as they arrive and commits a segment every this many documents
# (segments as large as a rebuild's, so that searches stay as fast), and when told to finish.
COMMIT_DOCS = 5000
CHUNK_CHANGES = 2000  # change_log rows read at a time
POLL_S = 0.05  # how often an idle helper looks for new changes
# A helper that has found nothing new for this long commits and exits: the writer thread of
# its parent indexes the next small changes (a new highlight) within a fraction of a second.
IDLE_EXIT_S = 1.0
LOCK_TIMEOUT_S = 30.0


class Helper:
    """Handle on a running helper process."""

    def __init__(self, proc: Any, pipe: Connection) -> None:
        self.proc = proc
        self.pipe = pipe
        self.error: str | None = None
        self.committed = -1  # the newest seq the helper said it committed
        self._ended = False  # it said "done" or "error"
        self._finished = False

    @classmethod
    def start(cls, library_folder: Path, seq: int) -> Helper:
        """Start a helper for this library's index."""
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        proc = ctx.Process(
            target=run, args=(str(library_folder), child), name="hamish-indexer", daemon=True
        )
        proc.start()
        child.close()
        return cls(proc, parent)

    def alive(self) -> bool:
        """True while the process runs."""
        return bool(self.proc.is_alive())

    def _read(self) -> None:
        kind, value = self.pipe.recv()
        if kind in ("committed", "done"):
            self.committed = max(self.committed, int(value))
        elif kind == "error":
            self.error = value
        if kind in ("done", "error"):
            self._ended = True

    def poll(self) -> int:
        """Read what the helper said so far (without waiting); the newest seq it committed."""
        try:
            while not self._ended and not self._finished and self.pipe.poll(0):
                self._read()
        except (EOFError, OSError):
            pass
        return self.committed

    def finish(self, timeout: float | None = None) -> None:
        """Ask the helper to index what is left, commit and exit; wait for it."""
        if self._finished:
            return
        self._finished = True
        try:
            self.pipe.send("finish")
        except (BrokenPipeError, OSError):
            pass
        try:
            while not self._ended and self.pipe.poll(timeout if timeout is not None else 3600):
                self._read()
        except (EOFError, OSError):
            pass
        self.proc.join(timeout)
        if self.proc.is_alive():
            self.proc.terminate()
            self.proc.join(5)
        self.pipe.close()

    def stop(self) -> None:
        """End the helper now, without waiting for its batch (change_log keeps what it had)."""
        self._finished = True
        if self.proc.is_alive():
            self.proc.terminate()
        self.proc.join(5)
        self.pipe.close()


def run(library_folder: str, pipe: Connection) -> None:
    """The helper's main loop: index changes as they arrive, commit in large segments.

    The writer stays open between commits, so that indexing keeps pace with the import
    instead of waiting for a backlog; a commit records the change_log seq it covers.
    """
    follow_parent()
    from desktop_app.core.search import indexer, store
    from desktop_app.core.storage import search_source as src
    from desktop_app.core.storage.db import DB_NAME

    try:
        folder = store.index_dir(Path(library_folder))
        ix = store.open_index(folder)
        if ix is None:
            raise store.IndexBroken("no index to write")
        conn = sqlite3.connect(str(Path(library_folder) / DB_NAME), timeout=30.0)
        conn.row_factory = sqlite3.Row
        batch = indexer.Batch(ix, conn, True, LOCK_TIMEOUT_S)
        batch.merge = False
        batch.hold()  # the lock first: where the index stands cannot change while we read it
        meta = store.read_meta(ix)
        done = meta.seq if meta else 0  # every change up to here is in the writer
        batch.known = indexer.indexed_articles(ix)
        finishing = False
        idle_since = time.monotonic()
        while True:
            upto = src.max_seq(conn)
            if pipe.poll(0 if upto > done else POLL_S):
                finishing = pipe.recv() == "finish" or finishing
                upto = src.max_seq(conn)
            if upto > done:
                idle_since = time.monotonic()
                upto = min(upto, done + CHUNK_CHANGES)
                work = indexer.work_from_changes(src.changes_since(conn, done, upto))
                if batch.overlaps(work):
                    # Whoosh deletes only committed documents: commit before indexing an item
                    # a second time.
                    _commit(batch, done, pipe)
                indexer.apply(batch, work, lambda before=done: before)  # type: ignore[misc]
                done = upto
                if batch.docs >= COMMIT_DOCS:
                    _commit(batch, done, pipe)
            elif finishing or time.monotonic() - idle_since > IDLE_EXIT_S:
                batch.commit(done, final=True)
                break
        conn.close()
        pipe.send(("done", done))
    except Exception as exc:  # reported to the parent, which catches up itself
        try:
            pipe.send(("error", f"{type(exc).__name__}: {exc}"))
        except OSError:
            pass


def _commit(batch: Any, seq: int, pipe: Connection) -> None:
    """Commit what the batch holds (a segment of its own) and tell the parent."""
    if batch.docs == 0:
        return
    batch.commit(seq)
    try:
        pipe.send(("committed", seq))
    except OSError:
        pass
