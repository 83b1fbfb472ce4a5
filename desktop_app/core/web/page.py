"""A page by its address: fetch it, pick its importer by content type, and keep its address.

The importers read files; a fetched page becomes one by its media type (HTML, PDF, or plain
text), and the importer's document gets the address: `url` (the page's own canonical address
when it declares one, else where the fetch ended, without tracking parameters),
`canonical_url` (the duplicate key) and, when the page names no site, the host as `source`.
"""

from __future__ import annotations

import codecs
import dataclasses
import re
from dataclasses import dataclass

from desktop_app.core.errors import ImportFailed
from desktop_app.core.models import ImportedDocument
from desktop_app.core.web.address import canonical, file_name, site_name
from desktop_app.core.web.fetch import Cancel, FetchCancelled, Fetched, fetch

_HTML = ("text/html", "application/xhtml+xml")
_PDF = ("application/pdf", "application/x-pdf")
_TEXT = ("text/plain",)
_UNTYPED = ("", "application/octet-stream", "binary/octet-stream", "application/download")
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True)
class Page:
    """A fetched address ready for an importer."""

    fetched: Fetched
    suffix: str  # the importer's extension: .html, .pdf or .txt
    name: str  # a file name for the kept original

    @property
    def data(self) -> bytes:
        """The bytes the importer reads: HTML declares the charset the server gave it."""
        data = self.fetched.data
        charset = self.fetched.charset
        if self.suffix != ".html" or not charset or data.startswith(_BOMS):
            return data
        try:
            name = codecs.lookup(charset).name
        except LookupError:
            return data
        # the HTTP header outranks the page's own <meta> (HTML's rules): say it first
        return f'<meta charset="{name}">'.encode("ascii") + data


def suffix_for(fetched: Fetched) -> str:
    """The importer's extension for a response; refuses any other type, naming it."""
    kind, head = fetched.content_type, fetched.data[:1024]
    if kind in _HTML:
        return ".html"
    if kind in _PDF or (kind in _UNTYPED and head.startswith(b"%PDF-")):
        return ".pdf"
    if kind in _TEXT:
        return ".txt"
    if kind in _UNTYPED and _HTML_START.match(head):
        return ".html"
    raise ImportFailed(code="web.unsupported_type", type=kind or "no type")


def fetch_page(address: str, cancel: Cancel | None = None) -> Page | None:
    """Fetch an address for import; None when cancel() stopped it. Raises ImportFailed."""
    try:
        fetched = fetch(address, cancel=cancel)
    except FetchCancelled:
        return None
    suffix = suffix_for(fetched)
    return Page(fetched, suffix, file_name(fetched.final_url, suffix))


def with_address(doc: ImportedDocument, page: Page) -> ImportedDocument:
    """The imported document with the page's address, duplicate key and site."""
    final = canonical(page.fetched.final_url) or page.fetched.final_url
    base = page.fetched.final_url
    declared = (
        canonical(doc.canonical_url or doc.url, base=base) if doc.canonical_url or doc.url else ""
    )
    url = declared or final
    return dataclasses.replace(doc, url=url, canonical_url=url, source=doc.source or site_name(url))
