"""The one conversion between core code-point offsets and Qt's UTF-16 positions."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Convert offsets of one text between code points and UTF-16 code units.

    `marks` are code-point offsets before which the displayed text has one extra invisible
    character (an LRM the reader adds so "OPEC+" keeps its order inside Arabic); positions on
    either side of such a mark map to the same code-point offset.
    """

    def __init__(self, text: str, marks: Sequence[int] = ()) -> None:
        # Code-point indexes of characters outside the BMP (each takes two UTF-16 units).
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._marks = sorted(marks)
        self._len = len(text)

    def to_utf16(self, cp: int) -> int:
        """UTF-16 position of code-point offset `cp` (before a display mark that sits there)."""
        cp = max(0, min(cp, self._len))
        return cp + bisect_left(self._astral, cp) + bisect_left(self._marks, cp)

    def to_codepoint(self, u16: int) -> int:
        """Code-point offset of UTF-16 position `u16`; inside a surrogate pair -> the pair's start."""
        # The largest offset whose position is at or before u16 (to_utf16 only grows).
        lo, hi = 0, self._len
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.to_utf16(mid) <= u16:
                lo = mid
            else:
                hi = mid - 1
        return lo

    @property
    def utf16_length(self) -> int:
        """Length of the displayed text in UTF-16 code units."""
        return self._len + len(self._astral) + len(self._marks)


def utf16_len(text: str) -> int:
    """Length of text in UTF-16 code units."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)
