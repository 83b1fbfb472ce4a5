"""Text helpers: direction, normalization and folded find, code-point/UTF-16 offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.text.direction import detect_direction
from desktop_app.core.text.normalize import find_all_folded, fold_presentation_forms, normalize
from desktop_app.core.text.offsets import Utf16Map, utf16_len
from desktop_app.core.text.paragraphs import build_paragraphs, split_plain_text


def test_direction_by_majority_of_strong_characters() -> None:
    assert detect_direction("قال الوزير إن الاتفاق مهم") == "rtl"
    assert detect_direction("The minister said") == "ltr"
    # An Arabic paragraph that opens with a Latin name is still Arabic.
    assert detect_direction("OPEC+ قررت تمديد خفض الإنتاج حتى نهاية العام") == "rtl"
    assert detect_direction("Reuters: «الاتفاق» was signed in Vienna today") == "ltr"
    assert detect_direction("١٢٣ 📌") == "ltr"  # no strong character: the default
    assert detect_direction("الوَزِيرُ") == "rtl"


def test_normalize_folds_arabic_forms() -> None:
    assert normalize("أَحْمَد") == normalize("احمد") == "احمد"
    assert normalize("إسلام آمن") == "اسلام امن"
    assert normalize("مدرسة") == "مدرسه"
    assert normalize("مستشفى") == "مستشفي"
    assert normalize("كتـــاب") == "كتاب"
    assert normalize("٢٠٢٤ ۱۲") == "2024 12"
    assert normalize("OPEC") == "opec"
    assert fold_presentation_forms("\ufedf\ufee8\ufe92\ufe8e\ufee5") == "لنبان"


def test_find_ignoring_harakat_and_hamza_reports_original_ranges() -> None:
    text = "قال أَحْمَد 📌 إن احمدَ وصل"
    hits = find_all_folded(text, "احمد")
    assert [text[s:e] for s, e in hits] == ["أَحْمَد", "احمدَ"]
    assert find_all_folded(text, "") == []
    assert find_all_folded(text, "غائب") == []


def test_utf16_map_after_emoji() -> None:
    text = "a📌b😀c"
    m = Utf16Map(text)
    assert [m.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert m.to_codepoint(3) == 2
    assert m.to_codepoint(2) == 1  # inside the pair -> its start
    assert m.utf16_length == utf16_len(text) == 7


@given(st.text(alphabet=st.sampled_from(list("ab قالو📌😀\u064e\n")), max_size=40))
def test_utf16_round_trip(text: str) -> None:
    m = Utf16Map(text)
    for i in range(len(text) + 1):
        u = m.to_utf16(i)
        assert m.to_codepoint(u) == i
        assert u == utf16_len(text[:i])


@given(
    st.lists(
        st.text(alphabet=st.sampled_from(list("abc قالوزير \u064e📌.")), min_size=1, max_size=30),
        max_size=8,
    )
)
def test_paragraph_splitting_keeps_text(parts: list[str]) -> None:
    text = "\n\n".join(parts)
    paras = build_paragraphs(split_plain_text(text))
    expected = [" ".join(p.split()) for p in parts if p.strip()]
    assert [p.text for p in paras] == expected
    joined = "\n".join(p.text for p in paras)
    for p in paras:
        assert joined[p.start : p.start + len(p.text)] == p.text
        assert p.text.strip() == p.text and p.text


def test_one_paragraph_a_line_without_blank_lines() -> None:
    assert split_plain_text("سطر أول\nسطر ثان\n\n") == ["سطر أول", "سطر ثان"]
    assert split_plain_text("a\nb\n\nc") == ["a\nb", "c"]


@given(st.text(max_size=60))
def test_strong_counts_match_the_unicode_bidi_classes(text: str) -> None:
    import unicodedata

    from desktop_app.core.text.direction import strong_counts

    classes = [unicodedata.bidirectional(ch) for ch in text]
    expected = (sum(c in ("R", "AL") for c in classes), sum(c == "L" for c in classes))
    assert strong_counts(text) == expected


def test_display_marks_after_latin_ending_in_neutrals() -> None:
    from desktop_app.core.export.rtl import mark_positions

    text = "قال تحالف OPEC+ اليوم إن حلف (NATO) وافق"
    marks = mark_positions(text, "rtl")
    assert text.index("+") + 1 in marks and text.index(")") + 1 in marks
    assert mark_positions("The OPEC+ deal", "ltr") == []


def test_utf16_map_with_display_marks() -> None:
    text = "تحالف OPEC+ 📌 هنا"
    mark = text.index("+") + 1
    m = Utf16Map(text, [mark])
    assert m.to_utf16(mark) == mark  # before the mark: a highlight ending at "+" excludes it
    assert m.to_utf16(mark + 1) == mark + 2
    assert m.to_codepoint(mark) == m.to_codepoint(mark + 1) == mark
    assert m.utf16_length == len(text) + 1 + 1  # the emoji and the mark


@given(
    st.text(alphabet=st.sampled_from(list("ab قال📌+\u064e")), max_size=30),
    st.lists(st.integers(min_value=0, max_value=30), max_size=4),
)
def test_utf16_map_with_marks_round_trips(text: str, raw: list[int]) -> None:
    marks = sorted({min(p, len(text)) for p in raw})
    m = Utf16Map(text, marks)
    for i in range(len(text) + 1):
        assert m.to_codepoint(m.to_utf16(i)) == i


def test_right_to_left_languages_are_defined_once() -> None:
    from desktop_app.core.text.direction import is_rtl_language

    assert all(is_rtl_language(t) for t in ("ar", "ar-SA", "AR-eg", "fa_IR", "ur-PK", "he"))
    assert not any(is_rtl_language(t) for t in ("en-US", "fr", "", "  ", "arn"))
