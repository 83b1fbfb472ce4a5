"""Typed errors raised by the core; the CLI and the GUI turn them into messages.

An error made with a message code (see `desktop_app.core.messages`) carries the code and its
parameters, so the window can show it in the interface language; str(error) is the English.
"""

from __future__ import annotations

import errno

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


class StorageError(HamishError):
    """A write the disk refused (full, read-only); nothing was half-written."""


class StorageFull(StorageError):
    """No space left on the disk (or the database's own size limit reached)."""


class StorageReadOnly(StorageError):
    """The library, or the file to write, is on a read-only disk or folder."""


class LibraryReadOnly(LibraryUnavailable):
    """The window cannot work in a library it cannot write (the command line can read it)."""


_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}
SQLITE_READONLY, SQLITE_FULL = 8, 13  # primary result codes (extended codes share the low byte)


def storage_error(exc: BaseException, path: object, library: bool = True) -> StorageError | None:
    """The StorageError for a full or read-only disk, else None.

    exc: an OSError (ENOSPC, EROFS ...) or a sqlite3.Error (SQLITE_FULL, SQLITE_READONLY);
    path: the library folder (library=True) or the file that was to be written.
    """
    kind = _storage_kind(exc)
    if kind == "full":
        return StorageFull(code="storage.full", path=path)
    if kind == "read_only":
        if library:
            return StorageReadOnly(code="library.read_only", folder=path)
        return StorageReadOnly(code="storage.read_only", path=path)
    return None


def _storage_kind(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        if exc.errno in _FULL_ERRNOS:
            return "full"
        if exc.errno in _READ_ONLY_ERRNOS:
            return "read_only"
        return ""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        if code & 0xFF == SQLITE_FULL:
            return "full"
        if code & 0xFF == SQLITE_READONLY:
            return "read_only"
    text = str(exc)
    if "database or disk is full" in text:
        return "full"
    if "readonly database" in text:
        return "read_only"
    return ""
