"""Arabic normalization shared by search, find-in-article and quote matching."""

from __future__ import annotations

import unicodedata

TATWEEL = "\u0640"
ZWNJ = "\u200c"
ZWJ = "\u200d"

# Harakat and other Arabic combining marks that do not change a word for search.
_MARKS = (
    {chr(c) for c in range(0x064B, 0x0660)}
    | {"\u0670"}
    | {chr(c) for c in range(0x06D6, 0x06EE) if unicodedata.category(chr(c)) == "Mn"}
    | {chr(c) for c in range(0x0610, 0x061B)}
)

_FOLD = {
    "\u0622": "\u0627",  # آ -> ا
    "\u0623": "\u0627",  # أ -> ا
    "\u0625": "\u0627",  # إ -> ا
    "\u0671": "\u0627",  # ٱ -> ا
    "\u0649": "\u064a",  # ى -> ي
    "\u0629": "\u0647",  # ة -> ه
    # Persian keyboard forms found in Arabic text (as Lucene's PersianNormalizer folds them).
    "\u06cc": "\u064a",  # ی -> ي
    "\u06a9": "\u0643",  # ک -> ك
    "\u06c0": "\u0647",  # ۀ -> ه
    "\u06c1": "\u0647",  # ہ -> ه
}


def is_presentation_form(ch: str) -> bool:
    """True for Arabic presentation forms (U+FB50..U+FDFF, U+FE70..U+FEFF)."""
    o = ord(ch)
    return 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFC


def fold_presentation_forms(text: str) -> str:
    """Replace Arabic presentation forms by their base letters (NFKC of those characters only)."""
    if not any(is_presentation_form(ch) for ch in text):
        return text
    # Isolated forms of harakat (U+FE70..) fold to a space + mark: drop the space.
    return "".join(
        unicodedata.normalize("NFKC", ch).lstrip(" ") if is_presentation_form(ch) else ch
        for ch in text
    )


def is_ignorable(ch: str) -> bool:
    """Characters that normalization deletes: harakat, Quranic marks, tatweel, ZWNJ/ZWJ."""
    return ch in _MARKS or ch == TATWEEL or ch == ZWNJ or ch == ZWJ


def fold_char(ch: str) -> str:
    """Fold one character: alef/yeh/teh-marbuta forms, digits to ASCII, lower case."""
    f = _FOLD.get(ch)
    if f is not None:
        return f
    if ch.isdigit():
        d = unicodedata.decimal(ch, None)
        if d is not None:
            return str(d)
    return ch.lower()


def normalize(text: str) -> str:
    """Search form of text: presentation forms folded, marks dropped, letters folded."""
    text = fold_presentation_forms(text)
    return "".join(fold_char(ch) for ch in text if not is_ignorable(ch))


def folded_with_map(text: str) -> tuple[str, list[int]]:
    """Normalize text and return, for each folded character, its index in the original.

    Used to find a normalized needle in an original text and report original offsets.
    """
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if is_ignorable(ch):
            continue
        if is_presentation_form(ch):
            for c in unicodedata.normalize("NFKC", ch).lstrip(" "):
                if not is_ignorable(c):
                    out.append(fold_char(c))
                    index.append(i)
            continue
        folded = fold_char(ch)
        for c in folded:
            out.append(c)
            index.append(i)
    return "".join(out), index


def find_all_folded(text: str, needle: str) -> list[tuple[int, int]]:
    """All (start, end) code-point ranges of `needle` in `text`, ignoring harakat and hamza forms."""
    n = normalize(needle)
    if not n:
        return []
    folded, index = folded_with_map(text)
    hits: list[tuple[int, int]] = []
    pos = folded.find(n)
    while pos >= 0:
        start = index[pos]
        last = index[pos + len(n) - 1]
        end = last + 1
        # Marks that follow the last letter belong to the match.
        while end < len(text) and is_ignorable(text[end]) and text[end] != ZWNJ:
            end += 1
        hits.append((start, end))
        pos = folded.find(n, pos + len(n))
    return hits
