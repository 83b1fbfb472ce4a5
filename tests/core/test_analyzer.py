"""ArabicAnalyzer: tokens, normalization, stopwords, offsets, and use inside a Whoosh index."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.qparser import QueryParser

from desktop_app.core.search.analyzer import (
    ANALYZER_VERSION,
    ArabicAnalyzer,
    analyze_words,
    arabic_analyzer,
    index_terms,
    normalize_term,
)


def tokens(text: str, **kw):
    return [
        (t.text, t.pos, t.startchar, t.endchar)
        for t in arabic_analyzer()(text, positions=True, chars=True, **kw)
    ]


def test_normalization_vectors() -> None:
    assert index_terms("أحمد") == index_terms("احمد") == index_terms("إحمد") == ["احمد"]
    assert index_terms("آمال") == index_terms("امال")
    assert index_terms("مستشفى") == index_terms("مستشفي")
    assert index_terms("مدرسة") == index_terms("مدرسه")
    assert index_terms("ٱلقدس") == index_terms("القدس")
    assert index_terms("الكويتي") == index_terms("الکویتی")  # Persian-keyboard letters
    # Presentation forms, as PDFs give them.
    assert index_terms("\ufe8d\ufedf\ufeee\ufeaf\ufef3\ufead") == index_terms("الوزير")
    assert index_terms("وزير\ufe76") == ["وزير"]  # isolated fatha form does not split


def test_harakat_tatweel_and_zwnj_stay_inside_the_word() -> None:
    assert index_terms("الوَزِيرُ") == ["وزير"]
    assert index_terms("الوزيـــر") == ["وزير"]
    assert index_terms("الوز\u200cير") == ["وزير"]
    assert index_terms("مُحَمَّدٌ") == ["محمد"]


def test_punctuation_splits_words() -> None:
    assert index_terms("الوزير،الخارجية؛ «السفير» (القاهرة)") == [
        "وزير",
        "خارج",
        "سفير",
        "قاهر",
    ]


def test_digits_fold_to_ascii_and_keep_decimals() -> None:
    assert index_terms("٢٠٢٤") == index_terms("۲۰۲۴") == index_terms("2024") == ["2024"]
    assert index_terms("٣٫٥ مليار") == ["3.5", "مليار"]
    assert index_terms("1,000") == ["1,000"]


def test_stopwords_arabic_and_english_with_positions_kept() -> None:
    assert index_terms("في إلى على the of") == []
    assert index_terms("وعلى وخلال فهذا وبين") == []  # conjunction + stopword
    # A removed stopword still takes a position, so phrases do not jump over it.
    toks = tokens("الوزير في القاهرة")
    assert [(t[0], t[1]) for t in toks] == [("وزير", 0), ("قاهر", 2)]
    kept = [(t.text, t.stopped) for t in arabic_analyzer()("الوزير في", removestops=False)]
    assert kept == [("وزير", False), ("في", True)]


def test_mixed_arabic_and_english_in_one_field() -> None:
    assert index_terms("قال Trump إن العقوبات sanctions جديدة") == [
        "قال",
        "trump",
        "عقوب",
        "sanction",
        "جديد",
    ]
    # A tatweel-joined article before a Latin name: the name is indexed alone.
    text = "الـCNN"
    [(term, _pos, start, end)] = tokens(text)
    assert term == "cnn" and text[start:end] == "CNN"


def test_emoji_does_not_break_positions_or_offsets() -> None:
    text = "📌 الوَزِيرُ 📌📌 والخارجية 📌"
    toks = tokens(text)
    assert [t[0] for t in toks] == ["وزير", "خارج"]
    assert [t[1] for t in toks] == [0, 1]
    assert [text[s:e] for _t, _p, s, e in toks] == ["الوَزِيرُ", "والخارجية"]


def test_offsets_point_at_the_original_words_with_harakat() -> None:
    text = "قالَ الوَزِيرُ: إنَّ الحُكومةَ"
    words = analyze_words(text)
    assert [w["word"] for w in words] == ["قالَ", "الوَزِيرُ", "إنَّ", "الحُكومةَ"]
    assert [w["stopword"] for w in words] == [False, False, True, False]
    assert all(text[w["start"] : w["end"]] == w["word"] for w in words)
    # start_char shifts offsets, as Whoosh asks for multi-valued fields.
    # Like Whoosh's own tokenizers, the analyzer reuses one Token: copy to keep them.
    shifted = [t.copy() for t in arabic_analyzer()(text, chars=True, start_char=10)]
    assert shifted[0].startchar == 10 and shifted[-1].endchar == 10 + len(text)


def test_query_mode_and_untokenized_text() -> None:
    a = arabic_analyzer()
    assert [t.text for t in a("والوزيرة", mode="query")] == ["وزير"]
    # Prefix/wildcard/range text: one token, normalized, not stemmed, stopwords kept.
    assert [t.text for t in a("الوزي", tokenize=False, removestops=False)] == ["الوزي"]
    assert normalize_term("الوَزِيـر") == "الوزير"
    assert normalize_term("٣٫٥") == "3.5"


def test_unstemmed_variant_keeps_whole_words() -> None:
    a = arabic_analyzer(stemming=False)
    assert [t.text for t in a("والوَزِيرة Running")] == ["والوزيره", "running"]


def test_analyzer_pickles_and_compares_equal() -> None:
    a = arabic_analyzer()
    b = pickle.loads(pickle.dumps(a))
    assert isinstance(b, ArabicAnalyzer) and b == a
    assert b != arabic_analyzer(stemming=False)
    # State pickled before an attribute existed still loads with its default.
    c = ArabicAnalyzer.__new__(ArabicAnalyzer)
    c.__setstate__({})
    assert c.stemming is True
    assert isinstance(ANALYZER_VERSION, int) and ANALYZER_VERSION >= 1


def _index(docs: dict[str, str]):
    schema = Schema(id=ID(stored=True), body=TEXT(analyzer=arabic_analyzer(), stored=True))
    # The schema (and so the analyzer) survives the pickling Whoosh does.
    schema = pickle.loads(pickle.dumps(schema))
    ix = RamStorage().create_index(schema)
    w = ix.writer()
    for doc_id, body in docs.items():
        w.add_document(id=doc_id, body=body)
    w.commit()
    return ix


def test_whoosh_index_finds_variants_and_highlights_the_original() -> None:
    ix = _index(
        {
            "a": "صرّح والوَزِيرُ 📌 بأن Sanctions ستستمر",
            "b": "زار وزيرة الخارجية فلسطين",
            "c": "الفلسطينيون في الوطن",
            "d": "زير الماء",
        }
    )
    with ix.searcher() as searcher:
        parser = QueryParser("body", ix.schema)

        def hits(q: str) -> set[str]:
            return {h["id"] for h in searcher.search(parser.parse(q), limit=None)}

        assert hits("الوزير") == {"a", "b"}
        assert hits("وزير") == {"a", "b"}
        assert hits("فلسطين") == {"b", "c"}
        assert hits("sanction") == {"a"}
        assert hits("وزي*") == {"a", "b"}
        assert hits("في") == set()
        assert hits('"وزيرة الخارجية"') == {"b"}
        result = searcher.search(parser.parse("الوزير"))
        by_id = {h["id"]: h for h in result}
        snippet = by_id["a"].highlights("body")
        assert "والوَزِيرُ" in snippet and "<b" in snippet


_ARABIC_WORDS = ["الوزير", "والحكومة", "فلسطين", "قال", "بالمدينة", "الولايات", "في", "ٱلقدس"]
_OTHER = ["Trump", "2024", "٣٫٥", "📌", "sanctions", "الـCNN"]
_MARKS = ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b", "\u0670", "\u0640"]


def _is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a" or ch == "\u0671"


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(st.sampled_from(_ARABIC_WORDS + _OTHER), min_size=1, max_size=12),
    seps=st.lists(st.sampled_from([" ", "، ", ". ", "\n", " - "]), min_size=12, max_size=12),
    marks=st.lists(st.sampled_from(_MARKS + [""] * 6), min_size=120, max_size=120),
)
def test_terms_ignore_sprinkled_harakat_and_tatweel(words, seps, marks) -> None:
    text = "".join(w + sep for w, sep in zip(words, seps, strict=False))
    marks_iter = iter(marks)
    sprinkled = "".join(ch + (next(marks_iter, "") if _is_arabic_letter(ch) else "") for ch in text)
    assert index_terms(sprinkled) == index_terms(text)
    # The offset-free path (used when indexing) and the offset path agree on terms and positions.
    for removestops in (True, False):
        plain = [
            (t.text, t.pos, t.stopped)
            for t in arabic_analyzer()(sprinkled, positions=True, removestops=removestops)
        ]
        with_chars = [
            (t.text, t.pos, t.stopped)
            for t in arabic_analyzer()(
                sprinkled, positions=True, chars=True, removestops=removestops
            )
        ]
        assert plain == with_chars
    # And the offsets still cover whole original words.
    for t in arabic_analyzer()(sprinkled, chars=True):
        piece = sprinkled[t.startchar : t.endchar]
        assert normalize_term(piece) and not piece[0].isspace()


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
            st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFC),
            st.sampled_from("AbÇé0٣۵\u200c\u200d\u0640 📌"),
        ),
        max_size=30,
    )
)
def test_fast_normalize_table_matches_the_shared_normalizer(text: str) -> None:
    from desktop_app.core.text.normalize import normalize

    expected = normalize(text).replace("\u066b", ".").replace("\u066c", ",")
    assert normalize_term(text) == expected
