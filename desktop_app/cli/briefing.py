"""`hamish briefing create | add | list | show | export`: briefings from the command line."""

from __future__ import annotations

import argparse
import time
from dataclasses import asdict
from pathlib import Path

from desktop_app.cli.common import EXIT_OK, UsageError, common, emit, open_for
from desktop_app.core.briefings import FROM_SEARCH_LIMIT, Briefing, BriefingService, Entry
from desktop_app.core.errors import NotFound
from desktop_app.core.library import Library
from desktop_app.core.opening import IndexMode
from desktop_app.core.search.query import QueryError
from desktop_app.core.search.service import Hit, SearchService
from desktop_app.core.search.writer import writer_for
from desktop_app.exporters import EXPORTERS, extensions, for_path

NAMES = ", ".join(extensions())


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `hamish briefing ...`."""
    top = sub.add_parser("briefing", help="create, fill, show and export briefings")
    bsub = top.add_subparsers(dest="briefing_command", metavar="ACTION")
    top.set_defaults(handler=lambda args: _usage(top))

    p = common(bsub.add_parser("create", help="create a briefing; prints its id"))
    p.add_argument("--title", required=True, metavar="T")
    p.add_argument("--subtitle", default="", metavar="S")
    p.add_argument("--author", default="", metavar="A")
    p.add_argument("--marking", default="", metavar="M", help="handling marking for every page")
    p.add_argument("--date", default=None, metavar="D", help="date line (default: today)")
    p.add_argument("--summary", default="", metavar="TEXT", help="executive summary")
    p.add_argument(
        "--language", default="ar-SA", metavar="TAG", help="language of Arabic runs (ar-SA)"
    )
    p.add_argument("--toc", action="store_true", help="include a table of contents")
    p.add_argument(
        "--from-search",
        default=None,
        metavar="QUERY",
        help=f"fill with the first {FROM_SEARCH_LIMIT} search hits",
    )
    p.add_argument(
        "--highlights", default=None, metavar="ID,ID...", help="fill with these highlights"
    )
    p.set_defaults(handler=cmd_create)

    p = common(bsub.add_parser("add", help="add a highlight, a note or a text to a briefing"))
    p.add_argument("id", type=int, metavar="ID")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--highlight", type=int, metavar="HID")
    what.add_argument("--note", type=int, metavar="NID")
    what.add_argument("--text", metavar="TEXT")
    p.add_argument(
        "--section", type=int, default=None, metavar="SID", help="default: the last section"
    )
    p.set_defaults(handler=cmd_add)

    p = common(bsub.add_parser("list", help="list the briefings"))
    p.set_defaults(handler=cmd_list)

    p = common(bsub.add_parser("show", help="show a briefing with its sections and items"))
    p.add_argument("id", type=int, metavar="ID")
    p.set_defaults(handler=cmd_show)

    p = common(bsub.add_parser("export", help=f"export a briefing ({NAMES})"))
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument(
        "--out", required=True, metavar="FILE", help=f"the format follows the extension: {NAMES}"
    )
    p.add_argument(
        "--template", default=None, metavar="FILE", help="a .docx or .dotx to take styles from"
    )
    p.set_defaults(handler=cmd_export)


def _usage(parser: argparse.ArgumentParser) -> int:
    raise UsageError("choose an action: create, add, list, show or export (hamish briefing --help)")


def _ids(text: str) -> list[int]:
    try:
        return [int(x) for x in text.replace(" ", "").split(",") if x]
    except ValueError as exc:
        raise UsageError(f"--highlights takes ids separated by commas, not {text!r}") from exc


def cmd_create(args: argparse.Namespace) -> int:
    """Create a briefing, optionally filled from highlights or a search."""
    lib = open_for(args, IndexMode.NONE)  # briefings are not in the search index
    try:
        svc = BriefingService(lib)
        highlight_ids = _ids(args.highlights) if args.highlights else []
        entries: list[Entry] = [("highlight", h) for h in dict.fromkeys(highlight_ids)]
        svc.check_entries(entries)  # NotFound before anything is written
        if args.from_search is not None:
            hits = _search_hits(lib, args.from_search)
            entries += [e for e in svc.entries_from_hits(hits) if e not in entries]
        date = args.date if args.date is not None else time.strftime("%Y-%m-%d")
        bid = svc.create(
            args.title,
            subtitle=args.subtitle,
            author=args.author,
            marking=args.marking,
            date=date,
            summary=args.summary,
            language=args.language,
            include_toc=args.toc,
        ).created
        assert bid is not None
        svc.fill(bid, entries)
        b = svc.get(bid)
    finally:
        lib.close()
    data = {"id": b.id, "title": b.title, "sections": len(b.sections), "items": len(b.items())}
    emit(args, data, str(b.id))
    return EXIT_OK


def _search_hits(lib: Library, query: str) -> list[Hit]:
    """The first search hits for query, on an index brought up to date first."""
    writer = writer_for(lib.folder)
    try:
        writer.flush()  # index what this library has so far
    finally:
        writer.close()
    service = SearchService(lib.folder)
    try:
        return service.search(query, limit=FROM_SEARCH_LIMIT).hits
    except QueryError as exc:
        raise UsageError(f"bad query: {exc}") from None
    finally:
        service.close()


def cmd_add(args: argparse.Namespace) -> int:
    """Add one item to a briefing's section (default: its last one, created if needed)."""
    lib = open_for(args, IndexMode.NONE)
    try:
        svc = BriefingService(lib)
        b = svc.get(args.id)
        if args.section is not None:
            if args.section not in {s.id for s in b.sections}:
                raise NotFound(f"briefing {args.id} has no section {args.section}")
            sid = args.section
        else:
            sid = svc.last_section(args.id)
        item_id = svc.add_item(
            sid, highlight_id=args.highlight, note_id=args.note, text=args.text
        ).created
    finally:
        lib.close()
    emit(args, {"id": item_id, "briefing": args.id, "section": sid}, str(item_id))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    """List briefings."""
    lib = open_for(args, IndexMode.NONE)
    try:
        rows = BriefingService(lib).list()
    finally:
        lib.close()

    def text() -> str:
        return (
            "\n".join(
                f"{r.id:>5}  {r.date or '-':<10}  {r.items:>4} items  {r.title}"
                + (f"  [{r.marking}]" if r.marking else "")
                for r in rows
            )
            or "no briefings"
        )

    emit(args, [asdict(r) for r in rows], text)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    """Show a briefing's fields, sections and items."""
    lib = open_for(args, IndexMode.NONE)
    try:
        b = BriefingService(lib).get(args.id)
    finally:
        lib.close()
    emit(args, asdict(b), lambda: _describe(b))
    return EXIT_OK


def _describe(b: Briefing) -> str:
    out = [f"{b.id}  {b.title}"]
    for name in ("subtitle", "author", "date", "marking", "language"):
        if getattr(b, name):
            out.append(f"  {name}: {getattr(b, name)}")
    if b.summary:
        out.append(f"  summary: {b.summary}")
    for s in b.sections:
        out.append(f"  section {s.id}: {s.heading or '(no heading)'}")
        for it in s.items:
            ref = {"highlight": it.highlight_id, "note": it.note_id, "text": None}[it.kind]
            tag = f"{it.kind} {ref}" if ref is not None else it.kind
            gone = " (deleted; kept text)" if it.from_snapshot else ""
            line = it.text.replace("\n", " ")
            out.append(f"    {it.id:>4}  [{tag}]{gone} {line[:100]}")
    return "\n".join(out)


def cmd_export(args: argparse.Namespace) -> int:
    """Export a briefing; the format follows the extension of --out."""
    out = Path(args.out).expanduser()
    exporter = for_path(out)
    if exporter is None:
        raise UsageError(f"--out must end in one of {NAMES}, not {out.name!r}")
    if args.template and not exporter.templates:
        takes = ", ".join(e.extension for e in EXPORTERS if e.templates)
        raise UsageError(f"--template applies to {takes} exports only")
    if args.template and Path(args.template).suffix.lower() not in (".docx", ".dotx"):
        raise UsageError("--template must be a .docx or .dotx file")
    lib = open_for(args, IndexMode.NONE)
    try:
        b = BriefingService(lib).get(args.id)
    finally:
        lib.close()
    started = time.perf_counter()
    exporter.export(b, out, template=args.template)
    seconds = round(time.perf_counter() - started, 3)
    data = {
        "id": b.id,
        "path": str(out),
        "format": exporter.name,
        "bytes": out.stat().st_size,
        "seconds": seconds,
    }
    emit(args, data, f"exported briefing {b.id} to {out}")
    return EXIT_OK
