"""`hamish backup` and `hamish restore`: the library is months of work."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.common import EXIT_OK, common, emit, location, open_for
from desktop_app.core.backup import list_backups, make_backup, restore_backup
from desktop_app.core.opening import IndexMode


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `backup` and `restore`."""
    p = common(sub.add_parser("backup", help="write a consistent copy of the library database"))
    p.add_argument(
        "--out", metavar="PATH", help="file or folder (default: the library's backups/ folder)"
    )
    p.add_argument(
        "--list", action="store_true", help="list the backups in the library's backups/ folder"
    )
    p.set_defaults(handler=cmd_backup)
    p = common(
        sub.add_parser("restore", help="restore a backup (the current state is backed up first)")
    )
    p.add_argument("backup", metavar="BACKUP")
    p.set_defaults(handler=cmd_restore)


def cmd_backup(args: argparse.Namespace) -> int:
    """Write or list backups."""
    folder = location(args).folder
    if args.list:
        paths = list_backups(folder)
        emit(args, [str(p) for p in paths], "\n".join(map(str, paths)) or "no backups yet")
        return EXIT_OK
    lib = open_for(args, IndexMode.NONE)
    try:
        path = make_backup(lib.conn, lib.folder, Path(args.out).expanduser() if args.out else None)
    finally:
        lib.close()
    emit(args, {"path": str(path), "bytes": path.stat().st_size}, str(path))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore a backup into the library."""
    folder = location(args).folder
    safety = restore_backup(folder, Path(args.backup).expanduser())
    lib = open_for(args)  # the index is rebuilt from the restored database
    try:
        count = len(lib.article_ids())
    finally:
        lib.close()
    emit(
        args,
        {"restored": str(args.backup), "articles": count, "previous_state": str(safety)},
        f"restored {args.backup}: {count} articles (the previous state is in {safety})",
    )
    return EXIT_OK
