"""Search over a real Whoosh index and SQLite: variants, phrases, fields, dates, snippets, facets."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop_app.core.library import Library
from desktop_app.core.search import live
from desktop_app.core.search.query import QueryError
from desktop_app.core.search.service import SearchService
from desktop_app.core.search.writer import IndexWriter, close_all


@pytest.fixture
def indexed(filled_library: Library) -> Iterator[tuple[Library, IndexWriter, SearchService]]:
    """The filled library with a highlight (with note), an article note and a free note."""
    lib = filled_library
    writer = live.attach(lib, background=True)
    lib.add_highlight_by_quote(1, "المفاوضات ستستمر", label_id=2, note="ملاحظة عن التفاوض 📌")
    lib.add_note("تعليق على مقال Vienna", article_id=3)
    lib.add_note("فكرة حرة عن أسعار النفط")
    writer.flush()
    svc = SearchService(lib.folder)
    yield lib, writer, svc
    svc.close()
    close_all()


def ids(result) -> set[tuple[str, int | None]]:  # type: ignore[no-untyped-def]
    """(kind, id) of each hit."""
    out = set()
    for h in result.hits:
        num = {"article": h.article_id, "highlight": h.highlight_id, "note": h.note_id}[h.kind]
        out.add((h.kind, num))
    return out


@pytest.mark.parametrize("word", ["الوزير", "وزير", "والوزير", "الوَزِيرُ", "بالوزير"])
def test_minister_variants_find_the_vocalised_word(indexed, word: str) -> None:
    _, _, svc = indexed
    r = svc.search(word)
    assert ("article", 1) in ids(r)
    assert ("article", 2) not in ids(r)


@pytest.mark.parametrize("word", ["أحمد", "احمد", "إحمد", "وَأَحْمَد"])
def test_hamza_forms_match(indexed, word: str) -> None:
    _, _, svc = indexed
    assert ("article", 3) in ids(svc.search(word))


def test_snippet_shows_the_original_harakat_and_marks_the_word(indexed) -> None:
    _, _, svc = indexed
    hit = next(h for h in svc.search("وزير").hits if h.article_id == 1 and h.kind == "article")
    assert "<b>الوَزِيرُ</b>" in hit.snippet
    spans = [hit.snippet_text[s:e] for s, e in hit.snippet_spans]
    assert "الوَزِيرُ" in spans


def test_phrase_matches_adjacent_words_only(indexed) -> None:
    _, _, svc = indexed
    assert ("article", 1) in ids(svc.search('"وزير الخارجية"'))
    assert ids(svc.search('"الخارجية وزير"')) == set()
    assert ("article", 3) in ids(svc.search('"الاتفاق النهائي"'))


def test_and_or_not(indexed) -> None:
    _, _, svc = indexed
    assert ids(svc.search("الوزير minister")) == set()
    both = ids(svc.search("الوزير OR minister"))
    assert {("article", 1), ("article", 2)} <= both
    assert ("article", 1) not in ids(svc.search("OPEC -فلسطين"))
    assert ("article", 2) in ids(svc.search("OPEC NOT فلسطين"))
    assert ("article", 2) in ids(svc.search("(فلسطين OR Analysts) AND OPEC"))


def test_prefix_is_normalized_and_unstemmed(indexed) -> None:
    _, _, svc = indexed
    r = svc.search("مفاوض*")
    assert ("article", 1) in ids(r)
    assert ("highlight", 1) in ids(r)
    assert ("article", 2) in ids(svc.search("agree*"))
    assert ("article", 3) in ids(svc.search("أحم*"))


def test_fields(indexed) -> None:
    _, _, svc = indexed
    assert ids(svc.search("title:ministers")) == {("article", 2)}
    assert ("article", 3) in ids(svc.search("source:bbc"))
    assert ("article", 1) not in ids(svc.search("source:bbc"))
    assert ids(svc.search("lang:en")) == {("article", 2)}
    assert ids(svc.search("kind:highlight")) == {("highlight", 1)}
    kinds = {k for k, _ in ids(svc.search("kind:note"))}
    assert kinds == {"note"}


def test_date_ranges(indexed) -> None:
    _, _, svc = indexed
    assert ids(svc.search("date:2021")) == {("article", 2)}
    r = ids(svc.search("date:2022-01..2022-04"))
    assert ("article", 1) in r and ("article", 3) not in r
    assert ("article", 3) in ids(svc.search("date:2022-06-01.."))
    assert ("article", 2) not in ids(svc.search("date:2022-06-01.."))
    assert ids(svc.search("date:..2021-12")) == {("article", 2)}
    assert ids(svc.search("date:2022-03-15")) >= {("article", 1), ("highlight", 1)}


def test_highlights_found_by_quote_label_and_note(indexed) -> None:
    _, _, svc = indexed
    assert ("highlight", 1) in ids(svc.search("ستستمر"))
    assert ("highlight", 1) in ids(svc.search("label:quote"))
    r = svc.search("ملاحظة")
    assert ids(r) == {("highlight", 1)}
    assert r.hits[0].article_id == 1
    assert r.hits[0].title == "اجتماع الوزراء"


def test_notes_found(indexed) -> None:
    _, _, svc = indexed
    assert ids(svc.search("النفط")) == {("note", 3)}
    r = svc.search("تعليق")
    assert ids(r) == {("note", 2)} and r.hits[0].article_id == 3


def test_trashed_article_leaves_with_its_highlights_and_notes(indexed) -> None:
    lib, writer, svc = indexed
    lib.delete_article(1)
    writer.flush()
    assert svc.search("الوزير").total == 0
    assert svc.search("ملاحظة").total == 0
    lib.restore_article(1)
    writer.flush()
    assert ids(svc.search("الوزير")) == {("article", 1)}
    assert ids(svc.search("ملاحظة")) == {("highlight", 1)}


def test_edits_tags_labels_and_deletions_reach_the_index(indexed) -> None:
    lib, writer, svc = indexed
    lib.update_metadata(2, title="Oil ministers meet")
    lib.set_tags(2, ["طاقة"])
    lib.rename_label(2, "اقتباس")
    lib.update_note(3, "فكرة عن الغاز")
    writer.flush()
    assert ("article", 2) in ids(svc.search("title:oil"))
    assert ids(svc.search("tag:طاقة")) == {("article", 2)}
    assert ids(svc.search("label:اقتباس")) == {("highlight", 1)}
    assert svc.search("النفط").total == 0 and ids(svc.search("الغاز")) == {("note", 3)}
    lib.update_text(2, ["A brand new text about 📌 pipelines."])
    lib.delete_highlight(1)
    writer.flush()
    assert svc.search("agreement").total == 0
    assert ids(svc.search("pipelines")) == {("article", 2)}
    assert ids(svc.search("ستستمر")) == {("article", 1)}


def test_facets_count_all_matches_and_filters_restrict(indexed) -> None:
    _, _, svc = indexed
    r = svc.search("date:2021..2022", limit=1)
    assert r.total == 5  # three articles, the highlight, the note on article 3
    assert len(r.hits) == 1
    assert r.facets["kind"] == {"article": 3, "highlight": 1, "note": 1}
    assert r.facets["year"]["2022"] >= 3
    assert r.facets["source"]["BBC"] == 2  # the article and its note
    f = svc.search("date:2021..2022", filters={"source": ["BBC"]})
    assert {h.source for h in f.hits} == {"BBC"}
    assert f.total == 2
    # Each facet counts with the other facets' filters: the source facet still lists all.
    assert f.facets["source"]["رويترز"] == 2
    assert f.facets["kind"] == {"article": 1, "note": 1}
    with pytest.raises(QueryError):
        svc.search("x", filters={"colour": ["red"]})


@pytest.mark.parametrize(
    "bad",
    [
        '"وزير الخارجية',
        "(الوزير",
        "الوزير)",
        "foo:bar",
        "date:2022-13",
        "date:20x",
        "AND",
        "الوزير OR",
        "NOT",
        "",
        "   ",
        "-",
        "kind:tweet",
        "date:2022-05..2022-01",
        "title:",
    ],
)
def test_malformed_queries_raise_query_error(indexed, bad: str) -> None:
    _, _, svc = indexed
    with pytest.raises(QueryError) as exc:
        svc.search(bad)
    assert str(exc.value) and "\n" not in str(exc.value)


def test_new_highlight_is_searchable_after_the_background_commit(indexed) -> None:
    lib, writer, svc = indexed
    lib.add_highlight_by_quote(3, "committed to the deal", note="promise 😀")
    writer.flush()
    r = svc.search("promise")
    assert [h.kind for h in r.hits] == ["highlight"]
    assert "😀" in r.hits[0].snippet_text


def test_snippet_offsets_point_into_the_article_text(indexed) -> None:
    lib, _, svc = indexed
    text = lib.get_article(1).text
    hit = next(h for h in svc.search("حصص").hits if h.kind == "article")
    assert hit.snippet_spans
    for s, e in hit.snippet_spans:
        assert text[hit.snippet_offset + s : hit.snippet_offset + e] == hit.snippet_text[s:e]
