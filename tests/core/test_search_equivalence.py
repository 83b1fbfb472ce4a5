"""The numpy evaluation returns exactly what Whoosh's own evaluation returns.

A library of several index segments (with deleted documents) is searched with a few hundred
seeded queries through both paths of SearchService; totals, facet counts and their order, top
ids and scores (to the last bit) must be the same.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from desktop_app.core.library import Library
from desktop_app.core.search import live
from desktop_app.core.search.analyzer import WORD_RE, ArabicAnalyzer, normalize_term
from desktop_app.core.search.engine import Engine, Unsupported
from desktop_app.core.search.query import (
    MAX_TERMS,
    Marks,
    compile_query,
    expand_prefix,
    marks,
    parse,
    prefix_forms,
)
from desktop_app.core.search.service import SearchService
from desktop_app.core.search.snippets import make_snippet, matches
from desktop_app.core.search.writer import close_all
from tests.conftest import CORPUS, make_doc

ARABIC = (
    "الوَزِيرُ وزير الوزراء الحُكُومَة حكومة الاقتصاد اقتصادي النفط الغاز أسعار الأسواق "
    "المفاوضات مفاوضات الاتفاق اتفاقية البرلمان الانتخابات مَجْلِسُ مجلس الأمن الأمم المتحدة "
    "التعليم المدارس الجامعة الطلاب الصحة المستشفى الطبيب بغداد القاهرة الرياض بيروت "
    "الرئيس رئيس الشركة الشركات الكهرباء المياه الزراعة القمح التجارة الصادرات "
    "أحمد احمد إبراهيم المؤتمر مؤتمر الصحفي التقرير تقارير السنوي الميزانية"
).split()
ENGLISH = (
    "minister government economy oil gas prices markets talks agreement parliament "
    "election council security OPEC Reuters report budget energy trade exports school"
).split()
EMOJI = ["📌", "😀"]
SOURCES = ["رويترز", "BBC", "الجزيرة", "Reuters", "وكالة الأنباء"]
YEARS = ["2019", "2020", "2021", "2022"]


def _sentence(rng: random.Random, english: float) -> str:
    words = []
    for _ in range(rng.randint(6, 18)):
        pool = ENGLISH if rng.random() < english else ARABIC
        words.append(rng.choice(pool))
    if rng.random() < 0.1:
        words.insert(rng.randrange(len(words)), rng.choice(EMOJI))
    return " ".join(words) + "."


def _article(rng: random.Random, i: int) -> tuple[list[str], str, dict[str, str]]:
    english = rng.choice([0.0, 0.0, 0.3, 0.9])
    paras = [_sentence(rng, english) for _ in range(rng.randint(1, 4))]
    if i % 7 == 0:  # identical bodies: ties broken by document number
        paras = [f"الوزير يلتقي وزير النفط في بغداد 📌 {i}."]
    if i % 5 == 0:  # many words on one prefix: expansions over MAX_TERMS are ranked
        letters = "بتثجحخدذرزسشصضطظعغفقكلمن"
        made = [f"كتب{rng.choice(letters)}{rng.choice(letters)}" for _ in range(30)]
        paras.append(
            " ".join(made + [f"book{rng.choice('abcdefghij')}{i % 17}x" for _ in range(8)])
        )
    title = " ".join(rng.choice(ARABIC + ENGLISH) for _ in range(rng.randint(2, 5)))
    month = rng.randint(1, 12)
    meta = {
        "source": rng.choice(SOURCES),
        "published": f"{rng.choice(YEARS)}-{month:02d}-{rng.randint(1, 28):02d}",
        "language": "en" if english > 0.5 else "ar",
    }
    return paras, title, meta


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """About 240 articles in several commits, some changed and deleted, with annotations."""
    rng = random.Random(12)
    lib = Library(tmp_path_factory.mktemp("equiv") / "lib")
    writer = live.attach(lib, background=True)
    labels = [label.id for label in lib.labels()]
    ids: list[int] = []
    for batch in range(4):
        for i in range(60):
            paras, title, meta = _article(rng, batch * 60 + i)
            aid = lib.add_document(make_doc(paras, title, **meta)).article_id
            assert aid is not None
            ids.append(aid)
        writer.flush()
    for aid in rng.sample(ids, 40):
        text = lib.get_article(aid).text
        start = rng.randrange(max(1, len(text) - 20))
        lib.add_highlight(
            aid,
            start,
            min(len(text), start + rng.randint(5, 20)),
            label_id=rng.choice(labels),
            note=_sentence(rng, 0.2) if rng.random() < 0.5 else "",
        )
    for aid in rng.sample(ids, 15):
        lib.add_note(_sentence(rng, 0.1), article_id=aid)
    lib.add_note("فكرة حرة عن أسعار النفط 😀 and oil prices")
    writer.flush()
    for aid in rng.sample(ids, 20):  # a changed article: deleted from its old segment
        lib.update_metadata(aid, title=" ".join(rng.choice(ARABIC) for _ in range(3)))
    for aid in rng.sample(ids, 10):
        lib.set_tags(aid, [rng.choice(["طاقة", "سياسة", "energy"])])
    for aid in rng.sample(ids, 8):
        lib.delete_article(aid)
    writer.flush()
    yield lib
    close_all()
    lib.close()


def _queries(n: int, seed: int) -> list[tuple[str, dict[str, list[str]], int]]:
    rng = random.Random(seed)
    words = ARABIC + ENGLISH
    out = []
    for i in range(n):
        w = [rng.choice(words) for _ in range(4)]
        kind = i % 16
        q = {
            0: w[0],
            1: f"{w[0]} {w[1]}",
            2: f"{w[0]} OR {w[1]}",
            3: f"{w[0]} OR {w[1]} OR {w[2]}",
            4: f"{w[0]} OR {w[1]} OR {w[2]} OR {w[3]}",
            5: f"({w[0]} OR {w[1]}) AND {w[2]}",
            6: f"{w[0]} -{w[1]}",
            7: f"NOT {w[0]}",
            8: f'"{w[0]} {w[1]}"',
            9: f"{w[0][: max(2, len(w[0]) - 2)]}*",
            10: f"title:{w[0]} OR {w[1]}",
            11: f"date:{rng.choice(YEARS)} {w[0]}",
            12: rng.choice(
                [
                    "date:{}-03..{}-10 {}".format(*sorted(rng.sample(YEARS, 2)), w[0]),
                    f"date:..{rng.choice(YEARS)}-06 OR {w[0]}",
                    f"date:{rng.choice(YEARS)}-06.. {w[0]}",
                ]
            ),
            13: f"{rng.choice(['kind:article', 'kind:highlight', 'kind:note', 'lang:en'])} {w[0]}",
            14: f"{w[0]} {w[1]} {w[2]} OR {w[3]}",
            15: f"tag:{rng.choice(['طاقة', 'سياسة', 'energy'])} OR label:{w[0]} OR {w[1]}",
        }[kind]
        filters: dict[str, list[str]] = {}
        r = rng.random()
        if r < 0.15:
            filters["source"] = [rng.choice(SOURCES)]
        elif r < 0.25:
            filters["year"] = rng.sample(YEARS, 2)
        elif r < 0.3:
            filters = {"kind": ["article"], "language": ["ar"]}
        out.append((q, filters, rng.choice([1, 10, 50])))
    return out


def _both(folder: Path) -> tuple[SearchService, SearchService]:
    return SearchService(folder, engine="numpy"), SearchService(folder, engine="whoosh")


def _raw(svc: SearchService, query: str, filters: dict[str, list[str]], limit: int) -> Any:
    from desktop_app.core.search.service import _check_filters

    top, total, facets = svc._evaluate(
        svc._searcher(), parse(query), _check_filters(filters), limit
    )
    return top, total, [(name, list(counts.items())) for name, counts in facets.items()]


def test_the_library_has_several_segments_and_deletions(library: Library) -> None:
    svc = SearchService(library.folder)
    try:
        leaves = [r for r, _ in svc._searcher().reader().leaf_readers()]
        assert len(leaves) >= 2
        assert any(r.has_deletions() for r in leaves)
    finally:
        svc.close()


def test_numpy_and_whoosh_give_the_same_results(library: Library) -> None:
    fast, ref = _both(library.folder)
    try:
        seen_hits = 0
        for query, filters, limit in _queries(320, seed=5):
            a = _raw(fast, query, filters, limit)
            b = _raw(ref, query, filters, limit)
            assert a == b, (query, filters, limit)
            ra = fast.search(query, limit=limit, filters=filters).to_json()
            rb = ref.search(query, limit=limit, filters=filters).to_json()
            ra.pop("took_ms")
            rb.pop("took_ms")
            assert ra == rb, (query, filters, limit)
            seen_hits += bool(a[0])
        assert seen_hits > 150  # the queries do find things
    finally:
        fast.close()
        ref.close()


@pytest.mark.parametrize(
    "query",
    [
        "الوزير",
        "النفط OR الغاز OR أسعار",
        "(oil OR gas) AND الوزير",
        "الوزير -النفط",
        "مفاوض*",
        '"وزير النفط"',
    ],
)
def test_words_or_and_not_prefix_are_evaluated_without_whoosh_matchers(
    library: Library, query: str
) -> None:
    svc = SearchService(library.folder)
    try:
        s = svc._searcher()
        q = compile_query(parse(query), s.reader())
        try:
            parts = Engine().run(s, q)
        except Unsupported as exc:  # pragma: no cover - the failure message
            pytest.fail(f"{query}: {exc}")
        assert sum(len(d) for _, (d, _) in parts) > 0
    finally:
        svc.close()


def test_facet_ties_keep_the_order_of_the_first_match(library: Library) -> None:
    fast, ref = _both(library.folder)
    try:
        for query in ["الوزير OR minister", "NOT oil", "date:2019..2022"]:
            a = fast.search(query, limit=5).facets
            b = ref.search(query, limit=5).facets
            for name in a:
                assert list(a[name].items()) == list(b[name].items())
    finally:
        fast.close()
        ref.close()


def test_a_changed_index_is_never_served_from_the_cache(library: Library) -> None:
    svc = SearchService(library.folder)
    writer = live.attach(library, background=True)
    try:
        first = svc.search("zebracorn", limit=10)
        assert first.total == 0
        again = svc.search("zebracorn", limit=10)
        assert again.total == 0
        assert svc._results  # the repeat came from the cache
        lib_article = library.add_document(
            make_doc(["zebracorn يظهر في النص 📌"], "zebracorn عنوان", source="BBC")
        ).article_id
        assert lib_article is not None
        writer.flush()
        after = svc.search("zebracorn", limit=10)
        assert after.total == 1 and after.hits[0].article_id == lib_article
        library.update_metadata(lib_article, title="عنوان جديد zebracorn")
        writer.flush()
        assert svc.search("zebracorn", limit=10).hits[0].title == "عنوان جديد zebracorn"
        library.delete_article(lib_article)
        writer.flush()
        assert svc.search("zebracorn", limit=10).total == 0
    finally:
        svc.close()


def test_a_result_from_the_cache_is_a_copy(library: Library) -> None:
    svc = SearchService(library.folder)
    try:
        r1 = svc.search("الوزير", limit=5)
        r1.hits.clear()
        r1.facets["kind"]["article"] = -1
        r2 = svc.search("الوزير", limit=5)
        assert r2.hits and r2.facets["kind"].get("article", 0) >= 0
    finally:
        svc.close()


@pytest.mark.skipif(not CORPUS.exists(), reason="the ANT corpus is not on this machine")
def test_equivalence_on_real_news_with_a_large_segment(tmp_path: Path) -> None:
    """6,000 corpus articles: segments over 5,000 documents take Whoosh's other OR matcher."""
    lib = Library(tmp_path / "lib")
    words: list[str] = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= 6000:
                break
            a = json.loads(line)
            paras = [p for p in a["text"].split("\n") if p.strip()]
            lib.add_document(make_doc(paras, a["title"], source=a["source"], published=a["date"]))
            if i % 50 == 0:
                words += re.findall(r"[^\W\d_]{3,}", a["title"])[:3]
    writer = live.attach(lib, background=True)
    writer.flush(timeout=3600)
    rng = random.Random(3)
    fast, ref = _both(lib.folder)
    try:
        sizes = [r.doc_count_all() for r, _ in fast._searcher().reader().leaf_readers()]
        assert max(sizes) > 5000
        for i in range(160):
            w = [rng.choice(words) for _ in range(3)]
            q = [
                w[0],
                f"{w[0]} {w[1]}",
                f"{w[0]} OR {w[1]} OR {w[2]}",
                f"{w[0][:3]}*",
                f"date:2018-01..2018-06 {w[0]}",
                f"{w[0]} -{w[1]}",
                f'"{w[0]} {w[1]}" OR {w[2]}',
                f"date:2017..2018 OR {w[0]}",
            ][i % 8]
            assert _raw(fast, q, {}, 10) == _raw(ref, q, {}, 10), q
    finally:
        fast.close()
        ref.close()
        close_all()
        lib.close()


# -- snippets ---------------------------------------------------------------------------------
def _matches_every_word(text: str, marks: Marks) -> list[tuple[int, int, str]]:
    """The previous matching: analyse every word of the text (the reference)."""
    found: list[tuple[int, int, str]] = []
    if not marks.terms and not marks.prefixes:
        return found
    for m in WORD_RE.finditer(text):
        sf = m.group()
        for t in ArabicAnalyzer()(sf, chars=True):
            a, b, term = t.startchar, t.endchar, t.text
            if term in marks.terms:
                found.append((m.start() + a, m.start() + b, term))
            elif marks.prefixes:
                forms = prefix_forms(normalize_term(sf[a:b]))
                p = next((p for p in marks.prefixes for f in forms if f.startswith(p)), None)
                if p is not None:
                    found.append((m.start() + a, m.start() + b, p))
    return found


TRICKY = [
    "لله",  # the stemmer's exception: the term الله is not inside the word
    "بالله والله اللهم",
    "ﷲ ﻻ ﷺ",  # presentation forms that fold to several letters
    "cafe\u0301 naïve Éléphant",  # a combining accent, accented Latin
    "الـــوزير",  # tatweel
    "skies skis dying lying ugly early only",  # Porter2's irregular stems
    "3.5 ٣٫٥ 1,000 ١٬٠٠٠",
    "وَالْوُزَرَاءُ\u00a0والوزارة",  # harakat, a no-break space
    "OPEC+ NATO‎ «الاتفاق» 📌😀",
    "وزير-الخارجية/الأمريكي",
]


def test_snippet_matches_equal_analysing_every_word() -> None:
    rng = random.Random(9)
    words = ARABIC + ENGLISH + TRICKY
    checked = 0
    for _ in range(400):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(5, 80)))
        picked = [rng.choice(words + ["skies", "early", "الله", "ﻻ", "café"]) for _ in range(3)]
        query = " OR ".join(picked)
        if rng.random() < 0.3:
            query += f" {rng.choice(ARABIC)[:3]}*"
        m = marks(parse(query))
        assert matches(text, m) == _matches_every_word(text, m), (text, query)
        assert make_snippet(text, m) == _reference_snippet(text, m)
        checked += bool(matches(text, m))
    assert checked > 200


def _reference_snippet(text: str, m: Marks) -> Any:
    import desktop_app.core.search.snippets as sn

    saved = sn.matches
    sn.matches = _matches_every_word
    try:
        return sn.make_snippet(text, m)
    finally:
        sn.matches = saved


@pytest.mark.skipif(not CORPUS.exists(), reason="the ANT corpus is not on this machine")
def test_snippet_matches_on_real_news() -> None:
    rng = random.Random(4)
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        arts = [json.loads(line) for _, line in zip(range(300), f, strict=False)]
    for a in arts:
        ws = re.findall(r"[^\W\d_]{3,}", a["text"])
        if not ws:
            continue
        query = " OR ".join(rng.choice(ws) for _ in range(3)) + f" {rng.choice(ws)[:3]}*"
        m = marks(parse(query))
        assert matches(a["text"], m) == _matches_every_word(a["text"], m), query


def test_opening_the_search_service_does_not_import_numpy(library: Library) -> None:
    """numpy loads on the first search, not when the window or a command starts."""
    code = (
        "import sys\n"
        "from desktop_app.core.search.service import SearchService\n"
        f"svc = SearchService({str(library.folder)!r})\n"
        "assert 'numpy' not in sys.modules\n"
        "svc.search('الوزير')\n"
        "assert 'numpy' in sys.modules\n"
        "svc.close()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr


class _LookUps:
    """A reader seen only through the TermReader protocol: expand_prefix's look-up path."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader

    def expand_prefix(self, fieldname: str, prefix: str) -> Any:
        return self.reader.expand_prefix(fieldname, prefix)

    def __contains__(self, term: tuple[str, str]) -> bool:
        return term in self.reader

    def doc_frequency(self, fieldname: str, text: str) -> int:
        return int(self.reader.doc_frequency(fieldname, text))


def test_prefix_expansion_read_by_segment_equals_the_look_ups(library: Library) -> None:
    svc = SearchService(library.folder)
    try:
        reader = svc._searcher().reader()
        prefixes = sorted({w[:k] for w in ARABIC + ENGLISH for k in (1, 2, 3)} | {"كتب", "boo"})
        for p in prefixes:
            assert expand_prefix(reader, p) == expand_prefix(_LookUps(reader), p), p
        assert any(len(expand_prefix(reader, p)) == MAX_TERMS for p in prefixes)
    finally:
        svc.close()


@pytest.mark.parametrize("engine", ["numpy", "whoosh"])
def test_not_never_returns_deleted_or_meta_documents(library: Library, engine: str) -> None:
    """Whoosh's NOT can return the deleted document after its last match: it is dropped."""
    svc = SearchService(library.folder, engine=engine)
    try:
        live = len(library.article_ids())
        for word in ARABIC[:40] + ENGLISH:
            r = svc.search(f"NOT {word} kind:article", limit=500)
            ids = [h.article_id for h in r.hits]
            assert len(ids) == len(set(ids)) == r.total <= live, word
            r = svc.search(f"NOT {word}", limit=500)  # the meta document stays out too
            assert r.total == len(r.hits)
    finally:
        svc.close()


def test_phrase_position_chain_equals_span_near() -> None:
    """The vectorized phrase test decides as SpanNear2Matcher._get_spans does."""
    from whoosh.formats import Positions
    from whoosh.query.spans import Span, SpanNear2

    from desktop_app.core.search import engine as eng
    from desktop_app.core.search.postings import chain, positions

    rng = random.Random(21)
    fmt = Positions()
    for _ in range(300):
        nterms = rng.randint(2, 4)
        slop = rng.choice([1, 1, 2, 3])
        docs = rng.randint(1, 6)
        per_term = [
            [sorted(rng.sample(range(40), rng.randint(1, 6))) for _ in range(docs)]
            for _ in range(nterms)
        ]
        values = [[fmt.encode(p) for p in term] for term in per_term]
        where = np.arange(docs)
        keys = [positions(v, where) for v in values]
        fast = chain(keys, docs, slop)
        probe = eng._SpanProbe(slop)
        for d in range(docs):
            probe.ms = [eng._Spans([Span(p) for p in term[d]]) for term in per_term]
            want = bool(SpanNear2.SpanNear2Matcher._get_spans(probe))
            assert bool(fast[d]) == want, (per_term, slop, d)
