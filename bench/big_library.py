"""Build a library of the corpus repeated COPIES times, for the benchmarks at 100,000 articles.

    .venv/bin/python bench/big_library.py /work/shared/corpus/ant-20k.jsonl.gz OUT [--copies 5]

Copy k > 0 of each article carries one added line ("نسخة k / copy k") so no two are duplicates.
The articles are stored through Library.add_document, then `hamish reindex` builds the index.
Prints the times; the library is left at OUT for the other benchmarks (their --library).
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.core.library import Library  # noqa: E402
from desktop_app.core.models import ImportedDocument  # noqa: E402
from desktop_app.core.text.paragraphs import build_paragraphs  # noqa: E402


def documents(corpus: Path, copies: int, limit: int):
    """(copy, article) for every copy of the first `limit` articles."""
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        arts = [json.loads(line) for _, line in zip(range(limit), f, strict=False)]
    for k in range(copies):
        for a in arts:
            yield k, a


def main() -> int:
    """Build the library and print the figures."""
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--copies", type=int, default=5)
    ap.add_argument("--limit", type=int, default=20000)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}; nothing to do")
        return 0
    lib = Library(args.out)
    t0 = time.perf_counter()
    n = 0
    for k, a in documents(args.corpus, args.copies, args.limit):
        paras = [p for p in a["text"].split("\n") if p.strip()]
        if k:
            paras.append(f"نسخة {k} / copy {k}")
        lib.add_document(
            ImportedDocument(
                paragraphs=build_paragraphs(paras),
                title=a["title"],
                source=a["source"],
                published=a["date"],
                language="ar",
                format="txt",
            )
        )
        n += 1
    lib.close()
    t_store = time.perf_counter() - t0
    print(f"stored {n} articles in {t_store:.0f} s ({n / t_store:.0f}/s)")
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--library", str(args.out), "reindex", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    print(f"reindex: {time.perf_counter() - t0:.0f} s {out.stdout.strip()} {out.stderr.strip()}")
    return out.returncode


if __name__ == "__main__":
    raise SystemExit(main())
