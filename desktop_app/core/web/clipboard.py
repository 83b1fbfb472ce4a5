"""Pasted articles: what a browser puts on the clipboard, as an ImportedDocument with its address.

A selection copied from a browser arrives as an HTML fragment: Chromium wraps it in
`<html><body><!--StartFragment-->…<!--EndFragment-->`, Firefox gives the bare fragment, and the
Windows "HTML Format" carries a header of offsets and the page's `SourceURL:`. The analyst chose
every word of it, so every text block of the selection is kept (headings, lists, quotes, table
rows, lines split at `<br>`); only scripts, styles and the site's navigation are left out. The
HTML importer reads the metadata (headline, site name, date, author, language).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from lxml import etree
from lxml import html as lxml_html

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers import html as html_importer
from desktop_app.core.importers import txt
from desktop_app.core.importers.blocks import Block, BlockWalker
from desktop_app.core.importers.common import check_text, opening_words
from desktop_app.core.importers.encoding import strip_controls
from desktop_app.core.models import ImportedDocument
from desktop_app.core.text.paragraphs import build_paragraphs, clean_line
from desktop_app.core.web.address import is_address, site_name

# The clipboard formats that carry the address of the page a selection was copied from, in the
# order they are trusted: Firefox's, Chromium's (Linux, macOS), then the Windows CF_HTML header.
SOURCE_FORMATS = (
    "text/x-moz-url-priv",
    "chromium/x-source-url",
    "org.chromium.source-url",
)
WINDOWS_HTML_FORMAT = 'application/x-qt-windows-mime;value="HTML Format"'

_CF_HEADER = re.compile(r"\A\s*Version:\s*\d[^<]*", re.S)
_CF_SOURCE = re.compile(r"^SourceURL:\s*(\S+)\s*$", re.M)
_FRAGMENT = re.compile(r"<!--\s*StartFragment\s*-->(.*)<!--\s*EndFragment\s*-->", re.S | re.I)
_UNTITLED = "pasted-selection"


def web_address(text: str) -> str:
    """The text as an http/https address with a host, in one piece ("" when it is not one)."""
    candidate = text.strip()
    if not is_address(candidate) or any(c.isspace() for c in candidate):
        return ""
    return candidate


def _decoded(data: bytes) -> str:
    """Clipboard bytes as text: UTF-16 when they say so (Firefox's formats), else UTF-8."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    if len(data) > 1 and data.count(0) * 3 >= len(data):
        return data.decode("utf-16-le", errors="replace")
    return data.decode("utf-8", errors="replace")


def split_cf_html(raw: str) -> tuple[str, str]:
    """The HTML of a Windows "HTML Format" text without its header, and the header's SourceURL."""
    header = _CF_HEADER.match(raw)
    if header is None:
        return raw, ""
    found = _CF_SOURCE.search(header.group(0))
    return raw[header.end() :], web_address(found.group(1)) if found else ""


def first_address(data: bytes) -> str:
    """The address on the first line of a browser's URL format (UTF-8 or UTF-16), or ""."""
    lines = _decoded(data).replace("\x00", "").splitlines()
    return web_address(lines[0]) if lines else ""


def source_address(formats: Mapping[str, bytes]) -> str:
    """The address of the page a selection was copied from, from the clipboard's other formats."""
    for name in SOURCE_FORMATS:
        address = first_address(formats.get(name) or b"")
        if address:
            return address
    windows = formats.get(WINDOWS_HTML_FORMAT)
    if windows:
        return split_cf_html(_decoded(windows))[1]
    return ""


def _base_href(root: etree._Element) -> str:
    base = root.find(".//base[@href]")
    return web_address(base.get("href") or "") if base is not None else ""


def selection_blocks(root: etree._Element) -> list[Block]:
    """Every text block of a fragment in order: a block element or a `<br>` ends a paragraph."""
    walker = BlockWalker(br_breaks=True)
    walker.walk(root, "body", 0, 0)
    cleaned = ((clean_line(text), kind, level) for text, kind, level in walker.blocks)
    return [block for block in cleaned if block[0]]


def _tree(markup: str) -> etree._Element:
    return lxml_html.document_fromstring(
        markup, parser=lxml_html.HTMLParser(no_network=True, huge_tree=False)
    )


def _from_html(markup: str, source_url: str) -> ImportedDocument | None:
    """The document of an HTML selection, or None when it holds no text."""
    markup, cf_source = split_cf_html(strip_controls(markup.lstrip("\ufeff")))
    if not markup.strip():
        return None
    try:
        root = _tree(markup)
        fragment = _FRAGMENT.search(markup)
        body = _tree(fragment.group(1)) if fragment and fragment.group(1).strip() else root
    except (etree.ParserError, ValueError):
        return None
    html_importer.strip_boilerplate(body)
    blocks = selection_blocks(body)
    if not blocks:
        return None
    try:
        meta = html_importer.parse(markup.encode("utf-8"), _UNTITLED + ".html")
    except ImportFailed:
        meta = ImportedDocument([], format="html")
    # a page that declares no title gets the file name's stem from the importer
    declared = meta.title if meta.title != _UNTITLED else ""
    title = declared or (blocks[0][0] if blocks[0][1] == "heading" else "")
    if title:
        # the headline is the title, not a paragraph (as the HTML importer does)
        key = clean_line(title).casefold()
        blocks = [b for i, b in enumerate(blocks) if i > 2 or b[0].casefold() != key]
    paragraphs = build_paragraphs(blocks)
    if not paragraphs:
        paragraphs = build_paragraphs([(title, "body", 0)])
    if not title:
        title = opening_words(" ".join(p.text for p in paragraphs[:3]))
    url = source_url or cf_source or _base_href(root) or web_address(meta.url)
    # a selection is not the page: it is a duplicate by its text only, never by the address
    return replace(
        meta, paragraphs=paragraphs, title=title, url=url, encoding="utf-8", canonical_url=""
    )


def document_from_clipboard(html: str, text: str, source_url: str = "") -> ImportedDocument:
    """The clipboard's HTML (else its text) as a document, with the page's address and site.

    Raises ImportFailed(code="clipboard.no_text") when neither holds any text.
    """
    source_url = web_address(source_url)
    doc = _from_html(html, source_url) if html.strip() else None
    if doc is None:
        plain = strip_controls(text.lstrip("\ufeff"))
        doc = txt.parse(plain.encode("utf-8"), "") if plain.strip() else None
        if doc is not None:
            doc = replace(doc, url=source_url)
    if doc is None or not doc.paragraphs:
        raise ImportFailed(code="clipboard.no_text")
    check_text(doc.paragraphs)
    if not doc.source and doc.url:
        doc = replace(doc, source=site_name(doc.url))
    return doc
