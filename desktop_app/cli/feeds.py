"""`hamish feeds add | list | rename | remove | refresh`: follow news feeds (RSS and Atom)."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from typing import Any

from desktop_app.cli.common import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, common, emit, open_for
from desktop_app.core.feeds import Feed, FeedReport, FeedService
from desktop_app.core.opening import IndexMode


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `feeds` and its subcommands."""
    p = sub.add_parser("feeds", help="follow news feeds (RSS and Atom); see feeds --help")
    feeds = p.add_subparsers(dest="feeds_command", metavar="ACTION", required=True)

    q = common(feeds.add_parser("add", help="follow a feed (read once to check it)"))
    q.add_argument("url", metavar="URL")
    q.add_argument("--name", default="", metavar="NAME", help="your name for the feed")
    q.add_argument("--tag", default="", metavar="TAG", help="tag every article taken from it")
    q.set_defaults(handler=cmd_add)

    q = common(feeds.add_parser("list", help="the feeds, with their unread articles"))
    q.set_defaults(handler=cmd_list)

    q = common(feeds.add_parser("rename", help="rename a feed"))
    q.add_argument("id", type=int, metavar="ID")
    q.add_argument("name", metavar="NAME")
    q.set_defaults(handler=cmd_rename)

    q = common(feeds.add_parser("remove", help="stop following a feed (its articles stay)"))
    q.add_argument("id", type=int, metavar="ID")
    q.set_defaults(handler=cmd_remove)

    q = common(
        feeds.add_parser(
            "refresh", help="read the feeds (all, or the IDs) and import their new items"
        )
    )
    q.add_argument("ids", type=int, nargs="*", metavar="ID")
    q.set_defaults(handler=cmd_refresh)


def _feed_row(feed: Feed) -> dict[str, Any]:
    return {
        "id": feed.id,
        "name": feed.display_name,
        "title": feed.title,
        "url": feed.url,
        "tag": feed.tag,
        "articles": feed.articles,
        "unread": feed.unread,
        "last_checked": feed.last_checked,
        "last_error": feed.last_error,
    }


def cmd_add(args: argparse.Namespace) -> int:
    with open_for(args, IndexMode.NONE) as lib:  # nothing searchable changes
        feed = FeedService(lib).add(args.url, args.name, args.tag)
    emit(args, _feed_row(feed), f"added feed {feed.id}: {feed.display_name}")
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with open_for(args, IndexMode.NONE) as lib:
        feeds = FeedService(lib).list()

    def text() -> str:
        lines = [
            f"{f.id:>4}  {f.unread:>4} unread  {f.articles:>5} articles  {f.display_name}"
            + (f"  [{f.tag}]" if f.tag else "")
            + f"\n      {f.url}"
            + (f"\n      last refresh failed: {f.last_error}" if f.last_error else "")
            for f in feeds
        ]
        return "\n".join(lines) or "no feeds: add one with `hamish feeds add URL`"

    emit(args, [_feed_row(f) for f in feeds], text)
    return EXIT_OK


def cmd_rename(args: argparse.Namespace) -> int:
    with open_for(args, IndexMode.NONE) as lib:
        feed = FeedService(lib).rename(args.id, args.name)
    emit(args, _feed_row(feed), f"feed {feed.id} is now {feed.display_name}")
    return EXIT_OK


def cmd_remove(args: argparse.Namespace) -> int:
    with open_for(args, IndexMode.NONE) as lib:
        service = FeedService(lib)
        feed = service.get(args.id)
        service.remove(args.id)
    emit(
        args,
        {"id": feed.id, "removed": True},
        f"removed feed {feed.id}: {feed.display_name} (its {feed.articles} article(s) stay)",
    )
    return EXIT_OK


def _report_text(reports: list[FeedReport]) -> str:
    lines = []
    for r in reports:
        if r.error is not None:
            lines.append(f"failed  {r.feed_id:>4}  {r.title}: {r.error}")
            continue
        lines.append(
            f"feed    {r.feed_id:>4}  {r.title}: {r.new} new, {r.duplicates} duplicate,"
            f" {r.failed} failed"
        )
        lines.extend(
            f"        failed  {x.path}: {x.error}" for x in r.results if x.status == "failed"
        )
    return "\n".join(lines) or "no feeds: add one with `hamish feeds add URL`"


def cmd_refresh(args: argparse.Namespace) -> int:
    """Refresh; exit 1 when a feed could not be read at all, 130 on Ctrl+C."""
    lib = open_for(args, IndexMode.FOREGROUND)
    stop = threading.Event()
    show_progress = not args.json and sys.stderr.isatty()

    def progress(done: int, total: int, what: str) -> None:
        if show_progress:
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    def on_ctrl_c(_signum: int, _frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    previous = signal.signal(signal.SIGINT, on_ctrl_c)
    reports: list[FeedReport] = []
    try:
        # an unknown id: one line, exit 1, nothing fetched (refresh checks them all first)
        reports = FeedService(lib).refresh(args.ids or None, progress=progress, cancel=stop.is_set)
    except KeyboardInterrupt:
        stop.set()
    finally:
        signal.signal(signal.SIGINT, previous)
        if stop.is_set():
            from desktop_app.core.search import live

            live.abandon(lib)
        lib.close()
    if show_progress:
        print(file=sys.stderr)
    emit(args, [r.row() for r in reports], lambda: _report_text(reports))
    if stop.is_set():
        print("hamish: interrupted: the items done are kept", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_FAILED if any(r.error is not None for r in reports) else EXIT_OK
