"""Rebuilds in chunks: stopped by close() or SIGKILL, resumed where they stopped, never redone.

Small chunk sizes make a library of a few dozen articles take many commits.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.library import Library
from desktop_app.core.search import indexer, rebuild, store, writer
from desktop_app.core.search.service import SearchService
from desktop_app.core.search.writer import IndexWriter, close_all
from tests.child import run_hamish
from tests.conftest import make_doc

ROOT = Path(__file__).resolve().parents[2]
N_ARTICLES = 36
QUERIES = ["الوزير", "وزير OR minister", "ملاحظة", "حرة", "Vienna", "تقرير", "القرار", "مقال"]

TEXTS = [
    "قال الوَزِيرُ إن الاتفاق الجديد يخدم مصالح البلدين 📌 في مقال رقم {i}.",
    "The minister met OPEC+ delegates in Vienna, report {i}.",
    "تقرير {i}: «الاتفاق النهائي» was signed, قال المتحدث.",
    "القَرَارُ النِّهَائِيُّ رقم {i} صدر اليوم 😀.",
]


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of a few documents, so that a small library takes many commits; background
    rebuilds start at once."""
    monkeypatch.setattr(rebuild, "FIRST_CHUNK_DOCS", 4)
    monkeypatch.setattr(indexer, "BATCH_DOCS", 8)
    monkeypatch.setattr(writer, "REBUILD_START_DELAY_S", 0.0)


def fill(folder: Path) -> Library:
    """A library of N_ARTICLES articles, some highlights with notes, notes and free notes."""
    lib = Library(folder)
    for i in range(N_ARTICLES):
        text = TEXTS[i % len(TEXTS)].format(i=i)
        aid = lib.add_document(make_doc([text, f"فقرة ثانية {i}"], f"مقال {i}")).article_id
        assert aid is not None
        if i % 5 == 0:
            lib.add_highlight(aid, 0, 10, note=f"ملاحظة على التظليل {i} 📌")
        if i % 7 == 0:
            lib.add_note(f"ملاحظة على المقال {i}", article_id=aid)
    for i in range(4):
        lib.add_note(f"ملاحظة حرة {i} عن الوزير")
    return lib


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = fill(tmp_path / "lib")
    yield library
    close_all()
    library.close()


def stored_docs(folder: Path) -> dict[str, str]:
    """Document id -> fingerprint of every result document in the library's index."""
    ix = store.open_index(store.index_dir(folder))
    assert ix is not None
    return indexer.indexed_fingerprints(ix)


def results(folder: Path) -> dict[str, tuple[int, list[tuple[float, str, int | None]]]]:
    """Total and every hit with its score, for each query (equal scores in id order: their
    order in a ranking follows where the documents sit in the segments)."""
    svc = SearchService(folder)
    try:
        out = {}
        for q in QUERIES:
            r = svc.search(q, limit=100, snippets=0)
            assert r.total < 100
            hits = [(-h.score, h.kind, h.highlight_id or h.note_id or h.article_id) for h in r.hits]
            out[q] = (r.total, sorted(hits))
        return out
    finally:
        svc.close()


def meta(folder: Path) -> store.Meta:
    ix = store.open_index(store.index_dir(folder))
    assert ix is not None
    m = store.read_meta(ix)
    assert m is not None
    return m


def stop_after_commits(w: IndexWriter, n: int) -> threading.Event:
    """Close the writer right after its n-th rebuild commit (from its own thread, so no other
    chunk can start in between); returns an event set once close() was called."""
    commits = [0]
    closing = threading.Event()

    def committed(_seq: int) -> None:
        if w.progress is None:
            return
        commits[0] += 1
        if commits[0] == n:
            threading.Thread(target=w.close).start()
            while not w.closed:
                time.sleep(0.001)
            closing.set()

    w.add_listener(committed)
    return closing


def start_background_rebuild(folder: Path, stop_after: int) -> IndexWriter:
    """A writer that rebuilds in the background, as the window's does; closed after chunks."""
    w = IndexWriter(folder)
    closing = stop_after_commits(w, stop_after)
    w.notify()
    assert closing.wait(30)
    w._thread.join(30)
    return w


def expected_docs(lib: Library) -> int:
    from desktop_app.core.storage import search_source as src

    return len(src.expected_fingerprints(lib.conn))


def test_close_stops_a_rebuild_that_resumes_without_redoing_the_done_part(
    lib: Library, tmp_path: Path
) -> None:
    # The same library rebuilt from scratch in one go, for comparison.
    twin = tmp_path / "twin"
    shutil.copytree(lib.folder, twin)
    w = IndexWriter(twin)
    w.reindex()
    assert w.check(repair=False).ok
    w.close()
    want_docs, want_results = stored_docs(twin), results(twin)

    first = start_background_rebuild(lib.folder, stop_after=3)
    m = meta(lib.folder)
    assert m.partial and m.resumable and m.cursor is not None and m.cursor.article > 0
    assert not m.cursor.notes  # stopped in the articles, not at the end
    done_at_close = first.rebuilt_docs
    assert 0 < done_at_close < expected_docs(lib)
    assert len(stored_docs(lib.folder)) == done_at_close  # exactly the committed chunks

    # The next start goes on from the cursor and writes only what was left.
    progress: list[rebuild.Progress | None] = []
    second = IndexWriter(lib.folder)
    second.add_progress_listener(progress.append)
    second.flush()
    assert second.rebuilt_docs == expected_docs(lib) - done_at_close
    assert progress[0] is not None and progress[0].done > 0
    assert progress[-1] is None
    r = second.check(repair=False)
    assert r.ok, r
    second.close()
    assert stored_docs(lib.folder) == want_docs
    assert results(lib.folder) == want_results


def _in_commit() -> bool:
    """True when called from inside Whoosh's writing of a commit's postings."""
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == "add_postings":
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


def test_a_stop_while_a_chunk_commits_drops_that_chunk_only(lib: Library) -> None:
    folder = lib.folder
    job = rebuild.Rebuild.begin(store.index_dir(folder), lib.conn)
    assert not job.step()
    before = stored_docs(folder)
    cursor = meta(folder).cursor
    assert before and cursor is not None
    job.stop = _in_commit
    with pytest.raises(rebuild.Stopped):
        job.step()
    # The commit was abandoned midway: same documents, same cursor, the lock free again.
    assert stored_docs(folder) == before
    assert meta(folder).cursor == cursor
    assert store.lock_holder(store.index_dir(folder)) is None
    w = IndexWriter(folder)
    try:
        w.flush()
        assert w.rebuilt_docs == expected_docs(lib) - len(before)
        assert w.check(repair=False).ok
    finally:
        w.close()
    store.verify(store.open_index(store.index_dir(folder)), deep=True)  # type: ignore[arg-type]


def test_check_reports_an_interrupted_rebuild_then_finishes_it(lib: Library) -> None:
    start_background_rebuild(lib.folder, stop_after=2)
    w = IndexWriter(lib.folder)
    try:
        r = w.check(repair=False)
        assert not r.ok and not r.repaired
        assert r.reason.startswith("a rebuild was interrupted (") and "items indexed" in r.reason
        assert 0 < r.stale < N_ARTICLES + 4
        r = w.check()
        assert r.repaired and r.indexed == N_ARTICLES
        assert w.rebuilt_docs < expected_docs(lib)  # resumed, not started again
        assert w.check(repair=False).ok
    finally:
        w.close()


def test_changes_made_during_a_rebuild_end_up_indexed(lib: Library) -> None:
    at_start = expected_docs(lib)
    w = IndexWriter(lib.folder)
    paused = threading.Event()
    go_on = threading.Event()
    commits = [0]

    def committed(_seq: int) -> None:
        commits[0] += 1
        if commits[0] == 3:  # the start, then two chunks: the writer thread waits here
            paused.set()
            go_on.wait(30)

    w.add_listener(committed)
    w.notify()
    try:
        assert paused.wait(30)
        cursor = meta(lib.folder).cursor
        assert cursor is not None and 6 < cursor.article < N_ARTICLES - 1
        # Behind the cursor: an article trashed, a highlight's note changed, a title changed.
        lib.delete_article(1)
        hl = lib.highlights(6)[0]
        lib.set_highlight_note(hl.id, "ملاحظة جديدة عن الفُسْتُق 🥜")
        lib.update_metadata(2, title="عنوان جديد عن الزيتون")
        # At the cursor's next article: its text replaced.
        lib.update_text(cursor.article + 1, ["نص جديد عن الرُّمَّان 🍎 pomegranate"])
        # Ahead of it: a new article and a new free note.
        lib.add_document(make_doc(["مقال جديد عن البرتقال 🍊 orange"], "برتقال"))
        lib.add_note("ملاحظة حرة عن الليمون 🍋")
        go_on.set()
        w.flush()
        assert w.check(repair=False).ok
        # The pass took what the library held when it began; the catch-up after it, the rest.
        assert w.rebuilt_docs == at_start
    finally:
        go_on.set()
        w.close()
    svc = SearchService(lib.folder)
    try:
        assert svc.search("الفستق").total == 1
        assert svc.search("الزيتون").total == 1
        assert svc.search("البرتقال").total == 1
        assert svc.search("الليمون").total == 1
        assert svc.search("pomegranate").total == 1
        assert all(h.article_id != 1 for h in svc.search("مقال", limit=100).hits)
    finally:
        svc.close()


_SLOW_REINDEX = (
    "import sys, time\n"
    "from desktop_app.core.search import indexer, rebuild\n"
    "rebuild.FIRST_CHUNK_DOCS = 4; indexer.BATCH_DOCS = 8\n"
    "add = indexer.add_article\n"
    "def slow(*args, **kwargs):\n"
    "    time.sleep(0.05)\n"
    "    add(*args, **kwargs)\n"
    "indexer.add_article = slow\n"
    "from desktop_app.cli.main import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_rebuild_killed_with_sigkill_resumes(lib: Library) -> None:
    w = IndexWriter(lib.folder)
    w.flush()
    w.close()
    folder = lib.folder
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_REINDEX, "--library", str(folder), "reindex"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                m = meta(folder)
            except Exception:  # the folder between wipe and first commit
                m = None
            if m is not None and m.cursor is not None and m.cursor.article >= 10:
                break
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    m = meta(folder)
    assert m.resumable and m.cursor is not None and 10 <= m.cursor.article < N_ARTICLES
    done_at_kill = len(stored_docs(folder))
    report = run_hamish(None, "--library", str(folder), "check", "--no-repair", "--json")
    data = json.loads(report.stdout)
    assert data["ok"] is False and data["reason"].startswith("a rebuild was interrupted")
    w = IndexWriter(folder)
    try:
        w.flush()
        assert w.rebuilt_docs == expected_docs(lib) - done_at_kill
    finally:
        w.close()
    report = run_hamish(None, "--library", str(folder), "check", "--no-repair", "--json")
    assert json.loads(report.stdout)["ok"] is True, report.stdout


_HOLD_LOCK = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from desktop_app.core.search import store\n"
    "w = store.open_writer(store.open_index(Path(sys.argv[1])), purpose='rebuild')\n"
    "print('locked', flush=True)\n"
    "time.sleep(60)\n"
)


def test_check_tells_a_rebuild_under_way_elsewhere_from_an_interrupted_one(lib: Library) -> None:
    start_background_rebuild(lib.folder, stop_after=2)
    folder = store.index_dir(lib.folder)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(folder)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    w = IndexWriter(lib.folder)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        r = w.check(repair=False)
        assert not r.ok and r.reason.startswith(f"a rebuild is under way in process {holder.pid} (")
        holder.kill()
        holder.wait(30)
        r = w.check(repair=False)
        assert r.reason.startswith("a rebuild was interrupted (")
        assert w.check().repaired and w.check(repair=False).ok
    finally:
        holder.kill()
        holder.wait(30)
        w.close()
