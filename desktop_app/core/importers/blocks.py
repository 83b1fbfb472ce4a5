"""(X)HTML as blocks of text: the walk the EPUB importer and pasted selections share.

A block element (a paragraph, a heading, a list item, a table row...) ends the text before it
and its own; headings, quotes and list items give their kind and level; a table row becomes
one paragraph of its cells joined by " | "; code, styles, media fallbacks, hidden elements and
printed page numbers are left out.
"""

from __future__ import annotations

from html.entities import html5 as HTML5_ENTITIES

from lxml import etree

from desktop_app.core.importers.encoding import strip_controls
from desktop_app.core.models import ParagraphKind

Block = tuple[str, ParagraphKind, int]
_OPS = "{http://www.idpf.org/2007/ops}"

HEADINGS = {f"h{n}" for n in range(1, 7)}
LISTS = {"ul", "ol", "dir", "menu"}
BLOCKS = (
    HEADINGS
    | LISTS
    | {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "nav",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
    }
)
# Not book text: code, styles, and the fallback messages of media a reader cannot play.
DROPPED = {
    "script",
    "style",
    "template",
    "head",
    "noscript",
    "svg",
    "iframe",
    "object",
    "embed",
    "audio",
    "video",
    "canvas",
}


def local_name(el: etree._Element) -> str:
    """An element's tag without its namespace, in lower case ("" for a comment or PI)."""
    tag = el.tag
    return tag.rpartition("}")[2].lower() if isinstance(tag, str) else ""


def epub_types(el: etree._Element) -> set[str]:
    """The words of an element's epub:type."""
    value = el.get(f"{_OPS}type") or el.get("epub:type") or ""
    return set(value.lower().split())


class BlockWalker:
    """Blocks of an (X)HTML document in reading order: text gathered up to a block boundary.

    `br_breaks`: a `<br>` ends a paragraph (a pasted selection, where lines are what the analyst
    copied) instead of being a line break inside it (a book's verse or address).
    """

    def __init__(
        self, dropped: frozenset[str] = frozenset(DROPPED), br_breaks: bool = False
    ) -> None:
        self.blocks: list[Block] = []
        self._buf: list[str] = []
        self._dropped = dropped
        self._br_breaks = br_breaks

    def _flush(self, kind: ParagraphKind, level: int) -> None:
        text = strip_controls("".join(self._buf))
        self._buf.clear()
        if text.strip():
            self.blocks.append((text, kind, level))

    def _skipped(self, el: etree._Element) -> bool:
        if local_name(el) in self._dropped or el.get("hidden") is not None:
            return True
        # Printed page numbers would land inside sentences.
        return "pagebreak" in epub_types(el) or el.get("role") == "doc-pagebreak"

    def walk(self, el: etree._Element, kind: ParagraphKind, level: int, depth: int) -> None:
        """Add the blocks of el, whose context is (kind, level) inside `depth` nested lists."""
        tag = local_name(el)
        if tag not in BLOCKS:
            self._inline(el, kind, level, depth)
            return
        self._flush(kind, level)  # a block boundary: words on either side never glue
        if tag in HEADINGS:
            kind, level = "heading", int(tag[1])
        elif tag == "blockquote":
            kind, level = "quote", 0
        elif tag in LISTS:
            depth += 1
        elif tag == "li":
            kind, level = "list", max(depth, 1)
        elif tag == "tr":
            self._row(el, kind, level)
            return
        self._inline(el, kind, level, depth)
        self._flush(kind, level)

    def _inline(self, el: etree._Element, kind: ParagraphKind, level: int, depth: int) -> None:
        if el.text:
            self._buf.append(el.text)
        for child in el:
            if isinstance(child, etree._Entity):
                # Left unexpanded by the parser; only the standard HTML ones are honoured.
                self._buf.append(HTML5_ENTITIES.get(f"{child.name};", ""))
            elif isinstance(child.tag, str) and not self._skipped(child):
                if local_name(child) == "br":
                    if self._br_breaks:
                        self._flush(kind, level)
                    else:
                        self._buf.append("\n")
                else:
                    self.walk(child, kind, level, depth)
            if child.tail:
                self._buf.append(child.tail)

    def _row(self, tr: etree._Element, kind: ParagraphKind, level: int) -> None:
        cells: list[str] = []
        for cell in tr:
            if local_name(cell) not in ("td", "th"):
                continue
            sub = BlockWalker(self._dropped, self._br_breaks)
            sub.walk(cell, "body", 0, 0)
            text = " ".join(t.strip() for t, _, _ in sub.blocks)
            if text:
                cells.append(text)
        if cells:
            self.blocks.append((" | ".join(cells), kind, level))
