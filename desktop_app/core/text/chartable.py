"""str.translate tables filled on demand, one character at a time."""

from __future__ import annotations

from collections.abc import Callable


class CharTable(dict[int, str]):
    """A str.translate table: code point -> fn(that character), computed at its first sight.

    Translating a text with it runs in C for every character seen before, instead of a
    Python call per character; fn must map one character on its own (no context).
    """

    def __init__(self, fn: Callable[[str], str]) -> None:
        super().__init__()
        self._fn = fn

    def __missing__(self, code: int) -> str:
        out = self[code] = self._fn(chr(code))
        return out
