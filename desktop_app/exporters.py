"""The one table of briefing export formats, read by `hamish briefing export` and the window.

Each row names the module and function that write the format; the module is loaded when the
format is first used (the PDF writer needs Qt, the others do not). A new format is one module
and one row here: the command's --out check, the panel's Export menu and its file filters follow.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from desktop_app.core.briefing_models import Briefing
from desktop_app.core.messages import QT_TRANSLATE_NOOP

ExportFn = Callable[..., Path]


@dataclass(frozen=True)
class Exporter:
    """One export format of briefings."""

    name: str
    label: str  # English; the window shows it translated (context "Exporters")
    extension: str
    module: str
    function: str
    templates: bool = False  # takes a .docx/.dotx to borrow styles from

    def export(self, briefing: Briefing, path: Path | str, template: str | None = None) -> Path:
        """Write briefing at path in this format; returns the written path."""
        fn = cast(ExportFn, getattr(importlib.import_module(self.module), self.function))
        if self.templates:
            return Path(fn(briefing, path, template=template))
        return Path(fn(briefing, path))


EXPORTERS: tuple[Exporter, ...] = (
    Exporter(
        "docx",
        QT_TRANSLATE_NOOP("Exporters", "Word document"),
        ".docx",
        "desktop_app.core.export.docx_builder",
        "export_docx",
        templates=True,
    ),
    Exporter(
        "md",
        QT_TRANSLATE_NOOP("Exporters", "Markdown"),
        ".md",
        "desktop_app.core.export.markdown",
        "export_markdown",
    ),
    Exporter(
        "html",
        QT_TRANSLATE_NOOP("Exporters", "Web page for e-mail"),
        ".html",
        "desktop_app.core.export.html",
        "export_html",
    ),
    Exporter(
        "pdf",
        QT_TRANSLATE_NOOP("Exporters", "PDF"),
        ".pdf",
        "desktop_app.ui.export_pdf",
        "export_pdf",
    ),
)

BY_NAME: dict[str, Exporter] = {e.name: e for e in EXPORTERS}
BY_EXTENSION: dict[str, Exporter] = {e.extension: e for e in EXPORTERS}


def for_path(path: Path | str) -> Exporter | None:
    """The exporter for a file name's extension, or None."""
    return BY_EXTENSION.get(Path(path).suffix.lower())


def extensions() -> list[str]:
    """Every export extension, in table order."""
    return [e.extension for e in EXPORTERS]
