"""Rebuilding the index in chunks that can stop at any moment and resume where they stopped.

Every function here runs on the one writer of a process (see writer.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from whoosh.index import FileIndex
from whoosh.writing import SegmentWriter

from desktop_app.core.search import indexer, store
from desktop_app.core.search.indexer import Batch, note_doc
from desktop_app.core.storage import search_source as src


class Stopped(Exception):
    """A rebuild was told to stop; what it committed stays, and it resumes from there."""


@dataclass(frozen=True)
class Progress:
    """How far a rebuild is: items (live articles and free notes) in the index, of all."""

    done: int
    total: int

    @property
    def percent(self) -> int:
        """Whole percent done, at most 99 (a rebuild that has ended has no progress)."""
        if self.total <= 0:
            return 0
        return min(99, self.done * 100 // self.total)


def progress_at(conn: sqlite3.Connection, cur: store.Cursor) -> Progress:
    """How far a rebuild at this cursor is."""
    # Every article counts as done once the pass is on the free notes.
    article = cur.last_article if cur.notes else cur.article
    done, total = src.rebuild_counts(conn, article, cur.note, cur.last_article, cur.last_note)
    return Progress(done, total)


def _at_end(cur: store.Cursor) -> store.Cursor:
    """The cursor of a rebuild whose pass is over."""
    return replace(cur, article=cur.last_article, note=cur.last_note, notes=True)


def _never() -> bool:
    return False


# The first commit of a rebuild holds this many documents, each next one twice as many, up to
# indexer.BATCH_DOCS: the first results are searchable soon, and a long rebuild makes few segments.
FIRST_CHUNK_DOCS = 500
IDS_AT_ONCE = 100  # articles or notes read from the database at once
PROGRESS_EVERY = 50  # items between two progress reports inside a chunk


class Rebuild:
    """A rebuild of the whole index in chunks; each commit records how far it got.

    The pass goes over the live articles in id order (each with its highlights and notes),
    then over the free notes. Each chunk takes the writer lock, reads the cursor from the
    index (another process may have moved it on), adds its documents and commits them with
    the new cursor: a chunk that stops midway is dropped whole, and the next start goes on
    from the last commit. The commit that ends the pass records the index as current at the
    change_log seq the rebuild started at, so the ordinary catch-up then indexes whatever
    changed in the library meanwhile.
    """

    def __init__(
        self,
        ix: FileIndex,
        conn: sqlite3.Connection,
        start_seq: int,
        timeout: float,
        stop: Callable[[], bool],
        on_progress: Callable[[Progress], None] | None,
    ) -> None:
        self.ix, self.conn, self.start_seq, self.timeout = ix, conn, start_seq, timeout
        self.stop = stop
        self.on_progress = on_progress
        self.chunk_docs = FIRST_CHUNK_DOCS
        self.docs = 0  # documents this process wrote and committed
        self.chunks = 0  # chunks this process committed
        self.resumed = False
        self.finished = False
        meta = store.read_meta(ix)
        cur = meta.cursor if meta is not None else None
        self.progress = self._count(cur or store.Cursor())

    @classmethod
    def begin(
        cls,
        folder: Path,
        conn: sqlite3.Connection,
        timeout: float = 10.0,
        stop: Callable[[], bool] = _never,
        on_progress: Callable[[Progress], None] | None = None,
        resume: bool = True,
    ) -> Rebuild:
        """Go on with the rebuild an interrupted process left in folder, or start anew.

        Starting anew wipes the folder and commits an empty index with its cursor at once.
        """
        ix = store.open_index(folder)
        meta = _safe_meta(ix) if ix is not None else None
        if resume and ix is not None and meta is not None and meta.resumable:
            job = cls(ix, conn, meta.seq, timeout, stop, on_progress)
            job.resumed = True
            return job
        ix = store.create(folder)
        seq = src.max_seq(conn)
        # Items after these ids came after seq: the catch-up that follows the pass takes them.
        last_article, last_note = src.last_article_and_note_ids(conn)
        w = store.open_writer(ix, timeout, bulk=True, purpose="rebuild")
        store.write_meta(w, seq, cursor=store.Cursor(0, 0, False, last_article, last_note))
        w.commit()
        store.record_checksums(folder)
        return cls(ix, conn, seq, timeout, stop, on_progress)

    def _count(self, cur: store.Cursor) -> Progress:
        return progress_at(self.conn, cur)

    def _report(self, progress: Progress) -> None:
        self.progress = progress
        if self.on_progress is not None:
            self.on_progress(progress)

    def step(self, timeout: float | None = None) -> bool:
        """Index and commit the next chunk; True once the pass is over (the index current).

        Raises Stopped (nothing of the chunk kept) as soon as stop() says so, and IndexBusy
        when another process holds the writer lock beyond timeout.
        """
        if self.finished:
            return True
        if self.stop():
            raise Stopped()
        wait = self.timeout if timeout is None else timeout
        batch = Batch(self.ix, self.conn, True, wait, fresh=True)
        batch.hold()
        assert batch.writer is not None
        _stoppable_commit(batch.writer, self.stop)
        try:
            meta = _safe_meta(self.ix)
            if meta is None or not meta.resumable:
                # Finished by another process, or replaced by a newer rebuild: nothing to do
                # here unless the index is whole.
                batch.cancel()
                self.finished = meta is not None and meta.current
                if not self.finished:
                    raise store.IndexBroken("the index being rebuilt was replaced")
                return True
            assert meta.cursor is not None
            self.start_seq = meta.seq
            cur = self._fill(batch, meta.cursor)
        except BaseException:
            batch.cancel()
            raise
        done = cur is None
        written = batch.docs
        try:
            if done:
                batch.commit(self.start_seq, final=True)
            else:
                batch.commit(self.start_seq, cursor=cur)
        except BaseException:
            # Stopped while writing the segment: the TOC still names the segments before it,
            # and the next commit removes the files this one had begun.
            batch.cancel()
            raise
        self.docs += written
        self.chunks += 1
        self.chunk_docs = min(indexer.BATCH_DOCS, self.chunk_docs * 2)
        self.finished = done
        self._report(self._count(cur or _at_end(meta.cursor)))
        return done

    def _fill(self, batch: Batch, cur: store.Cursor) -> store.Cursor | None:
        """Add documents after cur until the chunk is full; the new cursor, None at the end."""
        progress = self._count(cur)
        items = 0
        while True:
            articles: dict[int, src.ArticleSource] = {}
            children: dict[int, tuple[list[int], list[int]]] = {}
            notes: dict[int, src.NoteSource] = {}
            if not cur.notes:
                ids = src.live_article_ids_after(
                    self.conn, cur.article, cur.last_article, IDS_AT_ONCE
                )
                if not ids:
                    cur = replace(cur, notes=True)
                    continue
                articles = src.articles(self.conn, ids)
                children = src.children_of(self.conn, ids)
            else:
                ids = src.free_note_ids_after(self.conn, cur.note, cur.last_note, IDS_AT_ONCE)
                if not ids:
                    return None
                notes = src.notes(self.conn, ids)
            for item_id in ids:
                if batch.docs >= self.chunk_docs:
                    return cur
                if self.stop():
                    raise Stopped()
                if cur.notes:
                    note = notes.get(item_id)
                    if note is not None:
                        batch.add(note_doc(note))
                    cur = replace(cur, note=item_id)
                else:
                    a = articles.get(item_id)
                    if a is not None and not a.meta.deleted:
                        indexer.add_article(batch, a, children)
                    cur = replace(cur, article=item_id)
                items += 1
                if items % PROGRESS_EVERY == 0:
                    self._report(Progress(progress.done + items, progress.total))


STOP_CHECK_EVERY = 4096  # postings written between two looks at stop() during a commit


def _stoppable_commit(writer: SegmentWriter, stop: Callable[[], bool]) -> None:
    """Let stop() interrupt writer's commit while it writes the postings (most of a commit:
    seconds for a few thousand documents), by raising Stopped from the stream it writes.

    Relies on SegmentWriter.pool.iter_postings (whoosh 2.7, pinned); test_rebuild covers it.
    """
    pool = writer.pool
    postings = pool.iter_postings

    def checked() -> Any:
        for n, item in enumerate(postings()):
            if not n % STOP_CHECK_EVERY and stop():
                raise Stopped()
            yield item

    pool.iter_postings = checked


def _safe_meta(ix: FileIndex) -> store.Meta | None:
    try:
        return store.read_meta(ix)
    except Exception:  # an unreadable index has no cursor to trust
        return None
