"""Word documents the way Word writes them: tracked changes, comments, notes, text boxes, markup.

python-docx makes the package (styles, settings, core properties, comments through its own
comment API); the body of the other shapes is WordprocessingML written here as Word writes it:
right-to-left paragraphs (`w:bidi`) and runs (`w:rtl`), `w:ins`/`w:del`/`w:moveFrom`/`w:moveTo`,
a deleted paragraph mark, footnotes and endnotes with their separators, a text box in
`mc:AlternateContent` (DrawingML choice, VML fallback) and a VML-only one, smart tags, content
controls, simple and complex fields, hyperlinks, custom XML, `w:dir`, hidden text, a custom
heading style known only by its outline level, and a stale core-properties title.

`cases(source)` gives each shape with everything an importer must read back (paragraphs with
their kinds, title, comments, remarks); `documents(sources)` gives the files alone.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.parser import parse_xml
from docx.text.paragraph import Paragraph as DocxParagraph

from desktop_app.core.models import ImportedComment, Remark
from tests.producers import Generated, Source

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = {
    "w": W_NS,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "w10": "urn:schemas-microsoft-com:office:word",
}
_DECLS = " ".join(f'xmlns:{k}="{v}"' for k, v in NAMESPACES.items())
_W = f"{{{W_NS}}}"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
REVIEW_DATE = "2024-03-15T09:30:00Z"
STALE_TITLE = "Document1 - قالب النشرة الأسبوعية"
DELETED = ("نص قديم حذفه المحرر", "فقرة كاملة حذفت أثناء المراجعة")
HIDDEN = "ملاحظة مخفية للمحرر"
PLACEHOLDER = "انقر هنا لإدخال نص"
HEBREW = 'המשלוח שוקל 20 ק"ג בלבד'
HYPERLINK_STYLE = '<w:rStyle w:val="Hyperlink"/>'
PLACEHOLDER_STYLE = '<w:rStyle w:val="PlaceholderText"/>'
KILOGRAMS = '20 ק"ג'
SHAPES = ("revisions", "comments", "notes", "textbox", "markup", "outline")


@dataclass(frozen=True)
class DocxCase:
    """One generated Word file and what the importer must read back from it."""

    generated: Generated
    shape: str
    title: str
    kinds: tuple[tuple[str, int], ...]  # (kind, level) of each expected paragraph
    comments: tuple[ImportedComment, ...] = ()
    remarks: tuple[Remark, ...] = ()


def clean(text: str) -> str:
    """A paragraph as the importer stores it: NFC, single spaces, no characters XML forbids."""
    return " ".join(unicodedata.normalize("NFC", _NOT_XML.sub("", text)).split())


def _is_rtl(text: str) -> bool:
    for ch in text:
        cls = unicodedata.bidirectional(ch)
        if cls in ("R", "AL"):
            return True
        if cls == "L":
            return False
    return False


def _t(text: str) -> str:
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def run(text: str, rpr: str = "") -> str:
    """A run as Word writes it, `w:rtl` on right-to-left text."""
    props = rpr + ("<w:rtl/>" if _is_rtl(text) else "")
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{_t(text)}</w:r>"


def runs(text: str, size: int = 3) -> str:
    """Runs of a few words each, split the way editing leaves them (spaces end a run).

    A space at the end of `text` is kept, in the last run.
    """
    words = text.split()
    chunks = [" ".join(words[i : i + size]) for i in range(0, len(words), size)]
    last = len(chunks) - 1
    tail = " " if text[-1:].isspace() else ""
    return "".join(run(c + (" " if i < last else tail)) for i, c in enumerate(chunks))


def para(content: str, text: str = "", style: str = "", ppr: str = "", mark: str = "") -> str:
    """A paragraph: `w:bidi` when `text` (what it shows) is right to left; `mark` rPr."""
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ppr
    props += "<w:bidi/>" if _is_rtl(text) else ""
    props += f"<w:rPr>{mark}</w:rPr>" if mark else ""
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{content}</w:p>"


class _Ids:
    def __init__(self) -> None:
        self.n = 100

    def __call__(self) -> str:
        self.n += 1
        return str(self.n)


def _rev(ids: _Ids) -> str:
    return f'w:id="{ids()}" w:author="محرر الأخبار" w:date="{REVIEW_DATE}"'


def _halves(words: Sequence[str]) -> tuple[str, str]:
    cut = max(1, len(words) // 2) if len(words) > 1 else len(words)
    return " ".join(words[:cut]), " ".join(words[cut:])


def _new_document(source: Source, title: str = "") -> docx.document.Document:
    d = docx.Document()
    body = d.element.body
    for child in list(body):
        if child.tag != f"{_W}sectPr":
            body.remove(child)
    props = d.core_properties
    props.title = title
    props.author = source.author
    props.language = source.language
    if source.published:
        props.created = dt.datetime.fromisoformat(source.published)
    else:  # no date rather than the template's
        for el in props._element.findall("{http://purl.org/dc/terms/}created"):
            props._element.remove(el)
    return d


def _append(d: docx.document.Document, xml: str) -> None:
    """Add WordprocessingML block content (paragraphs, tables, controls) to the body's end."""
    body = d.element.body
    sect = body.find(f"{_W}sectPr")
    for el in list(parse_xml(f"<w:body {_DECLS}>{xml}</w:body>")):
        if sect is not None:
            sect.addprevious(el)
        else:
            body.append(el)


def _save(d: docx.document.Document) -> bytes:
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _add_part(d: docx.document.Document, name: str, content_type: str, reltype: str, xml: str):
    part = Part(PackURI(name), content_type, xml.encode("utf-8"), d.part.package)
    d.part.relate_to(part, reltype)
    return part


def raw_document(
    body: str,
    *,
    title: str = "",
    comments: str = "",
    footnotes: str = "",
    styles: str = "",
) -> bytes:
    """A Word file whose body (and comments, footnotes, extra styles) is the WordprocessingML
    given: the content of `w:body`, `w:comments`, `w:footnotes` and `w:styles`."""
    d = _new_document(Source(title="", paragraphs=()), title)
    if styles:
        root = d.styles.element
        for el in list(parse_xml(f"<w:styles {_DECLS}>{styles}</w:styles>")):
            root.append(el)
    _append(d, body)
    if comments:
        _add_part(
            d,
            "/word/comments.xml",
            CT.WML_COMMENTS,
            RT.COMMENTS,
            f"<w:comments {_DECLS}>{comments}</w:comments>",
        )
    if footnotes:
        _add_part(
            d,
            "/word/footnotes.xml",
            CT.WML_FOOTNOTES,
            RT.FOOTNOTES,
            f"<w:footnotes {_DECLS}>{_SEPARATORS.format('footnote')}{footnotes}</w:footnotes>",
        )
    return _save(d)


# -- the shapes --------------------------------------------------------------------------------


def _revisions(source: Source, paras: list[str]) -> tuple[bytes, list[str], list[tuple], Remark]:
    """Insertions, deletions, a deleted paragraph, a deleted paragraph mark, a move."""
    ids = _Ids()
    ins = dels = 0
    d = _new_document(source)
    title_words = source.title.split()
    head, last = " ".join(title_words[:-1]), title_words[-1]
    content = run(head + " ") if head else ""
    content += f"<w:ins {_rev(ids)}>{run(last)}</w:ins>"
    ins += 1
    xml = para(content, source.title, "Heading1")
    first, rest = _halves(paras[0].split())
    content = run(first + " ") if rest else ""
    content += (
        f'<w:del {_rev(ids)}><w:r><w:delText xml:space="preserve">{DELETED[0]} </w:delText>'
        "</w:r></w:del>"
    )
    content += f"<w:ins {_rev(ids)}>{runs(rest or first)}</w:ins>"
    ins, dels = ins + 1, dels + 1
    xml += para(content, paras[0])
    # A whole paragraph deleted: its runs and its mark.
    deleted = f"<w:del {_rev(ids)}><w:r><w:delText>{DELETED[1]}</w:delText></w:r></w:del>"
    xml += para(deleted, DELETED[1], mark=f"<w:del {_rev(ids)}/>")
    dels += 2

    def moved(text: str) -> str:
        nonlocal ins, dels
        words = text.split()
        if len(words) < 2:
            return runs(text)
        word = words[-1]
        start, end = ids(), ids()
        common = f'w:author="محرر الأخبار" w:date="{REVIEW_DATE}" w:name="move1"'
        out = f'<w:moveFromRangeStart w:id="{start}" {common}/>'
        out += f"<w:moveFrom {_rev(ids)}>{run(word + ' ')}</w:moveFrom>"
        out += f'<w:moveFromRangeEnd w:id="{start}"/>'
        out += runs(" ".join(words[:-1]) + " ")
        out += f'<w:moveToRangeStart w:id="{end}" {common}/>'
        out += f"<w:moveTo {_rev(ids)}>{run(word)}</w:moveTo>"
        out += f'<w:moveToRangeEnd w:id="{end}"/>'
        ins, dels = ins + 1, dels + 1
        return out

    for i, text in enumerate(paras[1:], start=1):
        last_one = i == len(paras) - 1
        if i == 1:  # split in two by a paragraph mark deleted in review
            first, rest = _halves(text.split())
            if rest:
                xml += para(runs(first) + run(" "), text, mark=f"<w:del {_rev(ids)}/>")
                dels += 1
                text = rest
        xml += para(moved(text) if last_one else runs(text), text)
    _append(d, xml)
    expected = [source.title, *paras]
    kinds = [("heading", 1)] + [("body", 0)] * len(paras)
    return (
        _save(d),
        expected,
        kinds,
        Remark("import.remark_revisions", {"insertions": ins, "deletions": dels}),
    )


def _bidi(paragraph: DocxParagraph, text: str) -> None:
    if _is_rtl(text):
        paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:bidi xmlns:w="{W_NS}"/>'))
    for r in paragraph.runs:
        if _is_rtl(r.text):
            r._r.get_or_add_rPr().append(parse_xml(f'<w:rtl xmlns:w="{W_NS}"/>'))


def _comments(source: Source, paras: list[str]):
    """Comments made with python-docx's comment API: author, date, Arabic and mixed bodies."""
    d = _new_document(source, source.title)
    heading = d.add_heading(source.title, 1)
    _bidi(heading, source.title)
    word_runs = []
    for text in paras:
        p = d.add_paragraph()
        words = text.split()
        rs = [p.add_run(w + (" " if i < len(words) - 1 else "")) for i, w in enumerate(words)]
        _bidi(p, text)
        word_runs.append(rs)
    author = source.author or "محرر الأخبار"
    when = dt.datetime(2024, 3, 15, 9, 30, tzinfo=dt.UTC)
    specs: list[tuple[list, str, str, int, str]] = []
    w0 = paras[0].split()
    a, b = (1, min(4, len(w0))) if len(w0) > 1 else (0, 1)
    specs.append((word_runs[0][a:b], "تحقق من هذا الرقم قبل النشر", author, 1, " ".join(w0[a:b])))
    if len(paras) > 1:  # spanning two paragraphs, a body of two paragraphs, Arabic and English
        w1 = paras[1].split()
        tail = w0[-2:] if len(w0) > 1 else w0
        head = w1[: min(3, len(w1))]
        specs.append(
            (
                [word_runs[0][len(w0) - len(tail)], word_runs[1][len(head) - 1]],
                "راجع المصدر الأصلي 🔍\nCheck the quote with the Reuters desk",
                "Editor Desk",
                1,
                " ".join(tail) + "\n" + " ".join(head),
            )
        )
    wl = paras[-1].split()
    specs.append(
        (
            word_runs[-1][: min(3, len(wl))],
            "صياغة دقيقة",
            author,
            len(paras),
            " ".join(wl[: min(3, len(wl))]),
        )
    )
    comments = []
    for i, (rs, body, who, paragraph, quote) in enumerate(specs):
        c = d.add_comment(rs, text=body, author=who, initials=who[:1])
        moment = when + dt.timedelta(minutes=i)
        c._comment_elm.date = moment
        comments.append(
            ImportedComment(
                quote=quote,
                body=body,
                author=who,
                created=moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
                paragraph=paragraph,
            )
        )
    # A reviewer also replaced a word of the last paragraph, with tracking on.
    ids = _Ids()
    last = word_runs[-1][-1]._r
    last.addprevious(
        parse_xml(
            f'<w:del {_DECLS} {_rev(ids)}><w:r><w:delText xml:space="preserve">'
            f"{escape(DELETED[0])} </w:delText></w:r></w:del>"
        )
    )
    inserted = parse_xml(f"<w:ins {_DECLS} {_rev(ids)}/>")
    last.addprevious(inserted)
    inserted.append(last)
    expected = [source.title, *paras]
    kinds = [("heading", 1)] + [("body", 0)] * len(paras)
    remarks = [
        Remark("import.remark_revisions", {"insertions": 1, "deletions": 1}),
        Remark("import.remark_comments", {"count": len(comments)}),
    ]
    return _save(d), expected, kinds, remarks, comments


_SEPARATORS = (
    '<w:{0} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{0}>'
    '<w:{0} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:{0}>"
)


def _note(kind: str, nid: str, text: str) -> str:
    ref = f'<w:r><w:rPr><w:rStyle w:val="{kind.title()}Reference"/></w:rPr><w:{kind}Ref/></w:r>'
    return f'<w:{kind} w:id="{nid}">{para(ref + run(" ") + runs(text), text)}</w:{kind}>'


def _notes(source: Source, paras: list[str]):
    """Footnotes and endnotes: separators, a note never referenced, numbers by reference order."""
    d = _new_document(source)
    ref = '<w:r><w:rPr><w:rStyle w:val="{0}Reference"/></w:rPr><w:{1}Reference w:id="{2}"/></w:r>'
    body_paras = paras[:-1] if len(paras) > 1 else paras
    footnote = paras[-1] if len(paras) > 1 else source.title
    xml = para(runs(source.title) + ref.format("Endnote", "endnote", "1"), source.title, "Heading1")
    for i, text in enumerate(body_paras):
        content = runs(text) + (ref.format("Footnote", "footnote", "2") if i == 0 else "")
        xml += para(content, text)
    _append(d, xml)
    notes = _SEPARATORS.format("footnote")
    notes += _note("footnote", "2", footnote)
    notes += _note("footnote", "3", "حاشية لم يشر إليها النص")
    _add_part(
        d,
        "/word/footnotes.xml",
        CT.WML_FOOTNOTES,
        RT.FOOTNOTES,
        f"<w:footnotes {_DECLS}>{notes}</w:footnotes>",
    )
    ends = _SEPARATORS.format("endnote") + _note("endnote", "1", source.title)
    _add_part(
        d,
        "/word/endnotes.xml",
        CT.WML_ENDNOTES,
        RT.ENDNOTES,
        f"<w:endnotes {_DECLS}>{ends}</w:endnotes>",
    )
    expected = [source.title, *body_paras, f"1. {footnote}", f"i. {source.title}"]
    kinds = [("heading", 1)] + [("body", 0)] * (len(expected) - 1)
    return _save(d), expected, kinds, Remark("import.remark_notes", {"count": 2})


def _drawing_box(inner: str, n: int) -> str:
    emu = 'cx="5486400" cy="914400"'
    return (
        '<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0"'
        ' relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1"'
        ' allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column">'
        '<wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph">'
        f"<wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent {emu}/>"
        '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        f'<wp:docPr id="{n}" name="Text Box {n}"/><wp:cNvGraphicFramePr/><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext {emu}/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440"'
        ' bIns="45720" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>'
        "</a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )


def _vml_box(inner: str, n: int) -> str:
    return (
        f'<w:pict><v:shape id="Text Box {n}" o:spid="_x0000_s{1025 + n}" type="#_x0000_t202"'
        ' style="position:absolute;margin-left:0;margin-top:0;width:6in;height:1in;z-index:1"'
        f' stroked="t"><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox>'
        '<w10:wrap type="topAndBottom"/></v:shape></w:pict>'
    )


def _textbox(source: Source, paras: list[str]):
    """A VML-only text box in the heading; a DrawingML box with its VML fallback, alone."""
    d = _new_document(source)
    first = para(runs(paras[0]), paras[0])
    xml = para(runs(source.title) + f"<w:r>{_vml_box(first, 1)}</w:r>", source.title, "Heading1")
    boxes = 1
    rest = paras[1:]
    if rest:
        inner = para(runs(rest[0]), rest[0])
        alternate = (
            '<mc:AlternateContent><mc:Choice Requires="wps">'
            f"{_drawing_box(inner, 2)}</mc:Choice><mc:Fallback>{_vml_box(inner, 2)}"
            "</mc:Fallback></mc:AlternateContent>"
        )
        xml += para(f"<w:r>{alternate}</w:r>", rest[0])
        boxes += 1
        for text in rest[1:]:
            xml += para(runs(text), text)
    _append(d, xml)
    expected = [source.title, *paras]
    kinds = [("heading", 1)] + [("body", 0)] * len(paras)
    return _save(d), expected, kinds, Remark("import.remark_notes", {"count": boxes})


def _groups(words: list[str], k: int) -> list[str]:
    k = max(1, min(k, len(words)))
    size, extra = divmod(len(words), k)
    out, at = [], 0
    for i in range(k):
        n = size + (1 if i < extra else 0)
        out.append(" ".join(words[at : at + n]))
        at += n
    return out


def _markup(source: Source, paras: list[str], link_rid: str) -> str:
    """Body XML with smart tags, controls, fields, a hyperlink, custom XML, w:dir, hidden text."""
    space = run(" ")
    title = para(runs(source.title), source.title, "Heading1")
    xml = (
        '<w:sdt><w:sdtPr><w:alias w:val="العنوان"/><w:tag w:val="title"/><w:id w:val="11"/>'
        f"</w:sdtPr><w:sdtContent>{title}</w:sdtContent></w:sdt>"
    )
    wrappers = [
        lambda t: (
            '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags"'
            f' w:element="place">{runs(t)}</w:smartTag>'
        ),
        lambda t: (
            f'<w:hyperlink r:id="{link_rid}" w:history="1">{run(t, HYPERLINK_STYLE)}</w:hyperlink>'
        ),
        lambda t: f'<w:fldSimple w:instr=" DOCPROPERTY  Company "><w:r>{_t(t)}</w:r></w:fldSimple>',
        lambda t: (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/news" '
            "</w:instrText></w:r>"
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{runs(t)}<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        ),
        lambda t: f'<w:customXml w:element="person">{runs(t)}</w:customXml>',
        lambda t: f'<w:dir w:val="{"rtl" if _is_rtl(t) else "ltr"}">{runs(t)}</w:dir>',
        lambda t: (
            f'<w:sdt><w:sdtPr><w:id w:val="12"/></w:sdtPr><w:sdtContent>{runs(t)}'
            "</w:sdtContent></w:sdt>"
        ),
    ]
    extras = [
        space + run(HIDDEN + " ", "<w:vanish/>"),
        space + '<w:sdt><w:sdtPr><w:id w:val="13"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent>'
        f"{run(PLACEHOLDER, PLACEHOLDER_STYLE)}</w:sdtContent></w:sdt>",
        "<w:r><w:tab/></w:r>",
    ]
    groups = _groups(paras[0].split(), len(wrappers))
    content = ""
    for i, group in enumerate(groups):
        if i:
            content += extras[i - 1] if i - 1 < len(extras) else space
        content += wrappers[i](group)
    xml += para(content, paras[0])
    for text in paras[1:-1]:
        xml += f'<w:customXml w:element="section">{para(runs(text), text)}</w:customXml>'
    if len(paras) > 1:  # a content control around the whole paragraph, a smart tag inside
        head, tail = _halves(paras[-1].split())
        inner = para(
            runs(head + " ") + f'<w:smartTag w:element="date">{runs(tail)}</w:smartTag>',
            paras[-1],
        )
        xml += (
            f'<w:sdt><w:sdtPr><w:id w:val="14"/></w:sdtPr><w:sdtContent>{inner}'
            "</w:sdtContent></w:sdt>"
        )
    hebrew = (
        run("המשלוח שוקל ") + '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags"'
        ' w:element="metricconverter"><w:smartTagPr>'
        f'<w:attr w:name="ProductID" w:val={quoteattr(KILOGRAMS)}/></w:smartTagPr>'
        f"{run(KILOGRAMS)}</w:smartTag>" + run(" בלבד")
    )
    xml += para(hebrew, HEBREW)
    return xml


def _markup_doc(source: Source, paras: list[str]):
    d = _new_document(source)
    rid = d.part.relate_to("https://example.org/news", RT.HYPERLINK, is_external=True)
    _append(d, _markup(source, paras, rid))
    expected = [source.title, *paras, HEBREW]
    kinds = [("heading", 1)] + [("body", 0)] * (len(expected) - 1)
    return _save(d), expected, kinds


def _outline(source: Source, paras: list[str]):
    """Headings known by outline level only: a custom style, a style based on it, direct pPr."""
    d = _new_document(source, STALE_TITLE)
    main = d.styles.add_style("عنوان رئيسي", WD_STYLE_TYPE.PARAGRAPH)
    main.base_style = d.styles["Normal"]
    ppr = main.element.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:outlineLvl xmlns:w="{W_NS}" w:val="0"/>'))
    article = d.styles.add_style("عنوان المقال", WD_STYLE_TYPE.PARAGRAPH)
    article.base_style = main
    sub = " ".join(source.title.split()[:3])
    xml = para(runs(source.title), source.title, article.style_id)
    xml += para(runs(paras[0]), paras[0])
    xml += para(runs(sub), sub, ppr='<w:outlineLvl w:val="1"/>')
    for text in paras[1:]:
        xml += para(runs(text), text)
    _append(d, xml)
    expected = [source.title, paras[0], sub, *paras[1:]]
    kinds = [("heading", 1), ("body", 0), ("heading", 2)] + [("body", 0)] * (len(paras) - 1)
    return _save(d), expected, kinds


def cases(source: Source, index: int = 0) -> list[DocxCase]:
    """Every shape for one source article, with what the importer must read back."""
    paras = [c for c in (clean(p) for p in source.paragraphs) if c]
    title = clean(source.title) or (paras[0].split()[0] if paras else "")
    if not paras:
        paras = [title]
    source = Source(
        title=title,
        paragraphs=tuple(paras),
        language=source.language,
        source=source.source,
        author=source.author,
        published=source.published,
    )
    out: list[DocxCase] = []

    def add(shape: str, data: bytes, expected, kinds, remarks=(), comments=()) -> None:
        out.append(
            DocxCase(
                generated=Generated(
                    name=f"docx-{shape}-{index}.docx",
                    data=data,
                    source=source,
                    producer=f"python-docx-{shape}",
                    expected=tuple(expected),
                ),
                shape=shape,
                title=title,
                kinds=tuple(kinds),
                comments=tuple(comments),
                remarks=tuple(remarks),
            )
        )

    data, expected, kinds, remark = _revisions(source, paras)
    add("revisions", data, expected, kinds, [remark])
    data, expected, kinds, remarks, comments = _comments(source, paras)
    add("comments", data, expected, kinds, remarks, comments)
    data, expected, kinds, remark = _notes(source, paras)
    add("notes", data, expected, kinds, [remark])
    data, expected, kinds, remark = _textbox(source, paras)
    add("textbox", data, expected, kinds, [remark])
    data, expected, kinds = _markup_doc(source, paras)
    add("markup", data, expected, kinds)
    data, expected, kinds = _outline(source, paras)
    add("outline", data, expected, kinds)
    return out


def documents(sources: list[Source]) -> list[Generated]:
    """Word files of every shape for each source; `Generated.paragraphs` is the accepted text."""
    return [case.generated for i, s in enumerate(sources) for case in cases(s, i)]
