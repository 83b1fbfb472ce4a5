"""EPUB import: spine order, headings, exact text, metadata, damaged, DRM and oversized books."""

from __future__ import annotations

import io
import random
import time
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers import FORMATS, epub, parse_bytes
from desktop_app.core.library import Library
from desktop_app.core.models import ImportedDocument

CORRUPT = "import.epub_corrupt"
DRM = "import.epub_drm"
XHTML = "http://www.w3.org/1999/xhtml"
BOOK_TITLE = "كتاب الطاقة والسياسة"

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="{opf}" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>"""


def page(body: str, title: str = "", lang: str = "ar", doctype: str = "<!DOCTYPE html>") -> str:
    """An XHTML content document."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
{doctype}
<html xmlns="{XHTML}" xmlns:epub="http://www.idpf.org/2007/ops" lang="{lang}" xml:lang="{lang}">
<head><title>{title}</title><style>p {{ margin: 0 }}</style>
<script>var hidden = "نص في سكربت";</script></head>
<body>
{body}
</body>
</html>"""


def opf(
    manifest: list[tuple[str, str, str, str]],
    spine: list[tuple[str, bool]],
    metadata: str,
    version: str = "3.0",
    toc: str = "",
    guide: str = "",
) -> str:
    """A package document: manifest rows (id, href, media type, properties), spine (id, linear)."""
    items = "\n".join(
        f'<item id="{i}" href="{h}" media-type="{t}"' + (f' properties="{p}"' if p else "") + "/>"
        for i, h, t, p in manifest
    )
    refs = "\n".join(
        f'<itemref idref="{i}"' + ("" if linear else ' linear="no"') + "/>" for i, linear in spine
    )
    toc_attr = f' toc="{toc}"' if toc else ""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="{version}" unique-identifier="uid">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
<dc:identifier id="uid">urn:uuid:0d3f7a52-6c1e-4a8e-9d6b-hamish</dc:identifier>
{metadata}
</metadata>
<manifest>
{items}
</manifest>
<spine{toc_attr}>
{refs}
</spine>
{guide}
</package>"""


def zip_epub(files: dict[str, str | bytes], opf_path: str = "OEBPS/content.opf") -> bytes:
    """An EPUB zip: the mimetype entry first and stored, then container.xml and the files."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml", CONTAINER.format(opf=opf_path))
        for name, body in files.items():
            z.writestr(name, body)
    return out.getvalue()


# -- the Arabic book: a nav document, three chapters in a spine order unlike the file names ------

CH1 = [
    ("heading", 1, "الفصل الأول: السياسة"),
    ("body", 0, "قال المتحدث إن OPEC+ ستجتمع الأسبوع المقبل في فيينا."),
    ("body", 0, "قَالَ الوَزِيرُ إن الخطة جاهزة 📌 للتنفيذ."),
    ("body", 0, "السطر الأول السطر الثاني"),
    ("quote", 0, "هذه الخطة هي الأكبر منذ عشرين عاماً."),
    ("list", 1, "بناء ثلاثة سدود"),
    ("list", 1, "تحديث شبكات الري"),
    ("list", 2, "في المحافظات الجنوبية"),
    ("heading", 2, "التفاصيل"),
    ("body", 0, "نصٌ في div مباشرة"),
    ("body", 0, "ونصٌ آخر بعده"),
    ("body", 0, "كتب الباحث نامه‌ها بالفارسية مع فاصل ZWNJ."),
]
CH1_XHTML = page(
    """<section epub:type="chapter">
<h1>الفصل الأول: <span>السياسة</span></h1>
<p>قال المتحدث إن OPEC+ ستجتمع
   الأسبوع المقبل في فيينا.</p>
<p>قَالَ الوَزِيرُ إن الخطة <em>جاهزة</em> 📌 للتنفيذ.<span epub:type="pagebreak" title="12">12</span></p>
<p>السطر الأول<br/>السطر الثاني</p>
<blockquote><p>هذه الخطة هي الأكبر منذ عشرين عاماً.</p></blockquote>
<ul><li>بناء ثلاثة سدود</li><li>تحديث شبكات الري<ul><li>في المحافظات الجنوبية</li></ul></li></ul>
<h2>التفاصيل</h2>
<div>نصٌ في div مباشرة</div><div>ونصٌ آخر بعده</div>
<script>document.write("لا يظهر");</script>
<p>كتب الباحث نامه\u200cها بالفارسية مع فاصل ZWNJ.</p>
</section>""",
    title="الفصل الأول",
)
# No h1/h2: the chapter opens with its <title> as a heading (not the nav label "الاقتصاد").
CH2 = [
    ("heading", 1, "الفصل الثاني"),
    ("body", 0, "Reuters reported that «الاتفاق النهائي» was signed in Vienna."),
    ("heading", 3, "ملاحظة"),
    ("body", 0, "السنة | المبلغ"),
    ("body", 0, "2024 | مليار دولار"),
]
CH2_XHTML = page(
    """<p>Reuters reported that «الاتفاق النهائي» was signed in Vienna.</p>
<h3>ملاحظة</h3>
<table><tr><th>السنة</th><th>المبلغ</th></tr><tr><td>2024</td><td>مليار <b>دولار</b></td></tr></table>""",
    title="الفصل الثاني",
)
# Its <title> is only the book's title: the nav label names the chapter.
CH3 = [
    ("heading", 1, "الخاتمة"),
    ("body", 0, "وفي الختام، أكد التقرير أهمية التعاون الإقليمي 🌍."),
]
CH3_XHTML = page("<p>وفي الختام، أكد التقرير أهمية التعاون الإقليمي 🌍.</p>", title=BOOK_TITLE)
NOTES_XHTML = page("<h1>ملحق غير خطي</h1><p>لا يظهر هذا النص في القراءة.</p>")
NAV_XHTML = page(
    """<h1>المحتويات</h1>
<nav epub:type="toc" id="toc">
<ol>
<li><a href="Text/z_first.xhtml">السياسة</a></li>
<li><a href="Text/a_second.xhtml#start">الاقتصاد</a></li>
<li><a href="Text/m_third.xhtml">الخاتمة</a></li>
</ol></nav>""",
    title="المحتويات",
)
META_AR = f"""<dc:title>{BOOK_TITLE}</dc:title>
<dc:creator>سارة علي</dc:creator>
<dc:creator>أحمد حسن</dc:creator>
<dc:date>2024-03-05</dc:date>
<dc:publisher>دار الهامش للنشر</dc:publisher>
<dc:language>{{lang}}</dc:language>
<meta property="dcterms:modified">2024-04-01T10:00:00Z</meta>"""


def arabic_book(
    lang: str = "ar",
    metadata: str | None = None,
    chapters: dict[str, str] | None = None,
    extra: dict[str, str | bytes] | None = None,
) -> bytes:
    """The Arabic test book; chapters replaces the content of z_first / a_second / m_third."""
    texts = {"z_first": CH1_XHTML, "a_second": CH2_XHTML, "m_third": CH3_XHTML}
    texts.update(chapters or {})
    xhtml = "application/xhtml+xml"
    manifest = [
        ("third", "Text/m_third.xhtml", xhtml, ""),
        ("notes", "Text/notes.xhtml", xhtml, ""),
        ("first", "Text/z_first.xhtml", xhtml, ""),
        ("nav", "nav.xhtml", xhtml, "nav"),
        ("second", "Text/a_second.xhtml", xhtml, ""),
        ("cover-image", "Images/cover.jpg", "image/jpeg", "cover-image"),
    ]
    spine = [("nav", True), ("first", True), ("second", True), ("notes", False), ("third", True)]
    files: dict[str, str | bytes] = {
        "OEBPS/content.opf": opf(
            manifest, spine, (META_AR if metadata is None else metadata).format(lang=lang)
        ),
        "OEBPS/nav.xhtml": NAV_XHTML,
        "OEBPS/Text/notes.xhtml": NOTES_XHTML,
        "OEBPS/Images/cover.jpg": b"\xff\xd8\xff\xe0 not really a jpeg",
    }
    files.update({f"OEBPS/Text/{stem}.xhtml": body for stem, body in texts.items()})
    files.update(extra or {})
    return zip_epub(files)


def rows(doc: ImportedDocument) -> list[tuple[str, int, str]]:
    return [(p.kind, p.level, p.text) for p in doc.paragraphs]


def failure_code(data: bytes, name: str = "book.epub") -> str:
    with pytest.raises(ImportFailed) as err:
        parse_bytes(data, name)
    return err.value.code


def test_epub_is_in_the_importer_table() -> None:
    assert FORMATS[".epub"].name == "epub"
    assert FORMATS[".epub"].module == "desktop_app.core.importers.epub"


def test_arabic_book_word_for_word_in_spine_order() -> None:
    expected = CH1 + CH2 + CH3
    # "Exactly as written" means as written in NFC: build_paragraphs normalises, nothing more.
    assert all(unicodedata.is_normalized("NFC", text) for _, _, text in expected)
    doc = parse_bytes(arabic_book(), "000123.epub")
    assert rows(doc) == [(kind, level, text) for kind, level, text in expected]
    assert doc.format == "epub"
    assert doc.paragraphs[1].direction == "rtl"


def test_nothing_outside_the_reading_order_is_imported() -> None:
    text = "\n".join(p.text for p in parse_bytes(arabic_book(), "b.epub").paragraphs)
    for absent in ("المحتويات", "لا يظهر", "ملحق غير خطي", "نص في سكربت", "margin", "12"):
        assert absent not in text
    assert "\u200c" in text and "📌" in text and "قَالَ الوَزِيرُ" in text


def test_a_nav_document_with_text_of_its_own_keeps_the_text_not_the_list() -> None:
    xhtml = "application/xhtml+xml"
    nav = page(
        '<h1>تمهيد</h1><p>كتب هذا التمهيد للطبعة الثانية.</p><nav epub:type="toc"><ol>'
        '<li><a href="one.xhtml">الفصل الوحيد</a></li></ol></nav>'
    )
    data = zip_epub(
        {
            "content.opf": opf(
                [("nav", "nav.xhtml", xhtml, "nav"), ("one", "one.xhtml", xhtml, "")],
                [("nav", True), ("one", True)],
                "<dc:title>كتاب قصير</dc:title>",
            ),
            "nav.xhtml": nav,
            "one.xhtml": page("<p>متن الفصل الوحيد.</p>"),
        },
        opf_path="content.opf",
    )
    assert rows(parse_bytes(data, "short.epub")) == [
        ("heading", 1, "تمهيد"),
        ("body", 0, "كتب هذا التمهيد للطبعة الثانية."),
        ("heading", 1, "الفصل الوحيد"),
        ("body", 0, "متن الفصل الوحيد."),
    ]


def test_arabic_metadata() -> None:
    doc = parse_bytes(arabic_book(), "000123.epub")
    assert doc.title == BOOK_TITLE
    assert doc.author == "سارة علي، أحمد حسن"
    assert doc.published == "2024-03-05"
    assert doc.source == "دار الهامش للنشر"
    assert doc.language == "ar"


@pytest.mark.parametrize(
    "value, expected",
    [("2021", "2021"), ("2019-07", "2019-07"), ("2020-01-02T10:00:00Z", "2020-01-02"), ("", "")],
)
def test_publication_dates(value: str, expected: str) -> None:
    meta = f"<dc:title>{BOOK_TITLE}</dc:title><dc:date>{value}</dc:date>"
    assert parse_bytes(arabic_book(metadata=meta), "b.epub").published == expected


def test_language_comes_from_the_text_not_a_wrong_dc_language() -> None:
    # Editors leave "en" in Arabic books; the text decides, as in the other importers.
    assert parse_bytes(arabic_book(lang="en"), "b.epub").language == "ar"
    # Arabic, Persian and Urdu are told apart by their letters: Arabic text marked fa-IR is
    # Arabic; a hint of a language the letters cannot tell (Pashto) names it.
    assert parse_bytes(arabic_book(lang="fa-IR"), "b.epub").language == "ar"
    assert parse_bytes(arabic_book(lang="ps"), "b.epub").language == "ps"


ENGLISH_CHAPTERS = [
    ("heading", 1, "Chapter One"),
    ("body", 0, "The minister said the agreement serves both countries 📌."),
    ("body", 0, "Analysts expect OPEC+ to extend the cuts until December."),
]


def english_book(lang: str) -> bytes:
    xhtml = "application/xhtml+xml"
    chapter = page(
        "<h1>Chapter One</h1><p>The minister said the agreement serves both countries 📌.</p>"
        "<p>Analysts expect <i>OPEC+</i> to extend the cuts until December.</p>",
        title="One",
        lang="en",
    )
    meta = (
        "<dc:title>Energy Politics</dc:title><dc:creator>Jane Doe</dc:creator>"
        "<dc:creator>John Roe</dc:creator>"
        f"<dc:language>{lang}</dc:language>"
    )
    return zip_epub(
        {
            "content.opf": opf([("c1", "one.xhtml", xhtml, "")], [("c1", True)], meta),
            "one.xhtml": chapter,
        },
        opf_path="content.opf",
    )


@pytest.mark.parametrize("lang, expected", [("en", "en"), ("ar", "en"), ("fr-FR", "fr")])
def test_english_book(lang: str, expected: str) -> None:
    doc = parse_bytes(english_book(lang), "energy.epub")
    assert rows(doc) == ENGLISH_CHAPTERS
    assert (doc.title, doc.author, doc.language) == (
        "Energy Politics",
        "Jane Doe, John Roe",
        expected,
    )


def epub2_book() -> bytes:
    """An EPUB 2 book: an NCX, no nav document, a contents page in the spine, opf:event dates."""
    xhtml = "application/xhtml+xml"
    ncx = """<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
<head><meta name="dtb:uid" content="x"/></head>
<docTitle><text>تقرير</text></docTitle>
<navMap>
<navPoint id="p1" playOrder="1"><navLabel><text>المقدمة</text></navLabel>
<content src="text/intro.html"/></navPoint>
<navPoint id="p2" playOrder="2"><navLabel><text>الفصل الأول: المياه</text></navLabel>
<content src="text/water.html#top"/></navPoint>
</navMap>
</ncx>"""
    doctype = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" '
        '"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">'
    )
    meta = """<dc:title>تقرير المياه</dc:title>
<dc:creator opf:role="aut" opf:file-as="علي، سارة">سارة علي</dc:creator>
<dc:date opf:event="modification">2023-11-20</dc:date>
<dc:date opf:event="publication">2019-06</dc:date>
<dc:publisher>مركز الدراسات</dc:publisher>
<dc:language>ar</dc:language>"""
    return zip_epub(
        {
            "OPS/book.opf": opf(
                [
                    ("ncx", "toc.ncx", "application/x-dtbncx+xml", ""),
                    ("contents", "text/contents.html", xhtml, ""),
                    ("intro", "text/intro.html", xhtml, ""),
                    ("water", "text/water.html", xhtml, ""),
                ],
                [("contents", True), ("intro", True), ("water", True)],
                meta,
                version="2.0",
                toc="ncx",
                guide='<guide><reference type="toc" title="المحتويات" href="text/contents.html"/>'
                "</guide>",
            ),
            "OPS/toc.ncx": ncx,
            # A table of contents page: only links and a heading, left out of the text.
            "OPS/text/contents.html": page(
                '<h1>المحتويات</h1><p><a href="intro.html">المقدمة</a></p>'
                '<p><a href="water.html">الفصل الأول: المياه</a> <a href="water.html#n">١</a></p>',
                title="المحتويات",
            ),
            # The XHTML 1.1 doctype leaves &nbsp; to the (never loaded) DTD.
            "OPS/text/intro.html": page(
                "<p>تمهيد&nbsp;قصير عن أزمة المياه.</p>", title="تقرير المياه", doctype=doctype
            ),
            "OPS/text/water.html": page(
                "<h2>المياه الجوفية</h2><p>انخفض منسوب المياه الجوفية بنسبة ٣٠٪.</p>",
                title="water",
                doctype=doctype,
            ),
        },
        opf_path="OPS/book.opf",
    )


def test_epub2_with_ncx_and_no_nav() -> None:
    doc = parse_bytes(epub2_book(), "water.epub")
    # Both chapter headings are h2 or NCX labels: the added one ranks with the book's own.
    assert rows(doc) == [
        ("heading", 2, "المقدمة"),
        ("body", 0, "تمهيد قصير عن أزمة المياه."),
        ("heading", 2, "المياه الجوفية"),
        ("body", 0, "انخفض منسوب المياه الجوفية بنسبة ٣٠٪."),
    ]
    assert (doc.title, doc.author, doc.source) == ("تقرير المياه", "سارة علي", "مركز الدراسات")
    assert doc.published == "2019-06"  # the publication date, not the later modification
    assert doc.language == "ar"


ENCODED_ARABIC = "%D9%86%D8%B5%20%D8%A7%D9%84%D9%81%D8%B5%D9%84.xhtml"  # "نص الفصل.xhtml"


def encoded_book() -> bytes:
    """Hrefs percent-encoded, relative to a package in a subfolder, one in the wrong case."""
    xhtml = "application/xhtml+xml"
    nav = page(
        f'<nav epub:type="toc"><ol><li><a href="../Text/{ENCODED_ARABIC}#s1">الفصل المرمز</a>'
        "</li></ol></nav>"
    )
    files: dict[str, str | bytes] = {
        "OPS/pkg/content.opf": opf(
            [
                ("nav", "../nav/toc.xhtml", xhtml, "nav"),
                ("c1", "../Text/chapter%201.xhtml", xhtml, ""),
                ("c2", f"../Text/{ENCODED_ARABIC}", xhtml, ""),
                ("c3", "../Text/Notes.XHTML", xhtml, ""),
            ],
            [("c1", True), ("c2", True), ("c3", True)],
            "<dc:title>روابط مرمزة</dc:title><dc:language>ar</dc:language>",
        ),
        "OPS/nav/toc.xhtml": nav,
        "OPS/Text/chapter 1.xhtml": page("<h1>البداية</h1><p>نص الفصل ذي المسافة في اسمه.</p>"),
        "OPS/Text/نص الفصل.xhtml": page("<p>نص الفصل ذي الاسم العربي.</p>"),
        "OPS/Text/notes.xhtml": page("<h1>ملاحظات</h1><p>اسم الملف بحروف صغيرة.</p>"),
    }
    return zip_epub(files, opf_path="OPS/pkg/content.opf")


ENCODED_ROWS = [
    ("heading", 1, "البداية"),
    ("body", 0, "نص الفصل ذي المسافة في اسمه."),
    ("heading", 1, "الفصل المرمز"),
    ("body", 0, "نص الفصل ذي الاسم العربي."),
    ("heading", 1, "ملاحظات"),
    ("body", 0, "اسم الملف بحروف صغيرة."),
]


def test_percent_encoded_hrefs_and_a_package_in_a_subfolder() -> None:
    assert rows(parse_bytes(encoded_book(), "encoded.epub")) == ENCODED_ROWS


def without_utf8_name_flags(data: bytes) -> bytes:
    """The zip as old tools write it: UTF-8 names without the flag that says so."""
    out = bytearray(data)
    z = zipfile.ZipFile(io.BytesIO(data))

    def clear(flag_at: int) -> None:
        flags = int.from_bytes(out[flag_at : flag_at + 2], "little")
        out[flag_at : flag_at + 2] = (flags & ~0x800).to_bytes(2, "little")

    for info in z.infolist():  # the local headers
        assert out[info.header_offset : info.header_offset + 4] == b"PK\x03\x04"
        clear(info.header_offset + 6)
    pos = z.start_dir
    while out[pos : pos + 4] == b"PK\x01\x02":  # the central directory
        clear(pos + 8)
        name_len, extra_len, comment_len = (
            int.from_bytes(out[pos + i : pos + i + 2], "little") for i in (28, 30, 32)
        )
        pos += 46 + name_len + extra_len + comment_len
    return bytes(out)


def test_utf8_names_stored_without_their_flag() -> None:
    data = without_utf8_name_flags(encoded_book())
    assert "OPS/Text/نص الفصل.xhtml" not in zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert rows(parse_bytes(data, "old-tool.epub")) == ENCODED_ROWS


def test_html_entities_without_a_doctype_and_unclosed_tags() -> None:
    # Not well-formed XML: read as HTML, so the text is still there word for word.
    sloppy = page("<p>الخطة&nbsp;جاهزة<p>وقال الوزير إنها &laquo;نهائية&raquo;<br>تماماً</p>")
    doc = parse_bytes(arabic_book(chapters={"a_second": sloppy}), "b.epub")
    chapter2 = rows(doc)[len(CH1) : len(CH1) + 3]
    assert chapter2 == [
        ("heading", 1, "الاقتصاد"),  # no <title>: the nav label
        ("body", 0, "الخطة جاهزة"),
        ("body", 0, "وقال الوزير إنها «نهائية» تماماً"),
    ]


def test_entities_are_never_expanded_or_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("كلمة سر", encoding="utf-8")
    external = f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html [<!ENTITY ext SYSTEM "file://{secret}">]>
<html xmlns="{XHTML}"><head><title>خارجي</title></head>
<body><h1>فصل آمن</h1><p>قبل &ext; بعد</p></body></html>"""
    doc = parse_bytes(arabic_book(chapters={"m_third": external}), "b.epub")
    assert rows(doc)[-2:] == [("heading", 1, "فصل آمن"), ("body", 0, "قبل بعد")]


def test_entity_bomb_is_not_expanded() -> None:
    lols = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    bomb = f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html [<!ENTITY l0 "lol">{lols}]>
<html xmlns="{XHTML}"><head><title>قنبلة</title></head>
<body><h1>فصل آمن</h1><p>قبل &l9; بعد</p></body></html>"""
    started = time.monotonic()
    doc = parse_bytes(arabic_book(chapters={"m_third": bomb}), "b.epub")
    assert time.monotonic() - started < 5
    # libxml2 refuses the declarations; read as HTML, the reference stays as it was written.
    assert rows(doc)[-2:] == [("heading", 1, "فصل آمن"), ("body", 0, "قبل &l9; بعد")]


def test_a_chapter_titled_by_its_own_first_heading_gets_no_second_one() -> None:
    notes = page("<h3>ملاحظات المحرر</h3><p>راجع المحرر النص.</p>", title="ملاحظات المحرر")
    doc = parse_bytes(arabic_book(chapters={"m_third": notes}), "b.epub")
    assert rows(doc)[len(CH1 + CH2) :] == [
        ("heading", 3, "ملاحظات المحرر"),
        ("body", 0, "راجع المحرر النص."),
    ]


def test_title_falls_back_to_the_first_heading_then_the_file_name() -> None:
    no_title = "<dc:language>ar</dc:language>"
    assert parse_bytes(arabic_book(metadata=no_title), "x1.epub").title == "الفصل الأول: السياسة"
    bare = zip_epub(
        {
            "content.opf": opf(
                [("c", "c.xhtml", "application/xhtml+xml", "")], [("c", True)], no_title
            ),
            "c.xhtml": page("<p>نص بلا عنوان ولا رأس.</p>"),
        },
        opf_path="content.opf",
    )
    assert parse_bytes(bare, "تقرير الربع الأول.epub").title == "تقرير الربع الأول"


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9, 0.99])
def test_truncated_epub(cut: float) -> None:
    data = arabic_book()
    assert failure_code(data[: int(len(data) * cut)]) == CORRUPT


def test_not_a_zip() -> None:
    assert failure_code("هذا ليس كتاباً بل نص عادي".encode()) == CORRUPT
    assert str(pytest.raises(ImportFailed, parse_bytes, b"PK not a zip", "x.epub").value) == (
        "corrupt or truncated EPUB file"
    )


def test_missing_container_or_package() -> None:
    no_container = io.BytesIO()
    with zipfile.ZipFile(no_container, "w") as z:
        z.writestr("mimetype", "application/epub+zip")
        z.writestr("OEBPS/content.opf", "<package/>")
    assert failure_code(no_container.getvalue()) == CORRUPT
    assert failure_code(zip_epub({"OEBPS/other.opf": "<package/>"})) == CORRUPT
    assert failure_code(zip_epub({"OEBPS/content.opf": b"\x00\x01\x02 binary"})) == CORRUPT


def test_damaged_chapter_data() -> None:
    good = arabic_book()
    src = zipfile.ZipFile(io.BytesIO(good))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
    data = bytearray(out.getvalue())
    # Flip bytes inside the deflated data of a chapter: a CRC or zlib error when it is read.
    offset = data.find(b"Text/z_first.xhtml") + len("Text/z_first.xhtml") + 40
    data[offset : offset + 20] = bytes(20)
    assert failure_code(bytes(data)) == CORRUPT


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Names of the zip entries opened for reading."""
    names: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self: zipfile.ZipFile, name: Any, *args: Any, **kwargs: Any) -> Any:
        if (args[0] if args else kwargs.get("mode", "r")) == "r":  # not the test's own writes
            names.append(name.filename if isinstance(name, zipfile.ZipInfo) else name)
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    yield names


NOISE = random.Random(7).randbytes(3000)
ENCRYPTION = """<?xml version="1.0" encoding="UTF-8"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
  xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
<enc:EncryptedData>
<enc:EncryptionMethod Algorithm="{algorithm}"/>
<enc:CipherData><enc:CipherReference URI="{uri}"/></enc:CipherData>
</enc:EncryptedData>
</encryption>"""


def test_encrypted_content_is_drm(opened: list[str]) -> None:
    data = arabic_book(
        chapters={"z_first": NOISE},  # what an encrypted chapter looks like
        extra={
            "META-INF/encryption.xml": ENCRYPTION.format(
                algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc",
                uri="OEBPS/Text/z_first.xhtml",
            ),
            "META-INF/rights.xml": "<rights/>",
        },
    )
    assert failure_code(data) == DRM
    assert "META-INF/encryption.xml" in opened
    assert not any(name.startswith("OEBPS/Text/") for name in opened)  # known before reading
    with pytest.raises(ImportFailed, match=r"^this EPUB is protected \(DRM\)"):
        parse_bytes(data, "locked.epub")


def test_obfuscated_fonts_are_not_drm() -> None:
    data = arabic_book(
        extra={
            "META-INF/encryption.xml": ENCRYPTION.format(
                algorithm="http://www.idpf.org/2008/embedding", uri="OEBPS/Fonts/Amiri.ttf"
            ),
            "OEBPS/Fonts/Amiri.ttf": NOISE[:500],
        }
    )
    assert rows(parse_bytes(data, "fonts.epub")) == CH1 + CH2 + CH3


def test_unreadable_chapter_beside_obfuscated_fonts_is_corrupt_not_drm() -> None:
    fonts_only = ENCRYPTION.format(
        algorithm="http://www.idpf.org/2008/embedding", uri="OEBPS/Fonts/Amiri.ttf"
    )
    data = arabic_book(chapters={"a_second": NOISE}, extra={"META-INF/encryption.xml": fonts_only})
    assert failure_code(data) == CORRUPT


def test_zip_bomb_entry_is_refused_unread(
    monkeypatch: pytest.MonkeyPatch, opened: list[str]
) -> None:
    huge = page("<p>" + "ا" * 100_000 + "</p>")  # 200 kB that deflate to a few hundred bytes
    data = arabic_book(chapters={"a_second": huge})
    assert len(data) < 20_000
    monkeypatch.setattr(epub, "MAX_ENTRY_BYTES", 20_000)
    assert failure_code(data) == "import.part_too_large"
    assert "OEBPS/content.opf" in opened  # the limit let the small entries through
    assert "OEBPS/Text/a_second.xhtml" not in opened
    monkeypatch.setattr(epub, "MAX_ENTRY_BYTES", 300_000)
    assert rows(parse_bytes(data, "b.epub"))[len(CH1) + 1] == ("body", 0, "ا" * 100_000)


def test_book_text_over_the_limit_is_refused_before_reading(
    monkeypatch: pytest.MonkeyPatch, opened: list[str]
) -> None:
    data = arabic_book()
    spine = ["nav.xhtml", "Text/z_first.xhtml", "Text/a_second.xhtml", "Text/m_third.xhtml"]
    sizes = {i.filename: i.file_size for i in zipfile.ZipFile(io.BytesIO(data)).infolist()}
    # All but the last byte fits: a reader that checked only as it went would open chapters.
    monkeypatch.setattr(epub, "MAX_TEXT_BYTES", sum(sizes[f"OEBPS/{p}"] for p in spine) - 1)
    assert failure_code(data) == "import.part_too_large"
    assert not any(name.startswith("OEBPS/Text/") for name in opened)
    monkeypatch.setattr(epub, "MAX_TEXT_BYTES", sum(sizes[f"OEBPS/{p}"] for p in spine))
    assert rows(parse_bytes(data, "b.epub")) == CH1 + CH2 + CH3


def test_folder_import_stores_the_book(tmp_path: Path) -> None:
    folder = tmp_path / "books"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "energy.epub").write_bytes(arabic_book())
    (folder / "broken.epub").write_bytes(b"PK\x03\x04 truncated")
    (folder / "note.txt").write_text("ملاحظة قصيرة عن الكتاب.", encoding="utf-8")
    lib = Library(tmp_path / "lib")
    try:
        results = {Path(r.path).name: r for r in lib.import_paths([folder])}
        assert set(results) == {"energy.epub", "broken.epub", "note.txt"}
        book = results["energy.epub"]
        assert book.status == "imported" and book.article_id is not None
        article = lib.get_article(book.article_id)
        assert article.title == BOOK_TITLE
        assert (article.format, article.language, article.author) == (
            "epub",
            "ar",
            "سارة علي، أحمد حسن",
        )
        assert [p.text for p in article.paragraphs] == [t for _, _, t in CH1 + CH2 + CH3]
        assert results["broken.epub"].status == "failed"
        assert results["broken.epub"].error_code == CORRUPT
    finally:
        lib.close()
