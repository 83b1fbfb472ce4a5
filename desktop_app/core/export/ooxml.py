"""WordprocessingML pieces python-docx lacks: bidi paragraphs, script runs, fields, links.

Children are written in the schema's order (ECMA-376 CT_PPr, CT_RPr, CT_Settings).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

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


def _el(tag: str, **attrs: str) -> Any:
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(k), v)
    return e


def paragraph_props(
    style_id: str | None, direction: Direction, jc: str | None = None, keep_next: bool = False
) -> Any:
    """A w:pPr: style, keepNext, bidi (on for RTL, explicitly off for LTR), jc."""
    ppr = _el("w:pPr")
    if style_id:
        ppr.append(_el("w:pStyle", **{"w:val": style_id}))
    if keep_next:
        ppr.append(_el("w:keepNext"))
    ppr.append(_el("w:bidi") if direction == "rtl" else _el("w:bidi", **{"w:val": "0"}))
    if jc is not None:
        if direction == "rtl" and jc in ("right", "end"):
            raise ValueError("a bidi paragraph is right-aligned by default; do not set jc=right")
        ppr.append(_el("w:jc", **{"w:val": jc}))
    return ppr


def run_props(rs: RunStyle, rtl: bool) -> Any:
    """A w:rPr for one script run: complex-script font, size, bold/italic and language for Arabic."""
    rpr = _el("w:rPr")
    if rtl:
        rpr.append(_el("w:rFonts", **{"w:cs": rs.cs_font}))
    # The style's bold/italic reach Latin runs by themselves; Arabic runs need the CS twins.
    if rs.bold and rs.direct:
        rpr.append(_el("w:b"))
    if rs.bold and rtl:
        rpr.append(_el("w:bCs"))
    if rs.italic and rs.direct:
        rpr.append(_el("w:i"))
    if rs.italic and rtl:
        rpr.append(_el("w:iCs"))
    if rs.color:
        rpr.append(_el("w:color", **{"w:val": rs.color}))
    if rtl:
        rpr.append(_el("w:szCs", **{"w:val": str(rs.size)}))
    if rs.underline:
        rpr.append(_el("w:u", **{"w:val": "single"}))
    if rtl:
        rpr.append(_el("w:rtl"))
        rpr.append(_el("w:lang", **{"w:bidi": rs.lang}))
    return rpr


def text_run(text: str, rs: RunStyle, rtl: bool) -> Any:
    """A w:r with its properties; tabs become w:tab."""
    r = _el("w:r")
    rpr = run_props(rs, rtl)
    if len(rpr):
        r.append(rpr)
    for i, piece in enumerate(text.split("\t")):
        if i:
            r.append(_el("w:tab"))
        if piece:
            t = _el("w:t")
            t.text = piece
            if piece != piece.strip():
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(t)
    return r


def script_runs(text: str, direction: Direction, rs: RunStyle) -> list[Any]:
    """Runs of text split by script (see rtl.segments)."""
    return [text_run(s.text, rs, s.rtl) for s in segments(text, direction)]


def _field_char(kind: str, rs: RunStyle, rtl: bool) -> Any:
    r = _el("w:r")
    rpr = run_props(rs, rtl)
    if len(rpr):
        r.append(rpr)
    r.append(_el("w:fldChar", **{"w:fldCharType": kind}))
    return r


def field_begin(instruction: str, rs: RunStyle, rtl: bool = False) -> list[Any]:
    """Runs opening a complex field: begin, instruction, separate."""
    instr = _el("w:r")
    rpr = run_props(rs, rtl)
    if len(rpr):
        instr.append(rpr)
    t = _el("w:instrText")
    t.text = f" {instruction} "
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.append(t)
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
