"""Word import: headings with levels, quotes, lists, tables, core properties, damaged files."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers import parse_bytes
from desktop_app.core.importers.docx import paragraph_kind


def build(title: str = "خطة المياه", with_props: bool = True) -> bytes:
    d = docx.Document()
    d.add_heading("تقرير المياه", level=1)
    d.add_paragraph("أعلن الوَزِيرُ خطة جديدة 📌 بتمويل من World Bank والبنك الإسلامي.")
    d.add_heading("التفاصيل", level=2)
    d.add_heading("الجدول الزمني", level=3)
    d.add_paragraph("هذه الخطة هي الأكبر منذ عشرين عاماً.", style="Quote")
    d.add_paragraph("بناء ثلاثة سدود", style="List Bullet")
    d.add_paragraph("تحديث شبكات الري", style="List Number 2")
    table = d.add_table(rows=2, cols=2)
    for (r, c), text in {
        (0, 0): "السنة",
        (0, 1): "المبلغ",
        (1, 0): "2024",
        (1, 1): "مليار دولار",
    }.items():
        table.cell(r, c).text = text
    d.add_paragraph("The minister will report to parliament in May.")
    if with_props:
        d.core_properties.title = title
        d.core_properties.author = "سارة علي"
        d.core_properties.created = dt.datetime(2024, 3, 5, 10, 0)
        d.core_properties.language = "ar-SA"
        d.core_properties.keywords = "مياه, سدود"
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_structure_and_core_properties() -> None:
    doc = parse_bytes(build(), "report.docx")
    assert [(p.kind, p.level, p.text) for p in doc.paragraphs] == [
        ("heading", 1, "تقرير المياه"),
        ("body", 0, "أعلن الوَزِيرُ خطة جديدة 📌 بتمويل من World Bank والبنك الإسلامي."),
        ("heading", 2, "التفاصيل"),
        ("heading", 3, "الجدول الزمني"),
        ("quote", 0, "هذه الخطة هي الأكبر منذ عشرين عاماً."),
        ("list", 1, "بناء ثلاثة سدود"),
        ("list", 2, "تحديث شبكات الري"),
        ("body", 0, "السنة | المبلغ"),
        ("body", 0, "2024 | مليار دولار"),
        ("body", 0, "The minister will report to parliament in May."),
    ]
    # The properties' title "خطة المياه" is not in the text: a stale one loses to the heading.
    assert (doc.title, doc.author, doc.published) == ("تقرير المياه", "سارة علي", "2024-03-05")
    assert doc.language == "ar" and doc.format == "docx"
    assert doc.tags == ("مياه", "سدود")
    assert doc.paragraphs[1].direction == "rtl" and doc.paragraphs[-1].direction == "ltr"


def test_title_from_first_heading_when_properties_are_empty() -> None:
    doc = parse_bytes(build(title=""), "x.docx")
    assert doc.title == "تقرير المياه"


def test_title_from_properties_when_the_text_contains_it() -> None:
    doc = parse_bytes(build(title="الجدول الزمني"), "x.docx")
    assert doc.title == "الجدول الزمني"


def test_style_mapping() -> None:
    assert paragraph_kind("Heading 4", False) == ("heading", 4)
    assert paragraph_kind("Title", False) == ("heading", 1)
    assert paragraph_kind("Intense Quote", False) == ("quote", 0)
    assert paragraph_kind("List Paragraph", False) == ("list", 1)
    assert paragraph_kind("Normal", True) == ("list", 1)
    assert paragraph_kind("Normal", False) == ("body", 0)


@pytest.mark.parametrize("cut", [0.5, 0.9, 0.1])
def test_truncated_docx(cut: float) -> None:
    data = build()
    with pytest.raises(ImportFailed, match=r"^corrupt or truncated \.docx file$"):
        parse_bytes(data[: int(len(data) * cut)], "t.docx")


def test_docx_with_broken_document_xml() -> None:
    src = zipfile.ZipFile(io.BytesIO(build()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "word/document.xml":
                body = body[: len(body) // 2]
            dst.writestr(item, body)
    with pytest.raises(ImportFailed, match="corrupt or truncated .docx file"):
        parse_bytes(out.getvalue(), "b.docx")


def test_not_a_zip_at_all() -> None:
    with pytest.raises(ImportFailed, match="corrupt or truncated .docx file"):
        parse_bytes("نص عادي باسم docx".encode(), "plain.docx")
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("hello.txt", "not a word document")
    with pytest.raises(ImportFailed, match="corrupt or truncated .docx file"):
        parse_bytes(zipped.getvalue(), "zip.docx")
