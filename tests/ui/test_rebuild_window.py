"""The window on a library whose index must be rebuilt: it opens, says how far the rebuild is,
searches what is indexed so far, and closes without waiting for the rebuild, which resumes."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from desktop_app.core.library import Library
from desktop_app.core.search import indexer, rebuild, store
from desktop_app.core.search.writer import IndexWriter, close_all, writer_for
from tests.conftest import make_doc

N_ARTICLES = 30


def needs_rebuild(folder: Path) -> Library:
    """A library of N_ARTICLES articles that all mention the minister, and no index."""
    lib = Library(folder)
    for i in range(N_ARTICLES):
        text = [f"قال الوَزِيرُ في المقال رقم {i} إن الاتفاق مهم 📌", f"The minister, item {i}."]
        lib.add_document(make_doc(text, f"مقال {i}"))
    lib.add_note("ملاحظة حرة عن الوزير 🗒️")
    assert not store.index_dir(folder).exists()
    return lib


def pause_after_first_chunk(writer: IndexWriter) -> threading.Event:
    """Hold the writer thread after the rebuild's first chunk until the writer is closed (as a
    long chunk would); returns an event set once it holds."""
    commits = [0]
    holding = threading.Event()

    def committed(_seq: int) -> None:
        commits[0] += 1
        if commits[0] == 2:  # the empty index, then the first chunk
            holding.set()
            deadline = time.monotonic() + 30
            while not writer.closed and time.monotonic() < deadline:
                time.sleep(0.01)

    writer.add_listener(committed)
    return holding


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_window_searches_during_a_rebuild_and_closes_without_waiting_for_it(
    qtbot, qapp, settings_dir, tmp_path, monkeypatch, lang
):  # type: ignore[no-untyped-def]
    from desktop_app.ui.fonts import register_fonts
    from desktop_app.ui.i18n import install_translators
    from desktop_app.ui.main_window import MainWindow

    monkeypatch.setattr(rebuild, "FIRST_CHUNK_DOCS", 6)
    monkeypatch.setattr(indexer, "BATCH_DOCS", 6)
    lib = needs_rebuild(tmp_path / "lib")
    writer = writer_for(lib.folder)
    holding = pause_after_first_chunk(writer)
    install_translators(qapp, lang)
    register_fonts()
    w = MainWindow(lib, theme="light")
    try:
        qtbot.addWidget(w)
        w.show()
        assert w.search_writer is writer
        assert holding.wait(30)
        word = "الفهرسة" if lang == "ar" else "indexing:"
        qtbot.waitUntil(lambda: w.index_label.isVisible() and word in w.index_label.text())
        panel = w.search
        w.docks["searchDock"].show()
        qtbot.waitUntil(lambda: panel.indexing.isVisible() and word in panel.indexing.text())
        assert writer.progress is not None and 0 < writer.progress.done < N_ARTICLES
        # The first chunk is searchable: some of the articles, none of the rest yet.
        with qtbot.waitSignal(panel.resultsShown, timeout=10000):
            panel.set_query("الوزير")
        assert 0 < len(panel.model.rows) < N_ARTICLES
        assert not panel.last_error
        w.close()
        w.runner.drain()
        QThreadPool.globalInstance().waitForDone(10000)
    finally:
        install_translators(qapp, "en")
        close_all()
    # Closed before the rebuild was over: the writer thread has ended, the cursor is kept.
    assert not writer._thread.is_alive()
    meta = store.read_meta(store.open_index(store.index_dir(lib.folder)))  # type: ignore[arg-type]
    assert meta is not None and meta.resumable and meta.cursor is not None
    assert 0 < meta.cursor.article < N_ARTICLES
    # The next start goes on from there.
    done = len(indexer.indexed_fingerprints(store.open_index(store.index_dir(lib.folder))))  # type: ignore[arg-type]
    again = IndexWriter(lib.folder)
    try:
        again.flush()
        assert again.rebuilt_docs == N_ARTICLES + 1 - done
        assert again.check(repair=False).ok
    finally:
        again.close()
        lib.close()
