"""Plain-text import: encodings (BOMs, UTF-8, Windows-1256, ISO-8859-6), titles, paragraphs."""

from __future__ import annotations

import codecs

import pytest

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers import parse_bytes
from desktop_app.core.importers.common import is_machine_name, opening_words
from desktop_app.core.importers.encoding import arabic_score, decode
from desktop_app.core.importers.txt import split_title

TITLE = "اجتماع وزراء الخارجية في مينسك"
BODY = [
    "قال الوَزِيرُ إن الاتفاق الجديد يخدم مصالح البلدين، وأضاف أن المفاوضات ستستمر.",
    "وأكد المتحدث أن تحالف OPEC+ لم يحسم قراره بعد بشأن حصص الإنتاج في الشهر المقبل.",
    "وفي فلسطين، التقى الوزراء بممثلي حلف شمال الأطلسي (NATO) في اجتماع مغلق.",
]
CORPUS_SHAPED = TITLE + "\n\n" + "\n".join(BODY) + "\n"

# Short Arabic texts on which charset-normalizer alone picks the wrong code page.
SHORT_TEXTS = [
    "رفضت محكمة الاستئناف الطعن",
    "أظهرت دراسة جديدة أن النوم",
    "نشرت منظمة العفو تقريرا",
    "قال الوزير إن الخطة جاهزة",
    "إذا كنت تبحث عن عمل فاقرأ هذا",
    "الوَزِيرُ يلتقي السفير الفرنسي",
]


def texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


@pytest.mark.parametrize(
    "data, encoding",
    [
        (CORPUS_SHAPED.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + CORPUS_SHAPED.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + CORPUS_SHAPED.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + CORPUS_SHAPED.encode("utf-16-be"), "utf-16"),
        (CORPUS_SHAPED.encode("cp1256"), "cp1256"),
        (CORPUS_SHAPED.encode("iso8859_6"), "iso8859_6"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "cp1256", "iso8859-6"],
)
def test_corpus_shaped_file_decodes_with_title_and_paragraphs(data: bytes, encoding: str) -> None:
    doc = parse_bytes(data, "report.txt")
    assert doc.encoding == encoding
    assert doc.title == TITLE
    assert texts(doc) == BODY
    assert doc.language == "ar"
    assert doc.format == "txt"
    assert all(p.direction == "rtl" for p in doc.paragraphs)
    assert "\ufeff" not in doc.title


def test_utf16_text_with_emoji_round_trips() -> None:
    body = "ملاحظة مهمة 📌 عن الوَزِيرُ\nسطر ثانٍ مع كلمة English"
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        doc = parse_bytes(bom + body.encode(enc), "n.txt")
        assert texts(doc) == ["ملاحظة مهمة 📌 عن الوَزِيرُ", "سطر ثانٍ مع كلمة English"]
        assert doc.paragraphs[1].direction == "rtl"


@pytest.mark.parametrize("text", SHORT_TEXTS)
@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
def test_short_arabic_code_pages_are_told_apart(text: str, encoding: str) -> None:
    decoded, used = decode(text.encode(encoding))
    assert decoded == text
    assert used == encoding


def test_short_text_where_charset_normalizer_alone_is_wrong() -> None:
    from charset_normalizer import from_bytes

    data = "رفضت محكمة الاستئناف الطعن".encode("iso8859_6")
    guessed = from_bytes(data).best()
    assert guessed is None or str(guessed) != "رفضت محكمة الاستئناف الطعن"
    assert decode(data) == ("رفضت محكمة الاستئناف الطعن", "iso8859_6")


def test_arabic_score_prefers_the_right_reading() -> None:
    data = "وقال الوزير في مؤتمر صحفي".encode("iso8859_6")
    assert arabic_score(data.decode("iso8859_6")) > arabic_score(data.decode("cp1256"))
    data = "وقال الوزير في مؤتمر صحفي".encode("cp1256")
    assert arabic_score(data.decode("cp1256")) > arabic_score(data.decode("iso8859_6", "replace"))


def test_windows_1256_typographic_punctuation() -> None:
    text = "مينسك – (رياليست عربي): عُقد اجتماع… «مهم»"
    assert decode(text.encode("cp1256")) == (text, "cp1256")


def test_latin_legacy_text_falls_back_to_detector() -> None:
    text = "Le ministre a déclaré que l'accord était prêt à être signé à Genève. " * 3
    decoded, encoding = decode(text.encode("cp1252"))
    assert encoding not in ("cp1256", "iso8859_6")
    assert "Le ministre a déclaré que l'accord était" in decoded


def test_undecodable_bytes() -> None:
    junk = bytes(range(256)) * 4
    with pytest.raises(ImportFailed, match=r"^undecodable bytes"):
        parse_bytes(junk, "junk.txt")
    with pytest.raises(ImportFailed, match="undecodable bytes after a utf-16"):
        parse_bytes(codecs.BOM_UTF16_LE + "نص".encode("utf-16-le") + b"\x00\xd8", "bad.txt")


def test_stray_control_byte_in_utf8_is_dropped_not_fatal() -> None:
    # As in a corpus article: a C1 control character inside "TU 216".
    data = "عنوان\n\nأعلنت الخطوط انطلاق الرحلة TU 216\x8f المبرمجة إلى إسطنبول.".encode()
    doc = parse_bytes(data, "a.txt")
    assert doc.encoding == "utf-8"
    assert [p.text for p in doc.paragraphs] == [
        "أعلنت الخطوط انطلاق الرحلة TU 216 المبرمجة إلى إسطنبول."
    ]


def test_utf16_without_bom() -> None:
    text = "قال الوزير إن الخطة جاهزة\nوالثانية هنا"
    doc = parse_bytes(text.encode("utf-16-le"), "plain.txt")
    assert texts(doc) == text.split("\n")
    assert decode("بلامسافات".encode("utf-16-be")) == ("بلامسافات", "utf-16-be")


def test_title_rules() -> None:
    assert split_title("عنوان قصير\n\nفقرة أولى\nفقرة ثانية") == (
        "عنوان قصير",
        "فقرة أولى\nفقرة ثانية",
    )
    # No blank line after the first line: no title.
    assert split_title("سطر\nسطر ثان\n\nثالث")[0] == ""
    # A first line that ends a sentence is a paragraph when paragraphs are blank-line separated...
    assert split_title("هذه جملة كاملة.\n\nوهذه أخرى.\n\nوثالثة.")[0] == ""
    # ...but the title of a corpus-shaped file (one paragraph a line) even when it ends in a stop.
    assert split_title("عنوان ينتهي بنقطة.\n\nفقرة أولى\nفقرة ثانية")[0] == "عنوان ينتهي بنقطة."
    # Too long to be a title.
    assert split_title("كلمة " * 60 + "\n\nنص")[0] == ""


def test_title_falls_back_to_stem_then_opening_words() -> None:
    body = "\n".join(BODY).encode("utf-8")
    assert parse_bytes(body, "تقرير المياه.txt").title == "تقرير المياه"
    assert parse_bytes(body, "minutes_2024-03.txt").title == "minutes_2024-03"
    doc = parse_bytes(body, "000_3b504377793f8f36.txt")
    assert doc.title.startswith("قال الوَزِيرُ إن الاتفاق")
    assert len(doc.title) <= 81 and doc.title.endswith("…")
    assert texts(doc) == BODY  # nothing taken out of the text for such a title


def test_seed_shaped_file_one_paragraph_a_line(tmp_path) -> None:
    lines = [
        "مينسك – (رياليست عربي): عُقد اجتماع وزراء خارجية دول منظمة معاهدة الأمن الجماعي في مينسك.",
        "وقال وزير الخارجية الروسي سيرجي لافروف عقب قمة المنظمة إن المنظمة لا تدعي دوراً رائداً.",
        "بالتالي، إن أحد الأهداف الرئيسية يجب أن يكون التخلص من الاعتماد على الاستيراد.",
    ]
    doc = parse_bytes("\n".join(lines).encode(), "000_3b504377793f8f36.txt")
    assert texts(doc) == lines
    assert doc.title == opening_words(lines[0])
    assert doc.title.startswith("مينسك – (رياليست عربي)")


def test_machine_names() -> None:
    assert is_machine_name("000_3b504377793f8f36")
    assert is_machine_name("20240305-001")
    assert not is_machine_name("report_2024")
    assert not is_machine_name("تقرير")
    assert not is_machine_name("نصوص-1")


def test_opening_words_limits() -> None:
    assert opening_words("قصير جدا") == "قصير جدا"
    long = " ".join(["كلمة"] * 30)
    cut = opening_words(long)
    assert cut.endswith("…") and len(cut) <= 81
    assert opening_words("x" * 200).endswith("…")


def test_blank_line_paragraphs_join_wrapped_lines() -> None:
    data = "العنوان\n\nالسطر الأول من الفقرة\nوتتمتها هنا.\n\nفقرة ثانية 📌\n".encode()
    doc = parse_bytes(data, "a.txt")
    assert doc.title == "العنوان"
    assert texts(doc) == ["السطر الأول من الفقرة وتتمتها هنا.", "فقرة ثانية 📌"]


def test_english_and_crlf() -> None:
    data = b"Minutes\r\n\r\nThe minister said the agreement is ready.\r\nAnalysts agree.\r\n"
    doc = parse_bytes(data, "m.txt")
    assert doc.title == "Minutes"
    assert texts(doc) == ["The minister said the agreement is ready.", "Analysts agree."]
    assert doc.language == "en"
    assert doc.paragraphs[0].direction == "ltr"


@pytest.mark.parametrize(
    "headline",
    [
        "قريبا : عماد الطرابلسي على خطى سليم شيبوب..",
        "هل تنجح الحكومة في خفض الأسعار؟",
        "Is OPEC+ losing its grip?",
        "فاز المنتخب 🎉!",
        "حمة الهمامي : الإرهابيون العائدون سيوزعون على بؤر توتر جديدة …",
    ],
)
def test_headline_ending_in_suspension_or_question_is_the_title(headline: str) -> None:
    # Paragraphs separated by blank lines, as many saved articles are.
    data = f"{headline}\n\n" + "\n\n".join(BODY) + "\n"
    doc = parse_bytes(data.encode("utf-8"), "000_3b504377793f8f36.txt")
    assert doc.title == headline
    assert texts(doc) == BODY


SOURCE_PARAGRAPHS = [
    "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية، وقال وزير الزراعة إن "
    "الخطة تشمل قروضا ميسرة وإعفاءات ضريبية لمدة ثلاث سنوات في المحافظات الأكثر تضررا.",
    "وأكد المتحدث أن تحالف OPEC+ لم يحسم قراره بعد بشأن حصص الإنتاج في الشهر المقبل، وأن "
    "الاجتماع القادم سيعقد في فيينا يوم 3 ديسمبر 2024 بحضور جميع الأعضاء 📌 والمراقبين.",
    "جَاءَ الرَّبِيعُ الطَّلْقُ يَخْتَالُ ضَاحِكًا مِنَ الحُسْنِ حَتَّى كَادَ أَنْ يَتَكَلَّمَا، "
    "وَقَدْ نَبَّهَ النَّيْرُوزُ فِي غَسَقِ الدُّجَى أَوَائِلَ وَرْدٍ كُنَّ بِالأَمْسِ نُوَّمَا.",
]


def _wrapped_by_fmt(text: str, width: int) -> str:
    """The text as GNU fmt wraps it (a real producer), or textwrap where fmt is missing."""
    import shutil
    import subprocess
    import textwrap

    fmt = shutil.which("fmt")
    if fmt is None:
        return "\n".join(textwrap.wrap(text, width))
    out = subprocess.run(
        [fmt, "-w", str(width), "-g", str(width)], input=text.encode(), capture_output=True
    )
    return out.stdout.decode().rstrip("\n")


@pytest.mark.parametrize("width", [50, 72])
@pytest.mark.parametrize("separator", ["\n", "\n\n"])
def test_text_wrapped_at_a_fixed_width_is_reflowed(width: int, separator: str) -> None:
    import textwrap

    wrapped = separator.join(textwrap.fill(p, width) for p in SOURCE_PARAGRAPHS)
    data = f"العنوان\n\n{wrapped}\n".encode()
    doc = parse_bytes(data, "wrapped.txt")
    assert doc.title == "العنوان"
    assert texts(doc) == SOURCE_PARAGRAPHS  # word for word, one paragraph each
    assert [r.code for r in doc.remarks] == ["import.remark_reflowed"]


def test_text_wrapped_by_fmt_is_reflowed() -> None:
    english = (
        "The summit ended with a joint statement on Ukraine and the Middle East, and the "
        "ministers agreed to meet again in the spring to review the progress of the plan."
    )
    paragraphs = [*SOURCE_PARAGRAPHS[:2], english]
    wrapped = "\n\n".join(_wrapped_by_fmt(p, 60) for p in paragraphs)
    doc = parse_bytes(f"{wrapped}\n".encode(), "wrapped.txt")
    assert texts(doc) == paragraphs
    assert doc.remarks and doc.remarks[0].code == "import.remark_reflowed"


def test_one_paragraph_a_line_is_not_reflowed() -> None:
    doc = parse_bytes(CORPUS_SHAPED.encode(), "a.txt")
    assert texts(doc) == BODY
    assert doc.remarks == ()


def test_short_lines_are_not_taken_for_wrapping() -> None:
    # Four lines of 15 characters fill 31 bytes of UTF-8: too narrow to be wrapped prose.
    lines = ["قال قال قال قال"] * 3 + ["قال قال قال الوزير"]
    doc = parse_bytes(("عنوان الخبر الرئيسي\n\n" + "\n".join(lines)).encode(), "a.txt")
    assert texts(doc) == lines
    assert doc.remarks == ()


def test_persian_zero_width_non_joiner_is_kept() -> None:
    # U+200C is spelling in Persian and Urdu (می‌شود, برنامه‌ای), not noise.
    line = "دولت امروز برنامه‌ای تازه اعلام کرد که از ماه آینده آغاز می‌شود 🌾."
    doc = parse_bytes(f"عنوان\n\n{line}\n{line}\n".encode(), "fa.txt")
    assert texts(doc) == [line, line]
    assert "\u200c" in doc.paragraphs[0].text
    assert doc.language == "fa"
