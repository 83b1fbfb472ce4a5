"""Importers, one module a format; each has `parse(data, name) -> ImportedDocument`."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

from desktop_app.core.errors import ImportFailed
from desktop_app.core.models import ImportedDocument

# extension -> module name under desktop_app.core.importers
FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}

MAX_BYTES = 50 * 1024 * 1024


def is_supported(path: Path) -> bool:
    """True when a file's extension has an importer."""
    return path.suffix.lower() in FORMATS


def check_size(size: int, max_bytes: int = MAX_BYTES) -> None:
    """Refuse a file over the size limit (checked before reading it, and again on the bytes)."""
    if size > max_bytes:
        raise ImportFailed(
            f"file too large: {size / 1e6:.1f} MB (the limit is {max_bytes / 1e6:.1f} MB)"
        )


def parse_bytes(data: bytes, name: str, max_bytes: int = MAX_BYTES) -> ImportedDocument:
    """Parse a file's bytes with the importer for its extension; raises ImportFailed."""
    ext = Path(name).suffix.lower()
    module_name = FORMATS.get(ext)
    if module_name is None:
        raise ImportFailed(f"unsupported file type {ext or '(no extension)'}")
    check_size(len(data), max_bytes)
    if not data.strip():
        raise ImportFailed("empty file")
    module = importlib.import_module(f"desktop_app.core.importers.{module_name}")
    doc: ImportedDocument = module.parse(data, name)
    if not doc.paragraphs:
        raise ImportFailed("no text found in the file")
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
