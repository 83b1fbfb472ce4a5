"""After an import: what came in, and every file that failed with its reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.models import ImportResult
from desktop_app.ui.messages import translated


class ImportReport(QDialog):
    """Lists the failed files and the reason for each (non-modal)."""

    def __init__(
        self, results: list[ImportResult], cancelled: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(self.tr("Import finished"))
        lay = QVBoxLayout(self)
        ok = sum(1 for r in results if r.status == "imported")
        dup = sum(1 for r in results if r.status == "duplicate")
        failed = [r for r in results if r.status == "failed"]
        lines = [self.tr("%n article(s) imported.", "", ok)]
        if dup:
            lines.append(self.tr("%n file(s) were already in the library.", "", dup))
        if failed:
            lines.append(self.tr("%n file(s) could not be imported:", "", len(failed)))
        if cancelled:
            lines.append(
                self.tr("The import was cancelled; the files not reached were left alone.")
            )
        summary = QLabel("\n".join(lines), self)
        summary.setWordWrap(True)
        lay.addWidget(summary)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("importErrors")
        self.tree.setHeaderLabels([self.tr("File"), self.tr("Reason or remark")])
        for r in failed:
            self._row(r.path, translated(r.error_code, r.error_params, r.error or ""))
        remarked = [r for r in results if r.status == "imported" and r.remarks]
        for r in remarked:
            for m in r.remarks:
                self._row(r.path, translated(m.code, m.params, m.code))
        self.tree.setVisible(bool(failed or remarked))
        lay.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        buttons.accepted.connect(self.close)
        lay.addWidget(buttons)
        self.tree.resizeColumnToContents(0)
        self.resize(720, 360 if failed or remarked else 160)

    def _row(self, path: str, text: str) -> None:
        """One row: the file's name (its full path in the tooltip) and the reason or remark."""
        item = QTreeWidgetItem(self.tree, [Path(path).name or path, text])
        item.setToolTip(0, path)
        item.setToolTip(1, text)
