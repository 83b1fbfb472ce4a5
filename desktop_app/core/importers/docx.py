"""Word documents: the text as Word shows it with every tracked change accepted.

One reader walks the WordprocessingML of each story (body, text boxes, footnotes, endnotes,
comments) with lxml, so that text inside smart tags, content controls, fields, hyperlinks,
custom XML and bidi embeddings is kept as python-docx's `paragraph.text` does not always keep it.

What is read, and how:

- Tracked changes are accepted: insertions and moves' destinations kept, deletions and moves'
  sources dropped; a deleted paragraph mark joins its paragraph to the next, as "Accept All".
  Table rows deleted in tracking are dropped.
- Fields show their result: a complex field's instruction (`w:instrText`, and any nested field
  inside it) is dropped, `w:fldSimple` keeps its displayed runs.
- Hidden text (`w:vanish`, on the run or through its character or paragraph style) is dropped,
  as Word neither shows nor prints it; so is a content control still showing its placeholder.
- Text boxes (DrawingML or VML; of `mc:AlternateContent` only the first choice, or else the
  fallback, so their text is read once) come as paragraphs after the paragraph that anchors them.
- Footnotes and endnotes referenced in the text come at the end, in the order of their references,
  as paragraphs that start with their number ("1. …" for footnotes, "i. …" for endnotes, Word's
  default numbering); the reference marks themselves are not copied into the text.
- Headings are known by outline level (the paragraph's or its style's, through `basedOn`) as well
  as by style name; lists by numbering or style name; table rows become "cell | cell" paragraphs.
- Reviewer comments become ImportedComment (the passage they mark, exactly as imported).
- The title is the core properties' title when the text contains it or has no heading, else the
  first heading: a template's stale title does not name the document.
"""

from __future__ import annotations

import bisect
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers.common import check_zip, iso_date, make_document, split_tags
from desktop_app.core.models import ImportedComment, ImportedDocument, ParagraphKind, Remark

if TYPE_CHECKING:
    from lxml import etree

    Element = etree._Element

CORRUPT = "import.docx_corrupt"  # a message code
_HEADING = re.compile(r"^(?:heading|titre|überschrift|عنوان)\s*(\d)$", re.I)
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{_W_NS}}}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_FALSE = {"0", "false", "off"}
_NOTE_KINDS = ("footnote", "endnote")
# Run content that stands for a character, and what Word shows for it.
_RUN_CHARS = {
    f"{_W}tab": "\t",
    f"{_W}ptab": "\t",
    f"{_W}br": "\n",
    f"{_W}cr": "\n",
    f"{_W}noBreakHyphen": "-",
    f"{_W}softHyphen": "",
}
# Containers whose content is read as it stands (their own properties are skipped).
_TRANSPARENT = {
    f"{_W}{name}"
    for name in ("hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo", "ins", "moveTo")
}
_DROPPED = {f"{_W}del", f"{_W}moveFrom"}
_SYMBOL_FONTS = ("symbol", "wingdings", "webdings")


def paragraph_kind(style_name: str, has_numbering: bool) -> tuple[ParagraphKind, int]:
    """(kind, level) of a Word paragraph from its style name and list numbering."""
    name = (style_name or "").strip()
    m = _HEADING.match(name)
    if m:
        return "heading", int(m.group(1))
    low = name.lower()
    if low == "title":
        return "heading", 1
    if low == "subtitle":
        return "heading", 2
    if "quote" in low:
        return "quote", 0
    if has_numbering or low.startswith("list"):
        digits = re.search(r"(\d)$", low)
        return "list", int(digits.group(1)) if digits else 1
    return "body", 0


def _val(el: Element | None) -> str | None:
    return None if el is None else el.get(f"{_W}val")


def _on(el: Element | None) -> bool | None:
    """The value of an on/off property element: None when absent."""
    if el is None:
        return None
    return (_val(el) or "true").lower() not in _FALSE


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out += letters
            n -= value
    return out


def _choice(alternate: Element) -> Element | None:
    """The branch of mc:AlternateContent to read: the first mc:Choice, else mc:Fallback."""
    branch = alternate.find(f"{_MC}Choice")
    return branch if branch is not None else alternate.find(f"{_MC}Fallback")


def _text_boxes(el: Element) -> Iterator[Element]:
    """The w:txbxContent stories inside a drawing, picture or object, each once."""
    for child in el.iterchildren():
        if child.tag == f"{_MC}AlternateContent":
            branch = _choice(child)
            if branch is not None:
                yield from _text_boxes(branch)
        elif child.tag == f"{_W}txbxContent":
            yield child
        else:
            yield from _text_boxes(child)


def _symbol(sym: Element) -> str:
    """The character of a w:sym, when it has a Unicode meaning (symbol fonts' glyphs do not)."""
    code = _int_hex(sym.get(f"{_W}char"))
    if code is None:
        return ""
    font = (sym.get(f"{_W}font") or "").lower()
    if 0xF000 <= code <= 0xF0FF:  # Word's private-use form of a symbol font's byte
        if font.startswith(_SYMBOL_FONTS):
            return ""
        code -= 0xF000
    if font.startswith(_SYMBOL_FONTS) or code < 0x20 or 0xD800 <= code <= 0xDFFF:
        return ""
    return chr(code) if code <= 0x10FFFF else ""


def _int_hex(value: str | None) -> int | None:
    try:
        return int(value, 16) if value else None
    except ValueError:
        return None


class _Styles:
    """Paragraph and character styles: names, outline levels and hidden text through basedOn."""

    def __init__(self, root: Element | None) -> None:
        self.by_id: dict[str, Element] = {}
        self.default_paragraph = ""
        if root is None:
            return
        for style in root.iterchildren(f"{_W}style"):
            sid = style.get(f"{_W}styleId") or ""
            self.by_id[sid] = style
            default = (style.get(f"{_W}default") or "").lower() in {"1", "true", "on"}
            if default and style.get(f"{_W}type") == "paragraph":
                self.default_paragraph = sid

    def _chain(self, sid: str) -> Iterator[Element]:
        seen: set[str] = set()
        while sid and sid not in seen and sid in self.by_id:
            seen.add(sid)
            style = self.by_id[sid]
            yield style
            sid = _val(style.find(f"{_W}basedOn")) or ""

    def name(self, sid: str) -> str:
        """The style's name (Word writes built-in names in English: "heading 1", "Title")."""
        style = self.by_id.get(sid)
        return (_val(style.find(f"{_W}name")) or "") if style is not None else ""

    def outline_level(self, sid: str) -> int | None:
        """The outline level (0 = heading 1 … 8, 9 = body text) the style or its bases give."""
        for style in self._chain(sid):
            level = _int(_val(style.find(f"{_W}pPr/{_W}outlineLvl")))
            if level is not None:
                return level
        return None

    def hidden(self, sid: str) -> bool | None:
        """Whether the style (or a base) hides its text; None when none of them says."""
        for style in self._chain(sid):
            value = _on(style.find(f"{_W}rPr/{_W}vanish"))
            if value is not None:
                return value
        return None


class _Buffer:
    """The raw text of one paragraph (or table row) being read, with the comment marks met."""

    def __init__(self, text: str = "") -> None:
        self.parts: list[str] = [text] if text else []
        self.size = len(text)
        self.marks: list[tuple[int, str, str]] = []  # (offset, comment id, start/end/ref)

    def add(self, text: str) -> None:
        if text:
            self.parts.append(text)
            self.size += len(text)

    def mark(self, comment_id: str, what: str) -> None:
        self.marks.append((self.size, comment_id, what))

    def text(self) -> str:
        joined = "".join(self.parts)
        self.parts = [joined] if joined else []
        return joined

    def truncate(self, size: int) -> None:
        self.parts = [self.text()[:size]] if size else []
        self.size = size
        self.marks = [(min(at, size), cid, what) for at, cid, what in self.marks]


@dataclass
class _Line:
    raw: str
    kind: ParagraphKind
    level: int


@dataclass
class _Carry:
    """A paragraph whose mark was deleted: it joins the next paragraph of the story."""

    buffer: _Buffer
    boxes: list[Element]
    kind: ParagraphKind
    level: int


@dataclass
class _Reader:
    """Reads stories into lines (paragraphs before cleaning) and counts what it met."""

    styles: _Styles
    lines: list[_Line] = field(default_factory=list)
    marks: list[tuple[int, int, str, str]] = field(default_factory=list)  # line, offset, id, what
    insertions: int = 0
    deletions: int = 0
    asides: int = 0  # text boxes, footnotes and endnotes read
    note_refs: list[tuple[str, str]] = field(default_factory=list)  # (footnote/endnote, id)
    fields: list[bool] = field(default_factory=list)  # open fields: True in the instruction
    carry: _Carry | None = None
    sink: _Buffer | None = None  # inside a table cell: paragraphs join this row
    glue: bool = False  # in a cell, the previous paragraph's mark was deleted

    # -- stories and blocks ------------------------------------------------------------------

    def story(self, container: Element, lead: str = "") -> None:
        """Read a story (body, text box, note, comment) with its own fields and joins."""
        saved = self.carry, self.fields
        self.fields = []
        self.carry = _Carry(_Buffer(lead), [], "body", 0) if lead else None
        self.blocks(container)
        self.flush_carry()
        self.carry, self.fields = saved

    def blocks(self, container: Element) -> None:
        for child in container.iterchildren():
            tag = child.tag
            if tag == f"{_W}p":
                self.paragraph(child)
            elif tag == f"{_W}tbl":
                self.table(child)
            elif tag == f"{_W}sdt":
                content = self._sdt_content(child)
                if content is not None:
                    self.blocks(content)
            elif tag in (f"{_W}customXml", f"{_W}ins", f"{_W}moveTo"):
                self.blocks(child)
            elif tag == f"{_MC}AlternateContent":
                branch = _choice(child)
                if branch is not None:
                    self.blocks(branch)
            elif tag in (f"{_W}commentRangeStart", f"{_W}commentRangeEnd"):
                self._block_mark(child)

    def _block_mark(self, el: Element) -> None:
        cid = el.get(f"{_W}id") or ""
        what = "start" if el.tag == f"{_W}commentRangeStart" else "end"
        target = self.sink if self.sink is not None else None
        if target is None and self.carry is not None:
            target = self.carry.buffer
        if target is not None:
            target.mark(cid, what)
        elif what == "start" or not self.lines:
            self.marks.append((len(self.lines), 0, cid, what))
        else:
            last = len(self.lines) - 1
            self.marks.append((last, len(self.lines[last].raw), cid, what))

    @staticmethod
    def _sdt_content(sdt: Element) -> Element | None:
        """A content control's content, or None while it shows its placeholder text."""
        if _on(sdt.find(f"{_W}sdtPr/{_W}showingPlcHdr")):
            return None
        return sdt.find(f"{_W}sdtContent")

    def _kind(self, ppr: Element | None) -> tuple[ParagraphKind, int, str]:
        sid = (_val(ppr.find(f"{_W}pStyle")) if ppr is not None else None) or ""
        sid = sid or self.styles.default_paragraph
        num = ppr.find(f"{_W}numPr") if ppr is not None else None
        numbering: int | None = None
        if num is not None and _val(num.find(f"{_W}numId")) != "0":
            numbering = (_int(_val(num.find(f"{_W}ilvl"))) or 0) + 1
        outline = _int(_val(ppr.find(f"{_W}outlineLvl"))) if ppr is not None else None
        if outline is None:
            outline = self.styles.outline_level(sid)
        if outline is not None and 0 <= outline <= 8:
            return "heading", outline + 1, sid
        kind, level = paragraph_kind(self.styles.name(sid), numbering is not None)
        if kind == "list" and numbering is not None:
            level = numbering
        return kind, level, sid

    def paragraph(self, p: Element) -> None:
        ppr = p.find(f"{_W}pPr")
        kind, level, sid = self._kind(ppr)
        mark = ppr.find(f"{_W}rPr") if ppr is not None else None
        deleted = mark is not None and (
            mark.find(f"{_W}del") is not None or mark.find(f"{_W}moveFrom") is not None
        )
        if mark is not None and (
            mark.find(f"{_W}ins") is not None or mark.find(f"{_W}moveTo") is not None
        ):
            self.insertions += 1
        if deleted:
            self.deletions += 1
        boxes: list[Element] = []
        if self.sink is not None:
            if self.sink.size and not self.glue:
                self.sink.add(" ")
            self.inline(p, self.sink, self.styles.hidden(sid), boxes)
            self.glue = deleted
            for box in boxes:
                self._box(box)
            return
        if self.carry is not None:
            buffer, boxes = self.carry.buffer, self.carry.boxes
            self.carry = None
        else:
            buffer = _Buffer()
        self.inline(p, buffer, self.styles.hidden(sid), boxes)
        if deleted:
            self.carry = _Carry(buffer, boxes, kind, level)
            return
        self.emit(buffer, kind, level, boxes)

    def flush_carry(self) -> None:
        """Emit a paragraph whose deleted mark had no next paragraph to join."""
        if self.carry is not None:
            carry, self.carry = self.carry, None
            self.emit(carry.buffer, carry.kind, carry.level, carry.boxes)

    def emit(self, buffer: _Buffer, kind: ParagraphKind, level: int, boxes: list[Element]) -> None:
        """Add a paragraph's lines (a line break starts a new paragraph), then its text boxes."""
        text = buffer.text()
        first = len(self.lines)
        starts = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                starts.append(i + 1)
        ends = [s - 1 for s in starts[1:]] + [len(text)]
        for start, end in zip(starts, ends, strict=True):
            self.lines.append(_Line(text[start:end], kind, level))
        for at, cid, what in buffer.marks:
            row = bisect.bisect_right(starts, at) - 1
            self.marks.append((first + row, at - starts[row], cid, what))
        for box in boxes:
            self._box(box)

    def _box(self, box: Element) -> None:
        before = (len(self.lines), self.sink.size if self.sink is not None else 0)
        if self.sink is not None:
            self.blocks(box)
        else:
            self.story(box)
        after = (len(self.lines), self.sink.size if self.sink is not None else 0)
        if after != before:
            self.asides += 1

    def table(self, tbl: Element) -> None:
        self.flush_carry()
        for row in self._rows(tbl):
            trpr = row.find(f"{_W}trPr")
            if trpr is not None and trpr.find(f"{_W}ins") is not None:
                self.insertions += 1
            if trpr is not None and trpr.find(f"{_W}del") is not None:
                self.deletions += 1
                continue
            if self.sink is not None:  # a table inside a cell: its cells join the cell's text
                for cell in self._cells(row):
                    self.blocks(cell)
                continue
            buffer = _Buffer()
            self.sink = buffer
            try:
                for cell in self._cells(row):
                    begin = buffer.size
                    if begin:
                        buffer.add(" | ")
                    content = buffer.size
                    self.glue = False
                    self.blocks(cell)
                    if not buffer.text()[content:].strip():
                        buffer.truncate(begin)
            finally:
                self.sink = None
            self.emit(buffer, "body", 0, [])

    def _rows(self, tbl: Element) -> Iterator[Element]:
        yield from self._wrapped(tbl, f"{_W}tr")

    def _cells(self, row: Element) -> Iterator[Element]:
        yield from self._wrapped(row, f"{_W}tc")

    def _wrapped(self, parent: Element, tag: str) -> Iterator[Element]:
        """Rows of a table or cells of a row, also those inside content controls or custom XML."""
        for child in parent.iterchildren():
            if child.tag == tag:
                yield child
            elif child.tag == f"{_W}sdt":
                content = self._sdt_content(child)
                if content is not None:
                    yield from self._wrapped(content, tag)
            elif child.tag == f"{_W}customXml":
                yield from self._wrapped(child, tag)

    # -- runs --------------------------------------------------------------------------------

    def inline(
        self, el: Element, buffer: _Buffer, hidden: bool | None, boxes: list[Element]
    ) -> None:
        """Read the run-level content of a paragraph (or of a container inside it)."""
        for child in el.iterchildren():
            tag = child.tag
            if tag == f"{_W}r":
                self.run(child, buffer, hidden, boxes)
            elif tag in _TRANSPARENT:
                if tag in (f"{_W}ins", f"{_W}moveTo"):
                    self.insertions += 1
                self.inline(child, buffer, hidden, boxes)
            elif tag in _DROPPED:
                self.deletions += 1
                self._marks_only(child, buffer)
            elif tag == f"{_W}sdt":
                content = self._sdt_content(child)
                if content is not None:
                    self.inline(content, buffer, hidden, boxes)
                else:
                    self._marks_only(child, buffer)
            elif tag == f"{_MC}AlternateContent":
                branch = _choice(child)
                if branch is not None:
                    self.inline(branch, buffer, hidden, boxes)
            elif tag == f"{_W}commentRangeStart":
                buffer.mark(child.get(f"{_W}id") or "", "start")
            elif tag == f"{_W}commentRangeEnd":
                buffer.mark(child.get(f"{_W}id") or "", "end")
            elif tag == f"{_W}ruby":
                base = child.find(f"{_W}rubyBase")
                if base is not None:
                    self.inline(base, buffer, hidden, boxes)
            elif isinstance(tag, str) and tag.startswith(_M):
                if not any(self.fields):
                    buffer.add("".join(t.text or "" for t in child.iter(f"{_M}t")))

    def _marks_only(self, el: Element, buffer: _Buffer) -> None:
        """Comment marks inside dropped content still mark where the passage starts or ends."""
        for mark in el.iter(f"{_W}commentRangeStart", f"{_W}commentRangeEnd"):
            what = "start" if mark.tag == f"{_W}commentRangeStart" else "end"
            buffer.mark(mark.get(f"{_W}id") or "", what)

    def run(self, r: Element, buffer: _Buffer, hidden: bool | None, boxes: list[Element]) -> None:
        rpr = r.find(f"{_W}rPr")
        vanish = _on(rpr.find(f"{_W}vanish")) if rpr is not None else None
        if vanish is None and rpr is not None:
            style = _val(rpr.find(f"{_W}rStyle"))
            vanish = self.styles.hidden(style) if style else None
        if vanish is None:
            vanish = hidden
        self.run_content(r, buffer, bool(vanish), boxes)

    def run_content(self, r: Element, buffer: _Buffer, vanish: bool, boxes: list[Element]) -> None:
        for child in r.iterchildren():
            tag = child.tag
            if tag == f"{_W}fldChar":
                kind = child.get(f"{_W}fldCharType")
                if kind == "begin":
                    self.fields.append(True)
                elif kind == "separate" and self.fields:
                    self.fields[-1] = False
                elif kind == "end" and self.fields:
                    self.fields.pop()
                continue
            if tag == f"{_W}commentReference":
                buffer.mark(child.get(f"{_W}id") or "", "ref")
                continue
            if vanish or any(self.fields):
                continue
            if tag == f"{_W}t":
                buffer.add(child.text or "")
            elif tag in _RUN_CHARS:
                buffer.add(_RUN_CHARS[tag])
            elif tag == f"{_W}sym":
                buffer.add(_symbol(child))
            elif tag == f"{_W}footnoteReference":
                self.note_refs.append(("footnote", child.get(f"{_W}id") or ""))
            elif tag == f"{_W}endnoteReference":
                self.note_refs.append(("endnote", child.get(f"{_W}id") or ""))
            elif tag in (f"{_W}drawing", f"{_W}pict", f"{_W}object"):
                boxes.extend(_text_boxes(child))
            elif tag == f"{_MC}AlternateContent":
                branch = _choice(child)
                if branch is not None:
                    self.run_content(branch, buffer, vanish, boxes)


# -- the parts of the package ------------------------------------------------------------------


def _related(document: object, reltype: str) -> Element | None:
    """The XML root of the part the main document relates to with `reltype`, or None."""
    from docx.oxml.parser import parse_xml

    part = document.part  # type: ignore[attr-defined]
    for rel in part.rels.values():
        if rel.is_external or rel.reltype != _RELS + reltype:
            continue
        target = rel.target_part
        element = getattr(target, "element", None)
        if element is not None:
            return cast("Element", element)
        return cast("Element", parse_xml(target.blob))
    return None


def _notes(root: Element | None, kind: str) -> dict[str, Element]:
    """The footnotes or endnotes of a part by id, without separators and continuation notices."""
    if root is None:
        return {}
    return {
        note.get(f"{_W}id") or "": note
        for note in root.iterchildren(f"{_W}{kind}")
        if (note.get(f"{_W}type") or "normal") == "normal"
    }


def _clean_offset(raw: str, at: int, size: int) -> int:
    """Where offset `at` of a raw line falls in its cleaned text (of length `size`)."""
    from desktop_app.core.text.paragraphs import clean_line

    # A letter after the prefix keeps its trailing space the way the whole line keeps it.
    return max(0, min(size, len(clean_line(raw[:at] + "x")) - 1))


def _comments(
    root: Element | None,
    styles: _Styles,
    positions: dict[str, dict[str, int]],
    text: str,
    starts: list[int],
) -> list[ImportedComment]:
    out: list[ImportedComment] = []
    if root is None:
        return out
    from desktop_app.core.text.paragraphs import clean_line

    for comment in root.iterchildren(f"{_W}comment"):
        cid = comment.get(f"{_W}id") or ""
        reader = _Reader(styles)
        reader.story(comment)
        body = "\n".join(line for line in (clean_line(x.raw) for x in reader.lines) if line)
        at = positions.get(cid, {})
        start = at.get("start", at.get("ref", -1))
        end = at.get("end", at.get("ref", start))
        quote, paragraph = "", 0
        if start >= 0:
            end = max(start, end)
            passage = text[start:end]
            start += len(passage) - len(passage.lstrip())
            quote = passage.strip()
            paragraph = max(0, bisect.bisect_right(starts, start) - 1)
        out.append(
            ImportedComment(
                quote=quote,
                body=body,
                author=comment.get(f"{_W}author") or "",
                created=_iso_datetime(comment.get(f"{_W}date") or ""),
                paragraph=paragraph,
            )
        )
    return out


def _iso_datetime(value: str) -> str:
    """A comment's w:date as the library writes times (YYYY-MM-DDTHH:MM:SSZ), or ""."""
    import datetime as dt

    if not value:
        return ""
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _contains(paragraphs_text: str, title: str) -> bool:
    """Whether the text contains the title, harakat, hamza forms, case and spacing aside."""
    from desktop_app.core.text.normalize import normalize

    needle = " ".join(normalize(title).split())
    return bool(needle) and needle in " ".join(normalize(paragraphs_text).split())


def _read(document: object) -> tuple[_Reader, list[ImportedComment]]:
    """Read the body, the notes and the comments of an opened document."""
    from desktop_app.core.text.paragraphs import clean_line

    styles_part = document.styles.element  # type: ignore[attr-defined]
    styles = _Styles(cast("Element", styles_part))
    reader = _Reader(styles)
    reader.story(cast("Element", document.element.body))  # type: ignore[attr-defined]
    notes = {kind: _notes(_related(document, f"{kind}s"), kind) for kind in _NOTE_KINDS}
    for kind in _NOTE_KINDS:  # footnotes, then endnotes, each in the order of their references
        seen: set[str] = set()
        for ref_kind, nid in reader.note_refs:  # (a note may refer to another: read it too)
            if ref_kind != kind or nid in seen or nid not in notes[kind]:
                continue
            seen.add(nid)
            n = len(seen)
            reader.story(notes[kind][nid], lead=f"{n if kind == 'footnote' else _roman(n)}. ")
        reader.asides += len(seen)
    # Offsets in the article text (paragraphs joined by "\n") of every comment mark.
    cleaned = [clean_line(line.raw) for line in reader.lines]
    line_start: list[int] = []
    starts: list[int] = []
    pos = 0
    for text in cleaned:
        line_start.append(pos)
        if text:
            starts.append(pos)
            pos += len(text) + 1
    line_start.append(pos)
    text = "\n".join(t for t in cleaned if t)
    positions: dict[str, dict[str, int]] = {}
    for row, at, cid, what in reader.marks:
        if row >= len(cleaned):
            offset = len(text)
        else:
            size = len(cleaned[row])
            offset = line_start[row] + (
                _clean_offset(reader.lines[row].raw, at, size) if size else 0
            )
        positions.setdefault(cid, {}).setdefault(what, min(offset, len(text)))
    comments = _comments(_related(document, "comments"), styles, positions, text, starts)
    return reader, comments


def parse(data: bytes, name: str) -> ImportedDocument:
    """Parse a .docx file; a corrupt or truncated one raises ImportFailed."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    from desktop_app.core.text.paragraphs import build_paragraphs

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ImportFailed(code=CORRUPT)
    try:
        # python-docx reads every part whole: measure them first (declared and inflated sizes).
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            check_zip(zf)
        document = docx.Document(io.BytesIO(data))
        reader, comments = _read(document)
        props = document.core_properties
        title, author = props.title or "", props.author or ""
        created, language, keywords = props.created, props.language or "", props.keywords or ""
    except (ImportFailed, MemoryError):
        raise  # (MemoryError: the worker reports that the parser ran out of memory)
    except (zipfile.BadZipFile, KeyError, XMLSyntaxError, PackageNotFoundError, EOFError) as exc:
        raise ImportFailed(code=CORRUPT) from exc
    except Exception as exc:  # zlib, CRC and XML errors of a damaged package: same cause
        raise ImportFailed(code=CORRUPT) from exc
    paragraphs = build_paragraphs((line.raw, line.kind, line.level) for line in reader.lines)
    headings = [p for p in paragraphs if p.kind == "heading"]
    heading = next((p.text for p in headings if p.level == 1), headings[0].text if headings else "")
    if not title.strip() or (
        heading and not _contains("\n".join(p.text for p in paragraphs), title)
    ):
        title = heading
    remarks: list[Remark] = []
    if reader.insertions or reader.deletions:
        remarks.append(
            Remark(
                "import.remark_revisions",
                {"insertions": reader.insertions, "deletions": reader.deletions},
            )
        )
    if comments:
        remarks.append(Remark("import.remark_comments", {"count": len(comments)}))
    if reader.asides:
        remarks.append(Remark("import.remark_notes", {"count": reader.asides}))
    return make_document(
        paragraphs,
        name,
        "docx",
        title=title,
        language=language,
        author=author,
        published=iso_date(created),
        tags=split_tags(keywords),
        remarks=tuple(remarks),
        comments=tuple(comments),
    )
