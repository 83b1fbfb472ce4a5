"""The two halves of the corpus: tables are built from one, and measured on the other.

The even-numbered articles (0, 2, 4, ... in file order) build the stemmer's guard lexicon and the
encoding detector's letter-pair table; the odd-numbered ones are left for measuring them.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

EVEN, ODD = 0, 1


def articles(corpus: Path, half: int) -> Iterator[dict[str, Any]]:
    """The articles of one half (EVEN or ODD) of the corpus, in file order."""
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % 2 == half:
                yield json.loads(line)
