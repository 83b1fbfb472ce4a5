"""Reading order of a line whose pieces are known in drawing order (left to right on the page).

PDF text layers, and other sources of drawn text, give the characters of a line where they are
drawn; Arabic reads right to left, numbers and Latin words inside it left to right. The Unicode
bidi algorithm (python-bidi, the Rust unicode-bidi crate) turns the drawn order back into the
reading order.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from bidi import get_display  # type: ignore[import-untyped]

from desktop_app.core.models import Direction
from desktop_app.core.text.direction import has_rtl, strong

_OPEN = "([{<«‹"
_CLOSE = ")]}>»›"
_SWAP = str.maketrans(_OPEN + _CLOSE, _CLOSE + _OPEN)
# python-bidi's get_display (Rust) reverses right-to-left runs without mirroring brackets (the
# pure-Python one mirrors them): which it does decides what is left to mirror here.
_DISPLAY_MIRRORS = get_display("(\u0628)", base_dir="R") == "(\u0628)"


def brackets_nest(text: str) -> bool | None:
    """Whether the brackets of text open before they close; None when it has no pair to judge."""
    if not any(ch in _OPEN for ch in text) or not any(ch in _CLOSE for ch in text):
        return None
    depth = 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def mirror_rtl_brackets(text: str, rtl: bool) -> str:
    """Text in reading order with the brackets of its right-to-left runs exchanged.

    A producer that names a glyph by its shape names a bracket drawn in right-to-left text by
    its mirror image (the bidi algorithm's rule L4): '(' for the ')' the author typed. A bracket
    is in a left-to-right run when the nearest letters on both sides are left to right (rtl:
    the paragraph direction, for a bracket with no letter on one side).
    """
    if not any(ch in _OPEN or ch in _CLOSE for ch in text):
        return text
    base: Direction = "rtl" if rtl else "ltr"
    before: list[str] = []
    last = base
    for ch in text:
        before.append(last)
        last = strong(ch) or last
    out = list(text)
    after = base
    for i in range(len(text) - 1, -1, -1):
        ch = text[i]
        if ch in _OPEN or ch in _CLOSE:
            if not (before[i] == "ltr" and after == "ltr"):
                out[i] = ch.translate(_SWAP)
        after = strong(ch) or after
    return "".join(out)


def _right_to_left(piece: str) -> str:
    """A piece as read from right to left: Arabic in reading order, left-to-right runs reversed."""
    if len(piece) == 1:
        return piece
    shown: str = get_display(piece, base_dir="R")
    return shown[::-1]


def _left_to_right(piece: str) -> str:
    """A piece as drawn in a left-to-right line: its right-to-left runs reversed."""
    if len(piece) == 1 or not has_rtl(piece):
        return piece
    shown: str = get_display(piece, base_dir="L")
    return shown


_SPAN_BASE = 0xF0000  # plane-15 private use: bidi class L, never in a readable text layer


def _is_ltr_piece(piece: str) -> bool:
    return bool(piece) and not any(
        strong(ch) == "rtl" or unicodedata.category(ch) == "Mn" for ch in piece
    )


def _anchors(piece: str) -> tuple[bool, bool]:
    """(has a left-to-right letter, has a digit)."""
    return any(strong(ch) == "ltr" for ch in piece), any(ch.isdigit() for ch in piece)


def _hold_ltr_spans(pieces: Sequence[str]) -> tuple[list[str], dict[str, str]]:
    """Pieces with each drawn run of Latin letters and numbers held as one placeholder.

    In a right-to-left line a number after a Latin word ("F-16", "COVID-19", "Track 1.5") is
    part of the word's left-to-right run (bidi rule W7) and drawn after it. Read back from
    right to left, the number would come first and follow Arabic, which makes it an Arabic
    number (rule W2) with a run of its own: "16-F". A run drawn left to right that mixes Latin
    letters and digits with no right-to-left letter in it is therefore kept as drawn.
    """
    out: list[str] = []
    held: dict[str, str] = {}
    i = 0
    while i < len(pieces):
        if not _is_ltr_piece(pieces[i]) or not any(_anchors(pieces[i])):
            out.append(pieces[i])
            i += 1
            continue
        j = last = i
        letter = digit = False
        while j < len(pieces) and _is_ltr_piece(pieces[j]):
            has_letter, has_digit = _anchors(pieces[j])
            if has_letter or has_digit:
                letter, digit, last = letter or has_letter, digit or has_digit, j
            j += 1
        if letter and digit and last > i:
            key = chr(_SPAN_BASE + len(held))
            held[key] = "".join(pieces[i : last + 1])
            out.append(key)
        else:
            out.extend(pieces[i : last + 1])
        i = last + 1
    return out, held


def logical_line(pieces: Sequence[str], rtl: bool, mirrored: bool = True, before: str = "") -> str:
    """The reading order of a line from its pieces in drawing order, left to right.

    pieces: the text of each drawn piece (a glyph, a ligature, a span with a known text), each
    in reading order; rtl: the direction of the paragraph (right to left for Arabic text);
    mirrored: True when a bracket drawn in right-to-left text is named by its drawn shape,
    False when it is named by the character the author typed (see mirror_rtl_brackets);
    before: the text of the paragraph before this line, when known (a number opening a line
    after Arabic text is laid out as Arabic numbers are, so '18%' is drawn '%18').
    """
    context = next((ch for ch in reversed(before) if strong(ch)), "")
    if rtl and context and strong(context) == "rtl":
        line = logical_line([*pieces, " ", context], rtl, mirrored)
        if line.startswith(context + " "):
            return line[2:]
        return logical_line(pieces, rtl, mirrored)
    if rtl:
        # Read the pieces right to left: the Arabic is then in reading order and only the
        # left-to-right runs (Latin words, numbers) are backwards. The bidi levels of that text
        # are those of the logical line; get_display reverses its right-to-left runs, so
        # reversing its result reverses exactly the left-to-right runs back.
        held_pieces, held = _hold_ltr_spans(pieces)
        text = "".join(_right_to_left(p) for p in reversed(held_pieces))
        out: str = get_display(text, base_dir="R")[::-1]
        if held:
            out = mirror_rtl_brackets(out, rtl) if mirrored != _DISPLAY_MIRRORS else out
            return "".join(held.get(ch, ch) for ch in out)
    else:
        text = "".join(_left_to_right(p) for p in pieces)
        out = get_display(text, base_dir="L")
    return mirror_rtl_brackets(out, rtl) if mirrored != _DISPLAY_MIRRORS else out
