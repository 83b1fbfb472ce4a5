"""How often short Arabic snippets in a legacy code page are decoded in the right one.

    .venv/bin/python bench/encoding_accuracy.py path/to/ant-20k.jsonl.gz [--articles 3000]

Snippets of 3 to 30 words from the odd-numbered half of the corpus (the even half built the
letter-pair table), encoded in Windows-1256 and in ISO-8859-6, then decoded by the importer's
detector. Prints the share decoded wrong for each length. Run it with another checkout's code
on PYTHONPATH for a baseline.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import corpus_half

from desktop_app.core.importers.encoding import decode

LENGTHS = (3, 4, 6, 10, 30)


def main() -> int:
    """Measure and print."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--articles", type=int, default=3000)
    args = ap.parse_args()
    rng = random.Random(7)
    texts = [a["text"] for a in corpus_half.articles(args.corpus, corpus_half.ODD)]
    rng.shuffle(texts)
    texts = texts[: args.articles]
    for n in LENGTHS:
        wrong = total = 0
        for text in texts:
            words = text.split()
            if len(words) < n:
                continue
            start = rng.randrange(0, len(words) - n + 1)
            snippet = " ".join(words[start : start + n])
            for enc in ("cp1256", "iso8859_6"):
                try:
                    data = snippet.encode(enc)
                except UnicodeEncodeError:
                    continue
                total += 1
                wrong += decode(data) != (snippet, enc)
        print(f"{n:>3} words: {wrong:>4} of {total} decoded wrong ({100 * wrong / total:.2f}%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
