"""GUI benchmark: start-up, opening a long article with 300 highlights, memory, library list.

Usage: .venv/bin/python bench/gui_bench.py CORPUS.jsonl.gz LIBDIR [--without-search]

--without-search leaves the search panel's index writer out of the in-process figures.

Builds a 20,000-article library in LIBDIR from the corpus the first time (Library.add_document),
then prints figures; asserts nothing. Targets: window shown <= 1.5 s, open <= 150 ms,
memory after ten articles <= 350 MB.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.core.library import Library  # noqa: E402
from desktop_app.core.models import ImportedDocument  # noqa: E402
from desktop_app.core.text.paragraphs import build_paragraphs, split_plain_text  # noqa: E402

N_ARTICLES = 20000
LONG_WORDS = 5000
N_HIGHLIGHTS = 300


def build_library(corpus: Path, folder: Path) -> Library:
    """Open LIBDIR, filling it from the corpus when it has fewer than 20,000 articles."""
    lib = Library(folder)
    have = len(lib.article_ids())
    if have >= N_ARTICLES:
        return lib
    t0 = time.perf_counter()
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= N_ARTICLES:
                break
            row = json.loads(line)
            paras = build_paragraphs(split_plain_text(row.get("text") or row.get("abstract") or ""))
            if not paras:
                continue
            doc = ImportedDocument(
                paras,
                title=row.get("title", ""),
                source=row.get("source", ""),
                url=row.get("url", ""),
                published=row.get("date", ""),
                language="ar",
                format="txt",
                tags=(row.get("category", ""),) if row.get("category") else (),
            )
            lib.add_document(doc)
    print(f"built library: {len(lib.article_ids())} articles in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "desktop_app", "--library", str(folder), "reindex"],
        cwd=ROOT,
        check=False,
        capture_output=True,
    )
    print(f"built the search index in {time.perf_counter() - t0:.1f} s")
    return lib


def long_article_pair(lib: Library) -> tuple[int, int]:
    """Two ~5,000-word articles with the same text (one with 300 highlights), made once."""
    key = "bench.long_pair"
    got = lib.get_setting(key)
    if got:
        a, b = (int(x) for x in got.split(","))
        return a, b
    paras: list[str] = []
    words = 0
    for aid in lib.article_ids(sort="imported")[:400]:
        for p in lib.get_article(aid).paragraphs:
            paras.append(p.text)
            words += len(p.text.split())
        if words >= LONG_WORDS:
            break
    ids = []
    for tag in ("with highlights", "baseline"):
        doc = ImportedDocument(
            build_paragraphs([*paras, f"bench: {tag}"]), title=f"Long article ({tag})", format="txt"
        )
        ids.append(lib.add_document(doc).article_id)
    with_h, base = ids
    text = lib.get_article(with_h).text
    step = max(1, len(text) // N_HIGHLIGHTS)
    for k in range(N_HIGHLIGHTS):
        s = k * step
        e = min(len(text), s + max(8, step // 2 + (k % 5) * 7))  # some overlap the next one
        lib.add_highlight(with_h, s, e, label_id=1 + k % 6, note="ملاحظة" if k % 3 == 0 else "")
    lib.set_setting(key, f"{with_h},{base}")
    return with_h, base  # type: ignore[return-value]


def startup(
    folder: Path, runs: int = 3, open_id: int | None = None
) -> tuple[list[float], list[float]]:
    """`hamish gui --screenshot`: (seconds from process start to the PNG written, to process exit)."""
    shown, total = [], []
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, HOME=tmp, XDG_CONFIG_HOME=str(Path(tmp) / ".config"))
        for i in range(runs):
            png = Path(tmp) / f"s{i}.png"
            args = [
                sys.executable,
                "-m",
                "desktop_app",
                "--library",
                str(folder),
                "gui",
                "--screenshot",
                str(png),
            ]
            if open_id is not None:
                args[6:6] = ["--open", str(open_id)]
            t0 = time.perf_counter()
            proc = subprocess.Popen(
                args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
            )
            assert proc.stdout is not None
            proc.stdout.readline()  # the path is printed right after the PNG is saved
            shown.append(time.perf_counter() - t0)
            proc.wait()
            total.append(time.perf_counter() - t0)
    return shown, total


def rss_mb() -> float:
    """Resident memory of this process in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def in_process(lib: Library, with_h: int, base: int) -> None:
    """Open times, memory, and library list operations inside one window."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    tmp = tempfile.mkdtemp()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
    app = QApplication.instance() or QApplication([])
    from desktop_app.ui.fonts import register_fonts
    from desktop_app.ui.main_window import MainWindow

    register_fonts()
    w = MainWindow(lib, theme="light", remember=False)
    w.show()
    app.processEvents()
    small = lib.article_ids()[:12]
    w.open_article(small[0])
    app.processEvents()

    def time_open(aid: int) -> float:
        w.open_article(small[1])
        app.processEvents()
        t0 = time.perf_counter()
        w.open_article(aid)
        w.reader.browser.viewport().repaint()
        return time.perf_counter() - t0

    print(
        f"long article: {len(lib.get_article(with_h).text.split())} words, {len(lib.highlights(with_h))} highlights"
    )
    base_t = [time_open(base) for _ in range(5)]
    hl_t = [time_open(with_h) for _ in range(5)]
    print(
        f"open 5,000-word article, no highlights (baseline): median {statistics.median(base_t) * 1000:.0f} ms"
    )
    print(
        f"open 5,000-word article, 300 highlights:          median {statistics.median(hl_t) * 1000:.0f} ms "
        f"(target <= 150 ms)"
    )
    for aid in small[:10]:
        w.open_article(aid)
        app.processEvents()
    print(f"resident memory after opening ten articles: {rss_mb():.0f} MB (target <= 350 MB)")
    panel = w.library
    model = panel.model
    for label, kw in (
        ("filter 'مصر'", {"text": "مصر"}),
        ("filter cleared", {"text": ""}),
        ("sort by title", {"sort": "title"}),
        ("sort by date", {"sort": "date"}),
        ("sort by highlights", {"sort": "highlights"}),
        ("sort by import", {"sort": "imported"}),
    ):
        t0 = time.perf_counter()
        model.set_query(**kw)  # type: ignore[arg-type]
        blocked = time.perf_counter() - t0
        while model.loading:
            app.processEvents()
            time.sleep(0.001)
        panel.table.viewport().repaint()
        print(
            f"library {label}: rows shown after {(time.perf_counter() - t0) * 1000:.0f} ms, GUI thread busy "
            f"{blocked * 1000:.1f} ms in the call ({model.rowCount()} rows)"
        )
    bar = panel.table.verticalScrollBar()
    steps = 50
    t0 = time.perf_counter()
    for k in range(steps):
        bar.setValue(bar.maximum() * k // (steps - 1))
        panel.table.viewport().repaint()
    dt = time.perf_counter() - t0
    print(
        f"library scroll: {steps} jumps across {model.rowCount()} rows, {dt / steps * 1000:.1f} ms per jump "
        f"({model.pages_fetched} pages fetched)"
    )
    w.close()


def main() -> int:
    """Run every measurement and print the figures."""
    argv = [a for a in sys.argv[1:] if a != "--without-search"]
    if len(argv) != 2:
        print(__doc__)
        return 2
    if "--without-search" in sys.argv:
        # Measure the window alone, without the search panel's index writer sharing the GIL.
        from desktop_app.core.errors import HamishError
        from desktop_app.ui.panels import wiring

        def no_search(_lib: object) -> None:
            raise HamishError("left out of this measurement")

        wiring.start_search = no_search  # type: ignore[assignment]
    corpus, folder = Path(argv[0]), Path(argv[1])
    if not corpus.exists() and not (folder / "library.sqlite3").exists():
        print(f"gui_bench: no corpus at {corpus}")
        return 1
    lib = build_library(corpus, folder)
    with_h, base = long_article_pair(lib)
    print(f"library: {len(lib.article_ids())} articles")
    shown, total = startup(folder)
    print(
        f"start to window drawn (hamish gui --screenshot, PNG written): median {statistics.median(shown):.2f} s "
        f"of {', '.join(f'{x:.2f}' for x in shown)} (target <= 1.5 s); process exit: median "
        f"{statistics.median(total):.2f} s"
    )
    shown, total = startup(folder, open_id=with_h)
    print(
        f"start to window drawn with the long highlighted article open: median {statistics.median(shown):.2f} s "
        f"(exit {statistics.median(total):.2f} s)"
    )
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import PySide6.QtWidgets"], check=True)
    print(f"baseline: python + import PySide6.QtWidgets: {time.perf_counter() - t0:.2f} s")
    in_process(lib, with_h, base)
    lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
