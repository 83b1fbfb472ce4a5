"""The briefing's details: title, subtitle, author, date, handling marking, executive summary."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QTextEdit,
    QWidget,
)

from desktop_app.core.briefings import Briefing

SAVE_DELAY_MS = 600
LANGUAGES = (("ar-SA", "العربية"), ("en-US", "English"))


class BriefingForm(QWidget):
    """Edits a briefing's fields; emits fieldsEdited(dict) a moment after typing stops."""

    fieldsEdited = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefingForm")
        self._loaded: dict[str, object] = {}
        self._filling = False
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A dock is narrow: each label above its field, so nothing scrolls sideways.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.edits: dict[str, QLineEdit] = {}
        for key, label, hint in (
            ("title", self.tr("Title"), self.tr("The briefing's title")),
            ("subtitle", self.tr("Subtitle"), ""),
            ("author", self.tr("Author"), ""),
            ("date", self.tr("Date"), self.tr("For example 2024-05-01")),
            ("marking", self.tr("Handling marking"), self.tr("For example: For internal use only")),
        ):
            edit = QLineEdit(self)
            edit.setObjectName(f"briefing_{key}")
            edit.setPlaceholderText(hint)
            edit.textEdited.connect(lambda _t: self._changed())
            edit.editingFinished.connect(self.flush)
            form.addRow(label, edit)
            self.edits[key] = edit
        self.language = QComboBox(self)
        self.language.setObjectName("briefing_language")
        for tag, name in LANGUAGES:
            self.language.addItem(name, tag)
        self.language.activated.connect(lambda _i: self.flush(force=True))
        form.addRow(self.tr("Language"), self.language)
        self.toc = QCheckBox(self.tr("Include a table of contents"), self)
        self.toc.setObjectName("briefing_toc")
        self.toc.toggled.connect(lambda _b: self.flush(force=True))
        form.addRow("", self.toc)
        self.summary = QTextEdit(self)
        self.summary.setObjectName("briefing_summary")
        self.summary.setAcceptRichText(False)
        self.summary.setPlaceholderText(
            self.tr("The executive summary: the key judgements in a few lines.")
        )
        self.summary.textChanged.connect(self._changed)
        form.addRow(self.tr("Executive summary"), self.summary)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.setEnabled(False)

    def load(self, briefing: Briefing | None) -> None:
        """Show a briefing's fields (None: an empty, disabled form)."""
        self._timer.stop()
        self._filling = True
        values: dict[str, object] = {}
        for key, edit in self.edits.items():
            text = str(getattr(briefing, key, "") or "") if briefing else ""
            values[key] = text
            if edit.text() != text:
                edit.setText(text)
            edit.setAlignment(Qt.AlignmentFlag.AlignLeading)
        summary = briefing.summary if briefing else ""
        if self.summary.toPlainText() != summary:
            self.summary.setPlainText(summary)
        values["summary"] = summary
        lang = briefing.language if briefing else "ar-SA"
        i = self.language.findData(lang)
        if i < 0:
            self.language.addItem(lang, lang)
            i = self.language.count() - 1
        self.language.setCurrentIndex(i)
        values["language"] = lang
        self.toc.setChecked(bool(briefing.include_toc) if briefing else False)
        values["include_toc"] = self.toc.isChecked()
        self._loaded = values
        self._filling = False
        self.setEnabled(briefing is not None)

    def values(self) -> dict[str, object]:
        """The fields as typed."""
        out: dict[str, object] = {k: e.text() for k, e in self.edits.items()}
        out["summary"] = self.summary.toPlainText()
        out["language"] = self.language.currentData()
        out["include_toc"] = self.toc.isChecked()
        return out

    def _changed(self) -> None:
        if not self._filling:
            self._timer.start()

    def flush(self, force: bool = False) -> None:
        """Announce the fields that differ from what was loaded (now, not after the delay)."""
        self._timer.stop()
        if self._filling or (not self.isEnabled() and not force):
            return
        now = self.values()
        changed = {k: v for k, v in now.items() if self._loaded.get(k) != v}
        if changed:
            self._loaded.update(changed)
            self.fieldsEdited.emit(changed)
