"""Rename the six highlight labels."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop_app.core.models import Label
from desktop_app.ui.i18n import label_display_name, label_stored_name
from desktop_app.ui.panels.annotations_panel import swatch


class LabelsDialog(QDialog):
    """Six fields, one per colour; returns the new names of the labels that changed."""

    def __init__(self, labels: list[Label], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelsDialog")
        self.setWindowTitle(self.tr("Highlight labels"))
        self.labels = labels
        form = QFormLayout(self)
        self.edits: dict[int, QLineEdit] = {}
        for lab in labels:
            icon = QLabel(self)
            icon.setPixmap(swatch(lab.color).pixmap(16, 16))
            edit = QLineEdit(label_display_name(lab.name), self)
            edit.setObjectName(f"labelEdit{lab.id}")
            self.edits[lab.id] = edit
            form.addRow(icon, edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def changes(self) -> dict[int, str]:
        """Label id -> new name, for the names that changed (empty names are ignored)."""
        out: dict[int, str] = {}
        for lab in self.labels:
            name = label_stored_name(self.edits[lab.id].text().strip(), lab.name)
            if name and name != lab.name:
                out[lab.id] = name
        return out
