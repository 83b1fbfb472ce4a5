"""Whole-block query evaluation with numpy: the same matches and scores as Whoosh's matchers.

Whoosh scores one posting at a time in Python. Here term, OR, AND and NOT nodes are evaluated
per segment over whole posting lists: docnums and weights come from the posting blocks, BM25F
is computed with Whoosh's own idf and average field length and the per-document lengths Whoosh
stores, and sums are added in the order Whoosh's matcher trees add them (floating-point
addition is not associative, so the tree shape decides the last bit of a score). Phrases and
date ranges are evaluated over arrays too; any other node is evaluated by Whoosh's own
matcher for that node, inside the tree. Reading postings and columns: postings.py.

Private Whoosh internals relied on (whoosh-reloaded 2.7.5, pinned in pyproject.toml; the
equivalence test in tests/core/test_search_equivalence.py runs both paths on a few hundred
queries and fails on any difference):
- SegmentReader `_terms.term_info()`, `_terms._postfile`, `_codec.postings_reader()` (one
  look-up of a term instead of three);
- MultiTerm `_btexts(reader)` (the terms of a prefix in one segment); TermRange's bounds
  (start, end, startexcl, endexcl as `_btexts` compares them), a range over an ID field being
  read from the field's column;
- Phrase.matcher's construction (SpanNear2 of its terms over make_binary_tree of
  IntersectionMatchers); its span test, re-stated over position arrays for formats.Positions
  (postings.chain) and otherwise called as
  SpanNear2.SpanNear2Matcher._get_spans with a stand-in `self` (slop, mindist, ordered, ms);
- Or.AUTO_MATCHER's rule (DEFAULT below 1024 clauses when two clauses or > 5000 documents in the
  segment, else the array matcher), make_weighted_tree's pairing order, ArrayUnionMatcher's
  sequential sums and its "score > 0" test, InverseMatcher's constant score 1.0. (InverseMatcher
  can also return a deleted document, the one after its child's last match; SearchService
  drops deleted documents on both paths, so this module never returns them.)
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np
from whoosh import fields, formats, scoring
from whoosh import query as wq
from whoosh.analysis import IDTokenizer
from whoosh.query.spans import Span, SpanNear2
from whoosh.reading import TermNotFound
from whoosh.searching import SearchContext, Searcher

from desktop_app.core.search.postings import (
    PostingsCache,
    Segment,
    Unsupported,
    chain,
    positions,
    read_postings,
)
from desktop_app.core.search.schema import FACET_COLUMNS, FACETS, KINDS

Docs = np.ndarray  # int64, ascending, unique (segment docnums)
Scores = np.ndarray  # float64, one per doc
Result = tuple[Docs, Scores]

_KINDS = frozenset(KINDS)
_EMPTY: Result = (np.zeros(0, np.int64), np.zeros(0, np.float64))
_VALUES_CACHE_ENTRIES = 200_000  # cached encoded positions (phrases; about 60 bytes each)


def _weighted_tree(weights: list[float]) -> Any:
    """make_weighted_tree's pairing: indices nested in 2-tuples.

    Ties never compare "less" (Whoosh's matchers compare equal or not-less), so the sort is
    stable on the weight alone and insort puts a new pair after equal weights.
    """
    ls: list[tuple[float, Any]] = sorted(
        ((w, i) for i, w in enumerate(weights)), key=lambda x: x[0]
    )
    while len(ls) > 1:
        a = ls.pop(0)
        b = ls.pop(0)
        keys = [x[0] for x in ls]
        ls.insert(bisect.bisect_right(keys, a[0] + b[0]), (a[0] + b[0], (a[1], b[1])))
    return ls[0][1]


def _tree_sum(tree: Any, columns: Sequence[np.ndarray | None]) -> np.ndarray | None:
    """Add the columns in the tree's pairing (a missing match is 0.0, which adds exactly);
    None stands for a child that matches nothing in this segment."""
    if isinstance(tree, int):
        return columns[tree]
    a = _tree_sum(tree[0], columns)
    b = _tree_sum(tree[1], columns)
    if a is None:
        return b
    if b is None:
        return a
    out: np.ndarray = a + b
    return out


def _one_value_per_document(schema: Any, name: str) -> bool:
    """An ID field as Hamish's schema makes it: the whole value is the one term (no lower
    casing), with weight 1, and a column holds the same value."""
    if name not in schema:
        return False
    f = schema[name]
    return (
        type(f) is fields.ID
        and type(f.analyzer) is IDTokenizer
        and type(f.format) is formats.Existence
        and f.format.field_boost == 1.0
        and f.column_type is not None
    )


def _binary_tree(lo: int, hi: int) -> Any:
    """make_binary_tree's shape over indices lo..hi-1 (split at the half)."""
    if hi - lo == 1:
        return lo
    half = (hi - lo) // 2
    return (_binary_tree(lo, lo + half), _binary_tree(lo + half, hi))


class _Spans:
    """A term matcher as SpanNear2Matcher._get_spans sees it: its spans in one document."""

    def __init__(self, spans: list[Span]) -> None:
        self._spans = spans

    def spans(self) -> list[Span]:
        return self._spans


class _SpanProbe:
    """The attributes SpanNear2Matcher._get_spans reads (Phrase: ordered, mindist 1)."""

    def __init__(self, slop: int) -> None:
        self.slop = slop
        self.mindist = 1
        self.ordered = True
        self.ms: list[_Spans] = []


def _spread(results: list[Result]) -> tuple[np.ndarray, list[np.ndarray]]:
    """The union of the docs, and each result's scores over it (0.0 where it has no match)."""
    docs, inverse = np.unique(np.concatenate([d for d, _ in results]), return_inverse=True)
    table = np.zeros((len(results), len(docs)), dtype=np.float64)
    rows = np.repeat(np.arange(len(results)), [len(d) for d, _ in results])
    table[rows, inverse] = np.concatenate([sc for _, sc in results])
    return docs, list(table)


class Engine:
    """Evaluates a compiled Whoosh query on a searcher; caches per segment."""

    def __init__(self) -> None:
        self._segments: dict[tuple[str, int], Segment] = {}
        self._postings = PostingsCache()
        self._values: dict[tuple[Any, ...], list[Any]] = {}
        self._values_size = 0
        self._avgfl: dict[tuple[int, str], float] = {}
        self._lock = threading.Lock()
        self._codes: dict[str, dict[str, np.ndarray]] = {}  # segment key -> facet -> codes
        self._vocab: dict[str, dict[Any, int]] = {name: {} for name in FACETS}
        self._joined: tuple[tuple[str, ...], dict[str, np.ndarray]] | None = None
        self._mask_docs: tuple[int, np.ndarray] | None = None

    def search(
        self,
        s: Searcher,
        q: wq.Query,
        mask: wq.Query,
        allow: wq.Query | None,
        filters: dict[str, set[str]],
        limit: int,
    ) -> tuple[list[tuple[int, float]], int, dict[str, dict[str, int]]]:
        """(top docnums and scores, total, facet counts): what SearchService's Whoosh path
        computes with its collectors (mask: never results; allow: the top comes from these;
        filters: facet values, each facet counted with the other facets' filters)."""
        parts = self.run(s, q)
        if parts:
            docs = np.concatenate([d + off for off, (d, _) in parts])
            scores = np.concatenate([sc for _, (_, sc) in parts])
        else:
            docs, scores = np.zeros(0, np.int64), np.zeros(0, np.float64)
        gen = s.reader().generation()
        masked = self._mask_docs
        if masked is None or masked[0] != gen:
            hidden = [self.docs(s, mask)]
            for sub, offset in s.leaf_searchers():
                live = self.segment(sub.reader()).live
                if live is not None:
                    hidden.append(np.flatnonzero(~live) + offset)
            masked = self._mask_docs = (gen, np.unique(np.concatenate(hidden)))
        if len(masked[1]):
            keep = ~np.isin(docs, masked[1])
            docs, scores = docs[keep], scores[keep]
        if allow is None:
            best = top_n(docs, scores, max(1, limit))
        else:
            ok = np.isin(docs, self.docs(s, allow))
            best = top_n(docs[ok], scores[ok], max(1, limit))
        total, facets = self._facets_numpy(s, docs, filters)
        return best, total, facets

    def segment(self, reader: Any) -> Segment:
        """The cached data of one segment reader."""
        seg = reader.segment()
        key = (seg.segment_id(), reader.doc_count_all() - reader.doc_count())
        data = self._segments.get(key)
        if data is None or data.reader is not reader:
            count = reader.doc_count_all()
            live = None
            if reader.has_deletions():
                live = np.ones(count, dtype=bool)
                dead = np.fromiter(reader.deleted_docs_set, dtype=np.int64)
                live[dead[dead < count]] = False
            if data is not None:  # same segment, a new reader: keep what was read
                data = Segment(reader, count, live, key[0], data.lengths, data.sizes, data.columns)
            else:
                data = Segment(reader, count, live, key[0])
            self._segments[key] = data
        return data

    def forget(self, keep: set[tuple[str, int]]) -> None:
        """Drop the data of segments that are gone."""
        for key in [k for k in self._segments if k not in keep]:
            del self._segments[key]

    def _facet_codes(self, s: Searcher) -> dict[str, np.ndarray]:
        """Facet values as integer codes by global docnum (per segment, cached)."""
        keys = []
        parts: dict[str, list[np.ndarray]] = {name: [] for name in FACETS}
        for reader, _offset in s.reader().leaf_readers():
            key = f"{reader.segment().segment_id()}:{reader.doc_count_all()}"
            keys.append(key)
            codes = self._codes.get(key)
            if codes is None:
                codes = {}
                with self._lock:
                    for name in FACETS:
                        col = FACET_COLUMNS[name]
                        n = reader.doc_count_all()
                        values = list(reader.column_reader(col)) if reader.has_column(col) else []
                        vocab = self._vocab[name]
                        if not values:
                            values = [""] * n
                        codes[name] = np.fromiter(
                            (vocab.setdefault(v, len(vocab)) for v in values),
                            dtype=np.int32,
                            count=n,
                        )
                    self._codes[key] = codes
            for name in FACETS:
                parts[name].append(codes[name])
        joined = self._joined
        if joined is None or joined[0] != tuple(keys):
            arrays = {
                name: np.concatenate(parts[name]) if parts[name] else np.zeros(0, np.int32)
                for name in FACETS
            }
            joined = self._joined = (tuple(keys), arrays)
        return joined[1]

    def _facets_numpy(
        self, s: Searcher, docs: np.ndarray, filters: dict[str, set[str]]
    ) -> tuple[int, dict[str, dict[str, int]]]:
        """_facets with numpy: the same counts, and ties in the order of first match."""
        codes = self._facet_codes(s)
        with self._lock:
            values = {name: list(self._vocab[name]) for name in FACETS}
        kind_ok = np.array([v in _KINDS for v in values["kind"]], dtype=bool)
        docs = docs[kind_ok[codes["kind"][docs]]]
        names = list(FACETS)
        vals = [codes[n][docs] for n in names]
        fails: list[np.ndarray | None] = []
        nfail = np.zeros(len(docs), dtype=np.int8)
        for n, v in zip(names, vals, strict=True):
            w = filters.get(n)
            if w is None:
                fails.append(None)
                continue
            allowed = np.array([x in w for x in values[n]], dtype=bool)
            f = ~allowed[v]
            fails.append(f)
            nfail += f
        passed = nfail == 0
        total = int(np.count_nonzero(passed))
        out: dict[str, dict[str, int]] = {}
        for n, v, f in zip(names, vals, fails, strict=True):
            contrib = passed if f is None else passed | ((nfail == 1) & f)
            counted = np.array([bool(x) for x in values[n]], dtype=bool)
            got = v[contrib]
            got = got[counted[got]]
            if not len(got):
                out[n] = {}
                continue
            uniq, first, counts = np.unique(got, return_index=True, return_counts=True)
            # Counter.most_common: count descending, ties in insertion (first match) order
            order = np.lexsort((first, -counts))
            out[n] = {values[n][uniq[i]]: int(counts[i]) for i in order}
        return total, out

    def keep_values(self, key: tuple[Any, ...], values: list[Any]) -> None:
        """Cache a term's encoded positions, dropping the oldest past the bound."""
        self._values[key] = values
        self._values_size += len(values)
        while self._values_size > _VALUES_CACHE_ENTRIES and len(self._values) > 1:
            self._values_size -= len(self._values.pop(next(iter(self._values))))

    def avg_field_length(self, top: Searcher, name: str) -> float:
        """BM25FScorer's avgfl (the parent searcher's, or 1), once per commit and field."""
        key = (top.reader().generation(), name)
        got = self._avgfl.get(key)
        if got is None:
            if len(self._avgfl) > 64:
                self._avgfl.clear()
            got = self._avgfl[key] = top.avg_field_length(name) or 1
        return got

    def run(self, searcher: Searcher, q: wq.Query) -> list[tuple[int, Result]]:
        """(offset, (docnums, scores)) per segment: every match and its score."""
        if type(searcher.weighting) is not scoring.BM25F:
            raise Unsupported("weighting")
        out = []
        for sub, offset in searcher.leaf_searchers():
            ev = _Eval(self, searcher, sub, self.segment(sub.reader()))
            out.append((offset, ev.node(q, True)))
        return out

    def docs(self, searcher: Searcher, q: wq.Query) -> np.ndarray:
        """Global docnums matching q (ascending)."""
        parts = [d + off for off, (d, _) in self.run(searcher, q)]
        return np.concatenate(parts) if parts else np.zeros(0, np.int64)


class _Eval:
    """One segment's evaluation of one query."""

    def __init__(self, engine: Engine, top: Searcher, sub: Searcher, seg: Segment) -> None:
        self.engine = engine
        self.top = top
        self.sub = sub
        self.seg = seg
        self.reader = sub.reader()

    def node(self, q: Any, weighted: bool) -> Result:
        """Docnums and scores of q in this segment (weighted: the context has a weighting)."""
        kind = type(q)
        if q is wq.NullQuery:
            return _EMPTY
        if getattr(q, "boost", 1.0) != 1.0:
            return self.fallback(q, weighted)
        if kind is wq.Term:
            return self.term(q)
        if kind is wq.Or:
            return self.union(q, weighted)
        if kind is wq.And:
            return self.intersection(q, weighted)
        if kind is wq.Not:
            return self.inverse(q)
        if kind in (wq.Prefix, wq.TermRange):
            return self.multiterm(q, weighted)
        if kind is wq.Phrase:
            return self.phrase(q, weighted)
        return self.fallback(q, weighted)

    def raw(self, q: wq.Term) -> tuple[Any, bytes, np.ndarray, np.ndarray] | None:
        """(field, term bytes, docnums, weights) of a term's postings, deleted ones included;
        None when the field or term is not there."""
        if q.minquality:
            raise Unsupported("minquality")
        schema = self.top.schema
        name = q.fieldname
        if name not in schema:
            return None
        fobj = schema[name]
        try:
            btext = fobj.to_bytes(q.text)
        except ValueError:
            return None
        key = (self.seg.segment_id, name, btext)
        got = self.engine._postings.get(key)
        if got is None:
            terms = self.reader._terms
            try:  # one look-up for presence, size and postings
                info = terms.term_info(name, btext)
            except TermNotFound:
                got = (_EMPTY[0], _EMPTY[1])
                self.seg.sizes[(name, q.text)] = 0
            else:
                self.seg.sizes[(name, q.text)] = info.doc_frequency()
                m = self.reader._codec.postings_reader(
                    terms._postfile, info, fobj.format, term=(name, btext)
                )
                got = read_postings(m)
            self.engine._postings.put(key, got)
        if not len(got[0]):
            return None
        return fobj, btext, got[0], got[1]

    def term(self, q: wq.Term) -> Result:
        return self.terms([q])[0]

    def terms(self, qs: list[wq.Term]) -> list[Result]:
        """Each term's live docnums and scores; the scores of terms of one field are computed
        in one pass (element by element the same operations as scoring.bm25)."""
        raws = [self.raw(q) for q in qs]
        present = [(i, r) for i, r in enumerate(raws) if r is not None]
        out: list[Result] = [_EMPTY] * len(qs)
        if not present:
            return out
        fobj = present[0][1][0]
        name = qs[present[0][0]].fieldname
        if any(qs[i].fieldname != name for i, _ in present):
            return [self.term(q) for q in qs]
        counts = np.array([len(r[2]) for _, r in present], dtype=np.int64)
        which = np.repeat(np.arange(len(present)), counts)
        docs = np.concatenate([r[2] for _, r in present])
        weights = np.concatenate([r[3] for _, r in present])
        live = self.seg.live
        if live is not None:
            keep = live[docs]
            docs, weights, which = docs[keep], weights[keep], which[keep]
        if not fobj.scorable:  # WeightScorer: the weight is the score
            scores = weights
        else:
            w = self.top.weighting
            idf = np.array([self.top.idf(name, r[1]) for _, r in present], dtype=np.float64)
            idf = idf[which]
            avgfl = self.engine.avg_field_length(self.top, name)
            b = w._field_B.get(name, w.B)
            k1 = w.K1
            fl = self.seg.field_lengths(name)[docs]
            # scoring.bm25, operation by operation in the same order
            scores = idf * ((weights * (k1 + 1)) / (weights + k1 * ((1 - b) + b * fl / avgfl)))
        ends = np.cumsum(np.bincount(which, minlength=len(present)))
        start = 0
        for (i, _), end in zip(present, ends.tolist(), strict=True):
            out[i] = (docs[start:end], scores[start:end])
            start = end
        return out

    def union(self, q: wq.Or, weighted: bool) -> Result:
        subs = q.subqueries
        if not subs:
            return _EMPTY
        if len(subs) == 1:
            return self.node(subs[0], weighted)
        if q.scale or q.minmatch:
            return self.fallback(q, weighted)
        mtype = q.matcher_type
        if mtype == wq.Or.AUTO_MATCHER:
            dc = self.sub.doc_count_all()
            if len(subs) < wq.Or.TOO_MANY_CLAUSES and (len(subs) == 2 or dc > 5000):
                mtype = wq.Or.DEFAULT_MATCHER
            else:
                mtype = wq.Or.ARRAY_MATCHER
        if all(type(s) is wq.Term and s.boost == 1.0 for s in subs):
            results = self.terms(subs)
        else:
            results = [self.node(s, weighted) for s in subs]
        present = [i for i, r in enumerate(results) if len(r[0])]
        if not present:
            return _EMPTY
        if mtype == wq.Or.DEFAULT_MATCHER:
            if len(present) == 1:
                return results[present[0]]
            docs, columns = _spread([results[i] for i in present])
            if len(present) == 2:
                return docs, columns[0] + columns[1]
            # A tree of UnionMatchers: the pairing decides how the sums are grouped.
            full = [columns[present.index(i)] if i in present else None for i in range(len(subs))]
            tree = _weighted_tree([self.estimate(s) for s in subs])
            summed = _tree_sum(tree, full)
            assert summed is not None  # two children or more match
            return docs, summed
        if mtype != wq.Or.ARRAY_MATCHER:
            return self.fallback(q, weighted)
        # ArrayUnionMatcher: scores added child after child from 0; a doc matches when > 0
        docs, columns = _spread([results[i] for i in present])
        if not weighted:
            return docs, np.ones(len(docs), dtype=np.float64)
        acc = np.zeros(len(docs), dtype=np.float64)
        for col in columns:
            acc += col
        keep = acc > 0
        return docs[keep], acc[keep]

    def intersection(self, q: wq.And, weighted: bool) -> Result:
        subs = q.subqueries
        if not subs:
            return _EMPTY
        if len(subs) == 1:
            return self.node(subs[0], weighted)
        results = [self.node(s, weighted) for s in subs]
        if any(not len(r[0]) for r in results):
            return _EMPTY
        docs = results[0][0]
        for d, _ in results[1:]:
            docs = np.intersect1d(docs, d, assume_unique=True)
        if not len(docs):
            return _EMPTY
        columns = [sc[np.searchsorted(d, docs)] for d, sc in results]
        if len(columns) == 2:
            return docs, columns[0] + columns[1]
        summed = _tree_sum(_weighted_tree([0 - self.estimate(s) for s in subs]), columns)
        assert summed is not None  # every column is there
        return docs, summed

    def estimate(self, q: Any) -> int:
        """q.estimate_size(segment reader), remembered for terms."""
        if type(q) is not wq.Term:
            return int(q.estimate_size(self.reader))
        key = (q.fieldname, q.text)
        got = self.seg.sizes.get(key)
        if got is None:
            got = self.seg.sizes[key] = int(q.estimate_size(self.reader))
        return got

    def inverse(self, q: wq.Not) -> Result:
        child, _ = self.node(q.query, False)  # Whoosh: a boolean context
        mask = (
            np.ones(self.seg.count, dtype=bool) if self.seg.live is None else self.seg.live.copy()
        )
        mask[child] = False
        docs = np.flatnonzero(mask).astype(np.int64)
        return docs, np.ones(len(docs), dtype=np.float64)

    def multiterm(self, q: Any, weighted: bool) -> Result:
        if type(q) is wq.TermRange and _one_value_per_document(self.top.schema, q.fieldname):
            return self.value_range(q)
        name = q.field()
        qs = [wq.Term(name, word) for word in q._btexts(self.reader) if word]
        if not qs:
            return _EMPTY
        if len(qs) == 1:
            return self.node(qs[0], weighted)
        return self.node(wq.Or(qs), weighted and not q.constantscore)

    def phrase(self, q: wq.Phrase, weighted: bool) -> Result:
        """Phrase.matcher: the terms' intersection (scores summed in make_binary_tree's
        pairing), kept where SpanNear2's own span test finds the words in order."""
        schema = self.top.schema
        name = q.fieldname
        if name not in schema or len(q.words) < 2:
            return self.fallback(q, weighted)
        fobj = schema[name]
        fmt = fobj.format
        if not fmt or not fmt.supports("positions") or fmt.supports("characters"):
            return self.fallback(q, weighted)
        btexts = []
        for word in q.words:
            try:
                btexts.append(fobj.to_bytes(word))
            except ValueError:
                return _EMPTY
        if any((name, b) not in self.reader for b in btexts):
            return _EMPTY
        values = [self.values(name, b) for b in btexts]  # postings read once for both
        results = [self.term(wq.Term(name, b)) for b in btexts]
        docs = results[0][0]
        for d, _ in results[1:]:
            docs = np.intersect1d(docs, d, assume_unique=True)
        if not len(docs):
            return _EMPTY
        raw_docs = [self.engine._postings.get((self.seg.segment_id, name, b)) for b in btexts]
        where = [np.searchsorted(r[0], docs) for r in raw_docs if r is not None]
        if len(where) != len(btexts):
            return self.fallback(q, weighted)
        if type(fmt) is formats.Positions and q.slop >= 1:
            keep = chain(
                [positions(vals, w) for vals, w in zip(values, where, strict=True)],
                len(docs),
                q.slop,
            )
        else:
            keep = self._spans_one_by_one(fmt, values, where, q.slop, len(docs))
        docs = docs[keep]
        columns = [sc[np.searchsorted(d, docs)] for d, sc in results]
        summed = _tree_sum(_binary_tree(0, len(columns)), columns)
        assert summed is not None  # every column is there
        return docs, summed

    def _spans_one_by_one(
        self, fmt: Any, values: list[list[Any]], where: list[np.ndarray], slop: int, n: int
    ) -> np.ndarray:
        """SpanNear2's span test itself, document by document (other position formats)."""
        spans_of = SpanNear2.SpanNear2Matcher._get_spans
        probe = _SpanProbe(slop)
        keep = np.zeros(n, dtype=bool)
        decode = fmt.decode_as
        for i in range(n):
            probe.ms = [
                _Spans([Span(pos) for pos in decode("positions", vals[int(w[i])])])
                for vals, w in zip(values, where, strict=True)
            ]
            keep[i] = bool(spans_of(probe))
        return keep

    def values(self, name: str, btext: bytes) -> list[Any]:
        """The encoded positions of a term's postings (all of them, deleted included)."""
        key = (self.seg.segment_id, name, btext, "values")
        got = self.engine._values.get(key)
        if got is None:
            got = []
            pair = read_postings(self.reader.postings(name, btext), got)
            if self.engine._postings.get((self.seg.segment_id, name, btext)) is None:
                self.engine._postings.put((self.seg.segment_id, name, btext), pair)
            self.engine.keep_values(key, got)
        return got

    def value_range(self, q: wq.TermRange) -> Result:
        """A range over an ID field from its column: every matching document has one term in
        the range, whose weight (Existence, field boost 1) is its score however the terms'
        OR is matched (one term, a union tree or the array matcher)."""
        values, codes = self.seg.column_codes(q.fieldname)
        fobj = self.top.schema[q.fieldname]
        try:
            start = b"" if q.start is None else fobj.to_bytes(q.start)
            end = b"\xff\xff\xff\xff" if q.end is None else fobj.to_bytes(q.end)
        except ValueError:
            return _EMPTY
        # values are sorted (as bytes): the range is one run of them
        lo = (bisect.bisect_right if q.startexcl else bisect.bisect_left)(values, start)
        hi = (bisect.bisect_left if q.endexcl else bisect.bisect_right)(values, end)
        hit = (codes >= lo) & (codes < hi)
        if self.seg.live is not None:
            hit &= self.seg.live
        docs = np.flatnonzero(hit).astype(np.int64)
        return docs, np.ones(len(docs), dtype=np.float64)

    def fallback(self, q: Any, weighted: bool) -> Result:
        """Whoosh's own matcher for this node, stepped through."""
        ctx = SearchContext(needs_current=False, weighting=self.top.weighting if weighted else None)
        m = q.matcher(self.sub, ctx)
        ids: list[int] = []
        scores: list[float] = []
        while m.is_active():
            ids.append(m.id())
            scores.append(m.score())
            m.next()
        return np.array(ids, dtype=np.int64), np.array(scores, dtype=np.float64)


def top_n(docs: np.ndarray, scores: np.ndarray, limit: int) -> list[tuple[int, float]]:
    """The best `limit` (docnum, score): score descending, then docnum ascending (Whoosh's order)."""
    n = len(docs)
    if not n or limit <= 0:
        return []
    if n > limit:
        kth = np.partition(scores, n - limit)[n - limit]
        pick = np.flatnonzero(scores >= kth)
        docs, scores = docs[pick], scores[pick]
    order = np.lexsort((docs, -scores))[:limit]
    return [(int(docs[i]), float(scores[i])) for i in order]
