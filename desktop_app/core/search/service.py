"""SearchService: thread-safe searches with snippets and facet counts (no Qt).

Each thread gets its own Whoosh searcher and SQLite connection; a searcher is refreshed when
the index has a newer commit.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import Counter, OrderedDict
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from whoosh import query as wq
from whoosh import scoring
from whoosh.collectors import FilterCollector, TopCollector
from whoosh.index import FileIndex
from whoosh.reading import MultiReader, SegmentReader
from whoosh.searching import Searcher

from desktop_app.core.search import store
from desktop_app.core.search.query import QueryError, compile_query, marks, parse
from desktop_app.core.search.schema import FACET_COLUMNS, FACETS, KIND_META, KIND_VOCAB, KINDS
from desktop_app.core.search.snippets import Snippet, make_snippet
from desktop_app.core.storage import search_source as src
from desktop_app.core.storage.db import DB_NAME

SNIPPETS = 10  # hits that get a snippet
RESULT_CACHE = 64  # recent results kept for repeated queries (search as you type)
ENGINES = ("numpy", "whoosh")
_MASK = wq.Or([wq.Term("kind", KIND_META), wq.Term("kind", KIND_VOCAB)])
_KINDSET = frozenset(KINDS)


class _TopAndAll(TopCollector):  # type: ignore[misc]  # whoosh is untyped
    """The top N by score, and the docnum of every match."""

    def __init__(self, limit: int) -> None:
        # No block skipping and no matcher replacement: both drop matches that cannot reach
        # the top N, and the facets count every match.
        super().__init__(limit=limit, usequality=False, replace=0)
        self.everything: list[int] = []

    def collect(self, sub_docnum: int) -> Any:
        """Remember every match, then score it."""
        self.everything.append(self.offset + sub_docnum)
        return super().collect(sub_docnum)


@dataclass
class Hit:
    """One search result."""

    kind: str
    article_id: int | None
    highlight_id: int | None
    note_id: int | None
    title: str
    source: str
    date: str
    score: float
    snippet: str = ""  # HTML: matched words in <b></b>, the rest escaped
    snippet_text: str = ""
    snippet_spans: list[tuple[int, int]] = field(default_factory=list)
    # snippet_offset + a position in snippet_text = that position in the article text (for
    # highlights: in the quote, then a newline and the note; for notes: in the note)
    snippet_offset: int = 0


@dataclass
class SearchResult:
    """Hits (best first), the number of matches, and facet counts over all matches."""

    query: str
    total: int
    took_ms: float
    hits: list[Hit]
    facets: dict[str, dict[str, int]]

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of `hamish search --json`."""
        d = asdict(self)
        for h in d["hits"]:
            h["snippet_spans"] = [list(s) for s in h["snippet_spans"]]
        return d


class SearchService:
    """Searches one library's index; safe to call from several threads at once."""

    def __init__(self, library_folder: Path | str, engine: str = "numpy") -> None:
        """engine="whoosh" evaluates with Whoosh's own collectors (the reference path)."""
        if engine not in ENGINES:
            raise ValueError(f"unknown search engine {engine!r}")
        self.engine = engine
        self._engine: Any = None  # engine.Engine, made on the first search
        self._results: OrderedDict[tuple[Any, ...], SearchResult] = OrderedDict()
        self.library_folder = Path(library_folder)
        self.folder = store.index_dir(self.library_folder)
        self._db_path = str(self.library_folder / DB_NAME)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._ix: FileIndex | None = None
        self._segment_facets: dict[str, dict[str, list[str]]] = {}
        self._conns: list[Any] = []

    # -- per-thread state -------------------------------------------------------------------
    def _index(self) -> FileIndex:
        with self._lock:
            if self._ix is None:
                ix = store.open_index(self.folder)
                if ix is None:
                    raise store.IndexBroken("the search index is missing; `hamish check` builds it")
                self._ix = ix
            return self._ix

    def _searcher(self) -> Searcher:
        s: Searcher | None = getattr(self._local, "searcher", None)
        if s is None or not s.up_to_date():
            s = self._open_searcher()
            self._local.searcher = s
        return s

    def _open_searcher(self) -> Searcher:
        """A searcher on the newest commit that reuses this thread's readers of unchanged
        segments (whoosh-reloaded's own refresh() can bring back segments a commit dropped).
        """
        ix = self._index()
        toc = ix._read_toc()
        old: dict[tuple[str, int], SegmentReader] = getattr(self._local, "readers", {})
        fresh: dict[tuple[str, int], SegmentReader] = {}
        for seg in toc.segments:
            key = (seg.segment_id(), seg.deleted_count())
            reader = old.pop(key, None)
            if reader is None:
                reader = SegmentReader(ix.storage, toc.schema, seg, generation=toc.generation)
            fresh[key] = reader
        for reader in old.values():
            reader.close()
        self._local.readers = fresh
        multi = MultiReader(list(fresh.values()), generation=toc.generation)
        return Searcher(multi, weighting=scoring.BM25F(), closereader=False, fromindex=ix)

    def _conn(self) -> Any:
        c = getattr(self._local, "conn", None)
        if c is None:
            c = self._local.conn = src.open_reader(self._db_path)
            with self._lock:
                self._conns.append(c)
        return c

    def close(self) -> None:
        """Close this thread's readers and every connection."""
        for reader in getattr(self._local, "readers", {}).values():
            reader.close()
        with self._lock:
            for c in self._conns:
                c.close()
            self._conns = []
        self._local = threading.local()

    # -- facets -----------------------------------------------------------------------------
    def _facet_arrays(self, s: Searcher) -> dict[str, list[str]]:
        """Facet values by global docnum, built per segment and cached (segments never change)."""
        out: dict[str, list[str]] = {name: [] for name in FACETS}
        for reader, _offset in s.reader().leaf_readers():
            key = f"{reader.segment().segment_id()}:{reader.doc_count_all()}"
            arrays = self._segment_facets.get(key)
            if arrays is None:
                arrays = {}
                for name in FACETS:
                    col = FACET_COLUMNS[name]
                    if reader.has_column(col):
                        arrays[name] = list(reader.column_reader(col))
                    else:
                        arrays[name] = [""] * reader.doc_count_all()
                with self._lock:
                    self._segment_facets[key] = arrays
            for name in FACETS:
                out[name].extend(arrays[name])
        return out

    def _facets(
        self, s: Searcher, docs: list[int], filters: dict[str, set[str]]
    ) -> tuple[int, dict[str, dict[str, int]]]:
        """Total and facet counts; each facet counts with the other facets' filters applied."""
        arrays = self._facet_arrays(s)
        kinds = arrays["kind"]
        counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
        total = 0
        names = list(FACETS)
        cols = [arrays[n] for n in names]
        wanted = [filters.get(n) for n in names]
        for doc in docs:
            if kinds[doc] not in _KINDSET:
                continue
            values = [c[doc] for c in cols]
            failed = [i for i, w in enumerate(wanted) if w is not None and values[i] not in w]
            if not failed:
                total += 1
                for i, v in enumerate(values):
                    if v:
                        counts[names[i]][v] += 1
            elif len(failed) == 1 and values[failed[0]]:
                counts[names[failed[0]]][values[failed[0]]] += 1
        return total, {n: dict(counts[n].most_common()) for n in names}

    # -- search -----------------------------------------------------------------------------
    def search(
        self,
        query: str,
        limit: int = 50,
        filters: dict[str, list[str]] | None = None,
        snippets: int = SNIPPETS,
    ) -> SearchResult:
        """Run a query; filters restrict by facet values, e.g. {"source": ["BBC"]}."""
        t0 = time.perf_counter()
        tree = parse(query)
        wanted = _check_filters(filters)
        try:
            s = self._searcher()
            key = (
                s.reader().generation(),
                self._db_version(),
                query,
                tuple(sorted((k, tuple(sorted(v))) for k, v in wanted.items())),
                limit,
                snippets,
            )
            cached = self._cached(key) if key[1] is not None else None
            if cached is not None:
                took = (time.perf_counter() - t0) * 1000
                return _copy(cached, round(took, 2))
            top, total, facets = self._evaluate(s, tree, wanted, limit)
        except (QueryError, store.IndexBroken):
            raise
        except Exception as exc:
            raise store.IndexBroken(
                f"the search index cannot be read ({type(exc).__name__}); `hamish check` repairs it"
            ) from exc
        hits = self._hits(top[:limit], tree, snippets)
        took = (time.perf_counter() - t0) * 1000
        result = SearchResult(query, total, round(took, 2), hits, facets)
        if key[1] is not None:
            self._remember(key, result)
        return result

    def _evaluate(
        self, s: Searcher, tree: Any, wanted: dict[str, set[str]], limit: int
    ) -> tuple[list[tuple[str, float]], int, dict[str, dict[str, int]]]:
        """(top ids and scores, total, facets) of a parsed query."""
        q = compile_query(tree, s.reader())
        if self.engine == "numpy":
            from desktop_app.core.search.postings import Unsupported

            try:
                return self._evaluate_numpy(s, q, wanted, limit)
            except Unsupported:  # a query the engine does not take: Whoosh's collectors
                pass
        return self._evaluate_whoosh(s, q, wanted, limit)

    def _evaluate_whoosh(
        self, s: Searcher, q: wq.Query, wanted: dict[str, set[str]], limit: int
    ) -> tuple[list[tuple[str, float]], int, dict[str, dict[str, int]]]:
        """Whoosh's own collectors and matchers (the reference the numpy path must equal)."""
        fq = _filter_query(wanted)
        # One pass collects the top hits and every match (for total and facets).
        everything = _TopAndAll(max(1, limit))
        # Never results: the meta document, and deleted documents, which Whoosh's NOT
        # (InverseMatcher) can return when one follows the last match of what it negates.
        hidden = set(s.docs_for_query(_MASK))
        for reader, offset in s.reader().leaf_readers():
            hidden.update(offset + d for d in reader.deleted_docs_set)
        s.search_with_collector(q, FilterCollector(everything, restrict=hidden))
        results = everything.results()
        if fq is not None:
            # Every match scored: Whoosh's block-quality skipping (the default) can lose the
            # best filtered match when the limit is small.
            top_only = TopCollector(limit=max(1, limit), usequality=False, replace=0)
            s.search_with_collector(q, FilterCollector(top_only, allow=fq, restrict=hidden))
            results = top_only.results()
        top = [(r["id"], r.score) for r in results]
        total, facets = self._facets(s, everything.everything, wanted)
        return top, total, facets

    def _evaluate_numpy(
        self, s: Searcher, q: wq.Query, wanted: dict[str, set[str]], limit: int
    ) -> tuple[list[tuple[str, float]], int, dict[str, dict[str, int]]]:
        """The same answer, evaluated over whole posting blocks (see engine.py)."""
        with self._lock:
            if self._engine is None:
                # numpy is imported on the first search, not when the window opens.
                from desktop_app.core.search.engine import Engine

                self._engine = Engine()
            engine = self._engine
        best, total, facets = engine.search(s, q, _MASK, _filter_query(wanted), wanted, limit)
        top = [(s.stored_fields(d)["id"], score) for d, score in best]
        return top, total, facets

    # -- results cache ----------------------------------------------------------------------
    def _db_version(self) -> int | None:
        """The last change_log seq (any change that search shows moves it); None: unknown."""
        try:
            return src.max_seq(self._conn())
        except sqlite3.Error:
            return None

    def _cached(self, key: tuple[Any, ...]) -> SearchResult | None:
        with self._lock:
            hit = self._results.get(key)
            if hit is not None:
                self._results.move_to_end(key)
            return hit

    def _remember(self, key: tuple[Any, ...], result: SearchResult) -> None:
        with self._lock:
            self._results[key] = _copy(result, result.took_ms)
            while len(self._results) > RESULT_CACHE:
                self._results.popitem(last=False)

    def _hits(self, top: list[tuple[str, float]], tree: Any, snippets: int) -> list[Hit]:
        ids: dict[str, list[int]] = {"a": [], "h": [], "n": []}
        for doc_id, _ in top:
            ids[doc_id[0]].append(int(doc_id[1:]))
        arts, hls, nts = src.hit_rows(self._conn(), ids["a"][:snippets], [], [], True)
        rest = [a for a in ids["a"] if a not in arts]
        more, hls, nts = src.hit_rows(self._conn(), rest, ids["h"], ids["n"], False)
        arts.update(more)
        rows = {"a": arts, "h": hls, "n": nts}
        kinds = {"a": "article", "h": "highlight", "n": "note"}
        m = marks(tree)
        hits: list[Hit] = []
        for doc_id, score in top:
            num = int(doc_id[1:])
            row = rows[doc_id[0]].get(num)
            if row is None:  # deleted since the last commit
                continue
            hit = Hit(
                kinds[doc_id[0]],
                None,
                None,
                None,
                row.title,
                row.source,
                row.date,
                round(float(score), 4),
            )
            if doc_id[0] == "a":
                hit.article_id = num
            elif doc_id[0] == "h":
                hit.highlight_id = num
            else:
                hit.note_id = num
            hit.article_id = hit.article_id or row.article_id
            if len(hits) < snippets and row.text:
                sn: Snippet = make_snippet(row.text, m)
                hit.snippet = sn.marked()
                hit.snippet_text = sn.text
                hit.snippet_spans = sn.spans
                hit.snippet_offset = sn.offset
            hits.append(hit)
        return hits


def _check_filters(filters: dict[str, list[str]] | None) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for name, values in (filters or {}).items():
        if name not in FACETS:
            raise QueryError(f"unknown filter {name!r}: use one of {', '.join(FACETS)}")
        if values:
            out[name] = {str(v) for v in values}
    return out


def _filter_query(wanted: dict[str, set[str]]) -> wq.Query | None:
    if not wanted:
        return None
    parts = [
        wq.Or([wq.Term(FACET_COLUMNS[name], v) for v in sorted(values)])
        for name, values in wanted.items()
    ]
    return parts[0] if len(parts) == 1 else wq.And(parts)


def _copy(result: SearchResult, took_ms: float) -> SearchResult:
    """A copy that callers may change without touching the cache."""
    return replace(
        result,
        took_ms=took_ms,
        hits=[replace(h, snippet_spans=list(h.snippet_spans)) for h in result.hits],
        facets={k: dict(v) for k, v in result.facets.items()},
    )
