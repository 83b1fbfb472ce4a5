"""Recall of Arabic word variants: Hamish's analyzer against Whoosh and SQLite FTS5 baselines.

Usage: python bench/recall.py CORPUS.jsonl.gz [--sample 3000] [--groups 200] [--seed 7]

Variant groups are built from the corpus: a base word (e.g. وزير) and its attested forms with
ال, و/وال, ب/بال, ل/لل, feminine ة, plurals ات / ون / ين, with harakat, and with another hamza
spelling (أ/إ/آ vs ا). The ground truth of a group is the set of sampled articles that contain
any attested form of it (compared without harakat or tatweel, letters otherwise unchanged). Each
variant type is queried with its most frequent attested form, and recall is averaged over the
groups. Systems: (a) a Whoosh index with Hamish's ArabicAnalyzer, (b) a Whoosh index with
StandardAnalyzer, (c) SQLite FTS5 unicode61 on the raw text, (d) FTS5 on text normalized by
Hamish's normalizer (no stemming), and (e) Hamish's analysis with the stem guard lexicon
removed (both KEEP_INITIAL and KEEP_FINAL: plain light10-style stripping, term sets, no index). The lexicon was built from the
even-numbered articles; the second table keeps only odd-numbered articles. The "in truth" row
is the share of a query's hits that lie inside its ground truth: a rough precision, low when a
system conflates other words, but also lowered by true forms the groups do not list.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from whoosh.analysis import StandardAnalyzer  # noqa: E402
from whoosh.fields import NUMERIC, TEXT, Schema  # noqa: E402
from whoosh.index import create_in  # noqa: E402
from whoosh.qparser import QueryParser  # noqa: E402

from desktop_app.core.search.analyzer import WORD_RE, arabic_analyzer, normalize_term  # noqa: E402
from desktop_app.core.search.stemmer import stem_arabic  # noqa: E402
from desktop_app.core.search.stopwords import STOPWORDS  # noqa: E402
from desktop_app.core.text.normalize import is_ignorable, normalize  # noqa: E402

TYPES = ["bare", "al", "wa", "bi", "li", "fem", "pl_at", "pl_un", "harakat", "hamza"]
SYSTEMS = ["hamish", "whoosh_std", "fts5_raw", "fts5_norm", "light10_noguard"]
_STRIP = {c: None for c in range(0x0600, 0x0700) if is_ignorable(chr(c))}
_STRIP.update({0x200C: None, 0x200D: None})
_ARABIC_WORD = re.compile(r"^[\u0621-\u064a]+$")
HAMZA_ALEFS = "أإآ"


def skeleton(surface: str) -> str:
    """A surface word without harakat, tatweel or ZWNJ; letters (hamza forms too) unchanged."""
    return surface.translate(_STRIP)


def read(corpus: Path) -> list[str]:
    """Title, abstract and text of every article, in file order."""
    texts: list[str] = []
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            texts.append(" ".join(str(a.get(k) or "") for k in ("title", "abstract", "text")))
    return texts


def count_forms(texts: list[str]) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """Skeleton frequencies, and for each skeleton the vocalized surfaces seen."""
    counts: Counter[str] = Counter()
    vocalized: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        for m in WORD_RE.finditer(text):
            w = m.group()
            sk = skeleton(w)
            counts[sk] += 1
            if sk != w:
                vocalized[sk][w] += 1
    return counts, vocalized


def hamza_variants(word: str) -> set[str]:
    """Other spellings of a word's alefs: أ/إ/آ written ا, and a bare initial ا written أ/إ."""
    out = set()
    if any(ch in HAMZA_ALEFS for ch in word):
        out.add(re.sub(f"[{HAMZA_ALEFS}]", "ا", word))
    if word.startswith("ا"):
        out.update({"أ" + word[1:], "إ" + word[1:]})
    out.discard(word)
    return out


def type_forms(b: str) -> dict[str, list[str]]:
    """The candidate (unattested yet) forms of each variant type for a base word."""
    root = b[:-1] if b.endswith("ة") else b
    forms = {
        "bare": [b],
        "al": ["ال" + b],
        "wa": ["و" + b, "وال" + b],
        "bi": ["ب" + b, "بال" + b],
        "li": ["ل" + b, "لل" + b],
        "fem": [] if b.endswith("ة") else [b + "ة", "ال" + b + "ة"],
        "pl_at": [root + "ات", "ال" + root + "ات"],
        "pl_un": [b + "ون", b + "ين", "ال" + b + "ون", "ال" + b + "ين"],
    }
    return forms


def build_groups(counts: Counter[str], vocalized, n_groups: int, seed: int):
    """Pick base words (some with a و/ف/ب/ل/ك first letter, some with hamza) and their forms."""
    cands = [
        w
        for w, c in counts.items()
        if c >= 10
        and counts["ال" + w] >= 20
        and _ARABIC_WORD.match(w)
        and len(w) >= 3
        and not w.startswith("ال")
        and normalize(w) not in STOPWORDS
    ]
    cands.sort(key=lambda w: -counts["ال" + w])
    clitic = [w for w in cands if w[0] in "وفبلك"]
    hamza = [w for w in cands if any(ch in HAMZA_ALEFS for ch in w) and w[0] not in "وفبلك"]
    other = [w for w in cands if w not in set(clitic) | set(hamza)]
    rng = random.Random(seed)

    def pick(pool: list[str], k: int) -> list[str]:
        return sorted(rng.sample(pool, min(k, len(pool))), key=lambda w: -counts["ال" + w])

    n_special = n_groups // 4
    bases = pick(clitic, n_special) + pick(hamza, n_special)
    bases += pick(other, n_groups - len(bases))
    groups = []
    for b in bases:
        typed: dict[str, list[str]] = {}
        for t, forms in type_forms(b).items():
            typed[t] = [f for f in forms if counts[f] > 0]
        all_forms = {f for fs in typed.values() for f in fs}
        typed["hamza"] = sorted({v for f in all_forms for v in hamza_variants(f) if counts[v] > 0})
        all_forms |= set(typed["hamza"])
        voc = Counter()
        for f in all_forms:
            voc.update(vocalized.get(f, {}))
        typed["harakat"] = [w for w, _c in voc.most_common(1)]
        queries = {}
        for t in TYPES:
            fs = typed.get(t) or []
            if fs:
                queries[t] = fs[0] if t == "harakat" else max(fs, key=lambda f: counts[f])
        groups.append({"base": b, "forms": all_forms, "queries": queries})
    return groups


def whoosh_index(folder: Path, analyzer, texts: dict[int, str]):
    """A Whoosh index of the sample (no stored text, positions kept)."""
    folder.mkdir()
    schema = Schema(doc=NUMERIC(stored=True, unique=True), body=TEXT(analyzer=analyzer))
    ix = create_in(str(folder), schema)
    w = ix.writer(limitmb=256)
    for i, text in texts.items():
        w.add_document(doc=i, body=text)
    w.commit()
    return ix


def whoosh_hits(ix, word: str) -> set[int]:
    """Articles matched by one query word parsed as a user would type it."""
    with ix.searcher() as s:
        q = QueryParser("body", ix.schema).parse(word)
        return {hit["doc"] for hit in s.search(q, limit=None)}


def fts5_db(texts: dict[int, str], prep) -> sqlite3.Connection:
    """An in-memory FTS5 table (unicode61 remove_diacritics 2) of the sample."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 2')")
    db.executemany(
        "INSERT INTO t(rowid, body) VALUES (?, ?)", ((i, prep(x)) for i, x in texts.items())
    )
    return db


def fts5_hits(db: sqlite3.Connection, word: str) -> set[int]:
    """Articles matched by one word as an FTS5 phrase."""
    q = '"' + word.replace('"', '""') + '"'
    return {r[0] for r in db.execute("SELECT rowid FROM t WHERE t MATCH ?", (q,))}


def noguard_terms(text: str) -> set[str]:
    """Terms of Hamish's analysis with the stem guard lexicon left out."""
    out = set()
    for m in WORD_RE.finditer(text):
        n = normalize_term(m.group())
        if n and n not in STOPWORDS:
            out.add(stem_arabic(n, frozenset(), frozenset()) if _ARABIC_WORD.match(n) else n)
    return out


def table(title: str, results, docs: set[int]) -> None:
    """Print macro-averaged recall per variant type and system, restricted to docs."""
    print(f"\n{title}")
    head = f"{'variant':<10}{'queries':>8}" + "".join(f"{s:>17}" for s in SYSTEMS)
    print(head)
    per = {t: defaultdict(list) for t in TYPES + ["overall"]}
    for truth, t, hits in results:
        gt = truth & docs
        if not gt:
            continue
        for s in SYSTEMS:
            r = len(hits[s] & gt) / len(gt)
            per[t][s].append(r)
            per["overall"][s].append(r)
    for t in TYPES + ["overall"]:
        n = len(per[t][SYSTEMS[0]])
        if not n:
            continue
        cells = "".join(f"{sum(per[t][s]) / n:>17.3f}" for s in SYSTEMS)
        print(f"{t:<10}{n:>8}{cells}")
    # The other side: how many hits lie outside the ground truth (conflations with other words,
    # but also true forms the groups do not list, such as وزيرها or وزراء for وزير).
    inside = defaultdict(list)
    for truth, _t, hits in results:
        gt = truth & docs
        if not gt:
            continue
        for s in SYSTEMS:
            h = hits[s] & docs
            if h:
                inside[s].append(len(h & gt) / len(h))
    cells = "".join(f"{sum(inside[s]) / max(len(inside[s]), 1):>17.3f}" for s in SYSTEMS)
    print(f"{'in truth':<10}{'':>8}{cells}   (share of a query's hits inside its ground truth)")


def main(argv: list[str] | None = None) -> int:
    """Build the groups, the four indexes, run every query and print the tables."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--sample", type=int, default=3000, help="articles indexed (0 = all)")
    ap.add_argument("--groups", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    if not args.corpus.is_file():
        print(f"error: corpus not found: {args.corpus}", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    texts = read(args.corpus)
    counts, vocalized = count_forms(texts)
    groups = build_groups(counts, vocalized, args.groups, args.seed)
    rng = random.Random(args.seed)
    ids = range(len(texts))
    chosen = sorted(rng.sample(ids, args.sample)) if 0 < args.sample < len(texts) else list(ids)
    sample = {i: texts[i] for i in chosen}
    print(f"{len(texts)} articles read; {len(sample)} sampled; {len(groups)} groups")

    # Ground truth: skeleton -> sampled articles containing it.
    postings: dict[str, set[int]] = defaultdict(set)
    for i, text in sample.items():
        for m in WORD_RE.finditer(text):
            postings[skeleton(m.group())].add(i)

    folder = tempfile.mkdtemp(prefix="hamish-recall-")
    try:
        t1 = time.perf_counter()
        ix_h = whoosh_index(Path(folder, "hamish"), arabic_analyzer(), sample)
        t2 = time.perf_counter()
        ix_s = whoosh_index(Path(folder, "standard"), StandardAnalyzer(), sample)
        t3 = time.perf_counter()
        raw = fts5_db(sample, lambda x: x)
        norm = fts5_db(sample, normalize)
        t4 = time.perf_counter()
        noguard: dict[str, set[int]] = defaultdict(set)
        for i, text in sample.items():
            for term in noguard_terms(text):
                noguard[term].add(i)
        print(
            f"indexing: Hamish Whoosh {t2 - t1:.1f} s, Standard Whoosh {t3 - t2:.1f} s, "
            f"both FTS5 {t4 - t3:.1f} s"
        )
        results = []
        for g in groups:
            truth = set().union(*(postings.get(f, set()) for f in g["forms"]))
            for t, word in g["queries"].items():
                ng = noguard_terms(word)
                hits = {
                    "hamish": whoosh_hits(ix_h, word),
                    "whoosh_std": whoosh_hits(ix_s, word),
                    "fts5_raw": fts5_hits(raw, word),
                    "fts5_norm": fts5_hits(norm, normalize(word)),
                    "light10_noguard": set.intersection(*(noguard.get(x, set()) for x in ng))
                    if ng
                    else set(),
                }
                results.append((truth, t, hits))
        all_docs = set(sample)
        table("Recall, all sampled articles (macro average over groups)", results, all_docs)
        odd = {i for i in all_docs if i % 2}
        table(
            "Recall, odd-numbered articles only (not used to build the stem lexicon)",
            results,
            odd,
        )
        bases = [g["base"] for g in groups]
        print(f"\nbase words, e.g.: {' '.join(bases[:12])} ... {' '.join(bases[-6:])}")
        print(f"total time {time.perf_counter() - t0:.0f} s")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
