"""Import fidelity: documents made by real producers from corpus articles, read back word for word.

Usage: .venv/bin/python bench/fidelity.py CORPUS.jsonl.gz [--per-shape 3] [--seed 7]
                                          [--baseline DIR] [--keep DIR]

Articles are drawn from the corpus (seeded) and written by the producers in tests/producers/:
headless Chromium's print-to-PDF, LibreOffice's PDF export (plain, justified with kashida,
with running headers), fpdf2 with HarfBuzz, web pages in the shapes news sites use, Word files
with tracked changes, comments, notes and text boxes (python-docx plus raw OOXML), and plain
text wrapped by fmt or with ".." headlines; PDFs whose fonts map the letters to the wrong
characters (CJK, private use, CJK and Latin-Extended soup) must be refused. Each file is imported with the importers and
compared with what the producer was given:

- body: the words of the imported paragraphs equal the source paragraphs' words, in order
  (a headline the importer kept as the first paragraph or heading is set aside first);
- title: the imported title equals the headline (word for word).

A document is right when both hold. --baseline DIR scores the same files with the Hamish in
DIR (a checkout of another version, e.g. `git worktree add /tmp/base REV`), in the same run.
Producers missing on this machine (chromium, soffice) are skipped and named. Prints figures,
asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus_sources(corpus: Path, count: int, seed: int) -> list:
    """`count` seeded corpus articles of 3-8 paragraphs as producer sources."""
    from tests.producers import Source

    rows = []
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            art = json.loads(line)
            paras = [p.strip() for p in art.get("text", "").split("\n") if p.strip()]
            title = " ".join(str(art.get("title") or "").split())
            if title and 3 <= len(paras) <= 8 and sum(map(len, paras)) < 2500:
                rows.append((title, paras, art))
            if len(rows) >= 4000:
                break
    picked = random.Random(seed).sample(rows, count)
    return [
        Source(
            title=t,
            paragraphs=tuple(p),
            source=str(a.get("source") or ""),
            published=str(a.get("date") or "")[:10],
        )
        for t, p, a in picked
    ]


def generate(sources: list, per_shape: int) -> tuple[list, list[str]]:
    """Generated documents from every available producer; the producers that were missing."""
    from tests.producers import CHROMIUM, SOFFICE
    from tests.producers import docx as docx_producer
    from tests.producers import html as html_producer
    from tests.producers import pdf as pdf_producer
    from tests.producers import text as text_producer

    out: list = []
    missing: list[str] = []
    rnd = iter(range(10**6))

    def take() -> list:
        start = next(rnd) * per_shape % len(sources)
        return [sources[(start + i) % len(sources)] for i in range(per_shape)]

    out += text_producer.documents(take())
    out += html_producer.pages(take())
    out += docx_producer.documents(take())
    out += pdf_producer.fpdf2_pdf(take())
    out += pdf_producer.fpdf2_pdf(take(), stretch=True)
    # Text layers whose fonts map the letters to the wrong characters: right means refused.
    out += [
        pdf_producer.broken_pdf(g, kind)
        for g, kind in zip(
            pdf_producer.fpdf2_pdf(take()), ["cjk", "pua", "soup"] * per_shape, strict=False
        )
    ]
    if CHROMIUM:
        out += pdf_producer.chromium_pdf(take())
    else:
        missing.append("chromium")
    if SOFFICE:
        out += pdf_producer.libreoffice_pdf(take())
        out += pdf_producer.libreoffice_pdf(take(), justify=True)
        # Running heads are told by repetition: each of these documents joins three
        # articles so that it runs over several pages.
        long = [
            replace(group[0], paragraphs=tuple(p for s in group for p in s.paragraphs))
            for group in (take() for _ in range(per_shape))
        ]
        out += [
            replace(g, producer=g.producer + "-running")
            for g in pdf_producer.libreoffice_pdf(long, running=True)
        ]
    else:
        missing.append("soffice")
    return out, missing


# Bidi controls (marks, embeddings, overrides, isolates) are invisible: some corpus articles have
# them, and a PDF or a web page does not carry them into its text. Words compare without them.
_CONTROLS = dict.fromkeys([0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)], None)


def words(text: str) -> list[str]:
    """The words of text, bidi controls left out, marks in canonical order (NFC)."""
    return unicodedata.normalize("NFC", text.translate(_CONTROLS)).split()


def score_folder(folder: Path) -> list[dict]:
    """Import every file listed in folder/truth.json with this process's Hamish; score each."""
    from desktop_app.core.importers import parse_bytes

    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    results = []
    for row in truth:
        data = (folder / row["file"]).read_bytes()
        t0 = time.perf_counter()
        try:
            doc = parse_bytes(data, row["name"])
            paras = [p.text for p in doc.paragraphs]
            title, error, refused = doc.title, "", False
        except Exception as exc:  # a failed import is a wrong document, unless it must fail
            paras, title, error = [], "", f"{type(exc).__name__}: {exc}"
            refused = getattr(exc, "code", "") == "import.pdf_unreadable"
        ms = (time.perf_counter() - t0) * 1000
        want_title = words(row["title"])
        body = [w for p in row["paragraphs"] for w in words(p)]
        got = [w for p in paras for w in words(p)]
        if got[: len(want_title)] == want_title and got[len(want_title) :] == body:
            got = got[len(want_title) :]  # the headline came in as the first paragraph
        if row["refuse"]:  # an unreadable layer: refusing it is right, anything else wrong
            body_ok = title_ok = refused
        else:
            body_ok, title_ok = got == body, words(title) == want_title
        results.append(
            {
                "file": row["file"],
                "producer": row["producer"],
                "body_ok": body_ok,
                "title_ok": title_ok,
                "error": error,
                "ms": ms,
            }
        )
    return results


def run_scorer(root: Path, folder: Path) -> list[dict]:
    """score_folder in a child process whose desktop_app is the one under root."""
    env = dict(os.environ, PYTHONPATH=str(root), QT_QPA_PLATFORM="offscreen")
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); sys.path.insert(1, sys.argv[3]);"
        "from bench.fidelity import score_folder;"
        "from pathlib import Path; print(json.dumps(score_folder(Path(sys.argv[2]))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(root), str(folder), str(ROOT)],
        env=env,
        capture_output=True,
        text=True,
        cwd=str(folder),
    )
    if out.returncode:
        raise SystemExit(f"scoring with {root} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.splitlines()[-1])


def table(name: str, results: list[dict]) -> None:
    """Per-producer shares of documents right word for word."""
    by: dict[str, list[dict]] = defaultdict(list)
    for r in results:
        by[r["producer"]].append(r)
    print(f"\n{name}")
    print(f"{'producer':26} {'docs':>5} {'body ok':>8} {'title ok':>9} {'both':>6} {'ms/doc':>8}")
    for producer in sorted(by):
        rows = by[producer]
        body = sum(r["body_ok"] for r in rows)
        title = sum(r["title_ok"] for r in rows)
        both = sum(r["body_ok"] and r["title_ok"] for r in rows)
        ms = sorted(r["ms"] for r in rows)[len(rows) // 2]
        print(f"{producer:26} {len(rows):>5} {body:>8} {title:>9} {both:>6} {ms:>8.1f}")
    n = len(results)
    both = sum(r["body_ok"] and r["title_ok"] for r in results)
    body = sum(r["body_ok"] for r in results)
    print(f"{'all':26} {n:>5} {body:>8} {'':>9} {both:>6}   right: {both}/{n} = {both / n:.0%}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--per-shape", type=int, default=3, help="corpus articles per shape")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--baseline", type=Path, help="another Hamish checkout to score alongside")
    ap.add_argument("--keep", type=Path, help="write the generated files here and keep them")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}: nothing to measure")
        return 0
    sys.path.insert(0, str(ROOT))
    sources = corpus_sources(args.corpus, 60, args.seed)
    t0 = time.perf_counter()
    docs, missing = generate(sources, args.per_shape)
    print(f"generated {len(docs)} documents in {time.perf_counter() - t0:.0f} s", end="")
    print(f" (missing producers: {', '.join(missing)})" if missing else "")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        truth = []
        for i, g in enumerate(docs):
            file = f"{i:03d}-{g.producer}-{g.name}"
            (folder / file).write_bytes(g.data)
            truth.append(
                {
                    "file": file,
                    "name": g.name,
                    "producer": g.producer,
                    "title": g.source.title,
                    "paragraphs": list(g.paragraphs),
                    "refuse": g.producer.endswith(("-cjk", "-pua", "-soup")),
                }
            )
        (folder / "truth.json").write_text(json.dumps(truth, ensure_ascii=False), "utf-8")
        if args.baseline:
            table(f"baseline: {args.baseline}", run_scorer(args.baseline.resolve(), folder))
        results = run_scorer(ROOT, folder)
        table(f"this checkout: {ROOT}", results)
        wrong = [r for r in results if not (r["body_ok"] and r["title_ok"])]
        for r in wrong:
            print(
                f"  wrong: {r['file']} body_ok={r['body_ok']} title_ok={r['title_ok']} {r['error']}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
