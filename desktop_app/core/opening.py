"""Opening a library, the one way: which folder, the demo in a new default library, the index.

The command line and the window (and its workers) all open libraries here. Which folder:
an explicit one (`--library`) > `$HAMISH_LIBRARY` > the library chosen in the window's
Preferences (remembered in a small file of the user config folder, so the command line opens
it too) > the platform's user data folder. Only a newly created default library is seeded with
the demo articles.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from desktop_app.core import private
from desktop_app.core.demo import seed_demo
from desktop_app.core.errors import (
    HamishError,
    LibraryReadOnly,
    LibraryUnavailable,
    StorageFull,
    storage_error,
)
from desktop_app.core.library import Library
from desktop_app.core.storage.db import DB_NAME

ENV_VAR = "HAMISH_LIBRARY"
CONFIG_ENV_VAR = "HAMISH_CONFIG_DIR"  # another user config folder (tests, portable installs)
REMEMBERED_FILE = "library.json"


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


def config_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The user config folder ($HAMISH_CONFIG_DIR, else the platform's, e.g. ~/.config/Hamish)."""
    env = (os.environ if environ is None else environ).get(CONFIG_ENV_VAR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("Hamish", appauthor=False))


def remembered_library(environ: Mapping[str, str] | None = None) -> Path | None:
    """The library folder chosen in Preferences, or None (none chosen, or the file unreadable)."""
    path = config_dir(environ) / REMEMBERED_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    folder = data.get("library") if isinstance(data, dict) else None
    return Path(folder) if isinstance(folder, str) and folder else None


def remember_library(folder: Path | None, environ: Mapping[str, str] | None = None) -> None:
    """Remember the library to open next time (None forgets it: the default folder again)."""
    path = config_dir(environ) / REMEMBERED_FILE
    if folder is None:
        path.unlink(missing_ok=True)
        return
    # Where the library is says something about the person: the folder 0700, the file 0600.
    path.parent.mkdir(parents=True, exist_ok=True, mode=private.DIR_MODE)
    if private.POSIX:
        os.chmod(path.parent, private.DIR_MODE)
    part = path.with_name(path.name + ".part")
    text = json.dumps({"library": str(Path(folder).absolute())}, ensure_ascii=False)
    part.unlink(missing_ok=True)
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, private.FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    part.replace(path)


def locate(
    explicit: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None
) -> LibraryLocation:
    """The library to open: explicit > $HAMISH_LIBRARY > remembered > the user data folder.

    A remembered folder that no longer exists (a drive not mounted, a folder deleted) is
    passed over for the default one rather than recreated empty.
    """
    if explicit:
        return LibraryLocation(Path(explicit).expanduser())
    env = (os.environ if environ is None else environ).get(ENV_VAR)
    if env:
        return LibraryLocation(Path(env).expanduser())
    chosen = remembered_library(environ)
    if chosen is not None and chosen.is_dir():
        return LibraryLocation(chosen, is_default=chosen == default_library_dir())
    return LibraryLocation(default_library_dir(), is_default=True)


def open_library(
    location: LibraryLocation | Path | str,
    index: IndexMode = IndexMode.FOREGROUND,
    read_only_ok: bool = False,
) -> Library:
    """Open (creating if needed) a library; raises LibraryUnavailable with a clear reason.

    A new default library gets the demo articles; with an index mode, every change made
    through the returned Library reaches the search index. A library on a read-only disk
    opens read-only (`lib.read_only`, no index upkeep) when read_only_ok, else raises
    LibraryReadOnly.
    """
    if not isinstance(location, LibraryLocation):
        location = LibraryLocation(Path(location))
    fresh = not location.exists()
    lib = _connect(location.folder)
    if lib.read_only:
        if not read_only_ok:
            lib.close()
            raise LibraryReadOnly(code="library.read_only_window", folder=location.folder)
        return lib
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
        if isinstance(storage_error(exc, folder), StorageFull) or _nearly_full(folder):
            raise LibraryUnavailable(code="library.disk_full", folder=folder) from exc
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
        if isinstance(storage_error(exc, folder), StorageFull):
            raise LibraryUnavailable(code="library.disk_full", folder=folder) from exc
        raise LibraryUnavailable(
            code="library.unwritable", folder=folder, reason=exc.strerror or str(exc)
        ) from exc


def _nearly_full(folder: Path) -> bool:
    """True when the library's disk has less room than SQLite needs to open it (its -shm and
    first -wal pages): a "disk I/O error" at opening then means a full disk."""
    try:
        st = os.statvfs(folder)
    except (OSError, AttributeError):
        return False
    return st.f_bavail * st.f_frsize < 1024 * 1024
