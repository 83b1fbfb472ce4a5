"""Checks shared by the export tests: read a .docx back, validate its parts against the schema."""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache
from pathlib import Path

from lxml import etree

XSD_DIR = Path(__file__).resolve().parents[3] / "shared" / "ooxml-xsd"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}

_XML_NS_XSD = b"""<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
  targetNamespace="http://www.w3.org/XML/1998/namespace">
  <xs:attribute name="space"><xs:simpleType><xs:restriction base="xs:NCName">
    <xs:enumeration value="default"/><xs:enumeration value="preserve"/>
  </xs:restriction></xs:simpleType></xs:attribute>
  <xs:attribute name="lang" type="xs:language"/>
</xs:schema>"""

# Namespaces the ECMA transitional schemas know; anything else is a vendor extension.
_ECMA = (
    "http://schemas.openxmlformats.org/",
    "http://www.w3.org/XML/1998/namespace",
)
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def schemas_available() -> bool:
    """True when ../shared/ooxml-xsd/wml.xsd exists."""
    return (XSD_DIR / "wml.xsd").exists()


class _XmlNsResolver(etree.Resolver):
    def resolve(self, url, pubid, context):  # noqa: ANN001, ANN201 - lxml's signature
        if url and ("xml.xsd" in url or url.endswith("XML/1998/namespace")):
            return self.resolve_string(_XML_NS_XSD, context)
        return None


@lru_cache(maxsize=1)
def wml_schema() -> etree.XMLSchema:
    """The WordprocessingML schema (wml.xsd) with the xml: namespace supplied locally."""
    wrapper = f"""<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
  <xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="xml.xsd"/>
  <xs:import namespace="{W}" schemaLocation="{(XSD_DIR / "wml.xsd").as_uri()}"/>
</xs:schema>"""
    parser = etree.XMLParser()
    parser.resolvers.add(_XmlNsResolver())
    doc = etree.fromstring(wrapper.encode(), parser, base_url=(XSD_DIR / "wrapper.xsd").as_uri())
    return etree.XMLSchema(etree.ElementTree(doc))


def strip_extensions(root: etree._Element) -> etree._Element:
    """A copy without elements and attributes of non-ECMA namespaces (w14:, mc: ...)."""
    root = etree.fromstring(etree.tostring(root))
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        ns = etree.QName(el).namespace or ""
        if ns and (not ns.startswith(_ECMA) or ns == _MC):
            el.getparent().remove(el)
            continue
        for name in list(el.attrib):
            ans = etree.QName(name).namespace or ""
            if ans and (not ans.startswith(_ECMA) or ans == _MC):
                del el.attrib[name]
    etree.cleanup_namespaces(root)
    return root


def validation_errors(xml: bytes) -> list[str]:
    """Schema errors of one WordprocessingML part (empty when valid)."""
    schema = wml_schema()
    root = strip_extensions(etree.fromstring(xml))
    if schema.validate(root):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def parts(docx_bytes: bytes) -> dict[str, bytes]:
    """Every part of a package by name."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as z:
        return {n: z.read(n) for n in z.namelist()}


def wml_parts(docx_bytes: bytes) -> dict[str, bytes]:
    """document.xml, styles.xml, headers and footers of a package."""
    return {
        n: b
        for n, b in parts(docx_bytes).items()
        if n == "word/document.xml"
        or n == "word/styles.xml"
        or (n.startswith("word/header") or n.startswith("word/footer"))
        and n.endswith(".xml")
    }


def paragraph_text(p: etree._Element) -> str:
    """The visible text of a w:p (w:t of runs and hyperlinks)."""
    return "".join(t.text or "" for t in p.iter(f"{{{W}}}t"))


def make_briefing(lib, **fields):  # noqa: ANN001, ANN003, ANN201 - a test helper
    """A bilingual briefing on the `filled_library` fixture's articles 1 (ar), 2 (en), 3 (mixed).

    Returns (service, briefing id, ids) where ids names the highlights, notes and sections.
    """
    from desktop_app.core.briefings import BriefingService

    lib.update_metadata(1, url="https://example.org/ar/1")
    lib.update_metadata(2, url="https://example.org/en/2")
    lib.update_metadata(3, url="javascript:alert(1)")
    ids: dict[str, int] = {}
    ids["h_opec"] = lib.add_highlight_by_quote(
        1, "تحالف OPEC+ لم يحسم قراره بعد 📌", note="ملاحظة: يجب التحقق من موقف OPEC+ قبل النشر."
    ).id
    ids["h_nato"] = lib.add_highlight_by_quote(1, "حلف شمال الأطلسي (NATO) في اجتماع مغلق").id
    ids["h_harakat"] = lib.add_highlight_by_quote(1, "قال الوَزِيرُ إن الاتفاق الجديد").id
    ids["h_en"] = lib.add_highlight_by_quote(
        2, "Analysts expect OPEC+ to extend the cuts", note="Check the December figure."
    ).id
    ids["h_mixed"] = lib.add_highlight_by_quote(3, "«الاتفاق النهائي» was signed in Vienna").id
    ids["n_free"] = lib.add_note("A free-standing note by the analyst about OPEC+ quotas.").id
    svc = BriefingService(lib)
    defaults = dict(
        subtitle="أسواق النفط والأمن",
        author="فريق التحليل",
        date="2026-12-01",
        marking="سري — للاستخدام الرسمي فقط",
        summary="يتوقع المحللون أن يمدد تحالف OPEC+ التخفيضات.\nThe outlook for NATO talks is unclear.",
        include_toc=True,
    )
    title = fields.pop("title", "إحاطة الطاقة والأمن")
    defaults.update(fields)
    bid = svc.create(title, **defaults).created
    ids["s_energy"] = svc.add_section(bid, "الطاقة").created
    ids["s_security"] = svc.add_section(bid, "Security (NATO)").created
    for key in ("h_opec", "h_harakat", "h_en"):
        svc.add_item(ids["s_energy"], highlight_id=ids[key])
    svc.add_item(ids["s_energy"], text="فقرة كتبها المحلل عن أسعار Brent في 2026-11-30.")
    svc.add_item(ids["s_energy"], text="An English paragraph written by the analyst.")
    svc.add_item(ids["s_security"], highlight_id=ids["h_nato"])
    svc.add_item(ids["s_security"], highlight_id=ids["h_mixed"])
    svc.add_item(ids["s_security"], note_id=ids["n_free"])
    svc.add_item(
        ids["s_security"],
        text="يرى المحللون أن الاجتماع المقبل سيحدد موقف الحلف من التوسع شرقاً في العام المقبل.",
    )
    return svc, bid, ids
