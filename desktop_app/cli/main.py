"""The `hamish` command: argument parsing and exit codes; each group of subcommands is a module.

Exit codes: 0 done, 1 something failed or was not found, 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desktop_app import __version__
from desktop_app.cli import backup, briefing, gui, library, search
from desktop_app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError
from desktop_app.core.errors import HamishError

# Each module has register(subparsers); its handlers take (args) and return an exit code.
COMMAND_MODULES = (library, backup, search, briefing, gui)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser."""
    parser = argparse.ArgumentParser(
        prog="hamish",
        description="Hamish (هامش): read, highlight, annotate and search articles; export briefings.",
    )
    parser.add_argument("--version", action="version", version=f"hamish {__version__}")
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
    try:
        return int(handler(args))
    except UsageError as exc:
        print(f"hamish: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except HamishError as exc:
        print(f"hamish: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
