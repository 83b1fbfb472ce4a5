"""`hamish import | list | show | annotate | note | demo`: the library from the command line."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from desktop_app.cli.common import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, common, emit, open_for
from desktop_app.core.demo import seed_demo
from desktop_app.core.importers import expand_items
from desktop_app.core.library import Library
from desktop_app.core.messages import render
from desktop_app.core.models import ImportResult
from desktop_app.core.web.address import is_address


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the library subcommands."""
    p = common(
        sub.add_parser(
            "import",
            help="import files, folders (recursively) and web pages by their http(s) address",
        )
    )
    p.add_argument("paths", nargs="+", metavar="PATH|URL")
    p.add_argument(
        "--tag", action="append", default=[], metavar="TAG", help="tag every imported article"
    )
    p.set_defaults(handler=cmd_import)

    p = common(sub.add_parser("list", help="list the articles"))
    p.add_argument(
        "--filter", default="", metavar="TEXT", help="only titles/sources containing TEXT"
    )
    p.add_argument("--tag", default=None, metavar="TAG", help="only articles with this tag")
    p.add_argument(
        "--sort", default="imported", choices=["imported", "title", "source", "date", "highlights"]
    )
    p.add_argument("--trash", action="store_true", help="list the trash instead")
    p.set_defaults(handler=cmd_list)

    p = common(sub.add_parser("show", help="show an article with its highlights and notes"))
    p.add_argument("id", type=int, metavar="ID")
    p.set_defaults(handler=cmd_show)

    p = common(sub.add_parser("annotate", help="highlight the Nth exact occurrence of a quote"))
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--quote", required=True, metavar="TEXT")
    p.add_argument("--occurrence", type=int, default=1, metavar="N")
    p.add_argument("--label", default="1", metavar="NAME", help="label name or number 1-6")
    p.add_argument("--note", default="", metavar="TEXT")
    p.set_defaults(handler=cmd_annotate)

    p = common(
        sub.add_parser("note", help="add a note to article ID (a free-standing note without ID)")
    )
    p.add_argument("id", type=int, nargs="?", metavar="ID")
    p.add_argument("--text", required=True, metavar="TEXT")
    p.set_defaults(handler=cmd_note)

    p = common(sub.add_parser("demo", help="add the demo articles to the library"))
    p.add_argument("--reset", action="store_true", help="restore the demo articles as shipped")
    p.set_defaults(handler=cmd_demo)


def cmd_import(args: argparse.Namespace) -> int:
    """Import PATHs and URLs; exit 1 when any failed."""
    lib = open_for(args)
    paths: list[Path | str] = [p if is_address(p) else Path(p) for p in args.paths]
    show_progress = not args.json and sys.stderr.isatty()

    def progress(done: int, total: int, path: str) -> None:
        if show_progress:
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    results: list[ImportResult] = []
    stop = threading.Event()

    def on_ctrl_c(_signum: int, _frame: object) -> None:
        if stop.is_set():  # a second Ctrl+C: stop even in the middle of a file
            raise KeyboardInterrupt
        stop.set()  # the first: stop between two files, so that the summary is exact

    previous = signal.signal(signal.SIGINT, on_ctrl_c)
    interrupted = False
    try:
        lib.import_paths(
            paths, progress=progress, cancel=stop.is_set, tags=args.tag, results=results
        )
    except KeyboardInterrupt:
        interrupted = True
    finally:
        signal.signal(signal.SIGINT, previous)
        if interrupted or stop.is_set():
            from desktop_app.core.search import live

            live.abandon(lib)  # what is not indexed yet waits in change_log for the next start
        lib.close()
    interrupted = interrupted or stop.is_set()
    if show_progress:
        print(file=sys.stderr)
    if interrupted:
        return _interrupted(args, results, len(list(expand_items(paths))))
    rows = [_row(r) for r in results]

    def text() -> str:
        lines = []
        for r in results:
            if r.status == "imported":
                lines.append(f"imported  {r.article_id:>6}  {r.path}")
                lines.extend(f"          note: {render(m.code, m.params)}" for m in r.remarks)
            elif r.status == "duplicate":
                lines.append(f"duplicate {r.article_id:>6}  {r.path}")
            else:
                lines.append(f"failed            {r.path}: {r.error}")
        counts = _counts(results)
        lines.append(
            f"{counts['imported']} imported, {counts['duplicate']} duplicate, {counts['failed']} failed"
        )
        return "\n".join(lines)

    emit(args, rows, text)
    if not results:
        print("hamish: no importable files found", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_FAILED if any(r.status == "failed" for r in results) else EXIT_OK


def _row(r: ImportResult) -> dict[str, Any]:
    """asdict(r), without its deep copy for the plain results (most of a large import)."""
    if r.error_params or r.remarks:
        return asdict(r)
    return {f.name: getattr(r, f.name) for f in fields(r)} | {"error_params": {}, "remarks": []}


def _counts(results: list[ImportResult]) -> dict[str, int]:
    return {
        s: sum(1 for r in results if r.status == s) for s in ("imported", "duplicate", "failed")
    }


def _interrupted(args: argparse.Namespace, results: list[ImportResult], total: int) -> int:
    """Ctrl+C: every finished article is kept (each was one transaction), none is half there."""
    if args.json:
        emit(args, [_row(r) for r in results], "")
    c = _counts(results)
    print(
        f"hamish: interrupted: {c['imported']} imported, {c['duplicate']} duplicate,"
        f" {c['failed']} failed; {total - len(results)} file(s) not imported",
        file=sys.stderr,
    )
    return EXIT_INTERRUPTED


def cmd_list(args: argparse.Namespace) -> int:
    """List articles."""
    lib = open_for(args)
    try:
        rows = lib.list_articles(args.filter, args.tag, args.sort, args.trash)
    finally:
        lib.close()
    data = [
        {
            "id": r.id,
            "title": r.title,
            "source": r.source,
            "date": r.published,
            "language": r.language,
            "highlights": r.highlights,
            "notes": r.notes,
        }
        for r in rows
    ]

    def text() -> str:
        return (
            "\n".join(
                f"{r['id']:>6}  {r['date'] or '-':10}  {r['language'] or '-':2}  "
                f"{r['highlights']:>3}h {r['notes']:>3}n  {r['title']}"
                + (f"  — {r['source']}" if r["source"] else "")
                for r in data
            )
            or "the library is empty"
        )

    emit(args, data, text)
    return EXIT_OK


def article_json(lib: Library, article_id: int) -> dict[str, Any]:
    """An article with paragraphs, highlights and notes as plain data."""
    art = lib.get_article(article_id)
    labels = {lab.id: lab.name for lab in lib.labels()}
    return {
        "id": art.id,
        "title": art.title,
        "source": art.source,
        "author": art.author,
        "url": art.url,
        "date": art.published,
        "language": art.language,
        "format": art.format,
        "tags": art.tags,
        "imported_at": art.imported_at,
        "original": art.original_name,
        "encoding": art.encoding,
        "deleted": art.deleted_at is not None,
        "paragraphs": [
            {"text": p.text, "direction": p.direction, "kind": p.kind, "start": p.start}
            for p in art.paragraphs
        ],
        "highlights": [
            {
                "id": h.id,
                "start": h.start,
                "end": h.end,
                "quote": h.exact,
                "prefix": h.prefix,
                "suffix": h.suffix,
                "label": labels.get(h.label_id, str(h.label_id)),
                "note": h.note,
                "note_id": h.note_id,
                "orphaned": h.orphaned,
                "created_at": h.created_at,
            }
            for h in lib.highlights(article_id)
        ],
        "notes": [
            {"id": n.id, "text": n.body, "created_at": n.created_at, "updated_at": n.updated_at}
            for n in lib.article_notes(article_id)
        ],
    }


def cmd_show(args: argparse.Namespace) -> int:
    """Show one article."""
    lib = open_for(args)
    try:
        data = article_json(lib, args.id)
    finally:
        lib.close()

    def text() -> str:
        meta = " · ".join(
            x for x in (data["source"], data["date"], data["author"], data["url"]) if x
        )
        lines = [data["title"], meta, ""]
        lines += [p["text"] for p in data["paragraphs"]]
        if data["highlights"]:
            lines += ["", "Highlights:"]
            for h in data["highlights"]:
                flag = " (orphaned)" if h["orphaned"] else ""
                lines.append(
                    f"  [{h['id']}] {h['label']}{flag}: «{h['quote']}»"
                    + (f" — {h['note']}" if h["note"] else "")
                )
        if data["notes"]:
            lines += ["", "Notes:"] + [f"  [{n['id']}] {n['text']}" for n in data["notes"]]
        return "\n".join(lines)

    emit(args, data, text)
    return EXIT_OK


def cmd_annotate(args: argparse.Namespace) -> int:
    """Highlight a quote."""
    lib = open_for(args)
    try:
        label_id = lib.label_id(args.label)
        h = lib.add_highlight_by_quote(args.id, args.quote, args.occurrence, label_id, args.note)
        label = next(lab.name for lab in lib.labels() if lab.id == h.label_id)
    finally:
        lib.close()
    data = {
        "id": h.id,
        "article_id": h.article_id,
        "start": h.start,
        "end": h.end,
        "quote": h.exact,
        "label": label,
        "note": h.note,
        "note_id": h.note_id,
    }
    emit(args, data, str(h.id))
    return EXIT_OK


def cmd_note(args: argparse.Namespace) -> int:
    """Add an article note (or a free note without ID)."""
    lib = open_for(args)
    try:
        n = lib.add_note(args.text, article_id=args.id)
    finally:
        lib.close()
    emit(args, {"id": n.id, "article_id": n.article_id, "text": n.body}, str(n.id))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    """Add (or with --reset restore) the demo articles."""
    lib = open_for(args)
    try:
        ids = seed_demo(lib, reset=args.reset)
    finally:
        lib.close()
    emit(args, {"articles": ids}, f"demo articles: {', '.join(map(str, ids))}")
    return EXIT_OK
