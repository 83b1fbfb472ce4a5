"""Analyzer throughput: Hamish's ArabicAnalyzer against Whoosh's StandardAnalyzer (baseline).

Usage: python bench/analyzer_speed.py CORPUS.jsonl.gz [--limit N] [--index N]

Times are CPU seconds of this process (steadier than wall time on a shared machine).
Prints tokens/s and articles/s for a cold pass (empty per-word cache) and a warm pass, and,
with --index N, the time to build a Whoosh index of N articles with each analyzer.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from whoosh.analysis import StandardAnalyzer  # noqa: E402

from desktop_app.core.search.analyzer import _stemmed, arabic_analyzer, clear_cache  # noqa: E402


def read_articles(corpus: Path, limit: int | None) -> list[str]:
    """Title, abstract and text of the first `limit` articles."""
    out: list[str] = []
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            out.append(" ".join(str(a.get(k) or "") for k in ("title", "abstract", "text")))
            if limit and len(out) >= limit:
                break
    return out


def run(analyzer, texts: list[str], chars: bool) -> tuple[int, float]:
    """Tokens produced and seconds taken, consuming tokens the way an index writer does."""
    n = 0
    t0 = time.process_time()
    for text in texts:
        for _t in analyzer(text, positions=True, chars=chars):
            n += 1
    return n, time.process_time() - t0


def index_time(analyzer, texts: list[str]) -> float:
    """Seconds to write and commit a Whoosh index of texts (positions and chars stored)."""
    from whoosh.fields import ID, TEXT, Schema
    from whoosh.index import create_in

    folder = tempfile.mkdtemp(prefix="hamish-speed-")
    try:
        schema = Schema(id=ID(stored=True), body=TEXT(analyzer=analyzer, chars=True))
        ix = create_in(folder, schema)
        t0 = time.process_time()
        w = ix.writer(limitmb=128)
        for i, text in enumerate(texts):
            w.add_document(id=str(i), body=text)
        w.commit()
        return time.process_time() - t0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Measure and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=None, help="articles to read (default all)")
    ap.add_argument("--index", type=int, default=0, help="also index this many articles")
    args = ap.parse_args(argv)
    if not args.corpus.is_file():
        print(f"error: corpus not found: {args.corpus}", file=sys.stderr)
        return 1
    texts = read_articles(args.corpus, args.limit)
    print(f"{len(texts)} articles, {sum(map(len, texts)) / 1e6:.1f} M characters")
    print(f"{'analyzer':<34}{'tokens':>10}{'seconds':>9}{'tokens/s':>11}{'articles/s':>12}")

    def row(name: str, n: int, sec: float) -> None:
        print(f"{name:<34}{n:>10}{sec:>9.2f}{n / sec:>11,.0f}{len(texts) / sec:>12,.0f}")

    std = StandardAnalyzer()
    ours = arabic_analyzer()
    for chars in (False, True):
        label = "positions and chars" if chars else "positions"
        print(f"-- tokens with {label}")
        row("Whoosh StandardAnalyzer (baseline)", *run(std, texts, chars=chars))
        clear_cache()
        row("ArabicAnalyzer, cold cache", *run(ours, texts, chars=chars))
        row("ArabicAnalyzer, warm cache", *run(ours, texts, chars=chars))
    info = _stemmed.cache_info()
    print(f"per-word cache: {info.currsize} entries, max {info.maxsize}")
    if args.index:
        sample = texts[: args.index]
        for name, an in (("StandardAnalyzer", std), ("ArabicAnalyzer", ours)):
            clear_cache()
            sec = index_time(an, sample)
            print(
                f"Whoosh index of {len(sample)} articles, {name}: {sec:.1f} s, {len(sample) / sec:,.0f} articles/s"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
