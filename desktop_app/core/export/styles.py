"""Word templates and the styles a briefing uses: found in the template, else created."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from desktop_app.core.export import ExportFailed

_TEMPLATE_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MACRO_TEMPLATE_CT = b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml"


def open_document(template: Path | str | None) -> Any:
    """A python-docx Document: the default one, or a user's .docx/.dotx with its body emptied."""
    if template is None:
        return docx.Document()
    path = Path(template)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExportFailed(f"cannot read the template {path}: {exc.strerror or exc}") from exc
    try:
        data = _as_document_package(data)
        doc = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ExportFailed(
            f"cannot use {path.name} as a template: not a Word document or template"
        ) from exc
    except Exception as exc:  # python-docx's own errors for odd packages
        raise ExportFailed(f"cannot use {path.name} as a template ({type(exc).__name__})") from exc
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return doc


def _as_document_package(data: bytes) -> bytes:
    """The package with a template's main part declared as a document (python-docx needs that)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    types = src.read("[Content_Types].xml")
    if _TEMPLATE_CT not in types and _MACRO_TEMPLATE_CT not in types:
        return data
    types = types.replace(_TEMPLATE_CT, _DOCUMENT_CT).replace(_MACRO_TEMPLATE_CT, _DOCUMENT_CT)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = types if info.filename == "[Content_Types].xml" else src.read(info.filename)
            dst.writestr(info.filename, body)
    return out.getvalue()


@dataclass(frozen=True)
class StyleSpec:
    """How to create a style the template lacks."""

    name: str
    size: float | None = None
    bold: bool = False
    italic: bool = False
    color: str = ""
    indent: float = 0.0  # pt on both sides (symmetric, so direction does not matter)
    space_before: float | None = None
    space_after: float | None = None
    keep_next: bool = False
    outline: int | None = None
    boxed: bool = False
    center: bool = False
    base: str = "Normal"
    kind: Any = WD_STYLE_TYPE.PARAGRAPH


SPECS: dict[str, StyleSpec] = {
    "normal": StyleSpec("Normal", size=11),
    "title": StyleSpec("Title", size=24, bold=True, color="17365D", space_after=6),
    "subtitle": StyleSpec("Subtitle", size=14, italic=True, color="4F81BD", space_after=6),
    "byline": StyleSpec("Briefing Byline", size=10, color="595959", space_after=2),
    "heading1": StyleSpec(
        "Heading 1",
        size=16,
        bold=True,
        color="365F91",
        space_before=18,
        space_after=6,
        keep_next=True,
        outline=0,
    ),
    "quote": StyleSpec(
        "Quote", italic=True, color="404040", indent=28, space_before=6, space_after=2
    ),
    "citation": StyleSpec("Quote Citation", size=9, color="595959", indent=28, space_after=10),
    "note": StyleSpec("Analyst Note", size=10.5, indent=14, space_after=6, boxed=True),
    "note_label": StyleSpec(
        "Analyst Note Label",
        size=10.5,
        bold=True,
        indent=14,
        space_after=2,
        keep_next=True,
        boxed=True,
        base="Analyst Note",
    ),
    "marking": StyleSpec(
        "Handling Marking", size=9, bold=True, color="C00000", center=True, space_after=0
    ),
    "header": StyleSpec("Header", size=9, space_after=0),
    "footer": StyleSpec("Footer", size=9, space_after=0),
    "toc_heading": StyleSpec("TOC Heading", size=14, bold=True, color="365F91", space_after=6),
    "source": StyleSpec("Source Entry", size=10, space_after=4),
}


def ensure_styles(doc: Any) -> dict[str, Any]:
    """The style object for each key of SPECS: the template's own, or a new one."""
    by_name: dict[str, Any] = {}
    for st in doc.styles:
        try:
            by_name.setdefault(st.name, st)
            by_name.setdefault(st.name.lower(), st)
        except Exception:  # a malformed style without a name
            continue
    out: dict[str, Any] = {}
    for key, spec in SPECS.items():
        st = by_name.get(spec.name) or by_name.get(spec.name.lower())
        if st is None or st.type != spec.kind:
            st = _create(doc, spec, by_name)
            by_name[spec.name] = st
        out[key] = st
    return out


def _create(doc: Any, spec: StyleSpec, by_name: dict[str, Any]) -> Any:
    name = spec.name
    if name in by_name:  # same name, wrong type: keep the template's, make ours distinct
        name = f"{spec.name} (Briefing)"
    st = doc.styles.add_style(name, spec.kind)
    base = by_name.get(spec.base) or by_name.get("Normal")
    if base is not None and base is not st and name != "Normal":
        st.base_style = base
    st.quick_style = True
    font = st.font
    if spec.size:
        font.size = Pt(spec.size)
    if spec.bold:
        font.bold = True
    if spec.italic:
        font.italic = True
    if spec.color:
        from docx.shared import RGBColor

        font.color.rgb = RGBColor.from_string(spec.color)
    _complex_script_copies(st)
    fmt = st.paragraph_format
    if spec.space_before is not None:
        fmt.space_before = Pt(spec.space_before)
    if spec.space_after is not None:
        fmt.space_after = Pt(spec.space_after)
    if spec.keep_next:
        fmt.keep_with_next = True
    if spec.indent:
        fmt.left_indent = Pt(spec.indent)
        fmt.right_indent = Pt(spec.indent)
    ppr = st.element.get_or_add_pPr()
    if spec.boxed:
        _box(ppr)
    if spec.center:
        _insert_ordered(ppr, _jc("center"))
    if spec.outline is not None:
        el = OxmlElement("w:outlineLvl")
        el.set(qn("w:val"), str(spec.outline))
        _insert_ordered(ppr, el)
    return st


def _jc(val: str) -> Any:
    el = OxmlElement("w:jc")
    el.set(qn("w:val"), val)
    return el


_PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]


def _insert_ordered(ppr: Any, el: Any, order: list[str] = _PPR_ORDER) -> None:
    """Insert el into a pPr/rPr at its schema position (replacing one of the same tag)."""
    local = el.tag.split("}")[1]
    old = ppr.find(qn(f"w:{local}"))
    if old is not None:
        ppr.replace(old, el)
        return
    later = {qn(f"w:{t}") for t in order[order.index(local) + 1 :]}
    for child in ppr:
        if child.tag in later:
            child.addprevious(el)
            return
    ppr.append(el)


def _box(ppr: Any) -> None:
    bdr = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        b = OxmlElement(f"w:{side}")
        for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "4"), ("w:color", "C9A227")):
            b.set(qn(k), v)
        bdr.append(b)
    _insert_ordered(ppr, bdr)
    shd = OxmlElement("w:shd")
    for k, v in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", "FFF8E1")):
        shd.set(qn(k), v)
    _insert_ordered(ppr, shd)


_RPR_ORDER = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]


def _complex_script_copies(st: Any) -> None:
    """Give a created style complex-script twins of size, bold and italic (szCs, bCs, iCs)."""
    rpr = st.element.get_or_add_rPr()
    for latin, cs in (("sz", "szCs"), ("b", "bCs"), ("i", "iCs")):
        el = rpr.find(qn(f"w:{latin}"))
        if el is not None and rpr.find(qn(f"w:{cs}")) is None:
            twin = OxmlElement(f"w:{cs}")
            if el.get(qn("w:val")) is not None:
                twin.set(qn("w:val"), el.get(qn("w:val")))
            _insert_ordered(rpr, twin, _RPR_ORDER)


def effective(doc: Any, st: Any) -> tuple[int, bool, bool]:
    """(size in half-points, bold, italic) of a paragraph style, following basedOn and defaults."""
    size: int | None = None
    bold: bool | None = None
    italic: bool | None = None
    seen = 0
    while st is not None and seen < 20:
        rpr = st.element.rPr
        if rpr is not None:
            if size is None:
                for tag in ("w:szCs", "w:sz"):
                    el = rpr.find(qn(tag))
                    if el is not None and el.get(qn("w:val"), "").isdigit():
                        size = int(el.get(qn("w:val")))
                        break
            if bold is None:
                bold = _on(rpr.find(qn("w:b")))
            if italic is None:
                italic = _on(rpr.find(qn("w:i")))
        st = st.base_style
        seen += 1
    if size is None:
        size = _default_size(doc)
    return size, bool(bold), bool(italic)


def _on(el: Any) -> bool | None:
    if el is None:
        return None
    return el.get(qn("w:val"), "true").lower() not in ("0", "false", "off")


def _default_size(doc: Any) -> int:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        for tag in ("w:szCs", "w:sz"):
            el = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn(tag)}")
            if el is not None and el.get(qn("w:val"), "").isdigit():
                return int(el.get(qn("w:val")))
    return 20
