"""Opening a library, the one way: which folder, the demo in a new default library, the index.

The command line and the window (and its workers) all open libraries here. Which folder:
an explicit one (`--library`) > `$HAMISH_LIBRARY` > the platform's user data folder. Only a
newly created default library is seeded with the demo articles.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from desktop_app.core.demo import seed_demo
from desktop_app.core.errors import HamishError, LibraryUnavailable
from desktop_app.core.library import Library
from desktop_app.core.storage.db import DB_NAME

ENV_VAR = "HAMISH_LIBRARY"


class IndexMode(Enum):
    """How the search index follows the changes made through an opened library."""

    NONE = "none"  # no upkeep (commands that do not change what is searched)
    FOREGROUND = "foreground"  # the command line: flushed before the process exits
    BACKGROUND = "background"  # the window: a writer thread commits within a fraction of a second


@dataclass(frozen=True)
class LibraryLocation:
    """A library folder, and whether it is the default one (only that one gets the demo)."""

    folder: Path
    is_default: bool = False

    @property
    def database(self) -> Path:
        """The library's database file."""
        return self.folder / DB_NAME

    def exists(self) -> bool:
        """True when the library has a database already."""
        return self.database.exists()


def default_library_dir() -> Path:
    """The platform's user data folder for the library."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("Hamish", appauthor=False)) / "library"


def locate(
    explicit: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None
) -> LibraryLocation:
    """The library to open: explicit > $HAMISH_LIBRARY > the platform's user data folder."""
    if explicit:
        return LibraryLocation(Path(explicit).expanduser())
    env = (os.environ if environ is None else environ).get(ENV_VAR)
    if env:
        return LibraryLocation(Path(env).expanduser())
    return LibraryLocation(default_library_dir(), is_default=True)


def open_library(
    location: LibraryLocation | Path | str, index: IndexMode = IndexMode.FOREGROUND
) -> Library:
    """Open (creating if needed) a library; raises LibraryUnavailable with a clear reason.

    A new default library gets the demo articles; with an index mode, every change made
    through the returned Library reaches the search index.
    """
    if not isinstance(location, LibraryLocation):
        location = LibraryLocation(Path(location))
    fresh = not location.exists()
    lib = _connect(location.folder)
    try:
        if index is not IndexMode.NONE:
            from desktop_app.core.search import live  # Whoosh is loaded only when indexing

            live.attach(lib, background=index is IndexMode.BACKGROUND)
        if fresh and location.is_default:
            seed_demo(lib)
    except BaseException:
        lib.close()
        raise
    return lib


def _connect(folder: Path) -> Library:
    try:
        return Library(folder)
    except HamishError:
        raise
    except sqlite3.OperationalError as exc:
        reason = str(exc)
        if "locked" in reason:
            raise LibraryUnavailable(code="library.locked", folder=folder, reason=reason) from exc
        if "readonly" in reason or "unable to open" in reason:
            raise LibraryUnavailable(
                code="library.unwritable", folder=folder, reason=reason
            ) from exc
        raise LibraryUnavailable(code="library.unreadable", folder=folder, reason=reason) from exc
    except sqlite3.DatabaseError as exc:
        raise LibraryUnavailable(code="library.unreadable", folder=folder, reason=str(exc)) from exc
    except OSError as exc:
        raise LibraryUnavailable(
            code="library.unwritable", folder=folder, reason=exc.strerror or str(exc)
        ) from exc
