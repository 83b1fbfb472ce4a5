"""WordprocessingML pieces python-docx lacks: bidi paragraphs, script runs, fields, links.

Children are written in the schema's order (ECMA-376 CT_PPr, CT_RPr, CT_Settings).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from desktop_app.core.export.rtl import segments
from desktop_app.core.models import Direction


@dataclass(frozen=True)
class RunStyle:
    """What the runs of a paragraph need to know: effective size, bold, italic, fonts, language."""

    size: int = 22  # half-points
    bold: bool = False
    italic: bool = False
    cs_font: str = "Amiri"
    lang: str = "ar-SA"
    color: str = ""  # rrggbb, or "" for the style's
    underline: bool = False
    direct: bool = False  # bold/italic are direct formatting, not the style's own


_qn = lru_cache(maxsize=256)(qn)
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _el(tag: str, parent: Any = None, **attrs: str) -> Any:
    """A new plain lxml element (a child of parent when given).

    OxmlElement parses a string per element, which made a 500-item export spend most of its
    time here; lxml reconciles namespace prefixes when the element joins the document.
    """
    e = etree.Element(_qn(tag)) if parent is None else etree.SubElement(parent, _qn(tag))
    for k, v in attrs.items():
        e.set(_qn(k), v)
    return e


def paragraph_props(
    style_id: str | None, direction: Direction, jc: str | None = None, keep_next: bool = False
) -> Any:
    """A w:pPr: style, keepNext, bidi (on for RTL, explicitly off for LTR), jc."""
    ppr = _el("w:pPr")
    if style_id:
        _el("w:pStyle", ppr, **{"w:val": style_id})
    if keep_next:
        _el("w:keepNext", ppr)
    ppr.append(_el("w:bidi") if direction == "rtl" else _el("w:bidi", **{"w:val": "0"}))
    if jc is not None:
        if direction == "rtl" and jc in ("right", "end"):
            raise ValueError("a bidi paragraph is right-aligned by default; do not set jc=right")
        _el("w:jc", ppr, **{"w:val": jc})
    return ppr


def run_props(rs: RunStyle, rtl: bool, run: Any = None) -> Any:
    """A w:rPr for one script run (in run when given): complex-script font, size, bold/italic
    and language for Arabic; removed again from run when it has nothing to say."""
    rpr = _el("w:rPr", run)
    if rtl:
        _el("w:rFonts", rpr, **{"w:cs": rs.cs_font})
    # The style's bold/italic reach Latin runs by themselves; Arabic runs need the CS twins.
    if rs.bold and rs.direct:
        _el("w:b", rpr)
    if rs.bold and rtl:
        _el("w:bCs", rpr)
    if rs.italic and rs.direct:
        _el("w:i", rpr)
    if rs.italic and rtl:
        _el("w:iCs", rpr)
    if rs.color:
        _el("w:color", rpr, **{"w:val": rs.color})
    if rtl:
        _el("w:szCs", rpr, **{"w:val": str(rs.size)})
    if rs.underline:
        _el("w:u", rpr, **{"w:val": "single"})
    if rtl:
        _el("w:rtl", rpr)
        _el("w:lang", rpr, **{"w:bidi": rs.lang})
    if run is not None and not len(rpr):
        run.remove(rpr)
    return rpr


def text_run(text: str, rs: RunStyle, rtl: bool) -> Any:
    """A w:r with its properties; tabs become w:tab."""
    r = _el("w:r")
    run_props(rs, rtl, r)
    for i, piece in enumerate(text.split("\t")):
        if i:
            _el("w:tab", r)
        if piece:
            t = _el("w:t", r)
            t.text = piece
            if piece != piece.strip():
                t.set(_XML_SPACE, "preserve")
    return r


def script_runs(text: str, direction: Direction, rs: RunStyle) -> list[Any]:
    """Runs of text split by script (see rtl.segments)."""
    return [text_run(s.text, rs, s.rtl) for s in segments(text, direction)]


def _field_char(kind: str, rs: RunStyle, rtl: bool) -> Any:
    r = _el("w:r")
    run_props(rs, rtl, r)
    _el("w:fldChar", r, **{"w:fldCharType": kind})
    return r


def field_begin(instruction: str, rs: RunStyle, rtl: bool = False) -> list[Any]:
    """Runs opening a complex field: begin, instruction, separate."""
    instr = _el("w:r")
    run_props(rs, rtl, instr)
    t = _el("w:instrText", instr)
    t.text = f" {instruction} "
    t.set(_XML_SPACE, "preserve")
    return [_field_char("begin", rs, rtl), instr, _field_char("separate", rs, rtl)]


def field_end(rs: RunStyle, rtl: bool = False) -> Any:
    """The run closing a complex field."""
    return _field_char("end", rs, rtl)


def simple_field(instruction: str, cached: str, rs: RunStyle, rtl: bool = False) -> list[Any]:
    """A whole complex field in one paragraph (PAGE, NUMPAGES) with its cached result."""
    return [*field_begin(instruction, rs, rtl), text_run(cached, rs, rtl), field_end(rs, rtl)]


def hyperlink(part: Any, url: str, text: str, direction: Direction, rs: RunStyle) -> Any:
    """A w:hyperlink to an external URL (a relationship of part) around the link text."""
    rid = part.relate_to(
        url,
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        is_external=True,
    )
    link = _el("w:hyperlink", **{"r:id": rid})
    link_rs = RunStyle(rs.size, rs.bold, rs.italic, rs.cs_font, rs.lang, "0563C1", True, rs.direct)
    for run in script_runs(text, direction, link_rs):
        link.append(run)
    return link


# CT_Settings children that come after w:updateFields.
_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


def set_update_fields(settings_element: Any) -> None:
    """Ask Word to update fields (the table of contents) when the document opens."""
    existing = settings_element.find(qn("w:updateFields"))
    if existing is not None:
        existing.set(qn("w:val"), "true")
        return
    el = _el("w:updateFields", **{"w:val": "true"})
    after = {
        qn(t) if not t.startswith(("m:", "sl:")) else _qn_other(t) for t in _AFTER_UPDATE_FIELDS
    }
    for child in settings_element:
        if child.tag in after:
            child.addprevious(el)
            return
    settings_element.append(el)


def _qn_other(tag: str) -> str:
    prefix, local = tag.split(":")
    uri = {
        "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
        "sl": "http://schemas.openxmlformats.org/schemaLibrary/2006/main",
    }[prefix]
    return f"{{{uri}}}{local}"
