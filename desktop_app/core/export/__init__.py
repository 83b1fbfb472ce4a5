"""Briefing exporters: Word (.docx), Markdown; the PDF one lives in desktop_app.ui (Qt)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from desktop_app.core.errors import HamishError


class ExportFailed(HamishError):
    """A briefing could not be exported; the message says why in one line."""


def atomic_write(path: Path | str, write: Callable[[Path], object]) -> Path:
    """Call write(part_path) on a .part file beside path, then rename it over path."""
    target = Path(path)
    if target.is_dir():
        raise ExportFailed(f"{target} is a folder")
    if not target.parent.exists():
        raise ExportFailed(f"the folder {target.parent} does not exist")
    part = target.with_name(target.name + ".part")
    try:
        write(part)
        os.replace(part, target)
    except OSError as exc:
        raise ExportFailed(f"cannot write {target}: {exc.strerror or exc}") from exc
    finally:
        if part.exists():
            part.unlink()
    return target
