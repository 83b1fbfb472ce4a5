"""Backups from the window: the work run on the thread pool, and the automatic one on closing.

Workers take paths and return an outcome (the result, or the core error that stopped it); they
never touch widgets. The automatic backup runs while the window closes: a failure is written to
the library's log and never stops the window from closing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app import __version__
from desktop_app.core.backup import auto_backup
from desktop_app.core.backup_archive import ArchiveInfo, write_archive
from desktop_app.core.errors import HamishError
from desktop_app.core.library import Library
from desktop_app.core.restore import Prepared, RestoreReport, apply_restore, check_restore

if TYPE_CHECKING:
    from desktop_app.ui.tasks import TaskContext

PERMILLE = 1000
log = logging.getLogger("hamish.backup")
today: Callable[[], date] = date.today  # the clock of the automatic backup (tests move it)


@dataclass(frozen=True)
class Outcome:
    """What a backup job returns: its result, or the error that stopped it (nothing changed)."""

    result: ArchiveInfo | Prepared | RestoreReport | None = None
    error: HamishError | None = None


def _progress(ctx: TaskContext) -> Callable[[int, int, str], None]:
    def report(done: int, total: int, text: str) -> None:
        ctx.progress(done * PERMILLE // max(total, 1), PERMILLE, text)

    return report


def archive_job(ctx: TaskContext, folder: str, out: str, with_originals: bool) -> Outcome:
    """Worker: write the library to a .zip archive (checked, then renamed into place)."""
    try:
        info = write_archive(
            Path(folder), Path(out), with_originals, _progress(ctx), ctx.cancelled, __version__
        )
    except HamishError as exc:
        return Outcome(error=exc)
    return Outcome(result=info)


def check_job(ctx: TaskContext, backup: str, folder: str) -> Outcome:
    """Worker: check a backup for restoring into folder; changes nothing."""
    try:
        prepared = check_restore(Path(backup), Path(folder), _progress(ctx), ctx.cancelled)
    except HamishError as exc:
        return Outcome(error=exc)
    if ctx.cancelled():
        prepared.discard()
        return Outcome()
    return Outcome(result=prepared)


def restore_job(ctx: TaskContext, prepared: Prepared) -> Outcome:
    """Worker: restore a checked backup (the current state is kept as a safety backup)."""
    try:
        report = apply_restore(prepared, _progress(ctx), ctx.cancelled)
    except HamishError as exc:
        return Outcome(error=exc)
    finally:
        prepared.discard()
    return Outcome(result=report)


def backup_on_close(lib: Library) -> Path | None:
    """Today's automatic backup of the library (none when made already); never raises."""
    try:
        made = auto_backup(lib.conn, lib.folder, today())
    except Exception as exc:  # closing must never fail because of a backup
        log.warning("the automatic backup of %s was not made: %s", lib.folder, exc)
        return None
    if made is not None:
        log.info("automatic backup %s", made)
    return made
