"""EPUB 3 books written the way Sigil and Calibre lay them out: OPF, nav, one XHTML a chapter."""

from __future__ import annotations

import io
import zipfile
from html import escape

from tests.producers import Generated, Source

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>"""

OPF = """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:hamish-test</dc:identifier>
    <dc:title>{title}</dc:title><dc:language>{language}</dc:language>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
{items}
  </manifest>
  <spine>
{refs}
  </spine>
</package>"""

PAGE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="{language}" dir="{direction}">
<head><title>{title}</title></head>
<body>{body}</body>
</html>"""


def chapter_page(title: str, paragraphs: tuple[str, ...], language: str = "ar") -> str:
    """One chapter's XHTML: its title as <h1>, then its paragraphs."""
    body = f"<h1>{escape(title)}</h1>" + "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    direction = "rtl" if language == "ar" else "ltr"
    return PAGE.format(language=language, direction=direction, title=escape(title), body=body)


def package(files: dict[str, str | bytes]) -> bytes:
    """An EPUB zip: the uncompressed mimetype first, then the files deflated, in order."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        for name, data in files.items():
            zf.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def book_files(source: Source, chapters: int = 2) -> dict[str, str | bytes]:
    """The files of a book of the source's paragraphs split into `chapters` chapters."""
    paras = source.paragraphs
    size = max(1, -(-len(paras) // chapters))
    parts = [paras[i : i + size] for i in range(0, len(paras), size)]
    files: dict[str, str | bytes] = {"META-INF/container.xml": CONTAINER}
    items, refs, links = [], [], []
    for n, part in enumerate(parts, 1):
        href = f"Text/chapter{n}.xhtml"
        items.append(f'    <item id="c{n}" href="{href}" media-type="application/xhtml+xml"/>')
        refs.append(f'    <itemref idref="c{n}"/>')
        links.append(f'<li><a href="{href}">{n}</a></li>')
        title = source.title if n == 1 else f"{source.title} ({n})"
        files[f"OEBPS/{href}"] = chapter_page(title, part, source.language)
    files["OEBPS/content.opf"] = OPF.format(
        title=escape(source.title),
        language=source.language,
        items="\n".join(items),
        refs="\n".join(refs),
    )
    nav = f'<nav epub:type="toc" xmlns:epub="http://www.idpf.org/2007/ops"><ol>{"".join(links)}</ol></nav>'
    files["OEBPS/nav.xhtml"] = PAGE.format(
        language=source.language, direction="rtl", title="toc", body=nav
    )
    return files


def book(source: Source, chapters: int = 2) -> Generated:
    """A whole book of the source, as Generated (its paragraphs are what an importer reads)."""
    data = package(book_files(source, chapters))
    return Generated("book.epub", data, source, "epub-sigil")
