"""The one runner for slow work: QThreadPool workers take plain data and return plain data.

A worker function receives a `TaskContext` (progress reporting and a cancel flag) and never
touches widgets; results and errors come back to the GUI thread through queued signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop_app.core.errors import HamishError
from desktop_app.ui.messages import error_text


class TaskContext:
    """What a worker may use: report progress, check for cancellation."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def progress(self, done: int, total: int, text: str = "") -> None:
        """Report progress (thread-safe; delivered to the GUI thread)."""
        self._signals.progress.emit(done, total, text)

    def cancelled(self) -> bool:
        """True once the user asked to cancel."""
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the worker to stop at its next check."""
        self._cancel.set()


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)


class _Runnable(QRunnable):
    def __init__(
        self, fn: Callable[..., Any], ctx: TaskContext, signals: _Signals, args: tuple[Any, ...]
    ) -> None:
        super().__init__()
        self._fn, self._ctx, self._signals, self._args = fn, ctx, signals, args
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn(self._ctx, *self._args)
        except Exception as exc:  # report any worker failure as one line; never crash the GUI
            self._signals.failed.emit(_one_line(exc))
            return
        self._signals.finished.emit(result)


def _one_line(exc: Exception) -> str:
    """A worker's error as one line: a core message (a full disk...) in the interface language."""
    if isinstance(exc, HamishError) and exc.code:
        return error_text(exc)
    return f"{type(exc).__name__}: {exc}".splitlines()[0]


class Task(QObject):
    """A running piece of work; lives on the GUI thread so its slots run there (queued)."""

    def __init__(
        self,
        runner: TaskRunner,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[str], None] | None,
        on_progress: Callable[[int, int, str], None] | None,
    ) -> None:
        super().__init__(runner)
        self.signals = _Signals()
        self.ctx = TaskContext(self.signals)
        self.done = False
        self._runner = runner
        self._on_done, self._on_error, self._on_progress = on_done, on_error, on_progress
        self.signals.finished.connect(self._finished)
        self.signals.failed.connect(self._failed)
        self.signals.progress.connect(self._progress)

    def cancel(self) -> None:
        """Ask the worker to stop."""
        self.ctx.cancel()

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, text: str) -> None:
        if self._on_progress is not None and not self.done:
            self._on_progress(done, total, text)

    @Slot(object)
    def _finished(self, result: Any) -> None:
        self.done = True
        self._runner.retire(self)
        if self._on_done is not None:
            self._on_done(result)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.done = True
        self._runner.retire(self)
        if self._on_error is not None:
            self._on_error(message)


class TaskRunner(QObject):
    """Runs functions on the global thread pool; keeps each task alive until it reports back."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool.globalInstance()
        self._tasks: list[Task] = []
        self._retired: list[_Signals] = []

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> Task:
        """Run fn(ctx, *args) in the pool; the callbacks run on the GUI thread."""
        task = Task(self, on_done, on_error, on_progress)
        self._tasks.append(task)
        self.pool.start(_Runnable(fn, task.ctx, task.signals, args))
        return task

    def retire(self, task: Task) -> None:
        """A task reported back: stop tracking it (its signal object outlives any worker)."""
        if task in self._tasks:
            self._tasks.remove(task)
        # The worker may still hold the task's signal object for a moment after it emitted:
        # keep it alive here until no worker runs, so it is never destroyed on a worker thread.
        if self.pool.activeThreadCount() == 0:
            self._retired.clear()
        self._retired.append(task.signals)
        task.deleteLater()

    @property
    def running(self) -> int:
        """How many tasks have not reported back yet."""
        return len(self._tasks)

    def cancel_all(self) -> None:
        """Ask every running task to stop."""
        for task in self._tasks:
            task.cancel()

    def drain(self, msecs: int = 30000) -> bool:
        """Cancel everything and wait for the pool to finish (on quit and in tests)."""
        self.cancel_all()
        return self.pool.waitForDone(msecs)
