"""Search benchmark: bulk import + indexing, query latency against SQLite FTS5, index size,
time from a new highlight to searchable. Prints figures; asserts nothing.

    .venv/bin/python bench/search_bench.py /work/shared/corpus/ant-20k.jsonl.gz [--limit N]
    .venv/bin/python bench/search_bench.py CORPUS --library /work/bench-libs/lib20k
    .venv/bin/python bench/search_bench.py CORPUS --library /work/bench-libs/lib100k --copies 5

The 200-query mix runs through `hamish search --queries-file` (the per-query took_ms it prints,
timed inside SearchService.search), and in fresh processes through SearchService with the numpy
path and with the previous Whoosh path, and through SQLite FTS5 on normalized text.
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


def build_fts(arts: list[dict], path: Path, copies: int = 1) -> float:
    """An FTS5 table of the pre-normalized texts (copy k > 0 with big_library.py's added
    line); seconds."""
    t0 = time.perf_counter()
    db = sqlite3.connect(str(path))
    db.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(title, body, source UNINDEXED, date UNINDEXED,"
        " tokenize='unicode61')"
    )

    def rows():
        for k in range(copies):
            extra = f"\nنسخة {k} / copy {k}" if k else ""
            for a in arts:
                yield normalize(a["title"]), normalize(a["text"] + extra), a["source"], a["date"]

    with db:
        db.executemany("INSERT INTO fts(title, body, source, date) VALUES (?, ?, ?, ?)", rows())
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


def run_hamish(folder: Path, queries: list[str], engine: str) -> tuple[list[float], list]:
    """Latency (ms) of each query through SearchService in a fresh process (top 10 with
    snippets, facets, total; the first query opens the index), and what each returned."""
    qfile = folder.parent / f"queries-{engine}.txt"
    qfile.write_text("\n".join(queries) + "\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, __file__, "--service", engine, "--library", str(folder), str(qfile)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(out.stdout)
    return data["times"], data["answers"]


def service_child(folder: Path, qfile: Path, engine: str) -> None:
    """The child of run_hamish: time each query in-process, print JSON."""
    queries = [q for q in qfile.read_text(encoding="utf-8").splitlines() if q.strip()]
    svc = SearchService(folder, engine=engine)
    times, answers = [], []
    for q in queries:
        t0 = time.perf_counter()
        r = svc.search(q, limit=10)
        times.append((time.perf_counter() - t0) * 1000)
        answers.append(_answer(r.to_json()))
    svc.close()
    print(json.dumps({"times": times, "answers": answers}))


def _answer(d: dict) -> list:
    """What must be identical between two paths: total, facets in order, hits, snippets."""
    return [
        d["total"],
        [[k, list(v.items())] for k, v in d["facets"].items()],
        [
            [h["kind"], h["article_id"], h["highlight_id"], h["note_id"], h["score"], h["snippet"]]
            for h in d["hits"]
        ],
    ]


def run_cli(folder: Path, queries: list[str]) -> tuple[list[float], float, list]:
    """`hamish search --queries-file F --json --limit 10`: the per-query time the command
    reports (took_ms, measured inside SearchService.search), the wall time of the whole run,
    and what each query returned."""
    qfile = folder.parent / "queries-cli.txt"
    qfile.write_text("\n".join(queries) + "\n", encoding="utf-8")
    t0 = time.perf_counter()
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_app",
            "--library",
            str(folder),
            "search",
            "--queries-file",
            str(qfile),
            "--json",
            "--limit",
            "10",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - t0
    lines = [json.loads(x) for x in out.stdout.splitlines() if x.strip()]
    answers = json.loads(json.dumps([_answer(d) for d in lines]))  # as the children's
    return [d["took_ms"] for d in lines], wall, answers


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
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--skip-cli", action="store_true")
    ap.add_argument(
        "--library",
        type=Path,
        help="an existing library of this corpus (copied first, never changed): skip the"
        " import figures, measure the rest",
    )
    ap.add_argument(
        "--copies",
        type=int,
        default=1,
        help="the library holds the corpus this many times (bench/big_library.py); the FTS5"
        " baseline is built the same way",
    )
    ap.add_argument("--skip-highlight", action="store_true")
    ap.add_argument("--service", choices=["numpy", "whoosh"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.service:  # the child process of run_hamish
        service_child(args.library, args.corpus, args.service)
        return
    arts = load(args.corpus, args.limit)
    n = len(arts) * args.copies
    tmp = Path(tempfile.mkdtemp(prefix="hamish-bench-"))
    print(f"corpus: {n} articles; work folder {tmp}")
    try:
        lib_dir = tmp / "lib"
        if args.library is None:
            import_figures(args, arts, lib_dir, tmp)
        else:
            subprocess.run(["cp", "-a", str(args.library), str(lib_dir)], check=True)
        size = dir_size(lib_dir / "index")
        print(
            f"index size: {size / 1e6:.1f} MB = {size / 1e6 / (n / 1000):.2f} MB per 1,000 articles"
        )
        query_figures(args, arts, lib_dir, tmp)
        if not args.skip_highlight:
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


def _line(name: str, t: list[float]) -> str:
    rest = t[1:] or t
    return (
        f"  {name:34s} p50 {pct(t, 50):6.1f} ms  p95 {pct(t, 95):6.1f} ms  max {max(t):6.1f} ms"
        f"  first {t[0]:6.1f} ms  max after first {max(rest):6.1f} ms"
    )


def query_figures(args: argparse.Namespace, arts: list[dict], lib_dir: Path, tmp: Path) -> None:
    """Latency of the query mix: CLI, the numpy and the Whoosh paths, SQLite FTS5."""
    n = len(arts) * args.copies
    qs = build_queries(arts, args.queries)
    hq = [to_hamish(q) for q in qs]
    cli, wall, cli_answers = run_cli(lib_dir, hq)
    new, new_answers = run_hamish(lib_dir, hq, "numpy")
    old, old_answers = run_hamish(lib_dir, hq, "whoosh")
    fts_path = tmp / "fts.sqlite3"
    t_fts = build_fts(arts, fts_path, args.copies)
    ftimes = run_fts(fts_path, qs)
    zero = sum(1 for a in new_answers if a[0] == 0)
    differ = sum(1 for a, b in zip(new_answers, old_answers, strict=True) if a != b)
    differ_cli = sum(1 for a, b in zip(cli_answers, old_answers, strict=True) if a != b)
    print(
        f"queries: {len(hq)} mixed ({zero} with no match) on {n} articles,"
        " top 10 with snippets, facets and total"
    )
    print(_line("hamish search --queries-file (took_ms)", cli))
    print(f"  {'':34s} whole command {wall:.1f} s (start, index open, {len(hq)} queries)")
    print(_line("SearchService numpy path", new))
    print(_line("SearchService Whoosh path (before)", old))
    print(_line("SQLite FTS5 (normalized text)", ftimes))
    print(
        f"  ratios p50/p95: CLI/Whoosh path {pct(cli, 50) / pct(old, 50):.2f}x"
        f" {pct(cli, 95) / pct(old, 95):.2f}x; numpy/Whoosh {pct(new, 50) / pct(old, 50):.2f}x"
        f" {pct(new, 95) / pct(old, 95):.2f}x; CLI/FTS5 {pct(cli, 50) / pct(ftimes, 50):.1f}x"
        f" {pct(cli, 95) / pct(ftimes, 95):.1f}x"
    )
    print(
        f"  answers differing from the Whoosh path (totals, facets and order, hits, scores,"
        f" snippets): numpy {differ}, CLI {differ_cli} of {len(hq)}"
    )
    print(f"  FTS5 build {t_fts:.1f} s, size {fts_path.stat().st_size / 1e6:.1f} MB")
    for name, t in (("CLI", cli), ("Whoosh path", old)):
        by_kind: dict[str, list[float]] = {}
        for q, x in zip(qs, t, strict=True):
            by_kind.setdefault(q["kind"], []).append(x)
        print(
            f"  {name} by kind (p50 ms): "
            + ", ".join(f"{k} {pct(v, 50):.1f}" for k, v in sorted(by_kind.items()))
        )
    slow = sorted(zip(cli[1:], hq[1:], strict=True), reverse=True)[:5]
    print("  CLI slowest after the first: " + "; ".join(f"{q} {t:.0f} ms" for t, q in slow))


if __name__ == "__main__":
    main()
