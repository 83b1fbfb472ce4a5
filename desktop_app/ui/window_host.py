"""Keeps the main window open on one library, and reopens it on another when Preferences asks.

The window cannot swap its library in place (every panel holds it), so switching is honest and
simple: open the new library (a failure leaves everything as it was), remember it for the next
start, show a new window on it, close the old window and library, and, after a move, remove the
old folder's copied files in the background.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox

from desktop_app.core.errors import HamishError
from desktop_app.core.library import Library
from desktop_app.core.opening import LibraryLocation, default_library_dir, remember_library
from desktop_app.core.relocate import CopyReport, remove_old
from desktop_app.ui.jobs import open_for_gui
from desktop_app.ui.messages import error_text, isolated
from desktop_app.ui.tasks import TaskContext

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


def remove_old_job(ctx: TaskContext, report: CopyReport) -> list[str]:
    """Worker: remove the old library's copied files; returns the files left there."""
    del ctx
    return [str(p) for p in remove_old(report)]


class WindowHost(QObject):
    """Owns the current window and its library; replaces both when a library is chosen."""

    windowReplaced = Signal(object)  # the new MainWindow

    def __init__(
        self,
        lib: Library,
        make_window: Callable[[Library], MainWindow],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.lib = lib
        self.make_window = make_window
        self.window = make_window(lib)
        self.window.libraryChosen.connect(self.switch)
        self.window.libraryRestored.connect(self.reload)
        self.opened: list[Library] = []  # libraries opened here (closed by close())

    def reload(self, message: str) -> bool:
        """Reopen the window on the same library (a restore replaced its database)."""
        if not self.switch(str(self.lib.folder), None, remember=False):
            return False
        self.window.show_message(message)
        return True

    def switch(self, folder: str, moved: CopyReport | None = None, remember: bool = True) -> bool:
        """Open the window on the library at folder; False (and a message) when it cannot."""
        old_window, old_lib = self.window, self.lib
        path = Path(folder)
        try:
            location = LibraryLocation(path, is_default=path == default_library_dir())
            lib = open_for_gui(location)
        except HamishError as exc:
            QMessageBox.warning(
                old_window,
                QCoreApplication.translate("WindowHost", "Another library"),
                error_text(exc),
            )
            return False
        try:
            if remember:
                remember_library(None if location.is_default else path)
        except OSError as exc:
            old_window.show_message(
                QCoreApplication.translate(
                    "WindowHost", "The library could not be remembered for the next start: %1"
                ).replace("%1", str(exc))
            )
        old_window.flush()
        if old_window.remember:
            old_window.save_layout()
        self.lib = lib
        self.opened.append(lib)
        self.window = self.make_window(lib)
        self.window.libraryChosen.connect(self.switch)
        self.window.libraryRestored.connect(self.reload)
        self.window.show()
        old_window.backup_on_close = moved is None  # a moved library's old folder is removed
        old_window.close()
        old_window.deleteLater()
        old_lib.close()
        self.windowReplaced.emit(self.window)
        where = isolated(path)
        if moved is None:
            self.window.show_message(
                QCoreApplication.translate("WindowHost", "The library at %1 is open.").replace(
                    "%1", where
                )
            )
        else:
            self.window.show_message(
                QCoreApplication.translate("WindowHost", "The library was moved to %1.").replace(
                    "%1", where
                )
            )
            self.window.runner.run(remove_old_job, moved, on_done=self._removed(moved))
        return True

    def _removed(self, moved: CopyReport) -> Callable[[list[str]], None]:
        window = self.window

        def done(left: list[str]) -> None:
            old = isolated(moved.source)
            if left:
                text = QCoreApplication.translate(
                    "WindowHost",
                    "The library was moved; %n file(s) written after the copy stay in %1.",
                    "",
                    len(left),
                )
            else:
                text = QCoreApplication.translate(
                    "WindowHost", "The library was moved; the old folder %1 was removed."
                )
            window.show_message(text.replace("%1", old))

        return done

    def close(self) -> None:
        """Close the libraries this host opened (the first one belongs to its opener)."""
        for lib in self.opened:
            lib.close()
        self.opened.clear()
