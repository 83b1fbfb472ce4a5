"""Import from the window: file dialogs, the background job, progress with Cancel, the report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QProgressBar, QPushButton

from desktop_app.core.models import ImportResult
from desktop_app.ui import jobs
from desktop_app.ui.dialogs.import_report import ImportReport
from desktop_app.ui.tasks import Task

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


class ImportFlow(QObject):
    """One import at a time; the worker opens its own library connection."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.task: Task | None = None
        self.last: tuple[list[ImportResult], bool] | None = None
        sb = window.statusBar()
        self.progress = QProgressBar(window)
        self.progress.setObjectName("importProgress")
        self.progress.setMaximumWidth(220)
        self.progress.setFormat(QCoreApplication.translate("ImportFlow", "%v of %m files"))
        self.cancel_btn = QPushButton(QCoreApplication.translate("ImportFlow", "Cancel"), window)
        self.cancel_btn.setObjectName("cancelImport")
        self.cancel_btn.clicked.connect(self.cancel)
        sb.addPermanentWidget(self.progress)
        sb.addPermanentWidget(self.cancel_btn)
        self.progress.hide()
        self.cancel_btn.hide()

    def import_files(self) -> None:
        """Ask for files, then import them."""
        paths, _ = QFileDialog.getOpenFileNames(
            self.w,
            QCoreApplication.translate("ImportFlow", "Import files"),
            "",
            QCoreApplication.translate(
                "ImportFlow", "Documents (*.txt *.md *.html *.htm *.docx *.pdf);;All files (*)"
            ),
        )
        if paths:
            self.start(paths)

    def import_folder(self) -> None:
        """Ask for a folder, then import it (recursively)."""
        folder = QFileDialog.getExistingDirectory(
            self.w, QCoreApplication.translate("ImportFlow", "Import a folder")
        )
        if folder:
            self.start([folder])

    def start(self, paths: list[str]) -> Task | None:
        """Import in the background with a progress bar and Cancel."""
        if self.task is not None:
            self.w.show_message(
                QCoreApplication.translate("ImportFlow", "An import is already running.")
            )
            return None
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_btn.show()
        self.cancel_btn.setEnabled(True)
        self.w.show_message(QCoreApplication.translate("ImportFlow", "Importing…"))
        self.task = self.w.runner.run(
            jobs.import_job,
            str(self.w.lib.folder),
            [str(p) for p in paths],
            on_done=self._done,
            on_error=self._failed,
            on_progress=self._progress,
        )
        return self.task

    def cancel(self) -> None:
        """Stop the running import after the current file."""
        if self.task is not None:
            self.task.cancel()
            self.cancel_btn.setEnabled(False)
            self.w.show_message(QCoreApplication.translate("ImportFlow", "Cancelling the import…"))

    def _progress(self, done: int, total: int, _path: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finished(self) -> None:
        self.task = None
        self.progress.hide()
        self.cancel_btn.hide()
        self.w.library.reload()
        self.w.library.reload_tags()

    def _done(self, result: tuple[list[ImportResult], bool]) -> None:
        self._finished()
        self.last = result
        results, cancelled = result
        ok = sum(1 for r in results if r.status == "imported")
        self.w.show_message(
            QCoreApplication.translate("ImportFlow", "%n article(s) imported.", "", ok)
        )
        if cancelled or any(r.status != "imported" for r in results):
            ImportReport(results, cancelled, self.w).show()
        self.w.bus.articlesChanged.emit({r.article_id for r in results if r.article_id})

    def _failed(self, message: str) -> None:
        self._finished()
        self.w.show_message(
            QCoreApplication.translate("ImportFlow", "The import failed: %1").replace("%1", message)
        )

    def add_demo(self) -> None:
        """Add the demo articles (when this build has them)."""
        if not jobs.demo_available():
            self.w.show_message(
                QCoreApplication.translate(
                    "ImportFlow", "The demo articles are not available in this build."
                )
            )
            return
        self.w.runner.run(
            jobs.demo_job,
            str(self.w.lib.folder),
            on_done=lambda _n: self._finished(),
            on_error=self._failed,
        )
