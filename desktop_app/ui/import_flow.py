"""Import from the window: file dialogs, the background job, progress with Cancel, the report.

The flow says what happened through signals (`message`, `articlesAdded`); the window decides
what to redraw. The Import dialog's file filter comes from the importers' table.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QProgressBar, QPushButton, QWidget

from desktop_app.core.importers import IMPORTERS, extensions
from desktop_app.core.models import ImportResult
from desktop_app.ui import jobs
from desktop_app.ui.dialogs.import_report import ImportReport
from desktop_app.ui.tasks import Task, TaskRunner


def file_filter() -> str:
    """The Import dialog's filters: every importable document, each format, all files."""
    every = " ".join(f"*{ext}" for ext in extensions())
    parts = [QCoreApplication.translate("ImportFlow", "Documents (%1)").replace("%1", every)]
    for imp in IMPORTERS:
        patterns = " ".join(f"*{ext}" for ext in imp.extensions)
        parts.append(f"{QCoreApplication.translate('Importers', imp.label)} ({patterns})")
    parts.append(QCoreApplication.translate("ImportFlow", "All files (*)"))
    return ";;".join(parts)


class StatusProgress:
    """A progress bar and its Cancel button for the status bar, shown while a job runs.

    Their object names are f"{name}Progress" and f"cancel{Name}" (importProgress, cancelImport).
    """

    def __init__(self, parent: QWidget, name: str, on_cancel: Callable[[], None]) -> None:
        self.bar = QProgressBar(parent)
        self.bar.setObjectName(f"{name}Progress")
        self.bar.setMaximumWidth(220)
        self.cancel_btn = QPushButton(QCoreApplication.translate("ImportFlow", "Cancel"), parent)
        self.cancel_btn.setObjectName(f"cancel{name.capitalize()}")
        self.cancel_btn.clicked.connect(on_cancel)
        self.finish()

    def widgets(self) -> list[QWidget]:
        return [self.bar, self.cancel_btn]

    def busy(self) -> None:
        """A job started: the bar shows activity until the first progress."""
        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel_btn.show()
        self.cancel_btn.setEnabled(True)

    def finish(self) -> None:
        self.bar.hide()
        self.cancel_btn.hide()


class ImportFlow(QObject):
    """One import at a time; the worker opens its own library connection."""

    message = Signal(str)  # for the status bar
    articlesAdded = Signal(object)  # set[int] of new article ids (after an import or the demo)

    def __init__(self, runner: TaskRunner, folder: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.runner = runner
        self.folder = folder
        self.task: Task | None = None
        self.last: tuple[list[ImportResult], bool] | None = None
        self.status = StatusProgress(parent, "import", self.cancel)
        self.progress, self.cancel_btn = self.status.bar, self.status.cancel_btn
        self.progress.setFormat(QCoreApplication.translate("ImportFlow", "%v of %m"))

    def widgets(self) -> list[QWidget]:
        """The progress bar and the Cancel button, for the status bar."""
        return self.status.widgets()

    def import_files(self) -> None:
        """Ask for files, then import them."""
        paths, _ = QFileDialog.getOpenFileNames(
            self.parent_widget,
            QCoreApplication.translate("ImportFlow", "Import files"),
            "",
            file_filter(),
        )
        if paths:
            self.start(paths)

    def import_folder(self) -> None:
        """Ask for a folder, then import it (recursively)."""
        folder = QFileDialog.getExistingDirectory(
            self.parent_widget, QCoreApplication.translate("ImportFlow", "Import a folder")
        )
        if folder:
            self.start([folder])

    def start(self, paths: list[str], tags: list[str] | None = None) -> Task | None:
        """Import files, folders and web addresses in the background (progress bar and Cancel),
        each article with the tags given."""
        if self.task is not None:
            self.message.emit(
                QCoreApplication.translate("ImportFlow", "An import is already running.")
            )
            return None
        self.status.busy()
        self.message.emit(QCoreApplication.translate("ImportFlow", "Importing…"))
        self.task = self.runner.run(
            jobs.import_job,
            str(self.folder),
            [str(p) for p in paths],
            list(tags or ()),
            on_done=self._done,
            on_error=self._failed,
            on_progress=self._progress,
        )
        return self.task

    def cancel(self) -> None:
        """Stop the running import after the current file or address."""
        if self.task is not None:
            self.task.cancel()
            self.cancel_btn.setEnabled(False)
            self.message.emit(QCoreApplication.translate("ImportFlow", "Cancelling the import…"))

    def _progress(self, done: int, total: int, _path: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finished(self) -> None:
        self.task = None
        self.status.finish()

    def _done(self, result: tuple[list[ImportResult], bool]) -> None:
        self._finished()
        self.last = result
        results, cancelled = result
        ok = sum(1 for r in results if r.status == "imported")
        self.message.emit(self.tr("%n article(s) imported.", "", ok))
        if cancelled or any(r.status != "imported" or r.remarks for r in results):
            ImportReport(results, cancelled, self.parent_widget).show()
        self.articlesAdded.emit({r.article_id for r in results if r.article_id})

    def _failed(self, message: str) -> None:
        self._finished()
        self.message.emit(
            QCoreApplication.translate("ImportFlow", "The import failed: %1").replace("%1", message)
        )

    def add_demo(self) -> None:
        """Add the demo articles in the background."""
        self.runner.run(
            jobs.demo_job,
            str(self.folder),
            on_done=lambda ids: self.articlesAdded.emit(set(ids)),
            on_error=self._failed,
        )
