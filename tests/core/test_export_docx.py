"""Word export, read back paragraph by paragraph and run by run, and validated against the schema."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from desktop_app.core.briefings import BriefingService
from desktop_app.core.export import ExportFailed
from desktop_app.core.export.docx_builder import build_docx, export_docx
from desktop_app.core.library import Library
from desktop_app.core.text.direction import detect_direction
from tests.core.export_checks import (
    NS,
    make_briefing,
    paragraph_text,
    schemas_available,
    validation_errors,
    wml_parts,
)

ARABIC = re.compile("[\u0600-\u06ff]")
LATIN = re.compile("[A-Za-z]")
LRM = "\u200e"


def q(tag: str) -> str:
    prefix, local = tag.split(":")
    return f"{{{NS[prefix]}}}{local}"


def wval(el: etree._Element | None, attr: str = "w:val") -> str | None:
    return None if el is None else el.get(q(attr))


@pytest.fixture
def exported(filled_library: Library) -> tuple[bytes, dict]:
    svc, bid, ids = make_briefing(filled_library)
    return build_docx(svc.get(bid)), ids


def body_paragraphs(data: bytes) -> list[etree._Element]:
    d = docx.Document(io.BytesIO(data))
    return [p._p for p in d.paragraphs]


def style_of(p: etree._Element) -> str | None:
    return wval(p.find("w:pPr/w:pStyle", NS))


def texts_by_style(data: bytes, style_id: str) -> list[str]:
    return [paragraph_text(p) for p in body_paragraphs(data) if style_of(p) == style_id]


def assert_rtl_rules(p: etree._Element, lang: str = "ar-SA") -> None:
    """The paragraph-level and run-level rules for one paragraph."""
    text = paragraph_text(p).replace(LRM, "")
    ppr = p.find("w:pPr", NS)
    bidi = ppr.find("w:bidi", NS)
    jc = wval(ppr.find("w:jc", NS))
    if detect_direction(text) == "rtl" and text.strip():
        assert bidi is not None and wval(bidi) in (None, "1", "true"), text
        assert jc not in ("right", "end"), text
    runs = p.findall(".//w:r", NS)
    for r in runs:
        t = "".join(x.text or "" for x in r.findall("w:t", NS))
        if not t:
            continue
        assert not (ARABIC.search(t) and LATIN.search(t)), f"run mixes scripts: {t!r}"
        rpr = r.find("w:rPr", NS)
        if ARABIC.search(t):
            assert rpr is not None and rpr.find("w:rtl", NS) is not None, t
            assert wval(rpr.find("w:rFonts", NS), "w:cs") == "Amiri", t
            assert wval(rpr.find("w:szCs", NS)) and int(wval(rpr.find("w:szCs", NS))) > 0, t
            assert wval(rpr.find("w:lang", NS), "w:bidi") == lang, t
        elif LATIN.search(t) and rpr is not None:
            assert rpr.find("w:rtl", NS) is None, t


def test_every_paragraph_follows_the_rtl_rules(exported: tuple[bytes, dict]) -> None:
    data, _ = exported
    paras = body_paragraphs(data)
    assert len(paras) > 25
    rtl = [p for p in paras if detect_direction(paragraph_text(p)) == "rtl"]
    ltr = [p for p in paras if detect_direction(paragraph_text(p)) == "ltr" and paragraph_text(p)]
    assert len(rtl) > 10 and len(ltr) > 3
    for p in paras:
        assert_rtl_rules(p)
    for p in ltr:
        assert wval(p.find("w:pPr/w:bidi", NS)) == "0"


def test_bidi_sits_in_schema_order(exported: tuple[bytes, dict]) -> None:
    data, _ = exported
    for p in body_paragraphs(data):
        tags = [etree.QName(c).localname for c in p.find("w:pPr", NS)]
        if "jc" in tags:
            assert tags.index("bidi") < tags.index("jc")
        assert tags.index("pStyle") < tags.index("bidi")


def test_latin_inside_arabic_keeps_its_order(exported: tuple[bytes, dict]) -> None:
    data, _ = exported
    runs = [
        "".join(t.text or "" for t in r.findall("w:t", NS))
        for p in body_paragraphs(data)
        if detect_direction(paragraph_text(p)) == "rtl"
        for r in p.findall(".//w:r", NS)
    ]
    assert "OPEC+" + LRM in runs
    assert "(NATO)" + LRM in runs
    assert LRM + "2026-11-30" in runs  # a dashed date after Arabic would otherwise reverse
    # a Latin run ending in a letter needs no mark
    assert "Brent" in runs
    # harakat and emoji come through unchanged
    assert any("الوَزِيرُ" in r for r in runs)
    assert any("📌" in r for r in runs)


def test_bold_and_italic_have_complex_script_twins(exported: tuple[bytes, dict]) -> None:
    data, _ = exported
    headings = [p for p in body_paragraphs(data) if style_of(p) == "Heading1"]
    arabic_heading = next(p for p in headings if paragraph_text(p) == "الطاقة")
    rpr = arabic_heading.find("w:r/w:rPr", NS)
    assert rpr.find("w:bCs", NS) is not None and rpr.find("w:szCs", NS) is not None
    quote = next(
        p
        for p in body_paragraphs(data)
        if style_of(p) == "Quote" and ARABIC.search(paragraph_text(p))
    )
    assert quote.find("w:r/w:rPr/w:iCs", NS) is not None


def test_title_block_summary_sections_and_sources(exported: tuple[bytes, dict]) -> None:
    data, _ = exported
    paras = [(style_of(p), paragraph_text(p)) for p in body_paragraphs(data)]
    assert paras[0] == ("Title", "إحاطة الطاقة والأمن")
    assert paras[1] == ("Subtitle", "أسواق النفط والأمن")
    assert ("BriefingByline", "إعداد: فريق التحليل") in paras
    assert ("BriefingByline", "التاريخ: " + LRM + "2026-12-01") in paras
    h1 = [t for s, t in paras if s == "Heading1"]
    assert h1 == ["الملخص التنفيذي", "الطاقة", "Security (NATO)", "المصادر"]
    sources = [t for s, t in paras if s == "SourceEntry"]
    assert len(sources) == 3  # three articles cited, each once although article 1 is cited 3 times
    assert (
        sources[0].startswith("1. رويترز، اجتماع الوزراء")
        and "https://example.org/ar/1" in sources[0]
    )
    assert sources[1].startswith("2. Reuters, Ministers meet, 2021-11-02, https://example.org/en/2")


def test_quotes_have_citation_lines_with_real_links(exported: tuple[bytes, dict]) -> None:
    data, _ = exported
    d = docx.Document(io.BytesIO(data))
    rels = {r.rId: r for r in d.part.rels.values() if r.reltype.endswith("/hyperlink")}
    paras = body_paragraphs(data)
    for i, p in enumerate(paras):
        if style_of(p) == "Quote":
            assert style_of(paras[i + 1]) == "QuoteCitation"
    cites = [p for p in paras if style_of(p) == "QuoteCitation"]
    assert len(cites) == 5
    linked = [p.find("w:hyperlink", NS) for p in cites]
    targets = {rels[h.get(q("r:id"))].target_ref for h in linked if h is not None}
    assert targets == {"https://example.org/ar/1", "https://example.org/en/2"}
    assert all(rels[h.get(q("r:id"))].is_external for h in linked if h is not None)
    js = [p for p in cites if "javascript:" in paragraph_text(p)]
    assert js and all(p.find("w:hyperlink", NS) is None for p in js)
    en = next(p for p in cites if "Reuters" in paragraph_text(p))
    assert paragraph_text(en) == "— Reuters, Ministers meet, 2021-11-02, https://example.org/en/2"


def test_analyst_notes_are_boxed_and_labelled(exported: tuple[bytes, dict]) -> None:
    data, _ = exported
    d = docx.Document(io.BytesIO(data))
    note_style = d.styles["Analyst Note"].element
    assert note_style.find("w:pPr/w:shd", NS) is not None
    assert note_style.find("w:pPr/w:pBdr/w:left", NS) is not None
    paras = body_paragraphs(data)
    labels = [i for i, p in enumerate(paras) if style_of(p) == "AnalystNoteLabel"]
    assert len(labels) == 3
    assert all(paragraph_text(paras[i]) == "ملاحظة المحلل" for i in labels)
    bodies = [paragraph_text(paras[i + 1]) for i in labels]
    assert bodies == [
        "ملاحظة: يجب التحقق من موقف OPEC+" + LRM + " قبل النشر.",
        "Check the December figure.",
        "A free-standing note by the analyst about OPEC+ quotas.",
    ]
    assert all(style_of(paras[i + 1]) == "AnalystNote" for i in labels)
    assert "Quote" not in {style_of(paras[i + 1]) for i in labels}


def _field_instructions(el: etree._Element) -> list[str]:
    return [t.text.strip() for t in el.iter(q("w:instrText"))]


def test_marking_and_page_x_of_y_in_header_and_footer(exported: tuple[bytes, dict]) -> None:
    data, _ = exported
    d = docx.Document(io.BytesIO(data))
    section = d.sections[0]
    header_texts = [paragraph_text(p._p) for p in section.header.paragraphs]
    footer = section.footer._element
    assert header_texts == ["سري — للاستخدام الرسمي فقط"]
    footer_texts = [paragraph_text(p) for p in footer.findall("w:p", NS)]
    assert footer_texts[0] == "سري — للاستخدام الرسمي فقط"
    assert footer_texts[1] == "الصفحة 1 من 1"  # cached results; Word updates PAGE/NUMPAGES
    assert _field_instructions(footer) == ["PAGE", "NUMPAGES"]
    kinds = [f.get(q("w:fldCharType")) for f in footer.iter(q("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"] * 2
    for p in footer.findall("w:p", NS) + section.header._element.findall("w:p", NS):
        assert_rtl_rules(p)


def test_table_of_contents_field_and_update_on_open(exported: tuple[bytes, dict]) -> None:
    data, _ = exported
    d = docx.Document(io.BytesIO(data))
    body = d.element.body
    instr = _field_instructions(body)
    assert instr == ['TOC \\o "1-1" \\h \\z \\u']
    kinds = [f.get(q("w:fldCharType")) for f in body.iter(q("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    update = d.settings.element.find("w:updateFields", NS)
    assert wval(update) == "true"
    assert [paragraph_text(p) for p in body_paragraphs(data) if style_of(p) == "TOCHeading"] == [
        "المحتويات"
    ]


def test_font_table_names_an_alternative_for_amiri(exported: tuple[bytes, dict]) -> None:
    data, _ = exported
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        fonts = etree.fromstring(z.read("word/fontTable.xml"))
    amiri = [f for f in fonts.findall("w:font", NS) if f.get(q("w:name")) == "Amiri"]
    assert len(amiri) == 1 and wval(amiri[0].find("w:altName", NS)) == "Arial"


def test_bidi_language_follows_the_briefing_when_it_is_right_to_left() -> None:
    from desktop_app.core.export.docx_builder import bidi_language

    assert [bidi_language(x) for x in ("ar-EG", "fa-IR", "en-GB", "", "ar")] == [
        "ar-EG",
        "fa-IR",
        "ar-SA",
        "ar-SA",
        "ar",
    ]


def test_english_briefing_uses_english_labels_and_configured_language(library: Library) -> None:
    svc = BriefingService(library)
    bid = svc.create(
        "Weekly energy brief", marking="CONFIDENTIAL", summary="Prices will rise.", language="ar-EG"
    ).created
    sid = svc.add_section(bid, "Oil").created
    svc.add_item(sid, text="OPEC+ met in Vienna; the وزير said little.")
    data = build_docx(svc.get(bid))
    paras = body_paragraphs(data)
    assert [paragraph_text(p) for p in paras if style_of(p) == "Heading1"] == [
        "Executive summary",
        "Oil",
    ]
    d = docx.Document(io.BytesIO(data))
    assert [paragraph_text(p) for p in d.sections[0].footer._element.findall("w:p", NS)] == [
        "CONFIDENTIAL",
        "Page 1 of 1",
    ]
    mixed = next(p for p in paras if "Vienna" in paragraph_text(p))
    assert wval(mixed.find("w:pPr/w:bidi", NS)) == "0"
    arabic_run = next(r for r in mixed.findall("w:r", NS) if ARABIC.search(paragraph_text(r)))
    assert wval(arabic_run.find("w:rPr/w:lang", NS), "w:bidi") == "ar-EG"
    assert arabic_run.find("w:rPr/w:rtl", NS) is not None
    assert "OPEC+" + LRM not in paragraph_text(mixed)  # no mark needed in an LTR paragraph


@pytest.mark.skipif(not schemas_available(), reason="../shared/ooxml-xsd is not in this checkout")
def test_parts_validate_against_the_ooxml_schema(exported: tuple[bytes, dict]) -> None:
    data, _ = exported
    parts = wml_parts(data)
    assert {"word/document.xml", "word/styles.xml"} <= set(parts)
    assert any(n.startswith("word/header") for n in parts) and any(
        n.startswith("word/footer") for n in parts
    )
    for name, xml in parts.items():
        assert validation_errors(xml) == [], name


@pytest.mark.skipif(not schemas_available(), reason="../shared/ooxml-xsd is not in this checkout")
def test_the_validator_catches_misordered_bidi(exported: tuple[bytes, dict]) -> None:
    data, _ = exported
    xml = wml_parts(data)["word/document.xml"].decode()
    broken = xml.replace("<w:bidi/></w:pPr>", '<w:jc w:val="center"/><w:bidi/></w:pPr>', 1)
    assert broken != xml
    assert validation_errors(broken.encode()) != []


HOSTILE = [
    "nul\x00 and vertical\x0btab and form\x0cfeed",
    "override \u202eعكس\u202c and isolates \u2066x\u2069 \u202bembedding\u202c",
    "lone surrogates \ud800 and \udfff here",
    "split pair \ud83d\udccc joined",
    "C1 \x85 control and DEL \x7f",
]


def test_hostile_text_gives_a_valid_document(library: Library, tmp_path: Path) -> None:
    lib = library
    svc = BriefingService(lib)
    bid = svc.create(
        "عنوان\x00 مع \u202e تحكم", marking="\x0bسري\u202e", summary=HOSTILE[0]
    ).created
    sid = svc.add_section(bid, "قسم\x0b" + HOSTILE[1]).created
    for text in HOSTILE:
        svc.add_item(sid, text=text)
    huge = ("هذه ملاحظة طويلة جداً عن OPEC+ 📌. " * 3000)[:100_000]
    note = lib.add_note(huge)
    svc.add_item(sid, note_id=note.id)
    out = export_docx(svc.get(bid), tmp_path / "hostile.docx")
    data = out.read_bytes()
    xml = wml_parts(data)["word/document.xml"].decode("utf-8")
    for bad in ("\u202e", "\u202b", "\u2066", "\x00", "\x0b", "\x85", "\x7f", "\ud800"):
        assert bad not in xml
    assert "lone surrogates \ufffd and \ufffd here" in "".join(
        paragraph_text(p) for p in body_paragraphs(data)
    )
    assert "split pair 📌 joined" in [paragraph_text(p) for p in body_paragraphs(data)]
    longest = max(len(paragraph_text(p).replace(LRM, "")) for p in body_paragraphs(data))
    assert longest >= 99_000
    docx.Document(io.BytesIO(data))  # python-docx reads it back
    if schemas_available():
        for name, part in wml_parts(data).items():
            assert validation_errors(part) == [], name


def test_atomic_write_replaces_and_leaves_no_part_file(
    filled_library: Library, tmp_path: Path
) -> None:
    svc, bid, _ = make_briefing(filled_library)
    target = tmp_path / "brief.docx"
    target.write_bytes(b"old")
    export_docx(svc.get(bid), target)
    assert zipfile.is_zipfile(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.docx", "lib"]
    with pytest.raises(ExportFailed, match="does not exist"):
        export_docx(svc.get(bid), tmp_path / "missing" / "brief.docx")
    with pytest.raises(ExportFailed, match="is a folder"):
        export_docx(svc.get(bid), tmp_path)
