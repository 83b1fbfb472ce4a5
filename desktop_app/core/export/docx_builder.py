"""Briefing -> Word (.docx): bidi paragraphs, script runs, marking, page X of Y, TOC, sources."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from desktop_app.core.briefings import Briefing, BriefingItem, Citation
from desktop_app.core.export import atomic_write
from desktop_app.core.export import ooxml as ox
from desktop_app.core.export.labels import labels_for
from desktop_app.core.export.sanitize import clean_line, is_web_url, lines
from desktop_app.core.export.styles import effective, ensure_styles, open_document
from desktop_app.core.models import Direction
from desktop_app.core.text.direction import detect_direction, is_rtl_language

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def bidi_language(language: str) -> str:
    """The w:lang/@w:bidi of Arabic runs: the briefing's language when it is a right-to-left
    one (ar-SA, ar-EG, fa-IR ...), else ar-SA."""
    tag = (language or "").strip()
    return tag if is_rtl_language(tag) else "ar-SA"


def export_docx(
    briefing: Briefing,
    path: Path | str,
    template: Path | str | None = None,
    cs_font: str = "Amiri",
    cs_font_alt: str = "Arial",
) -> Path:
    """Write the briefing as a Word document at path (atomically); returns the path."""
    data = build_docx(briefing, template, cs_font, cs_font_alt)
    return atomic_write(path, lambda part: part.write_bytes(data))


def build_docx(
    briefing: Briefing,
    template: Path | str | None = None,
    cs_font: str = "Amiri",
    cs_font_alt: str = "Arial",
) -> bytes:
    """The briefing as .docx bytes."""
    doc = open_document(template)
    if template is None:
        _default_look(doc)
    _Writer(doc, briefing, cs_font).write()
    _add_font_alternative(doc, cs_font, cs_font_alt)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


class _Writer:
    def __init__(self, doc: Any, briefing: Briefing, cs_font: str) -> None:
        self.doc = doc
        self.b = briefing
        self.labels = labels_for(briefing)
        self.label_dir: Direction = "rtl" if self.labels["dir"] == "rtl" else "ltr"
        self.styles = ensure_styles(doc)
        self.ids = {k: st.style_id for k, st in self.styles.items()}
        self.run_styles: dict[str, ox.RunStyle] = {}
        for key, st in self.styles.items():
            size, bold, italic = effective(doc, st)
            self.run_styles[key] = ox.RunStyle(
                size, bold, italic, cs_font, bidi_language(briefing.language)
            )
        self.body = doc.element.body
        self.sect = self.body.find(qn("w:sectPr"))

    # -- plumbing ---------------------------------------------------------------------------
    def para(
        self,
        text: str,
        key: str,
        direction: Direction | None = None,
        container: Any = None,
        jc: str | None = None,
        bold: bool = False,
    ) -> Any:
        """Append a paragraph of one style; direction from its content unless given."""
        d = direction or detect_direction(text, self.label_dir)
        p = etree.SubElement(container, qn("w:p")) if container is not None else self._new_p()
        p.append(ox.paragraph_props(self.ids[key], d, jc, keep_next=False))
        rs = self.run_styles[key]
        if bold and not rs.bold:
            rs = ox.RunStyle(rs.size, True, rs.italic, rs.cs_font, rs.lang, direct=True)
        for run in ox.script_runs(text, d, rs):
            p.append(run)
        return p

    def _new_p(self) -> Any:
        p = etree.Element(qn("w:p"))
        if self.sect is not None:
            self.sect.addprevious(p)
        else:
            self.body.append(p)
        return p

    # -- the document -----------------------------------------------------------------------
    def write(self) -> None:
        b = self.b
        self.doc.core_properties.title = clean_line(b.title)[:250]
        self.doc.core_properties.author = clean_line(b.author)[:250]
        self._title_block()
        self._headers_and_footers()
        if b.include_toc:
            self._toc()
        if lines(b.summary):
            self.para(self.labels["summary"], "heading1", self.label_dir)
            for ln in lines(b.summary):
                self.para(ln, "normal")
        for sec in b.sections:
            heading = clean_line(sec.heading)
            if heading:
                self.para(heading, "heading1")
            for item in sec.items:
                self._item(item)
        self._sources()

    def _title_block(self) -> None:
        b = self.b
        self.para(clean_line(b.title), "title")
        if clean_line(b.subtitle):
            self.para(clean_line(b.subtitle), "subtitle")
        if clean_line(b.author):
            self.para(self.labels["author"].format(author=clean_line(b.author)), "byline")
        if clean_line(b.date):
            self.para(self.labels["date"].format(date=clean_line(b.date)), "byline")

    def _headers_and_footers(self) -> None:
        marking = clean_line(self.b.marking)
        for section in self.doc.sections:
            headers = [section.header]
            footers = [section.footer]
            if section.different_first_page_header_footer:
                headers.append(section.first_page_header)
                footers.append(section.first_page_footer)
            if self.doc.settings.odd_and_even_pages_header_footer:
                headers.append(section.even_page_header)
                footers.append(section.even_page_footer)
            for h in headers:
                el = _fresh(h)
                if marking:
                    self.para(marking, "marking", container=el, jc="center")
            for f in footers:
                el = _fresh(f)
                if marking:
                    self.para(marking, "marking", container=el, jc="center")
                self._page_x_of_y(el)

    def _page_x_of_y(self, container: Any) -> None:
        d = self.label_dir
        p = etree.SubElement(container, qn("w:p"))
        p.append(ox.paragraph_props(self.ids["footer"], d, "center"))
        rs = self.run_styles["footer"]
        rtl = d == "rtl"
        before, rest = self.labels["page"].split("{page}")
        middle, after = rest.split("{pages}")
        for piece in (before,):
            if piece:
                p.append(ox.text_run(piece, rs, rtl))
        p.extend(ox.simple_field("PAGE", "1", rs, rtl))
        p.append(ox.text_run(middle, rs, rtl))
        p.extend(ox.simple_field("NUMPAGES", "1", rs, rtl))
        if after:
            p.append(ox.text_run(after, rs, rtl))

    def _toc(self) -> None:
        self.para(self.labels["contents"], "toc_heading", self.label_dir)
        rs = self.run_styles["normal"]
        headings = [clean_line(s.heading) for s in self.b.sections if clean_line(s.heading)]
        if lines(self.b.summary):
            headings.insert(0, self.labels["summary"])
        if self.b.citations():
            headings.append(self.labels["sources"])
        if not headings:
            headings = [self.labels["toc_empty"]]
        rtl_first = detect_direction(headings[0], self.label_dir) == "rtl"
        first = self.para(headings[0], "normal")
        first_runs = first.findall(qn("w:r"))
        anchor = first_runs[0] if first_runs else None
        for run in ox.field_begin('TOC \\o "1-1" \\h \\z \\u', rs, rtl_first):
            if anchor is not None:
                anchor.addprevious(run)
            else:
                first.append(run)
        last = first
        for h in headings[1:]:
            last = self.para(h, "normal")
        last.append(ox.field_end(rs, detect_direction(headings[-1], self.label_dir) == "rtl"))
        ox.set_update_fields(self.doc.settings.element)

    # -- items ------------------------------------------------------------------------------
    def _item(self, item: BriefingItem) -> None:
        if item.kind == "highlight":
            for ln in lines(item.text) or ["…"]:
                self.para(ln, "quote")
            if item.citation is not None:
                self._citation_line(item.citation)
            if lines(item.note):
                self._note_box(item.note)
        elif item.kind == "note":
            self._note_box(item.text)
            if item.citation is not None:
                self._citation_line(item.citation)
        else:
            for ln in lines(item.text):
                self.para(ln, "normal")

    def _note_box(self, body: str) -> None:
        self.para(self.labels["note"], "note_label", self.label_dir)
        for ln in lines(body) or ["…"]:
            self.para(ln, "note")

    def _citation_fields(self, c: Citation) -> list[str]:
        return [
            x for x in (clean_line(c.source), clean_line(c.title), clean_line(c.published)) if x
        ]

    def _citation_line(self, c: Citation, prefix: str = "— ", key: str = "citation") -> None:
        fields = self._citation_fields(c)
        url = clean_line(c.url)
        d = detect_direction(" ".join(fields), self.label_dir)
        sep = "، " if d == "rtl" else ", "
        text = prefix + sep.join(fields)
        p = self.para(text, key, d)
        if url:
            rs = self.run_styles[key]
            rtl = d == "rtl"
            if fields:
                p.append(ox.text_run(sep, rs, rtl))
            if is_web_url(url):
                p.append(ox.hyperlink(self.doc.part, url, url, "ltr", rs))
            else:
                p.extend(ox.script_runs(url, "ltr", rs))
            if rtl:
                p.append(ox.text_run("\u200e", rs, False))

    def _sources(self) -> None:
        cites = self.b.citations()
        if not cites:
            return
        self.para(self.labels["sources"], "heading1", self.label_dir)
        for n, c in enumerate(cites, 1):
            self._citation_line(c, prefix=f"{n}. ", key="source")


def _default_look(doc: Any) -> None:
    """Without a user template: indent quotes on both sides (so direction does not matter)."""
    from docx.shared import Pt

    for st in doc.styles:
        if st.name == "Quote":
            st.paragraph_format.left_indent = Pt(28)
            st.paragraph_format.right_indent = Pt(28)
            st.paragraph_format.space_after = Pt(2)


def _fresh(part_obj: Any) -> Any:
    """The header/footer element, its lone empty paragraph removed so ours come first."""
    el = part_obj._element
    paras = el.findall(qn("w:p"))
    if (
        len(paras) == 1
        and not "".join(paras[0].itertext()).strip()
        and paras[0].find(qn("w:r")) is None
    ):
        el.remove(paras[0])
    return el


def _add_font_alternative(doc: Any, font: str, alt: str) -> None:
    """Declare the complex-script font in the font table with an alternative (w:altName)."""
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/fontTable") and not rel.is_external:
            part = rel.target_part
            break
    else:
        return
    element = getattr(part, "_element", None)
    root = element if element is not None else etree.fromstring(part.blob)
    for f in root.findall(qn("w:font")):
        if f.get(qn("w:name")) == font:
            return
    f = etree.SubElement(root, qn("w:font"))
    f.set(qn("w:name"), font)
    for tag, val in (
        ("w:altName", alt),
        ("w:charset", "B2"),
        ("w:family", "auto"),
        ("w:pitch", "variable"),
    ):
        child = etree.SubElement(f, qn(tag))
        child.set(qn("w:val"), val)
    if element is None:
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
