"""Turn database rows into index documents; catch up with change_log; check (rebuild.py rebuilds).

Every function here runs on the one writer of the process (see writer.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh.index import FileIndex
from whoosh.writing import SegmentWriter

from desktop_app.core.search import store
from desktop_app.core.search.fastwrite import FastWriter
from desktop_app.core.search.schema import META_ID
from desktop_app.core.storage import search_source as src

# Documents per commit during a long catch-up or a rebuild.
BATCH_DOCS = 5000


def _year(date: str) -> str:
    return date[:4] if len(date) >= 4 and date[:4].isdigit() else ""


def _meta_fields(m: src.ArticleMeta | None) -> dict[str, Any]:
    if m is None:
        return {}
    out: dict[str, Any] = {"aid": str(m.id)}
    if m.source:
        out["source"] = m.source
        out["f_source"] = m.source
    if m.published:
        out["date"] = m.published
    if _year(m.published):
        out["f_year"] = _year(m.published)
    if m.language:
        out["lang"] = m.language.lower()
    return out


def article_doc(a: src.ArticleSource) -> dict[str, Any]:
    """The index document of an article."""
    doc = _meta_fields(a.meta)
    doc.update(id=f"a{a.meta.id}", kind="article", fp=a.fingerprint, title=a.meta.title)
    doc["body"] = a.text
    if a.tags:
        doc["tag"] = "\n".join(a.tags)
    return doc


def highlight_doc(h: src.HighlightSource) -> dict[str, Any]:
    """The index document of a highlight: its quote, label and note, and its article's metadata."""
    doc = _meta_fields(h.article)
    # The note goes in the body after the quote, as the hit's text shows them.
    body = f"{h.exact}\n{h.note}" if h.note else h.exact
    doc.update(id=f"h{h.id}", kind="highlight", fp=h.fingerprint, body=body)
    doc["atitle"] = h.article.title
    if h.label:
        doc["label"] = h.label
        doc["f_label"] = h.label
    return doc


def note_doc(n: src.NoteSource) -> dict[str, Any]:
    """The index document of a free note or a note on an article."""
    doc = _meta_fields(n.article)
    doc.update(id=f"n{n.id}", kind="note", fp=n.fingerprint, body=n.body)
    if n.article is not None:
        doc["atitle"] = n.article.title
    return doc


@dataclass
class Work:
    """Items to (re)index; articles bring their highlights and notes along."""

    articles: set[int] = field(default_factory=set)
    highlights: set[int] = field(default_factory=set)
    notes: set[int] = field(default_factory=set)

    def __len__(self) -> int:
        return len(self.articles) + len(self.highlights) + len(self.notes)


class Batch:
    """One writer session: adds documents, commits every BATCH_DOCS with a safe seq."""

    def __init__(
        self,
        ix: FileIndex,
        conn: sqlite3.Connection,
        bulk: bool,
        timeout: float,
        fresh: bool = False,
    ) -> None:
        self.ix, self.conn, self.bulk, self.timeout, self.fresh = ix, conn, bulk, timeout, fresh
        self.merge: bool | None = None
        # A rebuild's commits before its last one hold only part of the library.
        self.partial = fresh
        self.writer: SegmentWriter | None = None
        self.docs = 0
        self.total = 0
        # Ids added since the last commit: Whoosh deletes only committed documents, so a
        # second add of the same id in one commit would leave two copies.
        self.added: set[str] = set()
        self.aids: set[str] = set()  # the articles of the documents added since the last commit
        # When known: every article id with documents in the index. The others need no delete
        # before their add (a bulk import's new articles: each delete searches every segment).
        self.known: set[str] | None = None

    def _w(self) -> SegmentWriter:
        if self.writer is None:
            self.writer = store.open_writer(
                self.ix, self.timeout, self.bulk, writer_class=FastWriter
            )
        return self.writer

    def hold(self) -> None:
        """Take the writer lock now (IndexBusy names the process that has it)."""
        self._w()

    def cancel(self) -> None:
        """Drop what was added since the last commit and release the lock."""
        if self.writer is not None:
            w, self.writer = self.writer, None
            w.cancel()

    def is_new(self, aid: int) -> bool:
        """True when the index surely holds no document of this article."""
        return self.known is not None and str(aid) not in self.known and str(aid) not in self.aids

    def add(self, doc: dict[str, Any], new: bool = False) -> None:
        """Add (replacing by id, unless new) one document."""
        if doc["id"] in self.added:
            return
        self.added.add(doc["id"])
        if "aid" in doc:
            self.aids.add(doc["aid"])
        if self.fresh or new:
            self._w().add_document(**doc)
        else:
            self._w().update_document(**doc)
        self.docs += 1
        self.total += 1

    def delete_article(self, aid: int) -> None:
        """Remove an article's document and those of its highlights and notes."""
        self._w().delete_by_term("aid", str(aid))

    def delete(self, doc_id: str) -> None:
        """Remove one document by id."""
        self._w().delete_by_term("id", doc_id)

    def commit(self, seq: int, final: bool = False, cursor: store.Cursor | None = None) -> None:
        """Commit what was added, recording seq (and a rebuild's cursor unless final)."""
        w = self._w()
        gen = w.generation
        store.write_meta(
            w, seq, partial=self.partial and not final, cursor=None if final else cursor
        )
        if self.bulk and not final or self.merge is False:
            w.commit(merge=False)
        else:
            w.commit(mergetype=merge_tiny)
        store.record_checksums(Path(self.ix.storage.folder))
        self.writer = None
        self.docs = 0
        self.added = set()
        if self.known is not None:
            self.known |= self.aids
        self.aids = set()
        if self.known is not None and not final:
            # Keep the lock between commits, and should another process have committed in the
            # moment between, learn again which articles the index holds.
            if self._w().generation != gen + 1:
                self.known = indexed_articles(self.ix)

    def overlaps(self, work: Work) -> bool:
        """True when work would index again something added since the last commit.

        Whoosh deletes only committed documents: such work must wait for a commit. An article
        counts with the highlights and notes that carry its id.
        """
        return (
            any(str(a) in self.aids for a in work.articles)
            or any(f"h{h}" in self.added for h in work.highlights)
            or any(f"n{n}" in self.added for n in work.notes)
        )

    def maybe_commit(self, seq: int) -> None:
        """Commit when the batch is full."""
        if self.docs >= BATCH_DOCS:
            self.commit(seq)


SMALL_MERGE_DOCS = 200  # live commits merge their own small segments up to this many docs
BIG_MERGE_DOCS = 2000  # ... and, once there are many segments, up to this many
MANY_SEGMENTS = 10


def merge_tiny(writer: SegmentWriter, segments: list[Any]) -> list[Any]:
    """Merge policy for live commits: merge the smallest segments, with a bounded cost.

    Whoosh's default can merge big segments left by a bulk import into a live commit, which
    would hold up a new highlight for seconds.
    """
    from whoosh.reading import SegmentReader

    budget = BIG_MERGE_DOCS if len(segments) >= MANY_SEGMENTS else SMALL_MERGE_DOCS
    picked: list[Any] = []
    total = 0
    for seg in sorted(segments, key=lambda s: s.doc_count_all()):
        if total + seg.doc_count_all() > budget:
            break
        picked.append(seg)
        total += seg.doc_count_all()
    if len(picked) < (2 if len(segments) >= MANY_SEGMENTS else 4):
        return segments
    for seg in picked:
        reader = SegmentReader(writer.storage, writer.schema, seg)
        writer.add_reader(reader)
        reader.close()
    keep = {id(s) for s in picked}
    return [s for s in segments if id(s) not in keep]


def add_article(
    batch: Batch,
    a: src.ArticleSource,
    children: dict[int, tuple[list[int], list[int]]],
    new: bool = False,
) -> None:
    """Add an article's document and those of its highlights and notes (children: what
    src.children_of gave for a run of articles that includes this one)."""
    batch.add(article_doc(a), new)
    hls, nts = children.get(a.meta.id, ([], []))
    for h in src.highlights(batch.conn, hls).values():
        batch.add(highlight_doc(h), new)
    for n in src.notes(batch.conn, nts).values():
        batch.add(note_doc(n), new)


def apply(batch: Batch, work: Work, seq_after: Callable[[], int]) -> None:
    """Index the items of work (deleting what is gone or trashed); commits as batches fill."""
    conn = batch.conn
    art_ids = sorted(work.articles)
    for i in range(0, len(art_ids), 500):
        chunk = art_ids[i : i + 500]
        found = src.articles(conn, chunk)
        children = src.children_of(conn, chunk)
        for aid in chunk:
            new = batch.is_new(aid)
            if not new:
                batch.delete_article(aid)
            a = found.get(aid)
            if a is not None and not a.meta.deleted:
                add_article(batch, a, children, new)
        batch.maybe_commit(seq_after())
    hl_ids = sorted(work.highlights)
    for i in range(0, len(hl_ids), 500):
        chunk = hl_ids[i : i + 500]
        found_h = src.highlights(conn, chunk)
        for hid in chunk:
            batch.delete(f"h{hid}")
            hl = found_h.get(hid)
            if hl is not None and not hl.article.deleted:
                batch.add(highlight_doc(hl))
    note_ids = sorted(work.notes)
    for i in range(0, len(note_ids), 500):
        chunk = note_ids[i : i + 500]
        found_n = src.notes(conn, chunk)
        for nid in chunk:
            batch.delete(f"n{nid}")
            note = found_n.get(nid)
            if note is not None and not (note.article and note.article.deleted):
                batch.add(note_doc(note))


def work_from_changes(changes: list[tuple[str, int]]) -> Work:
    """Group change_log rows by kind."""
    work = Work()
    for kind, item in changes:
        if kind == "article":
            work.articles.add(item)
        elif kind == "highlight":
            work.highlights.add(item)
        elif kind == "note":
            work.notes.add(item)
    # An article's own reindex covers its highlights and notes.
    return work


def catch_up(
    ix: FileIndex,
    conn: sqlite3.Connection,
    from_seq: int,
    bulk: bool = False,
    timeout: float = 10.0,
    merge: bool | None = None,
) -> tuple[int, int]:
    """Replay change_log rows after from_seq; returns (new seq, documents written)."""
    upto = src.max_seq(conn)
    if upto <= from_seq:
        return from_seq, 0
    changes = src.changes_since(conn, from_seq, upto)
    batch = Batch(ix, conn, bulk or len(changes) > 500, timeout)
    batch.merge = merge
    apply(batch, work_from_changes(changes), lambda: from_seq)
    batch.commit(upto, final=True)
    return upto, batch.total


def indexed_articles(ix: FileIndex) -> set[str]:
    """The article ids (as text) that documents in the index carry, deleted ones included."""
    with ix.reader() as r:
        if "aid" not in r.indexed_field_names():
            return set()
        return {t.decode("utf-8") for t in r.lexicon("aid")}


def indexed_fingerprints(ix: FileIndex) -> dict[str, str]:
    """Document id -> fingerprint of every result document in the index."""
    out: dict[str, str] = {}
    with ix.searcher() as s:
        for fields in s.all_stored_fields():
            doc_id = fields.get("id", "")
            if doc_id and doc_id != META_ID and doc_id[0] in "ahn":
                out[doc_id] = fields.get("fp", "")
    return out


def covered(work: Work, pending: Work, conn: sqlite3.Connection) -> Work:
    """The items of work that pending will not reindex (an article brings its children)."""
    left = Work(work.articles - pending.articles)
    left.highlights = work.highlights - pending.highlights
    left.notes = work.notes - pending.notes
    if pending.articles and (left.highlights or left.notes):
        left.highlights = {
            h for h in left.highlights if src.highlight_article(conn, h) not in pending.articles
        }
        left.notes = {n for n in left.notes if src.note_article(conn, n) not in pending.articles}
    return left


def stale_items(ix: FileIndex, conn: sqlite3.Connection) -> Work:
    """What differs between the index and the database, as work to redo."""
    want = src.expected_fingerprints(conn)
    have = indexed_fingerprints(ix)
    work = Work()
    for doc_id in set(want) ^ set(have) | {d for d in want if d in have and want[d] != have[d]}:
        kind, num = doc_id[0], int(doc_id[1:])
        {"a": work.articles, "h": work.highlights, "n": work.notes}[kind].add(num)
    return work
