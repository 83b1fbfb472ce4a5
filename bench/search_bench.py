"""Search benchmark: bulk import + indexing, query latency against SQLite FTS5, index size,
time from a new highlight to searchable. Prints figures; asserts nothing.

    .venv/bin/python bench/search_bench.py /work/shared/corpus/ant-20k.jsonl.gz [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.core.library import Library  # noqa: E402
from desktop_app.core.models import ImportedDocument  # noqa: E402
from desktop_app.core.search import live  # noqa: E402
from desktop_app.core.search.analyzer import index_terms  # noqa: E402
from desktop_app.core.search.service import SearchService  # noqa: E402
from desktop_app.core.search.writer import close_all  # noqa: E402
from desktop_app.core.text.normalize import normalize  # noqa: E402
from desktop_app.core.text.paragraphs import build_paragraphs  # noqa: E402

WORD = re.compile(r"[^\W\d_]{4,}")


def load(path: Path, limit: int) -> list[dict]:
    """The first `limit` corpus articles."""
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            out.append(json.loads(line))
            if len(out) >= limit:
                break
    return out


def dir_size(path: Path) -> int:
    """Bytes of the files under path."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank)."""
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(round(q / 100 * len(s) + 0.5)) - 1))]


def import_in_process(arts: list[dict], folder: Path) -> tuple[float, float]:
    """Library.add_document for every article with the index writer attached; (import s, total s)."""
    lib = Library(folder)
    writer = live.attach(lib, background=True, helper=False)
    t0 = time.perf_counter()
    for a in arts:
        paras = build_paragraphs([p for p in a["text"].split("\n") if p.strip()])
        doc = ImportedDocument(
            paragraphs=paras,
            title=a["title"],
            source=a["source"],
            published=a["date"],
            language="ar",
            format="txt",
        )
        lib.add_document(doc)
    t_import = time.perf_counter() - t0
    writer.flush()
    total = time.perf_counter() - t0
    lib.close()
    return t_import, total


def write_txt(arts: list[dict], folder: Path) -> None:
    """The articles as .txt files: title line, blank line, paragraphs."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, a in enumerate(arts):
        body = "\n\n".join(p for p in a["text"].split("\n") if p.strip())
        (folder / f"{i:05d}.txt").write_text(
            a["title"].replace("\n", " ").strip() + "\n\n" + body + "\n", encoding="utf-8"
        )


def cli_import(txt: Path, folder: Path) -> float:
    """`hamish import FOLDER --json` in a subprocess; seconds."""
    t0 = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_app",
            "--library",
            str(folder),
            "import",
            str(txt),
            "--json",
        ],
        cwd=ROOT,
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return time.perf_counter() - t0


def build_queries(arts: list[dict], n: int, seed: int = 7) -> list[dict]:
    """Mixed queries: words, two words, phrases, fields, dates, prefixes."""
    rng = random.Random(seed)
    words: list[str] = []
    pairs: list[tuple[str, str]] = []
    for a in rng.sample(arts, min(len(arts), 400)):
        ws = [w for w in WORD.findall(a["title"] + " " + a["text"][:400]) if index_terms(w)]
        words += ws[:6]
        toks = a["text"].split()
        for i in range(0, max(0, len(toks) - 1), 37):
            if WORD.fullmatch(toks[i]) and WORD.fullmatch(toks[i + 1]):
                pairs.append((toks[i], toks[i + 1]))
    sources = sorted({a["source"] for a in arts})
    years = sorted({a["date"][:4] for a in arts})
    kinds = ["word"] * 6 + ["two"] * 5 + ["phrase"] * 5 + ["title", "source"] * 2 + ["date"] * 3
    kinds += ["range", "prefix"] * 2
    out = []
    for i in range(n):
        k = kinds[i % len(kinds)]
        w1, w2 = rng.choice(words), rng.choice(words)
        q = {"kind": k, "words": [w1]}
        if k == "two":
            q["words"] = [w1, w2]
        elif k == "phrase":
            q["words"] = list(rng.choice(pairs))
        elif k == "title":
            q["field"] = "title"
        elif k == "source":
            q["source"] = rng.choice(sources)
        elif k == "date":
            q["year"] = rng.choice(years)
        elif k == "range":
            y = rng.choice(years)
            q["range"] = (f"{y}-01", f"{y}-06")
        elif k == "prefix":
            q["words"] = [w1[: max(3, len(w1) - 2)]]
        out.append(q)
    return out


def to_hamish(q: dict) -> str:
    """The query in Hamish's language."""
    w = q["words"]
    if q["kind"] == "phrase":
        return f'"{w[0]} {w[1]}"'
    if q["kind"] == "prefix":
        return f"{w[0]}*"
    text = " ".join(w)
    if q["kind"] == "title":
        return f"title:{w[0]}"
    if q["kind"] == "source":
        return f"source:{q['source']} {text}"
    if q["kind"] == "date":
        return f"date:{q['year']} {text}"
    if q["kind"] == "range":
        return f"date:{q['range'][0]}..{q['range'][1]} {text}"
    return text


def to_fts(q: dict) -> tuple[str, str, list[str]]:
    """(MATCH expression, extra WHERE, args) for the FTS5 baseline."""
    w = [normalize(x).replace('"', "") for x in q["words"]]
    where, args = "", []
    if q["kind"] == "phrase":
        m = f'"{w[0]} {w[1]}"'
    elif q["kind"] == "prefix":
        m = f'"{w[0]}" *'
    elif q["kind"] == "title":
        m = f'title : "{w[0]}"'
    else:
        m = " ".join(f'"{x}"' for x in w)
    if q["kind"] == "source":
        where, args = " AND source = ?", [q["source"]]
    elif q["kind"] == "date":
        where, args = " AND date LIKE ?", [q["year"] + "%"]
    elif q["kind"] == "range":
        where, args = " AND date BETWEEN ? AND ?", [q["range"][0], q["range"][1] + "-99"]
    return m, where, args


def build_fts(arts: list[dict], path: Path) -> float:
    """An FTS5 table of the pre-normalized texts; seconds."""
    t0 = time.perf_counter()
    db = sqlite3.connect(str(path))
    db.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(title, body, source UNINDEXED, date UNINDEXED,"
        " tokenize='unicode61')"
    )
    with db:
        db.executemany(
            "INSERT INTO fts(title, body, source, date) VALUES (?, ?, ?, ?)",
            ((normalize(a["title"]), normalize(a["text"]), a["source"], a["date"]) for a in arts),
        )
    db.close()
    return time.perf_counter() - t0


def run_fts(path: Path, queries: list[dict]) -> list[float]:
    """Latency (ms) of each query: top 10 with snippets, plus the count."""
    db = sqlite3.connect(str(path))
    times = []
    for q in queries:
        m, where, args = to_fts(q)
        t0 = time.perf_counter()
        db.execute(
            "SELECT rowid, snippet(fts, 1, '<b>', '</b>', '…', 24) FROM fts WHERE fts MATCH ?"
            f"{where} ORDER BY rank LIMIT 10",
            [m, *args],
        ).fetchall()
        db.execute(f"SELECT count(*) FROM fts WHERE fts MATCH ?{where}", [m, *args]).fetchone()
        times.append((time.perf_counter() - t0) * 1000)
    db.close()
    return times


def run_hamish(folder: Path, queries: list[str]) -> tuple[list[float], list[int]]:
    """Latency (ms) of each query through SearchService (top 10 with snippets, facets)."""
    svc = SearchService(folder)
    svc.search(queries[0], limit=10)  # open the searcher once
    times, totals = [], []
    for q in queries:
        t0 = time.perf_counter()
        r = svc.search(q, limit=10)
        times.append((time.perf_counter() - t0) * 1000)
        totals.append(r.total)
    svc.close()
    return times, totals


def highlight_latency(folder: Path, rounds: int = 20) -> list[float]:
    """ms from add_highlight to the highlight being found, with the GUI's background writer."""
    lib = Library(folder)
    live.attach(lib, background=True, helper=False)
    svc = SearchService(folder)
    out = []
    ids = lib.article_ids()[:rounds]
    for i, aid in enumerate(ids):
        token = f"zq{os.getpid()}m{i}x{time.monotonic_ns() % 100000}"
        t0 = time.perf_counter()
        lib.add_highlight(aid, 0, 5, note=token)
        while svc.search(token, limit=1).total == 0:
            time.sleep(0.002)
        out.append((time.perf_counter() - t0) * 1000)
    svc.close()
    close_all()
    lib.close()
    return out


def main() -> None:
    """Run everything and print the figures."""
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=20000)
    ap.add_argument("--queries", type=int, default=240)
    ap.add_argument("--skip-cli", action="store_true")
    ap.add_argument(
        "--library",
        type=Path,
        help="an existing library of this corpus: skip the import figures, measure the rest",
    )
    args = ap.parse_args()
    arts = load(args.corpus, args.limit)
    n = len(arts)
    tmp = Path(tempfile.mkdtemp(prefix="hamish-bench-"))
    print(f"corpus: {n} articles; work folder {tmp}")
    try:
        lib_dir = args.library or tmp / "lib"
        if args.library is None:
            import_figures(args, arts, lib_dir, tmp)
        size = dir_size(lib_dir / "index")
        print(
            f"index size: {size / 1e6:.1f} MB = {size / 1e6 / (n / 1000):.2f} MB per 1,000 articles"
        )
        query_figures(args, arts, lib_dir, tmp)
        lat = highlight_latency(lib_dir)
        print(
            f"new highlight -> searchable: median {statistics.median(lat):.0f} ms,"
            f" max {max(lat):.0f} ms over {len(lat)}"
        )
    finally:
        close_all()
        if os.environ.get("HAMISH_BENCH_KEEP") != "1":
            shutil.rmtree(tmp, ignore_errors=True)


def import_figures(args: argparse.Namespace, arts: list[dict], lib_dir: Path, tmp: Path) -> None:
    """Bulk import + index in one process, rebuild, and `hamish import` in a subprocess."""
    n = len(arts)
    t_imp, t_tot = import_in_process(arts, lib_dir)
    close_all()
    print(
        f"in-process import + index: {t_tot:.1f} s = {n / t_tot:.0f} articles/s"
        f" (import alone {t_imp:.1f} s = {n / t_imp:.0f}/s)"
    )
    t0 = time.perf_counter()
    ok = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--library", str(lib_dir), "reindex", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    t_re = time.perf_counter() - t0
    print(
        f"reindex (rebuild from SQLite): {t_re:.1f} s = {n / t_re:.0f} articles/s"
        f" {ok.stdout.strip()}"
    )
    if not args.skip_cli:
        txt = tmp / "txt"
        write_txt(arts, txt)
        t_cli = cli_import(txt, tmp / "cli-lib")
        chk = subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop_app",
                "--library",
                str(tmp / "cli-lib"),
                "check",
                "--json",
                "--no-repair",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
        print(
            f"hamish import FOLDER (subprocess, end to end): {t_cli:.1f} s ="
            f" {n / t_cli:.0f} articles/s; check: {chk}"
        )
        shutil.rmtree(txt, ignore_errors=True)


def query_figures(args: argparse.Namespace, arts: list[dict], lib_dir: Path, tmp: Path) -> None:
    """Latency of mixed queries through Hamish and through SQLite FTS5; FTS5 size."""
    n = len(arts)
    qs = build_queries(arts, args.queries)
    hq = [to_hamish(q) for q in qs]
    times, totals = run_hamish(lib_dir, hq)
    fts_path = tmp / "fts.sqlite3"
    t_fts = build_fts(arts, fts_path)
    ftimes = run_fts(fts_path, qs)
    fsize = fts_path.stat().st_size
    zero = sum(1 for t in totals if t == 0)
    print(f"queries: {len(hq)} mixed ({zero} with no match), snippets for the top 10, facets")
    print(
        f"  Hamish/Whoosh: p50 {pct(times, 50):.1f} ms, p95 {pct(times, 95):.1f} ms,"
        f" max {max(times):.1f} ms, mean {statistics.mean(times):.1f} ms"
    )
    print(
        f"  SQLite FTS5:   p50 {pct(ftimes, 50):.1f} ms, p95 {pct(ftimes, 95):.1f} ms,"
        f" max {max(ftimes):.1f} ms (build {t_fts:.1f} s = {n / t_fts:.0f}/s)"
    )
    print(
        f"  ratio Whoosh/FTS5: p50 {pct(times, 50) / max(pct(ftimes, 50), 1e-6):.1f}x,"
        f" p95 {pct(times, 95) / max(pct(ftimes, 95), 1e-6):.1f}x"
    )
    print(f"FTS5 size: {fsize / 1e6:.1f} MB = {fsize / 1e6 / (n / 1000):.2f} MB per 1,000")
    by_kind: dict[str, list[float]] = {}
    for q, t in zip(qs, times, strict=True):
        by_kind.setdefault(q["kind"], []).append(t)
    print(
        "  by kind (p50 ms): "
        + ", ".join(f"{k} {pct(v, 50):.1f}" for k, v in sorted(by_kind.items()))
    )
    slow = sorted(zip(times, hq, strict=True), reverse=True)[:5]
    print("  slowest: " + "; ".join(f"{q} {t:.0f} ms" for t, q in slow))


if __name__ == "__main__":
    main()
