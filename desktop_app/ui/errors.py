"""Errors reach the person: an unexpected exception shows a dialog and is written to a log file.

`ExceptionHook.install()` replaces sys.excepthook while the window runs; Qt hands exceptions
raised in slots and overridden methods to that hook. The log lives in the library's folder
(`logs/hamish.log`, rotated), so a report can be sent with the library's state in mind.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import HamishError, StorageError
from desktop_app.core.logs import LOGGER, flush, route_to_library
from desktop_app.ui.messages import error_text

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def setup_logging(library_folder: Path) -> logging.Logger:
    """The "hamish" logger, writing (with every library's warnings) to the library's log."""
    route_to_library(library_folder)
    return logging.getLogger(LOGGER)


class ErrorDialog(QDialog):
    """What went wrong in one line, the details below, and a button that copies them."""

    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("Something went wrong"))
        lay = QVBoxLayout(self)
        text = self.tr(
            "Hamish met an unexpected error: %1\n\nWhat was saved is safe; the details were written to the log."
        )
        self.summary = QLabel(text.replace("%1", summary), self)
        self.summary.setObjectName("errorSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(details, self)
        self.details.setObjectName("errorDetails")
        self.details.setReadOnly(True)
        self.details.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a traceback reads LTR
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_btn = QPushButton(self.tr("Copy details"), self)
        self.copy_btn.setObjectName("copyDetails")
        buttons.addButton(self.copy_btn, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_btn.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.close)
        lay.addWidget(self.summary)
        lay.addWidget(self.details, 1)
        lay.addWidget(buttons)
        self.resize(640, 380)

    def add(self, details: str) -> None:
        """Another error while this dialog is open: its details go below the first."""
        self.details.appendPlainText("\n" + details)

    def copy_details(self) -> None:
        """Put the details on the clipboard."""
        QGuiApplication.clipboard().setText(self.details.toPlainText())


class ExceptionHook(QObject):
    """sys.excepthook for the window: log the traceback, then show it in one ErrorDialog."""

    caught = Signal(str, str)  # summary, details (queued to the GUI thread)
    refused = Signal(str)  # a full or read-only disk refused a change: a message, no traceback

    def __init__(self, library_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window = parent
        self.logger = setup_logging(library_folder)
        self.dialog: ErrorDialog | None = None
        self.previous: ExceptHook = sys.excepthook
        self.caught.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.refused.connect(self._refusal, Qt.ConnectionType.QueuedConnection)
        self.refusal: QMessageBox | None = None

    def install(self) -> None:
        """Become sys.excepthook."""
        self.previous = sys.excepthook
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        """Give sys.excepthook back."""
        if sys.excepthook == self.handle:
            sys.excepthook = self.previous

    def handle(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        """Log an uncaught exception and ask for the dialog (from any thread)."""
        if issubclass(kind, KeyboardInterrupt):
            self.previous(kind, exc, tb)
            return
        if isinstance(exc, StorageError):  # not a bug: the disk is full or read-only
            self.logger.warning("not saved: %s", exc)
            self.refused.emit(error_text(exc))
            return
        details = "".join(traceback.format_exception(kind, exc, tb))
        self.logger.error("uncaught exception\n%s", details)
        flush()
        print(details, file=sys.stderr, end="")
        summary = error_text(exc) if isinstance(exc, HamishError) else f"{kind.__name__}: {exc}"
        self.caught.emit(summary.splitlines()[0] if summary else kind.__name__, details)

    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add(details)
            return
        self.dialog = ErrorDialog(summary, details, self.window)
        self.dialog.show()
        self.dialog.raise_()

    @Slot(str)
    def _refusal(self, message: str) -> None:
        if self.refusal is not None and self.refusal.isVisible():
            self.refusal.setInformativeText(message)
            return
        self.refusal = storage_box(message, self.window)
        self.refusal.show()


def storage_box(message: str, parent: QWidget | None = None) -> QMessageBox:
    """The dialog for a change a full or read-only disk refused (what was saved before is safe)."""
    box = QMessageBox(parent)
    box.setObjectName("storageRefused")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Hamish"))
    box.setText(
        QCoreApplication.translate(
            "Errors", "This change was not saved. What was saved before is safe."
        )
    )
    box.setInformativeText(message)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box


def unavailable_box(exc: HamishError, parent: QWidget | None = None) -> QMessageBox:
    """The dialog for a library that cannot be opened (newer schema, locked, not writable)."""
    box = QMessageBox(parent)
    box.setObjectName("libraryUnavailable")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Hamish"))
    box.setText(QCoreApplication.translate("Errors", "The library cannot be opened."))
    box.setInformativeText(error_text(exc))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box
