"""Typed errors raised by the core; the CLI and the GUI turn them into messages."""

from __future__ import annotations


class HamishError(Exception):
    """Base of every error the core raises on purpose; str(e) is a one-line message."""


class NotFound(HamishError):
    """An article, highlight, note or briefing id that does not exist."""


class ImportFailed(HamishError):
    """A file could not be imported; the message says why in one line."""


class QuoteNotFound(HamishError):
    """A quote to highlight does not occur (often enough) in the article."""


class SchemaTooNew(HamishError):
    """The library was written by a newer Hamish."""
