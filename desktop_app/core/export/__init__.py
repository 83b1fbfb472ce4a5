"""Briefing exporters: Word (.docx), Markdown; the PDF one lives in desktop_app.ui (Qt)."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from desktop_app.core import private
from desktop_app.core.errors import HamishError


class ExportFailed(HamishError):
    """A briefing could not be exported; the message says why in one line."""


def atomic_write(path: Path | str, write: Callable[[Path], object]) -> Path:
    """Call write(part_path) on a .part file beside path, then rename it over path.

    The file is the person's, outside the private library: it gets the mode their umask
    gives (0644 under the usual 022), or keeps the mode of the file it replaces. A full or
    read-only disk leaves nothing under the final name.
    """
    target = Path(path)
    if target.is_dir():
        raise ExportFailed(f"{target} is a folder")
    if not target.parent.exists():
        raise ExportFailed(f"the folder {target.parent} does not exist")
    part = target.with_name(target.name + ".part")
    try:
        write(part)
        _public_mode(part, target)
        os.replace(part, target)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            raise ExportFailed(code="storage.full", path=target.parent) from exc
        if exc.errno == errno.EROFS:
            raise ExportFailed(code="storage.read_only", path=target.parent) from exc
        raise ExportFailed(f"cannot write {target}: {exc.strerror or exc}") from exc
    finally:
        try:
            part.unlink(missing_ok=True)
        except OSError:  # a read-only disk holds no part file anyway
            pass
    return target


def _public_mode(part: Path, target: Path) -> None:
    """The mode of the file replaced, else the one the person's umask gives a new file."""
    if not private.POSIX:
        return
    try:
        os.chmod(part, stat.S_IMODE(target.stat().st_mode))
    except FileNotFoundError:
        private.give_user_mode(part)
