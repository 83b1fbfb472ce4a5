"""Keep a library's search index current with every change made through a Library.

The CLI calls `attach(lib)`: changes are indexed by the writer thread, and whatever is still
pending when the process ends is flushed before it exits. The GUI calls
`attach(lib, background=True)` and lets the writer thread commit within a fraction of a second.
"""

from __future__ import annotations

import atexit
import sys
import weakref
from typing import Any

from desktop_app.core.errors import HamishError
from desktop_app.core.search.writer import IndexWriter, writer_for


def attach(lib: Any, background: bool = False, helper: bool | None = None) -> IndexWriter:
    """Index every change made through lib; returns the process's writer for lib's folder.

    helper: allow a spawned helper process for large backlogs (bulk imports, from the command
    line or the window), so that storing and indexing run on two cores; allowed by default.
    """
    writer = writer_for(lib.folder)
    writer.allow_helper = True if helper is None else helper
    writer.background = background
    if _ATTACHED.get(lib) is not writer:  # once per library: one notify per change

        def on_changes(_changes: Any) -> None:
            writer.notify()

        lib.add_listener(on_changes)
        _ATTACHED[lib] = writer
    if not background and id(writer) not in _AT_EXIT:
        _AT_EXIT.add(id(writer))
        atexit.register(_flush_at_exit, writer)
    writer.notify()  # catch up with changes made while nobody was indexing
    return writer


def abandon(lib: Any) -> None:
    """Stop lib's indexing now, without the catch-up at exit (after Ctrl+C)."""
    writer = _ATTACHED.get(lib)
    if writer is not None:
        writer.abandon()


_AT_EXIT: set[int] = set()
_ATTACHED: weakref.WeakKeyDictionary[Any, IndexWriter] = weakref.WeakKeyDictionary()


def _flush_at_exit(writer: IndexWriter) -> None:
    if writer.closed:
        return
    try:
        writer.flush()
    except HamishError as exc:
        print(
            f"hamish: the search index was not updated ({exc}); `hamish check` repairs it",
            file=sys.stderr,
        )
    except Exception as exc:  # never a traceback at exit: the change log still has it all
        print(
            f"hamish: the search index was not updated ({type(exc).__name__}: {exc});"
            " `hamish check` repairs it",
            file=sys.stderr,
        )
    finally:
        writer.close()
