"""The index as a rebuildable cache: stale, missing, corrupt and old indexes repaired; locks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.library import Library
from desktop_app.core.search import live, store
from desktop_app.core.search.service import SearchService
from desktop_app.core.search.writer import IndexWriter, close_all
from desktop_app.core.storage.db import transaction


@pytest.fixture
def indexed(filled_library: Library) -> Iterator[tuple[Library, IndexWriter]]:
    """The filled library, indexed, with one highlight."""
    writer = live.attach(filled_library, background=True)
    filled_library.add_highlight_by_quote(1, "المفاوضات ستستمر", note="ملاحظة")
    writer.flush()
    yield filled_library, writer
    close_all()


def titles(lib: Library, query: str) -> list[str]:
    """Titles of the hits of query (a fresh service each time)."""
    svc = SearchService(lib.folder)
    try:
        return [h.title for h in svc.search(query).hits]
    finally:
        svc.close()


def total(lib: Library, query: str) -> int:
    """Number of matches of query."""
    svc = SearchService(lib.folder)
    try:
        return svc.search(query).total
    finally:
        svc.close()


def test_check_on_a_current_index_is_ok(indexed) -> None:
    _, writer = indexed
    r = writer.check()
    assert (r.ok, r.articles, r.indexed, r.stale, r.repaired) == (True, 3, 3, 0, False)


def test_database_changed_behind_the_index_is_detected_and_repaired(indexed) -> None:
    lib, writer = indexed
    # Another program (no listener) changes the database: only change_log knows.
    conn = lib.conn
    with transaction(conn):
        conn.execute("UPDATE articles SET title = 'Pipeline talks' WHERE id = 2")
    r = writer.check(repair=False)
    assert not r.ok and not r.repaired
    r = writer.check()
    # A change the index has yet to take in is lag, not damage: said as such.
    assert r.repaired and (r.stale, r.behind) == (0, 1)
    assert r.reason == "1 change(s) not yet indexed"
    assert titles(lib, "title:pipeline") == ["Pipeline talks"]
    assert writer.check().ok


def test_change_without_change_log_is_found_by_fingerprint(indexed) -> None:
    lib, writer = indexed
    conn = lib.conn
    with transaction(conn):
        conn.execute("DROP TRIGGER articles_au")
        conn.execute("UPDATE articles SET source = 'الجزيرة' WHERE id = 3")
    r = writer.check()
    assert r.repaired and r.stale >= 1
    assert "نص مختلط Mixed text" in titles(lib, "source:الجزيرة")


def test_deleted_index_files_are_rebuilt(indexed) -> None:
    lib, writer = indexed
    writer.close()
    close_all()
    store.wipe(store.index_dir(lib.folder))
    w = IndexWriter(lib.folder)
    try:
        r = w.check()
        assert r.repaired and r.reason == "missing" and r.indexed == 3
    finally:
        w.close()
    assert titles(lib, "ملاحظة") == ["اجتماع الوزراء"]


def test_corrupt_segment_is_rebuilt(indexed) -> None:
    lib, writer = indexed
    writer.close()
    close_all()
    folder = store.index_dir(lib.folder)
    segs = sorted(folder.glob("*.seg"))
    assert segs
    for seg in segs:
        data = bytearray(seg.read_bytes())
        data[len(data) // 3 : len(data) // 3 + 200] = b"\x00garbage" * 25
        seg.write_bytes(bytes(data))
    w = IndexWriter(lib.folder)
    try:
        r = w.check()
        assert r.repaired and not r.ok
        assert w.check().ok
    finally:
        w.close()
    assert titles(lib, "Vienna") == ["نص مختلط Mixed text"]


def test_index_of_another_version_is_rebuilt(indexed) -> None:
    lib, writer = indexed
    ix = store.open_index(store.index_dir(lib.folder))
    assert ix is not None
    w = ix.writer()
    w.update_document(id="meta", kind="meta", meta={"seq": 10**6, "version": "schema0"})
    w.commit()
    r = writer.check()
    assert r.repaired and "version" in r.reason
    assert titles(lib, "minister") == ["Ministers meet"]


def test_trashed_and_purged_are_stale_until_caught_up(indexed) -> None:
    lib, writer = indexed
    lib.delete_article(1)
    lib.purge_article(2)
    writer.flush()
    assert titles(lib, "ملاحظة") == []
    assert titles(lib, "minister") == []
    assert writer.check().ok


_HOLD_LOCK = textwrap.dedent(
    """
    import os, signal, sys, time
    from desktop_app.core.search import store
    ix = store.open_index(store.Path(sys.argv[1]))
    w = store.open_writer(ix)
    w.add_document(id="zombie", kind="article")
    print("locked", flush=True)
    if sys.argv[2] == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(60)
    """
)


def _hold_lock(folder: Path, mode: str) -> subprocess.Popen[str]:
    root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": root}
    p = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(folder), mode],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert p.stdout is not None and p.stdout.readline().strip() == "locked"
    return p


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_lock_left_by_a_killed_process_is_recovered(indexed) -> None:
    lib, writer = indexed
    p = _hold_lock(store.index_dir(lib.folder), "die")
    p.wait(timeout=30)
    assert p.returncode == -signal.SIGKILL
    lib.add_note("بعد موت العملية")
    writer.flush()
    assert total(lib, "موت") == 1


def test_lock_held_by_a_live_process_waits_then_says_so(indexed) -> None:
    lib, writer = indexed
    writer.close()
    close_all()
    p = _hold_lock(store.index_dir(lib.folder), "hold")
    w = IndexWriter(lib.folder, lock_timeout=0.3)
    try:
        lib.add_note("ملاحظة أثناء القفل")
        with pytest.raises(store.IndexBusy) as exc:
            w.flush()
        assert f"another process is updating the search index (pid {p.pid})" in str(exc.value)
        assert store.lock_holder(store.index_dir(lib.folder)) == p.pid
    finally:
        p.kill()
        p.wait()
        w.close()
    w = IndexWriter(lib.folder)
    try:
        w.flush()
    finally:
        w.close()
    assert total(lib, "القفل") == 1


def test_writer_thread_serves_several_threads(indexed) -> None:
    import threading

    lib, writer = indexed
    svc = SearchService(lib.folder)
    errors: list[Exception] = []

    def search() -> None:
        try:
            for _ in range(20):
                assert svc.search("الوزير OR minister").total == 2
        except Exception as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=search) for _ in range(4)]
    for t in threads:
        t.start()
    for i in range(5):
        lib.add_note(f"note {i} 📌")
    for t in threads:
        t.join()
    writer.flush()
    assert errors == []
    assert svc.search("note").total == 5
    svc.close()
    assert os.path.isdir(store.index_dir(lib.folder))


def test_bulk_backlog_goes_to_a_spawned_helper_and_ends_complete(library: Library) -> None:
    import threading

    from tests.conftest import make_doc

    writer = live.attach(library, background=True, helper=True)
    writer.flush()
    writer.bulk_threshold = 15
    # Keep the writer thread busy while the backlog builds, as a fast import does.
    release = threading.Event()
    blocker = threading.Thread(target=writer.call, args=(release.wait,))
    blocker.start()
    try:
        for i in range(60):
            library.add_document(make_doc([f"مقال رقم {i} عن الوَزِيرُ 📌 item{i}"], f"عنوان {i}"))
        release.set()
        blocker.join()
        writer.call(writer._sync)
        writer.flush()
        assert writer.helper_runs >= 1
        assert total(library, "الوزير") == 60
        assert total(library, "item37") == 1
        assert writer.check().ok
    finally:
        close_all()
