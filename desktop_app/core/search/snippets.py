"""Snippets cut from the original text (harakat and hamza as written), matched words marked."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

from desktop_app.core.search.analyzer import WORD_RE, arabic_analyzer, normalize_term
from desktop_app.core.search.query import Marks, prefix_forms
from desktop_app.core.search.stemmer import EXCEPTIONS
from desktop_app.core.text.chartable import CharTable

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
_MAX_PIECES = 200_000

# Finding the words to analyse. The text is folded once with a table that keeps its length:
# each character becomes its normalized form when that is one character, VANISH when
# normalization removes it (harakat, tatweel), and COMPLEX when it becomes several characters
# or needs composing first (ligatures, combining accents). A word can only give a term if
# its folded form holds the term's key (VANISH characters allowed in between), so only the
# words around such places, and words with a COMPLEX character, are analysed.
VANISH = "\ue000"
COMPLEX = "\ue001"
_LATIN_KEY = 1  # Porter2 keeps a word's first letter (dying -> die: not the second)
_EXCEPTION_KEY = "لله"  # the stemmer's exceptions (لله -> الله) all contain it
_WHITESPACE = re.compile(r"\s")


def _fold(ch: str) -> str:
    """One character of the folded text (which keeps the text's length)."""
    if "\u0300" <= ch <= "\u036f":
        return COMPLEX  # composed with the letter before it (NFC) before normalizing
    if ch.isascii():
        return ch.lower()
    norm = normalize_term(ch)
    if len(norm) == 1 and not (norm == " " and not ch.isspace()):
        return norm
    if not norm or norm == " ":
        return VANISH
    return COMPLEX


_FOLD = CharTable(_fold)


def _key(term: str) -> str:
    """A part of term that every word giving it holds (folded)."""
    if term[:1].isascii() and term[:1].isalpha():
        return term[:_LATIN_KEY]
    if term in EXCEPTIONS.values():
        return _EXCEPTION_KEY
    return term


@lru_cache(maxsize=256)
def _finder(terms: frozenset[str], prefixes: tuple[str, ...]) -> re.Pattern[str]:
    keys = {_key(t) for t in terms if t} | {p for p in prefixes if p}
    gap = re.escape(VANISH) + "*"
    alts = [gap.join(re.escape(c) for c in k) for k in sorted(keys)]
    return re.compile("|".join([*alts, re.escape(COMPLEX)]))


def _word_terms(surface: str) -> tuple[Piece, ...]:
    """(start, end, term) of the pieces of one written word (the analyzer caches per word)."""
    pieces = _PIECES.get(surface)
    if pieces is None:
        if len(_PIECES) >= _MAX_PIECES:
            _PIECES.clear()
        pieces = _PIECES[surface] = tuple(
            (t.startchar, t.endchar, t.text) for t in _ANALYZER(surface, chars=True)
        )
    return pieces


@lru_cache(maxsize=50_000)
def _forms(piece: str) -> tuple[str, ...]:
    return tuple(prefix_forms(normalize_term(piece)))


def _prefix_of(sf: str, start: int, end: int, prefixes: list[str]) -> str | None:
    forms = _forms(sf[start:end])
    return next((p for p in prefixes for f in forms if f.startswith(p)), None)


def _chunks(text: str, finder: re.Pattern[str]) -> list[tuple[int, int]]:
    """The whitespace-delimited stretches of text that may hold a matched word."""
    folded = text.translate(_FOLD)
    out: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = finder.search(folded, pos)
        if m is None:
            return out
        start = m.start()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        ws = _WHITESPACE.search(text, m.end())
        end = ws.start() if ws else len(text)
        out.append((start, end))
        pos = end


def matches(text: str, marks: Marks) -> list[tuple[int, int, str]]:
    """(start, end, term) of every word of text that the query matched.

    The same analysis as the index's, word by word, so offsets point into the original text;
    only words that can hold a query term are analysed (see _fold).
    """
    found: list[tuple[int, int, str]] = []
    terms, prefixes = marks.terms, marks.prefixes
    if not terms and not prefixes:
        return found
    finder = _finder(frozenset(terms), tuple(prefixes))
    for start, end in _chunks(text, finder):
        # A word never spans whitespace, so the words of a stretch are those of the text.
        for m in WORD_RE.finditer(text, start, end):
            sf = m.group()
            base = m.start()
            for a, b, term in _word_terms(sf):
                if term in terms:
                    found.append((base + a, base + b, term))
                elif prefixes:
                    p = _prefix_of(sf, a, b, prefixes)
                    if p is not None:
                        found.append((base + a, base + b, p))
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
