"""The `hamish` command: argument parsing and exit codes; each group of subcommands is a module.

Exit codes: 0 done, 1 something failed or was not found, 2 bad usage.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence

from desktop_app import __version__
from desktop_app.cli import backup, briefing, feeds, gui, library, search, selftest
from desktop_app.cli.common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    location,
)
from desktop_app.core.errors import HamishError, storage_error
from desktop_app.core.logs import route_to_library
from desktop_app.core.private import make_private

# Each module has register(subparsers); its handlers take (args) and return an exit code.
COMMAND_MODULES = (library, feeds, backup, search, briefing, selftest, gui)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser."""
    parser = argparse.ArgumentParser(
        prog="hamish",
        description="Hamish (هامش): read, highlight, annotate and search articles; export briefings.",
    )
    parser.add_argument("--version", action="version", version=f"hamish {__version__}")
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help="interface language of the window: ar or en (default: $HAMISH_LANG, else the "
        "language chosen in Preferences, else the system's)",
    )
    parser.add_argument(
        "--library",
        metavar="DIR",
        help="library folder (default: $HAMISH_LIBRARY, else the user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    handler = getattr(args, "handler", None) or gui.run_default
    if getattr(args, "lang", None):
        from desktop_app.app import language_code

        try:
            language_code(args.lang)
        except ValueError as exc:
            print(f"hamish: {exc}", file=sys.stderr)
            return EXIT_USAGE
    make_private()  # everything Hamish writes in a library is the person's alone
    if handler is not selftest.cmd_selftest:  # the self-test logs into its own temporary library
        route_to_library(location(args).folder)
    try:
        return int(handler(args))
    except UsageError as exc:
        print(f"hamish: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except HamishError as exc:
        print(f"hamish: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except (OSError, sqlite3.Error) as exc:  # a full or read-only disk: one line, no traceback
        path = getattr(exc, "filename", None)
        if path:  # a file the command writes
            mapped = storage_error(exc, path, library=False)
        else:  # the library's database
            mapped = storage_error(exc, location(args).folder)
        if mapped is None:
            raise
        print(f"hamish: {mapped}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
