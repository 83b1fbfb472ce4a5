"""`hamish search`, `hamish analyze`, `hamish check` and `hamish reindex`."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from desktop_app.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    common,
    emit,
    open_for,
)
from desktop_app.core.opening import IndexMode
from desktop_app.core.search import store
from desktop_app.core.search.analyzer import analyze_words, index_terms
from desktop_app.core.search.query import QueryError, parse
from desktop_app.core.search.service import SearchResult, SearchService
from desktop_app.core.search.store import IndexBusy
from desktop_app.core.search.writer import IndexWriter, writer_for

CHECK_WAIT_S = 60.0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the search commands."""
    p = common(sub.add_parser("search", help="search articles, highlights and notes"))
    p.add_argument(
        "query", nargs="?", metavar="QUERY", help='e.g. الوزير "وزير الخارجية" date:2022'
    )
    p.add_argument("--limit", type=int, default=20, metavar="N", help="hits to show (default 20)")
    p.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="FACET=VALUE",
        help="keep only hits with this facet value (source, year, language, label, kind)",
    )
    p.add_argument("--queries-file", metavar="F", help="run one query a line, one JSON line each")
    p.set_defaults(handler=cmd_search)

    p = common(sub.add_parser("analyze", help="print the index terms of a text"))
    p.add_argument("text", metavar="TEXT")
    p.set_defaults(handler=cmd_analyze)

    p = common(
        sub.add_parser("check", help="check the search index against the library; repair it")
    )
    p.add_argument("--no-repair", action="store_true", help="only report")
    p.add_argument(
        "--wait",
        type=float,
        default=CHECK_WAIT_S,
        metavar="SECONDS",
        help=f"wait this long for another process writing the index (default {CHECK_WAIT_S:g})",
    )
    p.set_defaults(handler=cmd_check)

    p = common(sub.add_parser("reindex", help="rebuild the search index from the library"))
    p.set_defaults(handler=cmd_reindex)


def _filters(items: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name or not value:
            raise UsageError(f"bad --filter {item!r}: use FACET=VALUE, e.g. source=BBC")
        out.setdefault(name.strip(), []).append(value.strip())
    return out


def _service(args: argparse.Namespace) -> SearchService:
    lib = open_for(args)
    folder, read_only = lib.folder, lib.read_only
    lib.close()
    if read_only:  # a library on a read-only disk: its index as it was copied
        return SearchService(folder)
    try:
        writer_for(folder).flush()
    except IndexBusy as exc:  # searching needs no lock: answer from the index as it is
        print(f"hamish: {exc}; searching the index as it is", file=sys.stderr)
    return SearchService(folder)


def _run_one(
    svc: SearchService, query: str, limit: int, filters: dict[str, list[str]]
) -> SearchResult:
    try:
        return svc.search(query, limit=limit, filters=filters)
    except QueryError as exc:
        raise UsageError(f"bad query: {exc}") from None


def cmd_search(args: argparse.Namespace) -> int:
    """Search and print hits, or run a file of queries."""
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    filters = _filters(args.filter)
    if args.queries_file:
        if args.query:
            raise UsageError("give either QUERY or --queries-file, not both")
        return _run_file(args, filters)
    if args.query is None:
        raise UsageError("bad query: empty query: type some words to search for")
    _check_syntax(args.query)
    svc = _service(args)
    try:
        result = _run_one(svc, args.query, args.limit, filters)
    finally:
        svc.close()
    emit(args, result.to_json(), lambda: _human(result))
    return EXIT_OK


def _check_syntax(query: str) -> None:
    try:
        parse(query)
    except QueryError as exc:
        raise UsageError(f"bad query: {exc}") from None


def _run_file(args: argparse.Namespace, filters: dict[str, list[str]]) -> int:
    path = Path(args.queries_file)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from None
    svc = _service(args)
    bad = 0
    try:
        for line in lines:
            query = line.strip()
            if not query:
                continue
            try:
                data = svc.search(query, limit=args.limit, filters=filters).to_json()
            except QueryError as exc:
                bad += 1
                data = {"query": query, "error": f"bad query: {exc}"}
            if args.json:
                print(json.dumps(data, ensure_ascii=False))
            else:
                print(data.get("error") or f"{data['total']:>6}  {data['took_ms']:>8} ms  {query}")
    finally:
        svc.close()
    return EXIT_USAGE if bad else EXIT_OK


def _human(result: SearchResult) -> str:
    lines = [f"{result.total} match(es) in {result.took_ms} ms"]
    for i, h in enumerate(result.hits, 1):
        ident = {"article": h.article_id, "highlight": h.highlight_id, "note": h.note_id}[h.kind]
        meta = " · ".join(x for x in (h.source, h.date) if x)
        lines.append(f"{i:>3}. {h.kind} {ident}  {h.title}" + (f"  ({meta})" if meta else ""))
        if h.snippet_text:
            text, out, pos = h.snippet_text, [], 0
            for s, e in h.snippet_spans:
                out += [text[pos:s], "«", text[s:e], "»"]
                pos = e
            out.append(text[pos:])
            lines.append("     " + "".join(out))
    for name, counts in result.facets.items():
        if counts:
            shown = ", ".join(f"{k} {v}" for k, v in list(counts.items())[:8])
            lines.append(f"{name}: {shown}")
    return "\n".join(lines)


def cmd_analyze(args: argparse.Namespace) -> int:
    """Print the index terms of TEXT."""
    terms = index_terms(args.text)
    emit(
        args,
        {"text": args.text, "terms": terms, "words": analyze_words(args.text)},
        " ".join(terms),
    )
    return EXIT_OK


def _writer(args: argparse.Namespace) -> IndexWriter:
    lib = open_for(args, IndexMode.NONE)
    folder = lib.folder
    lib.close()
    return writer_for(folder)


def cmd_check(args: argparse.Namespace) -> int:
    """Check the index; repair it unless --no-repair.

    While another process writes the index the check waits for it (up to --wait seconds),
    then says who it is: a report on an index being written would be about nothing true.
    """
    w = _writer(args)
    holder = store.lock_holder(store.index_dir(w.library_folder))
    if holder is not None:
        who = f" (pid {holder})" if holder else ""
        print(
            f"hamish: waiting for another process that is updating the search index{who}…",
            file=sys.stderr,
            flush=True,
        )
    try:
        r = w.check(repair=not args.no_repair, wait=max(args.wait, 0.0))
    finally:
        w.close()
    data = {
        "ok": r.ok,
        "articles": r.articles,
        "indexed": r.indexed,
        "stale": r.stale,
        "repaired": r.repaired,
        "reason": r.reason,
        "behind": r.behind,
    }

    def text() -> str:
        if r.ok:
            return f"search index ok: {r.indexed} of {r.articles} articles indexed"
        done = "repaired" if r.repaired else "not repaired (--no-repair)"
        return f"search index was stale ({r.reason}); {done}: {r.indexed} of {r.articles} articles"

    emit(args, data, text)
    return EXIT_OK if (r.ok or r.repaired) else EXIT_FAILED


def cmd_reindex(args: argparse.Namespace) -> int:
    """Rebuild the index from the library."""
    w = _writer(args)
    t0 = time.perf_counter()
    try:
        docs = w.reindex()
        r = w.check(repair=False)
    finally:
        w.close()
    secs = round(time.perf_counter() - t0, 2)
    emit(
        args,
        {"documents": docs, "articles": r.articles, "indexed": r.indexed, "seconds": secs},
        f"search index rebuilt: {docs} documents ({r.indexed} articles) in {secs} s",
    )
    return EXIT_OK
