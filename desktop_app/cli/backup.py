"""`hamish backup` and `hamish restore`: the library is months of work."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app import __version__
from desktop_app.cli.common import EXIT_OK, UsageError, common, emit, location, open_for
from desktop_app.core.backup import list_backups, make_backup
from desktop_app.core.backup_archive import write_archive
from desktop_app.core.opening import IndexMode, open_library
from desktop_app.core.restore import restore


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `backup` and `restore`."""
    p = common(
        sub.add_parser(
            "backup",
            help="write a checked copy of the library database, or a .zip of the whole library",
        )
    )
    p.add_argument(
        "--out",
        metavar="PATH",
        help="a .zip archive, a .sqlite3 file or a folder (default: the library's backups/)",
    )
    p.add_argument(
        "--with-originals",
        action="store_true",
        help="put the imported original files in the .zip archive too",
    )
    p.add_argument(
        "--list", action="store_true", help="list the backups in the library's backups/ folder"
    )
    p.set_defaults(handler=cmd_backup)
    p = common(
        sub.add_parser(
            "restore",
            help="restore a .zip or .sqlite3 backup (in place: the current state is backed up"
            " first; or into a new library with --library EMPTY_DIR)",
        )
    )
    p.add_argument("backup", metavar="BACKUP")
    p.set_defaults(handler=cmd_restore)


class _Progress:
    """Percent on one terminal line (only when stderr is a terminal)."""

    def __init__(self) -> None:
        self.shown = -1
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int, text: str) -> None:
        percent = done * 100 // max(total, 1)
        if self.tty and percent != self.shown:
            self.shown = percent
            print(f"\r{percent:3d}% {text[:60]:<60}", end="", file=sys.stderr, flush=True)

    def end(self) -> None:
        if self.tty and self.shown >= 0:
            print(file=sys.stderr)


def cmd_backup(args: argparse.Namespace) -> int:
    """Write or list backups."""
    folder = location(args).folder
    if args.list:
        paths = list_backups(folder)
        emit(args, [str(p) for p in paths], "\n".join(map(str, paths)) or "no backups yet")
        return EXIT_OK
    out = Path(args.out).expanduser() if args.out else None
    is_zip = out is not None and out.suffix.lower() == ".zip" and not out.is_dir()
    if args.with_originals and not is_zip:
        raise UsageError("--with-originals needs --out FILE.zip")
    lib = open_for(args, IndexMode.NONE)  # creates and migrates the library when needed
    try:
        if not is_zip:
            path = make_backup(lib.conn, lib.folder, out)
            emit(args, {"path": str(path), "bytes": path.stat().st_size}, str(path))
            return EXIT_OK
    finally:
        lib.close()
    assert out is not None
    progress = _Progress()
    try:
        info = write_archive(folder, out, args.with_originals, progress, app_version=__version__)
    finally:
        progress.end()
    data = {
        "path": str(info.path),
        "bytes": info.path.stat().st_size,
        "counts": info.counts,
        "originals": len(info.members) - 1,
    }
    c = info.counts
    emit(
        args,
        data,
        f"{info.path}: {c['articles']} articles, {c['highlights']} highlights,"
        f" {c['notes']} notes, {c['briefings']} briefings, {data['originals']} original files",
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore a backup into the library (in place) or into a new library folder."""
    folder = location(args).folder
    backup = Path(args.backup).expanduser()
    progress = _Progress()
    try:
        report = restore(backup, folder, progress)
    finally:
        progress.end()
    lib = open_library(folder, IndexMode.FOREGROUND)  # the index is rebuilt from the database
    try:
        count = len(lib.article_ids())
    finally:
        lib.close()
    previous = str(report.previous_state) if report.previous_state else None
    where = "" if report.in_place else f" into the new library {folder}"
    kept = f" (the previous state is in {previous})" if previous else ""
    emit(
        args,
        {
            "restored": str(args.backup),
            "library": str(folder),
            "in_place": report.in_place,
            "articles": count,
            "originals": report.originals,
            "previous_state": previous,
        },
        f"restored {args.backup}{where}: {count} articles{kept}",
    )
    return EXIT_OK
