"""What every subcommand shares: exit codes, --library/--json, JSON output, opening the library.

This is the only place an `argparse.Namespace` becomes a library location; the rest of
Hamish gets typed values.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from desktop_app.core.errors import HamishError, StorageReadOnly
from desktop_app.core.library import Library
from desktop_app.core.messages import render
from desktop_app.core.opening import IndexMode, LibraryLocation, locate, open_library

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl+C, as shells report a process ended by SIGINT


class UsageError(HamishError):
    """Bad usage of the command; exit code 2."""


def location(args: argparse.Namespace) -> LibraryLocation:
    """The library the command names (--library > $HAMISH_LIBRARY > the default)."""
    return locate(getattr(args, "library", None))


# Commands that change the library: on a read-only one they stop before doing anything.
# `check` takes the index's writer lock even with --no-repair.
WRITING = {"import", "annotate", "note", "demo", "restore", "reindex", "check"}
WRITING_BRIEFING = {"create", "add"}
WRITING_FEEDS = {"add", "rename", "remove", "refresh"}


def writes(args: argparse.Namespace) -> bool:
    """True when the command changes the library."""
    command = getattr(args, "command", None)
    if command == "briefing":
        return getattr(args, "briefing_command", None) in WRITING_BRIEFING
    if command == "feeds":
        return getattr(args, "feeds_command", None) in WRITING_FEEDS
    return command in WRITING


def open_for(args: argparse.Namespace, index: IndexMode = IndexMode.FOREGROUND) -> Library:
    """Open the command's library; with an index mode its changes reach the search index.

    A library on a read-only disk (a backup drive) opens for reading, with a notice on
    stderr; a command that would change it stops with "the library ... is read-only".
    """
    lib = open_library(location(args), index, read_only_ok=True)
    if lib.read_only:
        notice = StorageReadOnly(code="library.read_only", folder=lib.folder)
        if writes(args):
            lib.close()
            raise notice
        print(f"hamish: {notice}", file=sys.stderr)
    for ended in lib.ended_sessions[:1]:
        print(
            f"hamish: {render('library.ended_unexpectedly', {'pid': ended.pid})}", file=sys.stderr
        )
    return lib


def emit(args: argparse.Namespace, data: Any, text: str | Callable[[], str]) -> None:
    """Print data as JSON with --json, else the human text."""
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=None))
    else:
        out = text() if callable(text) else text
        if out:
            print(out)


def common(p: argparse.ArgumentParser, json_flag: bool = True) -> argparse.ArgumentParser:
    """Options every subcommand takes: --library and --json."""
    p.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS, help="library folder")
    if json_flag:
        p.add_argument("--json", action="store_true", help="print JSON for scripts")
    return p
