"""Split paragraph text into script runs for right-to-left documents.

Inside an Arabic paragraph a Latin stretch ("OPEC+", "(NATO)", "COVID-19") becomes its own run;
when it ends in neutral characters an LRM follows it, so that a renderer keeps "OPEC+" as
written instead of moving the "+" to the other side.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from desktop_app.core.models import Direction
from desktop_app.core.text.chartable import CharTable
from desktop_app.core.text.direction import LRM

# Characters that stay with the Latin word they touch (no space between).
_ATTACH_AFTER = set("+-)]}%#'\"*/&_°™®©")
_ATTACH_BEFORE = set("([{\"'#@$")
# Digits joined by "-" after Arabic letters are Arabic numbers to the bidi algorithm, and the
# "-" then reverses them ("2026-12-01" shows as "01-12-2026"): an LRM before the number fixes it.
_DASHED_NUMBER = re.compile(r"[0-9]+(?:[-‐‑–][0-9]+)+")


@dataclass(frozen=True)
class Segment:
    """A stretch of one script: rtl=True for Arabic (and the neutrals around it)."""

    text: str
    rtl: bool


def _bidi_class(ch: str) -> str:
    b = unicodedata.bidirectional(ch)
    if b in ("R", "AL", "AN"):
        return "R"
    if b == "L":
        return "L"
    if b == "EN":
        return "D"
    return "N"


# A paragraph's classes come from one translate call instead of a Python call per character.
_CLASSES = CharTable(_bidi_class)


def _cls(ch: str) -> str:
    return ch.translate(_CLASSES)


# A stretch of the inner script: from one of its letters to its last letter before the outer
# script (greedy, so the stretch ends on an inner letter).
_STRETCH = {"L": re.compile(r"L(?:[^R]*L)?"), "R": re.compile(r"R(?:[^L]*R)?")}


def segments(text: str, base: Direction) -> list[Segment]:
    """Script runs of a paragraph of base direction; an LRM is added where it is needed."""
    if not text:
        return []
    classes = text.translate(_CLASSES)
    if base == "rtl":
        spans = _spans(text, classes, "L", "R")
        result: list[Segment] = []
        for seg in _cut(text, spans, inner_rtl=False):
            if not seg.rtl:
                result.append(Segment(seg.text + LRM, False) if _cls(seg.text[-1]) != "L" else seg)
            else:
                result.extend(_numbers(seg.text))
        return result
    spans = _spans(text, classes, "R", "L")
    return _cut(text, spans, inner_rtl=True)


def _numbers(text: str) -> list[Segment]:
    """Split an Arabic stretch around dashed numbers, each preceded by an LRM."""
    out: list[Segment] = []
    pos = 0
    for m in _DASHED_NUMBER.finditer(text):
        if m.start() > pos:
            out.append(Segment(text[pos : m.start()], True))
        out.append(Segment(LRM + m.group(), False))
        pos = m.end()
    if pos < len(text):
        out.append(Segment(text[pos:], True))
    return out


def _spans(text: str, classes: str, inner: str, outer: str) -> list[tuple[int, int]]:
    """(start, end) of stretches of `inner` script inside text of the `outer` script."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    stretch = _STRETCH[inner]
    i = 0
    while True:
        m = stretch.search(classes, i)
        if m is None:
            return spans
        start, end = m.span()
        last = end - 1
        if inner == "L":
            while end < n and (classes[end] == "D" or text[end] in _ATTACH_AFTER):
                end += 1
            while (
                start > 0
                and text[start - 1] in _ATTACH_BEFORE
                and (not spans or spans[-1][1] < start)
            ):
                start -= 1
        spans.append((start, end))
        i = max(end, last + 1)


def _cut(text: str, spans: list[tuple[int, int]], inner_rtl: bool) -> list[Segment]:
    out: list[Segment] = []
    pos = 0
    for start, end in spans:
        if start > pos:
            out.append(Segment(text[pos:start], not inner_rtl))
        out.append(Segment(text[start:end], inner_rtl))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:], not inner_rtl))
    return out


def with_marks(text: str, base: Direction) -> str:
    """The text with the LRMs segments() adds, for renderers that take plain strings."""
    return "".join(s.text for s in segments(text, base))


def mark_positions(text: str, base: Direction) -> list[int]:
    """Offsets in text before which with_marks() puts an LRM (for views that keep offsets)."""
    out: list[int] = []
    if LRM in text:  # an LRM of the text's own may sit next to an added one: match them up
        i = 0
        for ch in with_marks(text, base):
            if i < len(text) and ch == text[i]:
                i += 1
            else:
                out.append(i)
        return out
    pos = 0  # every LRM in the segments was added
    for seg in segments(text, base):
        t = seg.text
        if t[0] == LRM:
            out.append(pos)
            t = t[1:]
        if t and t[-1] == LRM:
            pos += len(t) - 1
            out.append(pos)
        else:
            pos += len(t)
    return out
