"""PDF import: text layers made with fpdf2 and the Amiri font, shaped and in presentation forms."""

from __future__ import annotations

import functools
import importlib.resources
import io
import unicodedata

import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers import parse_bytes
from desktop_app.core.importers.pdf import (
    CORRUPT,
    LOCKED,
    NO_TEXT,
    UNREADABLE,
    looks_reversed,
    reorder_runs,
    unreadable_share,
    unreverse_line,
)

AMIRI = str(importlib.resources.files("fontpkg_amiri") / "files" / "Amiri-Regular.ttf")

PARAS = [
    "أعلن الوزير يوم الثلاثاء خطة جديدة لإدارة المياه في البلاد، تشمل بناء ثلاثة سدود وتحديث "
    "شبكات الري في المحافظات الجنوبية خلال السنوات الخمس المقبلة، بتمويل من World Bank وغيره.",
    "وقال الوَزِيرُ إن الخطة ستكلف نحو ملياري دولار حتى عام 2030.",
    "ورحب النواب بالخطة (مع تحفظات) وطالبوا بجدول زمني واضح ورقابة مستقلة على الإنفاق.",
]


def new_pdf(shaping: bool = True) -> FPDF:
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("Amiri", fname=AMIRI)
    pdf.set_font("Amiri", size=14)
    if shaping:
        pdf.set_text_shaping(
            use_shaping_engine=True, direction="rtl", script="arab", language="ara"
        )
    return pdf


def write(pdf: FPDF, paras: list[str], size: int = 14) -> None:
    pdf.set_font_size(size)
    for p in paras:
        pdf.multi_cell(0, 10, p, align="R")
        pdf.ln(6)


def shaped_pdf(
    paras: list[str], heading: str = "", title: str = "", author: str = "", lang: str = ""
) -> bytes:
    pdf = new_pdf()
    if lang:
        pdf.set_lang(lang)
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    if heading:
        write(pdf, [heading], size=24)
    write(pdf, paras)
    return bytes(pdf.output())


@functools.cache
def paras_pdf() -> bytes:
    """The PDF of PARAS, made once (embedding Amiri takes a while)."""
    return shaped_pdf(PARAS)


# -- a small shaper: presentation forms in visual order, as legacy PDF makers wrote them ----------
def _forms() -> dict[tuple[str, str], str]:
    forms: dict[tuple[str, str], str] = {}
    for cp in range(0xFE70, 0xFEFD):
        d = unicodedata.decomposition(chr(cp)).split()
        if len(d) == 2 and d[0] in ("<isolated>", "<final>", "<initial>", "<medial>"):
            forms[(chr(int(d[1], 16)), d[0][1:-1])] = chr(cp)
    return forms


FORMS = _forms()
RIGHT_JOINING = set("اأإآدذرزوؤةى")
LAM_ALEF = {"ا": "\ufefb\ufefc", "أ": "\ufef7\ufef8", "إ": "\ufef9\ufefa", "آ": "\ufef5\ufef6"}


def _joins_left(ch: str) -> bool:
    return (ch, "initial") in FORMS and ch not in RIGHT_JOINING


def shape_word(word: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(word):
        ch, prev = word[i], word[i - 1] if i else ""
        nxt = word[i + 1] if i + 1 < len(word) else ""
        joins_prev = bool(prev) and _joins_left(prev)
        if ch == "ل" and nxt in LAM_ALEF:
            out.append(LAM_ALEF[nxt][1 if joins_prev else 0])
            i += 2
            continue
        joins_next = _joins_left(ch) and bool(nxt) and (nxt, "final") in FORMS
        form = {(True, True): "medial", (True, False): "final", (False, True): "initial"}.get(
            (joins_prev, joins_next), "isolated"
        )
        out.append(FORMS.get((ch, form), FORMS.get((ch, "isolated"), ch)))
        i += 1
    return "".join(out)


def visual(line: str) -> str:
    return " ".join(shape_word(w) for w in line.split(" "))[::-1]


def texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


# -- tests ---------------------------------------------------------------------------------------
def test_shaped_arabic_paragraphs_are_rebuilt() -> None:
    doc = parse_bytes(shaped_pdf(PARAS, title="خطة المياه", author="سارة علي"), "water.pdf")
    assert texts(doc) == PARAS
    assert (doc.title, doc.author, doc.format, doc.language) == (
        "خطة المياه",
        "سارة علي",
        "pdf",
        "ar",
    )
    assert len(doc.published) == 10  # the creation date
    assert all(p.direction == "rtl" for p in doc.paragraphs)


def test_text_language_wins_over_the_catalog() -> None:
    # /Lang names the language only when the letters allow it: Arabic text marked fa-IR.
    assert parse_bytes(shaped_pdf(PARAS[1:2], lang="fa-IR"), "fa.pdf").language == "ar"


def test_large_font_line_is_a_heading() -> None:
    doc = parse_bytes(shaped_pdf(PARAS[1:], heading="ردود الفعل"), "h.pdf")
    assert [(p.kind, p.text) for p in doc.paragraphs] == [
        ("heading", "ردود الفعل"),
        ("body", PARAS[1]),
        ("body", PARAS[2]),
    ]


def test_presentation_forms_in_visual_order_are_folded() -> None:
    lines = ["أعلن الوزير خطة جديدة لإدارة المياه في البلاد", "وقال إن الخطة لا تكلف إلا القليل"]
    assert any(0xFE70 <= ord(ch) <= 0xFEFC for ch in visual(lines[1]))
    pdf = new_pdf(shaping=False)
    write(pdf, [visual(line) for line in lines])
    doc = parse_bytes(bytes(pdf.output()), "legacy.pdf")
    assert texts(doc) == lines
    assert not any(0xFB50 <= ord(ch) <= 0xFEFF for ch in "".join(texts(doc)))


def test_text_extracted_back_to_front_is_unreversed() -> None:
    pdf = new_pdf(shaping=False)  # logical order drawn left to right: read back reversed
    write(pdf, PARAS)
    data = bytes(pdf.output())
    raw = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert looks_reversed(raw)
    doc = parse_bytes(data, "reversed.pdf")
    assert texts(doc)[1:] == PARAS[1:]
    assert texts(doc)[0].replace("،", "") == PARAS[0].replace("،", "")


def test_paragraph_continues_on_next_page() -> None:
    pdf = new_pdf()
    write(pdf, ["فقرة أولى كاملة عن المياه."])
    pdf.multi_cell(0, 10, "وهذه فقرة تبدأ في الصفحة الأولى", align="R")
    pdf.add_page()
    pdf.multi_cell(0, 10, "وتنتهي في الصفحة الثانية.", align="R")
    doc = parse_bytes(bytes(pdf.output()), "pages.pdf")
    assert texts(doc) == [
        "فقرة أولى كاملة عن المياه.",
        "وهذه فقرة تبدأ في الصفحة الأولى وتنتهي في الصفحة الثانية.",
    ]


def test_english_pdf_drops_page_numbers() -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(
        0,
        8,
        "The minister said the agreement serves both countries and that the "
        "talks will continue next week in Vienna with all parties.",
    )
    pdf.ln(8)
    pdf.multi_cell(0, 8, "Analysts expect OPEC+ to extend the cuts.")
    pdf.set_y(-20)
    pdf.cell(0, 8, "7", align="C")
    doc = parse_bytes(bytes(pdf.output()), "minutes.pdf")
    assert texts(doc) == [
        "The minister said the agreement serves both countries and that the talks will "
        "continue next week in Vienna with all parties.",
        "Analysts expect OPEC+ to extend the cuts.",
    ]
    assert doc.language == "en" and doc.title == "minutes"


def test_no_text_layer() -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    with pytest.raises(ImportFailed) as err:
        parse_bytes(bytes(pdf.output()), "scan.pdf")
    assert err.value.code == NO_TEXT and "OCR" in str(err.value)


def test_text_layer_without_character_map() -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(paras_pdf())))
    for page in writer.pages:
        for ref in page["/Resources"]["/Font"].values():
            del ref.get_object()[NameObject("/ToUnicode")]  # glyph ids come out, not letters
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ImportFailed) as err:
        parse_bytes(out.getvalue(), "cid.pdf")
    assert err.value.code == UNREADABLE and "OCR" in str(err.value)
    assert unreadable_share("نص عادي") == 0.0


def _encrypted(user: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(shaped_pdf(PARAS[1:2]))))
    writer.encrypt(user_password=user, owner_password="owner-secret", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_password_protected_pdf() -> None:
    with pytest.raises(ImportFailed) as err:
        parse_bytes(_encrypted("secret"), "locked.pdf")
    assert err.value.code == LOCKED and "password" in str(err.value)


def test_owner_password_only_pdf_imports() -> None:
    assert texts(parse_bytes(_encrypted(""), "owner.pdf")) == PARAS[1:2]


@pytest.mark.parametrize("cut", [0.3, 0.7, 0.95])
def test_truncated_pdf(cut: float) -> None:
    data = paras_pdf()
    with pytest.raises(ImportFailed) as err:
        parse_bytes(data[: int(len(data) * cut)], "cut.pdf")
    assert err.value.code == CORRUPT


def test_not_a_pdf() -> None:
    with pytest.raises(ImportFailed) as err:
        parse_bytes("هذا ليس ملف PDF".encode(), "fake.pdf")
    assert err.value.code == CORRUPT


def test_line_helpers() -> None:
    assert unreverse_line("ريزولا 2024 ماع") == "عام 2024 الوزير"
    assert reorder_runs(".World Bank الجنوبية من") == "الجنوبية من World Bank."
    assert reorder_runs("English only line") == "English only line"
    assert not looks_reversed("قال الوزير إن الحكومة الجديدة ستعمل على الخطة")
