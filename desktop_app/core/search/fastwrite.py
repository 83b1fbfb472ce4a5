"""A Whoosh segment writer that does less Python work per token, for the same segment.

Whoosh turns a text value into postings through three generators per token (the analyzer,
`unstopped`, `Positions.word_values`); for the fields that ArabicAnalyzer analyses with the
Positions format, `text_postings` does the same in one loop over the cached per-word analysis.
At commit Whoosh asks the new segment for a field length once per posting (a seek and a read
each): `_Lengths` reads each field's lengths once; and it makes two method calls and five type
checks per posting: `add_postings` does their work inline. Everything else is Whoosh's own
code, and the segment holds the same postings, lengths and stored values (tests compare two
segments); about a quarter less CPU than Whoosh's SegmentWriter on the corpus.

Relies on `SegmentWriter.add_document` and `_flush_segment`, and on the W3 codec's field and
postings writers, of whoosh-reloaded 2.7.5 (pinned in pyproject.toml): `FastWriter.add_document`
is Whoosh's with one line changed.
"""

from __future__ import annotations

from pickle import dumps
from typing import Any

from whoosh import fields as whoosh_fields
from whoosh import formats
from whoosh.codec.whoosh3 import W3FieldWriter
from whoosh.system import emptybytes, pack_uint
from whoosh.writing import SegmentWriter

from desktop_app.core.search.analyzer import WORD_RE, ArabicAnalyzer, _stemmed, _unstemmed

Posting = tuple[bytes, int, float, bytes]


# The encoded positions of a term that occurs once, at position p < _ONCE_LIMIT.
_ONCE_LIMIT = 4096
_ONCE = [pack_uint(1) + dumps([p], 2) for p in range(_ONCE_LIMIT)]


def text_postings(value: str, stemming: bool, field_boost: float) -> list[Posting]:
    """(term bytes, frequency, weight, encoded positions) of each term, as Whoosh's
    `TEXT.index` gives them for ArabicAnalyzer with the Positions format."""
    analyse = _stemmed if stemming else _unstemmed
    poses: dict[str, list[int]] = {}
    pos = 0
    for surface in WORD_RE.findall(value):
        result = analyse(surface)
        if isinstance(result, str):
            found = poses.get(result)
            if found is None:
                poses[result] = [pos]
            else:
                found.append(pos)
            pos += 1
            continue
        for _start, _end, text, stopped in result:
            if not stopped:
                poses.setdefault(text, []).append(pos)
            pos += 1
    out: list[Posting] = []
    for word, poslist in poses.items():
        if len(poslist) == 1 and poslist[0] < _ONCE_LIMIT:  # most terms occur once
            out.append((word.encode("utf-8"), 1, 1.0 * field_boost, _ONCE[poslist[0]]))
            continue
        deltas = []
        base = 0
        for p in poslist:
            deltas.append(p - base)
            base = p
        # Whoosh sums a boost of 1.0 per token, then multiplies by the format's field boost.
        weight = float(len(poslist)) * field_boost
        encoded = pack_uint(len(deltas)) + dumps(deltas, 2)
        out.append((word.encode("utf-8"), len(poslist), weight, encoded))
    return out


def _fast(field: Any) -> bool:
    return (
        type(field) is whoosh_fields.TEXT
        and type(field.format) is formats.Positions
        and type(field.analyzer) is ArabicAnalyzer
    )


def _items(field: Any, value: Any) -> Any:
    if isinstance(value, str) and _fast(field):
        return text_postings(value, field.analyzer.stemming, field.format.field_boost)
    return field.index(value)


class _Lengths:
    """A new segment's field lengths, each field read once (Whoosh reads one per posting)."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._count = reader.doc_count_all()
        self._cache: dict[str, list[int]] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int | None:
        """What the segment's own doc_field_length says (add_postings passes no default)."""
        if default != 0 or not 0 <= docnum < self._count:
            return self._reader.doc_field_length(docnum, fieldname, default)  # type: ignore[no-any-return]
        lengths = self._cache.get(fieldname)
        if lengths is None:
            read = self._reader.doc_field_length
            lengths = [read(d, fieldname) for d in range(self._count)]
            self._cache[fieldname] = lengths
        return lengths[docnum]


def add_postings(fw: Any, schema: Any, lengths: Any, items: Any) -> None:
    """FieldWriter.add_postings of Whoosh's W3FieldWriter with its add() and the postings
    writer's add_posting() inlined (without their type checks: the pool made the items)."""
    if not isinstance(fw, W3FieldWriter):
        fw.add_postings(schema, lengths, items)
        return
    dfl = lengths.doc_field_length if lengths else (lambda docnum, fieldname: 0)
    pw: Any = None
    ids: Any = None
    lastfn = None
    lasttext = None
    limit = 0
    for fieldname, btext, docnum, weight, value in items:
        if fieldname != lastfn:
            if lastfn is not None and fieldname < lastfn:
                raise ValueError(f"postings out of order: {lastfn!r} .. {fieldname!r}")
            if lasttext is not None:
                fw.finish_term()
            if lastfn is not None:
                fw.finish_field()
            fw.start_field(fieldname, schema[fieldname])
            lastfn = fieldname
            lasttext = None
        elif lasttext and btext < lasttext:
            raise ValueError(f"postings out of order: {lasttext!r} .. {btext!r}")
        if docnum == -1:
            continue
        if btext != lasttext:
            if lasttext is not None:
                fw.finish_term()
            fw.start_term(btext)
            lasttext = btext
            pw = fw._postwriter
            limit = pw._blocklimit
            ids = pw._ids
        length = dfl(docnum, fieldname)
        if value is None:
            value = emptybytes
        # W3PostingsWriter.add_posting, without its type checks
        if len(ids) >= limit:
            pw._write_block()
            ids = pw._ids
        ids.append(docnum)
        pw._weights.append(weight)
        if weight > pw._maxweight:
            pw._maxweight = weight
        if value:
            pw._values.append(value)
        if length:
            minlength = pw._minlength
            if minlength is None or length < minlength:
                pw._minlength = length
            if length > pw._maxlength:
                pw._maxlength = length
    if lasttext is not None:
        fw.finish_term()
    if lastfn is not None:
        fw.finish_field()


class FastWriter(SegmentWriter):  # type: ignore[misc]  # whoosh is untyped
    """SegmentWriter with the two shortcuts above; writes the same segments."""

    def add_document(self, **fields: Any) -> None:
        """Whoosh's add_document, with `_items` for `field.index`."""
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        add_post = self.pool.add

        docboost = self._doc_boost(fields)
        fieldnames = sorted([name for name in fields.keys() if not name.startswith("_")])
        self._check_fields(schema, fieldnames)

        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields.get(fieldname)
                if value is None:
                    continue
                field = schema[fieldname]

                length = 0
                if field.indexed:
                    fieldboost = self._field_boost(fields, fieldname, docboost)
                    items = _items(field, value)
                    scorable = field.scorable
                    for tbytes, freq, weight, vbytes in items:
                        weight *= fieldboost
                        if scorable:
                            length += freq
                        add_post((fieldname, tbytes, docnum, weight, vbytes))

                if field.separate_spelling():
                    spellfield = field.spelling_fieldname(fieldname)
                    for word in field.spellable_words(value):
                        add_post((spellfield, word.encode("utf-8"), 0, 1, vbytes))

                vformat = field.vector
                if vformat:
                    analyzer = field.analyzer
                    vitems = vformat.word_values(value, analyzer, mode="index")
                    vitems = sorted((text, weight, vbytes) for text, _, weight, vbytes in vitems)
                    perdocwriter.add_vector_items(fieldname, field, vitems)

                customval = fields.get(f"_stored_{fieldname}", value)
                sv = customval if field.stored else None
                perdocwriter.add_field(fieldname, field, sv, length)

                column = field.column_type
                if column and customval is not None:
                    cv = field.to_column_value(customval)
                    perdocwriter.add_column_value(fieldname, column, cv)
        except Exception:
            perdocwriter.cancel_doc()
            raise

        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        pdr = self.per_document_reader() if self.codec.length_stats else None
        postings = self.pool.iter_postings()
        add_postings(self.fieldwriter, self.schema, _Lengths(pdr) if pdr else None, postings)
        self.fieldwriter.close()
        if pdr:
            pdr.close()
