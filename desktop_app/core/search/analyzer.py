"""Arabic-aware Whoosh analyzer: tokenizer, normalization, stopwords and light stemming in one pass.

The class path `desktop_app.core.search.analyzer.ArabicAnalyzer` is pickled into index schemas:
keep it stable. Bump ANALYZER_VERSION on any change to tokens or terms (rules or lexicon), so
indexes built with older rules are rebuilt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from whoosh.analysis import Analyzer, Token

from desktop_app.core.search.stemmer import stem
from desktop_app.core.search.stopwords import STOPWORDS
from desktop_app.core.text.chartable import CharTable
from desktop_app.core.text.normalize import normalize

ANALYZER_VERSION = 6

# Characters that stay inside a word although they are not \w: Arabic harakat and Quranic
# marks, dagger alef, tatweel, ZWNJ/ZWJ, and Latin combining accents (decomposed text).
_INWORD = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
_RUN = rf"(?:[^\W_]|[{_INWORD}])+"
# Digits keep their decimal or thousands separator: 3.5, ٣٫٥, 1,000.
# No capturing groups: callers use WORD_RE.findall for whole words.
WORD_RE = re.compile(rf"{_RUN}(?:(?<=\d)[.,\u066b\u066c](?=\d){_RUN})*")

_ARABIC_SCRIPT = re.compile(
    rf"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff{_INWORD}]+"
)
_COMBINING_ACCENT = re.compile("[\u0300-\u036f]")
_NUMBER_SEPARATORS = str.maketrans({"\u066b": ".", "\u066c": ","})
# Per-word result caches. The vocabulary is Zipfian: on 20,000 news articles 100,000 entries
# (about 26 MB) serve 95% of the tokens (200,000 entries: 96%, all distinct words).
CACHE_SIZE = 100_000
UNSTEMMED_CACHE_SIZE = 20_000  # the unstemmed form is mostly asked once per new word

# One analysed piece of a surface word: start, end (relative), term text, stopword flag.
Piece = tuple[int, int, str, bool]


def _script_pieces(surface: str) -> list[tuple[int, int]]:
    """Split a word where it switches between Arabic script and other letters or digits."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _ARABIC_SCRIPT.finditer(surface):
        if m.start() > pos:
            spans.append((pos, m.start()))
        spans.append((m.start(), m.end()))
        pos = m.end()
    if pos < len(surface):
        spans.append((pos, len(surface)))
    return spans


def _normalize_char(ch: str) -> str:
    return normalize(ch).translate(_NUMBER_SEPARATORS)


# normalize() works character by character, so translating with this table gives the same
# result (tests check it) without a Python call per character.
_TABLE = CharTable(_normalize_char)


def normalize_term(word: str) -> str:
    """Search form of one word without stemming (for prefix*, wildcard and range queries)."""
    if word.isascii():
        return word.lower()
    if _COMBINING_ACCENT.search(word):
        word = unicodedata.normalize("NFC", word)
    return word.translate(_TABLE)


def _analyze_piece(text: str, stemming: bool) -> tuple[str, bool] | None:
    norm = normalize_term(text)
    if not norm:
        return None
    if " " in norm:  # an isolated-form presentation mark can fold to a space
        norm = norm.replace(" ", "")
    if norm in STOPWORDS:
        return norm, True
    if not stemming:
        return norm, False
    term = stem(norm)
    # و / ف + a stopword (وعلى, وخلال, فهذا) is a stopword too, when the stemmer reads the
    # letter as the conjunction (فلم "film" keeps its ف and stays a word).
    if term in STOPWORDS and norm[0] in "وف" and term[0] != norm[0]:
        return norm, True
    return term, False


def _analyze_surface(surface: str, stemming: bool) -> str | tuple[Piece, ...]:
    """Terms of one surface word: a str when it is one non-stopword term for the whole word,
    else its pieces (stopwords, words split between scripts, nothing left)."""
    spans = [(0, len(surface))]
    if _ARABIC_SCRIPT.search(surface) and not _ARABIC_SCRIPT.fullmatch(surface):
        spans = _script_pieces(surface)
    pieces: list[Piece] = []
    for start, end in spans:
        result = _analyze_piece(surface[start:end], stemming)
        if result is not None:
            pieces.append((start, end, result[0], result[1]))
    if len(pieces) == 1 and not pieces[0][3] and pieces[0][:2] == (0, len(surface)):
        return pieces[0][2]
    return tuple(pieces)


@lru_cache(maxsize=CACHE_SIZE)
def _stemmed(surface: str) -> str | tuple[Piece, ...]:
    return _analyze_surface(surface, True)


@lru_cache(maxsize=UNSTEMMED_CACHE_SIZE)
def _unstemmed(surface: str) -> str | tuple[Piece, ...]:
    return _analyze_surface(surface, False)


class ArabicAnalyzer(Analyzer):  # type: ignore[misc]  # whoosh is untyped
    """Whoosh analyzer for Arabic, English and mixed text (stemming=False keeps whole words)."""

    is_morph = True

    def __init__(self, stemming: bool = True) -> None:
        self.stemming = stemming

    def __setstate__(self, state: dict[str, Any]) -> None:
        # Indexes pickled by an older version may lack newer attributes.
        self.stemming = True
        self.__dict__.update(state)

    def __repr__(self) -> str:
        return f"ArabicAnalyzer(stemming={self.stemming!r})"

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        """Yield Whoosh tokens; startchar/endchar are code points into the original value."""
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        t.boost = 1.0
        if not tokenize:
            t.text = normalize_term(value)
            t.stopped = False
            if keeporiginal:
                t.original = value
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar = start_char
                t.endchar = start_char + len(value)
            yield t
            return
        analyse = _stemmed if self.stemming else _unstemmed
        pos = start_pos
        if not chars and not keeporiginal:
            # Indexing without offsets: findall skips building a match object per word.
            for surface in WORD_RE.findall(value):
                result = analyse(surface)
                if isinstance(result, str):
                    t.text = result
                    t.stopped = False
                    t.pos = pos
                    pos += 1
                    yield t
                    continue
                for _start, _end, text, stopped in result:
                    if not (stopped and removestops):
                        t.text = text
                        t.stopped = stopped
                        t.pos = pos
                        yield t
                    pos += 1
            return
        for m in WORD_RE.finditer(value):
            result = analyse(m.group())
            if isinstance(result, str):  # the common case: one term for the whole word
                t.text = result
                t.stopped = False
                if keeporiginal:
                    t.original = m.group()
                if positions:
                    t.pos = pos
                if chars:
                    t.startchar = start_char + m.start()
                    t.endchar = start_char + m.end()
                pos += 1
                yield t
                continue
            for rel_start, rel_end, text, stopped in result:
                if stopped and removestops:
                    pos += 1
                    continue
                t.text = text
                t.stopped = stopped
                if keeporiginal:
                    t.original = m.group()[rel_start:rel_end]
                if positions:
                    t.pos = pos
                if chars:
                    base = start_char + m.start()
                    t.startchar = base + rel_start
                    t.endchar = base + rel_end
                pos += 1
                yield t


def arabic_analyzer(stemming: bool = True) -> ArabicAnalyzer:
    """The analyzer for Hamish's text fields."""
    return ArabicAnalyzer(stemming=stemming)


def index_terms(text: str) -> list[str]:
    """The index terms of a text, in order (stopwords removed)."""
    return [t.text for t in ArabicAnalyzer()(text)]


def analyze_words(text: str) -> list[dict[str, Any]]:
    """Every word of text with its term, code-point offsets and stopword flag (for `analyze`)."""
    return [
        {
            "word": text[t.startchar : t.endchar],
            "term": t.text,
            "start": t.startchar,
            "end": t.endchar,
            "pos": t.pos,
            "stopword": t.stopped,
        }
        for t in ArabicAnalyzer()(text, positions=True, chars=True, removestops=False)
    ]


def clear_cache() -> None:
    """Empty the per-word analysis caches (after the lexicon or rules change in a process)."""
    _stemmed.cache_clear()
    _unstemmed.cache_clear()
