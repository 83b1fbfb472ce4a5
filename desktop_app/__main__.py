"""`python -m desktop_app` does what the `hamish` command does; also the frozen application's entry."""

from __future__ import annotations

import multiprocessing
import sys


def run() -> int:
    """Run the command line; in a frozen build a spawned helper process stops here instead."""
    multiprocessing.freeze_support()  # the index helper is spawned: the frozen exe must serve it
    from desktop_app.cli.main import main

    return main()


if __name__ == "__main__":
    sys.exit(run())
