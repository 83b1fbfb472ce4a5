"""The `hamish` command: argument parsing, library resolution, JSON output, exit codes.

Exit codes: 0 done, 1 something failed or was not found, 2 bad usage.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desktop_app import __version__
from desktop_app.core.errors import HamishError, NotFound

# Each module has register(subparsers); its handlers take (args) and return an exit code.
COMMAND_MODULES = [
    "desktop_app.cli_library",
    "desktop_app.cli_backup",
    "desktop_app.cli_search",
    "desktop_app.cli_briefing",
    "desktop_app.cli_gui",
]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(HamishError):
    """Bad usage of the command; exit code 2."""


def default_library_dir() -> Path:
    """The platform's user data folder for the library."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("Hamish", appauthor=False)) / "library"


def library_dir(args: argparse.Namespace) -> tuple[Path, bool]:
    """The library folder and whether it is the default one (--library > $HAMISH_LIBRARY > default)."""
    if getattr(args, "library", None):
        return Path(args.library).expanduser(), False
    env = os.environ.get("HAMISH_LIBRARY")
    if env:
        return Path(env).expanduser(), False
    return default_library_dir(), True


def open_library(args: argparse.Namespace, index: bool = True) -> Any:
    """Open the library named by args; the default library is seeded with the demo set when new.

    With index=True the search index is kept current by every change made through it.
    """
    from desktop_app.core.library import Library

    folder, is_default = library_dir(args)
    fresh = not (folder / "library.sqlite3").exists()
    lib = Library(folder)
    if index:
        _attach_index(lib)
    if fresh and is_default:
        from desktop_app.core.demo import seed_demo

        seed_demo(lib)
    return lib


def _attach_index(lib: Any) -> None:
    try:
        live = importlib.import_module("desktop_app.core.search.live")
    except ModuleNotFoundError:
        return
    live.attach(lib)


def emit(args: argparse.Namespace, data: Any, text: str | Callable[[], str]) -> None:
    """Print data as JSON with --json, else the human text."""
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=None))
    else:
        out = text() if callable(text) else text
        if out:
            print(out)


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
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(sub)
    return parser


def common(p: argparse.ArgumentParser, json_flag: bool = True) -> argparse.ArgumentParser:
    """Options every subcommand takes: --library and --json."""
    p.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS, help="library folder")
    if json_flag:
        p.add_argument("--json", action="store_true", help="print JSON for scripts")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    handler = getattr(args, "handler", None)
    if handler is None:
        gui = importlib.import_module("desktop_app.cli_gui")
        handler = gui.run_default
    try:
        return int(handler(args))
    except UsageError as exc:
        print(f"hamish: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except NotFound as exc:
        print(f"hamish: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except HamishError as exc:
        print(f"hamish: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except ValueError as exc:
        print(f"hamish: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
