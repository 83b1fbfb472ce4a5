"""Which processes have a library open, and whether one ended without closing it.

Each open Library holds an OS lock on a small file in `sessions/` for as long as it is open and
removes the file when it closes. The OS drops the lock of a process that dies (kill -9, a crash,
a power cut), so a file whose lock can be taken belongs to a process that ended without
closing: the next process says so, and brings the search index up to date.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
import time
from dataclasses import dataclass
from pathlib import Path

SESSIONS_DIR = "sessions"


@dataclass(frozen=True)
class Ended:
    """A session that ended without closing the library (its file also says since when and
    which command, for a person looking into the folder)."""

    pid: int


def _try_lock(fd: int) -> bool:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        pass


def _read(fd: int) -> dict[str, object]:
    os.lseek(fd, 0, os.SEEK_SET)
    data = b""
    while chunk := os.read(fd, 4096):
        data += chunk
    try:
        info = json.loads(data.decode("utf-8"))
    except ValueError:
        return {}
    return info if isinstance(info, dict) else {}


class Session:
    """This process's hold on a library folder; `ended` lists the sessions that crashed."""

    def __init__(self, folder: Path, purpose: str = "") -> None:
        self.dir = Path(folder) / SESSIONS_DIR
        self.path: Path | None = None
        self._fd: int | None = None
        self.ended: list[Ended] = []
        try:
            self.dir.mkdir(exist_ok=True)
            self.ended = claim_ended(self.dir)
            path = self.dir / f"{os.getpid()}-{secrets.token_hex(4)}.json"
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError:  # a read-only library: nothing to record, nothing to recover
            return
        # Locked before it is written: an empty file is one being created, never "ended".
        for _ in range(50):
            if _try_lock(fd):
                break
            time.sleep(0.01)
        else:
            os.close(fd)
            return
        info = {"pid": os.getpid(), "started": time.time(), "purpose": purpose or sys.argv[0]}
        os.write(fd, json.dumps(info).encode("utf-8"))
        self.path, self._fd = path, fd

    def close(self) -> None:
        """Release the library: the session ended properly."""
        fd, path, self._fd = self._fd, self.path, None
        if fd is None or path is None:
            return
        if sys.platform != "win32":  # gone before the lock is: never taken for a crash
            _remove(path)
        _unlock(fd)
        os.close(fd)
        if sys.platform == "win32":
            _remove(path)


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def claim_ended(folder: Path) -> list[Ended]:
    """Remove the files of sessions whose process is gone; returns what they were."""
    ended: list[Ended] = []
    for path in sorted(folder.glob("*.json")):
        try:
            fd = os.open(path, os.O_RDWR)
        except OSError:
            continue
        try:
            if not _try_lock(fd):
                continue  # a live process holds it
            info = _read(fd)
            if not info and time.time() - os.fstat(fd).st_mtime < 60:
                _unlock(fd)
                continue  # being created this instant
            try:
                path.unlink()
            except OSError:
                continue
            pid = info.get("pid", 0)
            ended.append(Ended(pid if isinstance(pid, int) else 0))
            _unlock(fd)
        finally:
            os.close(fd)
    return ended
