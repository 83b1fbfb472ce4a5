"""Word export on a user's template (.docx or .dotx): its styles, page setup, header and footer."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Inches, Pt

from desktop_app.core.export import ExportFailed
from desktop_app.core.export.docx_builder import build_docx
from desktop_app.core.library import Library
from tests.core.export_checks import (
    NS,
    make_briefing,
    paragraph_text,
    schemas_available,
    validation_errors,
    wml_parts,
)

MISSING = ("Heading 1", "Quote", "Title", "Subtitle", "TOC Heading", "Header", "Footer")


def make_template(path: Path, first_page: bool = False) -> Path:
    """A template with its own look, a header and footer, and several built-in styles removed."""
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Inches(11.69), Inches(8.27)
    sec.left_margin = sec.right_margin = Inches(0.6)
    d.styles["Normal"].font.name = "Georgia"
    d.styles["Normal"].font.size = Pt(12)
    sec.header.paragraphs[0].text = "ACME Corp — Internal"
    sec.footer.paragraphs[0].text = "ACME footer"
    if first_page:
        sec.different_first_page_header_footer = True
        sec.first_page_header.paragraphs[0].text = "ACME cover header"
    d.add_paragraph("Template sample text that must not survive.")
    styles = d.styles.element
    for st in list(styles.findall("w:style", NS)):
        name = st.find("w:name", NS).get(f"{{{NS['w']}}}val")
        if name.lower() in {m.lower() for m in MISSING}:
            styles.remove(st)
    d.save(path)
    return path


def as_dotx(src: Path, dst: Path) -> Path:
    """The same package declared as a Word template."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
                assert b"template.main+xml" in data
            zout.writestr(info.filename, data)
    return dst


@pytest.fixture
def briefing(filled_library: Library):  # type: ignore[no-untyped-def]
    svc, bid, _ = make_briefing(filled_library)
    return svc.get(bid)


@pytest.mark.parametrize("kind", ["docx", "dotx"])
def test_template_look_is_kept_and_missing_styles_are_created(
    briefing, tmp_path: Path, kind: str
) -> None:  # type: ignore[no-untyped-def]
    tpl = make_template(tmp_path / "tpl.docx")
    if kind == "dotx":
        tpl = as_dotx(tpl, tmp_path / "tpl.dotx")
        with pytest.raises(ValueError):  # python-docx alone refuses a template
            docx.Document(str(tpl))
    data = build_docx(briefing, template=tpl)
    d = docx.Document(io.BytesIO(data))
    sec = d.sections[0]
    own = docx.Document(str(tmp_path / "tpl.docx")).sections[0]
    assert (sec.page_width, sec.page_height, sec.left_margin) == (
        own.page_width,
        own.page_height,
        own.left_margin,
    )
    assert sec.page_width > sec.page_height  # the template's landscape page
    assert d.styles["Normal"].font.name == "Georgia" and d.styles["Normal"].font.size == Pt(12)
    header = [paragraph_text(p._p) for p in sec.header.paragraphs]
    footer = [paragraph_text(p._p) for p in sec.footer.paragraphs]
    assert header == ["ACME Corp — Internal", "سري — للاستخدام الرسمي فقط"]
    assert footer[:2] == ["ACME footer", "سري — للاستخدام الرسمي فقط"] and footer[2].startswith(
        "الصفحة"
    )
    body = [paragraph_text(p._p) for p in d.paragraphs]
    assert "Template sample text that must not survive." not in body
    assert body[0] == "إحاطة الطاقة والأمن"
    names = {s.name for s in d.styles}
    assert {"Heading 1", "Quote", "Title", "Analyst Note", "Quote Citation"} <= names
    h1 = d.styles["Heading 1"].element
    assert h1.find("w:pPr/w:outlineLvl", NS).get(f"{{{NS['w']}}}val") == "0"
    assert h1.find("w:rPr/w:bCs", NS) is not None and h1.find("w:rPr/w:szCs", NS) is not None
    headings = [paragraph_text(p._p) for p in d.paragraphs if p.style.name == "Heading 1"]
    assert "الطاقة" in headings
    ct = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")
    assert b"document.main+xml" in ct and b"template.main+xml" not in ct
    if schemas_available():
        for name, part in wml_parts(data).items():
            assert validation_errors(part) == [], name


def test_first_page_header_gets_the_marking_too(briefing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tpl = make_template(tmp_path / "tpl.docx", first_page=True)
    d = docx.Document(io.BytesIO(build_docx(briefing, template=tpl)))
    sec = d.sections[0]
    first = [paragraph_text(p._p) for p in sec.first_page_header.paragraphs]
    assert first == ["ACME cover header", "سري — للاستخدام الرسمي فقط"]
    first_footer = [paragraph_text(p._p) for p in sec.first_page_footer.paragraphs]
    assert first_footer[0] == "سري — للاستخدام الرسمي فقط" and first_footer[1].startswith("الصفحة")


def test_a_file_that_is_not_a_template_is_refused_clearly(briefing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "notes.docx"
    bad.write_text("just text", encoding="utf-8")
    with pytest.raises(ExportFailed, match="cannot use notes.docx as a template"):
        build_docx(briefing, template=bad)
    with pytest.raises(ExportFailed, match="cannot read the template"):
        build_docx(briefing, template=tmp_path / "absent.dotx")
