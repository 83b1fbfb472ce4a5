"""Build desktop_app/core/search/_lexicon.py: stems whose leading و ف ب ل ك or ال is not a prefix.

Usage: python bench/build_stem_lexicon.py CORPUS.jsonl.gz [--out PATH] [--min-count N]

Only the even-numbered articles (0, 2, 4, ... in file order) are read, so the odd half can
measure how the stemmer generalises (bench/recall.py --odd-only).

The evidence, on normalized words (stopwords count as evidence but cast no vote):
- bare[x]: occurrences of words that are x plus suffixes (no prefix removed);
- art[x]: occurrences of words that are an article group (ال وال بال لل ...) + x plus suffixes;
  after the article the first letter of x surely belongs to the stem.
A word w = P + r (P a clitic letter or an article group) with stems x = stem(w) and
y = stem(r) votes, with its frequency, to keep P when, with strip = art[y] + bare[y], either
art[x] >= min-count and art[x] > strip (الوزير: وزير), or (one letter only) bare[x] >= BARE_MIN
and bare[x] > BARE_RATIO * strip (فرنسا), or (one letter, art[x] >= min-count) the word is
EXCESS times more frequent than rate(P) * strip, rate(P) being how often frequent words take
P (بعيد against عيد). A stem is kept when its keep votes win.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import corpus_half  # noqa: E402  # bench/ is on the path when a script here runs

from desktop_app.core.search.analyzer import WORD_RE, _unstemmed  # noqa: E402
from desktop_app.core.search.stemmer import (  # noqa: E402
    GUARDED_ENDINGS,
    is_arabic_letter,
    strip_suffixes,
)
from desktop_app.core.search.stopwords import STOPWORDS  # noqa: E402

ARTICLE_GROUPS = ("وبال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال")
CLITIC_LETTERS = "وفبلك"
BARE_MIN = 10
BARE_RATIO = 5
EXCESS = 1.5
FINAL_RATIO = 2
FINAL_AFTER = ("", "ات", "ه", "ها", "هم", "ي", "يه", "يين", "يون")
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "desktop_app/core/search/_lexicon.py"


def word_counts(corpus: Path) -> tuple[Counter[str], int]:
    """Normalized Arabic word frequencies of the even-numbered articles (stopwords too)."""
    counts: Counter[str] = Counter()
    n = 0
    for art in corpus_half.articles(corpus, corpus_half.EVEN):
        text = " ".join(str(art.get(k) or "") for k in ("title", "abstract", "text"))
        for m in WORD_RE.finditer(text):
            result = _unstemmed(m.group())
            terms = [result] if isinstance(result, str) else [p[2] for p in result]
            for term in terms:
                if is_arabic_letter(term[0]):
                    counts[term] += 1
        n += 1
    return counts, n


def final_stems(counts: Counter[str], min_count: int) -> list[str]:
    """Words whose ان / ون / ين ending belongs to them (اعلان, قانون, فلسطين), not a plural.

    The ending is kept when the whole word (alone, after ال, or before another suffix, as in
    اعلانات or قانونه) is FINAL_RATIO times more frequent than the word without the ending
    or feminine, and no sister ending is seen (متظاهرين has متظاهرون: a plural).
    """
    keep: list[str] = []
    for w in list(counts):
        if len(w) < 5 or w[-2:] not in GUARDED_ENDINGS or w in STOPWORDS:
            continue
        if any(w.startswith(g) and len(w) - len(g) >= 3 for g in ARTICLE_GROUPS):
            continue
        if w[0] in CLITIC_LETTERS and counts[w[1:]] >= counts[w]:
            continue  # ولبنان: the entry لبنان does the work
        x = w[:-2]
        # A sister ending seen (متظاهرين / متظاهرون, طالبان / طالبين): a plural or a dual.
        sisters = ("ون", "ين") if w.endswith("ين") else ("ين",) if w.endswith("ون") else ("ين",)
        if sum(counts[a + x + e] for a in ("", "ال") for e in sisters if x + e != w) >= 2:
            continue
        whole = sum(counts[a + w + e] for a in ("", "ال") for e in FINAL_AFTER)
        # The reading as an ending: the bare word (مسلم), its feminine or its ات plural.
        single = sum(counts[a + x + e] for a in ("", "ال") for e in ("", "ه", "ات"))
        if whole >= min_count and whole > FINAL_RATIO * single:
            keep.append(w)
    return sorted(keep)


def evidence(counts: Counter[str], keep_final: frozenset[str]) -> tuple[Counter[str], Counter[str]]:
    """bare[x] and art[x] stem evidence (see the module docstring).

    A stopword counts for itself only: فهي is evidence for فهي, not for a stem فه.
    """
    bare: Counter[str] = Counter()
    art: Counter[str] = Counter()
    for word, c in counts.items():
        if word in STOPWORDS:
            bare[word] += c
            continue
        bare[strip_suffixes(word, keep_final)] += c
        for group in ARTICLE_GROUPS:
            if word.startswith(group) and len(word) - len(group) >= 2:
                art[strip_suffixes(word[len(group) :], keep_final)] += c
                break
    return bare, art


def _split(word: str) -> tuple[str, int] | None:
    """The ambiguous prefix of a word: (its length, 1 or an article group) or None."""
    for g in ARTICLE_GROUPS:
        if word.startswith(g) and len(word) - len(g) >= 2:
            return g, len(g)
    if word[0] in CLITIC_LETTERS and len(word) >= 4:
        return word[0], 1
    return None


def prefix_rates(counts: Counter[str]) -> dict[str, float]:
    """How often a frequent plain word appears with each clitic letter before it."""
    plain = [
        y
        for y, c in counts.items()
        if c >= 50 and len(y) >= 3 and y[0] not in CLITIC_LETTERS and not y.startswith("ال")
    ]
    total = sum(counts[y] for y in plain) or 1
    return {p: sum(counts[p + y] for y in plain) / total for p in CLITIC_LETTERS}


def keep_stems(
    counts: Counter[str],
    bare: Counter[str],
    art: Counter[str],
    min_count: int,
    keep_final: frozenset[str],
) -> list[str]:
    """Stems whose first letter (or leading article group) belongs to the word.

    Each word type votes, with its frequency, for keeping or stripping its prefix; a stem is
    kept when the keep votes of the words that reach it win.
    """
    rates = prefix_rates(counts)
    votes: Counter[str] = Counter()
    for word, c in counts.items():
        split = None if word in STOPWORDS else _split(word)
        if split is None:
            continue
        prefix, n = split
        x = strip_suffixes(word, keep_final)
        if len(x) < 3:
            continue
        y = strip_suffixes(word[n:], keep_final)
        # An article never precedes a function word: ال + في is not a reading of الفي.
        s = 0 if n > 1 and y in STOPWORDS else art[y] + bare[y]
        k_art = art[x]
        # After an article the letter surely belongs to the stem; a bare form only counts when
        # the remainder is rare (وقال is more frequent than قال, yet it is و + قال), and never
        # for an article group (والاتربه is و + ال + اتربه unless الوالاتربه is seen).
        k_bare = 0 if n > 1 else bare[x]
        # When both readings are words (بعيد far, عيد feast), the word wins if it is far more
        # frequent than the prefix + word reading would make it.
        keeps = (
            (k_art >= min_count and k_art > s)
            or (k_bare >= BARE_MIN and s * BARE_RATIO < k_bare)
            or (k_art >= min_count and n == 1 and c > EXCESS * rates[prefix] * s)
        )
        votes[x] += c if keeps else -c
    return sorted(x for x, v in votes.items() if v > 0)


def _wrap(words: list[str]) -> str:
    lines: list[str] = []
    line = ""
    for w in words:
        if len(line) + len(w) + 1 > 90:
            lines.append(line)
            line = ""
        line = f"{line} {w}" if line else w
    if line:
        lines.append(line)
    return "\n".join(lines)


def write_module(initial: list[str], final: list[str], out: Path, n_articles: int) -> None:
    """Write the lexicon as a small Python module (two frozensets built from strings)."""
    out.write_text(
        '"""Light-stemmer guards: stems whose leading و ف ب ل ك or ال belongs to the word, and\n'
        "words whose ان / ون / ين ending belongs to them.\n\n"
        "Generated by bench/build_stem_lexicon.py from the even-numbered half of the ANT news\n"
        f"corpus ({n_articles} articles); regenerate rather than edit, and bump ANALYZER_VERSION.\n"
        '"""\n\n'
        "from __future__ import annotations\n\n"
        f'_INITIAL = """\n{_wrap(initial)}\n"""\n\n'
        f'_FINAL = """\n{_wrap(final)}\n"""\n\n'
        "KEEP_INITIAL: frozenset[str] = frozenset(_INITIAL.split())\n"
        "KEEP_FINAL: frozenset[str] = frozenset(_FINAL.split())\n",
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    """Count words, derive the guard stems, write the module and print what was kept."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args(argv)
    if not args.corpus.is_file():
        print(f"error: corpus not found: {args.corpus}", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    counts, n = word_counts(args.corpus)
    final = final_stems(counts, args.min_count)
    keep_final = frozenset(final)
    bare, art = evidence(counts, keep_final)
    stems = keep_stems(counts, bare, art, args.min_count, keep_final)
    write_module(stems, final, args.out, n)
    by_letter = Counter("ال" if s.startswith("ال") else s[0] for s in stems)
    print(f"articles read: {n}  word types: {len(counts)}  tokens: {sum(counts.values())}")
    print(f"prefix rates: { {p: round(r, 4) for p, r in prefix_rates(counts).items()} }")
    print(f"words keeping an ان/ون/ين ending: {len(final)}")
    print(f"guard stems: {len(stems)}  by first letter: {dict(by_letter)}")
    print(
        f"wrote {args.out} ({args.out.stat().st_size / 1024:.1f} KB) in {time.perf_counter() - t0:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
