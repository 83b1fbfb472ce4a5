"""Decoding text bytes: byte-order marks, strict UTF-8, Arabic code pages, then a detector.

charset-normalizer alone mistakes Windows-1256 for ISO-8859-6 (and the reverse) on short Arabic
texts, so both code pages are tried first and scored by how much the result reads like Arabic:
how often each letter follows the one before it in a word, harakat only after letters, no stray
Latin accents or control characters.
"""

from __future__ import annotations

import codecs
import math
import re

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers._letter_pairs import FLOOR, LETTERS, PAIRS

ARABIC_CODE_PAGES = ("cp1256", "iso8859_6")

# The letters of Arabic (the letter-pair table scores how they follow one another).
_LETTERS = frozenset(LETTERS)
_HARAKAT = {chr(c) for c in range(0x064B, 0x0653)}
_ARABIC_PUNCT = {
    "،": math.log(0.01),
    "؛": math.log(0.002),
    "؟": math.log(0.002),
    "ـ": math.log(0.001),
}
# Typographic punctuation that Windows code pages carry in 0x80..0x9F.
_TYPOGRAPHIC = set("–—…‘’‚“”„•‹›\u200c\u200d\u200e\u200f")
# Frequent short words and word shapes: a wrong code page turns them into rare ones.
_COMMON_WORDS = frozenset(
    "في من على إلى أن عن مع التي الذي الذين هذا هذه كان كانت قال قالت بين بعد ذلك كما قد لا ما "
    "لم لن أو ثم حتى عند منذ خلال حول ضد غير كل وقال وأن إن أنه التى وفي ومن هو هي".split()
)
_WORD = re.compile("[\u0621-\u064a\u064b-\u0652]+")
_WORD_BONUS = 4.0
_AL_BONUS = 2.0
_FINAL_ONLY = frozenset("ةى")
_ODD = -9.0
_CONTROL = -12.0


MAX_CONTROL_SHARE = 0.01  # above this share of control characters, bytes are not text
MAX_STRAY_CONTROLS = 3  # ...unless there are only this many
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _is_control(ch: str) -> bool:
    return _CONTROLS.match(ch) is not None


def control_share(text: str) -> float:
    """Share of control characters (other than tabs and line breaks) in text."""
    if not text or _CONTROLS.search(text) is None:
        return 0.0
    return len(_CONTROLS.findall(text)) / len(text)


def arabic_score(text: str) -> float:
    """Log-likelihood that text is Arabic written correctly; higher is better.

    ASCII is neutral (every candidate code page decodes it the same way); each Arabic letter
    scores by how often it follows the letter before it in a word (or starts one), and each word
    by how often its last letter ends one: pairs tell بحضور from بحضنر (the two code pages swap
    و and ن) where single-letter frequencies cannot. Harakat count only after a letter, and
    accents, symbols and controls cost.
    """
    score = 0.0
    prev = " "  # the letter before, or " " at the start of a word
    for ch in text:
        o = ord(ch)
        if ch in _LETTERS:
            score += PAIRS.get(prev + ch, FLOOR)
            prev = ch
            continue
        if ch in _HARAKAT:
            score += math.log(0.005) if prev != " " else _CONTROL
            continue  # a haraka keeps the letter context (shadda + fatha)
        if prev != " ":
            score += PAIRS.get(prev + " ", FLOOR)  # the word ends here
            prev = " "
        if o < 0x80 and not _is_control(ch):
            continue
        if ch in _ARABIC_PUNCT:
            score += _ARABIC_PUNCT[ch]
        elif ch in _TYPOGRAPHIC or ch == "\xa0":
            score += math.log(0.005)
        elif _is_control(ch):
            score += _CONTROL
        else:
            score += _ODD
    if prev != " ":
        score += PAIRS.get(prev + " ", FLOOR)
    return score + _word_score(text)


def _word_score(text: str) -> float:
    score = 0.0
    for m in _WORD.finditer(text):
        word = m.group(0)
        if word in _COMMON_WORDS:
            score += _WORD_BONUS
        elif word.startswith(("ال", "وال", "بال", "لل")) and len(word) > 3:
            score += _AL_BONUS
        inner = word[:-1]
        if any(ch in _FINAL_ONLY for ch in inner):
            score -= 6.0
    return score


def arabic_letter_share(text: str) -> float:
    """Share of Arabic letters among the non-ASCII characters of text (1.0 for pure ASCII)."""
    high = [ch for ch in text if ord(ch) >= 0x80]
    if not high:
        return 1.0
    return sum(1 for ch in high if ch in _LETTERS or ch in _HARAKAT) / len(high)


_GLUED = re.compile(r"[A-Za-z][\u0621-\u064a]|[\u0621-\u064a][A-Za-z]")


def glued_share(text: str) -> float:
    """Share of Arabic letters glued to a Latin letter: Latin accents misread as Arabic."""
    arabic = sum(1 for ch in text if ch in _LETTERS)
    return len(_GLUED.findall(text)) / arabic if arabic else 0.0


def decode_arabic_code_page(data: bytes) -> tuple[str, str] | None:
    """The best decoding of data in an Arabic code page, or None when none reads as Arabic."""
    best: tuple[float, str, str] | None = None
    for enc in ARABIC_CODE_PAGES:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = arabic_score(text)
        if best is None or score > best[0]:
            best = (score, text, enc)
    if best is None:
        return None
    _, text, enc = best
    if (
        arabic_letter_share(text) < 0.6
        or control_share(text) > MAX_CONTROL_SHARE
        or glued_share(text) > 0.1
    ):
        return None
    return text, enc


def _plausible_utf16(text: str) -> bool:
    # Text of the scripts Hamish is for: Latin, Greek, Cyrillic, Hebrew, Arabic, punctuation.
    common = sum(1 for ch in text if ord(ch) < 0x0800 or 0x2000 <= ord(ch) < 0x2070)
    return control_share(text) == 0 and common >= 0.9 * len(text)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    if len(data) % 2:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible_utf16(text):
            return text, enc
    return None


def strip_controls(text: str) -> str:
    """Text without control characters other than tabs and line breaks."""
    return _CONTROLS.sub("", text) if _CONTROLS.search(text) else text


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _utf32_or_utf16(data: bytes) -> tuple[str, str]:
    """Bytes after a UTF-32 mark: UTF-32 when they read as text, else UTF-16-LE."""
    # FF FE 00 00 is the UTF-32-LE mark and also the UTF-16-LE mark before U+0000. Real UTF-32
    # text reads cleanly (no control characters); UTF-16 read as UTF-32 fails or is controls.
    error: UnicodeDecodeError | None = None
    try:
        utf32 = data.decode("utf-32")
    except UnicodeDecodeError as exc:
        utf32, error = "", exc
    if error is None and utf32 and control_share(utf32) == 0:
        return utf32, "utf-32"
    if data.startswith(codecs.BOM_UTF16_LE):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass  # not UTF-16-LE either
    if error is None:
        return utf32, "utf-32"  # a reading with control characters beats none
    raise ImportFailed(
        code="import.undecodable_bom", encoding="utf-32", offset=error.start
    ) from error


def decode_bom(data: bytes) -> tuple[str, str] | None:
    """Decode data by its byte-order mark; None without one, ImportFailed when it lies."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            if enc == "utf-32":
                return _utf32_or_utf16(data)
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise ImportFailed(
                    code="import.undecodable_bom", encoding=enc, offset=exc.start
                ) from exc
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode text bytes; returns (text, encoding) or raises ImportFailed("undecodable bytes ...")."""
    found = decode_bom(data)
    if found is not None:
        return found
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        share = control_share(text)
        if share == 0:
            return text, "utf-8"
        stray = len(_CONTROLS.findall(text)) <= MAX_STRAY_CONTROLS
        # Valid UTF-8 with NUL bytes or many controls: UTF-16 without a byte-order mark, or binary.
        suspect = b"\x00" in data or (share > MAX_CONTROL_SHARE and not stray)
        found = _utf16_without_bom(data) if suspect else None
        if found is not None:
            return found
        if share <= MAX_CONTROL_SHARE or stray:  # stray control bytes occur in real news text
            return text, "utf-8"
        raise ImportFailed(code="import.undecodable_controls")
    found = decode_arabic_code_page(data)
    if found is not None:
        return found
    found = _utf16_without_bom(data) if b"\x00" in data else None
    if found is not None:
        return found
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        if control_share(text) <= MAX_CONTROL_SHARE:
            return text, best.encoding
    raise ImportFailed(code="import.undecodable")
