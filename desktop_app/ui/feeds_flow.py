"""Refreshing the feeds from the window: the background job, progress with Cancel, the report,
and the opt-in periodic refresh while the window is open.

Like ImportFlow, the flow says what happened through signals (`message`, `articlesAdded`,
`refreshed`); the window decides what to redraw.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from desktop_app.core.feeds import FeedReport
from desktop_app.core.models import ImportResult
from desktop_app.ui import jobs
from desktop_app.ui import settings as st
from desktop_app.ui.dialogs.import_report import ImportReport
from desktop_app.ui.i18n import format_number
from desktop_app.ui.import_flow import StatusProgress
from desktop_app.ui.tasks import Task, TaskRunner

AUTO_REFRESH = "feeds/autoRefresh"  # "true" while the periodic refresh is on (off by default)
INTERVAL = "feeds/intervalMinutes"  # minutes between two periodic refreshes
DEFAULT_INTERVAL = 30
NO_NETWORK = "web.no_network"


def report_results(reports: list[FeedReport]) -> list[ImportResult]:
    """Every item's result, and a failed row for each feed that could not be read at all."""
    results: list[ImportResult] = []
    for rep in reports:
        if rep.error:
            results.append(
                ImportResult(rep.title, "failed", None, rep.error, rep.error_code, rep.error_params)
            )
        results.extend(rep.results)
    return results


class FeedsFlow(QObject):
    """One refresh at a time; the worker opens its own library connection."""

    message = Signal(str)  # for the status bar
    articlesAdded = Signal(object)  # set[int] of new article ids
    refreshed = Signal()  # a refresh ended (done, cancelled or failed): the counts reload
    busyChanged = Signal(bool)

    def __init__(self, runner: TaskRunner, folder: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.runner = runner
        self.folder = folder
        self.task: Task | None = None
        self.quiet = False
        self.last: tuple[list[FeedReport], bool] | None = None
        self.report: ImportReport | None = None
        self._offline_said = False
        self.status = StatusProgress(parent, "feeds", self.cancel)
        self.progress, self.cancel_btn = self.status.bar, self.status.cancel_btn
        self.timer = QTimer(self)
        self.timer.setObjectName("feedsTimer")
        self.timer.timeout.connect(self._tick)
        if self.auto:
            self._start_timer()

    def widgets(self) -> list[QWidget]:
        """The progress bar and the Cancel button, for the status bar."""
        return self.status.widgets()

    # -- periodic refresh -------------------------------------------------------------------
    @property
    def auto(self) -> bool:
        """True when the periodic refresh is on."""
        return st.get_str(AUTO_REFRESH, "false").lower() == "true"

    @property
    def interval(self) -> int:
        """Minutes between two periodic refreshes."""
        return max(1, st.get_int(INTERVAL, DEFAULT_INTERVAL))

    def set_auto(self, on: bool) -> None:
        """Switch the periodic refresh on or off (remembered for the next start)."""
        st.put(AUTO_REFRESH, "true" if on else "false")
        if on:
            self._start_timer()
        else:
            self.timer.stop()

    def _start_timer(self) -> None:
        self.timer.start(self.interval * 60_000)

    def _tick(self) -> None:
        if self.task is None:  # never two refreshes at once
            self.start(None, quiet=True)

    def stop(self) -> None:
        """The window is closing: no periodic refresh starts afterwards."""
        self.timer.stop()

    # -- a refresh --------------------------------------------------------------------------
    def start(self, ids: list[int] | None = None, quiet: bool = False) -> Task | None:
        """Refresh some feeds (every feed when ids is None) in the background.

        quiet (the periodic refresh): no report pops up; the status bar says what happened.
        """
        if self.task is not None:
            if not quiet:
                self.message.emit(
                    QCoreApplication.translate(
                        "FeedsFlow", "The feeds are already being refreshed."
                    )
                )
            return None
        self.quiet = quiet
        self.status.busy()
        if not quiet:  # the progress bar says it; a periodic one leaves the status bar alone
            self.message.emit(QCoreApplication.translate("FeedsFlow", "Refreshing the feeds…"))
        self.task = self.runner.run(
            jobs.feeds_refresh_job,
            str(self.folder),
            list(ids) if ids is not None else None,
            on_done=self._done,
            on_error=self._failed,
            on_progress=self._progress,
        )
        self.busyChanged.emit(True)
        return self.task

    def cancel(self) -> None:
        """Stop the running refresh after the current item."""
        if self.task is not None:
            self.task.cancel()
            self.cancel_btn.setEnabled(False)
            self.message.emit(
                QCoreApplication.translate("FeedsFlow", "Cancelling the refresh of the feeds…")
            )

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)
        self.progress.setToolTip(text)

    def _finished(self) -> None:
        self.task = None
        self.status.finish()
        self.busyChanged.emit(False)

    def _done(self, result: tuple[list[FeedReport], bool]) -> None:
        self._finished()
        self.last = result
        reports, cancelled = result
        offline = any(r.error_code == NO_NETWORK for r in reports)
        if offline and self.quiet:
            if not self._offline_said:  # said once, not at every tick while offline
                self.message.emit(
                    QCoreApplication.translate(
                        "FeedsFlow", "No network: the feeds were not refreshed."
                    )
                )
            self._offline_said = True
        else:
            self._offline_said = offline
            self.message.emit(self.summary(reports, cancelled))
            failed = any(r.error or r.failed for r in reports)
            if not self.quiet and (failed or cancelled):
                self.show_report()
        new = {r.article_id for rep in reports for r in rep.results if r.status == "imported"}
        self.articlesAdded.emit({a for a in new if a})
        self.refreshed.emit()

    def _failed(self, message: str) -> None:
        self._finished()
        self.message.emit(
            QCoreApplication.translate("FeedsFlow", "The refresh of the feeds failed: %1").replace(
                "%1", message
            )
        )
        self.refreshed.emit()

    def summary(self, reports: list[FeedReport], cancelled: bool = False) -> str:
        """One line for the status bar: "3 new articles, 1 failed."."""
        new = sum(r.new for r in reports)
        failed = sum(r.failed for r in reports) + sum(1 for r in reports if r.error)
        if cancelled:
            return self.tr("Refresh cancelled: %n new article(s).", "", new)
        if failed:
            return self.tr("%n new article(s), %1 failed.", "", new).replace(
                "%1", format_number(failed)
            )
        return self.tr("%n new article(s).", "", new)

    def show_report(self) -> ImportReport | None:
        """The last refresh's report: what came in, and each item or feed that failed."""
        if self.last is None:
            return None
        reports, cancelled = self.last
        if self.report is not None:
            self.report.close()
            self.report.deleteLater()
        self.report = ImportReport(report_results(reports), cancelled, self.parent_widget)
        self.report.setWindowTitle(QCoreApplication.translate("FeedsFlow", "Feeds refreshed"))
        self.report.show()
        return self.report
