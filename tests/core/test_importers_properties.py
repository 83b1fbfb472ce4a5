"""Property tests: encodings round-trip Arabic text; paragraph splitting keeps every word."""

from __future__ import annotations

import codecs
import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop_app.core.importers import parse_bytes
from desktop_app.core.importers.encoding import control_share, decode
from desktop_app.core.text.paragraphs import build_paragraphs, clean_line, split_plain_text

WORDS = (
    "قال الوزير إن الحكومة ستعمل على تنفيذ الخطة الجديدة في جميع المحافظات خلال العام المقبل "
    "وأضاف أن المفاوضات مع الدول المجاورة مستمرة منذ شهرين وأكد رئيس الوزراء أهمية التعاون "
    "الاقتصادي بين البلدين وفي سياق متصل أعلنت وزارة الخارجية عن زيارة مرتقبة للوفد الرسمي "
    "إلى العاصمة لبحث ملفات الطاقة والمياه والأمن الغذائي وقالت مصادر مطلعة إن الاجتماع "
    "سيعقد الأسبوع القادم بحضور ممثلين عن منظمات دولية الوَزِيرُ غزة فلسطين ظهر ضغط ذلك"
).split()
PUNCT = ["", "", "", "،", ".", ":", "؟", "؛"]

word = st.tuples(st.sampled_from(WORDS), st.sampled_from(PUNCT)).map("".join)
sentence = st.lists(word, min_size=4, max_size=40).map(" ".join)
arabic_text = st.lists(sentence, min_size=1, max_size=5).map("\n".join)
# A news paragraph ends a sentence, as the corpus's do. (Lines of about one width that stop
# mid-sentence are what a wrapped text looks like, and are joined by design.)
news_paragraph = st.tuples(sentence, st.sampled_from([".", ".", "؟", "!", ":", '."'])).map(
    lambda t: t[0].rstrip("،؛:.؟") + t[1]
)

# Paragraph texts: any characters but line and paragraph breaks, plus Arabic words and emoji.
line_text = st.one_of(
    sentence,
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
        max_size=60,
    ),
    st.lists(st.sampled_from(WORDS + ["📌", "OPEC+", "(NATO)", "٢٠٢٤", "😀"]), max_size=12).map(
        " ".join
    ),
)


@settings(max_examples=150, deadline=None)
@given(arabic_text, st.sampled_from(["cp1256", "iso8859_6"]))
def test_arabic_code_pages_round_trip(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == (text, encoding)


def _clean_utf32(data: bytes) -> str | None:
    """data read as UTF-32 when that gives text without control characters, else None."""
    try:
        text = data.decode("utf-32")
    except UnicodeDecodeError:
        return None
    return text if text and control_share(text) == 0 else None


# A UTF-16-LE mark then U+0000 is FF FE 00 00: the UTF-32-LE mark.
@example("\x00", "utf-16-le")  # nothing after the mark as UTF-32
@example("\x00\x00\x00", "utf-16-le")  # a U+0000 as UTF-32
@example("\x00a", "utf-16-le")  # 6 bytes: no UTF-32
@example("\x00قال 📌", "utf-16-le")
@example("\x00a\x00", "utf-16-le")  # byte for byte the UTF-32-LE text "a"
@settings(max_examples=150, deadline=None)
@given(
    st.text(min_size=1).filter(lambda t: not t.startswith("\ufeff")),
    st.sampled_from(["utf-16-le", "utf-16-be", "utf-8-sig"]),
)
def test_bom_encodings_round_trip_any_text(text: str, encoding: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-8-sig": b""}[
        encoding
    ]
    data = bom + text.encode(encoding)
    readings = {(text, "utf-8-sig" if encoding == "utf-8-sig" else "utf-16")}
    as_utf32 = _clean_utf32(data) if data.startswith(codecs.BOM_UTF32_LE) else None
    if as_utf32 is not None:
        # The same bytes are a UTF-32 text too; no decoder can tell which was meant.
        readings.add((as_utf32, "utf-32"))
    assert decode(data) in readings


@settings(max_examples=100, deadline=None)
@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1),
    st.sampled_from(["utf-32-le", "utf-32-be"]),
)
def test_utf32_with_a_mark_round_trips(text: str, encoding: str) -> None:
    bom = codecs.BOM_UTF32_LE if encoding == "utf-32-le" else codecs.BOM_UTF32_BE
    assert decode(bom + text.encode(encoding)) == (text, "utf-32")


@settings(max_examples=100, deadline=None)
@given(arabic_text)
def test_plain_utf8_round_trips(text: str) -> None:
    assert decode(text.encode("utf-8")) == (text, "utf-8")


def _words(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).split())


def _check(paragraphs, sources: list[str]) -> None:
    texts = [p.text for p in paragraphs]
    assert all(t and t == t.strip() for t in texts)  # no empty paragraphs, trimmed
    assert texts == [clean_line(s) for s in sources if clean_line(s)]
    assert "".join(_words(s) for s in sources) == "".join(_words(t) for t in texts)
    joined = "\n".join(texts)
    for p in paragraphs:
        assert joined[p.start : p.start + len(p.text)] == p.text
        assert p.direction in ("rtl", "ltr")
    assert all(
        b.start == a.start + len(a.text) + 1
        for a, b in zip(paragraphs, paragraphs[1:], strict=False)
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line_text, max_size=12))
def test_blank_line_paragraphs_survive(paras: list[str]) -> None:
    _check(build_paragraphs(split_plain_text("\n\n".join(paras))), paras)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line_text.filter(lambda t: t.strip()), min_size=1, max_size=12))
def test_one_paragraph_a_line_survives(paras: list[str]) -> None:
    _check(build_paragraphs(split_plain_text("\n".join(paras))), paras)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(news_paragraph, min_size=1, max_size=6),
    st.sampled_from(["utf-8", "cp1256", "iso8859_6", "utf-16"]),
)
# Four short lines, two of them as wide as the widest, were once taken for a wrapped paragraph.
@example(
    paras=[
        "قال قال قال قال",
        "قال قال قال قال قال قال قال قال",
        "قال قال قال الوزير الاقتصادي",
        "قال قال قال قال",
    ],
    encoding="utf-8",
)
def test_corpus_shaped_file_round_trips(paras: list[str], encoding: str) -> None:
    title = "عنوان الخبر الرئيسي"
    data = (title + "\n\n" + "\n".join(paras)).encode(encoding)
    doc = parse_bytes(data, "000_3b504377793f8f36.txt")
    assert doc.title == title
    assert [p.text for p in doc.paragraphs] == [clean_line(p) for p in paras]
