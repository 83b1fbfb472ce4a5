"""Importers, one module a format; each has `parse(data, name) -> ImportedDocument`.

`IMPORTERS` is the one table of formats: the import command, the folder walk and the window's
Import dialog (its file filter) all read it. A new format is one module and one row here.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, cast

from desktop_app.core.errors import ImportFailed
from desktop_app.core.messages import QT_TRANSLATE_NOOP
from desktop_app.core.models import ImportedDocument


class _Parser(Protocol):
    def parse(self, data: bytes, name: str) -> ImportedDocument: ...


@dataclass(frozen=True)
class Importer:
    """One importable format: its file extensions and the module under this package."""

    name: str
    label: str  # English; the window shows it translated (context "Importers")
    extensions: tuple[str, ...]
    module: str  # full module name, e.g. desktop_app.core.importers.txt

    def parse(self, data: bytes, name: str) -> ImportedDocument:
        """Parse a file's bytes with this format's module (loaded when first needed)."""
        module = cast(_Parser, importlib.import_module(self.module))
        return module.parse(data, name)


IMPORTERS: tuple[Importer, ...] = (
    Importer(
        "txt",
        QT_TRANSLATE_NOOP("Importers", "Plain text"),
        (".txt", ".text"),
        "desktop_app.core.importers.txt",
    ),
    Importer(
        "md",
        QT_TRANSLATE_NOOP("Importers", "Markdown"),
        (".md", ".markdown"),
        "desktop_app.core.importers.md",
    ),
    Importer(
        "html",
        QT_TRANSLATE_NOOP("Importers", "Web pages"),
        (".html", ".htm"),
        "desktop_app.core.importers.html",
    ),
    Importer(
        "docx",
        QT_TRANSLATE_NOOP("Importers", "Word documents"),
        (".docx",),
        "desktop_app.core.importers.docx",
    ),
    Importer(
        "pdf",
        QT_TRANSLATE_NOOP("Importers", "PDF documents"),
        (".pdf",),
        "desktop_app.core.importers.pdf",
    ),
    Importer(
        "epub",
        QT_TRANSLATE_NOOP("Importers", "EPUB books"),
        (".epub",),
        "desktop_app.core.importers.epub",
    ),
)

FORMATS: dict[str, Importer] = {ext: imp for imp in IMPORTERS for ext in imp.extensions}

MAX_BYTES = 50 * 1024 * 1024


def extensions() -> list[str]:
    """Every importable extension, in table order."""
    return list(FORMATS)


def is_supported(path: Path) -> bool:
    """True when a file's extension has an importer."""
    return path.suffix.lower() in FORMATS


def check_size(size: int, max_bytes: int = MAX_BYTES) -> None:
    """Refuse a file over the size limit (checked before reading it, and again on the bytes)."""
    if size > max_bytes:
        raise ImportFailed(
            code="import.too_large", size_mb=f"{size / 1e6:.1f}", limit_mb=f"{max_bytes / 1e6:.1f}"
        )


def parse_bytes(data: bytes, name: str, max_bytes: int = MAX_BYTES) -> ImportedDocument:
    """Parse a file's bytes with the importer for its extension; raises ImportFailed."""
    ext = Path(name).suffix.lower()
    importer = FORMATS.get(ext)
    if importer is None:
        raise ImportFailed(code="import.unsupported", ext=ext or "(no extension)")
    check_size(len(data), max_bytes)
    if not data.strip():
        raise ImportFailed(code="import.empty")
    doc = importer.parse(data, name)
    if not doc.paragraphs:
        raise ImportFailed(code="import.no_text")
    from desktop_app.core.importers.common import check_text

    check_text(doc.paragraphs)
    return doc


def expand_paths(paths: list[Path]) -> Iterator[Path]:
    """Files to import: named files as given, folders walked recursively (supported files only)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and is_supported(child) and not child.name.startswith("."):
                    yield child
        else:
            yield path


def expand_items(items: Iterable[Path | str]) -> Iterator[Path | str]:
    """What an import takes, in order: web addresses as given (strings), paths expanded."""
    from desktop_app.core.web.address import is_address

    for item in items:
        if isinstance(item, str) and is_address(item):
            yield item.strip()
        else:
            yield from expand_paths([Path(item)])
