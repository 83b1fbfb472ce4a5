"""`hamish` with no subcommand and `hamish gui`: open the window."""

from __future__ import annotations

import argparse
import importlib


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `hamish gui`."""
    from desktop_app.cli import common

    p = common(sub.add_parser("gui", help="open the window"), json_flag=False)
    p.add_argument("--open", type=int, metavar="ID", help="open this article")
    p.add_argument("--highlight", type=int, metavar="HID", help="scroll to this highlight")
    p.add_argument("--screenshot", metavar="FILE.png", help="save the drawn window as PNG and exit")
    p.add_argument("--lang", metavar="LANG", help="interface language (e.g. ar)")
    p.add_argument("--theme", choices=["system", "light", "dark", "sepia"], help="reading theme")
    p.set_defaults(handler=run_gui)


def run_default(args: argparse.Namespace) -> int:
    """Bare `hamish`: open the window on the default library."""
    for name in ("open", "highlight", "screenshot", "lang", "theme"):
        if not hasattr(args, name):
            setattr(args, name, None)
    return run_gui(args)


def run_gui(args: argparse.Namespace) -> int:
    """Open the window (until the window exists, say so)."""
    try:
        app = importlib.import_module("desktop_app.app")
    except ModuleNotFoundError as exc:
        if exc.name != "desktop_app.app":
            raise
        print("hamish: the window is not built yet; use the subcommands (hamish --help)")
        return 0
    return int(app.run(args))
