"""SIGTERM (a logout, a shutdown, `kill`) and SIGINT (Ctrl+C in the terminal) end Hamish as Quit does.

Python runs a signal handler only when the interpreter next gets control, which a window
idling in Qt's event loop never gives it. The C-level handler writes the signal number to a
socket (`signal.set_wakeup_fd`); a QSocketNotifier on the other end wakes the event loop, and
the window is closed there, on the GUI thread, saving what is pending as Quit does.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM") if hasattr(signal, name))


class QuitOnSignals(QObject):
    """While installed, SIGINT and SIGTERM call `quit` on the GUI thread (once)."""

    def __init__(self, quit: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._quit: Callable[[], None] | None = quit
        self._received: list[int] = []
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {sig: signal.signal(sig, self._on_signal) for sig in SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._wake)

    def _on_signal(self, signum: int, _frame: object) -> None:
        self._received.append(signum)

    def _wake(self) -> None:
        try:
            while self._reader.recv(64):
                pass
        except OSError:
            pass
        if self._received and self._quit is not None:
            quit, self._quit = self._quit, None  # a second signal while closing changes nothing
            quit()

    @property
    def received(self) -> list[int]:
        """The signals received so far."""
        return list(self._received)

    def uninstall(self) -> None:
        """Give the signals back to their previous handlers."""
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        self._previous = {}
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
