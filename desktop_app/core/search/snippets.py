"""Snippets cut from the original text (harakat and hamza as written), matched words marked."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from functools import lru_cache

from desktop_app.core.search.analyzer import WORD_RE, arabic_analyzer, normalize_term
from desktop_app.core.search.query import Marks, prefix_forms

WIDTH = 200
ELLIPSIS = "…"
_ANALYZER = arabic_analyzer()


@dataclass(frozen=True)
class Snippet:
    """A piece of text with the matched words' [start, end) code-point spans."""

    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    offset: int = 0  # original position = offset + position in text (spans included)

    def marked(self, open_: str = "<b>", close: str = "</b>", escape: bool = True) -> str:
        """The text with each match wrapped (HTML-escaped by default)."""
        esc = html.escape if escape else (lambda s: s)
        out: list[str] = []
        pos = 0
        for start, end in self.spans:
            out.append(esc(self.text[pos:start]))
            out.append(open_ + esc(self.text[start:end]) + close)
            pos = end
        out.append(esc(self.text[pos:]))
        return "".join(out)


Piece = tuple[int, int, str]
_PIECES: dict[str, tuple[Piece, ...]] = {}  # written word -> its analysed pieces
_BY_TERM: dict[str, set[str]] = {}  # index term -> written words that give it
_MAX_PIECES = 200_000


def _word_terms(surface: str) -> tuple[Piece, ...]:
    """(start, end, term) of the pieces of one written word (the analyzer caches per word)."""
    return tuple((t.startchar, t.endchar, t.text) for t in _ANALYZER(surface, chars=True))


@lru_cache(maxsize=50_000)
def _forms(piece: str) -> tuple[str, ...]:
    return tuple(prefix_forms(normalize_term(piece)))


def _learn(surfaces: set[str]) -> None:
    if len(_PIECES) + len(surfaces) > _MAX_PIECES:
        _PIECES.clear()
        _BY_TERM.clear()
    for sf in surfaces:
        pieces = _PIECES[sf] = _word_terms(sf)
        for piece in pieces:
            _BY_TERM.setdefault(piece[2], set()).add(sf)


def _prefix_of(sf: str, start: int, end: int, prefixes: list[str]) -> str | None:
    forms = _forms(sf[start:end])
    return next((p for p in prefixes for f in forms if f.startswith(p)), None)


def matches(text: str, marks: Marks) -> list[tuple[int, int, str]]:
    """(start, end, term) of every word of text that the query matched.

    The same analysis as the index's, word by word, so offsets point into the original text.
    Words are analysed once per process; which words match is found with set operations.
    """
    found: list[tuple[int, int, str]] = []
    terms, prefixes = marks.terms, marks.prefixes
    if not terms and not prefixes:
        return found
    surfaces = set(WORD_RE.findall(text))
    # (Not `surfaces - _PIECES.keys()`: that copies every key of the cache.)
    new = {sf for sf in surfaces if sf not in _PIECES}
    if new:
        _learn(new)
        missing = {sf for sf in surfaces if sf not in _PIECES}
        if missing:  # the cache was just emptied: learn this text again
            _learn(missing)
    candidates: set[str] = set()
    for t in terms:
        bucket = _BY_TERM.get(t)
        if bucket:
            candidates |= surfaces & bucket
    if prefixes:
        candidates |= {
            sf
            for sf in surfaces
            for start, end, _ in _PIECES[sf]
            if _prefix_of(sf, start, end, prefixes) is not None
        }
    if not candidates:
        return found
    by_surface: dict[str, list[tuple[int, int, str]]] = {}
    for sf in candidates:
        for start, end, term in _PIECES[sf]:
            if term in terms:
                by_surface.setdefault(sf, []).append((start, end, term))
            elif prefixes:
                p = _prefix_of(sf, start, end, prefixes)
                if p is not None:
                    by_surface.setdefault(sf, []).append((start, end, p))
    for m in WORD_RE.finditer(text):
        h = by_surface.get(m.group())
        if h:
            base = m.start()
            found.extend((base + a, base + b, t) for a, b, t in h)
    return found


def _best_window(found: list[tuple[int, int, str]], width: int) -> tuple[int, int]:
    best = (0, 0)
    best_score = (-1, -1)
    j = 0
    for i in range(len(found)):
        j = max(j, i)
        while j + 1 < len(found) and found[j + 1][1] - found[i][0] <= width:
            j += 1
        window = found[i : j + 1]
        score = (len({m[2] for m in window}), len(window))
        if score > best_score:
            best_score, best = score, (i, j)
    return best


def _snap_start(text: str, pos: int) -> int:
    if pos <= 0:
        return 0
    space = text.rfind(" ", max(0, pos - 20), pos)
    return space + 1 if space >= 0 else pos


def _snap_end(text: str, pos: int) -> int:
    if pos >= len(text):
        return len(text)
    space = text.find(" ", pos, pos + 20)
    return space if space >= 0 else pos


def make_snippet(text: str, marks: Marks, width: int = WIDTH) -> Snippet:
    """The window of text with the most distinct matched words, cut at word boundaries."""
    found = matches(text, marks)
    if found:
        i, j = _best_window(found, width)
        first, last = found[i][0], found[j][1]
        slack = max(0, width - (last - first))
        start = _snap_start(text, first - slack // 3)
        end = _snap_end(text, max(last, start + width))
        inside = [(s, e) for s, e, _ in found if s >= start and e <= end]
    else:
        start, end, inside = 0, _snap_end(text, width), []
    lead = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if end < len(text) else ""
    body = text[start:end].replace("\n", " ")
    shift = len(lead) - start
    spans = [(s + shift, e + shift) for s, e in inside]
    return Snippet(lead + body + tail, spans, start - len(lead))
