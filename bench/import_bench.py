"""Import benchmark: raw sqlite3 baseline, Library.add_document, .txt files through `hamish import`.

Usage: .venv/bin/python bench/import_bench.py CORPUS.jsonl.gz [--limit N] [--enc-sample N]
                                              [--baseline DIR --rounds N]

--baseline DIR also times the two import stages with the Hamish in DIR (another checkout, e.g.
`git worktree add /tmp/base REV`), alternating with this one --rounds times, and prints the
medians side by side with their ratio.

Every stage runs in its own process so that its peak RSS (ru_maxrss from os.wait4) is its own.
Also prints how often cp1256 / ISO-8859-6 bytes of corpus texts decode back to the same text.
Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# A child process timing another checkout imports desktop_app from there.
sys.path.insert(0, os.environ.get("HAMISH_BENCH_ROOT") or str(ROOT))

STAGES = ("sqlite", "add_document", "import_paths")


def load(corpus: Path, limit: int | None) -> list[dict]:
    """The first `limit` articles of a JSON-lines corpus (gzip or plain)."""
    opener = gzip.open if corpus.suffix == ".gz" else open
    out: list[dict] = []
    with opener(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))
                if limit and len(out) >= limit:
                    break
    return out


def paragraphs_of(article: dict) -> list[str]:
    """The article's paragraphs: its text split into non-empty lines."""
    return [line.strip() for line in article.get("text", "").split("\n") if line.strip()]


def txt_of(article: dict) -> str:
    """The corpus-shaped .txt file: title line, blank line, one paragraph a line."""
    return article.get("title", "").strip() + "\n\n" + "\n".join(paragraphs_of(article)) + "\n"


# -- stages, each run in a child process -------------------------------------------------------
def stage_sqlite(articles: list[dict], work: Path) -> dict:
    """Baseline: one executemany of the same articles into a plain table."""
    conn = sqlite3.connect(work / "plain.sqlite3")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(
        "CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, source TEXT, url TEXT,"
        " published TEXT, text TEXT)"
    )
    t0 = time.perf_counter()
    with conn:
        conn.executemany(
            "INSERT INTO articles (title, source, url, published, text) VALUES (?, ?, ?, ?, ?)",
            [
                (
                    a.get("title", ""),
                    a.get("source", ""),
                    a.get("url", ""),
                    a.get("date", ""),
                    "\n".join(paragraphs_of(a)),
                )
                for a in articles
            ],
        )
    elapsed = time.perf_counter() - t0
    conn.close()
    return {"seconds": elapsed, "stored": len(articles), "failed": 0, "duplicate": 0}


def stage_add_document(articles: list[dict], work: Path) -> dict:
    """Library.add_document of ImportedDocuments built from title + paragraphs."""
    from desktop_app.core.library import Library
    from desktop_app.core.models import ImportedDocument
    from desktop_app.core.text.paragraphs import build_paragraphs

    counts = {"imported": 0, "duplicate": 0, "failed": 0}
    t0 = time.perf_counter()
    with Library(work / "lib-add") as lib:
        for a in articles:
            doc = ImportedDocument(
                paragraphs=build_paragraphs(paragraphs_of(a)),
                title=a.get("title", ""),
                source=a.get("source", ""),
                url=a.get("url", ""),
                published=a.get("date", ""),
                language="ar",
                format="txt",
            )
            counts[lib.add_document(doc).status] += 1
    elapsed = time.perf_counter() - t0
    return {
        "seconds": elapsed,
        "stored": counts["imported"],
        "failed": counts["failed"],
        "duplicate": counts["duplicate"],
    }


def stage_import_paths(folder: Path, work: Path) -> dict:
    """Library.import_paths on the .txt folder, in process, with no search index attached."""
    from desktop_app.core.library import Library

    t0 = time.perf_counter()
    with Library(work / "lib-paths") as lib:
        results = lib.import_paths([folder])
    elapsed = time.perf_counter() - t0
    return {"seconds": elapsed, **_count(r.status for r in results)}


def _count(statuses) -> dict:
    c = {"imported": 0, "duplicate": 0, "failed": 0}
    for s in statuses:
        c[s] += 1
    return {"stored": c["imported"], "duplicate": c["duplicate"], "failed": c["failed"]}


# -- the parent ---------------------------------------------------------------------------------
def run_child(cmd: list[str], cwd: Path = ROOT, root: Path = ROOT) -> tuple[int, float, int, str]:
    """Run cmd; (exit code, wall seconds, peak RSS in KiB of it and its reaped children, stdout).

    root: the checkout whose desktop_app the child imports.
    """
    out_file = tempfile.TemporaryFile()
    env = {**os.environ, "PYTHONPATH": str(root), "HAMISH_BENCH_ROOT": str(root)}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=out_file, stderr=subprocess.PIPE, env=env)
    stderr = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    out_file.seek(0)
    stdout = out_file.read().decode("utf-8", "replace")
    if proc.returncode not in (0, 1):
        print(
            f"  ! {' '.join(cmd[:4])}... exited {proc.returncode}: "
            f"{stderr.decode('utf-8', 'replace').strip().splitlines()[-1:]}"
        )
    return proc.returncode, wall, usage.ru_maxrss, stdout


def _progress(row: tuple[str, float, int, dict]) -> None:
    label, secs, rss_kib, res = row
    print(
        f"  done: {label}: {secs:.1f} s, {res['stored']} stored, {rss_kib / 1024:.0f} MB",
        flush=True,
    )


def encoding_accuracy(articles: list[dict], sample: int) -> list[tuple[int, str, float, float]]:
    """(length, code page, share decoded right by Hamish, share by charset-normalizer alone)."""
    from charset_normalizer import from_bytes

    from desktop_app.core.errors import ImportFailed
    from desktop_app.core.importers.encoding import decode

    step = max(1, len(articles) // sample)
    texts = [a["text"] for a in articles[::step][:sample] if a.get("text")]
    rows = []
    for length in (20, 50, 100, 300, 1000, 0):
        for enc in ("cp1256", "iso8859_6"):
            ours = theirs = 0
            for t in texts:
                data = (t[:length] if length else t).encode(enc, errors="replace")
                truth = data.decode(enc)
                try:
                    ours += decode(data)[0] == truth
                except ImportFailed:
                    pass
                best = from_bytes(data).best()
                theirs += best is not None and str(best) == truth
            rows.append((length, enc, ours / len(texts), theirs / len(texts)))
    return rows


def import_paths_child(
    python: str, corpus: Path, work: Path, folder: Path, root: Path = ROOT
) -> tuple[int, dict[str, Any]]:
    """The import_paths stage of `root`'s Hamish in a child process: (peak RSS, its result)."""
    _, _, rss, out = run_child(
        [python, __file__, str(corpus), "--stage", "import_paths", "--work", str(work)]
        + ["--folder", str(folder)],
        root=root,
    )
    return rss, json.loads(out.strip().splitlines()[-1])


def compare(python: str, args: argparse.Namespace, folder: Path, work: Path) -> None:
    """Time import_paths and `hamish import` with this checkout and the baseline, alternating."""
    import statistics

    roots = {"this": ROOT, "baseline": args.baseline.resolve()}
    times: dict[tuple[str, str], list[float]] = {}
    for r in range(args.rounds):
        for name, root in roots.items():
            lib = work / f"cmp-{name}-{r}"
            _, res = import_paths_child(python, args.corpus, lib, folder, root)
            times.setdefault((name, "import_paths"), []).append(res["stored"] / res["seconds"])
            cli = work / f"cmp-cli-{name}-{r}"
            _, wall, _, _ = run_child(
                [python, "-m", "desktop_app", "import", str(folder), "--library", str(cli)],
                cwd=root,
                root=root,
            )
            times.setdefault((name, "hamish import"), []).append(res["stored"] / wall)
            shutil.rmtree(lib, ignore_errors=True)
            shutil.rmtree(cli, ignore_errors=True)
            print(f"  round {r + 1} {name} done", flush=True)
    print()
    print(f"articles/s, median of {args.rounds} alternating rounds (baseline: {args.baseline})")
    print(f"{'stage':<16} {'this':>8} {'baseline':>9} {'ratio':>7}")
    for stage in ("import_paths", "hamish import"):
        this = statistics.median(times[("this", stage)])
        base = statistics.median(times[("baseline", stage)])
        print(f"{stage:<16} {this:>8.0f} {base:>9.0f} {this / base:>7.2f}")


def main() -> None:
    """Run every stage and print the figures side by side."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=20000)
    ap.add_argument("--enc-sample", type=int, default=400, help="texts per length and code page")
    ap.add_argument("--stage", choices=STAGES, help=argparse.SUPPRESS)
    ap.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--baseline", type=Path, help="another checkout to time alongside")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds with --baseline")
    args = ap.parse_args()

    if args.stage:  # child process
        if args.stage == "import_paths":
            result = stage_import_paths(args.folder, args.work)
        else:
            articles = load(args.corpus, args.limit)
            fn = stage_sqlite if args.stage == "sqlite" else stage_add_document
            result = fn(articles, args.work)
        print(json.dumps(result))
        return

    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}")
        return
    articles = load(args.corpus, args.limit)
    n = len(articles)
    python = str(ROOT / ".venv" / "bin" / "python")
    if not Path(python).exists():
        python = sys.executable
    work = Path(tempfile.mkdtemp(prefix="hamish-import-bench-"))
    rows: list[tuple[str, float, int, dict]] = []
    try:
        print(
            f"{n} articles from {args.corpus.name}; work folder {work}; "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
            flush=True,
        )
        for stage, label in (
            ("sqlite", "baseline: sqlite3 executemany, plain table"),
            ("add_document", "Library.add_document"),
        ):
            code, _, rss, out = run_child(
                [
                    python,
                    __file__,
                    str(args.corpus),
                    "--limit",
                    str(n),
                    "--stage",
                    stage,
                    "--work",
                    str(work),
                ]
            )
            res = json.loads(out.strip().splitlines()[-1])
            rows.append((label, res["seconds"], rss, res))
            _progress(rows[-1])

        folder = work / "txt"
        folder.mkdir()
        t0 = time.perf_counter()
        for i, a in enumerate(articles):
            (folder / f"{i:05d}.txt").write_text(txt_of(a), encoding="utf-8")
        print(f"wrote {n} .txt files in {time.perf_counter() - t0:.1f} s (not counted)", flush=True)

        rss, res = import_paths_child(python, args.corpus, work, folder)
        rows.append(("Library.import_paths(folder), no index", res["seconds"], rss, res))
        _progress(rows[-1])

        lib = work / "lib-cli"
        code, wall, rss, out = run_child(
            [python, "-m", "desktop_app", "import", str(folder), "--library", str(lib), "--json"]
        )
        try:
            res = _count(r["status"] for r in json.loads(out))
        except (json.JSONDecodeError, KeyError, TypeError):
            res = {"stored": -1, "duplicate": -1, "failed": -1}
        index = "with search index" if (lib / "index").exists() else "no search index"
        rows.append((f"`hamish import FOLDER --json` subprocess ({index})", wall, rss, res))
        _progress(rows[-1])

        print()
        print(
            f"{'stage':<58} {'seconds':>8} {'articles/s':>11} {'peak RSS':>10} "
            f"{'stored':>7} {'dup':>5} {'failed':>6}"
        )
        for label, secs, rss_kib, res in rows:
            rate = res["stored"] / secs if secs > 0 and res["stored"] > 0 else 0.0
            print(
                f"{label:<58} {secs:>8.1f} {rate:>11.0f} {rss_kib / 1024:>8.0f} MB "
                f"{res['stored']:>7} {res['duplicate']:>5} {res['failed']:>6}"
            )
        print("(target: 20,000 stored in under 60 s)")
        if args.baseline:
            compare(python, args, folder, work)
        print(f"load average at the end {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print()
    print("encoding detection: corpus texts encoded, then decoded without being told the encoding")
    print(f"{'chars':>6} {'code page':<10} {'Hamish':>8} {'charset-normalizer alone':>26}")
    for length, enc, ours, theirs in encoding_accuracy(articles, args.enc_sample):
        print(f"{length or 'full':>6} {enc:<10} {ours:>8.1%} {theirs:>26.1%}")


if __name__ == "__main__":
    main()
