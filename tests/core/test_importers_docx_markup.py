"""Word import of what Word's markup hides from a plain reading: tracked changes, comments,
footnotes and endnotes, text boxes, smart tags, content controls, fields, hidden text, headings
known by outline level, stale core properties. Files from tests/producers/docx.py."""

from __future__ import annotations

import functools
import io
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import docx
import pytest

from desktop_app.core.importers import parse_bytes
from desktop_app.core.library import Library
from desktop_app.core.models import ImportedComment, ImportedDocument, Remark
from tests.producers import ARABIC, EMOJI, HARAKAT, MIXED, SOFFICE, Source, words
from tests.producers.docx import (
    DELETED,
    HEBREW,
    HIDDEN,
    KILOGRAMS,
    PLACEHOLDER,
    SHAPES,
    STALE_TITLE,
    DocxCase,
    cases,
    para,
    raw_document,
    run,
)

SOURCES = {"arabic": ARABIC, "mixed": MIXED, "harakat": HARAKAT, "emoji": EMOJI}
REVIEWED = "2024-03-15T09:30:00Z"


@functools.cache
def _cases(name: str) -> dict[str, DocxCase]:
    return {c.shape: c for c in cases(SOURCES[name], list(SOURCES).index(name))}


@functools.cache
def _imported(name: str, shape: str) -> ImportedDocument:
    case = _cases(name)[shape]
    return parse_bytes(case.generated.data, case.generated.name)


def _texts(doc: ImportedDocument) -> list[str]:
    return [p.text for p in doc.paragraphs]


def _body(source: Source) -> list[str]:
    return [" ".join(p.split()) for p in source.paragraphs]


@pytest.mark.parametrize("name", SOURCES)
@pytest.mark.parametrize("shape", SHAPES)
def test_each_shape_reads_back_word_for_word(shape: str, name: str) -> None:
    case = _cases(name)[shape]
    doc = _imported(name, shape)
    assert [words(t) for t in _texts(doc)] == [words(p) for p in case.generated.paragraphs]
    assert _texts(doc) == list(case.generated.paragraphs)
    assert tuple((p.kind, p.level) for p in doc.paragraphs) == case.kinds
    assert doc.title == SOURCES[name].title
    assert doc.remarks == case.remarks
    assert doc.comments == case.comments
    assert doc.published == SOURCES[name].published
    assert doc.author == SOURCES[name].author


@pytest.mark.parametrize("name", SOURCES)
def test_tracked_changes_are_accepted(name: str) -> None:
    source = SOURCES[name]
    doc = _imported(name, "revisions")
    # Heading (one word inserted), the body as written: deleted text and the deleted paragraph
    # are gone, the paragraph split by a deleted mark is whole again, the moved word is in place.
    assert _texts(doc) == [source.title, *_body(source)]
    text = "\n".join(_texts(doc))
    assert DELETED[0] not in text and DELETED[1] not in text
    # Insertions: a heading word, a passage, a move's destination. Deletions: a passage, a
    # paragraph's runs and its mark, a paragraph mark, a move's source.
    assert doc.remarks == (Remark("import.remark_revisions", {"insertions": 3, "deletions": 5}),)


@pytest.mark.parametrize("name", SOURCES)
def test_comments_anchor_on_the_passages_they_mark(name: str) -> None:
    source = SOURCES[name]
    first, second, last = (
        p.split() for p in (source.paragraphs[0], source.paragraphs[1], source.paragraphs[-1])
    )
    author = source.author or "محرر الأخبار"
    doc = _imported(name, "comments")
    assert doc.comments == (
        ImportedComment(" ".join(first[1:4]), "تحقق من هذا الرقم قبل النشر", author, REVIEWED, 1),
        ImportedComment(
            " ".join(first[-2:]) + "\n" + " ".join(second[:3]),
            "راجع المصدر الأصلي 🔍\nCheck the quote with the Reuters desk",
            "Editor Desk",
            "2024-03-15T09:31:00Z",
            1,
        ),
        ImportedComment(
            " ".join(last[:3]),
            "صياغة دقيقة",
            author,
            "2024-03-15T09:32:00Z",
            len(source.paragraphs),
        ),
    )
    text = "\n".join(_texts(doc))
    for c in doc.comments:  # the passage starts in the paragraph named
        start = doc.paragraphs[c.paragraph].start
        assert 0 <= text.find(c.quote, start) - start < len(doc.paragraphs[c.paragraph].text)
    assert Remark("import.remark_comments", {"count": 3}) in doc.remarks


@pytest.mark.parametrize("name", SOURCES)
def test_notes_come_at_the_end_numbered_by_reference(name: str) -> None:
    source = SOURCES[name]
    body = _body(source)
    doc = _imported(name, "notes")
    # Footnote 1 holds the last paragraph; endnote i the headline; a footnote never referenced
    # and the separators are left out.
    assert _texts(doc) == [source.title, *body[:-1], f"1. {body[-1]}", f"i. {source.title}"]
    assert "حاشية لم يشر إليها النص" not in "\n".join(_texts(doc))
    assert doc.remarks == (Remark("import.remark_notes", {"count": 2}),)


@pytest.mark.parametrize("name", SOURCES)
def test_text_boxes_are_read_once_where_they_stand(name: str) -> None:
    source = SOURCES[name]
    doc = _imported(name, "textbox")
    assert _texts(doc) == [source.title, *_body(source)]
    text = "\n".join(_texts(doc))
    for paragraph in _body(source):  # the DrawingML choice, not its VML fallback too
        assert text.count(paragraph) == 1
    assert doc.remarks == (Remark("import.remark_notes", {"count": 2}),)


@pytest.mark.parametrize("name", SOURCES)
def test_inline_markup_keeps_its_text(name: str) -> None:
    source = SOURCES[name]
    doc = _imported(name, "markup")
    assert _texts(doc) == [source.title, *_body(source), HEBREW]
    text = "\n".join(_texts(doc))
    for absent in (HIDDEN, PLACEHOLDER, "HYPERLINK", "DOCPROPERTY", "https://"):
        assert absent not in text
    assert KILOGRAMS in doc.paragraphs[-1].text
    assert doc.paragraphs[-1].direction == "rtl"


def test_python_docx_alone_loses_smart_tag_and_control_text() -> None:
    """The reason for reading the XML: python-docx's paragraph.text misses this text."""
    data = _cases("arabic")["markup"].generated.data
    plain = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert "המשלוח שוקל  בלבד" in plain and KILOGRAMS not in "\n".join(plain)
    assert KILOGRAMS in _texts(_imported("arabic", "markup"))[-1]


@pytest.mark.parametrize("name", SOURCES)
def test_headings_by_outline_level_and_stale_title(name: str) -> None:
    source = SOURCES[name]
    doc = _imported(name, "outline")
    sub = " ".join(source.title.split()[:3])
    assert [(p.kind, p.level, p.text) for p in doc.paragraphs[:3]] == [
        ("heading", 1, source.title),  # a style based on "عنوان رئيسي" (outline level 0)
        ("body", 0, _body(source)[0]),
        ("heading", 2, sub),  # outline level 1 on the paragraph itself
    ]
    assert doc.title == source.title != STALE_TITLE


# -- the reader, on hand-written WordprocessingML ------------------------------------------------


def _parse(body: str, **parts: str) -> ImportedDocument:
    return parse_bytes(raw_document(body, **parts), "hand.docx")


def test_run_characters() -> None:
    body = para(
        run("قال الوزير")
        + '<w:r><w:tab/><w:t>Hamish</w:t><w:ptab w:relativeTo="margin" w:alignment="right"'
        ' w:leader="none"/><w:t>COVID</w:t><w:noBreakHyphen/><w:t>19</w:t>'
        '<w:softHyphen/><w:t xml:space="preserve"> </w:t>'
        '<w:sym w:font="Arial" w:char="F0A7"/><w:sym w:font="Wingdings" w:char="F0E8"/>'
        '<w:sym w:font="Traditional Arabic" w:char="FDFA"/></w:r>'
        + run("سطر أول")
        + "<w:r><w:br/></w:r>"
        + run("سطر ثان 🌸")
        + "<w:r><w:cr/></w:r>"
        + run("سطر ثالث"),
        "قال",
    )
    assert _texts(_parse(body)) == [
        "قال الوزير Hamish COVID-19 §ﷺسطر أول",
        "سطر ثان 🌸",
        "سطر ثالث",
    ]


def test_fields_show_their_result_only() -> None:
    nested = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        "<w:r><w:instrText> MERGEFIELD city </w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("عمّان")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> = "x" "نعم" "لا" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("لا")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    date = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> DATE \\@ "d/M/yyyy" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("15/3/2024")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    index = (  # an index entry: a field with no result
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> XE "الزراعة" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    body = para(run("الجواب ") + nested + run(" بتاريخ ") + date + index + run(" انتهى"), "ا")
    assert _texts(_parse(body)) == ["الجواب لا بتاريخ 15/3/2024 انتهى"]


def test_a_field_result_across_paragraphs() -> None:
    body = (
        para(
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3"'
            '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            + run("المقدمة 1"),
            "ا",
        )
        + para(run("الخاتمة 2") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>', "ا")
        + para(run("نص المقال"), "ا")
    )
    assert _texts(_parse(body)) == ["المقدمة 1", "الخاتمة 2", "نص المقال"]


def test_hidden_text_by_run_character_style_and_paragraph_style() -> None:
    styles = (
        '<w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/>'
        "<w:rPr><w:vanish/></w:rPr></w:style>"
        '<w:style w:type="character" w:styleId="SecretToo"><w:name w:val="Secret Too"/>'
        '<w:basedOn w:val="Secret"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="HiddenPara"><w:name w:val="Hidden Para"/>'
        "<w:rPr><w:vanish/></w:rPr></w:style>"
    )
    body = para(
        run("ظاهر ")
        + run("مخفي ", "<w:vanish/>")
        + run("بالنمط ", '<w:rStyle w:val="Secret"/>')
        + run("بالوراثة ", '<w:rStyle w:val="SecretToo"/>')
        + run("ظاهر رغم", '<w:vanish w:val="0"/>'),
        "ظ",
    ) + para(
        run("فقرة مخفية") + run(" إلا هذا", '<w:vanish w:val="false"/>'), "ف", style="HiddenPara"
    )
    assert _texts(_parse(body, styles=styles)) == ["ظاهر ظاهر رغم", "إلا هذا"]


def test_tables_with_tracked_rows_controls_and_merged_cells() -> None:
    def cell(text: str, props: str = "") -> str:
        return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{para(run(text), text)}</w:tc>"

    rev = 'w:id="7" w:author="م" w:date="2024-01-01T00:00:00Z"'
    span, restart = '<w:gridSpan w:val="2"/>', '<w:vMerge w:val="restart"/>'
    body = (
        "<w:tbl><w:tblPr/>"
        f"<w:tr>{cell('السنة')}{cell('المبلغ')}</w:tr>"
        f"<w:tr><w:trPr><w:del {rev}/></w:trPr>{cell('صف محذوف')}{cell('0')}</w:tr>"
        f"<w:tr><w:trPr><w:ins {rev}/></w:trPr>{cell('2024')}"
        f"<w:sdt><w:sdtPr/><w:sdtContent>{cell('مليار دولار 💰')}</w:sdtContent></w:sdt></w:tr>"
        f"<w:tr>{cell('عمود مدمج', span)}</w:tr>"
        f"<w:tr>{cell('فوق', restart)}{cell('A')}</w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
        f"{cell('B')}</w:tr>"
        "</w:tbl>"
    )
    doc = _parse(body)
    assert _texts(doc) == [
        "السنة | المبلغ",
        "2024 | مليار دولار 💰",
        "عمود مدمج",
        "فوق | A",
        "B",
    ]
    assert doc.remarks == (Remark("import.remark_revisions", {"insertions": 1, "deletions": 1}),)


def test_deleted_paragraph_marks_join_paragraphs_and_take_the_last_ones_style() -> None:
    rev = 'w:id="3" w:author="م" w:date="2024-01-01T00:00:00Z"'
    body = (
        para(run("عنوان قديم"), "ع", style="Heading1", mark=f"<w:del {rev}/>")
        + para(run(" يتبعه نص"), "ي")
        + para(run("آخر فقرة"), "آ", mark=f"<w:del {rev}/>")
    )
    doc = _parse(body)
    assert [(p.kind, p.text) for p in doc.paragraphs] == [
        ("body", "عنوان قديم يتبعه نص"),
        ("body", "آخر فقرة"),
    ]
    assert doc.remarks == (Remark("import.remark_revisions", {"insertions": 0, "deletions": 2}),)


def _comment(cid: str, text: str, author: str = "ليلى") -> str:
    return (
        f'<w:comment w:id="{cid}" w:author="{author}" w:date="2024-05-01T08:00:00+03:00"'
        f' w:initials="ل">{para("<w:r><w:annotationRef/></w:r>" + run(text), text)}</w:comment>'
    )


def _ref(cid: str) -> str:
    return f'<w:r><w:commentReference w:id="{cid}"/></w:r>'


def test_comment_quotes_follow_the_cleaned_text() -> None:
    """Spaces collapsed, harakat, a range in a table, a point comment, a range in a note."""
    body = (
        para(
            run("أعلن    ")
            + '<w:commentRangeStart w:id="1"/>'
            + run("  الوَزِيرُ   ")
            + run("\tخطة 🌸")
            + '<w:commentRangeEnd w:id="1"/>'
            + _ref("1")
            + run("  جديدة")
            + '<w:r><w:footnoteReference w:id="1"/></w:r>',
            "أ",
        )
        + "<w:tbl><w:tblPr/><w:tr><w:tc>"
        + para(run("الخلية الأولى"), "ا")
        + "</w:tc><w:tc>"
        + para(
            '<w:commentRangeStart w:id="2"/>'
            + run("Bank")
            + '<w:commentRangeEnd w:id="2"/>'
            + _ref("2"),
            "B",
        )
        + "</w:tc></w:tr></w:tbl>"
        + para(run("تعليق على نقطة") + _ref("3"), "ت")
    )
    footnote = (
        '<w:footnote w:id="1">'
        + para(
            "<w:r><w:footnoteRef/></w:r>"
            + run(" المصدر ")
            + '<w:commentRangeStart w:id="4"/>'
            + run("وكالة الأنباء")
            + '<w:commentRangeEnd w:id="4"/>'
            + _ref("4"),
            "ا",
        )
        + "</w:footnote>"
    )
    comments = (
        _comment("1", "ما مصدر هذا؟")
        + _comment("2", "which bank?", "Omar")
        + _comment("3", "نقطة")
        + _comment("4", "تأكد")
    )
    doc = _parse(body, comments=comments, footnotes=footnote)
    assert _texts(doc) == [
        "أعلن الوَزِيرُ خطة 🌸 جديدة",
        "الخلية الأولى | Bank",
        "تعليق على نقطة",
        "1. المصدر وكالة الأنباء",
    ]
    when = "2024-05-01T05:00:00Z"
    assert doc.comments == (
        ImportedComment("الوَزِيرُ خطة 🌸", "ما مصدر هذا؟", "ليلى", when, 0),
        ImportedComment("Bank", "which bank?", "Omar", when, 1),
        ImportedComment("", "نقطة", "ليلى", when, 2),
        ImportedComment("وكالة الأنباء", "تأكد", "ليلى", when, 3),
    )


def test_comment_on_deleted_text_and_across_a_joined_paragraph() -> None:
    rev = 'w:id="9" w:author="م" w:date="2024-01-01T00:00:00Z"'
    body = para(
        run("قبل ")
        + f'<w:del {rev}><w:commentRangeStart w:id="1"/>'
        + "<w:r><w:delText>محذوف</w:delText></w:r></w:del>"
        + run("بعد")
        + '<w:commentRangeEnd w:id="1"/>'
        + _ref("1"),
        "ق",
        mark=f"<w:del {rev}/>",
    ) + para(run(" التتمة"), "ا")
    doc = _parse(body, comments=_comment("1", "لماذا حذف؟"))
    assert _texts(doc) == ["قبل بعد التتمة"]
    assert doc.comments[0].quote == "بعد"


@pytest.mark.parametrize(
    ("props_title", "title"),
    [
        ("Document1", "الحكومة تعلن خطة"),  # stale: not in the text, a heading exists
        ("خطة لدعم المزارعين", "خطة لدعم المزارعين"),  # in the text (harakat aside)
        ("", "الحكومة تعلن خطة"),
    ],
)
def test_title_from_properties_only_when_the_text_has_it(props_title: str, title: str) -> None:
    body = para(run("الحكومة تعلن خطة"), "ا", style="Heading1") + para(
        run("أعلنت الحكومة خُطَّة لدعم المزارعين"), "أ"
    )
    assert _parse(body, title=props_title).title == title


def test_title_from_properties_when_there_is_no_heading() -> None:
    body = para(run("أعلنت الحكومة خطة لدعم المزارعين"), "أ")
    assert _parse(body, title="تقرير الزراعة").title == "تقرير الزراعة"


def test_outline_level_9_is_body_text_and_numbering_zero_no_list() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="a1"><w:name w:val="عنوان رئيسي"/>'
        '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    )
    body = (
        para(run("عنوان"), "ع", style="a1")
        + para(run("نص بمستوى"), "ن", style="a1", ppr='<w:outlineLvl w:val="9"/>')
        + para(
            run("ليست قائمة"), "ل", ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'
        )
        + para(run("بند"), "ب", ppr='<w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr>')
    )
    doc = _parse(body, styles=styles)
    assert [(p.kind, p.level) for p in doc.paragraphs] == [
        ("heading", 1),
        ("body", 0),
        ("body", 0),
        ("list", 2),
    ]


# -- through the library -------------------------------------------------------------------------


@pytest.mark.parametrize("name", SOURCES)
def test_library_import_makes_highlighted_notes(tmp_path: Path, name: str) -> None:
    case = _cases(name)["comments"]
    path = tmp_path / f"{name}.docx"
    path.write_bytes(case.generated.data)
    with Library(tmp_path / "lib") as lib:
        result = lib.import_file(path)
        assert result.status == "imported", result.error
        assert [r.code for r in result.remarks] == [
            "import.remark_revisions",
            "import.remark_comments",
        ]
        aid = result.article_id
        assert aid is not None
        text = lib.get_article(aid).text
        highlights = lib.highlights(aid)
        assert len(highlights) == len(case.comments)
        for h, c in zip(highlights, case.comments, strict=True):
            assert text[h.start : h.end] == h.exact == c.quote
            assert c.body in h.note and c.author in h.note
            assert not h.orphaned
        # The first comment is on words 2 to 4 of the first body paragraph.
        first = SOURCES[name].paragraphs[0].split()[1:4]
        assert highlights[0].exact.split() == first


# -- LibreOffice opens every generated file ------------------------------------------------------


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_every_generated_file(tmp_path: Path) -> None:
    files = []
    for name in SOURCES:
        for case in _cases(name).values():
            path = tmp_path / case.generated.name
            path.write_bytes(case.generated.data)
            files.append((path, case))
    out = tmp_path / "out"
    with tempfile.TemporaryDirectory(prefix="hamish-lo-") as profile:
        subprocess.run(
            [
                str(SOFFICE),
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "txt:Text",
                "--outdir",
                str(out),
                *(str(p) for p, _ in files),
            ],
            check=True,
            capture_output=True,
            timeout=240,
        )
    for path, case in files:
        shown = (out / f"{path.stem}.txt").read_text(encoding="utf-8-sig")
        # LibreOffice's text shows the body (text boxes and notes aside): the headline is there.
        assert " ".join(words(case.title)) in " ".join(words(unicodedata.normalize("NFC", shown)))
