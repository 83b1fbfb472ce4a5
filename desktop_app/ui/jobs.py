"""Work run on the thread pool: plain data in, plain data out; each opens its own Library."""

from __future__ import annotations

import argparse
import importlib
from typing import TYPE_CHECKING

from desktop_app.core.library import Library
from desktop_app.core.models import ImportResult

if TYPE_CHECKING:
    from desktop_app.ui.tasks import TaskContext


def attach_index(lib: Library) -> None:
    """Keep the search index current from this connection, indexing on a background thread."""
    try:
        live = importlib.import_module("desktop_app.core.search.live")
    except ModuleNotFoundError:
        return
    live.attach(lib, background=True)


def open_for_gui(args: argparse.Namespace) -> Library:
    """Open the library named by args for the window (index kept current in the background)."""
    from desktop_app.cli import open_library

    lib = open_library(args, index=False)
    attach_index(lib)
    return lib


def _open(folder: str) -> Library:
    return open_for_gui(argparse.Namespace(library=folder))


def import_job(ctx: TaskContext, folder: str, paths: list[str]) -> tuple[list[ImportResult], bool]:
    """Import files and folders with a connection of the worker's own; returns (results, cancelled)."""
    lib = _open(folder)
    try:
        results = lib.import_paths(paths, progress=ctx.progress, cancel=ctx.cancelled)
    finally:
        lib.close()
    return results, ctx.cancelled()


def demo_available() -> bool:
    """True when the demo articles can be added."""
    try:
        importlib.import_module("desktop_app.core.demo")
    except ModuleNotFoundError:
        return False
    return True


def demo_job(ctx: TaskContext, folder: str) -> int:
    """Add the demo articles; returns how many articles the library then has."""
    demo = importlib.import_module("desktop_app.core.demo")
    lib = _open(folder)
    try:
        demo.seed_demo(lib)
        return len(lib.article_ids())
    finally:
        lib.close()


def article_ids_job(
    ctx: TaskContext, folder: str, query: tuple[str, str | None, str, bool]
) -> list[int]:
    """The ids of a library-list query (text, tag, sort, trash), on a connection of its own."""
    lib = Library(folder)
    try:
        return lib.article_ids(*query)
    finally:
        lib.close()


def tags_job(ctx: TaskContext, folder: str) -> list[tuple[str, int]]:
    """Every tag with its article count, on a connection of its own."""
    lib = Library(folder)
    try:
        return lib.tags()
    finally:
        lib.close()
