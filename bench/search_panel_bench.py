"""Search panel benchmark: the time from a finished query to results on screen.

    .venv/bin/python bench/search_panel_bench.py /work/shared/corpus/ant-20k.jsonl.gz [--limit N]
    .venv/bin/python bench/search_panel_bench.py CORPUS --library /work/bench-libs/lib20k

Imports the first N corpus articles (default 2000) into a temporary library and builds its
index, or copies a prebuilt library (--library; the original is never changed). Then for each
query measures, in the same run: SearchService.search alone (the baseline), the keystroke to
results drawn (search_now, which the debounce timer calls, -> the worker -> rows, facets, model
reset -> resultsShown -> the visible rows painted), the same query again (served from the
service's result cache), and laying out and painting all results at once with the delegate's
cache cold and warm. "New query" figures clear the result cache first. Prints figures only.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from search_bench import load  # bench/ is on sys.path when a bench script runs

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.core.library import Library  # noqa: E402
from desktop_app.core.models import ImportedDocument  # noqa: E402
from desktop_app.core.search import live  # noqa: E402
from desktop_app.core.search.service import SearchService  # noqa: E402
from desktop_app.core.search.writer import close_all  # noqa: E402
from desktop_app.core.text.paragraphs import build_paragraphs, split_plain_text  # noqa: E402
from desktop_app.ui.panels.search_panel import DEBOUNCE_MS  # noqa: E402

QUERIES = [
    "الوزير",
    "الحكومة",
    "الاقتصاد",
    "مجلس الأمن",
    '"رئيس الوزراء"',
    "النفط OR الغاز",
    "الانتخابات -البرلمان",
    "تعليم*",
    "كرة القدم",
    "الأمم المتحدة",
]


def ms(seconds: float) -> str:
    """Milliseconds, one decimal."""
    return f"{seconds * 1000:.1f} ms"


def build_library(args: argparse.Namespace, tmp: Path) -> Library:
    """The first --limit corpus articles, imported and indexed."""
    lib = Library(tmp / "lib")
    t0 = time.perf_counter()
    for a in load(args.corpus, args.limit):
        paras = build_paragraphs(split_plain_text(a.get("text") or ""))
        if paras:
            lib.add_document(
                ImportedDocument(
                    paras,
                    title=a.get("title") or "",
                    source=a.get("source") or "",
                    published=(a.get("date") or "")[:10],
                    language="ar",
                    format="txt",
                )
            )
    t1 = time.perf_counter()
    writer = live.attach(lib, background=True, helper=False)
    writer.flush(timeout=3600)
    print(f"import: {t1 - t0:.1f} s  index: {time.perf_counter() - t1:.1f} s")
    return lib


def measure(lib: Library, panel_cls, bus_cls, runner_cls, loop_cls) -> None:  # noqa: ANN001
    """Search each query through the service alone and through the panel; print medians."""
    service = SearchService(lib.folder)
    runner = runner_cls()
    panel = panel_cls(bus_cls(), runner, service)
    panel.resize(340, 800)
    panel.show()
    base: list[float] = []
    drawn: list[float] = []
    again_service: list[float] = []
    again_drawn: list[float] = []
    cold: list[float] = []
    warm: list[float] = []

    def through_panel(q: str) -> float:
        done: list[float] = []
        loop = loop_cls()

        def shown(_n: int) -> None:
            panel.list.viewport().repaint()  # the visible rows drawn
            done.append(time.perf_counter())
            loop.quit()

        panel.resultsShown.connect(shown)
        panel.edit.setText(q)
        s0 = time.perf_counter()
        panel.search_now()  # what the debounce timer calls after the last keystroke
        loop.exec()  # sleeps like the window's event loop (a busy loop would hold the GIL)
        panel.resultsShown.disconnect(shown)
        return done[0] - s0

    alone = SearchService(lib.folder)  # the baseline: its own caches, the same queries
    for _ in range(3):
        for q in QUERIES:
            # A query typed anew: not in the result cache (the posting caches stay warm, as
            # they do while someone types).
            alone._results.clear()
            s0 = time.perf_counter()
            alone.search(q, limit=100, snippets=40)
            base.append(time.perf_counter() - s0)
            service._results.clear()
            drawn.append(through_panel(q))
            s0 = time.perf_counter()
            service.search(q, limit=100, snippets=40)
            again_service.append(time.perf_counter() - s0)
            again_drawn.append(through_panel(q))
            for cache, out in ((False, cold), (True, warm)):
                if not cache:
                    panel.delegate.clear_cache()
                s0 = time.perf_counter()
                panel.list.setLayoutMode(panel.list.LayoutMode.SinglePass)
                panel.list.doItemsLayout()
                panel.list.viewport().repaint()
                out.append(time.perf_counter() - s0)
            panel.list.setLayoutMode(panel.list.LayoutMode.Batched)
    alone.close()
    print(f"debounce before a search: {DEBOUNCE_MS} ms (not counted below)")
    for name, xs in (
        ("SearchService.search, new query (baseline)", base),
        ("keystroke to results drawn, new query", drawn),
        ("SearchService.search, repeated (cache)", again_service),
        ("keystroke to results drawn, repeated", again_drawn),
        ("layout+paint of 100 results, cold", cold),
        ("layout+paint of 100 results, warm", warm),
    ):
        print(f"{name:44s} median {ms(statistics.median(xs))}  max {ms(max(xs))}")
    print(
        f"ratio drawn/baseline (medians): {statistics.median(drawn) / statistics.median(base):.2f}x"
    )
    runner.drain()
    service.close()


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--library", type=Path, help="a prebuilt library to copy and search")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}")
        return 1
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.bus import Bus
    from desktop_app.ui.panels.search_panel import SearchPanel
    from desktop_app.ui.tasks import TaskRunner

    _app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        if args.library:
            folder = Path(tmp) / "lib"
            subprocess.run(["cp", "-a", str(args.library), str(folder)], check=True)
            lib = Library(folder)
        else:
            lib = build_library(args, Path(tmp))
        print(f"articles: {len(lib.article_ids())}")
        measure(lib, SearchPanel, Bus, TaskRunner, QEventLoop)
        close_all()
        lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
