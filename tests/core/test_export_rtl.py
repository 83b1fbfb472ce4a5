"""Script runs and marks for right-to-left paragraphs; text cleaning for every exporter."""

from __future__ import annotations

import pytest

from desktop_app.core.export.rtl import segments, with_marks
from desktop_app.core.export.sanitize import clean_line, clean_text, is_web_url, lines

LRM = "\u200e"


def segs(text: str, base: str = "rtl") -> list[tuple[str, bool]]:
    return [(s.text, s.rtl) for s in segments(text, base)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("قال إن OPEC+ ستخفض", [("قال إن ", True), ("OPEC+" + LRM, False), (" ستخفض", True)]),
        ("حلف (NATO) قال", [("حلف ", True), ("(NATO)" + LRM, False), (" قال", True)]),
        ("فيروس COVID-19 انتشر", [("فيروس ", True), ("COVID-19" + LRM, False), (" انتشر", True)]),
        (
            "صحيفة New York Times اليوم",
            [("صحيفة ", True), ("New York Times", False), (" اليوم", True)],
        ),
        ("وكالة Reuters.", [("وكالة ", True), ("Reuters", False), (".", True)]),
        ("التاريخ: 2026-12-01", [("التاريخ: ", True), (LRM + "2026-12-01", False)]),
        ("عام 2024 و3.5%", [("عام 2024 و3.5%", True)]),
        ("قال الوَزِيرُ 📌 اليوم", [("قال الوَزِيرُ 📌 اليوم", True)]),
        ("قال OPEC+" + LRM + " أمس", [("قال ", True), ("OPEC+" + LRM, False), (" أمس", True)]),
    ],
)
def test_arabic_paragraph_runs(text: str, expected: list[tuple[str, bool]]) -> None:
    assert segs(text) == expected
    assert "".join(t for t, _ in expected).replace(LRM, "") == text.replace(LRM, "")


def test_english_paragraph_runs() -> None:
    assert segs("The word السلام, hello", "ltr") == [
        ("The word ", False),
        ("السلام", True),
        (", hello", False),
    ]
    assert segs("Plain English only.", "ltr") == [("Plain English only.", False)]
    assert segs("", "ltr") == []


def test_long_text_is_split_in_linear_time() -> None:
    text = "هذه ملاحظة عن OPEC+ 📌. " * 5000
    out = segments(text, "rtl")
    assert len(out) == 10001
    assert "".join(s.text for s in out).replace(LRM, "") == text
    assert with_marks(text, "rtl").count(LRM) == 5000


def test_clean_text() -> None:
    assert clean_text("a\x00b\x0bc\x0cd\r\ne\rf") == "ab\nc\nd\ne\nf"
    assert clean_text("x\u202ey\u202cz\u2066w\u2069") == "xyzw"
    assert (
        clean_text("keep\u200e\u200f\u061c marks and tabs\t")
        == "keep\u200e\u200f\u061c marks and tabs\t"
    )
    assert clean_text("lone \ud800 and \udc00") == "lone \ufffd and \ufffd"
    assert clean_text("pair \ud83d\udccc") == "pair 📌"
    assert clean_text("C1\x85\x9f DEL\x7f") == "C1 DEL"
    assert clean_text("الوَزِيرُ 😀") == "الوَزِيرُ 😀"
    assert clean_text(None) == ""
    assert clean_line(" a\nb\tc ") == "a b c"
    assert lines("one\n\n  \ntwo\x0bthree") == ["one", "two", "three"]


@pytest.mark.parametrize(
    "url, ok",
    [
        ("https://example.org/a", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("https://", False),
        ("https://exa mple.org", False),
    ],
)
def test_only_web_urls_become_links(url: str, ok: bool) -> None:
    assert is_web_url(url) is ok


# -- the classes come from a translate table: the same runs and marks as a per-character walk --


def _walk_marks(text: str, base: str) -> list[int]:
    """Where with_marks() added an LRM, found by walking both strings side by side."""
    out, i = [], 0
    for ch in with_marks(text, base):  # type: ignore[arg-type]
        if i < len(text) and ch == text[i]:
            i += 1
        else:
            out.append(i)
    return out


def _reference_spans(text: str, inner: str, outer: str) -> list[tuple[int, int]]:
    """The stretches of `inner` script, classified one character at a time."""
    import unicodedata

    def cls(ch: str) -> str:
        b = unicodedata.bidirectional(ch)
        return {"R": "R", "AL": "R", "AN": "R", "L": "L", "EN": "D"}.get(b, "N")

    classes = [cls(ch) for ch in text]
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        if classes[i] != inner:
            i += 1
            continue
        start = last = i
        j = i + 1
        while j < n and classes[j] != outer:
            if classes[j] == inner:
                last = j
            j += 1
        end = last + 1
        if inner == "L":
            while end < n and (classes[end] == "D" or text[end] in "+-)]}%#'\"*/&_°™®©"):
                end += 1
            while (
                start > 0 and text[start - 1] in "([{\"'#@$" and (not spans or spans[-1][1] < start)
            ):
                start -= 1
        spans.append((start, end))
        i = max(end, last + 1)
    return spans


_PIECES = [
    "قال",
    "الوَزِيرُ",
    " ",
    "OPEC",
    "+",
    "(",
    ")",
    "2026",
    "-",
    "١٢",
    "📌",
    ".",
    "،",
    LRM,
    "ab",
    "é",
]


def test_runs_and_marks_match_a_per_character_walk() -> None:
    import random

    from desktop_app.core.export import rtl

    rng = random.Random(20261206)
    for _ in range(3000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 14)))
        for inner, outer in (("L", "R"), ("R", "L")):
            classes = text.translate(rtl._CLASSES)
            assert rtl._spans(text, classes, inner, outer) == _reference_spans(text, inner, outer)
        for base in ("rtl", "ltr"):
            assert rtl.mark_positions(text, base) == _walk_marks(text, base), text  # type: ignore[arg-type]
