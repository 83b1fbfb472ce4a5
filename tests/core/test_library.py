"""LibraryService: dedupe, highlights on harakat and after emoji, re-anchoring, notes, trash."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.errors import InvalidInput, NotFound, QuoteNotFound
from desktop_app.core.library import Library
from desktop_app.core.models import Changes
from tests.conftest import ARABIC_PARAGRAPHS, make_doc


def test_same_content_is_a_duplicate_not_a_second_article(library: Library, tmp_path: Path) -> None:
    a = library.add_document(make_doc(ARABIC_PARAGRAPHS, "عنوان"))
    b = library.add_document(make_doc(ARABIC_PARAGRAPHS, "عنوان آخر"))
    assert a.status == "imported" and b.status == "duplicate" and b.article_id == a.article_id
    f = tmp_path / "same.txt"
    f.write_text("\n".join(ARABIC_PARAGRAPHS), encoding="utf-8")
    # The same text from a file is the same article, whatever the title.
    assert library.import_paths([f])[0].article_id == a.article_id
    g = tmp_path / "other.txt"
    g.write_text("خبر آخر 📌\n\nنص مختلف.", encoding="utf-8")
    first, again = library.import_paths([g]), library.import_paths([g])
    assert first[0].status == "imported" and again[0].status == "duplicate"
    assert again[0].article_id == first[0].article_id
    assert len(library.list_articles()) == 2


def test_original_file_is_kept_content_addressed(library: Library, tmp_path: Path) -> None:
    f = tmp_path / "خبر.txt"
    data = "عنوان\n\nنص الخبر 📌".encode()
    f.write_bytes(data)
    r = library.import_paths([f])[0]
    art = library.get_article(r.article_id or 0)
    kept = library.original_path(art.original_sha256, art.original_name)
    assert kept.read_bytes() == data and kept.parent.parent == library.originals_dir


def test_highlight_offsets_and_quote_after_emoji(filled_library: Library) -> None:
    art = filled_library.get_article(1)
    h = filled_library.add_highlight_by_quote(1, "بشأن حصص")
    assert art.text[h.start : h.end] == "بشأن حصص" == h.exact
    assert "📌" in h.prefix and h.suffix.startswith(" الإنتاج")
    # Offsets are code points: the emoji counts once.
    assert h.start == art.text.index("بشأن حصص")


def test_highlight_inside_vocalised_word(filled_library: Library) -> None:
    h = filled_library.add_highlight_by_quote(1, "الوَزِيرُ", note="مَن هو؟ Who?")
    assert h.exact == "الوَزِيرُ" and h.note == "مَن هو؟ Who?" and h.note_id is not None
    with pytest.raises(QuoteNotFound, match="ignoring harakat and hamza it matches 1"):
        filled_library.add_highlight_by_quote(1, "الوزير")


def test_nth_occurrence(filled_library: Library) -> None:
    text = filled_library.get_article(1).text
    starts = [i for i in range(len(text)) if text.startswith("ال", i)]
    third = filled_library.add_highlight_by_quote(1, "ال", occurrence=3)
    assert third.start == starts[2] and third.end == starts[2] + 2
    with pytest.raises(
        QuoteNotFound, match=f"occurrence 99 of the quote: it occurs {len(starts)} time"
    ):
        filled_library.add_highlight_by_quote(1, "ال", occurrence=99)


def test_highlight_range_is_checked(filled_library: Library) -> None:
    with pytest.raises(InvalidInput, match="outside the article"):
        filled_library.add_highlight(1, 5, 100000)


def test_reanchor_by_quote_when_text_changes(filled_library: Library) -> None:
    h = filled_library.add_highlight_by_quote(1, "تحالف OPEC+", label_id=3, note="رقم")
    gone = filled_library.add_highlight_by_quote(1, "في اجتماع مغلق")
    changes: list[Changes] = []
    filled_library.add_listener(changes.append)
    filled_library.update_text(
        1,
        [
            "فقرة جديدة في البداية 😀.",
            ARABIC_PARAGRAPHS[1].replace("وأكد", "وصرّح"),
            "نص آخر تماماً.",
        ],
    )
    moved = filled_library.get_highlight(h.id)
    text = filled_library.get_article(1).text
    assert not moved.orphaned and text[moved.start : moved.end] == "تحالف OPEC+"
    assert moved.note == "رقم" and moved.label_id == 3
    orphan = filled_library.get_highlight(gone.id)
    assert orphan.orphaned and orphan.exact == "في اجتماع مغلق"
    assert [x.id for x in filled_library.highlights(1)][-1] == gone.id  # orphans listed last
    assert changes and h.id in changes[0].highlights


def test_reanchor_fuzzily_after_a_small_edit(filled_library: Library) -> None:
    h = filled_library.add_highlight_by_quote(1, "الاتفاق الجديد يخدم مصالح البلدين")
    edited = [
        ARABIC_PARAGRAPHS[0].replace("يخدم مصالح البلدين", "يخدم مصالح الطرفين"),
        *ARABIC_PARAGRAPHS[1:],
    ]
    filled_library.update_text(1, edited)
    moved = filled_library.get_highlight(h.id)
    text = filled_library.get_article(1).text
    assert not moved.orphaned
    assert text[moved.start : moved.end].startswith("الاتفاق الجديد يخدم مصالح")


def test_notes_on_article_highlight_and_free(filled_library: Library) -> None:
    n1 = filled_library.add_note("ملاحظة على المقال **مهمة** 📌", article_id=1)
    free = filled_library.add_note("A free note, مع نص عربي")
    h = filled_library.add_highlight_by_quote(2, "OPEC+")
    hn = filled_library.set_highlight_note(h.id, "Check the quota figure")
    assert [n.id for n in filled_library.article_notes(1)] == [n1.id]
    assert [n.id for n in filled_library.free_notes()] == [free.id]
    assert hn is not None and filled_library.get_highlight(h.id).note == "Check the quota figure"
    filled_library.update_note(n1.id, "نص معدل")
    assert filled_library.get_note(n1.id).body == "نص معدل"
    assert (
        filled_library.set_highlight_note(h.id, "") is None
        or filled_library.get_highlight(h.id).note == ""
    )
    filled_library.delete_note(free.id)
    with pytest.raises(NotFound):
        filled_library.get_note(free.id)


def test_delete_and_restore_highlight_keeps_id_and_note(filled_library: Library) -> None:
    h = filled_library.add_highlight_by_quote(1, "الاتفاق", note="نص الملاحظة")
    filled_library.delete_highlight(h.id)
    with pytest.raises(NotFound):
        filled_library.get_highlight(h.id)
    back = filled_library.restore_highlight(h)
    assert (back.id, back.start, back.end, back.note, back.note_id) == (
        h.id,
        h.start,
        h.end,
        h.note,
        h.note_id,
    )


def test_trash_restore_and_purge(filled_library: Library) -> None:
    filled_library.add_highlight_by_quote(1, "الاتفاق")
    filled_library.delete_article(1)
    assert 1 not in [a.id for a in filled_library.list_articles()]
    assert [a.id for a in filled_library.list_articles(trash=True)] == [1]
    filled_library.restore_article(1)
    assert 1 in [a.id for a in filled_library.list_articles()]
    filled_library.purge_article(1)
    with pytest.raises(NotFound):
        filled_library.get_article(1)
    assert filled_library.highlights(1) == []


def test_tags_filter_and_sort(filled_library: Library) -> None:
    filled_library.set_tags(1, ["طاقة", "OPEC", "طاقة"])
    filled_library.set_tags(3, ["طاقة"])
    assert filled_library.get_article(1).tags == ["OPEC", "طاقة"]
    assert dict(filled_library.tags()) == {"OPEC": 1, "طاقة": 2}
    assert filled_library.article_ids(tag="طاقة", sort="title") == [
        1,
        3,
    ] or filled_library.article_ids(tag="طاقة", sort="title") == [3, 1]
    assert set(filled_library.article_ids(tag="طاقة")) == {1, 3}
    assert filled_library.article_ids(text="Ministers") == [2]
    assert filled_library.article_ids(sort="date") == [3, 1, 2]


def test_labels_rename_and_resolve(library: Library) -> None:
    assert len(library.labels()) == 6
    library.rename_label(4, "سؤال")
    assert library.label_id("سؤال") == 4 and library.label_id("1") == 1
    with pytest.raises(NotFound, match="no label"):
        library.label_id("nothing")


def test_imported_comments_become_highlighted_notes_in_the_same_import(tmp_path: Path) -> None:
    from dataclasses import replace

    from desktop_app.core.models import ImportedComment, Remark

    doc = make_doc(ARABIC_PARAGRAPHS, "تعليقات المراجعين")
    quote = ARABIC_PARAGRAPHS[1].split("،")[0][:30]
    doc = replace(
        doc,
        comments=(
            ImportedComment(quote, "تحقق من الرقم 📌", "Sara Khalil", "2024-03-15T10:00:00Z", 1),
            ImportedComment("نص لم يعد في المستند", "a comment on deleted text", "Omar"),
        ),
        remarks=(Remark("import.remark_comments", {"count": 2}),),
    )
    seen: list[Changes] = []
    with Library(tmp_path / "lib") as lib:
        lib.add_listener(seen.append)
        result = lib.add_document(doc)
        assert result.remarks == [Remark("import.remark_comments", {"count": 2})]
        aid = result.article_id
        [h] = lib.highlights(aid)
        text = lib.get_article(aid).text
        assert text[h.start : h.end] == quote and h.start >= text.index(ARABIC_PARAGRAPHS[1])
        assert h.note == "تحقق من الرقم 📌\n\n— Sara Khalil"
        assert h.created_at == lib.get_note(h.note_id).created_at == "2024-03-15T10:00:00Z"
        bodies = [n.body for n in lib.article_notes(aid)]
        # The passage of the second comment is gone: the note keeps it as a quote, on the article.
        assert "> نص لم يعد في المستند\n\na comment on deleted text\n\n— Omar" in bodies
        assert seen[-1].highlights == {h.id} and len(seen[-1].notes) == 2
