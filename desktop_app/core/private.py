"""A library is private: its folder 0700 and everything in it 0600/0700, on POSIX systems.

An analyst's notes must not be readable by the other accounts of a shared machine. Hamish sets
the process umask to 0o077 when a library is opened, so every file made afterwards (SQLite's
-wal and -shm, originals, the Whoosh index, backups, logs, and the spawned index helper, which
inherits the umask) is private. Files people save outside the library (exported briefings)
get the mode the person's own umask gives them (`give_user_mode`). A library made by an older
Hamish, or copied with loose modes, is tightened once when it is opened. On Windows, modes
do not apply and every function here does nothing.
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

PRIVATE_UMASK = 0o077
DIR_MODE = 0o700
FILE_MODE = 0o600
POSIX = os.name == "posix"

_lock = threading.Lock()
_user_umask: int | None = None  # the umask the process started with, once Hamish changed it


def make_private() -> None:
    """Set the process umask to 0o077 (once), remembering the person's own umask."""
    global _user_umask
    if not POSIX:
        return
    with _lock:
        old = os.umask(PRIVATE_UMASK)
        if _user_umask is None:
            _user_umask = old


def user_umask() -> int:
    """The person's umask: the one before Hamish set its own (022 on most systems)."""
    with _lock:
        if _user_umask is not None:
            return _user_umask
        current = os.umask(0o022)
        os.umask(current)
        return current


def give_user_mode(path: Path) -> None:
    """A file written for the person, outside the library: the mode their umask gives."""
    if POSIX:
        os.chmod(path, 0o666 & ~user_umask())


def prepare_folder(folder: Path) -> None:
    """Make the library folder 0700 (creating it), tightening an old loose one once."""
    make_private()
    folder.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if POSIX and stat.S_IMODE(folder.stat().st_mode) != DIR_MODE:
        tighten(folder)


def tighten(folder: Path) -> int:
    """chmod the folder and everything in it to 0700/0600; returns how many were changed.

    Symbolic links are left alone (they may point outside the library). A folder on a
    read-only disk stays as it is: reading it needs no change.
    """
    if not POSIX:
        return 0
    changed = 0
    for root, dirs, files in os.walk(folder):
        base = Path(root)
        changed += _chmod(base, DIR_MODE)
        for name in files:
            changed += _chmod(base / name, FILE_MODE)
        dirs[:] = [d for d in dirs if not (base / d).is_symlink()]
    return changed


def _chmod(path: Path, mode: int) -> int:
    try:
        st = path.lstat()
        if stat.S_ISLNK(st.st_mode) or stat.S_IMODE(st.st_mode) == mode:
            return 0
        os.chmod(path, mode)
    except OSError:  # read-only media, or a file gone meanwhile
        return 0
    return 1


def create_private_file(path: Path) -> None:
    """Create path empty with mode 0600 if it does not exist (SQLite copies the database's
    mode to its -wal and -shm files)."""
    if not POSIX:
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return
    os.close(fd)
