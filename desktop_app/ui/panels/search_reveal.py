"""Show a search match in the reader: select the matched word as written and flash it."""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QTextEdit

from desktop_app.core.text.normalize import find_all_folded
from desktop_app.core.text.offsets import Utf16Map
from desktop_app.ui.models.search_model import SearchRow
from desktop_app.ui.reader.view import ReaderView

FLASH_MS = 900
FLASH_COLOR = "#ffb74d"
_OPERATORS = {"and", "or", "not", "to"}
_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed+#]+", re.UNICODE)


def query_words(query: str) -> list[str]:
    """The words of a query, without operators, field names, wildcards or quotes."""
    words: list[str] = []
    for token in query.split():
        token = token.split(":", 1)[-1] if ":" in token and not token.startswith(":") else token
        if token.lower() in _OPERATORS or token in {"&&", "||", "!"}:
            continue
        for w in _WORD.findall(token):
            if w.lower() not in _OPERATORS and w not in words:
                words.append(w)
    return words


def find_match(text: str, row: SearchRow, query: str = "") -> tuple[int, int] | None:
    """The code-point range of the result's match in the article text, or None.

    The snippet's marked words come first (they are the words as the index matched them); the
    occurrence nearest the snippet's place in the article wins.
    """
    for whole, terms in ((False, row.terms()), (True, query_words(query))):
        ranges: list[tuple[int, int]] = []
        for term in terms:
            found = find_all_folded(text, term)
            # A query word may be part of a longer word (وزير in الوزير): select the word.
            ranges.extend(_whole_word(text, s, e) for s, e in found) if whole else ranges.extend(
                found
            )
        if ranges:
            anchor = row.snippet_start
            if anchor is None and row.snippet:
                located = find_all_folded(text, row.snippet[: min(len(row.snippet), 40)])
                anchor = located[0][0] if located else None
            if anchor is None:
                return min(ranges)
            inside = [r for r in ranges if anchor <= r[0] < anchor + max(1, len(row.snippet))]
            if inside:  # the first match within the snippet's stretch of the article
                return min(inside)
            return min(ranges, key=lambda r: (abs(r[0] - anchor), r[0]))
    return None


def _whole_word(text: str, start: int, end: int) -> tuple[int, int]:
    """The word around text[start:end] (letters, digits and combining marks)."""
    while start > 0 and _in_word(text[start - 1]):
        start -= 1
    while end < len(text) and _in_word(text[end]):
        end += 1
    return start, end


def _in_word(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch) in ("Mn", "Mc") or ch == "\u0640"


class Flasher:
    """Briefly paints a range of a text view, then puts back its previous extra selections."""

    def __init__(self, view: QTextEdit) -> None:
        self.view = view
        self._saved: list[QTextEdit.ExtraSelection] | None = None
        self._timer = QTimer(view)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.stop)

    def flash(self, start16: int, end16: int, msecs: int = FLASH_MS) -> None:
        """Paint [start16, end16) for msecs."""
        self.stop()
        self._saved = list(self.view.extraSelections())
        sel = QTextEdit.ExtraSelection()
        cur = QTextCursor(self.view.document())
        cur.setPosition(start16)
        cur.setPosition(end16, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cur
        sel.format.setBackground(QColor(FLASH_COLOR))
        self.view.setExtraSelections([*self._saved, sel])
        self._timer.start(msecs)

    @property
    def active(self) -> bool:
        """True while a flash is showing."""
        return self._saved is not None

    def stop(self) -> None:
        """End the flash now."""
        self._timer.stop()
        if self._saved is not None:
            self.view.setExtraSelections(self._saved)
            self._saved = None


def reveal_match(
    reader: ReaderView, flasher: Flasher, row: SearchRow, query: str = ""
) -> tuple[int, int] | None:
    """Select and flash (with flasher, on the reader's text) the match of row in the reader.

    The article must be open already. Returns the selected code-point range, or None (another
    article is open, or there is nothing to find).
    """
    article = reader.article
    browser = reader.browser
    if article is None or article.id != row.article_id:
        return None
    umap: Utf16Map = browser.layer.umap
    if row.kind in ("highlight", "note") and row.highlight_id is not None:
        r16 = browser.layer.range16(row.highlight_id)
        if r16 is not None:
            browser.place_cursor(r16[0], r16[1])
            flasher.flash(*r16)
            return umap.to_codepoint(r16[0]), umap.to_codepoint(r16[1])
    if row.kind == "note":  # a note's words are not in the article: opening it is enough
        return None
    found = find_match(article.text, row, query)
    if found is None:
        return None
    s16, e16 = umap.to_utf16(found[0]), umap.to_utf16(found[1])
    browser.place_cursor(s16, e16)
    flasher.flash(s16, e16)
    return found
