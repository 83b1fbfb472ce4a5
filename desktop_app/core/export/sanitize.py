"""Make any text safe for XML and for display: no control characters, no bidi overrides."""

from __future__ import annotations

import re

# Embeddings, overrides and isolates can reorder what a reader sees (U+202A..E, U+2066..9).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_DROP = dict.fromkeys(map(ord, BIDI_CONTROLS + "\ufeff"), None)
_BREAKS = {ord("\x0b"): "\n", ord("\x0c"): "\n", ord("\u2028"): "\n", ord("\u2029"): "\n"}
# XML 1.0 characters minus C0/C1 controls (tab and newline are kept).
_INVALID = re.compile("[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: object) -> str:
    """Text safe for any export: newlines normalized, controls and bidi overrides removed.

    Lone surrogates become U+FFFD; a surrogate pair written as two code points is joined.
    """
    s = "" if text is None else str(text)
    if not s:
        return ""
    s = s.replace("\r\n", "\n").replace("\r", "\n").translate(_BREAKS).translate(_DROP)
    if _SURROGATE.search(s):
        s = s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return _INVALID.sub("", s)


def clean_line(text: object) -> str:
    """clean_text for one-line fields (title, source...): newlines and tabs become spaces."""
    return " ".join(clean_text(text).replace("\t", " ").split("\n")).strip()


def lines(text: object) -> list[str]:
    """The non-empty lines of a cleaned multi-line text."""
    return [ln.rstrip() for ln in clean_text(text).split("\n") if ln.strip()]


def is_web_url(url: str) -> bool:
    """True for http(s) URLs, the only ones exported as links."""
    u = url.strip().lower()
    return (u.startswith("http://") or u.startswith("https://")) and len(u) > 8 and " " not in u
