"""Bulk indexing: the faster segment writer writes the same segment; the helper process indexes
while articles arrive and ends with every change, none twice."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from whoosh.writing import SegmentWriter

from desktop_app.core.library import Library
from desktop_app.core.search import bulk, indexer, live, store
from desktop_app.core.search.fastwrite import FastWriter, text_postings
from desktop_app.core.search.writer import close_all
from desktop_app.core.storage import search_source as src
from tests.conftest import make_doc
from tests.core.test_search_index import total

TEXTS = [
    "قالَ الوَزِيرُ إنّ المفاوضات ستستمر وعلى الجميع الانتظار 📌 حتى ٣٫٥ أيام",
    "The minister said talks will go on; فلم جديد about the economy (3.5 days) and 1,000 ships",
    "ﻻ بأس — والكتاب كتابٌ وكتابُهُم، Straße café naïve ✨ e\u0301t\u00e9",
    "",
    "في في في من إلى على 🙂 🙂",
    "word" * 50 + " قصير",
]


def _docs() -> list[dict[str, Any]]:
    docs = []
    for i, text in enumerate(TEXTS):
        title = f"عنوان {i} — Title {i} الوَزِيرُ"
        docs.append(
            {
                "id": f"a{i}",
                "kind": "article",
                "aid": str(i),
                "fp": f"fp{i}",
                "title": title,
                "body": text,
                "tag": "وسم\nTag ✨",
                "source": "وكالة الأنباء",
                "f_source": "وكالة الأنباء",
                "date": "2024-05-01",
                "f_year": "2024",
                "lang": "ar",
            }
        )
        docs.append(
            {
                "id": f"h{i}",
                "kind": "highlight",
                "aid": str(i),
                "fp": f"h{i}",
                "body": text[:30] + "\nملاحظة note",
                "atitle": title,
                "label": "مهم",
                "f_label": "مهم",
            }
        )
    return docs


def _segment_contents(folder: Path, writer_class: type[SegmentWriter]) -> list[Any]:
    ix = store.create(folder)
    w = store.open_writer(ix, bulk=True, writer_class=writer_class)
    for doc in _docs():
        w.add_document(**doc)
    w.commit()
    out: list[Any] = []
    with ix.reader() as r:
        for fieldname, term in r.all_terms():
            m = r.postings(fieldname, term)
            out.append((fieldname, term, list(m.all_items())))
        out.append(list(r.all_stored_fields()))
        for fieldname in ("title", "body", "atitle", "tag", "source", "label"):
            lengths = [r.doc_field_length(d, fieldname) for d in range(r.doc_count_all())]
            out.append(
                (fieldname, lengths, r.field_length(fieldname), r.max_field_length(fieldname))
            )
    return out


def test_fast_writer_writes_the_same_segment_as_whoosh(tmp_path: Path) -> None:
    plain = _segment_contents(tmp_path / "plain", SegmentWriter)
    fast = _segment_contents(tmp_path / "fast", FastWriter)
    assert len(plain) > 50
    assert fast == plain


def test_text_postings_count_positions_past_stopwords() -> None:
    postings = {
        t.decode(): (freq, pos)
        for t, freq, _w, pos in text_postings("في البيت 📌 في البيت", True, 2.5)
    }
    # "في" is a stopword: it takes a position but makes no posting.
    assert "في" not in postings
    [(term, (freq, _))] = postings.items()
    assert freq == 2
    weight = text_postings("في البيت 📌 في البيت", True, 2.5)[0][2]
    assert weight == 5.0


def _indexed(lib: Library) -> None:
    live.attach(lib, background=True, helper=False).flush()
    close_all()


def test_a_change_to_an_item_in_the_open_batch_waits_for_a_commit(library: Library) -> None:
    _indexed(library)
    aid = library.add_document(make_doc(["نص أول firstword 📌"], "مقال")).article_id
    assert aid is not None
    ix = store.open_index(store.index_dir(library.folder))
    assert ix is not None
    conn = library.conn
    batch = indexer.Batch(ix, conn, True, 10.0)
    batch.known = indexer.indexed_articles(ix)
    seq = store.read_meta(ix).seq  # type: ignore[union-attr]
    upto = src.max_seq(conn)
    indexer.apply(batch, indexer.work_from_changes(src.changes_since(conn, seq, upto)), lambda: seq)
    assert batch.is_new(aid + 1) and not batch.is_new(aid)  # its own documents are uncommitted
    library.update_text(aid, ["نص ثانٍ secondword ✨"])
    hid = library.add_highlight(aid, 0, 3, note="ملاحظة").id
    later = indexer.work_from_changes(src.changes_since(conn, upto, src.max_seq(conn)))
    assert batch.overlaps(later)
    batch.commit(upto)
    assert not batch.overlaps(later)
    assert not batch.is_new(aid)  # committed now: the next change replaces its documents
    indexer.apply(batch, later, lambda: upto)
    batch.commit(src.max_seq(conn), final=True)
    assert total(library, "secondword") == 1
    assert total(library, "firstword") == 0
    assert hid and total(library, "ملاحظة") == 1


def test_the_helper_indexes_as_articles_arrive_and_misses_nothing(library: Library) -> None:
    _indexed(library)
    before = library.add_document(make_doc(["نص قديم oldword عن الميناء"], "قبل")).article_id
    assert before is not None
    _indexed(library)
    helper = bulk.Helper.start(library.folder, 0)
    try:
        ids = []
        for i in range(40):
            doc = make_doc([f"مقال رقم {i} عن الوَزِيرُ 📌 item{i}"], f"عنوان {i}")
            ids.append(library.add_document(doc).article_id)
            if i == 20:
                time.sleep(1.0)  # the helper has started and indexed some of them by now
        library.update_text(ids[3], ["تغيّر النص newword ✨"])
        library.update_text(before, ["نص جديد freshword"])
        library.add_highlight(ids[5], 0, 4, note="ملاحظة hlnote")
        library.delete_article(ids[7])
    finally:
        helper.finish(timeout=120)
    assert helper.error is None
    assert (total(library, "item3"), total(library, "newword")) == (0, 1)
    assert (total(library, "oldword"), total(library, "freshword")) == (0, 1)
    assert (total(library, "item7"), total(library, "item8")) == (0, 1)
    assert total(library, "hlnote") == 1
    assert total(library, "الوزير") == 38
    writer = live.attach(library, background=True, helper=False)
    try:
        report = writer.check(repair=False)
        assert report.ok, report.reason
    finally:
        close_all()


def _start_bulk(library: Library, n: int) -> Any:
    """A background writer that hands a backlog of n articles to the helper."""
    writer = live.attach(library, background=True)
    writer.flush()
    writer.bulk_threshold = 15
    for i in range(n):
        doc = make_doc([f"مقال {i} عن المِيناءِ 📌 bulk{i}"], f"عنوان {i} Title")
        library.add_document(doc)
    deadline = time.monotonic() + 60
    while writer.helper_runs == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert writer.helper_runs == 1
    return writer


def test_the_window_sees_the_helper_commit_and_then_indexes_itself(library: Library) -> None:
    seen: list[int] = []
    writer = _start_bulk(library, 60)
    writer.add_listener(seen.append)
    try:
        done = src.max_seq(library.conn)
        deadline = time.monotonic() + 60
        # The helper exits once it has found nothing new for a while; the writer thread then
        # takes over and tells its listeners how far the index is.
        while (writer._helper is not None or not seen or seen[-1] < done) and (
            time.monotonic() < deadline
        ):
            time.sleep(0.05)
        assert writer._helper is None
        assert seen and seen[-1] >= done
        assert total(library, "الميناء") == 60
        hl = library.add_highlight(1, 0, 4, note="ملاحظة بعد الاستيراد")
        assert writer.flush() >= done and writer.helper_runs == 1
        assert hl.id and total(library, "الاستيراد") == 1
    finally:
        close_all()


def test_close_stops_the_helper_and_the_next_writer_finishes_its_work(library: Library) -> None:
    writer = _start_bulk(library, 300)
    helper = writer._helper
    assert helper is not None
    writer.close()
    assert not helper.proc.is_alive()
    writer = live.attach(library, background=True, helper=False)
    try:
        writer.flush()
        assert total(library, "الميناء") == 300
        assert writer.check(repair=False).ok
    finally:
        close_all()
