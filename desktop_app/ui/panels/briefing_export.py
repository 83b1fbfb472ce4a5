"""Briefing export in the background: the worker gets a resolved Briefing and a path."""

from __future__ import annotations

import re
from pathlib import Path

from desktop_app.core.briefings import Briefing
from desktop_app.core.errors import HamishError
from desktop_app.ui.tasks import TaskContext

FORMATS = {"docx": ".docx", "md": ".md", "pdf": ".pdf"}


def export_job(ctx: TaskContext, fmt: str, briefing: Briefing, path: str) -> dict[str, str]:
    """Worker: write the briefing as fmt at path; {'path': ...} or {'error': one line}."""
    del ctx
    try:
        if fmt == "docx":
            from desktop_app.core.export.docx_builder import export_docx

            out = export_docx(briefing, path)
        elif fmt == "md":
            from desktop_app.core.export.markdown import export_markdown

            out = export_markdown(briefing, path)
        elif fmt == "pdf":
            from desktop_app.ui.export_pdf import export_pdf

            out = export_pdf(briefing, path)
        else:
            return {"error": f"unknown export format {fmt!r}"}
    except HamishError as exc:
        return {"error": str(exc).splitlines()[0] if str(exc) else type(exc).__name__}
    except OSError as exc:
        return {"error": f"cannot write {path}: {exc.strerror or exc}"}
    return {"path": str(out)}


def default_name(briefing: Briefing, fmt: str) -> str:
    """A file name from the briefing's title (letters of any script kept)."""
    stem = re.sub(r"[^\w\- ]+", "", briefing.title, flags=re.UNICODE).strip() or "briefing"
    return re.sub(r"\s+", " ", stem)[:80] + FORMATS.get(fmt, "")


def with_suffix(path: str, fmt: str) -> str:
    """The path with the format's extension added when it has none of its own."""
    p = Path(path)
    ext = FORMATS.get(fmt, "")
    return str(p) if p.suffix.lower() == ext else str(p) + ext
