"""Typed errors raised by the core; the CLI and the GUI turn them into messages.

An error made with a message code (see `desktop_app.core.messages`) carries the code and its
parameters, so the window can show it in the interface language; str(error) is the English.
"""

from __future__ import annotations

from desktop_app.core.messages import render


class HamishError(Exception):
    """Base of every error the core raises on purpose; str(e) is a one-line message."""

    def __init__(self, message: str = "", *, code: str = "", **params: object) -> None:
        super().__init__(render(code, params) if code else message)
        self.code = code
        self.params: dict[str, object] = params


class NotFound(HamishError):
    """An article, highlight, note or briefing id that does not exist."""


class InvalidInput(HamishError):
    """A value the core refuses (an empty title, a range outside the text, a bad field)."""


class ImportFailed(HamishError):
    """A file could not be imported; the message says why in one line."""


class QuoteNotFound(HamishError):
    """A quote to highlight does not occur (often enough) in the article."""


class LibraryUnavailable(HamishError):
    """The library cannot be opened: written by a newer Hamish, locked, or not writable."""


class SchemaTooNew(LibraryUnavailable):
    """The library was written by a newer Hamish."""
