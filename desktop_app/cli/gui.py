"""`hamish` with no subcommand and `hamish gui`: open the window."""

from __future__ import annotations

import argparse

from desktop_app import app
from desktop_app.cli.common import common, location


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `hamish gui`."""
    p = common(sub.add_parser("gui", help="open the window"), json_flag=False)
    p.add_argument("--open", type=int, metavar="ID", help="open this article")
    p.add_argument("--highlight", type=int, metavar="HID", help="scroll to this highlight")
    p.add_argument("--screenshot", metavar="FILE.png", help="save the drawn window as PNG and exit")
    p.add_argument(
        "--lang", metavar="LANG", default=argparse.SUPPRESS, help="same as hamish --lang LANG"
    )
    p.add_argument("--theme", choices=["system", "light", "dark", "sepia"], help="reading theme")
    p.set_defaults(handler=run_gui)


def run_default(args: argparse.Namespace) -> int:
    """Bare `hamish`: open the window on the library the options name."""
    return app.run(location(args), app.GuiOptions(lang=getattr(args, "lang", None)))


def run_gui(args: argparse.Namespace) -> int:
    """`hamish gui`: open the window with its options."""
    options = app.GuiOptions(
        open_article=args.open,
        highlight=args.highlight,
        screenshot=args.screenshot,
        lang=getattr(args, "lang", None),
        theme=args.theme,
    )
    return app.run(location(args), options)
