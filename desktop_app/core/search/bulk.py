"""A spawned helper process that indexes a large backlog (a bulk import) on another core.

Spawned, never forked: safe in a process with threads (the GUI) and on Windows and macOS.
The helper only replays change_log, so the parent may stop it at any point and catch up itself.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from desktop_app.core.spawned import follow_parent

# The helper commits when this many changes have piled up (or when told to finish).
COMMIT_EVERY = 4000
POLL_S = 0.25


class Helper:
    """Handle on a running helper process."""

    def __init__(self, proc: Any, pipe: Connection) -> None:
        self.proc = proc
        self.pipe = pipe
        self.error: str | None = None
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
            while self.pipe.poll(timeout if timeout is not None else 3600):
                kind, value = self.pipe.recv()
                if kind == "error":
                    self.error = value
                if kind in ("done", "error"):
                    break
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
    """The helper's main loop: replay change_log in big commits until told to finish."""
    follow_parent()
    from desktop_app.core.search import indexer, store
    from desktop_app.core.storage import search_source as src
    from desktop_app.core.storage.db import DB_NAME

    try:
        folder = store.index_dir(Path(library_folder))
        ix = store.open_index(folder)
        if ix is None:
            raise store.IndexBroken("no index to write")
        meta = store.read_meta(ix)
        seq = meta.seq if meta else 0
        conn = sqlite3.connect(str(Path(library_folder) / DB_NAME), timeout=30.0)
        conn.row_factory = sqlite3.Row
        finishing = False
        while True:
            if pipe.poll(POLL_S):
                finishing = pipe.recv() == "finish" or finishing
            upto = src.max_seq(conn)
            if upto > seq and (finishing or upto - seq >= COMMIT_EVERY):
                seq, _ = indexer.catch_up(ix, conn, seq, bulk=True, merge=False)
            if finishing and src.max_seq(conn) <= seq:
                break
        conn.close()
        pipe.send(("done", seq))
    except Exception as exc:  # reported to the parent, which catches up itself
        try:
            pipe.send(("error", f"{type(exc).__name__}: {exc}"))
        except OSError:
            pass
