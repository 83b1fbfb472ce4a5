"""Helpers for driving the reader in tests."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor


def select_text(window, needle: str, occurrence: int = 1) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Select the Nth occurrence of needle in the open article as a user would; returns (start, end) in code points."""
    text = window.reader.article.text
    start = -1
    for _ in range(occurrence):
        start = text.index(needle, start + 1)
    end = start + len(needle)
    umap = window.reader.browser.layer.umap  # the reader's own map (display marks included)
    cursor = QTextCursor(window.reader.browser.document())
    cursor.setPosition(umap.to_utf16(start))
    cursor.setPosition(umap.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    window.reader.browser.setTextCursor(cursor)
    window.reader.browser.setFocus()
    return start, end


def background_at(window, pos16: int):  # type: ignore[no-untyped-def]
    """The background brush style and colour of the character after UTF-16 position pos16."""
    cursor = QTextCursor(window.reader.browser.document())
    cursor.setPosition(pos16)
    cursor.setPosition(pos16 + 1, QTextCursor.MoveMode.KeepAnchor)
    fmt = cursor.charFormat()
    return fmt.background()
