"""The query language: words (AND), "phrases", AND/OR/NOT, -word, prefix*, field:value, dates.

`parse(text)` checks the syntax and returns a tree; `compile_query(tree, reader)` turns it into
a Whoosh query (words analyzed like the text; prefixes expanded over the index's vocabulary).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from whoosh import query as wq

from desktop_app.core.errors import HamishError
from desktop_app.core.search.analyzer import arabic_analyzer, index_terms, normalize_term
from desktop_app.core.search.schema import DEFAULT_FIELDS, FIELD_ALIASES, KINDS
from desktop_app.core.search.stemmer import stem

FIELDS = ("title", "source", "tag", "label", "kind", "lang", "date")
_FIELD_NAMES = {**{f: f for f in FIELDS}, "language": "lang", "tags": "tag"}
MAX_EXPANSIONS = 2000  # vocabulary words looked at for one prefix
MAX_TERMS = 64  # index terms a prefix expands to
PREFIX_FIELDS = ("title", "body")
_ANALYZER = arabic_analyzer()
_FIELD_RE = re.compile(r"([A-Za-z]+):(.*)", re.S)
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class QueryError(HamishError):
    """A malformed query; the message says what is wrong in one line."""


@dataclass(frozen=True)
class Leaf:
    """A word, "phrase" or prefix*, optionally in a field."""

    kind: str  # word | phrase | prefix | exact | date
    text: str
    field: str = ""
    end: str = ""  # dates: the upper bound (inclusive); "" = open


@dataclass(frozen=True)
class Node:
    """AND / OR of children, or NOT of one child."""

    op: str  # and | or | not
    children: tuple[Leaf | Node, ...] = field(default_factory=tuple)


Tree = Leaf | Node


# -- tokenizing ------------------------------------------------------------------------------
def _tokens(text: str) -> list[tuple[str, str]]:
    """(type, value) pairs: ( ) OP NEG PHRASE WORD FIELDWORD FIELDPHRASE."""
    out: list[tuple[str, str]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            out.append((ch, ch))
            i += 1
        elif ch == '"':
            j = text.find('"', i + 1)
            if j < 0:
                raise QueryError('unbalanced quote: a "phrase" needs a closing "')
            out.append(("PHRASE", text[i + 1 : j]))
            i = j + 1
        elif ch == "-" and i + 1 < n and not text[i + 1].isspace() and text[i + 1] not in "-)":
            out.append(("NEG", "-"))
            i += 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in '()"':
                j += 1
            word = text[i:j]
            m = _FIELD_RE.fullmatch(word)
            if m and not m.group(2).startswith("//"):
                name = m.group(1).lower()
                if name not in _FIELD_NAMES:
                    raise QueryError(
                        f"unknown field {m.group(1)!r}: use one of {', '.join(FIELDS)}"
                    )
                if m.group(2):
                    out.append(("FIELDWORD", f"{_FIELD_NAMES[name]}:{m.group(2)}"))
                elif j < n and text[j] == '"':
                    k = text.find('"', j + 1)
                    if k < 0:
                        raise QueryError('unbalanced quote: a "phrase" needs a closing "')
                    out.append(("FIELDPHRASE", f"{_FIELD_NAMES[name]}:{text[j + 1 : k]}"))
                    j = k + 1
                else:
                    raise QueryError(f"{name}: needs a value (e.g. {name}:word)")
            elif word in ("AND", "OR", "NOT"):
                out.append(("OP", word))
            elif word == "-":
                raise QueryError("a lone '-': write -word to exclude a word")
            else:
                out.append(("WORD", word))
            i = j
    return out


# -- parsing ---------------------------------------------------------------------------------
class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.toks = tokens
        self.i = 0

    def peek(self) -> tuple[str, str] | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> tuple[str, str]:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def parse_or(self) -> Tree:
        parts = [self.parse_and()]
        while self.peek() == ("OP", "OR"):
            self.take()
            if self.peek() is None or self.peek() in (("OP", "OR"), ("OP", "AND"), (")", ")")):
                raise QueryError("OR needs something on both sides")
            parts.append(self.parse_and())
        return parts[0] if len(parts) == 1 else Node("or", tuple(parts))

    def parse_and(self) -> Tree:
        parts = [self.parse_unary()]
        while True:
            tok = self.peek()
            if tok is None or tok == (")", ")") or tok == ("OP", "OR"):
                break
            if tok == ("OP", "AND"):
                self.take()
                nxt = self.peek()
                if nxt is None or nxt in (("OP", "OR"), ("OP", "AND"), (")", ")")):
                    raise QueryError("AND needs something on both sides")
            parts.append(self.parse_unary())
        return parts[0] if len(parts) == 1 else Node("and", tuple(parts))

    def parse_unary(self) -> Tree:
        tok = self.peek()
        if tok is None:
            raise QueryError("the query ends too early")
        if tok in (("OP", "NOT"), ("NEG", "-")):
            self.take()
            nxt = self.peek()
            if nxt is None or nxt[0] == "OP":
                raise QueryError(f"{tok[1]} needs a word or a group after it")
            return Node("not", (self.parse_unary(),))
        if tok[0] == "OP":
            raise QueryError(f"{tok[1]} needs something on both sides")
        return self.parse_atom()

    def parse_atom(self) -> Tree:
        typ, val = self.take()
        if typ == "(":
            if self.peek() == (")", ")"):
                raise QueryError("empty parentheses")
            inner = self.parse_or()
            if self.peek() != (")", ")"):
                raise QueryError("unbalanced parenthesis: a '(' has no ')'")
            self.take()
            return inner
        if typ == ")":
            raise QueryError("unbalanced parenthesis: a ')' has no '('")
        if typ == "PHRASE":
            return Leaf("phrase", val)
        if typ == "WORD":
            return _word_leaf(val, "")
        name, _, value = val.partition(":")
        if typ == "FIELDPHRASE":
            return _field_leaf(name, value, phrase=True)
        return _field_leaf(name, value, phrase=False)


def _word_leaf(word: str, fieldname: str) -> Leaf:
    if word.endswith("*"):
        stem = word.rstrip("*")
        if "*" in stem or not normalize_term(stem):
            raise QueryError(f"bad prefix {word!r}: put * only at the end of a word, as in وزار*")
        return Leaf("prefix", stem, fieldname)
    return Leaf("word", word, fieldname)


def _check_date(value: str) -> str:
    m = _DATE_RE.match(value)
    if not m:
        raise QueryError(f"bad date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD (ranges A..B)")
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise QueryError(f"bad date {value!r}: {exc}") from None
    return value


def _field_leaf(name: str, value: str, phrase: bool) -> Leaf:
    if name == "date":
        if ".." in value:
            start, _, end = value.partition("..")
            if not start and not end:
                raise QueryError("bad date range '..': give a start, an end or both")
            start = _check_date(start) if start else ""
            end = _check_date(end) if end else ""
            if start and end and start > end:
                raise QueryError(f"bad date range {value!r}: the start is after the end")
            return Leaf("date", start, "date", end or "\uffff")
        d = _check_date(value)
        return Leaf("date", d, "date", d)
    if name == "kind":
        v = value.lower()
        if v not in KINDS:
            raise QueryError(f"bad kind {value!r}: use article, highlight or note")
        return Leaf("exact", v, "kind")
    if name == "lang":
        return Leaf("exact", value.lower(), "lang")
    if phrase:
        return Leaf("phrase", value, name)
    return _word_leaf(value, name)


def parse(text: str) -> Tree:
    """Check a query's syntax; raises QueryError with a one-line reason."""
    if not text or not text.strip():
        raise QueryError("empty query: type some words to search for")
    toks = _tokens(text)
    if not toks:
        raise QueryError("empty query: type some words to search for")
    p = _Parser(toks)
    tree = p.parse_or()
    if p.peek() is not None:
        raise QueryError("unbalanced parenthesis: a ')' has no '('")
    return tree


# -- compiling -------------------------------------------------------------------------------
def _fields(leaf: Leaf) -> tuple[str, ...]:
    return FIELD_ALIASES.get(leaf.field, (leaf.field,)) if leaf.field else DEFAULT_FIELDS


def _terms_with_gaps(text: str) -> tuple[list[str], int]:
    terms: list[str] = []
    positions: list[int] = []
    for t in _ANALYZER(text, positions=True):
        terms.append(t.text)
        positions.append(t.pos)
    gaps = [b - a for a, b in zip(positions, positions[1:], strict=False)]
    return terms, max(gaps, default=1)


def _any_field(fields: tuple[str, ...], make: Callable[[str], wq.Query]) -> wq.Query:
    qs = [make(f) for f in fields]
    if len(qs) == 1:
        return qs[0]
    q = wq.Or(qs)
    # A tree of unions: Whoosh's default preloads every posting into an array per segment.
    q.matcher_type = wq.Or.DEFAULT_MATCHER
    return q


def prefix_forms(word: str) -> list[str]:
    """A normalized word, and the word without its leading article or clitics (for prefix*).

    المفاوضات gives also مفاوضات, so that مفاوض* finds it.
    """
    forms = [word]
    s = stem(word)
    if s and s != word:
        k = word.find(s[:2])
        if k > 0:
            forms.append(word[k:])
    return forms


class TermReader(Protocol):
    """What prefix expansion needs of a Whoosh IndexReader (Searcher.reader())."""

    def expand_prefix(self, fieldname: str, prefix: str) -> Iterable[str | bytes]: ...

    def __contains__(self, term: tuple[str, str]) -> bool: ...

    def doc_frequency(self, fieldname: str, text: str) -> int: ...


def expand_prefix(
    reader: TermReader, prefix: str, fields: tuple[str, ...] = ("title", "body")
) -> list[str]:
    """Index terms for a prefix (normalized, not stemmed): terms that start with it, or with it
    less a leading article or clitic, and stems it runs past (negotiat* finds negoti-).

    A short prefix can have thousands of completions: the MAX_TERMS most frequent are kept,
    which bounds the cost of the query.
    """
    ranges = _Ranges(reader) if hasattr(reader, "leaf_readers") else None
    found: dict[str, None] = {}
    lexicon = reader.expand_prefix
    has = reader.__contains__
    for form in prefix_forms(normalize_term(prefix)):
        for name in fields:
            terms = ranges.terms(name, form) if ranges else lexicon(name, form)
            for i, term in enumerate(terms):
                if i >= MAX_EXPANSIONS:
                    break
                found[term.decode("utf-8") if isinstance(term, bytes) else term] = None
            # A stem can be shorter than the typed prefix (suffixes stripped).
            for cut in range(1, min(4, len(form) - 2) + 1):
                if has((name, form[:-cut])):
                    found[form[:-cut]] = None
    if len(found) <= MAX_TERMS:
        return list(found)
    df = ranges.doc_frequency if ranges else reader.doc_frequency
    ranked = sorted(found, key=lambda t: -sum(df(f, t) for f in fields))
    return ranked[:MAX_TERMS]


class _Ranges:
    """A prefix's terms and their document frequencies read segment by segment in one pass
    (the terms index in order, with each term's info), instead of one look-up per term and
    segment. Gives what MultiReader.expand_prefix and doc_frequency give.
    """

    def __init__(self, reader: TermReader) -> None:
        self.reader = reader
        self.segments = [r for r, _ in reader.leaf_readers()]  # type: ignore[attr-defined]
        # (field, form) -> per segment: ({term bytes: df}, the last term read, or None when
        # the whole range was read)
        self.read: dict[tuple[str, str], list[tuple[dict[bytes, int], bytes | None]]] = {}

    def terms(self, name: str, form: str) -> list[bytes]:
        """The terms of name starting with form, in order (at least the first MAX_EXPANSIONS)."""
        fb = form.encode("utf-8")
        parts = []
        for r in self.segments:
            got: dict[bytes, int] = {}
            last: bytes | None = None
            for (fn, text), info in r._terms.items_from(name, fb):
                if fn != name or not text.startswith(fb):
                    break
                if len(got) >= MAX_EXPANSIONS:  # the union's first terms are in here
                    last = max(got)
                    break
                got[text] = info.doc_frequency()
            parts.append((got, last))
        self.read[(name, form)] = parts
        union: set[bytes] = set()
        for got, _ in parts:
            union.update(got)
        return sorted(union)

    def doc_frequency(self, name: str, term: str) -> int:
        """reader.doc_frequency(name, term), from the ranges read when they hold the answer."""
        tb = term.encode("utf-8")
        for (fname, form), parts in self.read.items():
            if fname != name or not term.startswith(form):
                continue
            if all(last is None or tb <= last for _, last in parts):
                return sum(got.get(tb, 0) for got, _ in parts)
        return int(self.reader.doc_frequency(name, term))


def compile_query(tree: Tree, reader: TermReader) -> wq.Query:
    """The Whoosh query of a parsed tree."""
    q = _compile(tree, reader)
    return q if q is not None else wq.NullQuery


def _compile(tree: Tree, reader: TermReader) -> wq.Query | None:
    if isinstance(tree, Node):
        kids = [_compile(c, reader) for c in tree.children]
        if tree.op == "not":
            return wq.Not(kids[0]) if kids[0] is not None else None
        kept = [k for k in kids if k is not None]
        if not kept:
            return None
        if len(kept) == 1:
            return kept[0]
        return wq.And(kept) if tree.op == "and" else wq.Or(kept)
    leaf = tree
    if leaf.kind == "date":
        if leaf.text == leaf.end and len(leaf.text) == 4:  # one term, not one per day
            return wq.Term("f_year", leaf.text)
        if leaf.text == leaf.end:
            return wq.Prefix("date", leaf.text)
        return wq.TermRange("date", leaf.text or None, leaf.end + "\uffff", True, True)
    if leaf.kind == "exact":
        return wq.Term(leaf.field, leaf.text)
    fields = _fields(leaf)
    if leaf.kind == "prefix":
        fields = PREFIX_FIELDS if not leaf.field else fields
        stems = expand_prefix(reader, leaf.text, tuple(f for f in fields if f != "atitle")[:2])
        if not stems:
            return wq.NullQuery
        return _any_field(fields, lambda f: wq.Or([wq.Term(f, s) for s in stems]))
    terms, slop = _terms_with_gaps(leaf.text)
    if not terms:
        return None  # only stopwords
    if len(terms) == 1:
        return _any_field(fields, lambda f: wq.Term(f, terms[0]))
    if leaf.kind == "word":  # one written word that analyzes to several terms
        slop = 1
    return _any_field(fields, lambda f: wq.Phrase(f, terms, slop=slop))


@dataclass
class Marks:
    """What a snippet marks: index terms and normalized prefixes of the positive leaves."""

    terms: set[str] = field(default_factory=set)
    prefixes: list[str] = field(default_factory=list)


def marks(tree: Tree, negated: bool = False) -> Marks:
    """The terms and prefixes to mark in snippets (not those under NOT)."""
    out = Marks()
    _collect(tree, negated, out)
    return out


def _collect(tree: Tree, negated: bool, out: Marks) -> None:
    if isinstance(tree, Node):
        for c in tree.children:
            _collect(c, negated or tree.op == "not", out)
        return
    if negated or tree.kind in ("date", "exact") or tree.field not in ("", "title"):
        return
    if tree.kind == "prefix":
        out.prefixes.append(normalize_term(tree.text))
    else:
        out.terms.update(index_terms(tree.text))
