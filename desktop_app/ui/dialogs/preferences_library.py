"""The Library page of Preferences: where the library is, open another, start one, move it.

Moving copies and verifies in the background (core.relocate through the task runner) with
progress and Cancel; only a verified copy is switched to. The switch itself is the window's
`libraryChosen` signal: the window host opens the new library, remembers it for the next start,
replaces the window, and then removes the old folder's copied files.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import HamishError
from desktop_app.core.opening import ENV_VAR, default_library_dir
from desktop_app.core.relocate import (
    CopyReport,
    check_existing_library,
    check_new_library_folder,
    check_target,
    relocate,
)
from desktop_app.ui.messages import error_text, isolated
from desktop_app.ui.tasks import Task, TaskContext

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

PERMILLE = 1000


@dataclass(frozen=True)
class MoveOutcome:
    """The verified copy, or the error that stopped the move (the old library is untouched)."""

    report: CopyReport | None = None
    error: HamishError | None = None


def move_job(
    ctx: TaskContext,
    source: str,
    target: str,
    after_copy: Callable[[CopyReport], None] | None = None,
) -> MoveOutcome:
    """Worker: copy the library to target and verify the copy (progress in thousandths)."""

    def progress(done: int, total: int, text: str) -> None:
        ctx.progress(done * PERMILLE // max(total, 1), PERMILLE, text)

    try:
        report = relocate(Path(source), Path(target), progress, ctx.cancelled, after_copy)
    except HamishError as exc:
        return MoveOutcome(error=exc)
    return MoveOutcome(report=report)


def note_label(text: str, parent: QWidget) -> QLabel:
    """A muted, wrapped explanation under a section's controls."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class LibraryPage(QWidget):
    """Shows the library folder; opens another, starts a new one, or moves this one."""

    def __init__(self, window: MainWindow, dialog: QDialog) -> None:
        super().__init__(dialog)
        self.setObjectName("libraryPage")
        self.window_, self.dialog = window, dialog
        self.task: Task | None = None
        self.after_copy: Callable[[CopyReport], None] | None = None  # tests damage a copy here
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("This library is in the folder:"), self))
        self.folder = QLabel(isolated(window.lib.folder), self)
        self.folder.setObjectName("libraryFolder")
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder.setAccessibleName(self.tr("Library folder"))
        lay.addWidget(self.folder)
        n = window.lib.article_count()
        self.count = QLabel(self.tr("%n article(s)", "", n), self)
        self.count.setObjectName("libraryCount")
        lay.addWidget(self.count)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for i, (name, text, tip, slot) in enumerate(
            (
                (
                    "openLibrary",
                    self.tr("&Open another library…"),
                    self.tr("Switch to a folder that holds a Hamish library"),
                    self.open_other,
                ),
                (
                    "newLibrary",
                    self.tr("&New library…"),
                    self.tr("Start an empty library in an empty folder"),
                    self.new_library,
                ),
                (
                    "moveLibrary",
                    self.tr("&Move this library…"),
                    self.tr("Copy to an empty folder, check the copy, then use it"),
                    self.move_library,
                ),
                (
                    "defaultLibrary",
                    self.tr("Use the &default library"),
                    self.tr("Switch to the library in the user data folder"),
                    self.use_default,
                ),
            )
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            self.buttons[name] = button
            grid.addWidget(button, i // 2, i % 2)
        lay.addLayout(grid)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("moveProgress")
        self.progress.setRange(0, PERMILLE)
        self.progress.setAccessibleName(self.tr("Progress of the move"))
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("&Cancel the move"), self)
        self.cancel_button.setObjectName("cancelMove")
        self.cancel_button.clicked.connect(self.cancel_move)
        self.cancel_button.hide()
        self.status = QLabel(self)
        self.status.setObjectName("libraryStatus")
        self.status.setWordWrap(True)
        for w in (self.progress, self.cancel_button, self.status):
            lay.addWidget(w)
        lay.addStretch(1)
        lay.addWidget(note_label(self._next_start_note(), self))

    def _next_start_note(self) -> str:
        text = self.tr(
            "A move copies the library, checks the copy (database, counts and every file),"
            " switches to it, and only then removes the old folder. The library chosen here"
            " opens the next time Hamish starts, unless --library names another one."
        )
        if os.environ.get(ENV_VAR):
            text += " " + self.tr("Now $%1 is set, and it names the library that opens.").replace(
                "%1", ENV_VAR
            )
        return text

    # -- the four ways -------------------------------------------------------------------------
    def _ask_folder(self, title: str) -> Path | None:
        folder = QFileDialog.getExistingDirectory(self, title, str(self.window_.lib.folder.parent))
        return Path(folder) if folder else None

    def open_other(self) -> bool:
        """Switch to a folder that holds a library."""
        folder = self._ask_folder(self.tr("Open another library"))
        if folder is None:
            return False
        try:
            check_existing_library(folder)
        except HamishError as exc:
            self.show_error(error_text(exc))
            return False
        return self._switch(folder, None)

    def new_library(self) -> bool:
        """Start an empty library in an empty folder and switch to it."""
        folder = self._ask_folder(self.tr("Folder of the new library"))
        if folder is None:
            return False
        try:
            check_new_library_folder(folder)
        except HamishError as exc:
            self.show_error(error_text(exc))
            return False
        return self._switch(folder, None)

    def use_default(self) -> bool:
        """Switch to the library in the platform's user data folder."""
        return self._switch(default_library_dir(), None)

    def move_library(self) -> Task | None:
        """Ask for an empty folder and copy the library there in the background."""
        folder = self._ask_folder(self.tr("Move the library to an empty folder"))
        if folder is None:
            return None
        source = self.window_.lib.folder
        try:
            check_target(source, folder)
        except HamishError as exc:
            self.show_error(error_text(exc))
            return None
        self.window_.flush()  # notes being typed reach the database before it is copied
        self._set_busy(True)
        self.status.setText(self.tr("Copying the library to %1…").replace("%1", isolated(folder)))
        self.task = self.window_.runner.run(
            move_job,
            str(source),
            str(folder),
            self.after_copy,
            on_done=self._moved,
            on_error=self._failed,
            on_progress=self._progress,
        )
        return self.task

    # -- the move's outcome --------------------------------------------------------------------
    def busy(self) -> bool:
        """True while a move runs."""
        return self.task is not None

    def cancel_move(self) -> None:
        """Ask the running move to stop (what it copied is removed; nothing else changes)."""
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setFormat(f"%p% — {text}" if text else "%p%")

    def _moved(self, outcome: MoveOutcome) -> None:
        self.task = None
        self._set_busy(False)
        if outcome.error is not None or outcome.report is None:
            self._failed(error_text(outcome.error) if outcome.error else "")
            return
        self._switch(outcome.report.target, outcome.report)

    def _failed(self, message: str) -> None:
        self.task = None
        self._set_busy(False)
        self.show_error(
            self.tr("The library was not moved: %1. The library at %2 is still the one in use.")
            .replace("%1", message)
            .replace("%2", isolated(self.window_.lib.folder))
        )

    def _set_busy(self, busy: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(not busy)
        box = self.dialog.findChild(QDialogButtonBox)
        if box is not None:
            for which in (
                QDialogButtonBox.StandardButton.Ok,
                QDialogButtonBox.StandardButton.Apply,
            ):
                button = box.button(which)
                if button is not None:
                    button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)

    def show_error(self, text: str) -> None:
        """Say what went wrong on the page itself."""
        self.status.setText(text)
        self.status.setProperty("error", True)

    def _switch(self, folder: Path, moved: CopyReport | None) -> bool:
        """Apply the other pages, close the dialog, and ask the window host to switch."""
        apply = getattr(self.dialog, "apply", None)
        if callable(apply):
            apply()
        self.dialog.done(QDialog.DialogCode.Accepted)
        window = self.window_
        QTimer.singleShot(0, window, lambda: window.libraryChosen.emit(str(folder), moved))
        return True
