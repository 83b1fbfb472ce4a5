"""`hamish import FOLDER` of .txt files, end to end, against a baseline checkout and SQLite FTS5.

Usage: .venv/bin/python bench/import_folder_bench.py CORPUS.jsonl.gz --baseline DIR
           [--files 20000] [--copies 1] [--rounds 1] [--no-window] [--no-highlight]

DIR is another checkout of Hamish (e.g. /work/main). The corpus is written as files the way
bench/search_bench.py does (title line, blank line, paragraphs); --copies K writes it K times,
copy k > 0 told apart by one added line, as bench/big_library.py does (5: 100,000 files).
For each checkout, in turn and in the same run:

- `hamish import FOLDER --json` in a child process, timed until it exits, then
  `hamish check --no-repair --json`, which says whether the index was current at exit;
- the window's import: the background task (ui/jobs.import_job) on a worker thread of a process
  whose index writer runs in the background, as the window's does, timed until the index has
  caught up;
- a new highlight until it is found (median of 20, bench/search_bench.highlight_latency), on a
  copy of the library this checkout imported;

and, as the reference, SQLite FTS5 on normalized text (as build_fts in bench/search_bench.py),
reading the same files. Prints figures and ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def write_files(corpus: Path, folder: Path, count: int, copies: int) -> int:
    """The first `count` articles as .txt files, `copies` times; returns how many were written."""
    folder.mkdir(parents=True)
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        arts = [json.loads(line) for _, line in zip(range(count), f, strict=False)]
    n = 0
    for k in range(copies):
        for i, a in enumerate(arts):
            paras = [p for p in a["text"].split("\n") if p.strip()]
            if k:
                paras.append(f"نسخة {k} / copy {k}")
            title = a["title"].replace("\n", " ").strip()
            text = title + "\n\n" + "\n\n".join(paras) + "\n"
            (folder / f"{k}-{i:05d}.txt").write_text(text, encoding="utf-8")
            n += 1
    return n


def hamish(checkout: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `hamish ARGS` from a checkout."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=checkout,
        check=False,
    )


def children_cpu() -> float:
    """CPU seconds (user + system) of the waited-for child processes and theirs, so far."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cli_import(checkout: Path, folder: Path, library: Path) -> tuple[float, int, str, float]:
    """(seconds, imported, what `check --no-repair` says, CPU seconds) of `hamish import`."""
    cpu = children_cpu()
    t0 = time.perf_counter()
    out = hamish(checkout, "--library", str(library), "import", str(folder), "--json")
    seconds = time.perf_counter() - t0
    cpu = children_cpu() - cpu
    try:
        imported = sum(1 for r in json.loads(out.stdout) if r["status"] == "imported")
    except ValueError:
        imported = 0
        print(out.stderr[-2000:])
    chk = hamish(checkout, "--library", str(library), "check", "--no-repair", "--json")
    return seconds, imported, chk.stdout.strip(), cpu


WINDOW = """
import sys, threading, time
from pathlib import Path
from desktop_app.core.opening import LibraryLocation
from desktop_app.ui import jobs
folder, files = Path(sys.argv[1]), sys.argv[2]
lib = jobs.open_for_gui(LibraryLocation(folder))  # the window's own library and writer
from desktop_app.core.search import live
writer = live.attach(lib, background=True)
writer.flush()
class Ctx:
    def progress(self, done, total, text=""):
        pass
    def cancelled(self):
        return False
box = []
t0 = time.perf_counter()
worker = threading.Thread(target=lambda: box.append(jobs.import_job(Ctx(), str(folder), [files])))
worker.start()
worker.join()
t_stored = time.perf_counter() - t0
writer.flush()
total = time.perf_counter() - t0
imported = sum(1 for r in box[0][0] if r.status == "imported")
print(total, t_stored, imported)
from desktop_app.core.search.writer import close_all
close_all()
lib.close()
"""


def window_import(checkout: Path, folder: Path, library: Path) -> tuple[float, float, int, float]:
    """(seconds until indexed, until stored, imported, CPU s) through the window's task."""
    cpu = children_cpu()
    env = {**os.environ, "PYTHONPATH": str(checkout), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", WINDOW, str(library), str(folder)],
        capture_output=True,
        text=True,
        env=env,
        cwd=checkout,
        check=False,
    )
    try:
        total, stored, imported = out.stdout.split()
    except ValueError:
        print(out.stderr[-2000:])
        return float("nan"), float("nan"), 0, 0.0
    return float(total), float(stored), int(imported), children_cpu() - cpu


HIGHLIGHT = """
import json, statistics, sys
from pathlib import Path
from bench.search_bench import highlight_latency
print(json.dumps(highlight_latency(Path(sys.argv[1]))))
"""


def highlight(checkout: Path, library: Path) -> list[float]:
    """ms from a new highlight to its being found, 20 times, with a checkout's code."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    out = subprocess.run(
        [sys.executable, "-c", HIGHLIGHT, str(library)],
        capture_output=True,
        text=True,
        env=env,
        cwd=checkout,
        check=False,
    )
    try:
        return [float(x) for x in json.loads(out.stdout)]
    except ValueError:
        print(out.stderr[-2000:])
        return [float("nan")]


def fts_import(folder: Path, path: Path) -> float:
    """Seconds to read the files, normalize them and fill an FTS5 table (build_fts's way)."""
    sys.path.insert(0, str(ROOT))
    from desktop_app.core.text.normalize import normalize

    t0 = time.perf_counter()
    db = sqlite3.connect(str(path))
    db.execute("CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='unicode61')")

    def rows():
        for p in sorted(folder.iterdir()):
            title, _, body = p.read_text(encoding="utf-8").partition("\n\n")
            yield normalize(title), normalize(body)

    with db:
        db.executemany("INSERT INTO fts(title, body) VALUES (?, ?)", rows())
    db.close()
    return time.perf_counter() - t0


def load_average() -> str:
    """The 1-minute load average (other work on the machine slows every figure)."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--baseline", type=Path, required=True)
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--no-window", action="store_true")
    parser.add_argument("--no-highlight", action="store_true")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}; nothing to do")
        return
    checkouts = {"baseline": args.baseline.resolve(), "this": ROOT}
    with tempfile.TemporaryDirectory(prefix="hamish-import-bench-") as tmp_name:
        tmp = Path(tmp_name)
        folder = tmp / "files"
        n = write_files(args.corpus, folder, args.files, args.copies)
        print(f"{n} .txt files; baseline {args.baseline}; {os.cpu_count()} cores")
        cli: dict[str, list[float]] = {k: [] for k in checkouts}
        win: dict[str, list[float]] = {k: [] for k in checkouts}
        hl: dict[str, list[float]] = {k: [] for k in checkouts}
        fts: list[float] = []
        for r in range(args.rounds):
            for label, checkout in checkouts.items():
                lib = tmp / f"cli-{label}-{r}"
                load = load_average()
                seconds, imported, chk, cpu = cli_import(checkout, folder, lib)
                cli[label].append(imported / seconds)
                print(
                    f"round {r + 1} {label:8} hamish import: {seconds:6.1f} s"
                    f" {imported / seconds:5.0f} articles/s, CPU {cpu:.0f} s"
                    f" ({imported} imported, load {load});"
                    f" check --no-repair: {chk}",
                    flush=True,
                )
                if not args.no_window:
                    wlib = tmp / f"win-{label}-{r}"
                    load = load_average()
                    total, stored, imported, cpu = window_import(checkout, folder, wlib)
                    win[label].append(imported / total)
                    print(
                        f"round {r + 1} {label:8} window import: {total:6.1f} s"
                        f" {imported / total:5.0f} articles/s, CPU {cpu:.0f} s"
                        f" (stored after {stored:.1f} s,"
                        f" {imported} imported, load {load})",
                        flush=True,
                    )
                    shutil.rmtree(wlib, ignore_errors=True)
            if not args.no_highlight:  # both on copies of the library this checkout imported
                for label, checkout in checkouts.items():
                    copy = tmp / f"hl-{label}-{r}"
                    shutil.copytree(tmp / f"cli-this-{r}", copy)
                    lat = highlight(checkout, copy)
                    hl[label].append(statistics.median(lat))
                    print(
                        f"round {r + 1} {label:8} new highlight -> found: median"
                        f" {statistics.median(lat):.0f} ms, max {max(lat):.0f} ms over {len(lat)}",
                        flush=True,
                    )
                    shutil.rmtree(copy, ignore_errors=True)
            for label in checkouts:
                shutil.rmtree(tmp / f"cli-{label}-{r}", ignore_errors=True)
            fts_path = tmp / "fts.sqlite3"
            fts_path.unlink(missing_ok=True)
            t = fts_import(folder, fts_path)
            fts.append(n / t)
            print(f"round {r + 1} SQLite FTS5 (normalized text): {t:6.1f} s {n / t:5.0f}/s")
        med = {k: statistics.median(v) for k, v in cli.items()}
        f = statistics.median(fts)
        print(
            f"hamish import, articles/s (median): this {med['this']:.0f}, baseline"
            f" {med['baseline']:.0f} (x{med['this'] / med['baseline']:.2f}), FTS5 {f:.0f}"
            f" (this/FTS5 {med['this'] / f:.2f})"
        )
        if not args.no_window:
            w = {k: statistics.median(v) for k, v in win.items()}
            print(
                f"window import, articles/s (median): this {w['this']:.0f}, baseline"
                f" {w['baseline']:.0f} (x{w['this'] / w['baseline']:.2f})"
            )
        if not args.no_highlight:
            h = {k: statistics.median(v) for k, v in hl.items()}
            print(
                f"new highlight -> found, ms (median of medians): this {h['this']:.0f},"
                f" baseline {h['baseline']:.0f} (x{h['this'] / h['baseline']:.2f})"
            )


if __name__ == "__main__":
    main()
