"""Anchoring highlights: TextQuote selectors and re-anchoring after the text changed."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from desktop_app.core.text.normalize import find_all_folded

CONTEXT = 32


@dataclass(frozen=True)
class Anchor:
    """Where a highlight sits in a text, or orphaned when it could not be placed."""

    start: int
    end: int
    orphaned: bool = False


def selector(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(exact, prefix, suffix) of a code-point range, with up to CONTEXT characters around."""
    return text[start:end], text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]


def occurrences(text: str, quote: str) -> list[int]:
    """Start offsets of every exact occurrence of quote in text (overlaps included)."""
    out: list[int] = []
    pos = text.find(quote)
    while pos >= 0 and quote:
        out.append(pos)
        pos = text.find(quote, pos + 1)
    return out


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> float:
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    score = 0.0
    if prefix:
        score += difflib.SequenceMatcher(None, before, prefix, autojunk=False).ratio()
    if suffix:
        score += difflib.SequenceMatcher(None, after, suffix, autojunk=False).ratio()
    return score


def reanchor(text: str, start: int, end: int, exact: str, prefix: str, suffix: str) -> Anchor:
    """Place a highlight in (new) text: position, then exact quote by context, then fuzzily."""
    if not exact:
        return Anchor(start, end, True)
    if text[start:end] == exact and text[max(0, start - len(prefix)) : start] == prefix:
        return Anchor(start, end)
    hits = occurrences(text, exact)
    if hits:
        best = max(
            hits,
            key=lambda s: (
                _context_score(text, s, s + len(exact), prefix, suffix),
                -abs(s - start),
            ),
        )
        return Anchor(best, best + len(exact))
    folded = find_all_folded(text, exact)
    if folded:
        s, e = max(
            folded,
            key=lambda r: (_context_score(text, r[0], r[1], prefix, suffix), -abs(r[0] - start)),
        )
        return Anchor(s, e)
    return _fuzzy(text, start, exact, prefix, suffix)


def _fuzzy(text: str, start: int, exact: str, prefix: str, suffix: str) -> Anchor:
    """Best approximate match of the quote (ratio >= 0.75), weighted by its context."""
    n = len(exact)
    if n < 4 or not text:
        return Anchor(start, start + n, True)
    best: tuple[float, int, int] | None = None
    step = max(1, n // 8)
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(exact)
    for s in range(0, max(1, len(text) - n // 2), step):
        for length in (n, int(n * 0.9), int(n * 1.1)):
            window = text[s : s + length]
            matcher.set_seq1(window)
            if matcher.real_quick_ratio() < 0.75 or matcher.quick_ratio() < 0.75:
                continue
            ratio = matcher.ratio()
            if ratio >= 0.75 and (best is None or ratio > best[0]):
                best = (ratio, s, s + len(window))
    if best is None:
        return Anchor(start, start + n, True)
    _, s, e = best
    # Refine the edges to the closest match of the quote's first and last characters.
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Anchor(s, e)
