"""The one index writer of a process: a thread that owns the index, catches up and repairs it.

Everything that writes the index runs on this thread; callers wait with `flush()` or `call()`.
A rebuild (a missing, damaged or outdated index) runs here in chunks between other work, with
its progress told to listeners; closing stops it within a chunk, and the next start resumes it.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from whoosh.index import FileIndex

from desktop_app.core.search import indexer, rebuild, store
from desktop_app.core.search.schema import INDEX_VERSION
from desktop_app.core.sessions import Session
from desktop_app.core.storage import search_source as src
from desktop_app.core.storage.db import DB_NAME, connect

log = logging.getLogger(__name__)
T = TypeVar("T")

DEBOUNCE_S = 0.02  # wait this long for more changes before a commit
MAX_DELAY_S = 0.1  # but never longer than this after the first one
# A backlog this large is indexed by a helper process (see bulk.py) when one is allowed.
BULK_THRESHOLD = 400
HELPER_POLL_S = 0.25  # how often the writer thread looks at a running helper
# A background rebuild waits this long for another process's writer lock, then tries again
# later: the thread stays free for close() and for callers.
REBUILD_LOCK_WAIT_S = 0.2
REBUILD_RETRY_S = 1.0
# A background rebuild starts its work this long after it was asked for: the window that asked
# is still being built and drawn, and would otherwise share the interpreter with it.
REBUILD_START_DELAY_S = 1.0
CLOSE_WAIT_S = 30.0  # close() waits this long for work that cannot stop midway (a commit)


@dataclass(frozen=True)
class CheckReport:
    """What `check` found and did."""

    ok: bool
    articles: int
    indexed: int
    stale: int  # items the index had wrong (not counting changes it had yet to index)
    repaired: bool
    reason: str = ""
    behind: int = 0  # changes in the database the index had yet to take in


class IndexWriter:
    """The writer thread for one library's index."""

    def __init__(self, library_folder: Path, lock_timeout: float = 10.0) -> None:
        self.library_folder = Path(library_folder)
        self.folder = store.index_dir(self.library_folder)
        self.lock_timeout = lock_timeout
        self.allow_helper = False
        # The window's writer (live.attach(background=True)): a rebuild goes on between other
        # work and stops when the window closes. A command rebuilds in one go, as it waits
        # for the index at exit anyway, and hands a large backlog to the helper after it.
        self.background = False
        self.bulk_threshold = BULK_THRESHOLD
        self.helper_runs = 0
        self.rebuilt_docs = 0  # documents that rebuilds wrote and committed in this process
        self._cond = threading.Condition()
        self._tasks: deque[tuple[Callable[[], Any], Future[Any]]] = deque()
        self._dirty = False
        self._debouncing = False  # notify() need not wake the thread: it looks when it is done
        self._closed = False
        self._ix: FileIndex | None = None
        self._seq = -1
        self._gen = -1  # the index generation whose meta document _seq was read from
        self._conn: sqlite3.Connection | None = None
        self._listeners: list[Callable[[int], None]] = []
        self._helper: Any = None
        self._abandoned = False
        self._job: rebuild.Rebuild | None = None  # a rebuild under way
        self._retry_at = 0.0  # when a background rebuild does its next chunk (start, lock)
        self._progress: rebuild.Progress | None = None
        self._progress_listeners: list[Callable[[rebuild.Progress | None], None]] = []
        self.last_error: Exception | None = None
        # The writer holds the library open too: a kill while it writes is noticed next time.
        self._session = Session(self.library_folder, "index")
        self._thread = threading.Thread(target=self._run, name="hamish-index-writer", daemon=True)
        self._thread.start()

    # -- public -----------------------------------------------------------------------------
    @property
    def closed(self) -> bool:
        """True once close() was called."""
        return self._closed

    def notify(self) -> None:
        """Something changed in the database: catch up soon."""
        with self._cond:
            # One wake-up per debounce: a bulk import notifies for every article, and waking
            # the thread each time costs the importing thread the interpreter lock.
            wake = not self._dirty and not self._debouncing
            self._dirty = True
            if wake:
                self._cond.notify()

    def add_listener(self, fn: Callable[[int], None]) -> None:
        """Call fn(seq) on the writer thread after each commit."""
        self._listeners.append(fn)

    def remove_listener(self, fn: Callable[[int], None]) -> None:
        """Stop calling fn."""
        if fn in self._listeners:
            self._listeners.remove(fn)

    @property
    def progress(self) -> rebuild.Progress | None:
        """How far the rebuild under way is, or None when there is none."""
        return self._progress

    def add_progress_listener(self, fn: Callable[[rebuild.Progress | None], None]) -> None:
        """Call fn(progress) on the writer thread as a rebuild goes on; fn(None) at its end."""
        self._progress_listeners.append(fn)

    def remove_progress_listener(self, fn: Callable[[rebuild.Progress | None], None]) -> None:
        """Stop calling fn."""
        if fn in self._progress_listeners:
            self._progress_listeners.remove(fn)

    def call(self, fn: Callable[[], T], timeout: float | None = None) -> T:
        """Run fn on the writer thread and return its result (or raise its error)."""
        if threading.current_thread() is self._thread:
            return fn()
        fut: Future[T] = Future()
        with self._cond:
            if self._closed:
                raise RuntimeError("the index writer is closed")
            self._tasks.append((fn, fut))
            self._cond.notify()
        return fut.result(timeout)

    def flush(self, timeout: float | None = None) -> int:
        """Bring the index up to the database's current state; returns the seq it reflects."""
        return self.call(self._flush, timeout)

    def check(self, repair: bool = True, wait: float | None = None) -> CheckReport:
        """Compare the index with the database; repair what is stale, broken or missing.

        Another process's writer is waited for up to `wait` seconds (default: the lock
        timeout), then IndexBusy names it: a check never reports on an index that is being
        written, nor a repair that did not happen.
        """
        return self.call(lambda: self._check(repair, self.lock_timeout if wait is None else wait))

    def reindex(self) -> int:
        """Rebuild the index from the database; returns the number of documents."""
        return self.call(self._rebuild)

    def close(self) -> None:
        """Stop the thread after the queued work (pending changes stay in change_log).

        A rebuild under way stops at once, dropping its uncommitted chunk: it resumes from its
        last commit at the next start.
        """
        with self._cond:
            if self._closed:
                return
            self._closed = True
            self._cond.notify()
        self._thread.join(timeout=CLOSE_WAIT_S)

    def abandon(self, timeout: float = 5.0) -> None:
        """Stop at once (Ctrl+C): no last catch-up, a helper ended without waiting for it.

        Nothing is lost: what is not indexed stays in change_log for the next process.
        """
        with self._cond:
            self._abandoned = True
            self._closed = True
            self._dirty = False
            dropped, self._tasks = list(self._tasks), deque()
            self._cond.notify()
        for _fn, fut in dropped:
            fut.set_exception(RuntimeError("the index writer was stopped"))
        self._thread.join(timeout=timeout)

    # -- the thread -------------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._tasks and not self._closed:
                    if self._job is not None:
                        wait = self._retry_at - time.monotonic()
                        if wait <= 0:
                            break
                        self._cond.wait(wait)
                    elif self._dirty:
                        break
                    elif self._helper is not None:
                        if not self._cond.wait(HELPER_POLL_S):
                            self._dirty = True  # see what the helper committed, whether it ended
                    else:
                        self._cond.wait()
                if self._tasks:
                    fn, fut = self._tasks.popleft()
                elif self._closed:
                    break
                elif self._job is not None:
                    fn, fut = self._background_step, None
                else:
                    fn, fut = self._debounced_sync, None
            try:
                result = fn()
            except Exception as exc:  # reported to the caller; the thread carries on
                self.last_error = exc
                if fut is not None:
                    fut.set_exception(exc)
                else:
                    log.warning("search index not updated: %s", exc)
            else:
                if fut is not None:
                    fut.set_result(result)
        self._finish()

    def _debounced_sync(self) -> int:
        first = time.monotonic()
        with self._cond:
            self._debouncing = True
            try:
                while True:
                    self._dirty = False
                    self._cond.wait(DEBOUNCE_S)  # woken early only by a task or close()
                    if not self._dirty or self._tasks or self._closed:
                        break
                    if time.monotonic() - first > MAX_DELAY_S:
                        break
            finally:
                self._debouncing = False
        return self._sync()

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = connect(self.library_folder / DB_NAME)
        return self._conn

    def _open(self, wait: bool = True) -> FileIndex | None:
        """The index, rebuilt first when missing, unreadable or of another version.

        An interrupted rebuild goes on where it stopped. Without wait, a rebuild only starts
        (the thread runs it in chunks between other work) and None is returned.
        """
        if self._ix is not None:
            return self._ix
        if self._job is None:
            ix = store.open_index(self.folder)
            meta = None
            if ix is not None:
                try:
                    store.verify(ix)
                    meta = store.read_meta(ix)
                except Exception:
                    meta = None
            if ix is not None and meta is not None and meta.current:
                self._ix, self._seq = ix, meta.seq
                return ix
            self._start_rebuild(resume=True, background=not wait)
        if not wait:
            return None
        self._run_rebuild()
        return self._ix

    def _flush(self) -> int:
        self._stop_helper()
        return self._sync(helper=False)

    def _sync(self, helper: bool = True) -> int:
        with self._cond:
            self._dirty = False
        if self._helper_running():
            return self._seq
        ix = self._open(wait=not (helper and self.background))
        if ix is None:  # a rebuild runs in the background; it catches up when it ends
            return self._seq
        conn = self._db()
        backlog = src.max_seq(conn) - self._seq
        if helper and self.allow_helper and backlog >= self.bulk_threshold and self._start_helper():
            return self._seq
        gen = ix.latest_generation()
        if gen != self._gen:  # another process committed: its meta says how far it got
            meta = store.read_meta(ix)  # (opening a searcher costs tens of ms: only then)
            if meta is not None and meta.version == INDEX_VERSION:
                self._seq = max(self._seq, meta.seq)
            self._gen = gen
        try:
            seq, written = indexer.catch_up(ix, conn, self._seq, timeout=self.lock_timeout)
        except store.IndexBusy:
            raise
        except Exception as exc:  # a broken segment shows up while deleting old documents
            log.warning("search index unreadable (%s); rebuilding", exc)
            if helper and self.background:
                self._start_rebuild(resume=False, background=True)
            else:
                self._rebuild()
            return self._seq
        if seq != self._seq or written:
            if self._gen == gen:  # our own commit (another's is read again next time)
                self._gen = gen + 1 if ix.latest_generation() == gen + 1 else -1
            self._seq = seq
            self._notify_listeners()
        return self._seq

    # -- rebuilds ---------------------------------------------------------------------------
    def _rebuild(self, resume: bool = False, lock_wait: float | None = None) -> int:
        """Rebuild now (a new one unless resume), to the end; the documents written."""
        self._start_rebuild(resume, background=False)
        return self._run_rebuild(lock_wait)

    def _start_rebuild(self, resume: bool, background: bool) -> None:
        """Begin or resume a rebuild; in the background its first chunks are small (results
        soon) and start after a moment, else chunks are full-size from the start."""
        self._stop_helper()
        self._ix = None
        self._job = rebuild.Rebuild.begin(
            self.folder,
            self._db(),
            self.lock_timeout,
            stop=self._stopping,
            on_progress=self._publish_progress,
            resume=resume,
        )
        if not background:
            self._job.chunk_docs = indexer.BATCH_DOCS
        self._retry_at = time.monotonic() + (REBUILD_START_DELAY_S if background else 0.0)
        self._publish_progress(self._job.progress)
        self._notify_listeners()  # searches now see the index being filled

    def _stopping(self) -> bool:
        return self._closed

    def _run_rebuild(self, lock_wait: float | None = None) -> int:
        """Run the rebuild under way to its end (Stopped when the writer closes meanwhile).

        Another process resuming the same rebuild takes turns with this one, a chunk each.
        """
        job = self._job
        assert job is not None
        while not self._rebuild_step(job, self.lock_timeout if lock_wait is None else lock_wait):
            pass
        return job.docs

    def _background_step(self) -> None:
        """One chunk of the rebuild under way; another process's lock means: later."""
        job = self._job
        if job is None:
            return
        try:
            if self._rebuild_step(job, REBUILD_LOCK_WAIT_S):
                with self._cond:
                    self._dirty = True  # index what changed in the library meanwhile
        except rebuild.Stopped:
            pass
        except store.IndexBusy:
            self._retry_at = time.monotonic() + REBUILD_RETRY_S
        except Exception as exc:  # the next change or start tries again from the last commit
            log.warning("search index rebuild stopped: %s", exc)
            self.last_error = exc
            self._job = None
            self._publish_progress(None)

    def _rebuild_step(self, job: rebuild.Rebuild, lock_wait: float) -> bool:
        """One chunk; at the end of the pass the index is current at the rebuild's start seq."""
        before = job.docs
        try:
            done = job.step(lock_wait)
        finally:
            self.rebuilt_docs += job.docs - before
        if not done:
            self._notify_listeners()
            return False
        self._job = None
        self._ix, self._seq = job.ix, job.start_seq
        meta = store.read_meta(job.ix)
        if meta is not None and meta.current:  # another process may have caught up further
            self._seq = max(self._seq, meta.seq)
        self._publish_progress(None)
        self._notify_listeners()
        return True

    def _publish_progress(self, progress: rebuild.Progress | None) -> None:
        self._progress = progress
        for fn in list(self._progress_listeners):
            try:
                fn(progress)
            except Exception:  # a listener's bug must not stop indexing
                log.exception("index progress listener failed")

    def _check(self, repair: bool, wait: float) -> CheckReport:
        self._stop_helper()
        conn = self._db()
        articles = src.article_count(conn)
        reason = ""
        resume = False
        stale = articles
        indexed = 0
        ix = store.open_index(self.folder)
        if ix is None:
            reason = "missing"
        else:
            try:
                store.verify(ix, deep=True)
                meta = store.read_meta(ix)
                if meta is None:
                    reason = "no meta document"
                elif meta.resumable:
                    assert meta.cursor is not None
                    p = rebuild.progress_at(conn, meta.cursor)
                    done = f"{p.done} of {p.total} items indexed"
                    pid = store.lock_holder(self.folder)
                    if pid:  # the window of another process rebuilds it now
                        reason = f"a rebuild is under way in process {pid} ({done})"
                    else:
                        reason = f"a rebuild was interrupted ({done})"
                    resume, stale, indexed = True, p.total - p.done, _count_articles(ix)
                elif meta.partial:
                    reason = "a rebuild was interrupted"
                elif not meta.current:
                    reason = f"version {meta.version}, expected {INDEX_VERSION}"
            except Exception as exc:
                reason = f"unreadable ({type(exc).__name__})"
        if reason:
            if not repair:
                return CheckReport(False, articles, indexed, stale, False, reason)
            self._rebuild(resume=resume, lock_wait=wait)
            self._sync(helper=False)  # and what changed while it ran
            return CheckReport(False, articles, self._count_articles(), stale, True, reason)
        assert ix is not None
        # Hold the writer lock while comparing, so that no other process commits meanwhile,
        # and read the database in one snapshot, so that its own writers cannot move it.
        batch = indexer.Batch(ix, conn, False, wait)
        batch.hold()
        try:
            conn.execute("BEGIN")
            try:
                report = self._compare(ix, batch, articles, repair)
            finally:
                conn.execute("COMMIT")
        finally:
            batch.cancel()
        return report

    def _compare(
        self, ix: FileIndex, batch: indexer.Batch, articles: int, repair: bool
    ) -> CheckReport:
        conn = batch.conn
        meta = store.read_meta(ix)  # again: another process may have committed while we waited
        assert meta is not None
        seq = src.max_seq(conn)
        changes = src.changes_since(conn, meta.seq, seq)
        pending = indexer.work_from_changes(changes)
        damaged = indexer.covered(indexer.stale_items(ix, conn), pending, conn)
        self._ix, self._seq = ix, meta.seq
        if not len(damaged) and not changes:
            return CheckReport(True, articles, self._count_articles(), 0, False)
        parts = []
        if len(damaged):
            parts.append(f"{len(damaged)} item(s) differed from the library")
        if changes:
            parts.append(f"{len(changes)} change(s) not yet indexed")
        if repair:
            indexer.apply(batch, pending, lambda: meta.seq)
            indexer.apply(batch, damaged, lambda: meta.seq)
            batch.commit(seq, final=True)
            self._seq = seq
            self._notify_listeners()
        return CheckReport(
            False,
            articles,
            self._count_articles(),
            len(damaged),
            repair,
            "; ".join(parts),
            behind=len(changes),
        )

    def _count_articles(self) -> int:
        assert self._ix is not None
        return _count_articles(self._ix)

    def _notify_listeners(self) -> None:
        for fn in list(self._listeners):
            try:
                fn(self._seq)
            except Exception:  # a listener's bug must not stop indexing
                log.exception("index listener failed")

    # -- helper process for bulk imports ----------------------------------------------------
    def _helper_running(self) -> bool:
        h = self._helper
        if h is None:
            return False
        h.poll()
        alive = bool(h.alive())
        if not alive:
            self._reap_helper()  # (reads what it said last)
        if h.committed > self._seq:  # searches can see what the helper has committed so far
            self._seq = h.committed
            self._notify_listeners()
        return alive

    def _start_helper(self) -> bool:
        from desktop_app.core.search import bulk

        try:
            self._ix = None  # the helper owns the index until it stops
            self._helper = bulk.Helper.start(self.library_folder, self._seq)
            self.helper_runs += 1
        except Exception as exc:
            log.warning("no indexing helper (%s); indexing in this process", exc)
            self._helper = None
            return False
        return True

    def _stop_helper(self, wait: bool = True) -> None:
        """End the helper: after it has indexed everything (wait), or now."""
        if self._helper is not None:
            if self._abandoned or not wait:
                self._helper.stop()
            self._helper.finish()
            self._reap_helper()

    def _reap_helper(self) -> None:
        h, self._helper = self._helper, None
        if h is not None:
            h.finish()
            if h.error:
                self.last_error = RuntimeError(h.error)
        self._ix = None

    def _finish(self) -> None:
        try:
            # Closing does not wait for a helper's backlog: change_log keeps it for next time.
            self._stop_helper(wait=False)
        finally:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            self._session.close()


def _count_articles(ix: FileIndex) -> int:
    from whoosh.query import Term

    with ix.searcher() as s:
        return sum(1 for _ in s.docs_for_query(Term("kind", "article")))


_WRITERS: dict[Path, IndexWriter] = {}
_WRITERS_LOCK = threading.Lock()


def writer_for(library_folder: Path) -> IndexWriter:
    """The process's writer for this library (created on first use)."""
    key = Path(library_folder).resolve()
    with _WRITERS_LOCK:
        w = _WRITERS.get(key)
        if w is None or w.closed:
            w = _WRITERS[key] = IndexWriter(key)
        return w


def close_all() -> None:
    """Stop every writer thread of the process."""
    with _WRITERS_LOCK:
        writers = list(_WRITERS.values())
        _WRITERS.clear()
    for w in writers:
        w.close()
