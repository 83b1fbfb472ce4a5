"""Where warnings go: the library's own log (`logs/hamish.log`, rotated), not the terminal.

Libraries Hamish uses warn through `logging` (pypdf's "Overwriting cache ...", whoosh) or
`warnings` (SyntaxWarnings when an old package is first compiled); Qt's messages are routed
here by the window. In normal use none of that is for the person at the terminal, so it is
written to the log of the library in use: Hamish's own records from INFO up, everyone
else's from WARNING up. The file and its folder are made only when something is written.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from desktop_app.core import private

LOGGER = "hamish"
LOG_NAME = "hamish.log"
OURS = (LOGGER, "desktop_app")


def log_file(library_folder: Path) -> Path:
    """Where the log of a library is written."""
    return Path(library_folder) / "logs" / LOG_NAME


class _LibraryLog(RotatingFileHandler):
    """A rotating log file made (with its folder) on the first record."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True)
        self.path = path
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        self.addFilter(self._wanted)

    @staticmethod
    def _wanted(record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or record.name.startswith(OURS)

    def _open(self):  # type: ignore[no-untyped-def]  # the stdlib's signature is untyped
        private.make_private()  # the log is the library's: 0600 in a 0700 folder
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=private.DIR_MODE)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - stdlib name
        """A library that cannot take a record (read-only, full) loses only that record, and
        "--- Logging error ---" never reaches the terminal (the rotating handler's emit sends
        every failure, opening the file included, here)."""
        del record


def route_to_library(library_folder: Path) -> Path:
    """Send every log record and Python warning to the library's log; returns its path."""
    path = log_file(library_folder)
    root = logging.getLogger()
    for h in list(root.handlers):
        if isinstance(h, _LibraryLog):
            if h.path == path:
                return path
            root.removeHandler(h)
            h.close()
    root.addHandler(_LibraryLog(path))
    root.setLevel(logging.INFO)
    logging.getLogger(LOGGER).setLevel(logging.INFO)
    logging.captureWarnings(True)
    return path


def flush() -> None:
    """Write out what the log handlers hold."""
    for h in logging.getLogger().handlers:
        h.flush()
