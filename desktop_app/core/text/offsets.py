"""The one conversion between core code-point offsets and Qt's UTF-16 positions."""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Convert offsets of one text between code points and UTF-16 code units."""

    def __init__(self, text: str) -> None:
        # Code-point indexes of characters outside the BMP (each takes two UTF-16 units).
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral16 = [i + k for k, i in enumerate(self._astral)]
        self._len = len(text)

    def to_utf16(self, cp: int) -> int:
        """UTF-16 position of code-point offset `cp`."""
        cp = max(0, min(cp, self._len))
        return cp + bisect_left(self._astral, cp)

    def to_codepoint(self, u16: int) -> int:
        """Code-point offset of UTF-16 position `u16`; inside a surrogate pair -> the pair's start."""
        k = bisect_left(self._astral16, u16)
        # Positions inside a pair (astral16[k-1] + 1) round down to the pair's start.
        if k > 0 and self._astral16[k - 1] + 1 == u16:
            return self._astral[k - 1]
        return max(0, min(u16 - k, self._len))

    @property
    def utf16_length(self) -> int:
        """Length of the text in UTF-16 code units."""
        return self._len + len(self._astral)


def utf16_len(text: str) -> int:
    """Length of text in UTF-16 code units."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)
