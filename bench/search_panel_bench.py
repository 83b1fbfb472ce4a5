"""Search panel benchmark: the time from a finished query to results on screen.

    .venv/bin/python bench/search_panel_bench.py /work/shared/corpus/ant-20k.jsonl.gz [--limit N]

Imports the first N corpus articles (default 2000) into a temporary library, builds its index,
then for each query measures, in the same run: SearchService.search alone (the baseline), the
panel's round trip (search_now -> the worker -> rows, facets, model reset -> resultsShown), and
laying out and painting the results at once (the panel itself lays them out in batches between
events), with the delegate's cache cold and warm. Prints figures only.
"""

from __future__ import annotations

import argparse
import os
import statistics
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


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=2000)
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
        lib = Library(Path(tmp) / "lib")
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
        t2 = time.perf_counter()
        print(
            f"articles: {len(lib.article_ids())}  import: {t1 - t0:.1f} s  index: {t2 - t1:.1f} s"
        )
        service = SearchService(lib.folder)
        runner = TaskRunner()
        panel = SearchPanel(Bus(), runner, service)
        panel.resize(340, 800)
        panel.show()
        base: list[float] = []
        trip: list[float] = []
        cold: list[float] = []
        warm: list[float] = []
        for q in QUERIES * 3:
            s0 = time.perf_counter()
            service.search(q, limit=100, snippets=40)
            base.append(time.perf_counter() - s0)
            done: list[float] = []
            loop = QEventLoop()
            panel.resultsShown.connect(
                lambda _n, d=done, lp=loop: (d.append(time.perf_counter()), lp.quit())
            )
            panel.edit.setText(q)
            s0 = time.perf_counter()
            panel.search_now()
            loop.exec()  # sleeps like the window's event loop (a busy loop would hold the GIL)
            trip.append(done[0] - s0)
            panel.resultsShown.disconnect()
            for cache, out in ((False, cold), (True, warm)):
                if not cache:
                    panel.delegate.clear_cache()
                s0 = time.perf_counter()
                panel.list.setLayoutMode(panel.list.LayoutMode.SinglePass)
                panel.list.doItemsLayout()
                panel.list.viewport().repaint()
                out.append(time.perf_counter() - s0)
            panel.list.setLayoutMode(panel.list.LayoutMode.Batched)
        for name, xs in (
            ("SearchService.search (baseline)", base),
            ("panel: query to results signal", trip),
            ("layout+paint of 100 results, cold", cold),
            ("layout+paint of 100 results, warm", warm),
        ):
            print(f"{name:34s} median {ms(statistics.median(xs))}  max {ms(max(xs))}")
        runner.drain()
        service.close()
        close_all()
        lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
