"""Briefing export in the background: the worker gets a resolved Briefing and a path.

The formats, their names and file filters come from `desktop_app.exporters.EXPORTERS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog

from desktop_app.core.briefings import Briefing
from desktop_app.core.errors import HamishError
from desktop_app.exporters import BY_NAME, Exporter
from desktop_app.ui import settings as st
from desktop_app.ui.messages import error_text
from desktop_app.ui.tasks import TaskContext, TaskRunner

if TYPE_CHECKING:
    from desktop_app.ui.panels.briefing_panel import BriefingPanel


@dataclass(frozen=True)
class ExportOutcome:
    """The written path, or a one-line error."""

    path: str = ""
    error: str = ""


def export_job(
    ctx: TaskContext, fmt: str, briefing: Briefing, path: str, template: str | None = None
) -> ExportOutcome:
    """Worker: write the briefing in format fmt at path (Word: with the template's styles)."""
    del ctx
    try:
        out = BY_NAME[fmt].export(briefing, path, template=template)
    except HamishError as exc:
        return ExportOutcome(error=error_text(exc))
    except OSError as exc:
        return ExportOutcome(error=f"cannot write {path}: {exc.strerror or exc}")
    return ExportOutcome(path=str(out))


def default_template(fmt: str) -> str | None:
    """The Word template chosen in Preferences for a format that takes one, or None."""
    template = st.get_str(st.EXPORT_TEMPLATE, "").strip()
    return template if template and BY_NAME[fmt].templates else None


def default_marking() -> str:
    """The handling marking chosen in Preferences for new briefings ("" for none)."""
    return st.get_str(st.EXPORT_MARKING, "").strip()


def format_label(exporter: Exporter) -> str:
    """A format's name in the interface language."""
    return QCoreApplication.translate("Exporters", exporter.label)


def file_filter(exporter: Exporter) -> str:
    """The save dialog's filter of a format, e.g. "Word document (*.docx)"."""
    return f"{format_label(exporter)} (*{exporter.extension})"


def default_name(briefing: Briefing, fmt: str) -> str:
    """A file name from the briefing's title (letters of any script kept)."""
    stem = re.sub(r"[^\w\- ]+", "", briefing.title, flags=re.UNICODE).strip() or "briefing"
    return re.sub(r"\s+", " ", stem)[:80] + BY_NAME[fmt].extension


def with_suffix(path: str, fmt: str) -> str:
    """The path with the format's extension added when it has none of its own."""
    p = Path(path)
    ext = BY_NAME[fmt].extension
    return str(p) if p.suffix.lower() == ext else str(p) + ext


class BriefingExporter(QObject):
    """Exports the panel's briefing through the task runner; the panel shows the outcome."""

    def __init__(self, panel: BriefingPanel, runner: TaskRunner) -> None:
        super().__init__(panel)
        self.panel = panel
        self.runner = runner

    def export(self, fmt: str, path: str | None = None) -> bool:
        """Ask for a file (unless given) and write the briefing in the background."""
        panel = self.panel
        if panel.briefing is None:
            panel.show_error(
                QCoreApplication.translate("BriefingPanel", "Create a briefing first.")
            )
            return False
        panel.form.flush()
        if path is None:
            folder = st.get_str("briefing/exportFolder", str(Path.home()))
            path, _ = QFileDialog.getSaveFileName(
                panel,
                QCoreApplication.translate("BriefingPanel", "Export the briefing"),
                str(Path(folder) / default_name(panel.briefing, fmt)),
                file_filter(BY_NAME[fmt]),
            )
            if not path:
                return False
        path = with_suffix(path, fmt)
        st.put("briefing/exportFolder", str(Path(path).parent))
        briefing = panel.service.get(panel.briefing.id)
        panel.export_btn.setEnabled(False)
        panel.show_info(
            QCoreApplication.translate("BriefingPanel", "Exporting to %1…").replace(
                "%1", Path(path).name
            )
        )
        self.runner.run(
            export_job,
            fmt,
            briefing,
            path,
            default_template(fmt),
            on_done=self._exported,
            on_error=self._failed,
        )
        return True

    def _exported(self, result: ExportOutcome) -> None:
        panel = self.panel
        panel.export_btn.setEnabled(panel.briefing is not None)
        if result.error:
            self._failed(result.error)
            return
        panel.last_error = ""
        panel.show_info(
            QCoreApplication.translate("BriefingPanel", "The briefing was exported to %1.").replace(
                "%1", result.path
            )
        )
        panel.exported.emit(result.path)

    def _failed(self, message: str) -> None:
        panel = self.panel
        panel.export_btn.setEnabled(panel.briefing is not None)
        panel.show_error(
            QCoreApplication.translate("BriefingPanel", "The export failed: %1").replace(
                "%1", message
            )
        )
