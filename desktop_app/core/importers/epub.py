"""EPUB 2 and 3 books: the spine's content documents in reading order, metadata from the OPF.

The zip is read entry by entry with size limits (a book is untrusted input: zip bombs, entity
bombs), XML is parsed without entity expansion or network access, and nothing is ever fetched.
"""

from __future__ import annotations

import codecs
import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urldefrag, urlsplit

from lxml import etree
from lxml import html as lxml_html

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers.blocks import (
    DROPPED,
    HEADINGS,
    Block,
    BlockWalker,
    epub_types,
    local_name,
)
from desktop_app.core.importers.common import (
    MAX_PART_BYTES,
    first_heading,
    iso_date,
    language_code,
    make_document,
    part_too_large,
    read_member,
    safe_xml_parser,
)
from desktop_app.core.importers.encoding import decode, decode_bom
from desktop_app.core.models import ImportedDocument, Paragraph
from desktop_app.core.text.language import detect_language, document_sample
from desktop_app.core.text.paragraphs import build_paragraphs

CORRUPT = "import.epub_corrupt"  # message codes
DRM = "import.epub_drm"
# Module attributes, read at each call, so a test can lower them.
MAX_ENTRY_BYTES = MAX_PART_BYTES  # one entry, uncompressed, as declared and as read
MAX_TEXT_BYTES = 50 * 1024 * 1024  # the content documents of a book together, markup included

CONTAINER = "META-INF/container.xml"
ENCRYPTION = "META-INF/encryption.xml"
_OPF_TYPE = "application/oebps-package+xml"
_NCX_TYPE = "application/x-dtbncx+xml"
_CONTENT_TYPES = {"application/xhtml+xml", "text/html", "text/x-oeb1-document"}
_CONTENT_SUFFIXES = (".xhtml", ".html", ".htm")
_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "http://purl.org/dc/elements/"
# Font obfuscation hides fonts from copying, not text: a book that uses it is no DRM.
_FONT_OBFUSCATION = {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
# The HTML parser shows an internal DTD subset as text; its entities are never expanded anyway.
_DOCTYPE = re.compile(r"<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>", re.I | re.S)


@dataclass(frozen=True)
class _Item:
    """A manifest item: its zip entry name, media type and EPUB 3 properties."""

    path: str
    media_type: str
    properties: frozenset[str]


def _words(text: str) -> str:
    return " ".join(text.split())


def _text(el: etree._Element) -> str:
    return _words("".join(el.itertext()))


def _xml_parser(recover: bool = False) -> etree.XMLParser:
    return safe_xml_parser(recover)


def _html_parser() -> lxml_html.HTMLParser:
    return lxml_html.HTMLParser(
        no_network=True, huge_tree=False, remove_comments=True, remove_pis=True
    )


def resolve(base_dir: str, href: str) -> str:
    """The zip entry an href relative to base_dir names (no fragment, %-escapes decoded)."""
    href = urldefrag(href.strip()).url
    if not href or urlsplit(href).scheme or href.startswith("/"):
        return ""  # a web address or an absolute path: never inside the book, never fetched
    path = posixpath.normpath(posixpath.join(base_dir, unquote(href)))
    return "" if path == "." or path.startswith("../") else path


class _Zip:
    """The entries of an EPUB, found leniently by name and read with size limits."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        self.entries = {i.filename: i for i in zf.infolist() if not i.is_dir()}
        self._folded: dict[str, str] = {}
        for entry in self.entries:
            self._folded.setdefault(entry.casefold(), entry)

    def find(self, path: str) -> zipfile.ZipInfo | None:
        """The entry for a path; tolerates wrong case and UTF-8 names stored without their flag."""
        if not path:
            return None
        candidates = [path]
        if not path.isascii():
            candidates.append(path.encode("utf-8").decode("cp437"))
        for candidate in candidates:
            info = self.entries.get(candidate)
            if info is None and candidate.casefold() in self._folded:
                info = self.entries[self._folded[candidate.casefold()]]
            if info is not None:
                return info
        return None

    def read(self, info: zipfile.ZipInfo) -> bytes:
        """An entry's bytes; refuses one declared or found larger than MAX_ENTRY_BYTES."""
        if info.flag_bits & 0x1:  # zip encryption: only a DRM scheme would use it in a book
            raise ImportFailed(code=DRM)
        return read_member(self.zf, info, MAX_ENTRY_BYTES)

    def xml(self, path: str, required: bool = False) -> etree._Element | None:
        """An XML entry parsed leniently (no entities, no network); None when absent."""
        info = self.find(path)
        if info is None:
            if required:
                raise ImportFailed(code=CORRUPT)
            return None
        try:
            root = etree.fromstring(self.read(info), _xml_parser(recover=True))
        except etree.XMLSyntaxError:
            if required:
                raise
            return None  # a damaged nav, NCX or encryption.xml: read the book without it
        if root is None and required:
            raise ImportFailed(code=CORRUPT)
        return root


def _descendants(el: etree._Element, name: str) -> Iterator[etree._Element]:
    """el and its descendants with a local tag name (any namespace, any case)."""
    return (child for child in el.iter() if local_name(child) == name)


def _opf_path(book: _Zip) -> str:
    container = book.xml(CONTAINER, required=True)
    assert container is not None
    rootfiles = list(_descendants(container, "rootfile"))
    rootfiles.sort(key=lambda r: (r.get("media-type") or _OPF_TYPE) != _OPF_TYPE)
    for rootfile in rootfiles:
        path = (rootfile.get("full-path") or "").strip().lstrip("/")
        for candidate in (path, unquote(path)):
            info = book.find(candidate)
            if info is not None:
                return info.filename
    raise ImportFailed(code=CORRUPT)


def _metadata(opf: etree._Element) -> dict[str, list[etree._Element]]:
    out: dict[str, list[etree._Element]] = {}
    for el in opf.iter():
        tag = el.tag
        if isinstance(tag, str) and tag.startswith("{" + _DC):
            out.setdefault(local_name(el), []).append(el)
    return out


def _publication_date(dates: list[etree._Element]) -> str:
    def event(el: etree._Element) -> str:
        return (el.get(f"{_OPF}event") or el.get("event") or "").lower()

    chosen = [d for d in dates if event(d) == "publication"]
    chosen += [d for d in dates if event(d) not in ("modification", "publication")]
    chosen += dates
    for el in chosen:
        found = iso_date(_text(el))
        if found:
            return found
    return ""


def _join_names(names: list[str]) -> str:
    unique = list(dict.fromkeys(n for n in names if n))
    arabic = any("\u0600" <= ch <= "\u06ff" for name in unique for ch in name)
    return ("، " if arabic else ", ").join(unique)


def _toc_labels_nav(root: etree._Element, base_dir: str) -> dict[str, str]:
    navs = list(_descendants(root, "nav"))
    tocs = [n for n in navs if "toc" in epub_types(n)] or navs[:1]
    labels: dict[str, str] = {}
    for nav in tocs:
        for a in _descendants(nav, "a"):
            path = resolve(base_dir, a.get("href") or "")
            label = _text(a)
            if path and label:
                labels.setdefault(path, label)
    return labels


def _toc_labels_ncx(root: etree._Element, base_dir: str) -> dict[str, str]:
    labels: dict[str, str] = {}
    for point in _descendants(root, "navpoint"):
        label_el = next((c for c in point if local_name(c) == "navlabel"), None)
        content = next((c for c in point if local_name(c) == "content"), None)
        if label_el is None or content is None:
            continue
        path = resolve(base_dir, content.get("src") or "")
        label = _text(label_el)
        if path and label:
            labels.setdefault(path, label)
    return labels


def _encrypted_paths(book: _Zip) -> set[str]:
    """Entries META-INF/encryption.xml lists as encrypted (obfuscated fonts left out)."""
    root = book.xml(ENCRYPTION)
    if root is None:
        return set()
    paths: set[str] = set()
    for data in _descendants(root, "encrypteddata"):
        method = next(_descendants(data, "encryptionmethod"), None)
        if method is not None and (method.get("Algorithm") or "").strip() in _FONT_OBFUSCATION:
            continue
        for ref in _descendants(data, "cipherreference"):
            # URIs in encryption.xml are relative to the root of the container, not to the OPF.
            path = resolve("", ref.get("URI") or "")
            if path:
                paths.add(path.casefold())
    return paths


def _decode_content(data: bytes) -> str:
    found = decode_bom(data)
    if found is not None:
        return found[0]
    m = _XML_ENCODING.match(data)
    if m:
        try:
            return data.decode(codecs.lookup(m.group(1).decode("ascii")).name)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect the encoding instead
    return decode(data)[0]


def content_root(data: bytes) -> etree._Element | None:
    """The root of a content document: strict XHTML, else the HTML parser on decoded text."""
    try:
        return etree.fromstring(data, _xml_parser())
    except etree.XMLSyntaxError:
        pass  # HTML entities without a DTD, unclosed tags: read it as HTML
    text = _decode_content(data).lstrip("\ufeff")
    text = _DOCTYPE.sub("", _XML_DECLARATION.sub("", text, count=1), count=1)
    if not text.strip():
        return None
    try:
        return lxml_html.document_fromstring(text, parser=_html_parser())
    except etree.ParserError:
        return None


def _body(root: etree._Element) -> etree._Element:
    return next(_descendants(root, "body"), root)


def _head_title(root: etree._Element) -> str:
    head = next(_descendants(root, "head"), None)
    title = next(_descendants(head, "title"), None) if head is not None else None
    return _text(title) if title is not None else ""


def is_only_toc(body: etree._Element) -> bool:
    """True when every word outside headings is in a link or a <nav>: a table of contents."""

    def covered(el: etree._Element | None) -> bool:
        while el is not None:
            if local_name(el) in ("a", "nav") or local_name(el) in HEADINGS:
                return True
            if el is body:
                return False
            el = el.getparent()
        return False

    for el in body.iter():
        if not isinstance(el.tag, str) or local_name(el) in DROPPED:
            continue
        if el.text and el.text.strip() and not covered(el):
            return False
        if el is not body and el.tail and el.tail.strip() and not covered(el.getparent()):
            return False
    return True


def _same(a: str, b: str) -> bool:
    return _words(a).casefold() == _words(b).casefold()


def book_language(paragraphs: list[Paragraph], hint: str) -> str:
    """The language by the book's script; dc:language only names it, never overrules the text."""
    # Front matter (a copyright page in English) opens many Arabic books: sample the whole book.
    return detect_language(document_sample(paragraphs), language_code(hint))


def parse(data: bytes, name: str) -> ImportedDocument:
    """Parse an EPUB 2 or 3 book; a corrupt, truncated or DRM-protected one raises ImportFailed."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportFailed(code=CORRUPT) from exc
    try:
        with zf:
            return _parse_book(_Zip(zf), name)
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        KeyError,
        ValueError,  # UnicodeDecodeError, bad zip headers
        NotImplementedError,  # a compression method zipfile lacks
        RecursionError,
        etree.LxmlError,
    ) as exc:
        raise ImportFailed(code=CORRUPT) from exc


def _parse_book(book: _Zip, name: str) -> ImportedDocument:
    opf_path = _opf_path(book)
    opf = book.xml(opf_path, required=True)
    assert opf is not None
    opf_dir = posixpath.dirname(opf_path)

    manifest: dict[str, _Item] = {}
    for el in _descendants(opf, "item"):
        item_id, href = el.get("id"), el.get("href")
        if item_id and href:
            manifest[item_id] = _Item(
                resolve(opf_dir, href),
                (el.get("media-type") or "").strip().lower(),
                frozenset((el.get("properties") or "").split()),
            )
    spine_el = next(_descendants(opf, "spine"), None)
    if spine_el is None:
        raise ImportFailed(code=CORRUPT)
    spine: list[_Item] = []
    for ref in _descendants(spine_el, "itemref"):
        spine_item = manifest.get(ref.get("idref") or "")
        if spine_item is None or (ref.get("linear") or "").strip().lower() == "no":
            continue
        if spine_item.media_type in _CONTENT_TYPES or spine_item.path.lower().endswith(
            _CONTENT_SUFFIXES
        ):
            spine.append(spine_item)

    encrypted = _encrypted_paths(book)
    if any(item.path.casefold() in encrypted for item in spine):
        raise ImportFailed(code=DRM)
    found = [(item, book.find(item.path)) for item in spine]
    if sum(info.file_size for _, info in found if info is not None) > MAX_TEXT_BYTES:
        # zipfile never inflates past an entry's declared size, so this bounds the text read.
        raise part_too_large(MAX_TEXT_BYTES)

    nav = next((i for i in manifest.values() if "nav" in i.properties), None)
    ncx = manifest.get(spine_el.get("toc") or "") or next(
        (i for i in manifest.values() if i.media_type == _NCX_TYPE), None
    )
    toc_pages = {i.path for i in (nav,) if i is not None}
    for ref in _descendants(opf, "reference"):
        if (ref.get("type") or "").lower() == "toc":
            toc_pages.add(resolve(opf_dir, ref.get("href") or ""))
    labels: dict[str, str] = {}
    for toc, reader in ((nav, _toc_labels_nav), (ncx, _toc_labels_ncx)):
        if toc is not None and not labels:
            root = book.xml(toc.path)
            if root is not None:
                labels = reader(root, posixpath.dirname(toc.path))

    meta = _metadata(opf)
    book_title = next((t for t in (_text(e) for e in meta.get("title", [])) if t), "")
    chapters: list[tuple[list[Block], str]] = []
    for item, info in found:
        if info is None:
            continue  # a spine entry missing from the zip: keep the rest of the book
        data = book.read(info)
        try:
            root = content_root(data)
        except ImportFailed as exc:
            # Bytes that are no text: encrypted when the book says it encrypts something.
            raise ImportFailed(code=DRM if encrypted else CORRUPT) from exc
        if root is None:
            continue
        body = _body(root)
        is_nav = nav is not None and item.path == nav.path
        if item.path in toc_pages and is_only_toc(body):
            continue
        walker = BlockWalker(frozenset(DROPPED | {"nav"}) if is_nav else frozenset(DROPPED))
        walker.walk(body, "body", 0, 0)
        title = _head_title(root)
        if not title or _same(title, book_title):
            title = labels.get(item.path, "")
        chapters.append((walker.blocks, title))

    blocks = _with_chapter_headings(chapters)
    paragraphs = build_paragraphs(blocks)
    languages = [_text(e) for e in meta.get("language", [])]
    return make_document(
        paragraphs,
        name,
        "epub",
        title=book_title or first_heading(paragraphs),
        language=book_language(paragraphs, languages[0] if languages else ""),
        author=_join_names([_text(e) for e in meta.get("creator", [])]),
        published=_publication_date(meta.get("date", [])),
        source=next((t for t in (_text(e) for e in meta.get("publisher", [])) if t), ""),
    )


def _with_chapter_headings(chapters: list[tuple[list[Block], str]]) -> list[Block]:
    """The chapters' blocks in order; one without an h1/h2 opens with its title as a heading."""

    def top(blocks: list[Block]) -> list[int]:
        return [lv for _, kind, lv in blocks if kind == "heading" and lv <= 2]

    # The level the book's own chapter headings use, so an added one ranks with them.
    level = min((lv for blocks, _ in chapters for lv in top(blocks)), default=1)
    out: list[Block] = []
    for blocks, title in chapters:
        if blocks and title and not top(blocks) and not _same(blocks[0][0], title):
            out.append((title, "heading", level))
        out.extend(blocks)
    return out
