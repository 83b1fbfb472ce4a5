"""File › Back up library… and File › Restore from backup…: both run on the task runner.

The dialogs only gather paths, start a job of `ui.backup_flow`, show its progress with Cancel,
and say how it ended. A restore happens in two steps: the backup is checked in full (nothing
changes, and the dialog shows what it holds), then the user confirms; the window stops its
search index, the library is restored, and the window host reopens the window on it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from desktop_app.core.backup import backups_dir
from desktop_app.core.backup_archive import ArchiveInfo
from desktop_app.core.restore import Prepared, RestoreReport
from desktop_app.ui import backup_flow
from desktop_app.ui.backup_flow import PERMILLE, Outcome
from desktop_app.ui.i18n import format_digits, format_number
from desktop_app.ui.messages import error_text, isolated
from desktop_app.ui.tasks import Task

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


def _size_mb(folder: Path) -> float:
    root = folder / "originals"
    total = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) if root.is_dir() else 0
    return total / (1 << 20)


class _TaskDialog(QDialog):
    """A path with Choose…, a progress bar with Cancel, a status line, and one action button."""

    def __init__(self, window: MainWindow, name: str) -> None:
        super().__init__(window)
        self.setObjectName(name)
        self.window_ = window
        self.task: Task | None = None
        self.lay = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.lay.addWidget(self.intro)
        row = QHBoxLayout()
        self.path_label = QLabel(self)
        self.path = QLineEdit(self)
        self.path.setObjectName("backupPath")
        self.path.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a path reads left to right
        self.path_label.setBuddy(self.path)
        self.choose = QPushButton(QCoreApplication.translate("BackupDialogs", "C&hoose…"), self)
        self.choose.setObjectName("choosePath")
        row.addWidget(self.path_label)
        row.addWidget(self.path, 1)
        row.addWidget(self.choose)
        self.lay.addLayout(row)
        self.extra = QVBoxLayout()
        self.lay.addLayout(self.extra)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("backupProgress")
        self.progress.setRange(0, PERMILLE)
        self.progress.setAccessibleName(QCoreApplication.translate("BackupDialogs", "Progress"))
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lay.addWidget(self.progress)
        self.lay.addWidget(self.status)
        self.button_row = buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.action = QPushButton(self)
        self.action.setObjectName("backupAction")
        self.action.setDefault(True)
        self.cancel_button = QPushButton(
            QCoreApplication.translate("BackupDialogs", "&Cancel"), self
        )
        self.cancel_button.setObjectName("cancelBackup")
        self.cancel_button.hide()
        self.close_button = QPushButton(QCoreApplication.translate("BackupDialogs", "Close"), self)
        self.close_button.setObjectName("closeBackup")
        for b in (self.action, self.cancel_button, self.close_button):
            buttons.addWidget(b)
        self.lay.addLayout(buttons)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.setMinimumWidth(560)

    def busy(self) -> bool:
        """True while a job runs."""
        return self.task is not None

    def cancel(self) -> None:
        """Ask the running job to stop (it leaves nothing behind)."""
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(QCoreApplication.translate("BackupDialogs", "Cancelling…"))

    def _set_busy(self, busy: bool) -> None:
        for w in (self.action, self.choose, self.path, self.close_button):
            w.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)

    def _start(self, fn: object, *args: object, done: object) -> Task:
        self._set_busy(True)
        self.status.setProperty("error", False)
        self.task = self.window_.runner.run(
            fn,  # type: ignore[arg-type]
            *args,
            on_done=done,  # type: ignore[arg-type]
            on_error=self._failed,
            on_progress=self._progress,
        )
        return self.task

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setFormat(f"%p% — {text}" if text else "%p%")

    def _finish(self, outcome: Outcome | None) -> bool:
        """The job ended: False (and the message shown) when it failed or was cancelled."""
        self.task = None
        self._set_busy(False)
        if outcome is not None and outcome.error is not None:
            self.show_error(error_text(outcome.error))
            return False
        if outcome is None or outcome.result is None:
            self.status.setText(
                QCoreApplication.translate("BackupDialogs", "Cancelled: nothing was changed.")
            )
            return False
        return True

    def _failed(self, message: str) -> None:
        self._finish(None)
        self.show_error(message)

    def show_error(self, text: str) -> None:
        """Say what went wrong, in one line."""
        self.status.setText(text)
        self.status.setProperty("error", True)

    def reject(self) -> None:
        """Close (not while a job runs: Cancel first)."""
        if not self.busy():
            super().reject()

    def closeEvent(self, e: QCloseEvent) -> None:  # noqa: N802
        if self.busy():
            e.ignore()
            return
        super().closeEvent(e)


class BackupDialog(_TaskDialog):
    """Write the whole library into one .zip archive, the original files optionally included."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, "backupDialog")
        self.setWindowTitle(self.tr("Back up the library"))
        self.intro.setText(
            self.tr(
                "The library's database, checked, goes into one .zip archive with a manifest of"
                " every file's checksum. The search index is not included: it is rebuilt after"
                " a restore."
            )
        )
        self.path_label.setText(self.tr("&Archive:"))
        self.path.setAccessibleName(self.tr("Archive file"))
        stamp = backup_flow.today().isoformat()
        self.path.setText(str(Path.home() / f"hamish-{stamp}.zip"))
        size = format_digits(f"{_size_mb(window.lib.folder):.1f}")
        self.originals = QCheckBox(
            self.tr("Include the &original files (%1 MB)").replace("%1", size), self
        )
        self.originals.setObjectName("includeOriginals")
        self.originals.setChecked(True)
        self.extra.addWidget(self.originals)
        self.action.setText(self.tr("&Back up"))
        self.choose.clicked.connect(self.choose_path)
        self.action.clicked.connect(self.start)
        self.written: ArchiveInfo | None = None

    def choose_path(self) -> None:
        """Ask where to write the archive."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up the library"), self.path.text(), self.tr("Zip archives (*.zip)")
        )
        if path:
            self.path.setText(path if path.lower().endswith(".zip") else path + ".zip")

    def start(self) -> Task | None:
        """Write the archive in the background."""
        text = self.path.text().strip()
        if not text:
            self.show_error(self.tr("Choose where to write the archive."))
            return None
        out = Path(text).expanduser()
        if out.suffix.lower() != ".zip":
            out = out.with_name(out.name + ".zip")
            self.path.setText(str(out))
        self.window_.flush()  # notes being typed reach the database before the snapshot
        self.status.setText(self.tr("Writing %1…").replace("%1", isolated(out)))
        return self._start(
            backup_flow.archive_job,
            str(self.window_.lib.folder),
            str(out),
            self.originals.isChecked(),
            done=self._done,
        )

    def _done(self, outcome: Outcome) -> None:
        if not self._finish(outcome):
            return
        info = outcome.result
        assert isinstance(info, ArchiveInfo)
        self.written = info
        self.status.setText(
            self.tr("The library was backed up to %1 (%2 articles, %3 original files).")
            .replace("%1", isolated(info.path))
            .replace("%2", format_number(info.counts.get("articles", 0)))
            .replace("%3", format_number(len(info.members) - 1))
        )
        self.window_.show_message(self.tr("The library was backed up."))


class RestoreDialog(_TaskDialog):
    """Check a backup, show what it holds, and restore it into the open library when confirmed."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, "restoreDialog")
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.intro.setText(
            self.tr(
                "Choose a .zip archive or a .sqlite3 backup. It is checked in full before"
                " anything in the library changes."
            )
        )
        self.path_label.setText(self.tr("&Backup:"))
        self.path.setAccessibleName(self.tr("Backup file"))
        self.warning = QLabel(
            self.tr(
                "Restoring replaces the articles, highlights, notes and briefings of this"
                " library by the backup's. The current state is first kept as a safety backup"
                " in %1. The window then reloads the library."
            ).replace("%1", isolated(backups_dir(window.lib.folder))),
            self,
        )
        self.warning.setObjectName("restoreWarning")
        self.warning.setWordWrap(True)
        bold = QFont(self.warning.font())
        bold.setBold(True)
        self.warning.setFont(bold)
        self.summary = QLabel(self)
        self.summary.setObjectName("restoreSummary")
        self.summary.setWordWrap(True)
        self.extra.addWidget(self.warning)
        self.extra.addWidget(self.summary)
        self.check_button = QPushButton(self.tr("Chec&k"), self)
        self.check_button.setObjectName("checkBackup")
        self.action.setText(self.tr("&Restore"))
        self.action.setEnabled(False)
        self.button_row.insertWidget(1, self.check_button)  # Check, then Restore
        self.choose.clicked.connect(self.choose_path)
        self.check_button.clicked.connect(self.check)
        self.action.clicked.connect(self.restore)
        self.path.textChanged.connect(self._forget)
        self.prepared: Prepared | None = None
        self.report: RestoreReport | None = None

    def choose_path(self) -> None:
        """Ask for the backup, then check it."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from a backup"),
            str(backups_dir(self.window_.lib.folder)),
            self.tr("Hamish backups (*.zip *.sqlite3);;All files (*)"),
        )
        if path:
            self.path.setText(path)
            self.check()

    def _forget(self) -> None:
        if self.prepared is not None:
            self.prepared.discard()
            self.prepared = None
        self.summary.clear()
        self.action.setEnabled(False)

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.check_button.setEnabled(not busy)
        self.action.setEnabled(not busy and self.prepared is not None)

    def check(self) -> Task | None:
        """Check the backup in the background (nothing changes)."""
        self._forget()
        text = self.path.text().strip()
        if not text:
            self.show_error(self.tr("Choose a backup to restore."))
            return None
        self.status.setText(self.tr("Checking the backup…"))
        return self._start(
            backup_flow.check_job, text, str(self.window_.lib.folder), done=self._checked
        )

    def _checked(self, outcome: Outcome) -> None:
        if not self._finish(outcome):
            return
        prepared = outcome.result
        assert isinstance(prepared, Prepared)
        self.prepared = prepared
        c = prepared.info.counts
        created = prepared.info.manifest.get("created", "")
        text = (
            self.tr("Articles: %1 · Highlights: %2 · Notes: %3 · Briefings: %4")
            .replace("%1", format_number(c.get("articles", 0)))
            .replace("%2", format_number(c.get("highlights", 0)))
            .replace("%3", format_number(c.get("notes", 0)))
            .replace("%4", format_number(c.get("briefings", 0)))
        )
        if created:
            text += "\n" + self.tr("Written on %1.").replace("%1", isolated(created))
        self.summary.setText(text)
        self.status.setText(self.tr("The backup is sound. Restore it?"))
        self.action.setEnabled(True)
        self.action.setFocus()

    def restore(self) -> Task | None:
        """Restore the checked backup: the window lets go of the index, then it reloads."""
        prepared = self.prepared
        if prepared is None:
            return None
        self.prepared = None  # the job owns it now (and discards it)
        w = self.window_
        w.flush()
        w.session.close_article()
        w.stop_search()  # the index is rebuilt after the restore, by the reloaded window
        self.status.setText(self.tr("Restoring…"))
        return self._start(backup_flow.restore_job, prepared, done=self._restored)

    def _restored(self, outcome: Outcome) -> None:
        ok = self._finish(outcome)
        w = self.window_
        if ok:
            report = outcome.result
            assert isinstance(report, RestoreReport)
            self.report = report
            message = self.tr("The library was restored; its state before is kept in %1.").replace(
                "%1", isolated(report.previous_state)
            )
        else:
            message = self.tr("The library was not restored: %1").replace("%1", self.status.text())
        # The window let go of its index: it reopens on the library in both cases, after the
        # dialog has closed (the old window and its children are then deleted).
        self.accept()
        QTimer.singleShot(0, w, lambda: w.libraryRestored.emit(message))

    def done(self, result: int) -> None:
        """Closing drops a checked backup's extracted copy."""
        if self.prepared is not None:
            self.prepared.discard()
            self.prepared = None
        super().done(result)
