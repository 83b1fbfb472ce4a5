"""Briefing export in the background: the worker gets a resolved Briefing and a path."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from desktop_app.core.briefings import Briefing
from desktop_app.core.errors import HamishError
from desktop_app.ui import settings as st
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


class BriefingExports:
    """Export of the shown briefing through the task runner; mixed into BriefingPanel."""

    briefing: Any
    service: Any
    runner: Any
    form: Any
    export_btn: Any
    exported: Any
    last_error: str
    _error: Any
    _info: Any

    def export(self, fmt: str, path: str | None = None) -> bool:
        """Ask for a file (unless given) and write the briefing in the background."""
        if self.briefing is None:
            self._error(QCoreApplication.translate("BriefingPanel", "Create a briefing first."))
            return False
        self.form.flush()
        filters = {
            "docx": QCoreApplication.translate("BriefingPanel", "Word documents (*.docx)"),
            "md": QCoreApplication.translate("BriefingPanel", "Markdown files (*.md)"),
            "pdf": QCoreApplication.translate("BriefingPanel", "PDF files (*.pdf)"),
        }
        if path is None:
            folder = st.get_str("briefing/exportFolder", str(Path.home()))
            path, _ = QFileDialog.getSaveFileName(
                self,
                QCoreApplication.translate("BriefingPanel", "Export the briefing"),
                str(Path(folder) / default_name(self.briefing, fmt)),
                filters[fmt],
            )
            if not path:
                return False
        path = with_suffix(path, fmt)
        st.put("briefing/exportFolder", str(Path(path).parent))
        briefing = self.service.get(self.briefing.id)
        self.export_btn.setEnabled(False)
        self._info(
            QCoreApplication.translate("BriefingPanel", "Exporting to %1…").replace(
                "%1", Path(path).name
            )
        )
        self.runner.run(
            export_job, fmt, briefing, path, on_done=self._exported, on_error=self._export_failed
        )
        return True

    def _exported(self, result: dict) -> None:
        self.export_btn.setEnabled(self.briefing is not None)
        if result.get("error"):
            self._export_failed(result["error"])
            return
        self.last_error = ""
        self._info(
            QCoreApplication.translate("BriefingPanel", "The briefing was exported to %1.").replace(
                "%1", result["path"]
            )
        )
        self.exported.emit(result["path"])

    def _export_failed(self, message: str) -> None:
        self.export_btn.setEnabled(self.briefing is not None)
        self._error(
            QCoreApplication.translate("BriefingPanel", "The export failed: %1").replace(
                "%1", message
            )
        )
