"""Posting lists and per-segment columns as numpy arrays (read from Whoosh's own files).

Private Whoosh internals relied on (whoosh-reloaded 2.7.5, pinned in pyproject.toml; checked
by tests/core/test_search_equivalence.py):
- W3LeafMatcher block reading: `_read_data()`, `_data` (delta-coded ids, weights, values),
  `_byteids`, `_fixedsize`, `_blocklength`, `_lastblock`, `_nextoffset`, `_goto()`;
- ListMatcher `_ids`, `_weights`, `_all_weights`, `_values` (postings inlined in a term's info);
- FilterMatcher `.child` (the deletions wrapper that SegmentReader.postings adds);
- SegmentReader `_perdoc.column_reader(...)` and `_perdoc.has_column(...)` for the per-document
  field-length column (`_<field>_len`, whoosh.codec.whoosh3.LENGTHS_COLUMN), read whole through
  NumericColumn.Reader's `_typecode`, `_default`, `_count`, `_dbfile`, `_basepos`;
- formats.Positions values: a 4-byte count, then a pickled list of position gaps.
"""

from __future__ import annotations

import pickle
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.matching.mcore import ListMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.system import _INT_SIZE
from whoosh.util.numeric import byte_to_length

_BYTE_TO_LENGTH = np.array([byte_to_length(b) or 0 for b in range(256)], dtype=np.float64)
_POSTINGS_CACHE_ENTRIES = 2_000_000  # cached postings (docnum + weight: 16 bytes each)


class Unsupported(Exception):
    """A query this module does not evaluate (the caller uses Whoosh's collector)."""


@dataclass
class Segment:
    """What is cached per segment reader: deletions and field lengths."""

    reader: Any
    count: int  # doc_count_all
    live: np.ndarray | None  # bool per docnum (None: no deletions)
    segment_id: str = ""
    lengths: dict[str, np.ndarray] = field(default_factory=dict)
    sizes: dict[tuple[str, Any], int] = field(default_factory=dict)  # estimate_size of terms
    columns: dict[str, tuple[list[bytes], np.ndarray]] = field(default_factory=dict)

    def column_codes(self, name: str) -> tuple[list[bytes], np.ndarray]:
        """A column's distinct non-empty values as sorted bytes, and each document's index
        into them (len(values) for a document without a value)."""
        got = self.columns.get(name)
        if got is None:
            if self.reader.has_column(name):
                raw = list(self.reader.column_reader(name))
            else:
                raw = [""] * self.count
            distinct = sorted({v.encode("utf-8") for v in raw if v})
            index = {v.decode("utf-8"): i for i, v in enumerate(distinct)}
            missing = len(distinct)
            codes = np.fromiter(
                (index.get(v, missing) if v else missing for v in raw),
                dtype=np.int64,
                count=self.count,
            )
            got = self.columns[name] = (distinct, codes)
        return got

    def field_lengths(self, name: str) -> np.ndarray:
        """The length Whoosh stores for each document's field (as doc_field_length reads it)."""
        arr = self.lengths.get(name)
        if arr is None:
            perdoc = self.reader._perdoc
            lenfield = f"_{name}_len"
            if perdoc.has_column(lenfield):
                col = perdoc.column_reader(lenfield, LENGTHS_COLUMN)
                if getattr(col, "_typecode", None) == "B" and col._default == 0:
                    # One read of the column's bytes (documents past its end have 0).
                    raw = np.zeros(self.count, dtype=np.uint8)
                    n = min(col._count, self.count)
                    raw[:n] = np.frombuffer(col._dbfile.get(col._basepos, n), dtype=np.uint8)
                else:
                    raw = np.fromiter(iter(col), dtype=np.uint8, count=self.count)
                arr = _BYTE_TO_LENGTH[raw]
            else:
                arr = np.ones(self.count, dtype=np.float64)
            self.lengths[name] = arr
        return arr


class PostingsCache:
    """A bounded cache of (docnums, weights) per segment and term: segments never change."""

    def __init__(self) -> None:
        self._items: OrderedDict[tuple[Any, ...], tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._size = 0

    def get(self, key: tuple[Any, ...]) -> tuple[np.ndarray, np.ndarray] | None:
        hit = self._items.get(key)
        if hit is not None:
            self._items.move_to_end(key)
        return hit

    def put(self, key: tuple[Any, ...], value: tuple[np.ndarray, np.ndarray]) -> None:
        self._items[key] = value
        self._size += len(value[0])
        while self._size > _POSTINGS_CACHE_ENTRIES and len(self._items) > 1:
            _, old = self._items.popitem(last=False)
            self._size -= len(old[0])


def read_postings(matcher: Any, values: list[Any] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """All docnums and weights of a W3LeafMatcher, block by block (and the raw posting
    values, the encoded positions, into `values` when given)."""
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    if type(matcher) is ListMatcher:  # a posting inlined in the term info
        if values is not None:
            values.extend(matcher._values)
        ids = np.asarray(matcher._ids, dtype=np.int64)
        if matcher._all_weights:
            return ids, np.full(len(ids), matcher._all_weights, dtype=np.float64)
        if matcher._weights:
            return ids, np.asarray(matcher._weights, dtype=np.float64)
        return ids, np.ones(len(ids), dtype=np.float64)
    if type(matcher).__name__ != "W3LeafMatcher" or matcher._byteids:
        raise Unsupported(type(matcher).__name__)
    if values is not None and matcher._fixedsize is not None:
        raise Unsupported("fixed-size posting values")
    ids_parts: list[np.ndarray] = []
    w_parts: list[np.ndarray] = []
    while True:
        matcher._read_data()
        data = matcher._data
        n = matcher._blocklength
        ids_parts.append(np.cumsum(np.asarray(data[0], dtype=np.int64)))
        if values is not None:
            values.extend(data[2])
        weights = data[1]
        if weights is None:
            w_parts.append(np.ones(n, dtype=np.float64))
        elif isinstance(weights, float):
            # Whoosh widens a block's single weight through array("f")
            w_parts.append(np.full(n, np.float32(weights), dtype=np.float64))
        else:
            w_parts.append(np.asarray(weights).astype(np.float64))
        if matcher._lastblock:
            break
        matcher._goto(matcher._nextoffset)
    return np.concatenate(ids_parts), np.concatenate(w_parts)


def positions(values: list[Any], where: np.ndarray) -> np.ndarray:
    """Keys (candidate index << 32 | position) of a term's positions in the candidates,
    decoded as formats.Positions.decode_positions does (a pickled list of gaps)."""
    gaps: list[int] = []
    lengths: list[int] = []
    for w in where.tolist():
        v = values[w]
        if not v.endswith(b"."):
            v += b"."
        codes = pickle.loads(v[_INT_SIZE:])
        gaps.extend(codes)
        lengths.append(len(codes))
    counts = np.array(lengths, dtype=np.int64)
    total = np.cumsum(np.array(gaps, dtype=np.int64))
    starts = np.cumsum(counts) - counts
    base = np.concatenate((np.zeros(1, np.int64), total))[starts]
    pos = total - np.repeat(base, counts)
    return np.unique((np.repeat(np.arange(len(counts), dtype=np.int64), counts) << 32) + pos)


def chain(keys: list[np.ndarray], n: int, slop: int) -> np.ndarray:
    """Which candidates have the terms in order, each 1..slop positions after the one before.

    This is what SpanNear2Matcher._get_spans(ordered=True, mindist=1) decides: a merged span
    keeps its start and its last term's position, and the next term must come 1..slop after
    that position (at it, the spans overlap: distance 0).
    """
    ends = keys[0]
    for nxt in keys[1:]:
        reached = [np.intersect1d(nxt, ends + d, assume_unique=True) for d in range(1, slop + 1)]
        ends = np.unique(np.concatenate(reached)) if len(reached) > 1 else reached[0]
        if not len(ends):
            break
    keep = np.zeros(n, dtype=bool)
    keep[np.unique(ends >> 32)] = True
    return keep
