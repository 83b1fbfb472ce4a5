"""HTML pages (trafilatura): the main text without menus, ads, banners or comments; metadata."""

from __future__ import annotations

import codecs
import re
from typing import cast

from lxml import etree
from lxml import html as lxml_html

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers.common import iso_date, language_code, make_document
from desktop_app.core.importers.encoding import decode, decode_bom
from desktop_app.core.models import ImportedDocument, ParagraphKind
from desktop_app.core.text.paragraphs import build_paragraphs

Block = tuple[str, ParagraphKind, int]

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.I,
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BOILERPLATE_TAGS = (
    "nav",
    "aside",
    "footer",
    "form",
    "script",
    "style",
    "noscript",
    "iframe",
    "template",
)
_BOILERPLATE_ROLES = {"navigation", "complementary", "contentinfo", "banner", "search", "dialog"}
_BOILERPLATE_NAMES = re.compile(
    r"(?:^|[\s_-])(cookies?|consent|gdpr|comments?|comment-list|disqus|advert\w*|ads?|adv|"
    r"sponsor\w*|promo\w*|newsletter|subscribe|social|share|sharing|related|breadcrumbs?|"
    r"menu|navbar|sidebar|popup|modal|banner)(?:$|[\s_-])",
    re.I,
)
_KEEP = {"html", "body", "main", "article"}


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode page bytes: BOM, then the <meta> or <?xml?> charset, then the text rules."""
    found = decode_bom(data)
    if found is not None:
        return found
    m = _META_CHARSET.search(data[:4096])
    if m:
        try:
            enc = codecs.lookup((m.group(1) or m.group(2)).decode("ascii")).name
        except LookupError:
            enc = ""
        if enc:
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                pass  # the page lies about its charset: detect it instead
    return decode(data)


def _holds_content(el: etree._Element) -> bool:
    if el.tag in _KEEP:
        return True
    return next(el.iterdescendants("article", "main"), None) is not None


def strip_boilerplate(root: etree._Element) -> None:
    """Remove navigation, sidebars, footers, cookie banners, ads and comment sections in place."""
    doomed: list[etree._Element] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in _BOILERPLATE_TAGS:
            doomed.append(el)
        elif tag == "header" and next(el.iterancestors("article", "main"), None) is None:
            doomed.append(el)
        elif (el.get("role") or "").lower() in _BOILERPLATE_ROLES:
            doomed.append(el)
        elif _BOILERPLATE_NAMES.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            doomed.append(el)
    for el in doomed:
        parent = el.getparent()
        if parent is None or _holds_content(el):
            continue
        tail = el.tail
        parent.remove(el)
        if tail and tail.strip():
            prev = parent[-1] if len(parent) else None
            # keep text that followed the removed element
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail


def _text(el: etree._Element) -> str:
    return "".join(el.itertext())


def xml_blocks(el: etree._Element, quote: bool = False, depth: int = 0) -> list[Block]:
    """Paragraphs of trafilatura's XML output: head -> heading, quote, list items, table rows."""
    out: list[Block] = []
    for child in el:
        tag = child.tag
        if tag == "head":
            rend = child.get("rend") or "h2"
            level = int(rend[1:]) if re.fullmatch(r"h[1-6]", rend) else 2
            out.append((_text(child), "heading", level))
        elif tag == "p":
            out.append((_text(child), "quote" if quote else "body", 0))
        elif tag == "quote":
            if len(child) and any(c.tag in ("p", "list", "head") for c in child):
                out.extend(xml_blocks(child, True, depth))
            else:
                out.append((_text(child), "quote", 0))
        elif tag == "list":
            for item in child:
                if item.tag != "item":
                    continue
                nested = [c for c in item if c.tag == "list"]
                for c in nested:
                    item.remove(c)
                out.append((_text(item), "list", depth + 1))
                for c in nested:
                    wrapper = etree.Element("x")
                    wrapper.append(c)
                    out.extend(xml_blocks(wrapper, quote, depth + 1))
        elif tag == "table":
            for row in child.iter("row"):
                cells = [_text(c).strip() for c in row if c.tag == "cell"]
                out.append((" | ".join(c for c in cells if c), "body", 0))
        elif tag in ("div", "main", "section"):
            out.extend(xml_blocks(child, quote, depth))
        elif tag in ("graphic", "ref", "lb"):
            continue
        else:
            out.append((_text(child), "quote" if quote else "body", 0))
    return out


def _fallback_blocks(root: etree._Element) -> list[Block]:
    out: list[Block] = []
    for el in root.iter("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote"):
        tag = cast(str, el.tag)  # tags are str in a parsed tree
        if tag.startswith("h"):
            out.append((_text(el), "heading", int(tag[1])))
        elif tag == "li":
            out.append((_text(el), "list", 1))
        elif tag == "blockquote":
            if el.find(".//p") is None:
                out.append((_text(el), "quote", 0))
        elif next(el.iterancestors("blockquote"), None) is not None:
            out.append((_text(el), "quote", 0))
        else:
            out.append((_text(el), "body", 0))
    return out


def parse(data: bytes, name: str) -> ImportedDocument:
    """Parse an HTML page: the article text by trafilatura after boilerplate is stripped."""
    import trafilatura

    text, encoding = decode_html(data)
    # lxml refuses a str that still carries an XML encoding declaration (XHTML pages).
    text = _XML_DECLARATION.sub("", text.lstrip("\ufeff"), count=1)
    try:
        root = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise ImportFailed(
            code="import.html_unreadable", reason=str(exc).splitlines()[0] if str(exc) else "?"
        ) from exc
    page_lang = language_code(root.get("lang") or root.get("xml:lang"))
    meta = trafilatura.extract_metadata(root)
    strip_boilerplate(root)
    xml = trafilatura.extract(
        root, output_format="xml", include_comments=False, include_tables=True, favor_precision=True
    )
    blocks: list[Block] = []
    if xml:
        doc = etree.fromstring(xml.encode("utf-8"))
        main = doc.find("main")
        blocks = xml_blocks(main if main is not None else doc)
    if not blocks:
        blocks = _fallback_blocks(root)
    paragraphs = build_paragraphs(blocks)
    return make_document(
        paragraphs,
        name,
        "html",
        title=(meta.title if meta else "") or "",
        language=page_lang,
        encoding=encoding,
        author=(meta.author if meta else "") or "",
        source=(meta.sitename if meta else "") or "",
        url=(meta.url if meta else "") or "",
        published=iso_date(meta.date if meta else None),
    )
