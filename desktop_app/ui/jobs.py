"""Work run on the thread pool: plain data in, plain data out; each opens its own Library."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.demo import seed_demo
from desktop_app.core.feeds import Feed, FeedReport, FeedService
from desktop_app.core.library import Library
from desktop_app.core.models import ImportedDocument, ImportResult
from desktop_app.core.opening import IndexMode, LibraryLocation, open_library

if TYPE_CHECKING:
    from desktop_app.ui.tasks import TaskContext


def open_for_gui(location: LibraryLocation) -> Library:
    """Open a library for the window: the index kept current by a background writer thread."""
    return open_library(location, IndexMode.BACKGROUND)


def _open(folder: str) -> Library:
    return open_for_gui(LibraryLocation(Path(folder)))


def import_job(
    ctx: TaskContext, folder: str, paths: list[str], tags: list[str] | None = None
) -> tuple[list[ImportResult], bool]:
    """Import files, folders and web addresses with a connection of the worker's own, each
    article with the tags given; returns (results, cancelled)."""
    lib = _open(folder)
    try:
        results = lib.import_paths(
            paths, progress=ctx.progress, cancel=ctx.cancelled, tags=tuple(tags or ())
        )
    finally:
        lib.close()
    return results, ctx.cancelled()


def feeds_refresh_job(
    ctx: TaskContext, folder: str, ids: list[int] | None
) -> tuple[list[FeedReport], bool]:
    """Refresh feeds (every feed when ids is None); returns (reports, cancelled)."""
    lib = _open(folder)
    try:
        reports = FeedService(lib).refresh(ids, progress=ctx.progress, cancel=ctx.cancelled)
    finally:
        lib.close()
    return reports, ctx.cancelled()


def feed_add_job(ctx: TaskContext, folder: str, url: str, name: str, tag: str) -> Feed:
    """Add a feed (fetched once to check it and learn its title); raises when it cannot be read."""
    del ctx
    lib = _open(folder)
    try:
        return FeedService(lib).add(url, name=name, tag=tag)
    finally:
        lib.close()


def read_clipboard_job(ctx: TaskContext, html: str, text: str, url: str) -> ImportedDocument:
    """The clipboard's HTML (else its text) as a document (raises ImportFailed with no text)."""
    del ctx
    from desktop_app.core.web.clipboard import document_from_clipboard  # lxml: when first used

    return document_from_clipboard(html, text, url)


def store_pasted_job(
    ctx: TaskContext, folder: str, doc: ImportedDocument, html: str, tags: list[str]
) -> ImportResult:
    """Store a pasted document, its HTML kept as the original; a duplicate is reported."""
    del ctx
    lib = _open(folder)
    try:
        if not html.strip():
            return lib.add_document(doc, tags=tags)
        return lib.add_document(
            doc, original=html.encode("utf-8"), original_name="clipboard.html", tags=tags
        )
    finally:
        lib.close()


def demo_job(ctx: TaskContext, folder: str) -> list[int]:
    """Add the demo articles; returns their ids."""
    del ctx
    lib = _open(folder)
    try:
        return seed_demo(lib)
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
