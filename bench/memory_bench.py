"""Memory of the window at scale: resident size after opening ten articles and twenty searches.

    .venv/bin/python bench/memory_bench.py LIBDIR [LIBDIR ...]

For each library (say the 20,000- and the 100,000-article ones that bench/big_library.py
builds), a fresh process opens the window offscreen, opens ten articles, then runs twenty
searches through the search panel (its worker thread, facets and snippets included), and
prints its resident memory after each step. The first library given is the baseline the others
are compared with. The libraries are copied to a temporary folder first, because the window
writes reading positions and settings. Target: <= 400 MB at 100,000 articles. Asserts nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from search_panel_bench import QUERIES as PANEL_QUERIES  # bench/ is on sys.path

ROOT = Path(__file__).resolve().parents[1]

# The search panel benchmark's ten queries, and ten more.
QUERIES = [
    *PANEL_QUERIES,
    "مصر",
    "اتفاق",
    "title:الرئيس",
    "date:2014 السعودية",
    "الشرطة",
    "الصحة",
    "المغرب",
    "الرياضة",
    "انتخاب*",
    "الأردن",
]


def rss_mb() -> float:
    """Resident memory of this process in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(folder: Path) -> None:
    """Run in the measuring process: print one JSON line of resident sizes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtWidgets import QApplication

    tmp = tempfile.mkdtemp()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
    app = QApplication([])
    from desktop_app.core.library import Library
    from desktop_app.ui.fonts import register_fonts
    from desktop_app.ui.main_window import MainWindow

    register_fonts()
    lib = Library(folder)
    out = {"articles": len(lib.article_ids()), "start": rss_mb()}
    w = MainWindow(lib, theme="light", remember=False)
    w.show()
    app.processEvents()
    out["window"] = rss_mb()
    for aid in lib.article_ids()[:: max(1, out["articles"] // 10)][:10]:
        w.open_article(aid)
        app.processEvents()
    out["ten_articles"] = rss_mb()
    panel = w.search
    for q in QUERIES:
        loop = QEventLoop()
        panel.resultsShown.connect(lambda *_a, lp=loop: lp.quit())
        panel.edit.setText(q)
        panel.search_now()
        loop.exec()
        panel.resultsShown.disconnect()
        app.processEvents()
    out["twenty_searches"] = rss_mb()
    print(json.dumps(out))
    w.close()
    lib.close()


def main() -> int:
    """Measure each library in its own process and print the figures."""
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        child(Path(sys.argv[2]))
        return 0
    libs = [Path(p) for p in sys.argv[1:]]
    if not libs:
        print(__doc__)
        return 2
    rows = []
    for lib in libs:
        if not (lib / "library.sqlite3").exists():
            print(f"no library at {lib}; skipped")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "lib"
            shutil.copytree(lib, copy, ignore=shutil.ignore_patterns("sessions"))
            proc = subprocess.run(
                [sys.executable, __file__, "--child", str(copy)],
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
        lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
        if not lines:
            print(f"{lib}: failed: {proc.stderr.strip()[-400:]}")
            continue
        row = json.loads(lines[-1])
        rows.append(row)
        print(
            f"{row['articles']:>7,} articles: window {row['window']:.0f} MB, ten articles"
            f" {row['ten_articles']:.0f} MB, twenty searches {row['twenty_searches']:.0f} MB"
        )
    if len(rows) > 1:
        base = rows[0]["twenty_searches"]
        for row in rows[1:]:
            print(
                f"ratio {row['articles']:,} / {rows[0]['articles']:,} articles:"
                f" {row['twenty_searches'] / base:.2f}x (target <= 400 MB at 100,000)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
